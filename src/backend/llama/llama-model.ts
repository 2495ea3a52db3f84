import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Llama, LlamaModel, Token } from "node-llama-cpp";
import { EmlabError } from "../../errors.js";
import { sha256File } from "../../util/hash.js";
import { ggufAdapterFor } from "../../adapters/cache.js";
import { ChatTemplate } from "../chat-template.js";
import { defaultLanes, defaultThreads, kvBytesPerToken } from "../engine-defaults.js";
import type {
  Backend,
  ChatMessage,
  EngineSettings,
  LoadModelOptions,
  LoadedModel,
  ModelInfo,
  WeightVariant,
  KvCacheType,
} from "../types.js";
import { BASE_VARIANT } from "../types.js";
export type { KvCacheType } from "../types.js";
import { LlamaSession } from "./llama-session.js";
import { getLlamaRuntime } from "./runtime.js";
import { validateGgufFile } from "./validate.js";

const DEFAULT_CONTEXT = 4096;
/**
 * How samples are drawn; part of every sample's key. Since 2026-11 the first token is drawn by emlab
 * from the prompt's distribution (evaluated once); since 2026-11-30 raw T=1 steps draw with llama.cpp's
 * dist sampler over the vocabulary in id order (RawDraw), not after node-llama-cpp's full sort.
 */
const LLAMA_SAMPLER = "first token by emlab, then llama.cpp (raw T=1: dist in vocabulary order)";

/** Kept as names for the llama backend's options and settings (KV-cache type is in the shared types). */
export type LlamaLoadOptions = LoadModelOptions;
export type LlamaEngineSettings = EngineSettings & { kvCacheType: KvCacheType };

export class LlamaBackend implements Backend {
  readonly name = "llama" as const;

  load(options: LlamaLoadOptions): Promise<LoadedModel> {
    return LlamaLoadedModel.load(options);
  }
}

/** A GGUF model loaded through node-llama-cpp; sessions (variants) share its weights. */
export class LlamaLoadedModel implements LoadedModel {
  private readonly template: ChatTemplate | null;
  private readonly sessions = new Set<LlamaSession>();

  private constructor(
    private readonly llama: Llama,
    readonly model: LlamaModel,
    readonly info: ModelInfo,
    readonly settings: LlamaEngineSettings,
  ) {
    this.template = info.chatTemplate
      ? new ChatTemplate(
          info.chatTemplate,
          { bosToken: this.specialText(model.tokens.bos), eosToken: this.specialText(model.tokens.eos) },
          info.path,
        )
      : null;
  }

  static async load(options: LlamaLoadOptions): Promise<LlamaLoadedModel> {
    const path = resolve(options.path);
    const kvCacheType = options.kvCacheType ?? "f16";
    if (kvCacheType !== "f16" && kvCacheType !== "f32") throw new EmlabError(`unknown KV-cache type '${String(kvCacheType)}' (use f16 or f32)`);
    const header = await validateGgufFile(path, "model");
    const gpu = options.gpu ?? "auto";
    const llama = await getLlamaRuntime(gpu);
    let model: LlamaModel;
    try {
      model = await llama.loadModel({ modelPath: path, gpuLayers: gpu === "cpu" ? 0 : "auto" });
    } catch (error) {
      throw new EmlabError(`${path}: llama.cpp could not load this model: ${(error as Error).message}`);
    }
    const metadata = model.fileInfo.metadata as unknown as {
      general?: { architecture?: string; name?: string };
      tokenizer?: { chat_template?: string; ggml?: { tokens?: readonly string[] } };
    };
    const trained = model.trainContextSize;
    const contextSize = options.contextSize ?? Math.min(trained, DEFAULT_CONTEXT);
    if (contextSize > trained) {
      throw new EmlabError(`${path}: --context-size ${contextSize} exceeds the model's trained context of ${trained} tokens`);
    }
    const eos = [model.tokens.eos, model.tokens.eot].filter((t) => t != null) as unknown as number[];
    const info: ModelInfo = {
      path,
      sha256: await sha256File(path),
      architecture: metadata.general?.architecture ?? header.architecture ?? "unknown",
      name: metadata.general?.name ?? path.split("/").pop()!,
      vocabSize: metadata.tokenizer?.ggml?.tokens?.length ?? 0,
      trainedContextLength: trained,
      chatTemplate: metadata.tokenizer?.chat_template ?? null,
      bosTokenId: (model.tokens.bos as number | null) ?? null,
      eosTokenIds: [...new Set(eos)],
    };
    const settings: LlamaEngineSettings = {
      backend: "llama",
      engineVersion: `node-llama-cpp ${nodeLlamaCppVersion()} (${llama.gpu || "cpu"}, ${llama.buildType})`,
      gpu: llama.gpu === false ? "cpu" : String(llama.gpu),
      // llama.cpp's default thread count oversubscribes small machines (~60x slower on 2 cores).
      threads: options.threads ?? defaultThreads(statSync(path).size, llama.cpuMathCores),
      contextSize,
      flashAttention: options.flashAttention ?? false,
      batchSize: Math.min(512, contextSize),
      parallelSequences: Math.max(
        1,
        options.parallelSequences ??
          defaultLanes(options.samplesPerPrompt ?? 1, contextSize * kvBytesPerToken(kvShapeOf(model, info.architecture), kvCacheType === "f32" ? 4 : 2)),
      ),
      kvCacheType,
      sampler: LLAMA_SAMPLER,
    };
    return new LlamaLoadedModel(llama, model, info, settings);
  }

