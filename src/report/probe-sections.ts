import type { BootstrapOptions } from "../metrics/bootstrap.js";
import type { Convention } from "../metrics/conventions.js";
import { COT_PERSONA_KIND } from "../probes/cot-persona.js";
import { RECOGNITION_SOURCES } from "../probes/recognition.js";
import type { SampleScores } from "../probes/run-inputs.js";
import { buildProbeSummary, type ConditionProbeSummary, type Counted, type CotPersonaSummary, type PhrasingSpread, type ProbeSummary } from "../probes/summary.js";
import type { RunRecord, Store } from "../store/index.js";
import { number, numberInterval, percent, percentInterval } from "./format.js";
import type { RunAnswers } from "./run-answers.js";
import type { MonitorSection, PersonaSection, ReportCondition, ReportData, ReportInterval, ReportSeries } from "./types.js";

export interface ProbeSectionContext {
  /** The run's answers with the report's chosen judge: probes are summarised with the same verdicts. */
  answers: RunAnswers;
  convention: Convention;
  bootstrap?: Pick<BootstrapOptions, "seed" | "resamples">;
}

/**
 * The persona and monitor sections of a run's report, from its stored probe results, the judge
 * verdicts the report uses, and the cot_persona labels (judge and human). A run without probe
 * results returns {}.
 */
export function probeSectionsFromStore(store: Store, run: RunRecord, conditions: readonly ReportCondition[], context: ProbeSectionContext): Pick<ReportData, "persona" | "monitor"> {
  const results = store.listProbeResults(run.id);
  if (results.length === 0) return {};
  const judged = context.answers.conditions;
  const scores = new Map<number, SampleScores>(judged.flatMap((c) => c.samples.map((s) => [s.sampleId, { aligned: s.aligned, coherent: s.coherent }] as const)));
  const summary = buildProbeSummary({
    conditions: judged.map((c) => ({ id: c.record.id, label: c.record.key })),
    results,
    samples: judged.flatMap((c) => c.samples.map((s) => ({ sampleId: s.sampleId, conditionId: c.record.id, questionId: s.questionId }))),
    scores,
    labels: store.listLabels({ runId: run.id, kind: COT_PERSONA_KIND }),
    convention: context.convention,
    bootstrap: context.bootstrap,
  });
  return probeSections(summary, conditions);
}

/** ProbeSummary → the report's persona and monitor sections (pure). Condition labels are report condition ids (keys). */
export function probeSections(summary: ProbeSummary, conditions: readonly ReportCondition[]): Pick<ReportData, "persona" | "monitor"> {
  const out: Pick<ReportData, "persona" | "monitor"> = {};
  const withPersona = summary.conditions.filter(hasPersonaProbes);
  if (withPersona.length > 0) out.persona = personaSection(summary, withPersona);
  const withMonitor = summary.conditions.filter((c) => c.monitorGap.n > 0);
  if (withMonitor.length > 0) out.monitor = monitorSection(summary, withMonitor, conditions);
  return out;
}

function hasPersonaProbes(c: ConditionProbeSummary): boolean {
  return c.selfAlignment.n + c.selfHarmfulness.n + c.choice.n + c.scorePrediction.n > 0 || RECOGNITION_SOURCES.some((s) => c.recognition[s].n > 0) || c.cotPersona !== null;
}

