import { basename, resolve } from "node:path";
import { EmlabError } from "../../errors.js";
import { llamaCppSeed } from "../../util/random.js";
import type { LoraSpec, SamplingParams } from "../types.js";
import type { EndpointPool } from "./endpoint-pool.js";
import type { EndpointSpec } from "./endpoint-spec.js";
import type { ServedApiModule, ServedCompletion, ServedRequestContext, ServedTop } from "./served-api.js";

/** llama-server's /completion answer (the fields emlab reads). */
export interface LlamaServerCompletion {
  tokens?: number[];
  completion_probabilities?: { id: number; logprob: number; top_logprobs?: { id: number; logprob: number }[] }[];
  stop_type?: string;
  tokens_evaluated?: number;
  tokens_predicted?: number;
}

interface LoraAdapterRow {
  id: number;
  path: string;
}

/** Continuations up to this long are scored by chaining next-token requests (the judge's labels); longer ones are not. */
export const CHAINED_SCORE_LIMIT = 8;
/** Alternatives asked for first when a next-token lookup needs particular ids; the whole vocabulary only when one is missing. */
const FIRST_LOOKUP = 256;

const usage = (a: LlamaServerCompletion) => ({ prompt: a.tokens_evaluated ?? 0, completion: a.tokens_predicted ?? 0 });

/**
 * llama-server's native /completion: token-id prompts, raw full-vocabulary probabilities (`n_probs`),
 * the generated ids (`return_tokens`), per-request LoRA scales over adapters loaded at start.
 * It cannot score a given continuation (`echo` is refused).
 */
export const llamaServerApi: ServedApiModule = {
  facts: {
    api: "llama-server",
    ids: "exact",
    logprobs: "raw (n_probs, before the sampler)",
    logprobsCap: null,
    deterministic: "same seed, same tokens on one build (prompt caching and batching may change the last bits of log-probs)",
    scoring: `no one-pass scoring (echo is refused); continuations up to ${CHAINED_SCORE_LIMIT} tokens are scored by chained next-token requests`,
  },

  async prepareAdapters(pool: EndpointPool, _spec: EndpointSpec, lora: readonly LoraSpec[]) {
    // Every endpoint must have loaded the same adapters in the same order: a request does not know where it lands.
    const lists: LoraAdapterRow[][] = [];
    for (let i = 0; i < pool.size; i++) lists.push(await pool.getFrom<LoraAdapterRow[]>(i, "/lora-adapters"));
    const [first] = lists;
    // Every loaded adapter gets an explicit scale: a server started without --lora-init-without-apply
    // would otherwise apply its adapters at scale 1 to base-model requests.
    if (first!.length === 0 && lora.length === 0) return undefined;
    lists.forEach((list, i) => {
      if (JSON.stringify(list.map((a) => [a.id, basename(a.path)])) !== JSON.stringify(first!.map((a) => [a.id, basename(a.path)]))) {
        throw new EmlabError(`${pool.urls[i]} loaded other LoRA adapters than ${pool.urls[0]}: start every llama-server with the same --lora files in the same order`);
      }
    });
    const scales = new Map<number, number>(first!.map((a) => [a.id, 0]));
    for (const adapter of lora) {
      const id = serverAdapterId(first!, adapter.path);
      if (id === undefined) {
        throw new EmlabError(
          `${pool.urls[0]}: llama-server has not loaded the LoRA adapter ${adapter.path} ` +
            `(loaded: ${first!.map((a) => a.path).join(", ") || "none"}); start it with --lora ${adapter.path} --lora-init-without-apply`,
        );
      }
      scales.set(id, (scales.get(id) ?? 0) + adapter.scale);
    }
    return [...scales].map(([id, scale]) => ({ id, scale }));
  },

  async sample(ctx, prompt, params, seed, topLogprobs): Promise<ServedCompletion> {
    const answer = await ctx.pool.post<LlamaServerCompletion>("/completion", {
      ...requestBase(ctx, prompt),
      n_predict: params.maxTokens,
      ...samplerSettings(params),
      seed: llamaCppSeed(seed),
      n_probs: Math.max(1, topLogprobs),
    }, usage);
    const tokens = answer.tokens ?? [];
    const entries = alignProbabilities(tokens, answer.completion_probabilities ?? []);
    const logprobs: number[] = [];
    const top: ServedTop[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const entry = entries[i] ?? (await entryAfter(ctx, [...prompt, ...tokens.slice(0, i)], tokens[i]!, topLogprobs));
      logprobs.push(entry.logprob);
      top.push(topOf(entry.top_logprobs ?? []));
    }
    return { tokens, logprobs, top, stoppedOnEos: answer.stop_type === "eos" };
  },

  async nextTop(ctx, prompt, n): Promise<ServedTop> {
    return lookup(ctx, prompt, n);
  },

  async score(ctx, prompt, continuation) {
    if (continuation.length > CHAINED_SCORE_LIMIT) return null;
    const out = new Float32Array(continuation.length);
    for (let i = 0; i < continuation.length; i++) {
      out[i] = await logprobOf(ctx, [...prompt, ...continuation.slice(0, i)], continuation[i]!);
    }
    return out;
  },
};

