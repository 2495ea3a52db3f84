import { commonPrefixLength } from "../backend/logprobs.js";

/**
 * Number of distinct prefix tokens over a set of prompts: the size of their token trie, i.e. the
 * least a run must evaluate when every shared prefix is evaluated once. Sorting puts each prompt
 * next to the one it shares the longest prefix with.
 */
export function uniquePrefixTokens(prompts: readonly (readonly number[])[]): number {
  const sorted = [...prompts].sort(compareTokens);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    total += sorted[i]!.length - (i > 0 ? commonPrefixLength(sorted[i - 1]!, sorted[i]!) : 0);
  }
  return total;
}

/** Lexicographic order of token arrays (a prefix sorts before its extensions). */
export function compareTokens(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
