import { describe, expect, it } from "vitest";
import { argmax, drawCategorical, sampleToken, samplingCandidates, topKIndices } from "../../src/backend/sampler.js";
import { createRng } from "../../src/util/random.js";

const logits = Float32Array.from([1, 3, 2, 0.5, 3, -1]);
const off = { temperature: 1, topK: 0, topP: 1, minP: 0 };

function sum(a: Float64Array): number {
  return a.reduce((x, y) => x + y, 0);
}

describe("sampler", () => {
  it("argmax breaks ties towards the lowest id", () => {
    expect(argmax(logits)).toBe(1);
  });

  it("topKIndices returns the k largest, largest first, ties by id", () => {
    expect(Array.from(topKIndices(logits, 3))).toEqual([1, 4, 2]);
    expect(Array.from(topKIndices(logits, 0))).toEqual([]);
    expect(Array.from(topKIndices(logits, 99))).toEqual([1, 4, 2, 0, 3, 5]);
  });

  it("without truncation the candidates are the softmax of the tempered logits", () => {
    const c = samplingCandidates(logits, { ...off, temperature: 2 });
    expect(c.ids.length).toBe(6);
    const z = Array.from(logits).reduce((s, l) => s + Math.exp(l / 2), 0);
    c.ids.forEach((id, i) => expect(c.probs[i]).toBeCloseTo(Math.exp(logits[id]! / 2) / z, 12));
  });

  it("top-k keeps exactly the k most likely tokens", () => {
    const c = samplingCandidates(logits, { ...off, topK: 2 });
    expect(Array.from(c.ids).sort()).toEqual([1, 4]);
    expect(sum(c.probs)).toBeCloseTo(1, 12);
  });

  it("top-p keeps the smallest most-likely set reaching p", () => {
    // p(1) = p(4) ≈ 0.384 each, p(2) ≈ 0.141: 0.5 needs the two tied tokens, 0.8 adds token 2.
    expect(Array.from(samplingCandidates(logits, { ...off, topP: 0.5 }).ids)).toEqual([1, 4]);
    expect(Array.from(samplingCandidates(logits, { ...off, topP: 0.8 }).ids)).toEqual([1, 4, 2]);
    expect(Array.from(samplingCandidates(logits, { ...off, topP: 0.01 }).ids)).toEqual([1]);
  });

  it("min-p drops tokens below min_p times the top probability", () => {
    // p(2)/p(1) = e^-1 ≈ 0.37, p(0)/p(1) = e^-2 ≈ 0.14.
    expect(Array.from(samplingCandidates(logits, { ...off, minP: 0.3 }).ids).sort()).toEqual([1, 2, 4]);
    expect(Array.from(samplingCandidates(logits, { ...off, minP: 0.1 }).ids).sort()).toEqual([0, 1, 2, 4]);
  });

  it("greedy ignores the random stream", () => {
    let calls = 0;
    expect(sampleToken(logits, { ...off, temperature: 0 }, () => (calls++, 0.9))).toBe(1);
    expect(calls).toBe(0);
  });

  it("drawCategorical inverts the cumulative distribution", () => {
    const c = { ids: Int32Array.from([7, 8, 9]), probs: Float64Array.from([0.2, 0.5, 0.3]) };
    expect(drawCategorical(c, 0)).toBe(7);
    expect(drawCategorical(c, 0.19)).toBe(7);
    expect(drawCategorical(c, 0.2)).toBe(8);
    expect(drawCategorical(c, 0.71)).toBe(9);
    expect(drawCategorical(c, 0.9999999999999999)).toBe(9);
  });

  it("draws follow the distribution", () => {
    const rng = createRng(42);
    const counts = new Map<number, number>();
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const t = sampleToken(logits, off, rng);
      counts.set(t, (counts.get(t) ?? 0) + 1);
    }
    const z = Array.from(logits).reduce((s, l) => s + Math.exp(l), 0);
    for (let id = 0; id < logits.length; id++) {
      const p = Math.exp(logits[id]!) / z;
      expect(Math.abs((counts.get(id) ?? 0) / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n) + 1e-3);
    }
  });
});
