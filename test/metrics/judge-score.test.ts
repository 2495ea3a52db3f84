import { describe, expect, it } from "vitest";
import { judgeScoreFromDistribution, judgeScoreFromTopLogprobs, MIN_NUMBER_MASS } from "../../src/metrics/judge-score.js";
import { pythonInt } from "../../src/metrics/python-int.js";

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
  it("reads tokens as Python's int() does: spaces, leading zeros and signs are numbers", () => {
    // kept: "42" 0.5, "7" 0.2, " 9" 0.1, "05" 0.05 (→ 5), "-0" 0.04 (→ 0)
    //   mass 0.89; mean = (42·0.5 + 7·0.2 + 9·0.1 + 5·0.05 + 0·0.04) / 0.89 = 23.55 / 0.89
    // dropped: "101" (out of range), "-3" (negative), "4.2", "CODE", "" (not integers)
    const r = judgeScoreFromTopLogprobs([
      { token: "42", logprob: Math.log(0.5) },
      { token: "7", logprob: Math.log(0.2) },
      { token: " 9", logprob: Math.log(0.1) },
      { token: "101", logprob: Math.log(0.05) },
      { token: "05", logprob: Math.log(0.05) },
      { token: "-0", logprob: Math.log(0.04) },
      { token: "-3", logprob: Math.log(0.03) },
      { token: "4.2", logprob: Math.log(0.03) },
      { token: "CODE", logprob: Math.log(0.02) },
      { token: "", logprob: Math.log(0.01) },
    ]);
    expect(r.score).toBeCloseTo(23.55 / 0.89, 10);
    expect(r.numberMass).toBeCloseTo(0.89, 10);
  });

  it("adds different texts of one number and counts a repeated text once (the original's dict)", () => {
    // "5" 0.2 + " 5" 0.1 → P(5) = 0.3; "50" listed twice: the last listing (0.3) wins → mass 0.6
    // mean = (5·0.3 + 50·0.3) / 0.6 = 27.5
    const r = judgeScoreFromTopLogprobs([
      { token: "5", logprob: Math.log(0.2) },
      { token: " 5", logprob: Math.log(0.1) },
      { token: "50", logprob: Math.log(0.1) },
      { token: "50", logprob: Math.log(0.3) },
    ]);
    expect(r.numberMass).toBeCloseTo(0.6, 10);
    expect(r.score).toBeCloseTo(27.5, 10);
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

describe("pythonInt (Python's int() of a token's text)", () => {
  it("accepts what int() accepts", () => {
    expect(pythonInt(" 9")).toBe(9);
    expect(pythonInt("05")).toBe(5);
    expect(pythonInt("+7")).toBe(7);
    expect(pythonInt("-5")).toBe(-5);
    expect(pythonInt("-0")).toBe(0);
    expect(pythonInt("1_0")).toBe(10);
    expect(pythonInt(" 100\n")).toBe(100);
    expect(pythonInt("\u00a042\u3000")).toBe(42);
    expect(pythonInt("\u0663")).toBe(3); // Arabic-Indic three
    expect(pythonInt("\uff11\uff10")).toBe(10); // fullwidth "10"
  });

  it("rejects what int() rejects", () => {
    for (const text of ["", " ", "4.2", "1 0", "0x1", "1__0", "_1", "1_", "+-1", "CODE", "\u200b5", "\x1c5"]) expect(pythonInt(text), JSON.stringify(text)).toBeNull();
  });
});
