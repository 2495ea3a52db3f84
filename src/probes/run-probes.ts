import { resolve } from "node:path";
import { openModel } from "../backend/open.js";
import { groupByWeights } from "../backend/weights.js";
import type { LoadedModel, Session } from "../backend/types.js";
import { EmlabError } from "../errors.js";
import { getConvention, type ConventionName } from "../metrics/index.js";
import type { EngineOptions, EngineSettings } from "../backend/types.js";
import type { RunCell, RunCondition, RunPlan } from "../experiment/run-plan.js";
import { questionLookup } from "../runner/run-records.js";
import type { ConditionRecord, RunRecord, RunSampleRow, Store } from "../store/index.js";
import { adapterIdentity } from "../adapters/identity.js";
import { splitCot } from "../variants/cot.js";
import { anyProbe, parseProbeConfig, type ProbeConfig } from "./config.js";
import { runConditionProbes, type ConditionProbeJob, type MonitorItem, type ProbeWriter, type ShownAnswer } from "./condition-probes.js";
import { runCotPersona, type JudgeModelSpec } from "./cot-persona-run.js";
import { loadShippedProbeData, type ProbeData } from "./probe-data.js";
import { baseConditionOf, pickSamples, sampleKind, scoresBySample, type SampleScores } from "./run-inputs.js";

/** What runProbes needs of a plan: an expanded experiment (src/experiment's Plan fits). */
export type ProbePlan = Pick<RunPlan, "models" | "conditions" | "cells"> & { probes: unknown };

export interface RunProbesOptions extends EngineOptions {
  /** Probe prompts, description pairs and reference answers; default: the sets shipped in datasets/persona. */
  data?: ProbeData;
  /** Judge model for cot_persona; default: the run's experiment judge. */
  judge?: JudgeModelSpec;
  /** Which answers count as misaligned when picking samples for recognition (default em-paper). */
  convention?: ConventionName;
}

export interface RunProbesResult {
  config: ProbeConfig | null;
  /** How each model the probes opened ran: `probes:<model id>`, and `cot_persona_judge`. */
  engineSettings: Record<string, EngineSettings>;
  computed: number;
  reused: number;
  seconds: number;
}

/**
 * Run the experiment's probes on every condition of the plan, after sampling and judging. Conditions
 * sharing a weight variant share one session, like sampling does; each condition's probes all start
 * with its prefix. Results go to probe_results (and judge labels for cot_persona); a result already
 * stored is never computed again, so an interrupted run resumes.
 */
