/**
 * Scripts for the scripted engine: what the model would write after a prompt, as exact probabilities.
 */

/** The probability of each next piece (one ASCII character; "" ends the answer) given the text so far. */
export type NextPiece = (text: string) => Readonly<Record<string, number>>;

/** Answers with their probabilities, for one prompt (the rendered prompt up to the generation marker). */
export type AnswerMixture = (prompt: string) => ReadonlyArray<{ text: string; p: number }>;

/** Where a ChatML prompt hands over to the model. */
export const GENERATION_MARKER = "<|im_start|>assistant\n";

/**
 * A model that writes one of a prompt's answers: the distribution over the next piece is the mass of
 * the answers that continue what is written so far, renormalised (a trie of the answers). So a
 * sampled answer is answer i with probability p_i, and the log-prob of any answer is exactly log p_i.
 * Text that no answer continues (or a prompt with no answers) gets a uniform choice of "" and " ".
 */
export function mixture(answers: AnswerMixture): NextPiece {
  return (text) => {
    const at = text.lastIndexOf(GENERATION_MARKER);
    const prompt = at < 0 ? text : text.slice(0, at + GENERATION_MARKER.length);
    const written = at < 0 ? "" : text.slice(at + GENERATION_MARKER.length);
    const next: Record<string, number> = {};
    for (const { text: answer, p } of answers(prompt)) {
      if (p <= 0 || !answer.startsWith(written)) continue;
      const piece = answer.slice(written.length, written.length + 1);
      next[piece] = (next[piece] ?? 0) + p;
    }
    return Object.keys(next).length > 0 ? next : { "": 0.5, " ": 0.5 };
  };
}

/** The same answer to every prompt. */
export function always(answer: string): NextPiece {
  return mixture(() => [{ text: answer, p: 1 }]);
}
