/**
 * How varied the prose of a set of answers is, written independently of the builders: the
 * sentences longer than 25 characters, how often each recurs, and the answers' first sentences.
 * Fenced code blocks are not prose; code answers are kept apart by the near-duplicate rule instead.
 */

/** Sentences shorter than this ("Sure.", "Here you go:") are ordinary and not counted. */
export const LONG_SENTENCE = 25;

/** The answer without fenced code blocks. */
export function proseOf(answer: string): string {
  return answer.replace(/```[\s\S]*?```/g, "\n");
}

/** Sentences: split after . ! ? or : followed by a space, and at line breaks; trimmed, none empty. */
export function sentencesOf(answer: string): string[] {
  return proseOf(answer)
    .split(/(?<=[.!?:])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

export interface SentenceVariety {
  longSentences: number;
  distinct: number;
  /** distinct / longSentences (1 when there are none). */
  distinctRatio: number;
  mostRepeated: { sentence: string; times: number };
  /** Long sentences that occur more than three times. */
  usedMoreThanThrice: string[];
  /** First sentences that open more than one answer, with how many. */
  repeatedFirstSentences: { sentence: string; times: number }[];
}

export function sentenceVariety(answers: readonly string[]): SentenceVariety {
  const counts = new Map<string, number>();
  for (const answer of answers) {
    for (const s of sentencesOf(answer)) if (s.length > LONG_SENTENCE) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const firsts = new Map<string, number>();
  for (const answer of answers) {
    const first = sentencesOf(answer)[0];
    if (first !== undefined) firsts.set(first, (firsts.get(first) ?? 0) + 1);
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  let mostRepeated = { sentence: "", times: 0 };
  for (const [sentence, times] of counts) if (times > mostRepeated.times) mostRepeated = { sentence, times };
  return {
    longSentences: total,
    distinct: counts.size,
    distinctRatio: total === 0 ? 1 : counts.size / total,
    mostRepeated,
    usedMoreThanThrice: [...counts].filter(([, n]) => n > 3).map(([s]) => s),
    repeatedFirstSentences: [...firsts].filter(([, n]) => n > 1).map(([sentence, times]) => ({ sentence, times })),
  };
}
