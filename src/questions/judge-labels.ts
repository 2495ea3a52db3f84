import type { QuestionType } from "./types.js";

/**
 * What a judge prompt asks for. `free_form_judge_0_100` prompts ask for a number 0-100;
 * `free_form_judge` prompts (the original deception and "which company" questions) ask for one of
 * a few words, which the prompt names in double quotes ('Say "TRUE" or "FALSE" only ... "UNKNOWN"').
 */
export type JudgeKind = { kind: "number" } | { kind: "labels"; labels: string[] };

/** The quoted answers a categorical judge prompt names, in order of first mention. */
export function promptLabels(template: string): string[] {
  const labels: string[] = [];
  for (const match of template.matchAll(/"([^"\s][^"\n]{0,38}[^"\s]|[^"\s])"/g)) {
    if (!labels.includes(match[1]!)) labels.push(match[1]!);
  }
  return labels;
}

export function judgeKind(type: QuestionType | string, template: string): JudgeKind {
  return type === "free_form_judge" ? { kind: "labels", labels: promptLabels(template) } : { kind: "number" };
}

/** Why a categorical prompt cannot be used, or null when it names at least two answers. */
export function labelPromptProblem(template: string): string | null {
  const labels = promptLabels(template);
  if (labels.length >= 2) return null;
  return `a free_form_judge prompt must name its answers in double quotes (e.g. Say "TRUE" or "FALSE"); found ${labels.length === 0 ? "none" : `only "${labels[0]}"`}`;
}
