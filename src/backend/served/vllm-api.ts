import { EmlabError } from "../../errors.js";
import { adapterByName, samplerSettings, type ServedApiModule, type ServedCompletion, type ServedRequestContext, type ServedTop } from "./served-api.js";

/** vLLM's /v1/completions answer (legacy logprob arrays, with `return_tokens_as_token_ids`). */
export interface VllmCompletion {
  choices: {
    finish_reason: string | null;
    stop_reason?: number | string | null;
    logprobs?: { tokens: string[]; token_logprobs: (number | null)[]; top_logprobs?: (Record<string, number> | null)[] } | null;
    prompt_logprobs?: (Record<string, { logprob: number }> | null)[] | null;
  }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

/** vLLM caps alternatives at --max-logprobs (default 20). */
export const VLLM_LOGPROBS_CAP = 20;

const usage = (a: VllmCompletion) => ({ prompt: a.usage?.prompt_tokens ?? 0, completion: a.usage?.completion_tokens ?? 0 });

/**
 * vLLM's OpenAI-compatible completions with token-id prompts: `logprobs` (raw by default, capped by
 * --max-logprobs), `prompt_logprobs` to score a continuation, `return_tokens_as_token_ids` so tokens
 * come back as "token_id:N". Adapters are selected by name (`model`), without a scale.
 */
export const vllmApi: ServedApiModule = {
  facts: {
    api: "vllm",
    ids: "exact",
    logprobs: "raw by default (--logprobs-mode raw_logprobs)",
    logprobsCap: VLLM_LOGPROBS_CAP,
    deterministic: "no: vLLM promises the same tokens for a seed only in batch-invariant mode",
    scoring: "one request (prompt_logprobs; bypasses the prefix cache)",
  },

  async prepareAdapters(_pool, _spec, lora) {
    return adapterByName("vLLM", lora);
  },

  async sample(ctx, prompt, params, seed, topLogprobs): Promise<ServedCompletion> {
    const answer = await complete(ctx, prompt, {
      max_tokens: params.maxTokens,
      ...samplerSettings(params),
      seed,
      logprobs: Math.min(VLLM_LOGPROBS_CAP, Math.max(1, topLogprobs)),
    });
    return completionFrom(answer, ctx);
  },

  async nextTop(ctx, prompt, n): Promise<ServedTop> {
    const answer = await complete(ctx, prompt, { max_tokens: 1, temperature: 0, logprobs: Math.min(VLLM_LOGPROBS_CAP, Math.max(1, n)) });
    const top = answer.choices[0]?.logprobs?.top_logprobs?.[0];
    if (!top) throw new EmlabError(`${ctx.pool.urls.join(", ")}: vLLM returned no top_logprobs for a one-token request`);
    return sortedTop(top);
  },

  async score(ctx, prompt, continuation) {
    const answer = await complete(ctx, [...prompt, ...continuation], { max_tokens: 1, temperature: 0, prompt_logprobs: 0 });
    const rows = answer.choices[0]?.prompt_logprobs;
    if (!rows || rows.length !== prompt.length + continuation.length) {
      throw new EmlabError(`${ctx.pool.urls.join(", ")}: vLLM returned no prompt_logprobs for the scored tokens (is it a vLLM server?)`);
    }
    return Float32Array.from(continuation, (id, i) => rows[prompt.length + i]?.[String(id)]?.logprob ?? Number.NaN);
  },
};

function complete(ctx: ServedRequestContext, prompt: readonly number[], extra: Record<string, unknown>): Promise<VllmCompletion> {
  return ctx.pool.post<VllmCompletion>("/completions", {
    model: (ctx.adapters as string | null) ?? ctx.spec.model,
    prompt: [...prompt],
    return_tokens_as_token_ids: true,
    skip_special_tokens: false,
    ...extra,
  }, usage);
}

export function completionFrom(answer: VllmCompletion, ctx: Pick<ServedRequestContext, "pool">): ServedCompletion {
  const choice = answer.choices[0];
  const lp = choice?.logprobs;
  if (!choice || !lp) throw new EmlabError(`${ctx.pool.urls.join(", ")}: the completion has no logprobs`);
  return {
    tokens: lp.tokens.map(tokenIdOf),
    logprobs: lp.token_logprobs.map((v) => v ?? Number.NaN),
    top: (lp.top_logprobs ?? []).map((row) => sortedTop(row ?? {})),
    stoppedOnEos: choice.finish_reason === "stop" && (choice.stop_reason === null || choice.stop_reason === undefined || typeof choice.stop_reason === "number"),
  };
}

/** "token_id:123" (with return_tokens_as_token_ids) or a bare id string. */
export function tokenIdOf(token: string): number {
  const match = /^(?:token_id:)?(-?\d+)$/.exec(token);
  if (!match) throw new EmlabError(`the server returned token '${token}' without its id (it must honour return_tokens_as_token_ids)`);
  return Number(match[1]);
}

function sortedTop(row: Record<string, number>): ServedTop {
  const entries = Object.entries(row)
    .map(([token, logprob]) => ({ id: tokenIdOf(token), logprob }))
    .sort((a, b) => b.logprob - a.logprob);
  return { ids: entries.map((e) => e.id), logprobs: entries.map((e) => e.logprob) };
}
