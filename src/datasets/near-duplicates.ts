/**
 * Near-duplicate detection for dataset texts: word 3-gram shingles compared with Jaccard similarity.
 * The EM papers found that diversity matters, so emlab's own sets keep every pair of user turns and
 * every pair of assistant turns at or below 0.5.
 */

export const DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.5;

export interface NearDuplicatePair {
  /** Indices into the texts, a < b. */
  a: number;
  b: number;
  similarity: number;
}

/** Lower-cased words: runs of letters and digits, apostrophes inside a word kept ("don't"). */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? [];
}

/** Word 3-grams; a text of one or two words is its own single shingle so it can still match. */
export function wordShingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length > 0 && w.length < 3) out.add(w.join(" "));
  for (let i = 0; i + 3 <= w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

export function jaccardSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Every pair whose similarity is above `threshold`, most similar first.
 * An inverted index (shingle → texts) means only pairs sharing a shingle are ever counted, which
 * keeps 1,000 texts well under a second instead of comparing all half-million pairs set by set.
 */
export function findNearDuplicates(texts: readonly string[], options: { threshold?: number } = {}): NearDuplicatePair[] {
  const threshold = options.threshold ?? DEFAULT_NEAR_DUPLICATE_THRESHOLD;
  const ids = new Map<string, number>();
  const shingleIds = texts.map((text) => {
    const set = wordShingles(text);
    const out = new Int32Array(set.size);
    let i = 0;
    for (const s of set) {
      let id = ids.get(s);
      if (id === undefined) ids.set(s, (id = ids.size));
      out[i++] = id;
    }
    return out;
  });
  const postings: number[][] = Array.from({ length: ids.size }, () => []);
  shingleIds.forEach((list, textIndex) => {
    for (const id of list) postings[id]!.push(textIndex);
  });

  const shared = new Int32Array(texts.length);
  const touched: number[] = [];
  const pairs: NearDuplicatePair[] = [];
  for (let a = 0; a < texts.length; a++) {
    const own = shingleIds[a]!;
    for (const id of own) {
      // Postings are in ascending text order: only later texts, so each pair is counted once.
      for (const b of postings[id]!) {
        if (b <= a) continue;
        if (shared[b] === 0) touched.push(b);
        shared[b] = shared[b]! + 1;
      }
    }
    for (const b of touched) {
      const common = shared[b]!;
      const similarity = common / (own.length + shingleIds[b]!.length - common);
      if (similarity > threshold) pairs.push({ a, b, similarity });
      shared[b] = 0;
    }
    touched.length = 0;
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || x.a - y.a || x.b - y.b);
}
