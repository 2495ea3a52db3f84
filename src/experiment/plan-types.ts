import type { EvalQuestion } from "../questions/types.js";
import type { StoredConditionMeta } from "../store/index.js";
import type { RunCell, RunCondition, RunPlan } from "../experiment/run-plan.js";
import type { AnswerFormat } from "../variants/answer-format.js";
import type { JudgeSpec, SourceLocation } from "./config-types.js";

/**
 * Descriptive metadata of a condition, stored with it and used to group results. The fields and their
 * meaning are the stored record's (src/store/run-record-types.ts); the writer's types are narrower.
 */
export type ConditionMeta = Omit<StoredConditionMeta, "variantId" | "group" | "format"> & {
  variantId: string;
  /** The variant's `group:`, when it names one (finetune seeds pooled together). */
  group?: string;
  format: AnswerFormat | null;
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
