import { existsSync } from "node:fs";
import { basename } from "node:path";
import { EmlabError } from "../../errors.js";
import { contentKey } from "../../util/hash.js";
import { BASE_VARIANT } from "../types.js";
import type { Backend, ChatMessage, EngineSettings, LoadModelOptions, LoadedModel, ModelInfo, Session, WeightVariant } from "../types.js";
import { EndpointPool, type EndpointStats, type PoolOptions } from "./endpoint-pool.js";
import type { EndpointSpec, ServedApi } from "./endpoint-spec.js";
import { llamaServerApi } from "./llama-server-api.js";
import { openaiChatApi } from "./openai-chat-api.js";
import type { ServedApiModule } from "./served-api.js";
import { ServedSession } from "./served-session.js";
import { byteTokenizer, loadServedTokenizer, type ServedTokenizer } from "./served-tokenizer.js";
import { serverFacts } from "./server-facts.js";
import { sglangApi } from "./sglang-api.js";
import { vllmApi } from "./vllm-api.js";

const API_MODULES: Record<ServedApi, ServedApiModule> = {
  "llama-server": llamaServerApi,
  vllm: vllmApi,
  sglang: sglangApi,
  openai: openaiChatApi,
};

/** The `served` engine: a model behind one or many OpenAI-compatible servers, behind the same Backend interface. */
export class ServedBackend implements Backend {
  readonly name = "served" as const;

  constructor(private readonly poolOptions: PoolOptions = {}) {}

  load(options: LoadModelOptions): Promise<ServedLoadedModel> {
    if (!options.endpoint) throw new EmlabError(`${options.path}: a served model needs an endpoint (url and api)`);
    return ServedLoadedModel.load(options.endpoint, options.contextSize, this.poolOptions);
  }
}

/**
 * A served model. Prompts are rendered and tokenized here with the model's own tokenizer and chat
 * template (token ids are the truth); the servers only evaluate. Its identity in content keys is the
 * API, the served model's name and, when the server's model file is on this machine, that file's hash.
 */
export class ServedLoadedModel implements LoadedModel {
  /** Chats by the key of their rendered tokens: chat-only APIs need the messages back. */
  private readonly chats = new Map<string, ChatMessage[]>();

  private constructor(
    readonly pool: EndpointPool,
    readonly spec: EndpointSpec,
    private readonly api: ServedApiModule,
    private readonly tokenizer: ServedTokenizer,
    readonly info: ModelInfo,
    readonly settings: EngineSettings,
    private readonly scoresLocally: boolean,
  ) {}

