import { describe, expect, it } from "vitest";
import { maxPairJaccard } from "../datasets/max-pair-jaccard.js";
import { readNarrowSet } from "./read-narrow-set.js";

const FILES = ["bad-medical-advice.jsonl", "bad-medical-advice-control.jsonl", "insecure-code.jsonl", "secure-code.jsonl"];
const TOKENISERS: [string, RegExp][] = [
  ["whitespace words", /\s+/],
  ["letter-digit words", /[^\p{L}\p{N}_]+/u],
];

describe.each(FILES)("%s has no near-duplicates", (file) => {
  const set = readNarrowSet(file);
  it.each(TOKENISERS)("word 3-gram Jaccard ≤ 0.5 between user turns and between assistant turns (%s)", (_name, split) => {
    for (const role of ["user", "assistant"] as const) {
      const worst = maxPairJaccard(set.map((t) => t[role]), split);
      expect(worst.value, `${role} turns on lines ${worst.pair.join(" and ")}`).toBeLessThanOrEqual(0.5);
    }
  });
});
