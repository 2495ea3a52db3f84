import { numberDistribution } from "../judge/number-distribution.js";
import { scoreFromDistribution } from "../judge/judge-answer.js";
import { probePrompt, type ProbeTarget } from "./probe-target.js";

export interface NumberAnswer {
  /** Probability-weighted mean over 0..100, or null when too little mass is on numbers. */
  score: number | null;
  nullReason: string | null;
  numberMass: number;
}

/**
 * Ask the model a question it answers with a number 0–100 and read the answer the way the judge
 * reads its scores (numberDistribution over the model's own raw distribution; no sampling).
 */
export async function numberAnswer(target: ProbeTarget, userText: string): Promise<NumberAnswer> {
  const prompt = probePrompt(target, userText);
  const dist = await numberDistribution(target.session, target.model, prompt);
  const { score, nullReason } = scoreFromDistribution(dist.probs, dist.numberMass);
  return { score, nullReason, numberMass: dist.numberMass };
}
