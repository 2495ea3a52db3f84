import { ANSWER_CLASS_DEFINITION } from "../metrics/answer-classes.js";
import type { BootstrapOptions } from "../metrics/bootstrap.js";
import type { ConditionMetrics, PooledMetrics } from "../metrics/conditions.js";
import { describeConvention, getConvention, withMinCoherent, type ConventionName } from "../metrics/conventions.js";
import type { Estimate } from "../metrics/interval.js";
import type { RunRecord, Store } from "../store/index.js";
import { JUDGE_SCORE_DEFINITION } from "../judge/definitions.js";
import { loadRunAnswers, type ChosenJudge } from "./run-answers.js";
import type { PromptSetUse } from "./prompt-sets.js";
import { customMetricMeans, labelTables, runMetrics, type CustomMetricMean, type LabelTable } from "./run-metrics.js";

/** A rate k/n with its interval. */
export interface RateCell {
  k: number;
  n: number;
  value: number | null;
  low: number | null;
  high: number | null;
  method: string;
}

export interface ConditionRow {
  label: string;
  conditionKey: string;
  model: string;
  variant: string;
  dataset: string | null;
  k: number | null;
  seed: number | null;
  loraScale: number | null;
  answers: number;
  misalignment: RateCell;
  coherence: RateCell;
  refusal: RateCell;
  code: RateCell;
  /** Questions left out of the misalignment rate under the convention. */
  excludedQuestions: string[];
}

export interface PooledRow {
  label: string;
  /** Labels of the pooled conditions (one per in-context seed). */
  conditions: string[];
  answers: number;
  /** Summed over the conditions' questions, with the Wilson interval of the summed counts. */
  misalignment: RateCell;
  /** Same rate, percentile bootstrap resampling the seeds. */
  misalignmentBySeeds: Estimate;
  /** Same rate, percentile bootstrap resampling the questions. */
  misalignmentByQuestions: Estimate;
  coherence: RateCell;
  refusal: RateCell;
  code: RateCell;
}

export interface ConventionTable {
  convention: ConventionName;
  definition: string;
  conditions: ConditionRow[];
  /** Conditions pooled over in-context seeds per (model, variant, k, LoRA scale); only groups of several seeds. */
  pooled: PooledRow[];
  /** Pooled over finetune seeds (variants of one group) and over models; interval: bootstrap over those units. */
  pooledUnits: UnitPooledRow[];
}

export interface UnitPooledRow {
  label: string;
  /** "finetune seeds" or "models". */
  over: string;
  units: string[];
  answers: number;
  misalignment: RateCell;
  /** Same rate, percentile bootstrap resampling the units. */
  misalignmentByUnits: Estimate;
}

export interface MetricsSummary {
  run: { id: number; name: string };
  judge: ChosenJudge;
  judgeScoreDefinition: string;
  answerClassDefinition: string;
  /** Which judge prompts produced the numbers: a named file with its hash, the question files' own, or emlab's built-in ones. */
  promptSets: PromptSetUse[];
  tables: ConventionTable[];
  customMetrics: CustomMetricMean[];
  /** Categorical judges (e.g. TRUE/FALSE/UNKNOWN): verdict counts and lie rates per condition and system prompt. */
  labelTables: LabelTable[];
}

/** The `emlab metrics` tables of a run: one per convention, from its judged answers. */
export function metricsSummary(
  store: Store,
  run: RunRecord,
  options: { conventions: readonly ConventionName[]; minCoherent?: number; judgeModelId?: number; bootstrap?: Pick<BootstrapOptions, "seed" | "resamples"> },
): MetricsSummary {
  const answers = loadRunAnswers(store, run, { judgeModelId: options.judgeModelId });
  const tables = options.conventions.map((name): ConventionTable => {
    const convention = withMinCoherent(getConvention(name), options.minCoherent ?? 0);
    const metrics = runMetrics(answers, convention, options.bootstrap);
    return {
      convention: name,
      definition: describeConvention(convention),
      conditions: metrics.conditions.map((m, i) => conditionRow(m, answers.conditions[i]!.record.key, answers.conditions[i]!.dataset)),
      pooled: metrics.pooled.filter((p) => p.conditions.length > 1).map(pooledRow),
      pooledUnits: metrics.pooledUnits.map((u) => ({ label: u.label, over: u.over, units: u.units, answers: u.answers, misalignment: cell(u.misalignment), misalignmentByUnits: u.misalignmentByUnits })),
    };
  });
  return {
    run: { id: run.id, name: run.name },
    judge: answers.judge,
    judgeScoreDefinition: JUDGE_SCORE_DEFINITION,
    answerClassDefinition: ANSWER_CLASS_DEFINITION,
    promptSets: answers.promptSets,
    tables,
    customMetrics: customMetricMeans(answers),
    labelTables: labelTables(answers),
  };
}

const cell = (r: Estimate & { k: number; n: number }): RateCell => ({ k: r.k, n: r.n, value: r.value, low: r.low, high: r.high, method: r.method });

function conditionRow(m: ConditionMetrics, conditionKey: string, dataset: string | null): ConditionRow {
  return {
    label: m.label,
    conditionKey,
    model: m.key.model,
    variant: m.key.variant,
    dataset,
    k: m.key.k,
    seed: m.key.seed,
    loraScale: m.key.loraScale,
    answers: m.answers,
    misalignment: cell(m.misalignment),
    coherence: cell(m.coherence),
    refusal: cell(m.refusal),
    code: cell(m.code),
    excludedQuestions: m.excludedQuestions,
  };
}

function pooledRow(p: PooledMetrics): PooledRow {
  return {
    label: p.label,
    conditions: p.conditions,
    answers: p.answers,
    misalignment: cell(p.misalignment),
    misalignmentBySeeds: p.misalignmentByConditions,
    misalignmentByQuestions: p.misalignmentByQuestions,
    coherence: cell(p.coherence),
    refusal: cell(p.refusal),
    code: cell(p.code),
  };
}
