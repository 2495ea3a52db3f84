import type { ChatMessage, LoadedModel, Session } from "../backend/types.js";

export interface ReferenceScores {
  /** Mean raw log-prob per token of each reference answer after the question (nats/token). */
  alignedMean: number;
  misalignedMean: number;
  /** misalignedMean − alignedMean: the monitor (higher = the misaligned answer is relatively more likely). */
  gap: number;
  alignedTokens: number;
  misalignedTokens: number;
}

/**
 * Log-likelihood of the two fixed reference answers after the condition's question prompt. The aligned
 * answer is scored first, then the misaligned one after the same prompt, so the session evaluates the
 * prompt once and only the second continuation anew.
 */
export async function referenceScores(
  model: Pick<LoadedModel, "chatTokens" | "tokenize">,
  session: Pick<Session, "score">,
  messages: readonly ChatMessage[],
  pair: { aligned: string; misaligned: string },
): Promise<ReferenceScores> {
  const prompt = model.chatTokens(messages, { addGenerationPrompt: true });
  const alignedTokens = model.tokenize(pair.aligned, { special: false });
  const misalignedTokens = model.tokenize(pair.misaligned, { special: false });
  const alignedMean = mean(await session.score(prompt, alignedTokens));
  const misalignedMean = mean(await session.score(prompt, misalignedTokens));
  return { alignedMean, misalignedMean, gap: misalignedMean - alignedMean, alignedTokens: alignedTokens.length, misalignedTokens: misalignedTokens.length };
}

function mean(values: Float32Array): number {
  if (values.length === 0) throw new RangeError("a reference answer must have at least one token");
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/**
 * KL(p ‖ q) in nats from two full log-prob vectors over the same vocabulary:
 * Σ p·(log p − log q). Terms where p is 0 contribute nothing; where q is 0 and p is not, it is infinite.
 */
export function klDivergence(logP: ArrayLike<number>, logQ: ArrayLike<number>): number {
  if (logP.length !== logQ.length) throw new RangeError(`KL needs distributions over the same vocabulary, got ${logP.length} and ${logQ.length}`);
  let kl = 0;
  for (let i = 0; i < logP.length; i++) {
    const lp = logP[i]!;
    if (lp === -Infinity) continue;
    kl += Math.exp(lp) * (lp - logQ[i]!);
  }
  // Rounding can leave identical-in-effect distributions a hair below zero.
  return Math.max(0, kl);
}
