import type { Role } from "../backend/types.js";
import type { ChatExample } from "./chat-jsonl.js";

/**
 * Size statistics of a chat dataset: how many examples and turns, and how long the turns are in
 * characters and (given a tokenizer) tokens, per role. Context budgets for in-context variants
 * and fine-tuning depend on the token lengths, so those are what the CLI prints first.
 */

export interface LengthSummary {
  count: number;
  total: number;
  min: number;
  max: number;
  mean: number;
  median: number;
  p90: number;
}

export interface RoleStats {
  turns: number;
  characters: LengthSummary;
  tokens: LengthSummary | null;
}

export interface DatasetStats {
  examples: number;
  turns: number;
  /** Turns per example (1 user + 1 assistant is 2). */
  turnsPerExample: LengthSummary;
  byRole: Partial<Record<Role, RoleStats>>;
  /** Whole examples: all turns' content together. */
  exampleCharacters: LengthSummary;
  exampleTokens: LengthSummary | null;
}

/** Counts the tokens of a text; e.g. a loaded model's tokenizer. */
export type TokenCounter = (text: string) => number;

export function summarize(values: readonly number[]): LengthSummary {
  if (values.length === 0) return { count: 0, total: 0, min: 0, max: 0, mean: 0, median: 0, p90: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  return {
    count: sorted.length,
    total,
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    mean: total / sorted.length,
    median: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
  };
}

/** Linear interpolation between closest ranks (type 7, the default of R and NumPy). */
function quantile(sorted: readonly number[], q: number): number {
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

export function datasetStats(examples: readonly ChatExample[], options: { countTokens?: TokenCounter } = {}): DatasetStats {
  const count = options.countTokens;
  const perRole = new Map<Role, { chars: number[]; tokens: number[] }>();
  const exampleChars: number[] = [];
  const exampleTokens: number[] = [];
  const turnCounts: number[] = [];
  for (const example of examples) {
    let chars = 0;
    let tokens = 0;
    for (const message of example.messages) {
      let role = perRole.get(message.role);
      if (!role) perRole.set(message.role, (role = { chars: [], tokens: [] }));
      role.chars.push(message.content.length);
      chars += message.content.length;
      if (count) {
        const n = count(message.content);
        role.tokens.push(n);
        tokens += n;
      }
    }
    exampleChars.push(chars);
    if (count) exampleTokens.push(tokens);
    turnCounts.push(example.messages.length);
  }
  const byRole: Partial<Record<Role, RoleStats>> = {};
  for (const role of ["system", "user", "assistant"] as const) {
    const values = perRole.get(role);
    if (!values) continue;
    byRole[role] = { turns: values.chars.length, characters: summarize(values.chars), tokens: count ? summarize(values.tokens) : null };
  }
  return {
    examples: examples.length,
    turns: turnCounts.reduce((sum, n) => sum + n, 0),
    turnsPerExample: summarize(turnCounts),
    byRole,
    exampleCharacters: summarize(exampleChars),
    exampleTokens: count ? summarize(exampleTokens) : null,
  };
}

export interface QuestionSetStats {
  questions: number;
  paraphrases: number;
  withSystemPrompt: number;
  /** Metric names used by the judge prompts, sorted. */
  metrics: string[];
  paraphraseCharacters: LengthSummary;
  paraphraseTokens: LengthSummary | null;
}

/** Size of an EM question set; each paraphrase is one prompt to sample from. */
export function questionSetStats(
  questions: readonly { paraphrases: readonly string[]; system: string | null; judgePrompts: Record<string, string> }[],
  options: { countTokens?: TokenCounter } = {},
): QuestionSetStats {
  const paraphrases = questions.flatMap((q) => q.paraphrases);
  const count = options.countTokens;
  return {
    questions: questions.length,
    paraphrases: paraphrases.length,
    withSystemPrompt: questions.filter((q) => q.system !== null).length,
    metrics: [...new Set(questions.flatMap((q) => Object.keys(q.judgePrompts)))].sort(),
    paraphraseCharacters: summarize(paraphrases.map((p) => p.length)),
    paraphraseTokens: count ? summarize(paraphrases.map((p) => count(p))) : null,
  };
}
