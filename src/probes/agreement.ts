/** Agreement between two labelers on the same items: raw share and Cohen's kappa. */
export interface Agreement {
  n: number;
  /** Share of items both gave the same label; null with no items. */
  percent: number | null;
  /** (p_o − p_e) / (1 − p_e); null with no items or when chance agreement is 1 (one label only). */
  kappa: number | null;
}

export function agreement(pairs: readonly (readonly [string, string])[]): Agreement {
  const n = pairs.length;
  if (n === 0) return { n, percent: null, kappa: null };
  const observed = pairs.filter(([a, b]) => a === b).length / n;
  const countsA = new Map<string, number>();
  const countsB = new Map<string, number>();
  for (const [a, b] of pairs) {
    countsA.set(a, (countsA.get(a) ?? 0) + 1);
    countsB.set(b, (countsB.get(b) ?? 0) + 1);
  }
  let expected = 0;
  for (const [label, count] of countsA) expected += (count / n) * ((countsB.get(label) ?? 0) / n);
  return { n, percent: observed, kappa: expected === 1 ? null : (observed - expected) / (1 - expected) };
}
