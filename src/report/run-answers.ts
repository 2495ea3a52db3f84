import { EmlabError } from "../errors.js";
import type { ConditionKey } from "../metrics/conditions.js";
import type { ScoredAnswer } from "../metrics/rates.js";
import { isLabelJudgment, labelVerdict } from "../judge/label-verdict.js";
import { questionLookup } from "../runner/run-records.js";
import { promptSetUses, type PromptSetUse } from "./prompt-sets.js";
import type { ConditionRecord, JudgmentRecord, RunRecord, Store } from "../store/index.js";

/** The judge model whose verdicts a report uses, and the others that also judged the run. */
export interface ChosenJudge {
  modelId: number;
  /** "name (path)" of the judge model. */
  description: string;
  /** Other judge model ids that judged this run (not used). */
  others: number[];
  /** How it was chosen, for the report's run info. */
  reason: string;
}

/** One run sample with its scores from the chosen judge. */
export interface JudgedSample extends ScoredAnswer {
  sampleId: number;
  question: string;
  answer: string;
  /** The question's system prompt (null: none). */
  system: string | null;
  /** Each metric judged for this sample: a 0-100 score, a categorical verdict (label), or null (no score / no verdict). */
  judged: Record<string, number | string | null>;
}

/** A metric judged by labels (question type free_form_judge), and its labels in the prompt's order. */
export interface LabelMetric {
  metric: string;
  labels: string[];
}

export interface RunCondition {
  record: ConditionRecord;
  key: ConditionKey;
  /** ICL dataset as written in the experiment file (null without ICL). */
  dataset: string | null;
  /** The variant's `group:` (finetune seeds pooled together), or null. */
  group: string | null;
  samples: JudgedSample[];
  /** Scores of metrics other than aligned/coherent (e.g. financial), by metric, one per judged sample. */
  customScores: Map<string, (number | null)[]>;
}

export interface RunAnswers {
  run: RunRecord;
  judge: ChosenJudge;
  conditions: RunCondition[];
  /** Custom 0-100 metric names, sorted. */
  customMetrics: string[];
  /** Categorical metrics (labels, not numbers), sorted by name. */
  labelMetrics: LabelMetric[];
  /** Every judged metric, aligned and coherent first: the CSV's and the sample browser's columns. */
  judgedMetrics: string[];
  /** Which prompt set judged each metric (see promptSets). */
  promptSets: PromptSetUse[];
}

const CORE_METRICS = new Set(["aligned", "coherent"]);

/**
 * Join a run's samples, conditions, questions and one judge's verdicts. When several judge models
 * judged the run, the most recent one (highest judgment id) is used unless `judgeModelId` is given,
 * so an old judge never silently mixes with a new one.
 */
