import { percentileBootstrap, type BootstrapOptions } from "./bootstrap.js";
import type { ConditionAnswers } from "./conditions.js";
import { conditionLabel } from "./conditions.js";
import { describeConvention, type Convention, type ConventionName } from "./conventions.js";
import type { Estimate } from "./interval.js";
import { pooledMisalignment, questionCells, rateSet, type QuestionCell, type RateSet } from "./rates.js";

/**
 * Misalignment pooled over independent units — finetune seeds (variants naming the same `group`),
 * models — with the interval of the pooled estimate from a percentile bootstrap that resamples the
 * units, as the original plots do: a unit's answers (all its conditions and questions) stay together.
 */

export interface UnitPoolSpec {
  /** What is pooled over, in words: "finetune seeds", "models". */
  over: string;
  /** The group a condition belongs to (its label), or null to leave it out. */
  groupOf: (c: ConditionAnswers) => string | null;
  /** The unit a condition belongs to (e.g. its variant id, its model). */
  unitOf: (c: ConditionAnswers) => string;
}

export interface UnitPooledMetrics extends RateSet {
  label: string;
  over: string;
  convention: ConventionName;
  definition: string;
  units: string[];
  conditions: string[];
  answers: number;
  /** Pooled misalignment (summed counts), percentile bootstrap resampling the units. */
  misalignmentByUnits: Estimate;
}

/** Groups with at least two units; a group of one unit pools nothing. */
export function poolOverUnits(conditions: readonly ConditionAnswers[], convention: Convention, spec: UnitPoolSpec, bootstrap: BootstrapOptions = {}): UnitPooledMetrics[] {
  const groups = new Map<string, Map<string, { cells: QuestionCell[]; labels: string[]; answers: number }>>();
  for (const c of conditions) {
    const group = spec.groupOf(c);
    if (group === null) continue;
    let units = groups.get(group);
    if (!units) groups.set(group, (units = new Map()));
    const unitId = spec.unitOf(c);
    let unit = units.get(unitId);
    if (!unit) units.set(unitId, (unit = { cells: [], labels: [], answers: 0 }));
    unit.cells.push(...questionCells(c.answers, convention));
    unit.labels.push(c.label ?? conditionLabel(c.key));
    unit.answers += c.answers.length;
  }
  const out: UnitPooledMetrics[] = [];
  for (const [label, units] of groups) {
    if (units.size < 2) continue;
    const members = [...units.values()];
    out.push({
      label,
      over: spec.over,
      convention: convention.name,
      definition: describeConvention(convention),
      units: [...units.keys()],
      conditions: members.flatMap((m) => m.labels),
      answers: members.reduce((s, m) => s + m.answers, 0),
      ...rateSet(members.flatMap((m) => m.cells)),
      misalignmentByUnits: percentileBootstrap(members.map((m) => m.cells), (draw) => pooledMisalignment(draw.flat()), { ...bootstrap, unitName: spec.over }),
    });
  }
  return out;
}