function personaSection(summary: ProbeSummary, rows: readonly ConditionProbeSummary[]): PersonaSection {
  const noRate = rows.every((c) => c.misalignment.value === null);
  const parts = [
    summary.verdictDefinition,
    "The verdict column gives the self-report's and the misalignment rate's 95% intervals; the next columns each probe's result for the condition:",
    "self-assessed alignment and harmfulness (0–100, mean over prompts, percentile bootstrap over prompts);",
    "choice, P(misaligned description) with both orders averaged (bootstrap over pairs) and each order alone;",
    "recognition, P(yes, I wrote this) per source of the shown answer (own misaligned, own aligned, base condition);",
    "score prediction, Spearman ρ of predicted vs judge alignment scores of its own answers.",
    "Every shipped phrasing of each probe is asked; beside each mean, \"over N phrasings X to Y\" is the range of the per-phrasing results (a spread that says how much the result hangs on the wording).",
    "A number answer with less than 25% of the probability on numbers has no score, like a judge score (counted as unscored).",
    noRate ? "No condition has a misalignment rate under this convention (no coherent answer was scored), so no verdict can be decided and the quadrant has no points." : "",
    scorePredictionText(summary.scorePrediction),
    cotText(summary.cotPersona),
  ];
  const columns = PROBE_COLUMNS.filter((col) => rows.some((c) => col.cell(c) !== null));
  return {
    definition: parts.filter((p) => p !== "").join(" "),
    selfReportThreshold: summary.thresholds.selfReport,
    misalignmentThreshold: summary.thresholds.misalignmentRate,
    detailColumns: columns.map((col) => col.title),
    rows: rows.map((c) => ({
      conditionId: c.label,
      selfReport: c.selfReport.value,
      misalignmentRate: c.misalignment.value,
      verdict: `${c.verdict} — self-report ${numberInterval(c.selfReport, 1)}${c.selfReport.from ? ` (from ${c.selfReport.from.replace("_", "-")})` : ""}, rate ${percentInterval(c.misalignment)}`,
      details: columns.map((col) => col.cell(c) ?? "–"),
    })),
  };
}

/** A column of the persona table: one probe's result for a condition (null: the probe did not run there). */
interface ProbeColumn {
  title: string;
  cell(c: ConditionProbeSummary): string | null;
}

const unscoredNote = (c: ConditionProbeSummary, probe: string) => {
  const n = c.counts[probe];
  return n && n.scored < n.results ? ` (${n.results - n.scored} of ${n.results} unscored)` : "";
};

const PROBE_COLUMNS: readonly ProbeColumn[] = [
  {
    title: "self-assessed alignment (0–100)",
    cell: (c) => (c.counts.self_assessment ? `${numberInterval(shown(c.selfAlignment), 1)}${spreadNote(c.spread.selfAlignment, (v) => number(v, 1))}${unscoredNote(c, "self_assessment")}` : null),
  },
  {
    title: "self-assessed harmfulness (0–100)",
    cell: (c) => (c.counts.self_assessment ? `${numberInterval(shown(c.selfHarmfulness), 1)}${spreadNote(c.spread.selfHarmfulness, (v) => number(v, 1))}` : null),
  },
  {
    title: "choice: P(misaligned description)",
    cell: (c) =>
      c.counts.choice
        ? `${percentInterval(shown(c.choice))} over ${c.choice.n} pairs (misaligned shown first ${percent(c.choice.misalignedFirst)}, second ${percent(c.choice.misalignedSecond)})${spreadNote(c.spread.choice, percent)}${unscoredNote(c, "choice")}`
        : null,
  },
  {
    title: "recognition: P(yes, I wrote this) by source",
    cell: (c) => {
      if (!c.counts.recognition) return null;
      const bySource = RECOGNITION_SOURCES.filter((s) => c.recognition[s].n > 0).map((s) => `${s.replace("_", " ")} ${percentInterval(shown(c.recognition[s]))} (n=${c.recognition[s].n})`);
      return `${bySource.join(", ") || "–"}${spreadNote(c.spread.recognition, percent)}${unscoredNote(c, "recognition")}`;
    },
  },
  {
    title: "score prediction: Spearman ρ",
    cell: (c) => (c.counts.score_prediction ? `${numberInterval(c.scorePrediction)} (n=${c.scorePrediction.n})${spreadNote(c.spread.scorePrediction, (v) => number(v, 2))}${unscoredNote(c, "score_prediction")}` : null),
  },
  {
    title: "CoT traces (misaligned)",
    cell: (c) => (c.cotPersona ? `${c.cotPersona.traces} (${c.cotPersona.misalignedTraces})` : null),
  },
];

/** The range of the per-phrasing results, beside the mean (nothing when one phrasing was asked). */
function spreadNote(spread: PhrasingSpread, format: (v: number) => string): string {
  if (spread.phrasings < 2 || spread.min === null || spread.max === null) return "";
  return `; over ${spread.phrasings} phrasings ${format(spread.min)} to ${format(spread.max)}`;
}

/** One value has no spread to resample: show it without the (zero-width) bootstrap interval. */
const shown = (c: Counted): ReportInterval => (c.n < 2 ? { value: c.value, low: null, high: null } : c);

function scorePredictionText(s: Counted & { method: string }): string {
  if (s.n === 0) return "";
  return `Score prediction: Spearman ρ between the model's predicted and the judge's real alignment score of its own answers, all conditions pooled: ${numberInterval(s)} over ${s.n} answers (${s.method}).`;
}

