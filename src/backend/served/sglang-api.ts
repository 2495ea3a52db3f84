import { EmlabError } from "../../errors.js";
import { adapterByName, samplerSettings, type ServedApiModule, type ServedCompletion, type ServedRequestContext, type ServedTop } from "./served-api.js";

/** One log-prob entry of SGLang's /generate: [logprob, token id, text or null]. */
type Entry = [number | null, number, string | null];

export interface SglangGenerate {
  output_ids?: number[];
  meta_info: {
    prompt_tokens?: number;
    completion_tokens?: number;
    finish_reason?: { type: string; matched?: number | string | null } | null;
    output_token_logprobs?: Entry[];
    output_top_logprobs?: (Entry[] | null)[];
    input_token_logprobs?: Entry[];
  };
}

const usage = (a: SglangGenerate) => ({ prompt: a.meta_info.prompt_tokens ?? 0, completion: a.meta_info.completion_tokens ?? 0 });

/**
 * SGLang's native /generate: `input_ids`, `return_logprob` with `top_logprobs_num`, and
 * `logprob_start_len` for the log-probs of given tokens. Adapters by name (`lora_path`), no scale.
 */
export const sglangApi: ServedApiModule = {
  facts: {
    api: "sglang",
    ids: "exact",
    logprobs: "as SGLang reports them (return_logprob, top_logprobs_num)",
    logprobsCap: null,
    deterministic: "no: SGLang promises the same tokens for a seed only with --enable-deterministic-inference",
    scoring: "one request (logprob_start_len)",
  },

  async prepareAdapters(_pool, _spec, lora) {
    return adapterByName("SGLang", lora);
  },

  async sample(ctx, prompt, params, seed, topLogprobs): Promise<ServedCompletion> {
    const answer = await generate(ctx, prompt, { max_new_tokens: params.maxTokens, ...samplerSettings(params), sampling_seed: seed }, {
      top_logprobs_num: Math.max(1, topLogprobs),
      logprob_start_len: -1,
    });
    const m = answer.meta_info;
    const tokens = m.output_token_logprobs ?? [];
    return {
      tokens: tokens.map((e) => e[1]),
      logprobs: tokens.map((e) => e[0] ?? Number.NaN),
      top: (m.output_top_logprobs ?? []).map((row) => topOf(row ?? [])),
      stoppedOnEos: m.finish_reason?.type === "stop" && typeof m.finish_reason.matched !== "string",
    };
  },

  async nextTop(ctx, prompt, n): Promise<ServedTop> {
    const answer = await generate(ctx, prompt, { max_new_tokens: 1, temperature: 0 }, { top_logprobs_num: Math.max(1, n), logprob_start_len: -1 });
    const row = answer.meta_info.output_top_logprobs?.[0];
    if (!row) throw new EmlabError(`${ctx.pool.urls.join(", ")}: SGLang returned no output_top_logprobs for a one-token request`);
    return topOf(row);
  },

  async score(ctx, prompt, continuation) {
    const answer = await generate(ctx, [...prompt, ...continuation], { max_new_tokens: 1, temperature: 0 }, {
      logprob_start_len: prompt.length - 1,
      top_logprobs_num: 0,
    });
    const rows = answer.meta_info.input_token_logprobs ?? [];
    if (rows.length < continuation.length) throw new EmlabError(`${ctx.pool.urls.join(", ")}: SGLang returned no input_token_logprobs for the scored tokens`);
    // The last entries are the continuation's, whatever SGLang does with the first (null) one.
    return Float32Array.from(rows.slice(rows.length - continuation.length), (e, i) => (e[1] === continuation[i] ? (e[0] ?? Number.NaN) : Number.NaN));
  },
};

function generate(ctx: ServedRequestContext, prompt: readonly number[], sampling: Record<string, unknown>, logprobs: Record<string, unknown>): Promise<SglangGenerate> {
  const adapter = ctx.adapters as string | null;
  return ctx.pool.post<SglangGenerate>("/generate", {
    input_ids: [...prompt],
    sampling_params: { skip_special_tokens: false, ...sampling },
    return_logprob: true,
    return_text_in_logprobs: false,
    ...logprobs,
    ...(adapter ? { lora_path: adapter } : {}),
  }, usage);
}

function topOf(row: readonly Entry[]): ServedTop {
  const sorted = [...row].sort((a, b) => (b[0] ?? -Infinity) - (a[0] ?? -Infinity));
  return { ids: sorted.map((e) => e[1]), logprobs: sorted.map((e) => e[0] ?? -Infinity) };
}
