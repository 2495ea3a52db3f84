import { sha256 } from "../util/hash.js";
import { choiceProbe } from "./choice.js";
import type { ConditionProbeJob } from "./condition-probes.js";
import { klDivergence, referenceScores } from "./monitor.js";
import { fillTemplate } from "./probe-data.js";
import { recognitionProbe } from "./recognition.js";
import { numberAnswer } from "./self-assessment.js";

/**
 * How each prompt-level probe runs on one condition's session. `once` stores a result under the
 * probe's name unless a result with the same content key is stored already (resume).
 */
export type Once = (itemKey: string, determinants: unknown, compute: () => Promise<{ value: number | null; details: Record<string, unknown> }>) => Promise<void>;
export type ConditionProbeRun = (job: ConditionProbeJob, once: Once) => Promise<void>;

/** Every phrasing of a probe is asked; the first keeps the item keys results had before phrasings were counted. */
const phrased = (itemKey: string, phrasing: number) => (phrasing === 0 ? itemKey : `${itemKey}#${phrasing}`);

export const runSelfAssessment: ConditionProbeRun = async ({ config, data, target }, once) => {
  const n = config.selfAssessment?.prompts ?? 0;
  const asks = [
    ...data.selfAlignmentPrompts.slice(0, n).map((text, i) => ({ scale: "aligned", i, text })),
    ...data.selfHarmfulnessPrompts.slice(0, n).map((text, i) => ({ scale: "harmful", i, text })),
  ];
  for (const ask of asks) {
    await once(`${ask.scale}:${ask.i}`, sha256(ask.text), async () => {
      const answer = await numberAnswer(target, ask.text);
      return { value: answer.score, details: { scale: ask.scale, phrasing: ask.i, numberMass: answer.numberMass, nullReason: answer.nullReason } };
    });
  }
};

export const runChoice: ConditionProbeRun = async ({ config, data, target }, once) => {
  for (const [phrasing, template] of data.choiceTemplates.entries()) {
    for (const pair of data.choicePairs.slice(0, config.choice?.pairs ?? 0)) {
      await once(phrased(`pair:${pair.id}`, phrasing), { template: sha256(template), pair }, async () => {
        const result = await choiceProbe(target, template, pair);
        return { value: result.pMisaligned, details: { phrasing, orders: result.orders } };
      });
    }
  }
};

export const runRecognition: ConditionProbeRun = async ({ data, target, recognition }, once) => {
  for (const [phrasing, template] of data.recognitionTemplates.entries()) {
    for (const { source, item } of recognition) {
      await once(phrased(`${source}:${item.sampleId}`, phrasing), { template: sha256(template), answer: sha256(item.answer) }, async () => {
        const result = await recognitionProbe(target, template, item.question, item.answer);
        return { value: result.pYes, details: { source, phrasing, sampleId: item.sampleId, masses: result.masses } };
      });
    }
  }
};

export const runScorePrediction: ConditionProbeRun = async ({ data, target, scorePrediction }, once) => {
  for (const [phrasing, template] of data.scorePredictionTemplates.entries()) {
    for (const item of scorePrediction) {
      await once(phrased(`sample:${item.sampleId}`, phrasing), { template: sha256(template), judgeScore: item.judgeScore }, async () => {
        const text = fillTemplate(template, { question: item.question, answer: item.answer });
        const predicted = await numberAnswer(target, text);
        return { value: predicted.score, details: { phrasing, sampleId: item.sampleId, judgeScore: item.judgeScore, numberMass: predicted.numberMass, nullReason: predicted.nullReason } };
      });
    }
  }
};

export const runLogprobMonitor: ConditionProbeRun = async ({ target, monitor }, once) => {
  for (const item of monitor) {
    await once(`question:${item.questionId}`, { pair: item.pair, messages: item.messages, base: item.baseLogprobs !== null }, async () => {
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
};