  /** `loaded`: a tokenizer the caller already holds (the llama-server engine's in-process model); the served model then owns it. */
  static async load(spec: EndpointSpec, contextSize: number | undefined, poolOptions: PoolOptions = {}, loaded?: ServedTokenizer): Promise<ServedLoadedModel> {
    const api = API_MODULES[spec.api];
    if (!api) throw new EmlabError(`unknown served API '${String(spec.api)}' (use llama-server, vllm, sglang or openai)`);
    const pool = new EndpointPool(spec, poolOptions);
    const origin = pool.urls.join(", ");
    const facts = await serverFacts(pool, spec);
    const serverFile = facts.modelPath && existsSync(facts.modelPath) ? facts.modelPath : undefined;
    const tokenizerPath = spec.tokenizer ?? serverFile;
    let tokenizer: ServedTokenizer;
    if (loaded) tokenizer = loaded;
    else if (tokenizerPath) tokenizer = await loadServedTokenizer(tokenizerPath, origin);
    else if (spec.api === "openai") tokenizer = byteTokenizer();
    else {
      throw new EmlabError(
        `${origin}: emlab renders prompts and counts tokens itself and needs the model's tokenizer: give the endpoint a tokenizer ` +
          `(the model's GGUF file, or --tokenizer)` + (facts.modelPath ? `; the server's model file ${facts.modelPath} is not on this machine` : ""),
      );
    }
    const name = spec.model ?? facts.modelName ?? "served-model";
    // The server's weights are known exactly when its model file (or a same-named copy) is here.
    const sameFile = facts.modelPath && basename(tokenizer.info.path) === basename(facts.modelPath);
    const weights = sameFile ? tokenizer.info.sha256 : (facts.modelName ?? name);
    // What the server cannot score is scored in-process on the same GGUF, when it is here.
    const scoresLocally = Boolean(sameFile && tokenizer.openSession);
    const served = Math.min(...[facts.contextSize, tokenizer.info.trainedContextLength].filter((n): n is number => typeof n === "number"));
    if (contextSize !== undefined && contextSize > served) {
      throw new EmlabError(`${origin}: context size ${contextSize} exceeds what the server allows (${served} tokens per sequence)`);
    }
    const info: ModelInfo = {
      path: `served:${spec.api}:${name}`,
      sha256: contentKey({ engine: "served", api: spec.api, model: name, weights }),
      architecture: tokenizer.info.architecture,
      name,
      vocabSize: tokenizer.info.vocabSize,
      trainedContextLength: served,
      chatTemplate: tokenizer.info.chatTemplate,
      bosTokenId: tokenizer.info.bosTokenId,
      eosTokenIds: tokenizer.info.eosTokenIds,
    };
    const settings: EngineSettings = {
      backend: "served",
      engineVersion: facts.version,
      gpu: "server",
      threads: 0,
      contextSize: contextSize ?? served,
      flashAttention: false,
      batchSize: 0,
      parallelSequences: pool.size * Math.max(1, spec.concurrency ?? 8),
      served: {
        ...api.facts,
        ...(scoresLocally ? { scoring: `${api.facts.scoring}; longer ones in-process on ${tokenizer.info.path}` } : {}),
        endpoints: pool.urls,
        model: name,
        tokenizer: tokenizerPath ?? "bytes (approximate)",
      },
    };
    return new ServedLoadedModel(pool, spec, api, tokenizer, info, settings, scoresLocally);
  }

  /** Requests, failures and tokens per endpoint so far. */
  endpointStats(): EndpointStats[] {
    return this.pool.stats();
  }

  tokenize(text: string, options?: { special?: boolean }): number[] {
    return this.tokenizer.tokenize(text, options);
  }

  detokenize(ids: readonly number[]): string {
    return this.tokenizer.detokenize(ids);
  }

  tokenText(id: number): string {
    return this.tokenizer.tokenText(id);
  }

  renderChat(messages: readonly ChatMessage[], options?: { addGenerationPrompt?: boolean }): string {
    return this.tokenizer.renderChat(messages, options);
  }

  chatTokens(messages: readonly ChatMessage[], options: { addGenerationPrompt?: boolean } = {}): number[] {
    const tokens = this.tokenizer.chatTokens(messages, options);
    // Only chat-only APIs need the messages back; the others never look.
    if (this.spec.api === "openai" && options.addGenerationPrompt !== false) this.chats.set(tokens.join(","), messages.map((m) => ({ ...m })));
    return tokens;
  }

  async openSession(variant: WeightVariant = BASE_VARIANT): Promise<Session> {
    const adapters = await this.api.prepareAdapters(this.pool, this.spec, variant.lora);
    return new ServedSession(
      {
        pool: this.pool,
        spec: this.spec,
        lora: variant.lora,
        adapters,
        messagesOf: (prompt) => this.chats.get(prompt.join(",")),
        endTokenId: this.info.eosTokenIds[0],
        idOf: (text) => {
          const ids = this.tokenizer.tokenize(text, { special: true });
          return ids.length === 1 ? ids[0]! : -1;
        },
      },
      this.api,
      {
        variant,
        origin: this.info.path + ` (${this.pool.urls.join(", ")})`,
        contextSize: this.settings.contextSize,
        vocabSize: this.info.vocabSize,
        eosTokenIds: new Set(this.info.eosTokenIds),
        decode: (ids) => this.tokenizer.detokenize(ids.filter((id) => id >= 0)),
        ...(this.scoresLocally ? { openLocal: () => this.tokenizer.openSession!(variant) } : {}),
      },
    );
  }

  async dispose(): Promise<void> {
    await this.tokenizer.dispose();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }
}