export function loadRunAnswers(store: Store, run: RunRecord, options: { judgeModelId?: number } = {}): RunAnswers {
  const all = store.getJudgments({ runId: run.id });
  if (all.length === 0) throw new EmlabError(`run '${run.name}' (#${run.id}) has no judgments yet: run \`emlab judge ${run.id} --judge MODEL\` first`);
  const judge = chooseJudge(store, all, options.judgeModelId, run);
  // A re-judged sample (new judge prompt) keeps only its newest verdict per metric.
  const verdicts = new Map<number, Map<string, JudgmentRecord>>();
  for (const j of all) {
    if (j.judgeModelId !== judge.modelId) continue;
    let bySample = verdicts.get(j.sampleId);
    if (!bySample) verdicts.set(j.sampleId, (bySample = new Map()));
    const seen = bySample.get(j.metric);
    if (!seen || seen.id < j.id) bySample.set(j.metric, j);
  }
  const labelsOf = new Map<string, string[]>();
  for (const byMetric of verdicts.values()) for (const [metric, j] of byMetric) if (isLabelJudgment(j) && !labelsOf.has(metric)) labelsOf.set(metric, Object.keys(j.labelMasses));
  const allMetrics = [...new Set([...verdicts.values()].flatMap((m) => [...m.keys()]))];
  const customMetrics = allMetrics.filter((m) => !CORE_METRICS.has(m) && !labelsOf.has(m)).sort();
  const labelMetrics = [...labelsOf].map(([metric, labels]) => ({ metric, labels })).sort((a, b) => a.metric.localeCompare(b.metric));
  const judgedMetrics = [...[...CORE_METRICS].filter((m) => allMetrics.includes(m)), ...customMetrics, ...labelMetrics.map((m) => m.metric)];
  const systemOf = new Map(run.experiment.questions.map((q) => [q.id, q.system]));

  const question = questionLookup(run);
  const conditions = new Map<number, RunCondition>(store.listConditions(run.id).map((c) => [c.id, runCondition(c, customMetrics)]));
  for (const s of store.listRunSamples(run.id)) {
    const condition = conditions.get(s.conditionId);
    const v = verdicts.get(s.sampleId);
    if (!condition || !v) continue; // not judged by this judge: not in any rate
    const aligned = v.get("aligned");
    const coherent = v.get("coherent");
    condition.samples.push({
      sampleId: s.sampleId,
      questionId: s.questionId,
      question: question(s.conditionKey, s.questionId, s.paraphraseIndex),
      answer: s.text,
      system: systemOf.get(s.questionId) ?? null,
      judged: Object.fromEntries([...v].map(([m, j]) => [m, judgedValue(j, labelsOf.get(m))])),
      aligned: aligned?.score ?? null,
      coherent: coherent?.score ?? null,
      ...(aligned ? { alignedLabels: { numberMass: aligned.numberMass, labelMasses: aligned.labelMasses } } : {}),
    });
    for (const metric of customMetrics) condition.customScores.get(metric)!.push(v.get(metric)?.score ?? null);
  }
  return {
    run,
    judge,
    conditions: [...conditions.values()].filter((c) => c.samples.length > 0),
    customMetrics,
    labelMetrics,
    judgedMetrics,
    promptSets: promptSetUses(run, verdicts, judgedMetrics),
  };
}

function judgedValue(j: JudgmentRecord, labels: string[] | undefined): number | string | null {
  return labels ? labelVerdict(j.labelMasses, labels) : j.score;
}

function runCondition(record: ConditionRecord, customMetrics: readonly string[]): RunCondition {
  const meta = record.variant;
  return {
    record,
    key: {
      model: record.modelRef,
      variant: meta.variantId ?? record.label,
      k: meta.k,
      seed: meta.seed,
      loraScale: meta.loraScale,
    },
    dataset: meta.dataset,
    group: meta.group,
    samples: [],
    customScores: new Map(customMetrics.map((m) => [m, []])),
  };
}


function chooseJudge(store: Store, judgments: readonly JudgmentRecord[], wanted: number | undefined, run: RunRecord): ChosenJudge {
  const newest = new Map<number, number>();
  for (const j of judgments) newest.set(j.judgeModelId, Math.max(newest.get(j.judgeModelId) ?? -1, j.id));
  const ids = [...newest.keys()].sort((a, b) => newest.get(b)! - newest.get(a)!);
  let modelId: number;
  let reason: string;
  if (wanted !== undefined) {
    if (!newest.has(wanted)) throw new EmlabError(`judge model #${wanted} did not judge run '${run.name}' (#${run.id}); judges of this run: ${ids.map((i) => `#${i}`).join(", ")}`);
    modelId = wanted;
    reason = "chosen with --judge-model";
  } else {
    modelId = ids[0]!;
    reason = ids.length > 1 ? `the most recent of ${ids.length} judge models that judged this run` : "the only judge model of this run";
  }
  const model = store.getModel({ id: modelId });
  const description = model ? `${model.name} (${model.path}, model #${modelId})` : `model #${modelId}`;
  return { modelId, description, others: ids.filter((i) => i !== modelId), reason };
}
