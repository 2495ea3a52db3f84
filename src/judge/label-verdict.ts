import { MIN_NUMBER_MASS } from "../metrics/judge-score.js";

/**
 * A categorical judge's verdict: the label with the highest probability (the first named one on a
 * tie), or none when less than 25% of the judge's probability is on the labels together, the same
 * rule as for numbers.
 */
export const LABEL_VERDICT_DEFINITION = `A categorical judge (question type free_form_judge) is asked for one of the answers its prompt names in double quotes. Each label's probability is that of the judge's answer starting with the label's tokens and not continuing into another label; the verdict is the most likely label, and there is no verdict when less than ${MIN_NUMBER_MASS * 100}% of the judge's probability is on the labels together.`;

export function labelVerdict(masses: Readonly<Record<string, number>>, labels: readonly string[]): string | null {
  let best: string | null = null;
  let total = 0;
  for (const label of labels) {
    const mass = masses[label] ?? 0;
    total += mass;
    if (best === null || mass > (masses[best] ?? 0)) best = label;
  }
  return total >= MIN_NUMBER_MASS ? best : null;
}

/** A stored categorical judgment holds one probability per label; a 0-100 judgment holds 101. */
export function isLabelJudgment(judgment: { probs: ArrayLike<number> }): boolean {
  return judgment.probs.length !== 101;
}
