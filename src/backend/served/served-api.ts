import { EmlabError } from "../../errors.js";
import type { ChatMessage, LoraSpec, SamplingParams } from "../types.js";
import type { EndpointPool } from "./endpoint-pool.js";
import type { EndpointSpec, ServedApi } from "./endpoint-spec.js";

/** One generated continuation as a server returns it, before emlab's stop strings and finish rules. */
export interface ServedCompletion {
  tokens: number[];
  logprobs: number[];
  /** Per token, its top alternatives sorted high to low (ids may be -1 where the API gives only strings). */
  top: { ids: number[]; logprobs: number[] }[];
  /** The server stopped on an end-of-generation token. */
  stoppedOnEos: boolean;
}

/** The next-token distribution's top entries, sorted high to low. */
export interface ServedTop {
  ids: number[];
  logprobs: number[];
}

/** What an API promises about the numbers it returns; stored with every run. */
export interface ServedApiFacts {
  api: ServedApi;
  /** "approximate" where the API returns token strings that emlab maps back to ids. */
  ids: "exact" | "approximate";
  /** Where log-probs come from and whether they are raw. */
  logprobs: string;
  /** Most alternatives per token the API returns (null: the whole vocabulary). */
  logprobsCap: number | null;
  /** Whether the server promises the same tokens for the same seed. */
  deterministic: string;
  /** Whether a fixed continuation can be scored in one request. */
  scoring: string;
}

export interface ServedRequestContext {
  pool: EndpointPool;
  spec: EndpointSpec;
  /** Adapters of the session's weight variant (resolved paths). */
  lora: readonly LoraSpec[];
  /** The API's adapter selection for this variant, prepared once per session. */
  adapters: unknown;
  /** The chat a rendered prompt came from (chat-only APIs take messages, not tokens). */
  messagesOf: (prompt: readonly number[]) => ChatMessage[] | undefined;
  /** A token's id from its text (chat-only APIs return strings): the local tokenizer's single id, else -1. */
  idOf: (text: string) => number;
  /** The model's end-of-generation token (a one-token lookup generates it, so its text is always complete). */
  endTokenId: number | undefined;
}

/** One module per API shape: how to ask for samples, next-token distributions and scores. */
export interface ServedApiModule {
  facts: ServedApiFacts;
  /** Check and translate a weight variant into this API's adapter selection (once per session). */
  prepareAdapters(pool: EndpointPool, spec: EndpointSpec, lora: readonly LoraSpec[]): Promise<unknown>;
  sample(ctx: ServedRequestContext, prompt: readonly number[], params: SamplingParams, seed: number, topLogprobs: number): Promise<ServedCompletion>;
  /** Top-N of the raw next-token distribution after `prompt` (N may be capped by the API). */
  nextTop(ctx: ServedRequestContext, prompt: readonly number[], n: number): Promise<ServedTop>;
  /** Raw log-probs of `continuation` after `prompt`, or null when the API cannot score. */
  score(ctx: ServedRequestContext, prompt: readonly number[], continuation: readonly number[]): Promise<Float32Array | null>;
}

/**
 * Sessions of chat-only APIs offer the judge the top strings of the answer's first token: such an API
 * cannot continue a partial answer, so the judge uses the original EM method (a number is one token).
 */
export interface FirstTokenStrings {
  firstTokenStrings(prompt: readonly number[]): Promise<{ token: string; logprob: number }[]>;
}

export function offersFirstTokenStrings(session: object): session is FirstTokenStrings {
  return typeof (session as Partial<FirstTokenStrings>).firstTokenStrings === "function";
}

/** Named adapters (vLLM, SGLang): no per-request scale, so only scale 1 (or 0, the base model) can be served. */
export function adapterByName(api: string, lora: readonly LoraSpec[]): string | null {
  const active = lora.filter((l) => l.scale !== 0);
  if (active.length === 0) return null;
  if (active.length > 1) throw new EmlabError(`${api} selects one adapter per request; this variant combines ${active.length}`);
  const [adapter] = active;
  if (adapter!.scale !== 1) {
    throw new EmlabError(
      `${api} selects adapters by name with no scale, so scale ${adapter!.scale} cannot be served: register one adapter ` +
        `copy per scale (e.g. with emlab's PEFT converter) and list each as its own variant, or use llama-server, which takes per-request scales`,
    );
  }
  return adapterName(adapter!.path);
}

/** The name a server registered an adapter under: its file or directory name without extension. */
export function adapterName(path: string): string {
  const base = path.replace(/\/+$/, "").split("/").pop()!;
  return base.replace(/\.(gguf|safetensors|bin)$/i, "");
}

/**
 * Sampling settings in the shape vLLM and SGLang share, with every penalty off (the EM protocol): -1
 * turns top-k off there.
 */
export function samplerSettings(params: SamplingParams) {
  return {
    temperature: params.temperature,
    top_p: params.topP,
    top_k: params.topK > 0 ? params.topK : -1,
    min_p: params.minP,
    repetition_penalty: 1,
    presence_penalty: 0,
    frequency_penalty: 0,
  };
}
