import { EmlabError } from "../errors.js";
import type {
  FinishReason,
  GeneratedSample,
  NextTokenQuery,
  NextTokenResult,
  SampleRequestOptions,
  SamplingParams,
  Session,
  SessionStats,
  WeightVariant,
} from "./types.js";

/**
 * What every engine's session shares: requests run one at a time (each moves the KV cache), nothing
 * runs after dispose, and a request that cannot fit the context is refused before it starts (engines
 * would otherwise silently drop the start of a long sequence). Engines implement the `*Exclusive`
 * steps, which run inside the queue with a prompt known to fit.
 */
export abstract class SessionBase implements Session {
  readonly stats: SessionStats = { evaluatedTokens: 0, prefillTokens: 0 };
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;

  protected constructor(
    readonly variant: WeightVariant,
    /** Names the model in errors. */
    protected readonly origin: string,
  ) {}

  /** Tokens one sequence holds. */
  abstract get contextSize(): number;

  async sample(prompt: readonly number[], params: SamplingParams, options: SampleRequestOptions = {}): Promise<GeneratedSample[]> {
    const indices = options.indices ?? Array.from({ length: options.n ?? 1 }, (_, i) => i);
    this.checkFits(prompt.length, 0);
    return this.exclusive(() => this.sampleExclusive(prompt, params, indices));
  }

  async score(prompt: readonly number[], continuation: readonly number[]): Promise<Float32Array> {
    // The last continuation token is read, never evaluated.
    this.checkFits(prompt.length, Math.max(0, continuation.length - 1));
    if (continuation.length === 0) return new Float32Array(0);
    return this.exclusive(() => this.scoreExclusive(prompt, continuation));
  }

  async nextToken(prompt: readonly number[], query: NextTokenQuery): Promise<NextTokenResult> {
    this.checkFits(prompt.length, 0);
    return this.exclusive(() => this.nextTokenExclusive(prompt, query));
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.queue.catch(() => undefined);
    await this.release();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }

  protected abstract sampleExclusive(prompt: readonly number[], params: SamplingParams, indices: readonly number[]): Promise<GeneratedSample[]>;
  protected abstract scoreExclusive(prompt: readonly number[], continuation: readonly number[]): Promise<Float32Array>;
  protected abstract nextTokenExclusive(prompt: readonly number[], query: NextTokenQuery): Promise<NextTokenResult>;
  /** Free the engine's state (called once, after the last request). */
  protected abstract release(): Promise<void> | void;

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    if (this.disposed) return Promise.reject(new Error("this session was disposed"));
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** One token of room is kept for the next token to be generated or read. */
  private checkFits(promptLength: number, extra: number): void {
    if (promptLength === 0) throw new EmlabError("cannot evaluate an empty prompt");
    const length = promptLength + extra;
    if (length > this.contextSize - 1) {
      throw new EmlabError(
        `${this.origin}: the prompt is ${length} tokens long but the context holds ${this.contextSize} ` +
          `(use a larger --context-size, up to the model's trained length)`,
      );
    }
  }
}

/** A sample as an engine builds it, token by token. */
export interface SampleTrace {
  index: number;
  tokens: number[];
  logprobs: number[];
  /** Row-major [tokens × topK]. */
  topIds: number[];
  topLogprobs: number[];
  finishReason: FinishReason;
  /** Where a stop string starts in the decoded text, or -1. */
  stopAt: number;
}

/** An empty trace: no tokens yet, ended by length unless something else ends it. */
export function newTrace(index: number): SampleTrace {
  return { index, tokens: [], logprobs: [], topIds: [], topLogprobs: [], finishReason: "length", stopAt: -1 };
}

/** The stored form of a finished sample: the end-of-answer token is kept in the ids, not in the text. */
export function finishSample(trace: SampleTrace, topK: number, decode: (ids: readonly number[]) => string): GeneratedSample {
  let text = decode(trace.finishReason === "eos" ? trace.tokens.slice(0, -1) : trace.tokens);
  if (trace.stopAt >= 0) text = text.slice(0, trace.stopAt);
  return {
    index: trace.index,
    text,
    tokenIds: Int32Array.from(trace.tokens),
    logprobs: Float32Array.from(trace.logprobs),
    topK,
    topIds: Int32Array.from(trace.topIds),
    topLogprobs: Float32Array.from(trace.topLogprobs),
    finishReason: trace.finishReason,
  };
}
