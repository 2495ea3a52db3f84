import { createRng } from "../util/random.js";
import type { Estimate } from "./interval.js";

export interface BootstrapOptions {
  /** Number of resamples (default 2000). */
  resamples?: number;
  /** Seed of the resampling RNG; the same seed gives the same interval. */
  seed?: number;
  /** Interval level (default 0.95). */
  level?: number;
  /** Names the units in `method`, e.g. "questions" or "seeds". */
  unitName?: string;
}

/**
 * Percentile bootstrap: resample the units with replacement, recompute the statistic, and take the
 * (1−level)/2 and 1−(1−level)/2 quantiles. Resamples whose statistic is null or not finite (e.g. no
 * eligible answer was drawn) are dropped; the interval is null when fewer than half survive.
 */
export function percentileBootstrap<T>(
  units: readonly T[],
  statistic: (sample: readonly T[]) => number | null,
  options: BootstrapOptions = {},
): Estimate {
  const resamples = options.resamples ?? 2000;
  const level = options.level ?? 0.95;
  const method = `percentile bootstrap over ${options.unitName ?? "units"} ${Math.round(level * 100)}%, ${resamples} resamples, seed ${options.seed ?? 0}`;
  const value = units.length > 0 ? finiteOrNull(statistic(units)) : null;
  if (units.length === 0 || value === null) return { value, low: null, high: null, method };

  const rng = createRng(options.seed ?? 0);
  const stats: number[] = [];
  const draw: T[] = new Array<T>(units.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < units.length; i++) draw[i] = units[Math.floor(rng() * units.length)]!;
    const s = finiteOrNull(statistic(draw));
    if (s !== null) stats.push(s);
  }
  if (stats.length < resamples / 2) return { value, low: null, high: null, method };
  stats.sort((a, b) => a - b);
  const alpha = (1 - level) / 2;
  return { value, low: quantile(stats, alpha), high: quantile(stats, 1 - alpha), method };
}

function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/** Linear-interpolation quantile (type 7, R's default) of sorted values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError("quantile of no values");
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}
