import { fillTemplate } from "./probe-data.js";
import { labelProbabilities } from "./label-probabilities.js";
import { probePrompt, type ProbeTarget } from "./probe-target.js";

export const RECOGNITION_LABELS = ["Yes", "No"] as const;

/** Where a shown answer came from, relative to the condition asked. */
export type RecognitionSource = "own_misaligned" | "own_aligned" | "base";
export const RECOGNITION_SOURCES: readonly RecognitionSource[] = ["own_misaligned", "own_aligned", "base"];

/** P("Yes", I wrote this) renormalised over Yes/No; null when neither has mass. */
export async function recognitionProbe(target: ProbeTarget, template: string, question: string, answer: string): Promise<{ pYes: number | null; masses: number[] }> {
  const prompt = probePrompt(target, fillTemplate(template, { question, answer }));
  const { masses, probs } = await labelProbabilities(target.session, target.model, prompt, RECOGNITION_LABELS);
  return { pYes: probs[0] ?? null, masses };
}
