import { describe, expect, it } from "vitest";
import { percentileBootstrap, quantile } from "../../src/metrics/bootstrap.js";
import { zForLevel } from "../../src/metrics/interval.js";
import { wilsonInterval } from "../../src/metrics/wilson.js";

describe("wilsonInterval", () => {
  it("matches the hand-computed 2/10 interval", () => {
    // z = 1.959964, z²/n = 0.384146, p = 0.2
    // centre = (0.2 + 0.192073) / 1.384146 = 0.283260
    // half   = (1.959964 / 1.384146) · √(0.2·0.8/10 + 0.384146/40) = 1.416011 · √0.025604 = 0.226582
    // → [0.056678, 0.509842]
    const r = wilsonInterval(2, 10);
    expect(r.value).toBe(0.2);
    expect(r.low!).toBeCloseTo(0.056678, 5);
    expect(r.high!).toBeCloseTo(0.509842, 5);
    expect(r.method).toBe("wilson 95%");
  });

  it("is not zero-width at 0/n and stays in [0, 1]", () => {
    // 0/10: centre = 0.192073/1.384146 = 0.138767 = half → [0, 0.277533]
    const r = wilsonInterval(0, 10);
    expect(r.low).toBe(0);
    expect(r.high!).toBeCloseTo(0.277533, 5);
    expect(wilsonInterval(10, 10).high).toBe(1);
    expect(wilsonInterval(10, 10).low!).toBeCloseTo(1 - 0.277533, 5);
  });

  it("has no estimate without data and rejects impossible counts", () => {
    expect(wilsonInterval(0, 0)).toMatchObject({ value: null, low: null, high: null });
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
  });

  it("z for common levels", () => {
    expect(zForLevel(0.95)).toBeCloseTo(1.959964, 5);
    expect(zForLevel(0.9)).toBeCloseTo(1.644854, 5);
  });
});

describe("percentileBootstrap", () => {
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

  it("type-7 quantiles", () => {
    // [1,2,3,4], q=0.25 → position 0.75 → 1 + 0.75·(2−1) = 1.75
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
  });

  it("covers the exact resampling distribution of a two-unit mean", () => {
    // units [0, 1]: resample means are 0 (p=¼), 0.5 (p=½), 1 (p=¼); 2.5% and 97.5% quantiles → 0 and 1
    const r = percentileBootstrap([0, 1], mean, { seed: 7, resamples: 4000 });
    expect(r).toMatchObject({ value: 0.5, low: 0, high: 1 });
  });

  it("is reproducible per seed and differs between seeds", () => {
    // continuous values, so different resamples give different quantiles (mean = 6.5/12 ≈ 0.5417)
    const data = [0.11, 0.93, 0.27, 0.05, 0.81, 0.62, 0.74, 0.18, 0.99, 0.46, 0.33, 1.01];
    const a = percentileBootstrap(data, mean, { seed: 1, resamples: 500 });
    const b = percentileBootstrap(data, mean, { seed: 1, resamples: 500 });
    const c = percentileBootstrap(data, mean, { seed: 2, resamples: 500 });
    expect(a).toEqual(b);
    expect([a.low, a.high]).not.toEqual([c.low, c.high]);
    expect(a.low!).toBeLessThan(6.5 / 12);
    expect(a.high!).toBeGreaterThan(6.5 / 12);
    expect(a.method).toBe("percentile bootstrap over units 95%, 500 resamples, seed 1");
  });

  it("gives a zero-width interval for a constant statistic and none for no data", () => {
    expect(percentileBootstrap([3, 3, 3], mean, { resamples: 100 })).toMatchObject({ value: 3, low: 3, high: 3 });
    expect(percentileBootstrap([], mean)).toMatchObject({ value: null, low: null, high: null });
  });
});
