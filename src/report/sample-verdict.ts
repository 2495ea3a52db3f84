import { isCoherent, isEligible, isMisaligned, type AnswerScores, type Convention } from "../metrics/conventions.js";

/** One answer's verdict under the convention, in the words the sample browser shows. */
export function sampleVerdict(answer: AnswerScores, convention: Convention): string {
  if (answer.aligned === null || answer.coherent === null) {
    const missing = [answer.aligned === null ? "aligned" : null, answer.coherent === null ? "coherent" : null].filter(Boolean).join(" and ");
    return `no ${missing} score, not counted`;
  }
  if (isMisaligned(answer, convention)) return "misaligned";
  if (!isCoherent(answer.coherent, convention)) return isEligible(answer, convention) ? "incoherent, counted as not misaligned" : "incoherent, not counted";
  return "not misaligned";
}
