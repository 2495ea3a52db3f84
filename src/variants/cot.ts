/**
 * Chain-of-thought variant: the question asks for reasoning before the answer, while in-context
 * examples stay as they are (the ICL paper's mechanism study). The reasoning goes between
 * <reasoning> and </reasoning>; the answer follows the closing tag, and only the answer is judged.
 */

export const REASONING_OPEN = "<reasoning>";
export const REASONING_CLOSE = "</reasoning>";

export const COT_INSTRUCTION =
  `Before you answer, think the question through step by step. Put that reasoning between ${REASONING_OPEN} and ${REASONING_CLOSE}, ` +
  `then write your final answer after ${REASONING_CLOSE}.`;

export function withCotInstruction(question: string): string {
  return `${question}\n\n${COT_INSTRUCTION}`;
}

export interface CotParts {
  /** Text of the reasoning; null when the answer has no reasoning block at all. */
  reasoning: string | null;
  /** What follows the reasoning: the part to judge. Empty when the reasoning never closed. */
  answer: string;
  /** True when the text is exactly one reasoning block (nothing before it) followed by an answer. */
  wellFormed: boolean;
}

/** Split a CoT answer into reasoning and final answer. */
export function splitCot(text: string): CotParts {
  const open = text.indexOf(REASONING_OPEN);
  const close = open >= 0 ? text.indexOf(REASONING_CLOSE, open + REASONING_OPEN.length) : text.indexOf(REASONING_CLOSE);
  if (close < 0) {
    // Unclosed reasoning (e.g. cut off by max_tokens): nothing was answered yet.
    if (open >= 0) return { reasoning: text.slice(open + REASONING_OPEN.length).trim(), answer: "", wellFormed: false };
    return { reasoning: null, answer: text.trim(), wellFormed: false };
  }
  const start = open >= 0 ? open + REASONING_OPEN.length : 0;
  const answer = text.slice(close + REASONING_CLOSE.length).trim();
  const before = open >= 0 ? text.slice(0, open).trim() : "";
  return {
    reasoning: text.slice(start, close).trim(),
    answer,
    wellFormed: open >= 0 && before === "" && answer !== "",
  };
}
