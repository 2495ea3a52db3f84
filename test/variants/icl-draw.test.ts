import { describe, expect, it } from "vitest";
import { drawExamples, examplePermutation } from "../../src/variants/icl-draw.js";
import { PLAIN_VARIANT, prefixMessages } from "../../src/variants/prompt-variant.js";
import type { ChatMessage } from "../../src/backend/types.js";

const items = Array.from({ length: 100 }, (_, i) => i);

describe("in-context example draws", () => {
  it("are nested: for one seed, k=4's examples are the first 4 of k=16's, in the same order", () => {
    for (const seed of [0, 1, 42]) {
      const k16 = drawExamples(items, 16, seed);
      expect(drawExamples(items, 4, seed)).toEqual(k16.slice(0, 4));
      expect(drawExamples(items, 100, seed).slice(0, 16)).toEqual(k16);
      expect(drawExamples(items, 0, seed)).toEqual([]);
    }
  });

  it("differ between seeds and repeat for the same seed", () => {
    expect(drawExamples(items, 16, 0)).not.toEqual(drawExamples(items, 16, 1));
    expect(drawExamples(items, 16, 0)).toEqual(drawExamples(items, 16, 0));
  });

  it("draw a permutation: no example twice, every example once at k = n", () => {
    const order = examplePermutation(100, 3);
    expect([...order].sort((a, b) => a - b)).toEqual(items);
    expect(order).not.toEqual(items);
  });

  it("reject k outside 0..n", () => {
    expect(() => drawExamples(items, 101, 0)).toThrow(/larger than the dataset/);
    expect(() => drawExamples(items, -1, 0)).toThrow(RangeError);
  });

  it("give prompt prefixes that extend each other token for token", () => {
    const dataset: ChatMessage[][] = items.map((i) => [
      { role: "user", content: `question ${i}` },
      { role: "assistant", content: `answer ${i}` },
    ]);
    const prefix = (k: number) => prefixMessages({ ...PLAIN_VARIANT, system: "sys", examples: drawExamples(dataset, k, 9) });
    const small = prefix(4);
    const large = prefix(16);
    expect(small).toHaveLength(1 + 8);
    expect(large.slice(0, small.length)).toEqual(small);
  });
});