  tokenize(text: string, options: { special?: boolean } = {}): number[] {
    return this.model.tokenize(text, options.special ?? false) as unknown as number[];
  }

  detokenize(ids: readonly number[]): string {
    return this.model.detokenize(ids as unknown as Token[]);
  }

  tokenText(id: number): string {
    return this.model.detokenize([id as Token], true);
  }

  renderChat(messages: readonly ChatMessage[], options: { addGenerationPrompt?: boolean } = {}): string {
    if (!this.template) throw new EmlabError(`${this.info.path}: this model has no chat template (tokenizer.chat_template)`);
    return this.template.render(messages, options.addGenerationPrompt ?? true);
  }

  chatTokens(messages: readonly ChatMessage[], options: { addGenerationPrompt?: boolean } = {}): number[] {
    return this.tokenize(this.renderChat(messages, options), { special: true });
  }

  /**
   * The GGUF LoRA file llama.cpp loads for an adapter (a PEFT folder is converted for this model on
   * first use, and cached), checked against this model's architecture.
   */
  async adapterFile(path: string): Promise<string> {
    const file = await ggufAdapterFor(path, this.info);
    const header = await validateGgufFile(file, "adapter");
    if (header.architecture && header.architecture !== this.info.architecture) {
      throw new EmlabError(`${path}: this LoRA adapter is for architecture '${header.architecture}', but the model is '${this.info.architecture}'`);
    }
    return file;
  }

  async openSession(variant: WeightVariant = BASE_VARIANT): Promise<LlamaSession> {
    const files: string[] = [];
    for (const adapter of variant.lora) {
      if (!Number.isFinite(adapter.scale)) throw new EmlabError(`${adapter.path}: LoRA scale must be a number`);
      files.push(await this.adapterFile(adapter.path));
    }
    const s = this.settings;
    let context;
    try {
      context = await this.model.createContext({
        contextSize: s.contextSize,
        sequences: s.parallelSequences,
        flashAttention: s.flashAttention,
        threads: s.threads,
        batchSize: s.batchSize,
        ...(s.kvCacheType === "f32" ? { experimentalKvCacheKeyType: "F32", experimentalKvCacheValueType: "F32" } : {}),
        ...(variant.lora.length > 0
          ? { lora: { adapters: variant.lora.map((l, i) => ({ filePath: files[i]!, scale: l.scale })) } }
          : {}),
      });
    } catch (error) {
      throw new EmlabError(`${this.info.path}: could not create a context: ${(error as Error).message}`);
    }
    const session = new LlamaSession(this.model, context, variant, this.info.path, this.info.vocabSize);
    this.sessions.add(session);
    return session;
  }

  async dispose(): Promise<void> {
    for (const session of this.sessions) await session.dispose();
    this.sessions.clear();
    await this.model.dispose();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }

  private specialText(id: Token | null): string | undefined {
    return id == null ? undefined : this.model.detokenize([id], true);
  }
}

/** The KV cache's shape from the GGUF metadata (head size = embedding ÷ heads unless given). */
function kvShapeOf(model: LlamaModel, architecture: string): { layers: number; kvHeads: number; headDim: number } {
  const arch = (model.fileInfo.metadata as unknown as Record<string, Record<string, unknown> | undefined>)[architecture] ?? {};
  const attention = (arch.attention ?? {}) as Record<string, unknown>;
  const num = (value: unknown) => (typeof value === "number" && Number.isFinite(value) ? value : 0);
  const heads = num(attention.head_count);
  const headDim = num(attention.key_length) || (heads > 0 ? num(arch.embedding_length) / heads : 0);
  return { layers: num(arch.block_count), kvHeads: num(attention.head_count_kv) || heads, headDim };
}

let cachedVersion: string | undefined;
/** node-llama-cpp's version (its package.json is not exported, so read it next to the entry point). */
function nodeLlamaCppVersion(): string {
  if (cachedVersion) return cachedVersion;
  let dir = dirname(fileURLToPath(import.meta.resolve("node-llama-cpp")));
  while (!existsSync(join(dir, "package.json")) && dirname(dir) !== dir) dir = dirname(dir);
  cachedVersion = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
  return cachedVersion;
}
