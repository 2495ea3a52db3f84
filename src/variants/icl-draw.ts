import { createRng, mix32, shuffled } from "../util/random.js";

/** Tag that separates the example-draw stream from other uses of the same user seed. */
const ICL_STREAM = 0x1c1d7a3;

/**
 * The order in which a seed draws a dataset's examples: one seeded permutation of all indices.
 * Taking its first k items makes draws nested: for one seed, the k=4 examples are the first four
 * of the k=16 examples, in the same order, so a k-sweep extends one growing prompt prefix.
 */
export function examplePermutation(count: number, seed: number): number[] {
  return shuffled(
    Array.from({ length: count }, (_, i) => i),
    createRng(mix32(ICL_STREAM, seed)),
  );
}

/** The first k examples of the seed's permutation. */
export function drawExamples<T>(items: readonly T[], k: number, seed: number): T[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError(`k must be a non-negative integer, got ${k}`);
  if (k > items.length) throw new RangeError(`k=${k} is larger than the dataset (${items.length} examples)`);
  return examplePermutation(items.length, seed)
    .slice(0, k)
    .map((i) => items[i]!);
}
