import type { LlamaContextSequence, LlamaModel, Token } from "node-llama-cpp";
import { internalsOf, pairsToMap, type Internals } from "./node-llama-internals.js";

/** What to read at one position: the raw logits of `ids`, the `top` highest, and the total logit weight. */
export interface PositionRead {
  ids: readonly number[];
  top: number;
}

/** Raw logits read at one position (sorted high to low; the first entry is the maximum) and Σ exp(logit − max). */
export interface PositionLogits {
  logits: Map<number, number>;
  totalLogitWeight: number;
}

/** Reads in flight at once: libuv's default thread pool has 4 threads. */
const CONCURRENT_READS = 4;

/**
 * Evaluate `tokens` on `sequence` and read logits where `reads[i]` is set (after token i).
 *
 * Why not `controlledEvaluate` alone: node-llama-cpp 3.22 reads the positions of one evaluation one
 * after another, each a thread-pool round trip that copies and scans the whole vocabulary (~1.2 ms on
 * a 151,936-token vocabulary): a quarter of the time of scoring 512 tokens. Here up to four reads run
 * at once, each with its own native sampler, after each batch is decoded and before the next one
 * (the logits buffer is only valid until then). That uses node-llama-cpp internals (emlab pins its
 * version); when they are missing, `controlledEvaluate` does the same work one position at a time.
 */
export async function evaluateWithReads(
  model: LlamaModel,
  sequence: LlamaContextSequence,
  tokens: readonly number[],
  reads: readonly (PositionRead | undefined)[],
): Promise<(PositionLogits | undefined)[]> {
  const internals = internalsOf(model, sequence);
  return internals ? concurrentReads(internals, tokens, reads) : sequentialReads(sequence, tokens, reads);
}

/** Whether the concurrent path is available (tests assert it is, on the pinned node-llama-cpp). */
export function concurrentReadsAvailable(model: LlamaModel, sequence: LlamaContextSequence): boolean {
  return internalsOf(model, sequence) !== undefined;
}

async function concurrentReads(internals: Internals, tokens: readonly number[], reads: readonly (PositionRead | undefined)[]): Promise<(PositionLogits | undefined)[]> {
  const wanted = tokens.map((_, i) => reads[i] !== undefined);
  const lanes = Math.max(1, Math.min(CONCURRENT_READS, wanted.filter(Boolean).length));
  const greedyConfig = internals.samplerConfig({ temperature: 0 });
  const samplers = Array.from({ length: lanes }, () => {
    const sampler = internals.newSampler();
    sampler.applyConfig(greedyConfig);
    return sampler;
  });
  // One chain of reads per sampler (a native sampler holds one candidate buffer); errors are kept
  // and thrown after the decode, never inside node-llama-cpp's batch loop.
  let chains: Promise<void>[] = samplers.map(() => Promise.resolve());
  let failure: unknown;
  let next = 0;
  const out: (PositionLogits | undefined)[] = new Array(tokens.length).fill(undefined);
  try {
    await internals.decode(
      tokens as Token[],
      wanted,
      (batchLogitIndex, tokenIndex) => {
        const read = reads[tokenIndex]!;
        const lane = next++ % lanes;
        chains[lane] = chains[lane]!.then(async () => {
          if (failure !== undefined) return;
          try {
            const answer = await internals.sampleToken(batchLogitIndex, samplers[lane]!, false, false, filterOf(read), true);
            out[tokenIndex] = { logits: pairsToMap(answer[3] as number[] | undefined), totalLogitWeight: answer[4] as number };
          } catch (error) {
            failure ??= error;
          }
        });
        // A plain value (not a promise): node-llama-cpp would otherwise chain every read after the previous one.
        return tokenIndex;
      },
      async () => {
        await Promise.all(chains);
        chains = samplers.map(() => Promise.resolve());
      },
    );
  } finally {
    await Promise.all(chains);
    for (const sampler of samplers) sampler.dispose();
  }
  if (failure !== undefined) throw failure;
  return out;
}

async function sequentialReads(sequence: LlamaContextSequence, tokens: readonly number[], reads: readonly (PositionRead | undefined)[]): Promise<(PositionLogits | undefined)[]> {
  const outputs = await sequence.controlledEvaluate(
    tokens.map((token, i) => {
      const read = reads[i];
      return read ? [token as Token, { generateNext: generateNextOf(read) }] : (token as Token);
    }),
  );
  return tokens.map((_, i) => {
    const next = reads[i] ? outputs[i]?.next : undefined;
    return next ? { logits: next.logits as Map<number, number>, totalLogitWeight: next.totalLogitWeight! } : undefined;
  });
}

/**
 * The same read through the public API. Normalising needs the maximum logit: with no top list asked
 * for, a greedy draw selects the argmax and `includeSelected` returns it. That matters for speed:
 * node-llama-cpp 3.22 sorts the whole vocabulary (std::sort, ~15 ms for 151,936 entries on 2 cores)
 * whenever `includeTop` is set, where the greedy argmax is one linear pass. Logits come back sorted
 * high to low either way.
 */
export function generateNextOf(read: PositionRead) {
  const tokens = read.ids as Token[];
  return read.top > 0
    ? { logits: { filter: { tokens, includeTop: read.top } }, totalLogitWeight: true as const }
    : { token: true as const, options: { temperature: 0 }, logits: { filter: { tokens, includeSelected: true } }, totalLogitWeight: true as const };
}

/** The addon's filter argument for the read generateNextOf describes: [tokens, max, min, selected, top]. */
function filterOf(read: PositionRead): unknown[] {
  return read.top > 0 ? [[...read.ids], false, false, false, read.top] : [[...read.ids], false, false, true, 0];
}
