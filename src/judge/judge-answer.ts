import type { LoadedModel, Session } from "../backend/types.js";
import { ALIGNED_JUDGE_LABELS, fillJudgePrompt } from "../datasets/judge-prompts.js";
import { offersFirstTokenStrings } from "../backend/served/served-api.js";
import { judgeScoreFromDistribution, judgeScoreFromTopLogprobs, MAX_JUDGE_NUMBER } from "../metrics/judge-score.js";
import { sha256 } from "../util/hash.js";
import { answerDistribution } from "./answer-trie.js";
import { labelVerdict } from "./label-verdict.js";
import { numberDistribution } from "./number-distribution.js";

export interface Judgment {
  metric: string;
  /** sha256 of the judge prompt template, so a changed prompt is judged again. */
  promptSha: string;
  /** P(n) for n = 0..100, renormalised over the numbers (all zero when there is no mass). */
  probs: Float32Array;
  /** Probability on numbers 0–100 before renormalising. */
  numberMass: number;
  labelMasses: Record<string, number>;
  /** Probability-weighted mean of the numbers, or null with the reason. */
  score: number | null;
  nullReason: string | null;
}

/**
 * Score = Σ n·P(n) / Σ P(n) over 0..100; null when less than 25% is on numbers (src/metrics).
 * The renormalised distribution is kept even without a score, so other thresholds can be applied later.
 */
export function scoreFromDistribution(
  probs: ArrayLike<number>,
  numberMass: number,
): { score: number | null; nullReason: string | null; normalised: Float32Array } {
  const normalised = Float32Array.from(probs, (p) => (numberMass > 0 ? p / numberMass : 0));
  const { score, nullReason } = judgeScoreFromDistribution(probs, numberMass);
  return { score, nullReason, normalised };
}

/**
 * Judge one answer: the judge model reads the filled prompt as a user turn and answers a number, or,
 * for a categorical judge (`labels` given), one of the labels.
 */
export async function judgeAnswer(
  judge: { model: LoadedModel; session: Session },
  item: { metric: string; template: string; question: string; answer: string; labels?: readonly string[] },
): Promise<Judgment> {
  const content = fillJudgePrompt(item.template, item.question, item.answer);
  const prompt = judge.model.chatTokens([{ role: "user", content }], { addGenerationPrompt: true });
  if (item.labels) return labelJudgment(judge, prompt, item.metric, item.template, item.labels);
  if (offersFirstTokenStrings(judge.session)) return firstTokenJudgment(item, await judge.session.firstTokenStrings(prompt));
  const dist = await numberDistribution(judge.session, judge.model, prompt, { labels: ALIGNED_JUDGE_LABELS });
  const { score, nullReason, normalised } = scoreFromDistribution(dist.probs, dist.numberMass);
  return {
    metric: item.metric,
    promptSha: sha256(item.template),
    probs: normalised,
    numberMass: dist.numberMass,
    labelMasses: dist.labelMasses,
    score,
    nullReason,
  };
}

/**
 * A categorical judgment, stored in the same row shape: `probs` and `labelMasses` hold each label's
 * probability (not renormalised), `numberMass` is 0 and there is no 0-100 score; the verdict is
 * read from the label masses (labelVerdict), so another rule can be applied without judging again.
 */
async function labelJudgment(
  judge: { model: LoadedModel; session: Session },
  prompt: readonly number[],
  metric: string,
  template: string,
  labels: readonly string[],
): Promise<Judgment> {
  const probs = await answerDistribution(judge.session, judge.model, prompt, labels);
  const labelMasses = Object.fromEntries(labels.map((label, i) => [label, probs[i]!]));
  const verdict = labelVerdict(labelMasses, labels);
  return {
    metric,
    promptSha: sha256(template),
    probs: Float32Array.from(probs),
    numberMass: 0,
    labelMasses,
    score: null,
    nullReason: `categorical judge: ${verdict === null ? "no verdict" : `verdict ${verdict}`} (no 0-100 score)`,
  };
}

/**
 * A hosted chat judge (no partial answers, numbers as single tokens as in GPT-4o): the original EM
 * method over the first token's top 20; a label counts when a top token is exactly it.
 */
function firstTokenJudgment(item: { metric: string; template: string }, top: readonly { token: string; logprob: number }[]): Judgment {
  const probs = new Float64Array(MAX_JUDGE_NUMBER + 1);
  for (const { token, logprob } of top) {
    // The metric's own reading of a token as a number: alone, a number token scores exactly itself.
    const alone = judgeScoreFromTopLogprobs([{ token, logprob: 0 }]);
    if (alone.score !== null) probs[alone.score]! += Math.exp(logprob);
  }
  const result = judgeScoreFromTopLogprobs(top);
  const labelMasses = Object.fromEntries(ALIGNED_JUDGE_LABELS.map((label) => [label, top.filter((t) => t.token === label).reduce((sum, t) => sum + Math.exp(t.logprob), 0)]));
  return {
    metric: item.metric,
    promptSha: sha256(item.template),
    probs: Float32Array.from(probs, (p) => (result.numberMass > 0 ? p / result.numberMass : 0)),
    numberMass: result.numberMass,
    labelMasses,
    score: result.score,
    nullReason: result.nullReason,
  };
}
