import { describe, expect, it } from "vitest";
import { averageRanks, pearson, spearman, spearmanWithInterval } from "../../src/metrics/correlation.js";

describe("correlations", () => {
  it("average ranks for ties", () => {
    // 10 → 1; the two 20s share ranks 2 and 3 → 2.5; 30 → 4
    expect(averageRanks([20, 10, 30, 20])).toEqual([2.5, 1, 4, 2.5]);
  });

  it("Pearson by hand", () => {
    // x̄ = 2, ȳ = 11/3; dx = [−1, 0, 1], dy = [−5/3, 1/3, 4/3]
    // Sxy = 5/3 + 4/3 = 3, Sxx = 2, Syy = (25 + 1 + 16)/9 = 42/9 → r = 3 / √(2·42/9) = 0.981981
    expect(pearson([1, 2, 3], [2, 4, 5])!).toBeCloseTo(0.981981, 5);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNull();
    expect(pearson([1], [2])).toBeNull();
  });

  it("Spearman with ties", () => {
    // ranks x = [1, 2.5, 2.5, 4], y = [1, 3, 2, 4]; both means 2.5
    // dx = [−1.5, 0, 0, 1.5], dy = [−1.5, 0.5, −0.5, 1.5]; Sxy = 4.5, Sxx = 4.5, Syy = 5
    // ρ = 4.5 / √(4.5·5) = 0.948683
    expect(spearman([1, 2, 2, 3], [1, 3, 2, 4])!).toBeCloseTo(0.948683, 5);
    // any monotone relation → 1, reversed → −1
    expect(spearman([1, 2, 3, 4], [1, 10, 100, 1000])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });

  it("Spearman interval: reproducible, contains the estimate", () => {
    const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const ys = [2, 1, 4, 3, 6, 5, 8, 7, 10, 9];
    const a = spearmanWithInterval(xs, ys, { seed: 3, resamples: 400 });
    // d = ±1 for every pair, Σd² = 10 → ρ = 1 − 6·10 / (10·99) = 0.939394
    expect(a.value!).toBeCloseTo(0.939394, 5);
    expect(a.n).toBe(10);
    expect(a.low!).toBeLessThanOrEqual(a.value!);
    expect(a.high!).toBeGreaterThanOrEqual(a.value!);
    expect(spearmanWithInterval(xs, ys, { seed: 3, resamples: 400 })).toEqual(a);
    expect(() => spearman([1, 2], [1])).toThrow(/paired/);
  });
});