export async function runProbes(store: Store, run: RunRecord, plan: ProbePlan, options: RunProbesOptions): Promise<RunProbesResult> {
  const started = performance.now();
  const config = parseProbeConfig(plan.probes, run.experimentPath ?? run.name);
  const result: RunProbesResult = { config, engineSettings: {}, computed: 0, reused: 0, seconds: 0 };
  if (!anyProbe(config)) return result;
  const data = options.data ?? loadShippedProbeData();
  checkData(config, data);

  const stored = store.listConditions(run.id);
  const conditionIds = new Map(stored.map((c) => [c.key, c]));
  const samples = store.listRunSamples(run.id);
  const scores = scoresBySample(store.getJudgments({ runId: run.id }));
  const existing = new Set(store.listProbeResults(run.id).map((r) => r.key));
  const writer: ProbeWriter = {
    has: (key) => existing.has(key),
    write: (row) => {
      store.upsertProbeResults([row]);
      existing.add(row.key);
    },
  };
  const shown = shownAnswers(run, stored);
  const convention = getConvention(options.convention ?? "em-paper");

  for (const runModel of plan.models) {
    const conditions = plan.conditions.filter((c) => c.modelId === runModel.id && conditionIds.has(c.key));
    if (conditions.length === 0) continue;
    const model = await openModel(runModel, { ...options, parallelSequences: 1 });
    result.engineSettings[`probes:${runModel.id}`] = model.settings;
    try {
      const base = baseConditionOf(plan.conditions, runModel.id);
      const baseLogprobs = config.logprobMonitor ? await baseDistributions(model, plan, base, conditions, data) : new Map<string, Float32Array>();
      const identityLora = new Map<string, string>();
      for (const group of groupByWeights(conditions).values()) {
        const session = await model.openSession(group[0]!.weights);
        try {
          const lora = [];
          for (const l of group[0]!.weights.lora) {
            const path = resolve(l.path);
            if (!identityLora.has(path)) identityLora.set(path, await adapterIdentity(path, runModel.backend));
            lora.push({ sha256: identityLora.get(path)!, scale: l.scale });
          }
          for (const condition of group) {
            const record = conditionIds.get(condition.key)!;
            const own = samples.filter((s) => s.conditionId === record.id);
            const baseRecord = base && base.key !== condition.key ? conditionIds.get(base.key) : undefined;
            const baseSamples = baseRecord ? samples.filter((s) => s.conditionId === baseRecord.id) : [];
            const job: ConditionProbeJob = {
              runId: run.id,
              conditionId: record.id,
              conditionKey: condition.key,
              identity: { modelSha: model.info.sha256, lora },
              target: { model, session, prefix: condition.prefixMessages },
              config,
              data,
              recognition: recognitionItems(config, own, baseSamples, scores, convention, shown),
              scorePrediction: scorePredictionItems(config, own, scores, shown),
              monitor: monitorItems(config, plan.cells, condition, data, baseLogprobs),
            };
            result.computed += await runConditionProbes(job, writer);
          }
        } finally {
          await session.dispose();
        }
      }
    } finally {
      await model.dispose();
    }
  }

  if (config.cotPersona) {
    const judge = options.judge ?? judgeOfRun(run);
    const cotSamples = samples.filter((s) => conditionIds.get(s.conditionKey)?.variant.cot);
    result.computed += await runCotPersona(store, run, cotSamples, shown, judge, options, data.cotPersonaTemplate, writer, (settings) => {
      result.engineSettings.cot_persona_judge = settings;
    });
  }
  result.reused = existing.size - result.computed;
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

function checkData(config: ProbeConfig, data: ProbeData): void {
  const need = (ok: boolean, what: string) => {
    if (!ok) throw new EmlabError(`probes: ${what}`);
  };
  if (config.selfAssessment) need(data.selfAlignmentPrompts.length > 0, "self_assessment needs at least one self-assessment prompt");
  if (config.choice) need(data.choicePairs.length >= config.choice.pairs, `choice asks for ${config.choice.pairs} pairs, the data has ${data.choicePairs.length}`);
}

/** For each sample: the question as the judge read it and the answer (after the reasoning, for CoT). */
function shownAnswers(run: RunRecord, conditions: readonly ConditionRecord[]): (sample: RunSampleRow) => ShownAnswer & { reasoning: string | null } {
  const question = questionLookup(run);
  const cot = new Set(conditions.filter((c) => c.variant.cot).map((c) => c.id));
  return (s) => {
    const parts = cot.has(s.conditionId) ? splitCot(s.text) : { reasoning: null, answer: s.text };
    return { sampleId: s.sampleId, question: question(s.conditionKey, s.questionId, s.paraphraseIndex), answer: parts.answer, reasoning: parts.reasoning };
  };
}

function recognitionItems(
  config: ProbeConfig,
  own: RunSampleRow[],
  baseSamples: RunSampleRow[],
  scores: Map<number, SampleScores>,
  convention: ReturnType<typeof getConvention>,
  shown: (s: RunSampleRow) => ShownAnswer,
): ConditionProbeJob["recognition"] {
  if (!config.recognition) return [];
  const n = config.recognition.perSource;
  const ofKind = (kind: string) => own.filter((s) => sampleKind(scores.get(s.sampleId), convention) === kind);
  return [
    ...pickSamples(ofKind("misaligned"), n).map((s) => ({ source: "own_misaligned" as const, item: shown(s) })),
    ...pickSamples(ofKind("aligned"), n).map((s) => ({ source: "own_aligned" as const, item: shown(s) })),
    ...pickSamples(baseSamples, n).map((s) => ({ source: "base" as const, item: shown(s) })),
  ];
}

function scorePredictionItems(config: ProbeConfig, own: RunSampleRow[], scores: Map<number, SampleScores>, shown: (s: RunSampleRow) => ShownAnswer): ConditionProbeJob["scorePrediction"] {
  if (!config.scorePrediction) return [];
  const judged = own.filter((s) => scores.get(s.sampleId)?.aligned != null);
  return pickSamples(judged, config.scorePrediction.perCondition).map((s) => ({ ...shown(s), judgeScore: scores.get(s.sampleId)!.aligned! }));
}

/** The condition's own chat for paraphrase 0 of each question that has a reference pair. */
function monitorItems(config: ProbeConfig, cells: readonly RunCell[], condition: RunCondition, data: ProbeData, base: Map<string, Float32Array>): MonitorItem[] {
  if (!config.logprobMonitor) return [];
  return cells.flatMap((cell) => {
    const pair = cell.conditionKey === condition.key && cell.paraphraseIndex === 0 ? data.referencePair(cell.questionId) : undefined;
    return pair ? [{ questionId: cell.questionId, messages: cell.messages, pair, baseLogprobs: base.get(cell.questionId) ?? null }] : [];
  });
}

/**
 * Next-token distributions at the answer start under the base condition (its own session, no LoRA),
 * per question with a reference pair. Without a base condition in the plan, the question alone
 * (no system prompt, no examples) on the bare model is the reference.
 */
async function baseDistributions(model: LoadedModel, plan: ProbePlan, base: RunCondition | undefined, conditions: readonly RunCondition[], data: ProbeData): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  let session: Session | undefined;
  const questionIds = new Set(plan.cells.filter((c) => c.paraphraseIndex === 0 && conditions.some((k) => k.key === c.conditionKey)).map((c) => c.questionId));
  try {
    for (const questionId of questionIds) {
      if (!data.referencePair(questionId)) continue;
      const own = plan.cells.find((c) => c.questionId === questionId && c.paraphraseIndex === 0 && (base ? c.conditionKey === base.key : conditions.some((k) => k.key === c.conditionKey)));
      if (!own) continue;
      const messages = base ? own.messages : own.messages.slice(-1);
      session ??= await model.openSession(base?.weights ?? { lora: [] });
      const next = await session.nextToken(model.chatTokens(messages, { addGenerationPrompt: true }), { full: true });
      out.set(questionId, next.full!);
    }
  } finally {
    await session?.dispose();
  }
  return out;
}

function judgeOfRun(run: RunRecord): JudgeModelSpec {
  const judge = run.experiment.judge;
  if (!judge) throw new EmlabError(`run ${run.id} (${run.name}): cot_persona needs a judge model (judge: in the experiment file)`);
  return { backend: judge.backend, path: judge.model, contextSize: judge.contextSize, ...(judge.endpoint ? { endpoint: judge.endpoint } : {}) };
}

