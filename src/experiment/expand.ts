import type { ChatMessage } from "../backend/types.js";
import type { ChatExample } from "../datasets/chat-jsonl.js";
import type { RunModel } from "../experiment/run-plan.js";
import { contentKey } from "../util/hash.js";
import { examplePermutation } from "../variants/icl-draw.js";
import { loraWeights } from "../variants/lora-sweep.js";
import { prefixMessages, questionMessages, questionTurn, type PromptVariant } from "../variants/prompt-variant.js";
import type { ExperimentConfig, ModelSpec, VariantSpec } from "./config-types.js";
import type { Plan, PlanCell, PlanCondition } from "./plan-types.js";

/**
 * Expand a validated experiment into the runner's plan: conditions = models × variants × LoRA
 * scales × seeds × k, and one cell per condition × question × paraphrase.
 *
 * Order: within a variant, each seed's k values come together and increasing, so consecutive
 * conditions extend one growing prefix. k=0 has no examples whatever the seed, so it is one
 * condition (seed null): per-seed copies would have identical prompts and hence identical samples.
 */
export function expandExperiment(config: ExperimentConfig): Plan {
  const conditions: PlanCondition[] = [];
  const cells: PlanCell[] = [];
  const multipleModels = config.models.length > 1;
  for (const model of config.models) {
    for (const variant of config.variants) {
      for (const condition of variantConditions(model, variant, multipleModels)) {
        conditions.push(condition.condition);
        cells.push(...conditionCells(config, condition.condition, condition.prompt));
      }
    }
  }
  const keys = new Set<string>();
  for (const condition of conditions) {
    // Distinct variant ids make keys distinct; a clash would mean two conditions merge in the store.
    if (keys.has(condition.key)) throw new Error(`internal: two conditions share the key of "${condition.label}"`);
    keys.add(condition.key);
  }
  return {
    name: config.name,
    file: config.file,
    models: config.models.map(runModel),
    conditions,
    cells,
    sampling: { ...config.sampling, stop: [...config.sampling.stop] },
    questions: config.questions.flatMap((s) => s.questions),
    judge: config.judge,
    probes: config.probes,
  };
}

interface ConditionDraft {
  condition: PlanCondition;
  prompt: PromptVariant;
}

function variantConditions(model: ModelSpec, variant: VariantSpec, multipleModels: boolean): ConditionDraft[] {
  if (variant.lora?.models && !variant.lora.models.includes(model.id)) return [];
  const scales: (number | null)[] = variant.lora ? variant.lora.scales : [null];
  const draws = exampleDraws(variant);
  return scales.flatMap((scale) => draws.map((draw) => buildCondition(model, variant, scale, draw, multipleModels)));
}

interface Draw {
  k: number | null;
  seed: number | null;
  examples: ChatExample[];
}

function exampleDraws(variant: VariantSpec): Draw[] {
  const icl = variant.icl;
  if (!icl) return [{ k: null, seed: null, examples: [] }];
  const draws: Draw[] = [];
  if (icl.k.includes(0)) draws.push({ k: 0, seed: null, examples: [] });
  const positive = icl.k.filter((k) => k > 0);
  if (positive.length === 0) return draws;
  const items = icl.dataset.examples;
  for (const seed of icl.seeds) {
    const order = examplePermutation(items.length, seed);
    for (const k of positive) draws.push({ k, seed, examples: order.slice(0, k).map((i) => items[i]!) });
  }
  return draws;
}

function buildCondition(model: ModelSpec, variant: VariantSpec, scale: number | null, draw: Draw, multipleModels: boolean): ConditionDraft {
  const prompt: PromptVariant = {
    system: variant.system,
    examples: draw.examples.map((e) => e.messages),
    cot: variant.cot,
    trigger: variant.trigger,
    triggerExamples: variant.triggerExamples,
    format: variant.format,
    template: variant.template,
  };
  const lora = variant.lora;
  const weights = lora && scale !== null ? loraWeights(lora.adapters, scale, lora.fixedScales) : { lora: [] };
  // Written paths, not absolute ones, so a project moved elsewhere keeps its keys.
  const written = lora && scale !== null ? loraWeights(lora.adaptersAsWritten, scale, lora.fixedScales).lora : [];
  const prefix = prefixMessages(prompt);
  const key = contentKey({
    model: { id: model.id, backend: model.backend, path: model.pathAsWritten },
    variant: variant.id,
    lora: written,
    prefix,
    question: { cot: prompt.cot, trigger: prompt.trigger, format: prompt.format, template: prompt.template },
  });
  const condition: PlanCondition = {
    key,
    label: conditionLabel(multipleModels ? model.id : null, variant.id, draw, scale),
    modelId: model.id,
    weights,
    prefixMessages: prefix,
    meta: {
      variantId: variant.id,
      ...(variant.group === undefined ? {} : { group: variant.group }),
      k: draw.k,
      seed: draw.seed,
      cot: variant.cot,
      trigger: variant.trigger,
      triggerExamples: variant.triggerExamples,
      format: variant.format,
      loraScale: scale,
      adapters: written,
      checkpointStep: lora?.checkpoint?.step ?? null,
      dataset: variant.icl?.datasetAsWritten ?? null,
      system: variant.system,
      exampleIds: draw.examples.map((e) => e.id),
    },
    source: variant.source,
  };
  return { condition, prompt };
}

/** `risky k=16 seed=1`, `lora scale=0.5`, prefixed with the model id when there are several models. */
export function conditionLabel(modelId: string | null, variantId: string, draw: { k: number | null; seed: number | null }, scale: number | null): string {
  const parts = [modelId === null ? variantId : `${modelId}/${variantId}`];
  if (draw.k !== null) parts.push(`k=${draw.k}`);
  if (draw.seed !== null) parts.push(`seed=${draw.seed}`);
  if (scale !== null) parts.push(`scale=${scale}`);
  return parts.join(" ");
}

function conditionCells(config: ExperimentConfig, condition: PlanCondition, prompt: PromptVariant): PlanCell[] {
  const cells: PlanCell[] = [];
  for (const selection of config.questions) {
    for (const question of selection.questions) {
      // Validation guarantees one of the two is set.
      const samples = selection.samples ?? question.samplesPerParaphrase!;
      question.paraphrases.forEach((paraphrase, paraphraseIndex) => {
        // Cells of one condition share the prefix's message objects: plans with long prefixes stay small.
        const { messages, sharesPrefix } =
          question.system === null
            ? { messages: [...condition.prefixMessages, { role: "user" as const, content: questionTurn(prompt, paraphrase) }], sharesPrefix: true }
            : questionMessages(prompt, paraphrase, question.system);
        cells.push({ conditionKey: condition.key, questionId: question.id, paraphraseIndex, messages, samples, question: paraphrase, sharesPrefix });
      });
    }
  }
  return cells;
}

function runModel(model: ModelSpec): RunModel {
  return {
    id: model.id,
    backend: model.backend,
    path: model.path,
    ...(model.contextSize === undefined ? {} : { contextSize: model.contextSize }),
    ...(model.endpoint ? { endpoint: model.endpoint } : {}),
  };
}

/** True when `prefix` is, message for message, the start of `messages`. */
export function startsWithMessages(messages: readonly ChatMessage[], prefix: readonly ChatMessage[]): boolean {
  return prefix.length <= messages.length && prefix.every((m, i) => messages[i]!.role === m.role && messages[i]!.content === m.content);
}
