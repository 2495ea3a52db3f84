import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { basename } from "node:path";
import { EmlabError } from "../../errors.js";
import { sha256, sha256File } from "../../util/hash.js";
import { ChatTemplate } from "../chat-template.js";
import { defaultLanes, defaultThreads, kvBytesPerToken } from "../engine-defaults.js";
import type { Backend, ChatMessage, EngineSettings, LoadModelOptions, LoadedModel, ModelInfo, WeightVariant } from "../types.js";
import { BASE_VARIANT } from "../types.js";
import { checkCacheFeeding } from "./cache-feeding-check.js";
import { DecoderGraph } from "./decoder-graph.js";
import { HfTokenizer, loadTransformers } from "./hf-tokenizer.js";
import { readOnnxModelDir, type OnnxModelDir } from "./model-dir.js";
import { OnnxSession } from "./onnx-session.js";
import { readOnnxMetadata } from "./lora-splice/model-metadata.js";
import { RANK_MAX_KEY } from "./lora-splice/splice-lora.js";
import { isNoAdapter, loraFeeds, readLoraAdapter } from "./peft-adapter.js";
import { createOrtSession, onnxRuntimeVersion } from "./runtime.js";

const DEFAULT_CONTEXT = 4096;

/**
 * Also the KV-cache element type (fixed by the export), named as the llama backend's kvCacheType,
 * and how prompts are fed on a non-empty cache: "chunked", or "token-by-token" where the load-time
 * self-check found the graph's causal mask wrong for several tokens on a cache.
 */
export type OnnxEngineSettings = EngineSettings & { kvCacheType: "f16" | "f32"; cacheFeeding: "chunked" | "token-by-token" };
/** Prompt tokens per forward pass: bounds the [tokens × vocab] logits of a long prefill. */
const PREFILL_CHUNK = 256;

export class OnnxBackend implements Backend {
  readonly name = "onnx" as const;

  load(options: LoadModelOptions): Promise<LoadedModel> {
    return OnnxLoadedModel.load(options);
  }
}

/**
 * An exported model directory (Optimum / Transformers.js layout) run through onnxruntime-node.
 * Transformers.js provides the tokenizer; the forward passes, the KV cache and sampling are
 * emlab's own (see OnnxSession). Sessions share the loaded graph.
 */
export class OnnxLoadedModel implements LoadedModel {
  private readonly template: ChatTemplate | null;
  private readonly sessions = new Set<OnnxSession>();
  private loraGraph: Promise<DecoderGraph> | null = null;

  private constructor(
    private readonly files: OnnxModelDir,
    private readonly graph: DecoderGraph,
    private readonly tokenizer: HfTokenizer,
    readonly info: ModelInfo,
    readonly settings: OnnxEngineSettings,
    bosToken: string | undefined,
    eosToken: string | undefined,
  ) {
    this.template = info.chatTemplate ? new ChatTemplate(info.chatTemplate, { bosToken, eosToken }, files.dir) : null;
  }

  static async load(options: LoadModelOptions): Promise<OnnxLoadedModel> {
    const files = readOnnxModelDir(options.path, options.dtype ?? "fp32");
    const gpu = options.gpu ?? "auto";
    const threads = options.threads ?? defaultThreads(weightBytes(files.hashedFiles), availableParallelism());
    const tokenizer = await HfTokenizer.create(files.tokenizerJson, files.tokenizerConfig, files.dir);
    const { session, device } = await createOrtSession(files.modelFile, gpu, threads);
    const graph = DecoderGraph.inspect(session, files.modelFile, files);
    const check = await checkCacheFeeding(graph, files.dtype);

    const config = files.config;
    const tc = files.tokenizerConfig;
    const trained = positiveInt(config.max_position_embeddings) ?? positiveInt(tc.model_max_length) ?? DEFAULT_CONTEXT;
    const contextSize = options.contextSize ?? Math.min(trained, DEFAULT_CONTEXT);
    if (contextSize > trained) {
      throw new EmlabError(`${files.dir}: --context-size ${contextSize} exceeds the model's trained context of ${trained} tokens`);
    }
    const bosToken = specialTokenText(tc.bos_token);
    const eosToken = specialTokenText(tc.eos_token);
    const eos = new Set<number>([...ids(files.generationConfig.eos_token_id), ...ids(config.eos_token_id)]);
    const eosFromTokenizer = eosToken === undefined ? undefined : tokenizer.idOf(eosToken);
    if (eosFromTokenizer !== undefined) eos.add(eosFromTokenizer);
    const fileHashes = await Promise.all(files.hashedFiles.map(async (f) => `${basename(f)}:${await sha256File(f)}`));
    const info: ModelInfo = {
      path: files.dir,
      sha256: sha256(fileHashes.join("\n")),
      architecture: typeof config.model_type === "string" ? config.model_type : "unknown",
      name: basename(files.dir),
      vocabSize: positiveInt(config.vocab_size) ?? tokenizer.size,
      trainedContextLength: trained,
      chatTemplate: chatTemplateSource(tc.chat_template) ?? files.chatTemplateFile,
      // Qwen's tokenizer_config.json has no bos_token but config.json names one (as GGUF conversions do).
      bosTokenId: bosToken === undefined ? (tokenId(config.bos_token_id) ?? null) : (tokenizer.idOf(bosToken) ?? null),
      eosTokenIds: [...eos].sort((a, b) => a - b),
    };
    const settings: OnnxEngineSettings = {
      backend: "onnx",
      engineVersion: `onnxruntime-node ${onnxRuntimeVersion()} (${device}), @huggingface/transformers ${(await loadTransformers()).env.version} tokenizer`,
      gpu: device,
      threads,
      contextSize,
      flashAttention: false,
      batchSize: PREFILL_CHUNK,
      parallelSequences: Math.max(
        1,
        options.parallelSequences ?? defaultLanes(options.samplesPerPrompt ?? 1, contextSize * kvBytesPerToken(graph.kv, graph.kv.type === "float16" ? 2 : 4)),
      ),
      dtype: files.dtype,
      kvCacheType: graph.kv.type === "float16" ? "f16" : "f32",
      cacheFeeding: check.multiTokenOnCache ? "chunked" : "token-by-token",
    };
    if (!check.multiTokenOnCache) {
      process.stderr.write(
        `${files.modelFile}: several tokens on a non-empty cache disagree with one at a time (log-prob diff ${check.maxDiff.toExponential(2)} > ${check.tolerance}); ` +
          `feeding prompts token by token after the first chunk\n`,
      );
    }
    return new OnnxLoadedModel(files, graph, tokenizer, info, settings, bosToken, eosToken);
  }

