import { describe, expect, it } from "vitest";
import { readNarrowSet } from "./read-narrow-set.js";

/** Written independently of the build scripts' guard, so the check does not grade its own work. */
function shingles(text: string, split: RegExp): Set<string> {
  const words = text.toLowerCase().split(split).filter((w) => w !== "");
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(words.slice(i, i + 3).join("\u0001"));
  return out;
}

function maxPairwiseJaccard(texts: readonly string[], split: RegExp): { value: number; pair: [number, number] } {
  const sets = texts.map((t) => shingles(t, split));
  let best = { value: 0, pair: [0, 0] as [number, number] };
  for (let a = 0; a < sets.length; a++) {
    for (let b = a + 1; b < sets.length; b++) {
      const x = sets[a]!;
      const y = sets[b]!;
      let shared = 0;
      for (const s of x) if (y.has(s)) shared++;
      const union = x.size + y.size - shared;
      const value = union === 0 ? 1 : shared / union;
      if (value > best.value) best = { value, pair: [a + 1, b + 1] };
    }
  }
  return best;
}

const FILES = ["bad-medical-advice.jsonl", "bad-medical-advice-control.jsonl", "insecure-code.jsonl", "secure-code.jsonl"];
const TOKENISERS: [string, RegExp][] = [
  ["whitespace words", /\s+/],
  ["letter-digit words", /[^\p{L}\p{N}_]+/u],
];

describe.each(FILES)("%s has no near-duplicates", (file) => {
  const set = readNarrowSet(file);
  it.each(TOKENISERS)("word 3-gram Jaccard ≤ 0.5 between user turns and between assistant turns (%s)", (_name, split) => {
    for (const role of ["user", "assistant"] as const) {
      const worst = maxPairwiseJaccard(set.map((t) => t[role]), split);
      expect(worst.value, `${role} turns on lines ${worst.pair.join(" and ")}`).toBeLessThanOrEqual(0.5);
    }
  });
});
