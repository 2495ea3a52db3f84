import type { StoredConditionMeta, StoredExperiment } from "./run-record-types.js";
import type { ChatMessage, FinishReason, ModelInfo, SamplingParams } from "../backend/types.js";

/** What the store's readers and writers exchange. Ids are SQLite row ids; keys are content keys. */

export interface AdapterRef {
  /** sha256 of the adapter file. */
  sha256: string;
  scale: number;
}

export interface ModelInput {
  path: string;
  sha256: string;
  backend: string;
  /** Architecture and name become columns; the rest of the info is kept as metadata. */
  info: Pick<ModelInfo, "architecture" | "name"> & Partial<ModelInfo>;
}

export interface ModelRecord {
  id: number;
  path: string;
  sha256: string;
  backend: string;
  architecture: string;
  name: string;
  metadata: Record<string, unknown>;
  createdAt: string;
}

export interface AdapterInput {
  path: string;
  sha256: string;
  metadata?: Record<string, unknown>;
}

export interface AdapterRecord {
  id: number;
  path: string;
  sha256: string;
  metadata: Record<string, unknown>;
  createdAt: string;
}

export type DatasetKind = "chat-jsonl" | "em-yaml";

export interface DatasetInput {
  name: string;
  path: string;
  kind: DatasetKind;
  sha256: string;
  bytes: number;
  rows: number;
}

export interface DatasetRecord extends DatasetInput {
  id: number;
  importedAt: string;
}

/** What the database records. */
export type StoredRunStatus = "running" | "complete" | "failed";

/**
 * What a run is: as stored, except that a "running" run whose process is gone (Ctrl-C, kill -9, a
 * crash) is "interrupted" — rerunning the experiment resumes it.
 */
export type RunStatus = StoredRunStatus | "interrupted";

/** The process running a run. */
export interface RunOwner {
  pid: number;
  host: string;
}

export interface RunInput {
  name: string;
  /** The experiment file as parsed, and its exact text (its sha256 identifies the experiment). */
  experiment: { parsed: Partial<StoredExperiment>; text: string; path?: string };
  /** Engine settings per model id (EngineSettings from src/backend); free-form. */
  engineSettings?: Record<string, unknown>;
  plannedSamples?: number;
  /** Defaults to the running emlab's version. */
  emlabVersion?: string;
}

export interface RunRecord {
  id: number;
  name: string;
  /** The experiment as stored, decoded and checked (run-record-types.ts). */
  experiment: StoredExperiment;
  experimentText: string;
  experimentPath: string | null;
  experimentSha256: string;
  emlabVersion: string;
  engineSettings: Record<string, unknown>;
  plannedSamples: number | null;
  status: RunStatus;
  /** The process running it, while it runs. */
  owner: RunOwner | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RunSummary extends RunRecord {
  conditions: number;
  /** Samples linked to the run (done cells), out of plannedSamples when known. */
  samples: number;
  /** Linked samples by how generation ended. */
  finishReasons: Record<FinishReason, number>;
  /** Linked samples with at least one judgment. */
  judgedSamples: number;
}

export interface ConditionInput {
  key: string;
  label: string;
  /** The experiment's model id (e.g. "base"); `modelDbId` is the models row. */
  modelId: string;
  modelDbId: number;
  /** Adapters by file hash; each must have been stored with upsertAdapter. */
  adapters: readonly AdapterRef[];
  prefixMessages: readonly ChatMessage[];
  /** Prompt-level variant description (k, seed, cot, trigger, format…). */
  meta: Record<string, unknown>;
}

export interface ConditionRecord {
  id: number;
  runId: number;
  key: string;
  label: string;
  modelRef: string;
  modelId: number;
  adapters: { adapterId: number; sha256: string; scale: number }[];
  prefixMessages: ChatMessage[];
  /** The condition's metadata, decoded and checked (run-record-types.ts). */
  variant: StoredConditionMeta;
}

export interface PromptInput {
  key: string;
  messages: readonly ChatMessage[];
  renderedText: string;
  tokenIds: Int32Array | readonly number[];
}

export interface PromptRecord {
  id: number;
  key: string;
  messages: ChatMessage[];
  renderedText: string;
  tokenIds: Int32Array;
}

/** The generated part of a sample, as a backend returns it (GeneratedSample fits). */
export interface SampleOutput {
  text: string;
  tokenIds: Int32Array;
  logprobs: Float32Array;
  topK: number;
  topIds: Int32Array;
  topLogprobs: Float32Array;
  finishReason: FinishReason;
}

export interface SampleInput {
  key: string;
  promptId: number;
  modelId: number;
  adapters: readonly AdapterRef[];
  params: SamplingParams;
  seed: number;
  sampleIndex: number;
  sample: SampleOutput;
}

export interface SampleRecord extends SampleOutput {
  id: number;
  key: string;
  promptId: number;
  modelId: number;
  adapters: AdapterRef[];
  params: SamplingParams;
  seed: number;
  sampleIndex: number;
  createdAt: string;
}

export interface RunSampleLink {
  runId: number;
  conditionId: number;
  questionId: string;
  paraphraseIndex: number;
  sampleIndex: number;
  sampleKey: string;
}

export interface RunSampleFilter {
  conditionId?: number;
  conditionKey?: string;
  questionId?: string;
  /** Include token ids, log-probs and top-K arrays (default: text only). */
  withTokens?: boolean;
  limit?: number;
  offset?: number;
}

export interface RunSampleRow {
  sampleId: number;
  sampleKey: string;
  conditionId: number;
  conditionKey: string;
  conditionLabel: string;
  questionId: string;
  paraphraseIndex: number;
  sampleIndex: number;
  promptId: number;
  messages: ChatMessage[];
  modelId: number;
  text: string;
  nTokens: number;
  finishReason: FinishReason;
  /** Present when `withTokens` was asked. */
  tokens?: Pick<SampleOutput, "tokenIds" | "logprobs" | "topK" | "topIds" | "topLogprobs">;
}

export interface JudgmentInput {
  sampleId: number;
  judgeModelId: number;
  metric: string;
  /** sha256 of the judge prompt template. */
  promptSha: string;
  /** P(n) for n = 0..100, renormalised over the numbers. */
  probs: Float32Array | readonly number[];
  numberMass: number;
  labelMasses: Record<string, number>;
  score: number | null;
  nullReason: string | null;
}

export interface JudgmentRecord extends Omit<JudgmentInput, "probs"> {
  id: number;
  probs: Float32Array;
  createdAt: string;
}

export interface ScoreInput {
  key: string;
  promptId: number;
  tokenIds: Int32Array | readonly number[];
  logprobs: Float32Array | readonly number[];
  /** Σ log-probs; computed in double precision when left out. */
  total?: number;
  details?: Record<string, unknown>;
}

export interface ScoreRecord {
  id: number;
  key: string;
  promptId: number;
  tokenIds: Int32Array;
  logprobs: Float32Array;
  total: number;
  details: Record<string, unknown>;
  createdAt: string;
}

export interface ProbeResultInput {
  key: string;
  runId: number;
  conditionId: number | null;
  probe: string;
  itemKey: string;
  value: number | null;
  details?: Record<string, unknown>;
}

export interface ProbeResultRecord extends Required<ProbeResultInput> {
  id: number;
  createdAt: string;
}

export type LabelSource = "human" | "judge";

export interface LabelInput {
  sampleId: number;
  kind: string;
  source: LabelSource;
  label: string;
  labeler: string;
}

export interface LabelRecord extends LabelInput {
  id: number;
  createdAt: string;
}
