import { basename } from "node:path";
import type { BootstrapOptions } from "../metrics/bootstrap.js";
import type { PooledMetrics } from "../metrics/conditions.js";
import type { UnitPooledMetrics } from "../metrics/pool-units.js";
import { getConvention, isMisaligned, withMinCoherent, type ConventionName } from "../metrics/conventions.js";
import { ANSWER_CLASS_DEFINITION } from "../metrics/answer-classes.js";
import { JUDGE_SCORE_DEFINITION } from "../judge/definitions.js";
import type { RunRecord, Store } from "../store/index.js";
import { adapterComparison } from "./adapter-comparison.js";
import { reportCondition, reportConvention, seriesFromPooled } from "./from-metrics.js";
import { probeSectionsFromStore } from "./probe-sections.js";
import { servedNotes } from "./served-notes.js";
import { loadRunAnswers, type RunAnswers } from "./run-answers.js";
import { matchConditions } from "./condition-pattern.js";
import { describePromptSets } from "./prompt-sets.js";
import { customMetricMeans, labelTables, multiSeedGroups, runMetrics, type RunMetrics } from "./run-metrics.js";
import { sampleVerdict } from "./sample-verdict.js";
import type { ReportCondition, ReportData, ReportDefinition, ReportSample, ReportSeries } from "./types.js";

export interface FromStoreOptions {
  /** Misalignment convention of every rate (default em-paper). */
  convention?: ConventionName;
  /** Leave out questions with fewer coherent answers than this (default 0: none, as both papers). */
  minCoherent?: number;
  /** Judge model (models row id) whose verdicts to use; default the most recent judge of the run. */
  judgeModelId?: number;
  bootstrap?: Pick<BootstrapOptions, "seed" | "resamples">;
  /** ISO time to print as the generation time (given, so reports are reproducible). */
  generatedAt?: string;
  title?: string;
  /** `--conditions PATTERN`: the conditions drawn in colour (see matchConditions); default the first 8. */
  conditions?: string;
}

