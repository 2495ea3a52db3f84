import type { EndpointSpec } from "../backend/served/endpoint-spec.js";
import type { ChatMessage, SamplingParams, WeightVariant } from "../backend/types.js";

/**
 * What the runner executes: models, conditions (a model with a weight variant and a prompt prefix)
 * and cells (a question under a condition, with how many samples it needs). Experiment files are
 * expanded into this shape by src/experiment; tests and scripts may build it directly.
 */

export interface RunModel {
  id: string;
  backend: "llama" | "onnx" | "served" | "llama-server";
  path: string;
  contextSize?: number;
  /** Served models: where and how to reach them. */
  endpoint?: EndpointSpec;
}

export interface RunCondition {
  /** Stable content key of the condition within the experiment. */
  key: string;
  label: string;
  modelId: string;
  weights: WeightVariant;
  /** System prompt and in-context turns shared by every question of the condition. */
  prefixMessages: ChatMessage[];
  /** Descriptive metadata stored with the condition (variant id, k, seed, cot, trigger, format, scale…). */
  meta: Record<string, unknown>;
}

export interface RunCell {
  conditionKey: string;
  questionId: string;
  paraphraseIndex: number;
  /** The full chat: prefixMessages followed by the question turn. */
  messages: ChatMessage[];
  samples: number;
}

export interface RunPlan {
  name: string;
  models: RunModel[];
  conditions: RunCondition[];
  cells: RunCell[];
  sampling: SamplingParams;
}
