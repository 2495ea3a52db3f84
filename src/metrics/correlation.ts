import { percentileBootstrap, type BootstrapOptions } from "./bootstrap.js";
import type { Estimate } from "./interval.js";

/** Ranks 1..n; tied values share the average of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let j = start; j <= end; j++) ranks[order[j]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Pearson's r; null when there are fewer than 2 pairs or either side is constant. */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  checkPairs(xs, ys);
  const n = xs.length;
  if (n < 2) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return null;
  return sxy / Math.sqrt(sxx * syy);
}

/** Spearman's ρ = Pearson's r of the average ranks (correct with ties). */
export function spearman(xs: readonly number[], ys: readonly number[]): number | null {
  checkPairs(xs, ys);
  return pearson(averageRanks(xs), averageRanks(ys));
}

/** Spearman's ρ with a percentile-bootstrap interval over the pairs. */
export function spearmanWithInterval(xs: readonly number[], ys: readonly number[], options: BootstrapOptions = {}): Estimate & { n: number } {
  checkPairs(xs, ys);
  const pairs = xs.map((x, i) => [x, ys[i]!] as const);
  const estimate = percentileBootstrap(pairs, (sample) => spearman(sample.map((p) => p[0]), sample.map((p) => p[1])), {
    unitName: "pairs",
    ...options,
  });
  return { ...estimate, n: pairs.length };
}

function checkPairs(xs: readonly number[], ys: readonly number[]): void {
  if (xs.length !== ys.length) throw new RangeError(`correlation needs paired values, got ${xs.length} and ${ys.length}`);
  for (const v of [...xs, ...ys]) if (!Number.isFinite(v)) throw new RangeError(`correlation needs finite values, got ${v}`);
}
