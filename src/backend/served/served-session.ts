import { EmlabError } from "../../errors.js";
import { mix32 } from "../../util/random.js";
import { finishSample, newTrace, SessionBase } from "../session-base.js";
import { findStop } from "../stop-strings.js";
import type { GeneratedSample, NextTokenQuery, NextTokenResult, SamplingParams, Session, WeightVariant } from "../types.js";
import { firstTokenStrings } from "./openai-chat-api.js";
import type { ServedApiModule, ServedCompletion, ServedRequestContext } from "./served-api.js";

export interface ServedSessionSetup {
  variant: WeightVariant;
  origin: string;
  contextSize: number;
  vocabSize: number;
  eosTokenIds: ReadonlySet<number>;
  decode: (ids: readonly number[]) => string;
  /** A session of the in-process engine on the server's own GGUF, for scoring the server cannot do. */
  openLocal?: () => Promise<Session>;
}

/** Alternatives asked for when a next-token lookup needs particular ids (then each missing one is scored). */
const ID_LOOKUP = 256;

/**
 * A weight variant of a served model. The samples of one request go out at once (the pool limits
 * them per endpoint); sample i always carries the seed derived from (seed, i), whichever server
 * answers. Stop strings and the end-of-answer rule are applied here, as the in-process engines do.
 */
export class ServedSession extends SessionBase {
  private local: Promise<Session> | undefined;

  constructor(
    private readonly ctx: ServedRequestContext,
    private readonly api: ServedApiModule,
    private readonly setup: ServedSessionSetup,
  ) {
    super(setup.variant, setup.origin);
    this.firstTokenStrings = api.facts.ids === "approximate" ? (prompt) => firstTokenStrings(ctx, prompt) : undefined;
  }

  get contextSize(): number {
    return this.setup.contextSize;
  }

  protected async sampleExclusive(prompt: readonly number[], params: SamplingParams, indices: readonly number[]): Promise<GeneratedSample[]> {
    const topK = Math.max(0, params.topLogprobs);
    const maxTokens = Math.min(params.maxTokens, this.contextSize - prompt.length - 1);
    return Promise.all(
      indices.map(async (index) => {
        const completion = await this.api.sample(this.ctx, prompt, { ...params, maxTokens }, mix32(params.seed, index), topK);
        this.stats.prefillTokens += prompt.length;
        this.stats.evaluatedTokens += prompt.length + Math.max(0, completion.tokens.length - 1);
        return this.finish(completion, index, params.stop, topK);
      }),
    );
  }

  protected async scoreExclusive(prompt: readonly number[], continuation: readonly number[]): Promise<Float32Array> {
    const scored = (await this.api.score(this.ctx, prompt, continuation)) ?? (await this.scoreLocally(prompt, continuation));
    if (!scored) {
      throw new EmlabError(
        `${this.setup.origin}: ${this.api.facts.api} cannot score a continuation of ${continuation.length} tokens (${this.api.facts.scoring}); ` +
          `name the server's GGUF file (gguf: beside the endpoint, or tokenizer:) to score in-process, or use an in-process model`,
      );
    }
    this.stats.prefillTokens += prompt.length;
    this.stats.evaluatedTokens += prompt.length + continuation.length - 1;
    return scored;
  }

  protected async nextTokenExclusive(prompt: readonly number[], query: NextTokenQuery): Promise<NextTokenResult> {
    const cap = this.api.facts.logprobsCap ?? Infinity;
    const ids = query.ids ?? [];
    const wanted = query.full ? this.setup.vocabSize : Math.max(query.top ?? 0, ids.length > 0 ? ID_LOOKUP : 0, 1);
    if (query.full && cap < this.setup.vocabSize) throw new EmlabError(`${this.setup.origin}: ${this.api.facts.api} returns at most ${cap} alternatives, not the whole distribution`);
    const asked = Math.min(wanted, cap);
    const top = await this.api.nextTop(this.ctx, prompt, asked);
    this.stats.prefillTokens += prompt.length;
    this.stats.evaluatedTokens += prompt.length;
    const logprobs = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const at = top.ids.indexOf(ids[i]!);
      if (at >= 0) logprobs[i] = top.logprobs[at]!;
      // Fewer entries than asked: the server listed every token with any probability.
      else if (top.ids.length < asked) logprobs[i] = -Infinity;
      else logprobs[i] = await this.missingLogprob(prompt, ids[i]!);
    }
    const n = query.top ?? 0;
    const result: NextTokenResult = {
      ids: Int32Array.from(ids),
      logprobs,
      topIds: Int32Array.from({ length: n }, (_, i) => top.ids[i] ?? -1),
      topLogprobs: Float32Array.from({ length: n }, (_, i) => top.logprobs[i] ?? -Infinity),
    };
    if (query.full) {
      const full = new Float32Array(this.setup.vocabSize).fill(-Infinity);
      top.ids.forEach((id, i) => {
        if (id >= 0 && id < full.length) full[id] = top.logprobs[i]!;
      });
      result.full = full;
    }
    return result;
  }

  /** Chat-only APIs: the first answer token's top strings, for the original EM judge method. */
  readonly firstTokenStrings: ((prompt: readonly number[]) => Promise<{ token: string; logprob: number }[]>) | undefined;

  protected async release(): Promise<void> {
    if (this.local) await (await this.local).dispose();
  }

  private async scoreLocally(prompt: readonly number[], continuation: readonly number[]): Promise<Float32Array | null> {
    if (!this.setup.openLocal) return null;
    this.local ??= this.setup.openLocal();
    return (await this.local).score(prompt, continuation);
  }

  private async missingLogprob(prompt: readonly number[], id: number): Promise<number> {
    const scored = await this.api.score(this.ctx, prompt, [id]);
    if (!scored) throw new EmlabError(`${this.setup.origin}: token ${id} is not among the ${this.api.facts.logprobsCap} alternatives ${this.api.facts.api} returns, and it cannot score tokens`);
    return scored[0]!;
  }

  /** The stored form: cut at the first end-of-generation token or stop string, padded top-K rows. */
  private finish(completion: ServedCompletion, index: number, stop: readonly string[], topK: number): GeneratedSample {
    const trace = newTrace(index);
    for (let t = 0; t < completion.tokens.length; t++) {
      const token = completion.tokens[t]!;
      trace.tokens.push(token);
      trace.logprobs.push(completion.logprobs[t] ?? Number.NaN);
      const row = completion.top[t] ?? { ids: [], logprobs: [] };
      for (let k = 0; k < topK; k++) {
        trace.topIds.push(row.ids[k] ?? -1);
        trace.topLogprobs.push(row.logprobs[k] ?? -Infinity);
      }
      if (this.setup.eosTokenIds.has(token)) {
        trace.finishReason = "eos";
        break;
      }
      if (stop.length > 0) {
        trace.stopAt = findStop(this.setup.decode(trace.tokens), stop);
        if (trace.stopAt >= 0) {
          trace.finishReason = "stop";
          break;
        }
      }
    }
    // Some servers leave the end-of-generation token out of what they return.
    if (trace.finishReason === "length" && completion.stoppedOnEos) trace.finishReason = "eos";
    const sample = finishSample(trace, topK, this.setup.decode);
    if (trace.finishReason === "eos" && !this.setup.eosTokenIds.has(trace.tokens[trace.tokens.length - 1]!)) {
      // finishSample dropped the last token from the text assuming it was the end token; put the text back.
      return { ...sample, text: this.setup.decode(trace.tokens) };
    }
    return sample;
  }
}
