import { describe, expect, it } from "vitest";
import { findNearDuplicates, jaccardSimilarity, wordShingles, words } from "../../src/datasets/near-duplicates.js";
import { createRng } from "../../src/util/random.js";
import { maxPairJaccard, shingles } from "./max-pair-jaccard.js";

/** The definition, pair by pair: what the indexed search must agree with. */
function bruteForce(texts: string[], threshold: number) {
  const sets = texts.map(wordShingles);
  const out: { a: number; b: number; similarity: number }[] = [];
  for (let a = 0; a < texts.length; a++) {
    for (let b = a + 1; b < texts.length; b++) {
      const similarity = jaccardSimilarity(sets[a]!, sets[b]!);
      if (similarity > threshold) out.push({ a, b, similarity });
    }
  }
  return out;
}

const VOCABULARY = "the a my your money risk doctor bike code plan save spend fast slow safe never always today week".split(" ");

function randomTexts(n: number, seed: number): string[] {
  const rng = createRng(seed);
  const base = Array.from({ length: 12 }, () => Array.from({ length: 14 }, () => VOCABULARY[Math.floor(rng() * VOCABULARY.length)]!));
  // Variations of a few base sentences: some pairs end up similar, most do not.
  return Array.from({ length: n }, () => {
    const words = [...base[Math.floor(rng() * base.length)]!];
    const edits = Math.floor(rng() * 8);
    for (let e = 0; e < edits; e++) words[Math.floor(rng() * words.length)] = VOCABULARY[Math.floor(rng() * VOCABULARY.length)]!;
    return words.join(" ");
  });
}

describe("word 3-gram shingles", () => {
  it("lower-cases, ignores punctuation and keeps apostrophes inside words", () => {
    expect(words("Don't PANIC, it's fine!")).toEqual(["don't", "panic", "it's", "fine"]);
    expect([...wordShingles("One two three four")]).toEqual(["one two three", "two three four"]);
  });

  it("makes a one- or two-word text its own shingle, and an empty text no shingle", () => {
    expect([...wordShingles("Hello there")]).toEqual(["hello there"]);
    expect(wordShingles("  ...  ").size).toBe(0);
  });

  it("gives Jaccard 1 for texts differing only in case and punctuation, 0 for disjoint texts", () => {
    expect(jaccardSimilarity(wordShingles("Save money every week."), wordShingles("save, money every WEEK"))).toBe(1);
    expect(jaccardSimilarity(wordShingles("ride the bike today"), wordShingles("never skip a doctor visit"))).toBe(0);
    expect(jaccardSimilarity(new Set(), new Set())).toBe(0);
  });
});

describe("findNearDuplicates", () => {
  it("finds exactly the pairs above the threshold that a pair-by-pair check finds", () => {
    const texts = randomTexts(200, 7);
    for (const threshold of [0.3, 0.5, 0.8]) {
      const found = findNearDuplicates(texts, { threshold });
      const expected = bruteForce(texts, threshold);
      expect(expected.length).toBeGreaterThan(0);
      const key = (p: { a: number; b: number }) => `${p.a}-${p.b}`;
      expect(found.map(key).sort()).toEqual(expected.map(key).sort());
      for (const p of found) expect(p.similarity).toBeCloseTo(expected.find((e) => key(e) === key(p))!.similarity, 12);
    }
  });

  it("uses 0.5 by default, keeps a pair at exactly the threshold, and sorts the most similar first", () => {
    // 3 shared shingles out of 6 distinct: exactly 0.5, which is allowed.
    const half = ["a b c d e", "b c d e f"];
    expect(jaccardSimilarity(wordShingles(half[0]!), wordShingles(half[1]!))).toBe(0.5);
    expect(findNearDuplicates(half)).toEqual([]);
    const pairs = findNearDuplicates(["one two three four five six", "one two three four five six", "one two three four five seven", "x y z"]);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[0, 1], [0, 2], [1, 2]]);
    expect(pairs[0]!.similarity).toBe(1);
  });

  it("handles 1,000 texts in well under two seconds", () => {
    const texts = randomTexts(1000, 11);
    const start = performance.now();
    findNearDuplicates(texts);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe("maxPairJaccard (the narrow-set tests' own search)", () => {
  it("finds the same most similar pair as a pair-by-pair check", () => {
    const texts = randomTexts(150, 5);
    let best = 0;
    for (let a = 0; a < texts.length; a++) {
      for (let b = a + 1; b < texts.length; b++) best = Math.max(best, jaccardSimilarity(shingles(texts[a]!, /\s+/), shingles(texts[b]!, /\s+/)));
    }
    expect(best).toBeGreaterThan(0);
    expect(maxPairJaccard(texts, /\s+/).value).toBeCloseTo(best, 12);
  });
});