  tokenize(text: string, options: { special?: boolean } = {}): number[] {
    return this.tokenizer.encode(text, options.special ?? false);
  }

  detokenize(ids: readonly number[]): string {
    return this.tokenizer.decode(ids);
  }

  tokenText(id: number): string {
    return this.tokenizer.decode([id]);
  }

  renderChat(messages: readonly ChatMessage[], options: { addGenerationPrompt?: boolean } = {}): string {
    if (!this.template) throw new EmlabError(`${this.info.path}: this model has no chat template (tokenizer_config.json chat_template)`);
    return this.template.render(messages, options.addGenerationPrompt ?? true);
  }

  chatTokens(messages: readonly ChatMessage[], options: { addGenerationPrompt?: boolean } = {}): number[] {
    return this.tokenize(this.renderChat(messages, options), { special: true });
  }

  async openSession(variant: WeightVariant = BASE_VARIANT): Promise<OnnxSession> {
    for (const l of variant.lora) if (!Number.isFinite(l.scale)) throw new EmlabError(`${l.path}: LoRA scale must be a number`);
    // Adapters at scale 0 change nothing: run the plain graph, bit-identical to the base model.
    const needsLora = !isNoAdapter(variant.lora);
    const graph = needsLora ? await this.graphWithLoraInputs() : this.graph;
    const adapters = needsLora ? variant.lora.map((l) => ({ adapter: readLoraAdapter(l.path), scale: l.scale })) : [];
    const s = this.settings;
    const session = new OnnxSession(
      {
        graph,
        feeds: graph.loraInputs.length > 0 ? loraFeeds(graph.loraInputs, adapters, this.loraRankMax(graph)) : {},
        contextSize: s.contextSize,
        chunkSize: s.batchSize,
        multiTokenOnCache: s.cacheFeeding === "chunked",
        parallelSequences: s.parallelSequences,
        eosTokenIds: new Set(this.info.eosTokenIds),
        decode: (ids) => this.tokenizer.decode(ids),
        origin: this.info.path,
      },
      variant,
      () => this.sessions.delete(session),
    );
    this.sessions.add(session);
    return session;
  }

  async dispose(): Promise<void> {
    for (const session of [...this.sessions]) await session.dispose();
    this.sessions.clear();
    await this.graph.session.release();
    if (this.loraGraph) await (await this.loraGraph.catch(() => null))?.session.release();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }

  /** The rank limit `emlab onnx add-lora` recorded in the LoRA graph's metadata, if any. */
  private loraRankMax(graph: DecoderGraph): { limit: number; file: string } | undefined {
    const file = graph === this.graph ? this.files.modelFile : this.files.loraModelFile;
    const limit = file ? Number(readOnnxMetadata(file).get(RANK_MAX_KEY)) : NaN;
    return file && Number.isInteger(limit) && limit > 0 ? { limit, file } : undefined;
  }

  /** onnxruntime-node has no adapter API: LoRA needs a graph that takes the A/B matrices as inputs. */
  private graphWithLoraInputs(): Promise<DecoderGraph> {
    if (this.graph.loraInputs.length > 0) return Promise.resolve(this.graph);
    if (!this.files.loraModelFile) {
      return Promise.reject(
        new EmlabError(
          `${this.files.modelFile}: this ONNX export takes no LoRA inputs (lora.{layer}.{module}.A/B) and there is no ` +
            `onnx/model*_lora.onnx beside it; onnxruntime has no adapter API, so export the model with the adapter merged ` +
            `into its weights, or an export that takes LoRA inputs`,
        ),
      );
    }
    const file = this.files.loraModelFile;
    // Same device as the main graph.
    this.loraGraph ??= createOrtSession(file, this.settings.gpu === "cuda" ? "cuda" : "cpu", this.settings.threads).then(
      ({ session }) => {
        const graph = DecoderGraph.inspect(session, file, this.files);
        if (graph.loraInputs.length === 0) throw new EmlabError(`${file}: this graph takes no LoRA inputs`);
        return graph;
      },
    );
    return this.loraGraph;
  }
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined;
}

function tokenId(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;
}

function ids(value: unknown): number[] {
  if (typeof value === "number") return [value];
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === "number") : [];
}

/** tokenizer_config.json writes special tokens as strings or as {content: …} objects. */
function specialTokenText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && typeof (value as { content?: unknown }).content === "string") return (value as { content: string }).content;
  return undefined;
}

/** A chat template is a string, or a list of named templates of which "default" is the chat one. */
function chatTemplateSource(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) {
    const named = value.find((t) => (t as { name?: string }).name === "default") as { template?: string } | undefined;
    return named?.template ?? null;
  }
  return null;
}

/** Bytes of the files that make the model (graph, external weights; the JSON beside them is small). */
function weightBytes(files: readonly string[]): number {
  return files.reduce((total, file) => total + statSync(file).size, 0);
}
