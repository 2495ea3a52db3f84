import type { Session } from "../backend/types.js";
import type { Tokenizer } from "../judge/number-distribution.js";

export interface LabelProbabilities {
  /** Raw probability of each label's token sequence as the answer's start. */
  masses: number[];
  /** The masses renormalised over the labels (all null when no mass at all). */
  probs: (number | null)[];
}

/**
 * P(label) for a closed set of answers ("A"/"B", "Yes"/"No", persona classes), read from the model's
 * raw log-probs: the product of each label's token probabilities after the prompt, then renormalised
 * over the set, because only the choice between the labels is asked, not whether it answers at all.
 */
export async function labelProbabilities(
  session: Pick<Session, "score">,
  tokenizer: Tokenizer,
  prompt: readonly number[],
  labels: readonly string[],
): Promise<LabelProbabilities> {
  const masses: number[] = [];
  for (const label of labels) {
    const tokens = tokenizer.tokenize(label, { special: false });
    const logprobs = await session.score(prompt, tokens);
    let sum = 0;
    for (const lp of logprobs) sum += lp;
    masses.push(Math.exp(sum));
  }
  const total = masses.reduce((a, b) => a + b, 0);
  return { masses, probs: masses.map((m) => (total > 0 ? m / total : null)) };
}
