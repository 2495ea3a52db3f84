import { EmlabError } from "../../errors.js";
import type { ChatMessage } from "../types.js";
import type { ServedApiModule, ServedCompletion, ServedRequestContext, ServedTop } from "./served-api.js";

/** A hosted chat API's answer with `logprobs: true` (OpenAI's shape). */
export interface ChatCompletion {
  choices: {
    finish_reason: string | null;
    logprobs?: { content: { token: string; logprob: number; top_logprobs?: { token: string; logprob: number }[] }[] | null } | null;
  }[];
  usage?: { prompt_tokens?: number; completion_tokens?: number };
}

/** OpenAI's chat API returns at most 20 alternatives per token. */
export const CHAT_LOGPROBS_CAP = 20;

const usage = (a: ChatCompletion) => ({ prompt: a.usage?.prompt_tokens ?? 0, completion: a.usage?.completion_tokens ?? 0 });

/**
 * A hosted OpenAI-compatible chat API: messages in, token strings out. The server renders its own
 * template and its tokenizer is unknown, so ids are approximate (the local tokenizer's id of each
 * returned string, -1 when it is not one token) and continuations cannot be scored.
 */
export const openaiChatApi: ServedApiModule = {
  facts: {
    api: "openai",
    ids: "approximate",
    logprobs: "as the hosted API reports them (top_logprobs, at most 20)",
    logprobsCap: CHAT_LOGPROBS_CAP,
    deterministic: "no (seed is best effort)",
    scoring: "none (chat APIs do not score given text)",
  },

  async prepareAdapters(pool, _spec, lora) {
    if (lora.some((l) => l.scale !== 0)) throw new EmlabError(`${pool.urls[0]}: a hosted chat API takes no LoRA adapters`);
    return undefined;
  },

  async sample(ctx, prompt, params, seed, topLogprobs): Promise<ServedCompletion> {
    const answer = await chat(ctx, prompt, {
      max_tokens: params.maxTokens,
      temperature: params.temperature,
      top_p: params.topP,
      seed,
      logprobs: true,
      top_logprobs: Math.min(CHAT_LOGPROBS_CAP, Math.max(1, topLogprobs)),
    });
    const content = answer.choices[0]?.logprobs?.content ?? [];
    return {
      tokens: content.map((c) => ctx.idOf(c.token)),
      logprobs: content.map((c) => c.logprob),
      top: content.map((c) => topOf(ctx, c.top_logprobs ?? [])),
      stoppedOnEos: answer.choices[0]?.finish_reason === "stop",
    };
  },

  async nextTop(ctx, prompt, n): Promise<ServedTop> {
    const answer = await chat(ctx, prompt, { max_tokens: 1, temperature: 0, logprobs: true, top_logprobs: Math.min(CHAT_LOGPROBS_CAP, Math.max(1, n)) });
    const first = answer.choices[0]?.logprobs?.content?.[0];
    if (!first) throw new EmlabError(`${ctx.pool.urls.join(", ")}: the chat API returned no logprobs (does this model support logprobs?)`);
    return topOf(ctx, first.top_logprobs ?? []);
  },

  async score() {
    return null;
  },
};

/** The top alternatives of the first answer token, as strings (at most 20). */
export async function firstTokenStrings(ctx: ServedRequestContext, prompt: readonly number[]): Promise<{ token: string; logprob: number }[]> {
  const answer = await chat(ctx, prompt, { max_tokens: 1, temperature: 0, logprobs: true, top_logprobs: CHAT_LOGPROBS_CAP });
  const first = answer.choices[0]?.logprobs?.content?.[0];
  if (!first) throw new EmlabError(`${ctx.pool.urls.join(", ")}: the chat API returned no logprobs (does this model support logprobs?)`);
  return (first.top_logprobs ?? []).map(({ token, logprob }) => ({ token, logprob }));
}

function chat(ctx: ServedRequestContext, prompt: readonly number[], extra: Record<string, unknown>): Promise<ChatCompletion> {
  const messages: ChatMessage[] | undefined = ctx.messagesOf(prompt);
  if (!messages) throw new EmlabError(`${ctx.pool.urls[0]}: a chat API takes messages; this prompt was not rendered from a chat by emlab`);
  return ctx.pool.post<ChatCompletion>("/chat/completions", { model: ctx.spec.model, messages, ...extra }, usage);
}

function topOf(ctx: ServedRequestContext, rows: readonly { token: string; logprob: number }[]): ServedTop {
  const sorted = [...rows].sort((a, b) => b.logprob - a.logprob);
  return { ids: sorted.map((r) => ctx.idOf(r.token)), logprobs: sorted.map((r) => r.logprob) };
}