/** Everything the HTML report shows for one run, computed from the store with src/metrics. */
export function reportDataFromStore(store: Store, run: RunRecord, options: FromStoreOptions = {}): ReportData {
  const answers = loadRunAnswers(store, run, { judgeModelId: options.judgeModelId });
  const convention = withMinCoherent(getConvention(options.convention ?? "em-paper"), options.minCoherent ?? 0);
  const metrics = runMetrics(answers, convention, options.bootstrap);
  const conditions = answers.conditions.map((c, i) => reportCondition(metrics.conditions[i]!, c.record.key));
  const pooledRows = [...multiSeedGroups(metrics.pooled).map(pooledRow), ...metrics.pooledUnits.map(unitPooledRow)];
  const samples: ReportSample[] = answers.conditions.flatMap((c) =>
    c.samples.map((s) => ({
      id: s.sampleId,
      conditionId: c.record.key,
      questionId: s.questionId,
      question: s.question,
      answer: s.answer,
      aligned: s.aligned,
      coherent: s.coherent,
      misaligned: isMisaligned(s, convention),
      verdict: sampleVerdict(s, convention),
      judged: otherJudged(s.judged),
    })),
  );
  const bootstrapText = `${options.bootstrap?.resamples ?? 2000} resamples, seed ${options.bootstrap?.seed ?? 0}`;
  const definitions: ReportDefinition[] = [
    { term: "Judge score", text: JUDGE_SCORE_DEFINITION },
    { term: "Refusal / code", text: ANSWER_CLASS_DEFINITION },
    { term: "Intervals", text: `Per condition and per question: Wilson 95% score intervals. Rows and points pooled over in-context seeds, finetune seeds (variants naming the same group) or models: the summed counts' rate, with a percentile bootstrap 95% interval resampling those units (${bootstrapText}); a group with one condition keeps its Wilson interval.` },
  ];
  const labels = labelTables(answers);
  if (labels.length > 0) definitions.push({ term: "Categorical judges", text: labels.map((t) => `${t.metric}: ${t.definition}`).join(" ") });
  const notes = [`Judge: ${answers.judge.reason}.`, describePromptSets(answers.promptSets)];
  if (answers.judge.others.length > 0) notes.push(`Other judge models of this run, not used here: ${answers.judge.others.map((id) => `#${id}`).join(", ")}.`);
  notes.push(...customMetricNotes(answers));
  notes.push(...servedNotes(run.engineSettings));
  if (answers.customMetrics.length > 0) definitions.push({ term: "Custom metrics", text: `Mean judge score (0-100) per condition of ${answers.customMetrics.join(", ")}, over answers the judge scored.` });

  const probes = probeSectionsFromStore(store, run, conditions, { answers, convention, bootstrap: options.bootstrap });
  const adapters = adapterComparison(answers, { ...probes, convention: reportConvention(convention) }, options.bootstrap);
  return {
    title: options.title ?? `emlab report: ${run.name}`,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    run: {
      name: run.name,
      id: run.id,
      createdAt: run.createdAt,
      emlabVersion: run.emlabVersion,
      experimentSha256: run.experimentSha256,
      models: modelDescriptions(store, answers),
      judge: answers.judge.description,
      notes,
    },
    convention: reportConvention(convention),
    definitions,
    conditions: [...conditions, ...pooledRows],
    highlight: options.conditions === undefined ? conditions.slice(0, 8).map((c) => c.id) : matchConditions([...conditions, ...pooledRows], options.conditions),
    vsK: vsKSeries(answers, metrics),
    vsLoraScale: loraSeries(metrics),
    samples,
    otherMetrics: answers.judgedMetrics.filter((m) => m !== "aligned" && m !== "coherent"),
    labelTables: labels.map((t) => ({
      metric: t.metric,
      labels: t.labels,
      rows: t.rows.map((r) => ({ conditionId: r.conditionKey, system: r.system, answers: r.answers, noVerdict: r.noVerdict, counts: r.counts, lieRate: r.lieRate })),
    })),
    ...probes,
    ...(adapters ? { adapters } : {}),
  };
}

/** A seed-pooled group as a conditions-table row, with its bootstrap-over-seeds interval. */
function pooledRow(p: PooledMetrics): ReportCondition {
  const e = p.misalignmentByConditions;
  const num = (v: number | "*" | null) => (v === "*" ? null : v);
  return {
    id: `pooled:${p.label}`,
    label: `${p.label} · ${p.conditions.length} seeds pooled`,
    model: String(p.key.model),
    variant: String(p.key.variant),
    k: num(p.key.k),
    seed: null,
    loraScale: num(p.key.loraScale),
    answers: p.answers,
    n: p.misalignment.n,
    misaligned: p.misalignment.k,
    rate: { value: p.misalignment.value, low: e.low, high: e.high },
    intervalMethod: e.method,
    coherenceRate: p.coherence,
    refusalRate: p.refusal,
    codeRate: p.code,
  };
}

/** A group pooled over finetune seeds or models, with its bootstrap-over-units interval. */
function unitPooledRow(u: UnitPooledMetrics): ReportCondition {
  const e = u.misalignmentByUnits;
  return {
    id: `pooled:${u.over}:${u.label}`,
    label: `${u.label} · ${u.units.length} ${u.over} pooled`,
    model: u.over === "models" ? u.units.join(", ") : "",
    variant: u.over === "finetune seeds" ? u.units.join(", ") : "",
    answers: u.answers,
    n: u.misalignment.n,
    misaligned: u.misalignment.k,
    rate: { value: u.misalignment.value, low: e.low, high: e.high },
    intervalMethod: e.method,
    coherenceRate: u.coherence,
    refusalRate: u.refusal,
    codeRate: u.code,
  };
}

/**
 * Misalignment vs k, one line per ICL dataset (the ICL paper's figure), pooled over seeds. Points
 * pooled from several seeds carry the bootstrap-over-seeds interval, single conditions their Wilson one.
 */
function vsKSeries(answers: RunAnswers, metrics: RunMetrics): ReportSeries[] {
  const datasetOf = new Map(answers.conditions.map((c) => [`${c.key.model}\u0000${c.key.variant}`, c.dataset]));
  const models = new Set(answers.conditions.map((c) => c.key.model));
  const name = (p: PooledMetrics) => {
    // The variant names the line (a CoT variant may share its dataset); a dataset path shows as its file name.
    const dataset = datasetOf.get(`${p.key.model}\u0000${p.key.variant}`);
    const base = `${String(p.key.variant)}${dataset ? ` (${basename(dataset).replace(/\.jsonl$/, "")})` : ""}`;
    const model = models.size > 1 ? `${p.key.model}/` : "";
    const scale = p.key.loraScale !== null && p.key.loraScale !== "*" ? ` scale=${p.key.loraScale}` : "";
    return `${model}${base}${scale}`;
  };
  const withK = metrics.pooled.filter((p) => typeof p.key.k === "number");
  return mergeSeries(
    seriesFromPooled(withK.filter((p) => p.conditions.length > 1), name, (p) => p.key.k as number, "conditions"),
    seriesFromPooled(withK.filter((p) => p.conditions.length === 1), name, (p) => p.key.k as number, "wilson"),
  );
}

/** LoRA dose-response: one line per (model, variant, k), x = the adapter scale. */
function loraSeries(metrics: RunMetrics): ReportSeries[] {
  const withScale = metrics.pooled.filter((p) => typeof p.key.loraScale === "number");
  const models = new Set(withScale.map((p) => p.key.model));
  const name = (p: PooledMetrics) => `${models.size > 1 ? `${p.key.model}/` : ""}${p.key.variant}${typeof p.key.k === "number" ? ` k=${p.key.k}` : ""}`;
  return mergeSeries(
    seriesFromPooled(withScale.filter((p) => p.conditions.length > 1), name, (p) => p.key.loraScale as number, "conditions"),
    seriesFromPooled(withScale.filter((p) => p.conditions.length === 1), name, (p) => p.key.loraScale as number, "wilson"),
  );
}

function mergeSeries(...lists: ReportSeries[][]): ReportSeries[] {
  const byName = new Map<string, ReportSeries>();
  for (const s of lists.flat()) {
    const seen = byName.get(s.name);
    if (seen) seen.points.push(...s.points);
    else byName.set(s.name, { name: s.name, points: [...s.points] });
  }
  for (const s of byName.values()) s.points.sort((a, b) => a.x - b.x);
  return [...byName.values()];
}

/** The judged metrics other than aligned and coherent, which have their own columns. */
function otherJudged(judged: Record<string, number | string | null>): Record<string, number | string | null> {
  const { aligned: _aligned, coherent: _coherent, ...others } = judged;
  return others;
}

function customMetricNotes(answers: RunAnswers): string[] {
  const means = customMetricMeans(answers);
  return answers.customMetrics.map((metric) => {
    const parts = means.filter((m) => m.metric === metric).map((m) => `${m.conditionLabel}: ${m.mean === null ? "–" : m.mean.toFixed(1)} (n=${m.n})`);
    return `Mean ${metric} score per condition: ${parts.join("; ")}.`;
  });
}

function modelDescriptions(store: Store, answers: RunAnswers): string[] {
  const byRef = new Map<string, string>();
  for (const c of answers.conditions) {
    if (byRef.has(c.record.modelRef)) continue;
    const m = store.getModel({ id: c.record.modelId });
    byRef.set(c.record.modelRef, m ? `${c.record.modelRef}: ${m.name} (${m.path}, sha256 ${m.sha256.slice(0, 12)}…)` : c.record.modelRef);
  }
  return [...byRef.values()];
}
