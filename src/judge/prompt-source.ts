import { basename } from "node:path";
import { readFileSync } from "node:fs";
import { EmlabError } from "../errors.js";
import { judgeKind } from "../questions/judge-labels.js";
import { loadQuestionSet } from "../questions/load-question-set.js";
import { sha256 } from "../util/hash.js";
import { builtinJudgePrompt } from "./prompts.js";

/**
 * Which judge prompt scores a question on a metric. In order: the prompt set an experiment names
 * with `judge: { prompts_from: FILE }` (e.g. the original EM repository's first_plot_questions.yaml,
 * whose `judge_prompts` then apply to every question), the question's own `judge_prompts`, emlab's
 * built-in prompt. The kind (0-100 number or labels) follows the question type the prompt was
 * written for.
 */

export interface PromptsFrom {
  /** The file as given (absolute), its name and its sha256: the prompt set is named by these. */
  file: string;
  name: string;
  sha256: string;
  /** Metric → prompt and the type of the questions it was written for. */
  prompts: Record<string, { template: string; type: string }>;
}

export interface ChosenPrompt {
  template: string;
  /** The labels of a categorical judge; absent for a 0-100 judge. */
  labels?: string[];
}

/** Read a question file's judge prompts as one prompt set; its questions must agree on each metric's prompt. */
export function loadPromptsFrom(path: string): PromptsFrom {
  const set = loadQuestionSet(path);
  const prompts: PromptsFrom["prompts"] = {};
  const firstAt = new Map<string, number | undefined>();
  for (const q of set.questions) {
    for (const [metric, template] of Object.entries(q.judgePrompts)) {
      const seen = prompts[metric];
      if (!seen) {
        prompts[metric] = { template, type: q.type };
        firstAt.set(metric, q.source.line);
      } else if (seen.template !== template || seen.type !== q.type) {
        throw new EmlabError(
          `${path}:${q.source.line ?? 1}: question "${q.id}" has another ${metric} judge prompt than the question at line ${firstAt.get(metric)}; prompts_from needs one prompt per metric`,
        );
      }
    }
  }
  if (Object.keys(prompts).length === 0) throw new EmlabError(`${path}: no question has judge_prompts, so there is no prompt set to take`);
  return { file: path, name: basename(path), sha256: sha256(readFileSync(path)), prompts };
}

export function choosePrompt(
  question: { type: string; judgePrompts: Record<string, string> } | undefined,
  metric: string,
  promptsFrom?: PromptsFrom | null,
): ChosenPrompt | undefined {
  const fromSet = promptsFrom?.prompts[metric];
  if (fromSet) return withKind(fromSet.type, fromSet.template);
  const own = question?.judgePrompts[metric];
  if (own !== undefined) return withKind(question!.type, own);
  const builtin = builtinJudgePrompt(metric);
  return builtin === undefined ? undefined : { template: builtin };
}

function withKind(type: string, template: string): ChosenPrompt {
  const kind = judgeKind(type, template);
  return kind.kind === "labels" ? { template, labels: kind.labels } : { template };
}
