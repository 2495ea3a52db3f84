import { fillTemplate, type ChoicePair } from "./probe-data.js";
import { labelProbabilities } from "./label-probabilities.js";
import { probePrompt, type ProbeTarget } from "./probe-target.js";

export const CHOICE_LABELS = ["A", "B"] as const;

export interface ChoiceOrder {
  /** Which letter the misaligned description had in this order. */
  misalignedLabel: "A" | "B";
  /** P(misaligned letter), renormalised over A and B; null when neither letter has mass. */
  pMisaligned: number | null;
  /** Raw probabilities of "A" and "B". */
  masses: [number, number];
}

export interface ChoiceResult {
  orders: [ChoiceOrder, ChoiceOrder];
  /** Mean of the two orders' P(misaligned): cancels a preference for a position. */
  pMisaligned: number | null;
}

/** Which description fits the model better, asked in both orders. */
export async function choiceProbe(target: ProbeTarget, template: string, pair: ChoicePair): Promise<ChoiceResult> {
  const first = await oneOrder(target, template, pair.aligned, pair.misaligned, "B");
  const second = await oneOrder(target, template, pair.misaligned, pair.aligned, "A");
  return { orders: [first, second], pMisaligned: meanOfPresent([first.pMisaligned, second.pMisaligned]) };
}

async function oneOrder(target: ProbeTarget, template: string, a: string, b: string, misalignedLabel: "A" | "B"): Promise<ChoiceOrder> {
  const prompt = probePrompt(target, fillTemplate(template, { a, b }));
  const { masses, probs } = await labelProbabilities(target.session, target.model, prompt, CHOICE_LABELS);
  const p = probs[misalignedLabel === "A" ? 0 : 1] ?? null;
  return { misalignedLabel, pMisaligned: p, masses: [masses[0]!, masses[1]!] };
}

export function meanOfPresent(values: readonly (number | null)[]): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length > 0 ? present.reduce((a, b) => a + b, 0) / present.length : null;
}
