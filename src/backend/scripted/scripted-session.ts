import { createRng, mix32 } from "../../util/random.js";
import { commonPrefixLength } from "../logprobs.js";
import { sampleToken, topKIndices } from "../sampler.js";
import { finishSample, newTrace, SessionBase } from "../session-base.js";
import { findStop } from "../stop-strings.js";
import type { GeneratedSample, NextTokenQuery, NextTokenResult, SamplingParams, WeightVariant } from "../types.js";
import { detokenizeBytes } from "./byte-vocabulary.js";

/** What a scripted session needs from its model. */
export interface ScriptedSessionSetup {
  contextSize: number;
  origin: string;
  eosTokenIds: ReadonlySet<number>;
  /** Raw log-probs over the whole vocabulary after `tokens`. */
  logprobsAfter: (tokens: readonly number[]) => Float32Array;
}

/**
 * A session of the scripted engine. It keeps the last prompt as a KV cache would, so its stats count
 * exactly the tokens a real engine with prefix reuse evaluates: runner tests can check reuse.
 */
export class ScriptedSession extends SessionBase {
  private tokens: number[] = [];

  constructor(
    private readonly setup: ScriptedSessionSetup,
    variant: WeightVariant,
  ) {
    super(variant, setup.origin);
  }

  get contextSize(): number {
    return this.setup.contextSize;
  }

  protected async sampleExclusive(prompt: readonly number[], params: SamplingParams, indices: readonly number[]): Promise<GeneratedSample[]> {
    this.prepare(prompt);
    return indices.map((index) => this.sampleOne(prompt, params, index));
  }

  protected async scoreExclusive(prompt: readonly number[], continuation: readonly number[]): Promise<Float32Array> {
    this.prepare(prompt);
    this.stats.evaluatedTokens += continuation.length - 1;
    return Float32Array.from(continuation, (token, i) => this.setup.logprobsAfter([...prompt, ...continuation.slice(0, i)])[token]!);
  }

  protected async nextTokenExclusive(prompt: readonly number[], query: NextTokenQuery): Promise<NextTokenResult> {
    this.prepare(prompt);
    const logprobs = this.setup.logprobsAfter(prompt);
    const ids = query.ids ?? [];
    const top = topKIndices(logprobs, Math.max(0, query.top ?? 0));
    return {
      ids: Int32Array.from(ids),
      logprobs: Float32Array.from(ids, (id) => logprobs[id] ?? -Infinity),
      topIds: top,
      topLogprobs: Float32Array.from(top, (id) => logprobs[id]!),
      ...(query.full ? { full: logprobs } : {}),
    };
  }

  protected release(): void {
    this.tokens = [];
  }

  /** Count what a KV cache would evaluate: what differs from the previous prompt, at least its last token. */
  private prepare(prompt: readonly number[]): void {
    const keep = Math.min(commonPrefixLength(this.tokens, prompt), prompt.length - 1);
    const evaluated = prompt.length - keep;
    this.stats.evaluatedTokens += evaluated;
    this.stats.prefillTokens += evaluated;
    this.tokens = prompt.slice();
  }

  private sampleOne(prompt: readonly number[], params: SamplingParams, index: number): GeneratedSample {
    const rng = createRng(mix32(params.seed, index));
    const topK = Math.max(0, params.topLogprobs);
    const trace = newTrace(index);
    const { tokens, logprobs, topIds, topLogprobs } = trace;
    while (tokens.length < params.maxTokens && prompt.length + tokens.length < this.setup.contextSize) {
      const raw = this.setup.logprobsAfter([...prompt, ...tokens]);
      const token = sampleToken(raw, params, rng);
      tokens.push(token);
      logprobs.push(raw[token]!);
      for (const id of topKIndices(raw, topK)) {
        topIds.push(id);
        topLogprobs.push(raw[id]!);
      }
      if (tokens.length > 1) this.stats.evaluatedTokens += 1;
      if (this.setup.eosTokenIds.has(token)) {
        trace.finishReason = "eos";
        break;
      }
      trace.stopAt = params.stop.length > 0 ? findStop(detokenizeBytes(tokens), params.stop) : -1;
      if (trace.stopAt >= 0) {
        trace.finishReason = "stop";
        break;
      }
    }
    return finishSample(trace, topK, detokenizeBytes);
  }
}