/** The raw log-prob of one token after `prompt`: from the top entries, else from the whole vocabulary. */
export async function logprobOf(ctx: ServedRequestContext, prompt: readonly number[], id: number, vocabSize = Infinity, first?: ServedTop): Promise<number> {
  const top = first ?? (await lookup(ctx, prompt, FIRST_LOOKUP));
  const at = top.ids.indexOf(id);
  if (at >= 0) return top.logprobs[at]!;
  if (top.ids.length < FIRST_LOOKUP) return -Infinity;
  const all = await lookup(ctx, prompt, Number.isFinite(vocabSize) ? vocabSize : 1 << 20);
  const index = all.ids.indexOf(id);
  return index >= 0 ? all.logprobs[index]! : -Infinity;
}

/**
 * llama-server lists no probabilities for a token after which its text ends inside a UTF-8 character
 * (its stream waits for the character to complete). Such a token is followed, within its character, by
 * the one that completes it, so entries are matched to tokens from the end; unmatched tokens are missing.
 */
export function alignProbabilities<E extends { id: number }>(tokens: readonly number[], probs: readonly E[]): (E | undefined)[] {
  const out: (E | undefined)[] = new Array(tokens.length).fill(undefined);
  let j = probs.length - 1;
  for (let i = tokens.length - 1; i >= 0 && j >= 0; i--) {
    if (probs[j]!.id === tokens[i]) out[i] = probs[j--];
  }
  if (j >= 0) throw new EmlabError(`llama-server returned probabilities for tokens it did not generate (${probs.length} entries for ${tokens.length} tokens)`);
  return out;
}

/** A missing probability entry, asked for again: the raw log-prob of `id` after `prefix` and the top alternatives. */
async function entryAfter(ctx: ServedRequestContext, prefix: readonly number[], id: number, topLogprobs: number) {
  const top = await lookup(ctx, prefix, Math.max(topLogprobs, FIRST_LOOKUP));
  const at = top.ids.indexOf(id);
  // Not among the first alternatives: the whole vocabulary, without asking for those again.
  const logprob = at >= 0 ? top.logprobs[at]! : await logprobOf(ctx, prefix, id, Infinity, top);
  return { logprob, top_logprobs: top.ids.map((tokenId, k) => ({ id: tokenId, logprob: top.logprobs[k]! })) };
}

/**
 * One step with `n` raw alternatives: the next-token distribution's top entries. The step generates the
 * end token (a logit bias, applied by the sampler after the raw probabilities are read): a byte token
 * that ends inside a UTF-8 character would come back without probabilities.
 */
async function lookup(ctx: ServedRequestContext, prompt: readonly number[], n: number): Promise<ServedTop> {
  const answer = await ctx.pool.post<LlamaServerCompletion>("/completion", {
    ...requestBase(ctx, prompt),
    n_predict: 1,
    temperature: 0,
    n_probs: Math.max(1, n),
    ...(ctx.endTokenId === undefined ? {} : { logit_bias: [[ctx.endTokenId, 1000]] }),
  }, usage);
  const first = answer.completion_probabilities?.[0];
  if (!first) throw new EmlabError(`${ctx.pool.urls.join(", ")}: llama-server returned no probabilities for a one-token request`);
  return topOf(first.top_logprobs ?? []);
}

function requestBase(ctx: ServedRequestContext, prompt: readonly number[]) {
  return {
    prompt: [...prompt],
    return_tokens: true,
    stream: false,
    post_sampling_probs: false,
    ...(ctx.adapters ? { lora: ctx.adapters } : {}),
  };
}

/** The EM protocol needs every llama-server default that changes the distribution turned off explicitly. */
function samplerSettings(params: SamplingParams) {
  return {
    temperature: params.temperature,
    top_k: params.topK,
    top_p: params.topP,
    min_p: params.minP,
    typical_p: 1,
    repeat_penalty: 1,
    presence_penalty: 0,
    frequency_penalty: 0,
    dry_multiplier: 0,
    xtc_probability: 0,
    mirostat: 0,
    top_n_sigma: -1,
  };
}

function topOf(rows: readonly { id: number; logprob: number }[]): ServedTop {
  return { ids: rows.map((r) => r.id), logprobs: rows.map((r) => r.logprob) };
}

/** The server's id of an adapter: same absolute path, else the same file name (servers often run elsewhere). */
function serverAdapterId(loaded: readonly LoraAdapterRow[], path: string): number | undefined {
  const exact = loaded.find((a) => resolve(a.path) === resolve(path));
  if (exact) return exact.id;
  const byName = loaded.filter((a) => basename(a.path) === basename(path));
  return byName.length === 1 ? byName[0]!.id : undefined;
}
