import { builtinJudgePrompt } from "../judge/prompts.js";
import type { JudgmentRecord, RunRecord } from "../store/index.js";
import { sha256 } from "../util/hash.js";

/**
 * Which judge prompts produced a run's numbers, named so that emlab's own wording is never taken
 * for a paper's: a `prompts_from` file (by name and sha256), the question files' own judge_prompts,
 * or emlab's built-in prompts. Read from the judgments actually used (their prompt hashes).
 */
export interface PromptSetUse {
  metric: string;
  source: "prompts_from" | "question files" | "built-in";
  /** Human-readable name of the set, e.g. "first_plot_questions.yaml (sha256 3f1c…)". */
  name: string;
  /** The prompts_from file and its sha256. */
  file?: string;
  fileSha256?: string;
  /** sha256 of each distinct prompt template of this source that judged the metric. */
  promptSha256: string[];
}

export function promptSetUses(run: RunRecord, verdicts: ReadonlyMap<number, ReadonlyMap<string, JudgmentRecord>>, metrics: readonly string[]): PromptSetUse[] {
  const promptsFrom = run.experiment.judge?.promptsFrom;
  const shas = new Map<string, Set<string>>(metrics.map((m) => [m, new Set()]));
  for (const byMetric of verdicts.values()) for (const [metric, j] of byMetric) shas.get(metric)?.add(j.promptSha);
  const uses: PromptSetUse[] = [];
  for (const [metric, set] of shas) {
    const fromFile = promptsFrom?.prompts[metric];
    const builtin = builtinJudgePrompt(metric);
    const bySource = new Map<PromptSetUse["source"], string[]>();
    for (const sha of [...set].sort()) {
      const source = fromFile && sha256(fromFile.template) === sha ? "prompts_from" : builtin !== undefined && sha256(builtin) === sha ? "built-in" : "question files";
      bySource.set(source, [...(bySource.get(source) ?? []), sha]);
    }
    for (const [source, promptSha256] of bySource) {
      if (source === "prompts_from") {
        uses.push({ metric, source, name: `${promptsFrom!.name} (sha256 ${promptsFrom!.sha256.slice(0, 12)}…)`, file: promptsFrom!.file, fileSha256: promptsFrom!.sha256, promptSha256 });
      } else {
        const name = source === "built-in" ? "emlab's built-in prompt (emlab's own wording, not a paper's)" : "the judge_prompts of the run's question files";
        uses.push({ metric, source, name, promptSha256 });
      }
    }
  }
  return uses;
}

/** One line for the report and `emlab metrics`: each metric with the prompt set(s) that judged it. */
export function describePromptSets(uses: readonly PromptSetUse[]): string {
  const parts = uses.map((u) => `${u.metric}: ${u.name}, prompt sha256 ${u.promptSha256.map((s) => `${s.slice(0, 12)}…`).join(", ")}`);
  return `Judge prompts — ${parts.join("; ")}.`;
}
