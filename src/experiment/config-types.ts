import type { EndpointSpec } from "../backend/served/endpoint-spec.js";
import type { SamplingParams } from "../backend/types.js";
import type { ChatDataset } from "../datasets/chat-jsonl.js";
import type { EvalQuestion, QuestionSet } from "../questions/types.js";
import type { AnswerFormat } from "../variants/answer-format.js";
import type { PromptsFrom } from "../judge/prompt-source.js";

/** A validated experiment file: every path resolved, every dataset and question file loaded. */

export interface SourceLocation {
  file: string;
  line: number | undefined;
}

export interface ModelSpec {
  id: string;
  backend: "llama" | "onnx" | "served" | "llama-server";
  /** Absolute path of the GGUF file or ONNX model directory; for a served model, its label (served:api:name). */
  path: string;
  /** The path as written, relative to the experiment file (used in content keys, so moving a project keeps them). */
  pathAsWritten: string;
  contextSize?: number;
  /** Served models: where and how to reach them. */
  endpoint?: EndpointSpec;
  source: SourceLocation;
}

export interface IclSpec {
  dataset: ChatDataset;
  /** The dataset as written: a path relative to the experiment file or a registered name. */
  datasetAsWritten: string;
  /** Distinct k values, increasing. */
  k: number[];
  /** Distinct example-draw seeds, in file order. */
  seeds: number[];
}

export interface LoraSweepSpec {
  /** Absolute adapter paths (GGUF LoRA files or PEFT folders), stacked in this order. */
  adapters: string[];
  adaptersAsWritten: string[];
  /** The swept scales: one condition per scale. */
  scales: number[];
  /** Per adapter: its own fixed scale, or null for an adapter at the swept scale. */
  fixedScales: (number | null)[];
  /** Where each adapter is written in the experiment file (for errors found when checking it against the models). */
  sources: SourceLocation[];
  /** Ids of the models this LoRA applies to; null for every model. */
  models: string[] | null;
  /** Set when the variant is one checkpoint of a glob (`runs/medical/checkpoint-*`). */
  checkpoint: { pattern: string; name: string; step: number | null } | null;
}

export interface VariantSpec {
  id: string;
  /** `group:` variants with the same group (e.g. finetunes that differ only in their seed) are pooled. */
  group?: string;
  system: string | null;
  icl: IclSpec | null;
  cot: boolean;
  trigger: string | null;
  triggerExamples: boolean;
  format: AnswerFormat | null;
  template: string | null;
  lora: LoraSweepSpec | null;
  source: SourceLocation;
}

export interface QuestionSelection {
  set: QuestionSet;
  /** Selected questions, in file order. */
  questions: EvalQuestion[];
  /** Samples per paraphrase; overrides each question's samples_per_paraphrase. */
  samples: number | null;
  source: SourceLocation;
}

export interface JudgeSpec {
  backend: "llama" | "onnx" | "served" | "llama-server";
  /** Absolute path of the judge model (GGUF file or ONNX directory); for a served judge, its label. */
  model: string;
  /** A served judge: where and how to reach it. */
  endpoint?: EndpointSpec;
  metrics: string[];
  contextSize?: number;
  /** `prompts_from:` a question file whose judge_prompts score every question (named in reports by file and hash). */
  promptsFrom?: PromptsFrom;
}

export interface ExperimentConfig {
  name: string;
  description: string | null;
  /** Absolute path of the experiment file. */
  file: string;
  models: ModelSpec[];
  variants: VariantSpec[];
  questions: QuestionSelection[];
  sampling: SamplingParams;
  judge: JudgeSpec | null;
  /** Persona-probe settings, passed through unchanged (their contents are defined by src/probes). */
  probes: unknown;
}

export interface LoadExperimentOptions {
  /** Map a registered dataset name to a file path; undefined when the name is unknown. */
  resolveDatasetName?: (name: string) => string | undefined;
}
