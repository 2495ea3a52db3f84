import type { EvalQuestion } from "../questions/types.js";
import type { RunCell, RunCondition, RunPlan } from "../experiment/run-plan.js";
import type { AnswerFormat } from "../variants/answer-format.js";
import type { JudgeSpec, SourceLocation } from "./config-types.js";

/** Descriptive metadata of a condition, stored with it and used to group results. */
export type ConditionMeta = {
  variantId: string;
  /** The variant's `group:`, when it names one (finetune seeds pooled together). */
  group?: string;
  /** Number of in-context examples; null for variants without ICL. */
  k: number | null;
  /** Example-draw seed; null without ICL and for k=0 (no examples, so nothing was drawn). */
  seed: number | null;
  cot: boolean;
  trigger: string | null;
  triggerExamples: boolean;
  format: AnswerFormat | null;
  /** The swept scale of the variant's LoRA adapters (adapters with a fixed scale of their own keep it); null without LoRA. */
  loraScale: number | null;
  /** Each stacked adapter as written in the experiment file, with its scale in this condition. */
  adapters: { path: string; scale: number }[];
  /** Training step of the checkpoint (from `checkpoint-*` patterns); null otherwise. */
  checkpointStep: number | null;
  /** ICL dataset as written in the experiment file; null without ICL. */
  dataset: string | null;
  system: string | null;
  /** Ids of the in-context examples, in prompt order (see src/datasets/chat-jsonl.ts). */
  exampleIds: string[];
};

export interface PlanCondition extends RunCondition {
  meta: ConditionMeta;
  /** The variant entry in the experiment file this condition comes from. */
  source: SourceLocation;
}

export interface PlanCell extends RunCell {
  /** The paraphrase as the question file words it (before trigger, template or CoT request): what the judge reads. */
  question: string;
  /** False when the question's own system prompt replaces the shared prefix's system message. */
  sharesPrefix: boolean;
}

export interface Plan extends RunPlan {
  /** Absolute path of the experiment file. */
  file: string;
  conditions: PlanCondition[];
  cells: PlanCell[];
  /** Every selected question, for the judge step (judge prompts, types). */
  questions: EvalQuestion[];
  judge: JudgeSpec | null;
  probes: unknown;
}
