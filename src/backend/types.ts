/**
 * The one interface every engine implements (llama.cpp via node-llama-cpp, ONNX via Transformers.js).
 *
 * Vocabulary:
 * - A `LoadedModel` is the weights in memory plus its tokenizer and chat template.
 * - A `Session` is one variant of that model (LoRA adapters at fixed scales) with its own KV cache.
 *   Many sessions share one loaded model. A session keeps what it has evaluated and reuses the
 *   longest common prefix of consecutive requests, so callers simply pass full token arrays.
 * - All log-probabilities are natural-log probabilities under the model's RAW next-token
 *   distribution (softmax of the logits before temperature, truncation or penalties).
 */

import type { EndpointSpec } from "./served/endpoint-spec.js";

export type Role = "system" | "user" | "assistant";

export interface ChatMessage {
  role: Role;
  content: string;
}

export interface LoraSpec {
  /** Path of a GGUF LoRA adapter or a PEFT adapter directory (both engines; llama.cpp gets a cached conversion). */
  path: string;
  /** Multiplier on the adapter's effect (scale * alpha / rank * B·A). 0 is identical to no adapter. */
  scale: number;
}

/** Weight-level variant of a model. Prompt-level variants (ICL, system prompts…) live in src/variants. */
export interface WeightVariant {
  lora: LoraSpec[];
}

export const BASE_VARIANT: WeightVariant = Object.freeze({ lora: [] }) as WeightVariant;

/** Engines an experiment file or command can name. */
export const BACKEND_NAMES = ["llama", "onnx", "served", "llama-server"] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];

export type GpuChoice = "auto" | "cuda" | "vulkan" | "metal" | "cpu";

export interface LoadModelOptions {
  /** GGUF file (llama) or model directory (onnx). */
  path: string;
  /** "auto" uses a GPU when one works and falls back to CPU; an explicit GPU never compiles from source. */
  gpu?: GpuChoice;
  /** CPU threads; default: 1 for tiny models, else the idle physical cores (engine-defaults.ts). */
  threads?: number;
  /** Tokens per sequence. Default: min(trained context, 4096). */
  contextSize?: number;
  /** Default false: with flash attention on CPU, log-probs depend on batch shape. */
  flashAttention?: boolean;
  /** Parallel sequences per session (batching). Default: from `samplesPerPrompt` and free memory (engine-defaults.ts). */
  parallelSequences?: number;
  /** How many samples each prompt will get (a hint for the default lanes; 1 when unknown). */
  samplesPerPrompt?: number;
  /** ONNX only: which weight file to load (fp32, fp16, q8, q4). */
  dtype?: string;
  /**
   * llama only: element type of the KV cache. Default "f16" (llama.cpp's); "f32" removes the
   * rounding that moves log-probs by up to ~1e-2 against float32 math (e.g. the ONNX backend).
   * An ONNX export fixes its own cache type.
   */
  kvCacheType?: KvCacheType;
  /** Served models (backend "served"): where and how to reach them; `path` is then only a label. */
  endpoint?: EndpointSpec;
}

export type KvCacheType = "f16" | "f32";

/** How every model of a run, judge or probe is opened: the engine settings a user chooses once. */
export interface EngineOptions {
  gpu?: GpuChoice;
  threads?: number;
  /** Parallel sequences per session: samples of one prompt are decoded as a batch. */
  parallelSequences?: number;
  flashAttention?: boolean;
  /** llama.cpp's KV-cache element type (see LoadModelOptions.kvCacheType). */
  kvCacheType?: KvCacheType;
}


/** Everything about the engine that can change numbers; stored with every run. */
export interface EngineSettings {
  /**
   * "scripted": the in-memory test engine (src/backend/scripted); "served": OpenAI-compatible servers
   * (src/backend/served); "llama-server": a llama-server emlab starts and stops itself for a GGUF file.
   */
  backend: "llama" | "onnx" | "scripted" | "served" | "llama-server";
  engineVersion: string;
  gpu: string;
  threads: number;
  contextSize: number;
  flashAttention: boolean;
  batchSize: number;
  parallelSequences: number;
  dtype?: string;
  kvCacheType?: KvCacheType;
  /** Served models: the API, its endpoints and what it promises (ids exact or approximate, log-prob source, determinism). */
  served?: ServedSettings;
  /**
   * How this engine draws tokens, where that changed after samples were first stored: part of every
   * sample's content key, so samples drawn the old way are never taken for new ones.
   */
  sampler?: string;
  /** The llama-server engine: the binary and its arguments (the port left out: it changes every start). */
  managedServer?: { binary: string; args: string[] };
}

