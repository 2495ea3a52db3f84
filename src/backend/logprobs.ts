/**
 * Small numeric helpers shared by the engines: raw log-probabilities from logits.
 */

/** log p(token) from its logit, the maximum logit and Σ exp(logit − max) over the vocabulary. */
export function logprobFromLogit(logit: number, maxLogit: number, totalWeight: number): number {
  return logit - maxLogit - Math.log(totalWeight);
}

/** Numerically stable log-softmax of a full logit vector. */
export function logSoftmax(logits: ArrayLike<number>): Float32Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i]! > max) max = logits[i]!;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += Math.exp(logits[i]! - max);
  const logZ = max + Math.log(sum);
  const out = new Float32Array(logits.length);
  for (let i = 0; i < logits.length; i++) out[i] = logits[i]! - logZ;
  return out;
}

/** Length of the longest common prefix of two token arrays. */
export function commonPrefixLength(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/** True when sampling leaves the raw distribution untouched (the EM protocol: T=1, no truncation). */
export function isRawSampling(p: { temperature: number; topK: number; topP: number; minP: number }): boolean {
  return p.temperature === 1 && p.topK <= 0 && p.topP >= 1 && p.minP <= 0;
}