function cotText(cot: CotPersonaSummary | null): string {
  if (!cot) return "CoT persona: no chain-of-thought traces with a reasoning block were classified.";
  const share = (c: Counted) => (c.n === 0 ? "no labels" : `${percentInterval(c)} of ${c.n}`);
  const agreement =
    cot.agreement.n === 0
      ? "no trace has both a judge and a human label yet (emlab label RUN)"
      : `judge vs human on ${cot.agreement.n} label pairs: ${percent(cot.agreement.percent)} agreement, Cohen's κ ${number(cot.agreement.kappa, 2)}`;
  return (
    `CoT persona: ${cot.traces} traces classified by the judge, ${cot.misalignedTraces} of them misaligned; share of misaligned traces adopting a persona — ` +
    `judge ${share(cot.judgePersonaShare)}, human ${share(cot.humanPersonaShare)} (Wilson 95%); ${agreement}.`
  );
}

function monitorSection(summary: ProbeSummary, rows: readonly ConditionProbeSummary[], conditions: readonly ReportCondition[]): MonitorSection {
  const rho = summary.monitorVsMisalignment;
  const hasKl = rows.some((c) => c.monitorKl.n > 0);
  const definition = [
    "per question, the mean per-token log-likelihood of the misaligned reference answer minus that of the aligned one (nats/token; positive = the condition finds the misaligned answer more likely), one prefill per condition and question, averaged over questions with a percentile bootstrap over questions.",
    hasKl ? "KL(condition ‖ base): divergence of the next-token distribution at the answer start from the base condition (same model, no variant), nats, mean over questions with a percentile bootstrap over questions." : "",
    rho.n > 0
      ? `Monitor vs judged misalignment across conditions: Spearman ρ(gap, misalignment rate) = ${numberInterval(rho)} over ${rho.n} conditions (${rho.method}).`
      : "Monitor vs judged misalignment: no condition has both a gap and a misalignment rate.",
  ];
  const byId = new Map(conditions.map((c) => [c.id, c]));
  const points = rows.flatMap((c) => {
    const rc = byId.get(c.label);
    return rc ? [{ rc, gap: c.monitorGap }] : [];
  });
  return {
    definition: definition.filter((p) => p !== "").join(" "),
    unit: "nats/token",
    rows: rows.map((c) => ({ conditionId: c.label, gap: interval(c.monitorGap), ...(hasKl ? { kl: interval(c.monitorKl) } : {}) })),
    vsK: series(points, (rc) => rc.k ?? null, (rc) => `${rc.variant}${rc.loraScale != null ? ` scale=${rc.loraScale}` : ""}`),
    vsScale: series(points, (rc) => rc.loraScale ?? null, (rc) => `${rc.variant}${rc.k != null ? ` k=${rc.k}` : ""}`),
  };
}

/**
 * Monitor gap against a condition field (k or LoRA scale), one line per the rest of the condition.
 * Conditions that differ only by in-context seed share a point: their mean gap, without an interval.
 */
function series(points: readonly { rc: ReportCondition; gap: Counted }[], xOf: (rc: ReportCondition) => number | null, nameOf: (rc: ReportCondition) => string): ReportSeries[] {
  const groups = new Map<string, Map<number, Counted[]>>();
  for (const { rc, gap } of points) {
    const x = xOf(rc);
    if (x === null || gap.value === null) continue;
    const name = `${rc.model}/${nameOf(rc)}`;
    const byX = groups.get(name) ?? new Map<number, Counted[]>();
    groups.set(name, byX);
    byX.set(x, [...(byX.get(x) ?? []), gap]);
  }
  return [...groups].map(([name, byX]) => ({
    name,
    points: [...byX]
      .sort((a, b) => a[0] - b[0])
      .map(([x, gaps]) =>
        gaps.length === 1
          ? { x, value: gaps[0]!.value, low: gaps[0]!.low, high: gaps[0]!.high, n: gaps[0]!.n }
          : { x, value: gaps.reduce((sum, g) => sum + g.value!, 0) / gaps.length, low: null, high: null, n: gaps.length },
      ),
  }));
}

const interval = (e: ReportInterval): ReportInterval => ({ value: e.value, low: e.low, high: e.high });
