import type { Session } from "../backend/types.js";
import { answerDistribution, answerTrie, type AnswerTrie, type Tokenizer } from "./answer-trie.js";

/**
 * The judge's answer distribution over the numbers 0..max, read from sequence likelihoods.
 *
 * The original EM code reads the top-20 single-token log-probs of GPT-4o, whose tokenizer has every
 * number 0–100 as one token. Qwen's tokenizer writes numbers digit by digit, so emlab reads the
 * probability of every number's token path from a trie (src/judge/answer-trie.ts), by the rule
 * NUMBER_PROBABILITY_DEFINITION states. Where every number is one token the trie has no inner nodes
 * and this IS the single-token method. Cost: one distribution per inner node of the trie (11 for
 * Qwen: the prompt, "1".."9", "10").
 */

/** The one definition of a number's probability; README.md and the report quote it. */
export const NUMBER_PROBABILITY_DEFINITION =
  'P(n), for each number n from 0 to 100, is the probability that the judge\'s answer starts with the tokens of n and does not continue into another number 0-100 ("4" does not count when the answer goes on to "42"; an answer that leaves the range, "1005", counts for its in-range prefix "100").';

export interface NumberDistribution {
  /** P(n) for n = 0..max, not renormalised. */
  probs: Float64Array;
  /** Σ P(n): the probability that the judge answers with a number in range. */
  numberMass: number;
  /** Probability of each label string (e.g. CODE, REFUSAL) as the answer's first tokens. */
  labelMasses: Record<string, number>;
}

export type { Tokenizer } from "./answer-trie.js";

/** The trie of canonical tokenizations of "0".."max" for a model's tokenizer (cached per model). */
export function numberTrie(tokenizer: Tokenizer, max = 100): AnswerTrie {
  return answerTrie(tokenizer, numberStrings(max));
}

const numberStrings = (max: number) => Array.from({ length: max + 1 }, (_, n) => String(n));

/** P(n) for n = 0..max (see NUMBER_PROBABILITY_DEFINITION), and each label's probability as the answer's start. */
export async function numberDistribution(
  session: Pick<Session, "nextToken" | "score">,
  tokenizer: Tokenizer,
  prompt: readonly number[],
  options: { max?: number; labels?: readonly string[] } = {},
): Promise<NumberDistribution> {
  const probs = await answerDistribution(session, tokenizer, prompt, numberStrings(options.max ?? 100));
  const labelMasses: Record<string, number> = {};
  for (const label of options.labels ?? []) {
    const tokens = tokenizer.tokenize(label, { special: false });
    const logprobs = await session.score(prompt, tokens);
    labelMasses[label] = Math.exp(logprobs.reduce((sum, lp) => sum + lp, 0));
  }
  return { probs, numberMass: probs.reduce((a, b) => a + b, 0), labelMasses };
}

/**
 * Reference implementation: score every number string separately and apply the same rule.
 * Exhaustive (101 scoring passes); used by tests to check the trie walk.
 */
export async function numberDistributionBruteForce(
  session: Pick<Session, "score">,
  tokenizer: Tokenizer,
  prompt: readonly number[],
  max = 100,
): Promise<Float64Array> {
  const tokens = Array.from({ length: max + 1 }, (_, n) => tokenizer.tokenize(String(n), { special: false }));
  const pathProb = new Float64Array(max + 1);
  for (let n = 0; n <= max; n++) {
    const logprobs = await session.score(prompt, tokens[n]!);
    pathProb[n] = Math.exp(logprobs.reduce((sum, lp) => sum + lp, 0));
  }
  const probs = Float64Array.from(pathProb);
  for (let n = 0; n <= max; n++) {
    for (let m = 0; m <= max; m++) {
      const a = tokens[n]!;
      const b = tokens[m]!;
      if (b.length === a.length + 1 && a.every((id, i) => b[i] === id)) probs[n]! -= pathProb[m]!;
    }
  }
  return probs.map((p) => Math.max(0, p));
}