export interface ServedSettings {
  api: string;
  /** Endpoint URLs without credentials. */
  endpoints: string[];
  model: string;
  ids: "exact" | "approximate";
  logprobs: string;
  logprobsCap: number | null;
  deterministic: string;
  scoring: string;
  tokenizer: string;
}

export interface ModelInfo {
  path: string;
  /** sha256 of the model file (GGUF) or of the weight file + tokenizer files (ONNX), hex. */
  sha256: string;
  architecture: string;
  name: string;
  vocabSize: number;
  trainedContextLength: number;
  chatTemplate: string | null;
  bosTokenId: number | null;
  eosTokenIds: number[];
}

export interface SamplingParams {
  temperature: number;
  /** 1 = off. */
  topP: number;
  /** 0 = off. */
  topK: number;
  /** 0 = off. */
  minP: number;
  maxTokens: number;
  /** Generation stops when the decoded text contains one of these; the stop string is kept out of `text`. */
  stop: string[];
  /** Base seed. Sample i of a request draws from its own stream derived from (seed, i). */
  seed: number;
  /** How many top alternatives (raw log-probs) to record per generated token. */
  topLogprobs: number;
}

/** The EM protocol: temperature 1, no truncation, no penalties. */
export const EM_SAMPLING_DEFAULTS: Readonly<SamplingParams> = Object.freeze({
  temperature: 1,
  topP: 1,
  topK: 0,
  minP: 0,
  maxTokens: 600,
  stop: [],
  seed: 0,
  topLogprobs: 5,
});

export type FinishReason = "eos" | "stop" | "length";

export interface GeneratedSample {
  /** Index of this sample within its request (selects its random stream). */
  index: number;
  text: string;
  tokenIds: Int32Array;
  /** Raw log-prob of each generated token. */
  logprobs: Float32Array;
  /** Top alternatives: row-major [tokens × topK]; ids -1 / logprob -Infinity pad missing entries. */
  topK: number;
  topIds: Int32Array;
  topLogprobs: Float32Array;
  finishReason: FinishReason;
}

export interface NextTokenQuery {
  /** Raw log-probs of these token ids. */
  ids?: readonly number[];
  /** Also return the top-N tokens. */
  top?: number;
  /** Return the full log-softmax over the vocabulary (expensive on large vocabularies). */
  full?: boolean;
}

export interface NextTokenResult {
  ids: Int32Array;
  logprobs: Float32Array;
  topIds: Int32Array;
  topLogprobs: Float32Array;
  /** Present when `full` was asked. */
  full?: Float32Array;
}

export interface SampleRequestOptions {
  /** Sample indices to generate (default [0 .. n-1]); each has its own random stream. */
  indices?: readonly number[];
  n?: number;
}

export interface SessionStats {
  /** Tokens actually run through the model (prefill + decode). */
  evaluatedTokens: number;
  /** Of those, prompt tokens (evaluated before a request's first new token): the prefill-amplification numerator. */
  prefillTokens: number;
}

export interface Session extends AsyncDisposable {
  readonly variant: WeightVariant;
  readonly stats: SessionStats;
  /** Generate continuations of `prompt`. Deterministic in (prompt, params, sample index). */
  sample(prompt: readonly number[], params: SamplingParams, options?: SampleRequestOptions): Promise<GeneratedSample[]>;
  /** Raw log-prob of each continuation token after the prompt, in one pass. */
  score(prompt: readonly number[], continuation: readonly number[]): Promise<Float32Array>;
  /** Raw next-token distribution after `prompt` (selected ids, top-N, or the full vector). */
  nextToken(prompt: readonly number[], query: NextTokenQuery): Promise<NextTokenResult>;
  dispose(): Promise<void>;
}

export interface LoadedModel extends AsyncDisposable {
  readonly info: ModelInfo;
  readonly settings: EngineSettings;
  /** Tokenize text; `special: true` parses special-token text such as <|im_start|>. */
  tokenize(text: string, options?: { special?: boolean }): number[];
  detokenize(ids: readonly number[]): string;
  /** Text of one token (may be a partial UTF-8 sequence: ids are the truth). */
  tokenText(id: number): string;
  /** Render messages with the model's own chat template, exactly. */
  renderChat(messages: readonly ChatMessage[], options?: { addGenerationPrompt?: boolean }): string;
  /** Tokens of a rendered chat prompt (special tokens parsed; no BOS unless the template writes one). */
  chatTokens(messages: readonly ChatMessage[], options?: { addGenerationPrompt?: boolean }): number[];
  openSession(variant?: WeightVariant): Promise<Session>;
  dispose(): Promise<void>;
}

export interface Backend {
  readonly name: EngineSettings["backend"];
  load(options: LoadModelOptions): Promise<LoadedModel>;
}
