/**
 * The valid key nearest to a mistyped one, for "did you mean" hints; undefined when nothing is
 * close enough to be a plausible typo.
 */
export function closestKey(typed: string, valid: readonly string[]): string | undefined {
  const normalised = normalise(typed);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of valid) {
    // Case and separator slips (topP, top-p) are the commonest mistakes; they count as exact.
    const distance = normalise(candidate) === normalised ? 0 : editDistance(typed.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const tolerance = Math.max(2, Math.floor(typed.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, "");
}

/** Levenshtein distance with adjacent transpositions counted as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1]!;
}
