import { EmlabError } from "../../errors.js";
import { LlamaLoadedModel } from "../llama/llama-model.js";
import { BASE_VARIANT } from "../types.js";
import type {
  Backend,
  ChatMessage,
  EngineSettings,
  GeneratedSample,
  LoadModelOptions,
  LoadedModel,
  ModelInfo,
  NextTokenQuery,
  NextTokenResult,
  SampleRequestOptions,
  SamplingParams,
  Session,
  SessionStats,
  WeightVariant,
} from "../types.js";
import { startManagedServer, type ManagedServer, type ManagedServerOptions } from "./managed-llama-server.js";
import { ServedLoadedModel } from "./served-model.js";
import type { ServedTokenizer } from "./served-tokenizer.js";

/**
 * The `llama-server` engine: a GGUF file run by a llama-server that emlab starts, feeds and stops
 * itself. Generation goes to the server, which keeps sampling and log-prob extraction in C++ (the
 * in-process engine pays node-llama-cpp's per-token decode path, ~13 ms a token on 2 cores); scoring
 * and next-token reads stay in-process on the same file, in one pass each.
 * Samples are those of llama-server for the same seeds, so they are keyed apart from the in-process
 * engine's (see ServedLoadedModel's identity); the settings record the binary and its arguments.
 */
export class ManagedLlamaServerBackend implements Backend {
  readonly name = "llama-server" as const;

  async load(options: LoadModelOptions): Promise<ManagedLlamaServerModel> {
    return ManagedLlamaServerModel.load(options);
  }
}

export class ManagedLlamaServerModel implements LoadedModel {
  private openSessions = 0;

  private constructor(
    private readonly local: LlamaLoadedModel,
    private served: ServedLoadedModel,
    private server: ManagedServer,
    private readonly serverOptions: ManagedServerOptions,
    readonly settings: EngineSettings,
  ) {}

  static async load(options: LoadModelOptions): Promise<ManagedLlamaServerModel> {
    // The in-process model gives the tokenizer, template, scoring, and the same default threads and lanes.
    const local = await LlamaLoadedModel.load({ ...options, gpu: options.gpu ?? "auto" });
    try {
      const base = local.settings;
      const serverOptions: ManagedServerOptions = {
        model: local.info.path,
        threads: base.threads,
        slots: base.parallelSequences,
        contextSize: base.contextSize,
        flashAttention: base.flashAttention,
        gpu: base.gpu !== "cpu",
        lora: [],
      };
      const server = await startManagedServer(serverOptions);
      const served = await ManagedLlamaServerModel.connect(server, serverOptions, local);
      return new ManagedLlamaServerModel(local, served, server, serverOptions, ManagedLlamaServerModel.settingsOf(base, served, server));
    } catch (error) {
      await local.dispose();
      throw error;
    }
  }

  private static connect(server: ManagedServer, options: ManagedServerOptions, local: LlamaLoadedModel): Promise<ServedLoadedModel> {
    const spec = { urls: [server.url], api: "llama-server" as const, tokenizer: options.model, concurrency: options.slots };
    // The served model must not dispose the in-process model: this engine owns both.
    const tokenizer: ServedTokenizer = {
      info: local.info,
      tokenize: (text, o) => local.tokenize(text, o),
      detokenize: (ids) => local.detokenize(ids),
      tokenText: (id) => local.tokenText(id),
      renderChat: (messages, o) => local.renderChat(messages, o),
      chatTokens: (messages, o) => local.chatTokens(messages, o),
      openSession: (variant) => local.openSession(variant),
      dispose: async () => {},
    };
    return ServedLoadedModel.load(spec, options.contextSize, {}, tokenizer);
  }

  private static settingsOf(base: EngineSettings, served: ServedLoadedModel, server: ManagedServer): EngineSettings {
    const portAt = server.args.indexOf("--port");
    // The server draws every token itself: the in-process sampler's version does not apply.
    const { sampler: _inProcessSampler, ...shared } = base;
    return {
      ...shared,
      backend: "llama-server",
      engineVersion: served.settings.engineVersion,
      ...(served.settings.served ? { served: { ...served.settings.served, endpoints: ["managed"], scoring: `in-process (${base.engineVersion})` } } : {}),
      managedServer: { binary: server.binary, args: server.args.filter((_, i) => i !== portAt && i !== portAt + 1) },
    };
  }

  get info(): ModelInfo {
    return this.served.info;
  }

  tokenize(text: string, options?: { special?: boolean }): number[] {
    return this.local.tokenize(text, options);
  }

  detokenize(ids: readonly number[]): string {
    return this.local.detokenize(ids);
  }

  tokenText(id: number): string {
    return this.local.tokenText(id);
  }

  renderChat(messages: readonly ChatMessage[], options?: { addGenerationPrompt?: boolean }): string {
    return this.local.renderChat(messages, options);
  }

  chatTokens(messages: readonly ChatMessage[], options?: { addGenerationPrompt?: boolean }): number[] {
    return this.local.chatTokens(messages, options);
  }

  async openSession(variant: WeightVariant = BASE_VARIANT): Promise<Session> {
    // The server loads LoRA files at start (GGUF, PEFT folders converted by the in-process engine):
    // a variant with a file it has not loaded restarts it with every file seen so far.
    const files = await Promise.all(variant.lora.map((adapter) => this.local.adapterFile(adapter.path)));
    const missing = files.filter((f) => !this.serverOptions.lora.includes(f));
    if (missing.length > 0) await this.restartWith(missing);
    const lora = variant.lora.map((adapter, i) => ({ ...adapter, path: files[i]! }));
    const served = await this.served.openSession({ ...variant, lora });
    this.openSessions++;
    return new ManagedSession(variant, served, () => this.local.openSession(variant), () => void this.openSessions--);
  }

  private async restartWith(files: string[]): Promise<void> {
    if (this.openSessions > 0) {
      throw new EmlabError(`${this.local.info.path}: the llama-server engine must restart to load ${files.join(", ")}; close its open sessions first`);
    }
    await this.server.stop();
    this.serverOptions.lora = [...this.serverOptions.lora, ...files];
    this.server = await startManagedServer(this.serverOptions);
    this.served = await ManagedLlamaServerModel.connect(this.server, this.serverOptions, this.local);
  }

  async dispose(): Promise<void> {
    await this.server.stop();
    await this.local.dispose();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }
}

/** Samples from the server; scores and next-token reads from the in-process engine on the same file. */
class ManagedSession implements Session {
  private local: Promise<Session> | undefined;

  constructor(
    readonly variant: WeightVariant,
    private readonly served: Session,
    private readonly openLocal: () => Promise<Session>,
    private readonly onDispose: () => void,
  ) {}

  get stats(): SessionStats {
    // Counted by the served session for samples; local reads are counted when they happen.
    return this.served.stats;
  }

  sample(prompt: readonly number[], params: SamplingParams, options?: SampleRequestOptions): Promise<GeneratedSample[]> {
    return this.served.sample(prompt, params, options);
  }

  async score(prompt: readonly number[], continuation: readonly number[]): Promise<Float32Array> {
    return (await this.localSession()).score(prompt, continuation);
  }

  async nextToken(prompt: readonly number[], query: NextTokenQuery): Promise<NextTokenResult> {
    return (await this.localSession()).nextToken(prompt, query);
  }

  private localSession(): Promise<Session> {
    return (this.local ??= this.openLocal());
  }

  async dispose(): Promise<void> {
    await this.served.dispose();
    if (this.local) await (await this.local).dispose();
    this.onDispose();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }
}
