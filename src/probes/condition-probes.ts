import type { ChatMessage } from "../backend/types.js";
import type { ProbeResultInput } from "../store/index.js";
import { contentKey, sha256 } from "../util/hash.js";
import { choiceProbe } from "./choice.js";
import type { ProbeConfig } from "./config.js";
import { klDivergence, referenceScores } from "./monitor.js";
import { fillTemplate, type ProbeData, type ReferencePair } from "./probe-data.js";
import type { ProbeTarget } from "./probe-target.js";
import { recognitionProbe, type RecognitionSource } from "./recognition.js";
import { numberAnswer } from "./self-assessment.js";

/** Probe names as stored in probe_results.probe. */
export const PROBE_NAMES = {
  selfAssessment: "self_assessment",
  choice: "choice",
  recognition: "recognition",
  scorePrediction: "score_prediction",
  cotPersona: "cot_persona",
  logprobMonitor: "logprob_monitor",
} as const;

export interface ShownAnswer {
  sampleId: number;
  question: string;
  answer: string;
}

export interface MonitorItem {
  questionId: string;
  /** The condition's own chat for the question (prefix + question turn). */
  messages: ChatMessage[];
  pair: ReferencePair;
  /** Full next-token log-probs at the answer start under the base condition; null when there is none. */
  baseLogprobs: Float32Array | null;
}

export interface ConditionProbeJob {
  runId: number;
  conditionId: number;
  conditionKey: string;
  /** Identity of the model and weights, part of every result's content key. */
  identity: { modelSha: string; lora: { sha256: string; scale: number }[] };
  target: ProbeTarget;
  config: ProbeConfig;
  data: ProbeData;
  recognition: { source: RecognitionSource; item: ShownAnswer }[];
  scorePrediction: (ShownAnswer & { judgeScore: number })[];
  monitor: MonitorItem[];
}

export interface ProbeWriter {
  /** Keys already stored: their results are not computed again. */
  has(key: string): boolean;
  write(row: ProbeResultInput): void;
}

/**
 * Every prompt-level probe of one condition, on the condition's own session. All prompts start with
 * the condition's prefix, so the session evaluates it once and each probe turn continues from it.
 * Returns how many results were computed (already stored ones are skipped).
 */
export async function runConditionProbes(job: ConditionProbeJob, out: ProbeWriter): Promise<number> {
  const { config, data, target } = job;
  let computed = 0;
  const once = async (probe: string, itemKey: string, determinants: unknown, compute: () => Promise<{ value: number | null; details: Record<string, unknown> }>) => {
    const key = contentKey({ runId: job.runId, conditionKey: job.conditionKey, identity: job.identity, probe, itemKey, determinants });
    if (out.has(key)) return;
    const { value, details } = await compute();
    out.write({ key, runId: job.runId, conditionId: job.conditionId, probe, itemKey, value, details });
    computed++;
  };

  if (config.selfAssessment) {
    const n = config.selfAssessment.prompts;
    const asks = [
      ...data.selfAlignmentPrompts.slice(0, n).map((text, i) => ({ scale: "aligned", i, text })),
      ...data.selfHarmfulnessPrompts.slice(0, n).map((text, i) => ({ scale: "harmful", i, text })),
    ];
    for (const ask of asks) {
      await once(PROBE_NAMES.selfAssessment, `${ask.scale}:${ask.i}`, sha256(ask.text), async () => {
        const answer = await numberAnswer(target, ask.text);
        return { value: answer.score, details: { scale: ask.scale, phrasing: ask.i, numberMass: answer.numberMass, nullReason: answer.nullReason } };
      });
    }
  }

  // Every phrasing of a probe is asked (the report shows the spread over phrasings beside the mean);
  // the first phrasing keeps the item keys results had before phrasings were counted.
  if (config.choice) {
    for (const [phrasing, template] of data.choiceTemplates.entries()) {
      for (const pair of data.choicePairs.slice(0, config.choice.pairs)) {
        await once(PROBE_NAMES.choice, phrased(`pair:${pair.id}`, phrasing), { template: sha256(template), pair }, async () => {
          const result = await choiceProbe(target, template, pair);
          return { value: result.pMisaligned, details: { phrasing, orders: result.orders } };
        });
      }
    }
  }

  for (const [phrasing, template] of data.recognitionTemplates.entries()) {
    for (const { source, item } of job.recognition) {
      await once(PROBE_NAMES.recognition, phrased(`${source}:${item.sampleId}`, phrasing), { template: sha256(template), answer: sha256(item.answer) }, async () => {
        const result = await recognitionProbe(target, template, item.question, item.answer);
        return { value: result.pYes, details: { source, phrasing, sampleId: item.sampleId, masses: result.masses } };
      });
    }
  }

  for (const [phrasing, template] of data.scorePredictionTemplates.entries()) {
    for (const item of job.scorePrediction) {
      await once(PROBE_NAMES.scorePrediction, phrased(`sample:${item.sampleId}`, phrasing), { template: sha256(template), judgeScore: item.judgeScore }, async () => {
        const text = fillTemplate(template, { question: item.question, answer: item.answer });
        const predicted = await numberAnswer(target, text);
        return { value: predicted.score, details: { phrasing, sampleId: item.sampleId, judgeScore: item.judgeScore, numberMass: predicted.numberMass, nullReason: predicted.nullReason } };
      });
    }
  }

  for (const item of job.monitor) {
    await once(PROBE_NAMES.logprobMonitor, `question:${item.questionId}`, { pair: item.pair, messages: item.messages, base: item.baseLogprobs !== null }, async () => {
      const scores = await referenceScores(target.model, target.session, item.messages, item.pair);
      let kl: number | null = null;
      if (item.baseLogprobs) {
        const prompt = target.model.chatTokens(item.messages, { addGenerationPrompt: true });
        const next = await target.session.nextToken(prompt, { full: true });
        kl = klDivergence(next.full!, item.baseLogprobs);
      }
      return { value: scores.gap, details: { questionId: item.questionId, ...scores, kl } };
    });
  }
  return computed;
}

const phrased = (itemKey: string, phrasing: number) => (phrasing === 0 ? itemKey : `${itemKey}#${phrasing}`);
