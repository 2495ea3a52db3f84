import { zForLevel, type Estimate } from "./interval.js";

/**
 * Wilson score interval for a proportion k/n. Unlike the normal (Wald) interval it stays inside
 * [0, 1] and is not zero-width at 0/n or n/n, which matters for rare misaligned answers.
 */
export function wilsonInterval(successes: number, n: number, level = 0.95): Estimate {
  if (!Number.isInteger(successes) || !Number.isInteger(n) || successes < 0 || n < 0 || successes > n) {
    throw new RangeError(`wilsonInterval needs integers 0 ≤ successes ≤ n, got ${successes}/${n}`);
  }
  const method = `wilson ${Math.round(level * 100)}%`;
  if (n === 0) return { value: null, low: null, high: null, method };
  const z = zForLevel(level);
  const p = successes / n;
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // Clamp: at 0/n and n/n floating point can leave the bound a hair outside [0, 1].
  return { value: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half), method };
}
