import type { BootstrapOptions } from "../metrics/bootstrap.js";
import { conditionLabel, conditionMetrics, poolConditions, type ConditionAnswers, type ConditionMetrics, type PooledMetrics } from "../metrics/conditions.js";
import { poolOverUnits, type UnitPoolSpec, type UnitPooledMetrics } from "../metrics/pool-units.js";
import { hasLieRate, LIE_RATE_DEFINITION, labelRows, type LabelRow } from "../metrics/categorical.js";
import type { Convention } from "../metrics/conventions.js";
import { LABEL_VERDICT_DEFINITION } from "../judge/label-verdict.js";
import type { RunAnswers, RunCondition } from "./run-answers.js";

/** Mean of a custom judge metric (e.g. financial) over a condition's scored answers. */
export interface CustomMetricMean {
  metric: string;
  conditionKey: string;
  conditionLabel: string;
  mean: number | null;
  /** Answers with a score (the judge gave one). */
  n: number;
}

export interface RunMetrics {
  convention: Convention;
  /** Same order as answers.conditions. */
  conditions: ConditionMetrics[];
  /** Conditions pooled over in-context seeds per (model, variant, k, LoRA scale). */
  pooled: PooledMetrics[];
  /** Pooled over finetune seeds (variants of one `group`) and over models, bootstrap over those units. */
  pooledUnits: UnitPooledMetrics[];
}

/** Per-condition and seed-pooled rates of a run's judged answers under one convention. */
export function runMetrics(answers: RunAnswers, convention: Convention, bootstrap: BootstrapOptions = {}): RunMetrics {
  const inputs: ConditionAnswers[] = answers.conditions.map((c) => ({ key: c.key, label: c.record.label, answers: c.samples }));
  const groupOf = new Map(inputs.map((input, i) => [input, answers.conditions[i]!.group]));
  const rest = (key: ConditionAnswers["key"]) => conditionLabel({ k: key.k, seed: key.seed, loraScale: key.loraScale });
  const finetuneSeeds: UnitPoolSpec = {
    over: "finetune seeds",
    groupOf: (c) => {
      const group = groupOf.get(c) ?? null;
      return group === null ? null : [`${c.key.model} · group ${group}`, rest(c.key)].filter(Boolean).join(" · ");
    },
    unitOf: (c) => c.key.variant,
  };
  const models: UnitPoolSpec = { over: "models", groupOf: (c) => ["models pooled", c.key.variant, rest(c.key)].filter(Boolean).join(" · "), unitOf: (c) => c.key.model };
  return {
    convention,
    conditions: conditionMetrics(inputs, convention, bootstrap),
    pooled: poolConditions(inputs, convention, ["seed"], bootstrap),
    pooledUnits: [...poolOverUnits(inputs, convention, finetuneSeeds, bootstrap), ...poolOverUnits(inputs, convention, models, bootstrap)],
  };
}

export function customMetricMeans(answers: RunAnswers): CustomMetricMean[] {
  return answers.customMetrics.flatMap((metric) => answers.conditions.map((c) => customMean(metric, c)));
}

function customMean(metric: string, c: RunCondition): CustomMetricMean {
  const scores = (c.customScores.get(metric) ?? []).filter((s): s is number => s !== null);
  return {
    metric,
    conditionKey: c.record.key,
    conditionLabel: c.record.label,
    mean: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    n: scores.length,
  };
}

/** Pooled groups of more than one condition: the ones worth a row of their own. */
export function multiSeedGroups(pooled: readonly PooledMetrics[]): PooledMetrics[] {
  return pooled.filter((p) => p.conditions.length > 1);
}

/** A categorical metric's verdict counts per condition and system prompt (lie rate when TRUE/FALSE). */
export interface LabelTable {
  metric: string;
  labels: string[];
  definition: string;
  rows: (LabelRow & { conditionKey: string; conditionLabel: string })[];
}

export function labelTables(answers: RunAnswers): LabelTable[] {
  // Rows follow the question file's order (the system prompts as the file lists them).
  const order = new Map(answers.run.experiment.questions.map((q, i) => [q.id, i]));
  const inFileOrder = (a: { questionId: string }, b: { questionId: string }) => (order.get(a.questionId) ?? 0) - (order.get(b.questionId) ?? 0);
  return answers.labelMetrics.map(({ metric, labels }) => ({
    metric,
    labels,
    definition: hasLieRate(labels) ? `${LABEL_VERDICT_DEFINITION} ${LIE_RATE_DEFINITION}` : LABEL_VERDICT_DEFINITION,
    rows: answers.conditions.flatMap((c) => {
      const judged = c.samples.filter((s) => metric in s.judged);
      const verdicts = judged
        .map((s) => ({ questionId: s.questionId, system: s.system, verdict: typeof s.judged[metric] === "string" ? (s.judged[metric] as string) : null }))
        .sort(inFileOrder);
      return labelRows(verdicts, labels).map((row) => ({ ...row, conditionKey: c.record.key, conditionLabel: c.record.label }));
    }),
  }));
}
