/**
 * emlab's own token sampler over RAW logits (Transformers.js's generate() ignores top_p and merges
 * generation_config.json penalties, so it is not used). Order as in llama.cpp, so both backends share
 * one semantics: top-k, top-p and min-p on the RAW distribution, then temperature over the survivors,
 * then a categorical draw. No hidden penalties.
 * Pure functions: the llama backend or any other engine may reuse them.
 */

export interface SamplerSettings {
  /** <= 0 means greedy (argmax). */
  temperature: number;
  /** 0 = off. */
  topK: number;
  /** 1 = off. */
  topP: number;
  /** 0 = off: drop tokens whose probability is below minP times the most likely token's. */
  minP: number;
}

/** A truncated, renormalised distribution: token ids and their probabilities (summing to 1). */
export interface Candidates {
  ids: Int32Array;
  probs: Float64Array;
}

/** Index of the largest logit; ties go to the lowest id, so greedy decoding is reproducible. */
export function argmax(logits: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < logits.length; i++) if (logits[i]! > logits[best]!) best = i;
  return best;
}

/** The distribution the sampler draws from, after temperature and truncation. */
export function samplingCandidates(logits: ArrayLike<number>, s: SamplerSettings): Candidates {
  const vocab = logits.length;
  if (s.temperature <= 0) return { ids: Int32Array.of(argmax(logits)), probs: Float64Array.of(1) };
  let ids: Int32Array<ArrayBufferLike>;
  if (s.topK > 0 && s.topK < vocab) ids = topKIndices(logits, s.topK);
  else ids = Int32Array.from({ length: vocab }, (_, i) => i);

  let max = -Infinity;
  for (const id of ids) if (logits[id]! > max) max = logits[id]!;
  let probs: Float64Array = new Float64Array(ids.length);
  let total = 0;
  for (let i = 0; i < ids.length; i++) {
    probs[i] = Math.exp(logits[ids[i]!]! - max);
    total += probs[i]!;
  }
  for (let i = 0; i < probs.length; i++) probs[i]! /= total;

  if (s.topP < 1) ({ ids, probs } = nucleus(ids, probs, s.topP));
  if (s.minP > 0) ({ ids, probs } = minPFilter(ids, probs, s.minP));
  if (s.temperature === 1) return { ids, probs };
  const tempered = Float64Array.from(ids, (id) => Math.exp((logits[id]! - max) / s.temperature));
  const sum = tempered.reduce((a, b) => a + b, 0);
  return { ids, probs: tempered.map((p) => p / sum) };
}

/**
 * The smallest set of most likely tokens whose probabilities reach `topP`. Tokens below
 * (1 - topP) / n can never be needed (all of them together hold less than 1 - topP), so only the
 * rest is sorted: on peaked distributions that is a handful, not the whole vocabulary.
 */
function nucleus(ids: Int32Array, probs: Float64Array, topP: number): Candidates {
  const floor = (0.5 * (1 - topP)) / ids.length;
  const order: number[] = [];
  for (let i = 0; i < ids.length; i++) if (probs[i]! >= floor) order.push(i);
  order.sort((a, b) => probs[b]! - probs[a]! || ids[a]! - ids[b]!);
  let cumulative = 0;
  let keep = 0;
  while (keep < order.length) {
    cumulative += probs[order[keep]!]!;
    keep++;
    if (cumulative >= topP) break;
  }
  return renormalised(
    order.slice(0, Math.max(1, keep)).map((i) => ids[i]!),
    order.slice(0, Math.max(1, keep)).map((i) => probs[i]!),
  );
}

function minPFilter(ids: Int32Array, probs: Float64Array, minP: number): Candidates {
  let pmax = 0;
  for (const p of probs) if (p > pmax) pmax = p;
  const keptIds: number[] = [];
  const keptProbs: number[] = [];
  probs.forEach((p, i) => {
    if (p >= minP * pmax) {
      keptIds.push(ids[i]!);
      keptProbs.push(p);
    }
  });
  return renormalised(keptIds, keptProbs);
}

function renormalised(ids: number[], probs: number[]): Candidates {
  const total = probs.reduce((a, b) => a + b, 0);
  return { ids: Int32Array.from(ids), probs: Float64Array.from(probs, (p) => p / total) };
}

/** Categorical draw with a uniform number u in [0, 1): the first candidate whose cumulative mass exceeds u. */
export function drawCategorical(candidates: Candidates, u: number): number {
  let cumulative = 0;
  for (let i = 0; i < candidates.ids.length; i++) {
    cumulative += candidates.probs[i]!;
    if (u < cumulative) return candidates.ids[i]!;
  }
  // Rounding can leave the total a hair below 1: fall back to the last candidate with mass.
  for (let i = candidates.ids.length - 1; i >= 0; i--) if (candidates.probs[i]! > 0) return candidates.ids[i]!;
  return candidates.ids[0]!;
}

/** Sample one token id from raw logits. `rng` is consulted once, and not at all when greedy. */
export function sampleToken(logits: ArrayLike<number>, s: SamplerSettings, rng: () => number): number {
  if (s.temperature <= 0) return argmax(logits);
  return drawCategorical(samplingCandidates(logits, s), rng());
}

/**
 * Ids of the k largest values, largest first (ties: lower id first). One pass with a small sorted
 * buffer: O(n·k), cheap for the k of top-logprob recording and top-k sampling.
 */
export function topKIndices(values: ArrayLike<number>, k: number): Int32Array {
  const n = Math.max(0, Math.min(k, values.length));
  const ids = new Int32Array(n);
  if (n === 0) return ids;
  let filled = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (filled === n && !(v > values[ids[n - 1]!]!)) continue;
    let pos = filled < n ? filled++ : n - 1;
    while (pos > 0 && v > values[ids[pos - 1]!]!) {
      ids[pos] = ids[pos - 1]!;
      pos--;
    }
    ids[pos] = i;
  }
  return ids;
}
