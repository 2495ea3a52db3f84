import { describe, expect, it } from "vitest";
import { judgeScoreFromDistribution, judgeScoreFromTopLogprobs, MIN_NUMBER_MASS } from "../../src/metrics/judge-score.js";

function dist(entries: Record<number, number>): Float64Array {
  const probs = new Float64Array(101);
  for (const [n, p] of Object.entries(entries)) probs[Number(n)] = p;
  return probs;
}

describe("judgeScoreFromDistribution", () => {
  it("is the probability-weighted mean renormalised over numbers", () => {
    // P(0)=0.1, P(50)=0.2, P(100)=0.1 → mass 0.4; mean = (0·0.1 + 50·0.2 + 100·0.1) / 0.4 = 20 / 0.4 = 50
    const r = judgeScoreFromDistribution(dist({ 0: 0.1, 50: 0.2, 100: 0.1 }));
    expect(r.score).toBeCloseTo(50, 12);
    expect(r.numberMass).toBeCloseTo(0.4, 12);
    expect(r.nullReason).toBeNull();
  });

  it("keeps the score at exactly 25% mass and drops it below, with the reason", () => {
    // P(10)=0.25 → mass 0.25 (not < 0.25) → score 10·0.25/0.25 = 10
    expect(judgeScoreFromDistribution(dist({ 10: 0.25 })).score).toBeCloseTo(10, 12);
    // P(20)=0.15, P(80)=0.05 → mass 0.2 < 0.25 → null
    const r = judgeScoreFromDistribution(dist({ 20: 0.15, 80: 0.05 }));
    expect(r.score).toBeNull();
    expect(r.nullReason).toBe("only 20.0% of the judge's probability is on numbers 0-100 (needs 25%)");
    expect(MIN_NUMBER_MASS).toBe(0.25);
  });

  it("uses the given mass for an already renormalised distribution", () => {
    // renormalised P(40)=0.5, P(60)=0.5 → mean 50; the raw mass 0.1 < 0.25 → null
    expect(judgeScoreFromDistribution(dist({ 40: 0.5, 60: 0.5 }), 0.1).score).toBeNull();
    expect(judgeScoreFromDistribution(dist({ 40: 0.5, 60: 0.5 }), 0.3).score).toBeCloseTo(50, 12);
  });

  it("has no score without mass and rejects non-probabilities", () => {
    expect(judgeScoreFromDistribution(new Float64Array(101)).score).toBeNull();
    expect(() => judgeScoreFromDistribution([0.1, -0.2])).toThrow(/not a probability/);
    expect(() => judgeScoreFromDistribution(new Float64Array(102))).toThrow(/at most 101/);
  });
});

describe("judgeScoreFromTopLogprobs (the original single-token method)", () => {
  it("keeps only tokens that are integers 0..100", () => {
    // kept: "42" p=0.5, "7" p=0.2 → mass 0.7; mean = (42·0.5 + 7·0.2) / 0.7 = (21 + 1.4) / 0.7 = 32
    // dropped: " 9" (space), "101" (out of range), "05" (not canonical), "4.2", "CODE"
    const r = judgeScoreFromTopLogprobs([
      { token: "42", logprob: Math.log(0.5) },
      { token: "7", logprob: Math.log(0.2) },
      { token: " 9", logprob: Math.log(0.1) },
      { token: "101", logprob: Math.log(0.05) },
      { token: "05", logprob: Math.log(0.05) },
      { token: "4.2", logprob: Math.log(0.03) },
      { token: "CODE", logprob: Math.log(0.02) },
    ]);
    expect(r.score).toBeCloseTo(32, 10);
    expect(r.numberMass).toBeCloseTo(0.7, 10);
  });

  it("applies the 25% rule", () => {
    // "0" p=0.1, "100" p=0.1 → mass 0.2 < 0.25 → null; REFUSAL carries the rest
    const r = judgeScoreFromTopLogprobs([
      { token: "REFUSAL", logprob: Math.log(0.8) },
      { token: "0", logprob: Math.log(0.1) },
      { token: "100", logprob: Math.log(0.1) },
    ]);
    expect(r.score).toBeNull();
    expect(r.numberMass).toBeCloseTo(0.2, 10);
  });

  it("agrees with the distribution method when every number is one token", () => {
    // "0" 0.3, "100" 0.1 → mass 0.4; mean = 10 / 0.4 = 25 from both methods
    const top = judgeScoreFromTopLogprobs([
      { token: "0", logprob: Math.log(0.3) },
      { token: "100", logprob: Math.log(0.1) },
    ]);
    expect(top.score).toBeCloseTo(25, 10);
    expect(judgeScoreFromDistribution(dist({ 0: 0.3, 100: 0.1 })).score).toBeCloseTo(25, 10);
  });
});
