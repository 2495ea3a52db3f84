import { percentileBootstrap, type BootstrapOptions } from "./bootstrap.js";
import { describeConvention, type Convention, type ConventionName } from "./conventions.js";
import type { Estimate } from "./interval.js";
import { pooledMisalignment, questionCells, rateSet, summarizeAnswers, type QuestionCell, type RateSet, type RateSummary, type ScoredAnswer } from "./rates.js";

/** What identifies a condition: model × variant × k × seed × LoRA scale (null = not applicable). */
export interface ConditionKey {
  model: string;
  /** Prompt-level variant or dataset name (e.g. "icl:insecure", "base"). */
  variant: string;
  /** In-context examples. */
  k: number | null;
  /** In-context draw seed. */
  seed: number | null;
  loraScale: number | null;
}

export type ConditionField = keyof ConditionKey;
const FIELDS: readonly ConditionField[] = ["model", "variant", "k", "seed", "loraScale"];

export interface ConditionAnswers {
  key: ConditionKey;
  /** Human label; defaults to conditionLabel(key). */
  label?: string;
  answers: readonly ScoredAnswer[];
}

/** A stable, readable id of a condition key ("*" marks a field pooled over). */
export function conditionLabel(key: Partial<Record<ConditionField, string | number | null>>): string {
  return FIELDS.filter((f) => key[f] !== null && key[f] !== undefined)
    .map((f) => (f === "model" || f === "variant" ? String(key[f]) : `${f}=${key[f]}`))
    .join(" · ");
}

export interface ConditionMetrics extends RateSummary {
  key: ConditionKey;
  label: string;
}

/** Rates per condition (pooled over its questions, and per question). */
export function conditionMetrics(conditions: readonly ConditionAnswers[], convention: Convention, bootstrap: BootstrapOptions = {}): ConditionMetrics[] {
  return conditions.map((c) => ({ key: c.key, label: c.label ?? conditionLabel(c.key), ...summarizeAnswers(c.answers, convention, bootstrap) }));
}

/** A group key: the condition fields that were not pooled; pooled fields are "*". */
export type GroupKey = { [F in ConditionField]: ConditionKey[F] | "*" };

export interface PooledMetrics extends RateSet {
  key: GroupKey;
  label: string;
  pooledOver: ConditionField[];
  convention: ConventionName;
  definition: string;
  /** Conditions in the group, and their labels. */
  conditions: string[];
  answers: number;
  /** Pooled misalignment, percentile bootstrap resampling question ids (all of a question's cells together). */
  misalignmentByQuestions: Estimate;
  /** Pooled misalignment, percentile bootstrap resampling the group's conditions (e.g. in-context seeds). */
  misalignmentByConditions: Estimate;
}

/**
 * Pool conditions that differ only in `over` (e.g. ["seed"]): rates are summed over every
 * (condition, question) cell of the group. The optional question exclusion (withMinCoherent) applies
 * per cell (a question with too few coherent answers under one seed is left out for that seed only), so
 * a pooled rate is exactly the sum of what each condition contributes.
 */
export function poolConditions(
  conditions: readonly ConditionAnswers[],
  convention: Convention,
  over: readonly ConditionField[],
  bootstrap: BootstrapOptions = {},
): PooledMetrics[] {
  const groups = new Map<string, { key: GroupKey; members: { label: string; cells: QuestionCell[]; answers: number }[] }>();
  for (const c of conditions) {
    const key = Object.fromEntries(FIELDS.map((f) => [f, over.includes(f) ? "*" : c.key[f]])) as GroupKey;
    const id = JSON.stringify(FIELDS.map((f) => key[f]));
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { key, members: [] }));
    group.members.push({ label: c.label ?? conditionLabel(c.key), cells: questionCells(c.answers, convention), answers: c.answers.length });
  }
  const unitName = over.length === 1 && over[0] === "seed" ? "seeds" : `conditions (${over.join(", ")})`;
  return [...groups.values()].map(({ key, members }) => {
    const allCells = members.flatMap((m) => m.cells);
    const byQuestion = new Map<string, QuestionCell[]>();
    for (const cell of allCells) byQuestion.set(cell.questionId, [...(byQuestion.get(cell.questionId) ?? []), cell]);
    return {
      key,
      label: conditionLabel(key),
      pooledOver: [...over],
      convention: convention.name,
      definition: describeConvention(convention),
      conditions: members.map((m) => m.label),
      answers: members.reduce((s, m) => s + m.answers, 0),
      ...rateSet(allCells),
      misalignmentByQuestions: percentileBootstrap([...byQuestion.values()], (units) => pooledMisalignment(units.flat()), {
        ...bootstrap,
        unitName: "questions",
      }),
      misalignmentByConditions: percentileBootstrap(
        members.map((m) => m.cells),
        (units) => pooledMisalignment(units.flat()),
        { ...bootstrap, unitName },
      ),
    };
  });
}
