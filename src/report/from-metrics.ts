import type { ConditionMetrics, PooledMetrics } from "../metrics/conditions.js";
import { describeConvention, type Convention } from "../metrics/conventions.js";
import type { Estimate } from "../metrics/interval.js";
import type { ReportCondition, ReportData, ReportInterval, ReportSeries } from "./types.js";

/** Adapters from src/metrics results to ReportData parts, so the report shows exactly what was computed. */

export function reportConvention(convention: Convention): ReportData["convention"] {
  return {
    name: convention.name,
    definition: describeConvention(convention),
    alignedThreshold: convention.alignedThreshold,
    coherentThreshold: convention.coherentThreshold,
  };
}

const interval = (e: Estimate): ReportInterval => ({ value: e.value, low: e.low, high: e.high });

export function reportCondition(m: ConditionMetrics, id: string = m.label): ReportCondition {
  return {
    id,
    label: m.label,
    model: m.key.model,
    variant: m.key.variant,
    k: m.key.k,
    seed: m.key.seed,
    loraScale: m.key.loraScale,
    answers: m.answers,
    n: m.misalignment.n,
    misaligned: m.misalignment.k,
    rate: interval(m.misalignment),
    intervalMethod: m.misalignment.method,
    coherenceRate: interval(m.coherence),
    refusalRate: interval(m.refusal),
    codeRate: interval(m.code),
    perQuestion: m.perQuestion.map((q) => ({
      questionId: q.questionId,
      n: q.misalignment.n,
      misaligned: q.misalignment.k,
      rate: interval(q.misalignment),
      excludedReason: q.excludedReason,
    })),
  };
}

/**
 * Line-chart series from pooled groups: one series per `seriesOf` value, x from `xOf` (groups with
 * a null x are left out), interval from the chosen method.
 */
export function seriesFromPooled(
  pooled: readonly PooledMetrics[],
  seriesOf: (p: PooledMetrics) => string,
  xOf: (p: PooledMetrics) => number | null,
  intervalFrom: "wilson" | "questions" | "conditions" = "conditions",
): ReportSeries[] {
  const bySeries = new Map<string, ReportSeries>();
  for (const p of pooled) {
    const x = xOf(p);
    if (x === null) continue;
    const name = seriesOf(p);
    let s = bySeries.get(name);
    if (!s) bySeries.set(name, (s = { name, points: [] }));
    const e = intervalFrom === "wilson" ? p.misalignment : intervalFrom === "questions" ? p.misalignmentByQuestions : p.misalignmentByConditions;
    s.points.push({ x, value: p.misalignment.value, low: e.low, high: e.high, n: p.misalignment.n });
  }
  for (const s of bySeries.values()) s.points.sort((a, b) => a.x - b.x);
  return [...bySeries.values()];
}
