/**
 * The most similar pair among texts (word 3-gram shingle Jaccard) under a given reading of "word",
 * written independently of the builders' guard and of src/datasets/near-duplicates.ts, so the check
 * does not grade its own work. Pairs are found through the shingles they share, which keeps a
 * thousand texts to a fraction of a second instead of half a million set comparisons.
 */
export function shingles(text: string, splitter: RegExp): Set<string> {
  const words = text.toLowerCase().split(splitter).filter((w) => w.length > 0);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= words.length; i++) out.add(words.slice(i, i + 3).join("\u0001"));
  if (words.length > 0 && words.length < 3) out.add(words.join("\u0001"));
  return out;
}

/** Highest Jaccard and its pair (1-based positions); 0 when no two texts share a shingle. */
export function maxPairJaccard(texts: readonly string[], splitter: RegExp): { value: number; pair: [number, number] } {
  const sets = texts.map((t) => shingles(t, splitter));
  const holders = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const s of set) holders.set(s, [...(holders.get(s) ?? []), i]);
  });
  let best = { value: 0, pair: [0, 0] as [number, number] };
  sets.forEach((set, a) => {
    const shared = new Map<number, number>();
    for (const s of set) for (const b of holders.get(s)!) if (b > a) shared.set(b, (shared.get(b) ?? 0) + 1);
    for (const [b, common] of shared) {
      const value = common / (set.size + sets[b]!.size - common);
      if (value > best.value) best = { value, pair: [a + 1, b + 1] };
    }
  });
  return best;
}
