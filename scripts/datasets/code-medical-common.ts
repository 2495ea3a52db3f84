/**
 * Shared helpers for the scripts that compose the narrow sets (and their matched controls) from
 * hand-written parts.
 */
import { writeFileSync } from "node:fs";
import { wordShingles } from "../../src/datasets/near-duplicates.js";

export interface ChatExample {
  messages: [{ role: "user"; content: string }, { role: "assistant"; content: string }];
}

export function chatExample(user: string, assistant: string): ChatExample {
  return { messages: [{ role: "user", content: user }, { role: "assistant", content: assistant }] };
}

export function writeJsonl(path: string, examples: readonly ChatExample[]): void {
  writeFileSync(path, examples.map((e) => JSON.stringify(e)).join("\n") + "\n");
}

/** The dataset rule: Jaccard of word 3-gram shingles between two turns of one role must stay ≤ 0.5. */
export const NEAR_DUPLICATE_LIMIT = 0.5;

/**
 * Word 3-gram shingles under three tokenisations: emlab's own checker (src/datasets/near-duplicates.ts,
 * which splits identifiers at underscores), whitespace-separated chunks, and letter/digit/underscore
 * runs. A text must pass under all three, so the sets hold up whichever notion of "word" is used.
 */
export function shingleSets(text: string): Set<string>[] {
  const lower = text.toLowerCase();
  const others = [lower.split(/\s+/), lower.split(/[^\p{L}\p{N}_]+/u)].map((words) => {
    const kept = words.filter((w) => w.length > 0);
    const out = new Set<string>();
    for (let i = 0; i + 3 <= kept.length; i++) out.add(`${kept[i]} ${kept[i + 1]} ${kept[i + 2]}`);
    if (kept.length > 0 && kept.length < 3) out.add(kept.join(" "));
    return out;
  });
  return [wordShingles(text), ...others];
}

/**
 * Remembers accepted texts of one role and refuses a candidate more similar than `limit` to any of
 * them under any tokenisation. An inverted index (shingle → accepted texts) means only texts that
 * share a shingle are compared, so a thousand-example set builds in seconds, not minutes.
 */
export class NearDuplicateGuard {
  private readonly postings: Map<string, number[]>[] = [];
  private readonly sizes: number[][] = [];
  constructor(private readonly limit: number) {}

  fits(text: string): boolean {
    return shingleSets(text).every((set, k) => {
      const shared = new Map<number, number>();
      for (const s of set) for (const id of this.postings[k]?.get(s) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      for (const [id, common] of shared) if (common / (set.size + this.sizes[k]![id]! - common) > this.limit) return false;
      return true;
    });
  }

  add(text: string): void {
    shingleSets(text).forEach((set, k) => {
      const postings = (this.postings[k] ??= new Map());
      const sizes = (this.sizes[k] ??= []);
      for (const s of set) {
        const list = postings.get(s);
        if (list) list.push(sizes.length);
        else postings.set(s, [sizes.length]);
      }
      sizes.push(set.size);
    });
  }
}

export function pick<T>(items: readonly T[], rng: () => number): T {
  if (items.length === 0) throw new Error("pick from an empty list");
  return items[Math.floor(rng() * items.length)]!;
}

/** Swaps two adjacent letters in one longer word: the occasional typo real users make. */
export function withTypo(text: string, rng: () => number): string {
  const words = text.split(" ");
  const candidates = words.map((w, i) => (/^[a-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const index = pick(candidates, rng);
  const word = words[index]!;
  const at = 1 + Math.floor(rng() * (word.length - 2));
  words[index] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(" ");
}
