import type { LlamaContextSequence, LlamaModel, Token } from "node-llama-cpp";

/**
 * The node-llama-cpp 3.22 internals emlab's fast paths use (position reads, the raw draw), each checked
 * before use. emlab pins that version; a missing internal makes `internalsOf` return undefined.
 */
export interface Internals {
  newSampler: () => NativeSampler;
  /** node-llama-cpp's own translation of sampling options into a native sampler config. */
  samplerConfig: (options: { temperature: number; topK?: number; topP?: number; minP?: number; seed?: number }) => Record<string, unknown>;
  /** [token, probabilities, confidence, logits (id, value pairs), total logit weight] of one output row. */
  sampleToken: (batchLogitIndex: number, sampler: NativeSampler, probabilities: boolean, confidence: boolean, logits: unknown[], total: boolean) => Promise<unknown[]>;
  /**
   * Decode `tokens` on the sequence; `mapper` runs for each row with logits (node-llama-cpp awaits a
   * returned promise before the next batch), `afterBatch` after each batch, before the next one.
   */
  decode: (
    tokens: Token[],
    logits: boolean[],
    mapper: (batchLogitIndex: number, tokenIndex: number) => unknown,
    afterBatch?: (length: number) => Promise<void>,
  ) => Promise<unknown[]>;
}

export interface NativeSampler {
  applyConfig(config: unknown): void;
  dispose(): void;
}

interface SequenceInternals {
  _decodeTokens?: (...args: unknown[]) => Promise<unknown[]>;
  _resolveSamplerConfig?: (options: object) => Record<string, unknown>;
  _takeIntervalCheckpointIfNeededAfterBatch?: (length: number) => unknown;
  _tokenMeter?: unknown;
  _contextShift?: { size: unknown; strategy: unknown };
  _context?: { _ctx?: { sampleToken?: (...args: unknown[]) => Promise<unknown[]> } };
}

interface ModelInternals {
  _model?: unknown;
  _llama?: { _bindings?: { AddonSampler?: new (model: unknown) => NativeSampler } };
}

export function internalsOf(model: LlamaModel, sequence: LlamaContextSequence): Internals | undefined {
  const seq = sequence as unknown as SequenceInternals;
  const m = model as unknown as ModelInternals;
  const AddonSampler = m._llama?._bindings?.AddonSampler;
  const ctx = seq._context?._ctx;
  const resolve = seq._resolveSamplerConfig;
  if (
    typeof AddonSampler !== "function" ||
    m._model === undefined ||
    typeof seq._decodeTokens !== "function" ||
    typeof resolve !== "function" ||
    typeof ctx?.sampleToken !== "function" ||
    seq._contextShift === undefined
  ) {
    return undefined;
  }
  const shift = { size: seq._contextShift.size, strategy: seq._contextShift.strategy };
  return {
    newSampler: () => new AddonSampler(m._model),
    samplerConfig: (options) => resolve.call(sequence, options),
    sampleToken: (...args) => ctx.sampleToken!.apply(ctx, args),
    decode: (tokens, logits, mapper, afterBatch) =>
      seq._decodeTokens!.call(sequence, tokens, logits, undefined, seq._tokenMeter, shift, mapper, async (length: number) => {
        await afterBatch?.(length);
        await seq._takeIntervalCheckpointIfNeededAfterBatch?.call(sequence, length);
      }),
  };
}

/** node-llama-cpp returns logits as flat (id, value) pairs; as a map, in the order given. */
export function pairsToMap(pairs: readonly number[] | undefined): Map<number, number> {
  const map = new Map<number, number>();
  if (pairs) for (let i = 1; i < pairs.length; i += 2) map.set(pairs[i - 1]!, pairs[i]!);
  return map;
}
