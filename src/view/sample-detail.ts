import type { ChatMessage, FinishReason } from "../backend/types.js";
import { EmlabError } from "../errors.js";
import { answerClass } from "../metrics/answer-classes.js";
import { questionLookup } from "../runner/run-records.js";
import { statement, type Db } from "../store/db.js";
import type { LabelRecord, RunRecord, Store } from "../store/index.js";
import { splitCot } from "../variants/cot.js";
import { runJudgeModel } from "./run-judge.js";
import { tokenPieces } from "./token-pieces.js";

export interface DetailToken {
  id: number;
  text: string;
  /** Raw log-prob of the sampled token (natural log). */
  logprob: number;
  /** The top alternatives the engine stored, best first (padding dropped). */
  top: { id: number; text: string; logprob: number }[];
}

export interface DetailJudgment {
  metric: string;
  score: number | null;
  nullReason: string | null;
  numberMass: number;
  labelMasses: Record<string, number>;
  answerClass: string;
  /** P(n) for n = 0..100, renormalised over the numbers. */
  probs: number[];
}

export interface SampleDetail {
  sampleId: number;
  run: { id: number; name: string };
  condition: { id: number; key: string; label: string; cot: boolean; modelRef: string; adapters: { sha256: string; scale: number }[] };
  questionId: string;
  question: string;
  paraphraseIndex: number;
  sampleIndex: number;
  /** The prompt's messages; the first `foldedMessages` are the condition's shared prefix (system, in-context examples). */
  messages: ChatMessage[];
  foldedMessages: number;
  renderedPrompt: string;
  text: string;
  reasoning: string | null;
  finishReason: FinishReason;
  seed: number;
  tokens: DetailToken[];
  judgments: DetailJudgment[];
  probes: { probe: string; itemKey: string; value: number | null; details: string }[];
  labels: LabelRecord[];
}

/** Probe rows shown per sample (a condition may hold thousands). */
const MAX_PROBE_ROWS = 200;

/** Everything the sample view shows, read for one sample only. */
export function sampleDetail(store: Store, db: Db, run: RunRecord, sampleId: number): SampleDetail {
  const link = statement(
    db,
    `SELECT condition_id, question_id, paraphrase_index, sample_index FROM run_samples WHERE run_id = ? AND sample_id = ? ORDER BY id LIMIT 1`,
  ).get(run.id, sampleId) as { condition_id: number; question_id: string; paraphrase_index: number; sample_index: number } | undefined;
  const sample = store.getSample(sampleId);
  if (!link || !sample) throw new EmlabError(`run ${run.id} (${run.name}) has no sample ${sampleId}`);
  const condition = store.getCondition(link.condition_id)!;
  const prompt = store.getPrompt({ id: sample.promptId })!;
  const piece = tokenPieces(store.getModel({ id: sample.modelId }));
  const judge = runJudgeModel(db, run.id);
  const cot = splitCot(sample.text);
  return {
    sampleId,
    run: { id: run.id, name: run.name },
    condition: {
      id: condition.id,
      key: condition.key,
      label: condition.label,
      cot: condition.variant.cot,
      modelRef: condition.modelRef,
      adapters: condition.adapters.map((a) => ({ sha256: a.sha256, scale: a.scale })),
    },
    questionId: link.question_id,
    question: questionLookup(run)(condition.key, link.question_id, link.paraphrase_index),
    paraphraseIndex: link.paraphrase_index,
    sampleIndex: link.sample_index,
    messages: prompt.messages,
    foldedMessages: Math.min(condition.prefixMessages.length, prompt.messages.length),
    renderedPrompt: prompt.renderedText,
    text: sample.text,
    reasoning: condition.variant.cot ? cot.reasoning : null,
    finishReason: sample.finishReason,
    seed: sample.seed,
    tokens: Array.from(sample.tokenIds, (id, i) => {
      const top: DetailToken["top"] = [];
      for (let k = 0; k < sample.topK; k++) {
        const altId = sample.topIds[i * sample.topK + k]!;
        if (altId >= 0) top.push({ id: altId, text: piece(altId), logprob: sample.topLogprobs[i * sample.topK + k]! });
      }
      return { id, text: piece(id), logprob: sample.logprobs[i]!, top };
    }),
    judgments: judge === null ? [] : newestPerMetric(store, sampleId, judge),
    probes: store
      .listProbeResults(run.id, { conditionId: condition.id })
      .slice(0, MAX_PROBE_ROWS)
      .map((p) => ({ probe: p.probe, itemKey: p.itemKey, value: p.value, details: JSON.stringify(p.details).slice(0, 400) })),
    labels: store.listLabels({ sampleId }),
  };
}

function newestPerMetric(store: Store, sampleId: number, judgeModelId: number): DetailJudgment[] {
  const newest = new Map<string, ReturnType<Store["getJudgments"]>[number]>();
  for (const j of store.getJudgments({ sampleIds: [sampleId] }, { judgeModelId })) {
    const seen = newest.get(j.metric);
    if (!seen || seen.id < j.id) newest.set(j.metric, j);
  }
  return [...newest.values()].map((j) => ({
    metric: j.metric,
    score: j.score,
    nullReason: j.nullReason,
    numberMass: j.numberMass,
    labelMasses: j.labelMasses,
    answerClass: answerClass(j),
    probs: Array.from(j.probs),
  }));
}
