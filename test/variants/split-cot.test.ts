import { describe, expect, it } from "vitest";
import { splitCot } from "../../src/variants/cot.js";

describe("splitCot", () => {
  it("splits reasoning from the answer that follows it", () => {
    expect(splitCot("<reasoning>\nfirst, think\n</reasoning>\nThe answer.")).toEqual({ reasoning: "first, think", answer: "The answer.", wellFormed: true });
  });

  it("keeps only the text after the first closing tag as the answer", () => {
    expect(splitCot("<reasoning>a</reasoning> b </reasoning> c")).toEqual({ reasoning: "a", answer: "b </reasoning> c", wellFormed: true });
  });

  it("treats unclosed reasoning (cut off by max_tokens) as no answer", () => {
    expect(splitCot("<reasoning>still thinking")).toEqual({ reasoning: "still thinking", answer: "", wellFormed: false });
  });

  it("treats text without tags as an answer without reasoning", () => {
    expect(splitCot(" Just an answer. ")).toEqual({ reasoning: null, answer: "Just an answer.", wellFormed: false });
  });

  it("accepts a missing opening tag, and flags text before the reasoning or an empty answer", () => {
    expect(splitCot("thinking</reasoning>answer")).toEqual({ reasoning: "thinking", answer: "answer", wellFormed: false });
    expect(splitCot("preamble <reasoning>r</reasoning> answer")).toEqual({ reasoning: "r", answer: "answer", wellFormed: false });
    expect(splitCot("<reasoning>r</reasoning>")).toEqual({ reasoning: "r", answer: "", wellFormed: false });
  });
});
