import type { ChatMessage, GeneratedSample, ModelInfo, SamplingParams } from "../backend/types.js";
import type { RunCondition } from "./plan-types.js";
import type { AdapterIdentity } from "./sample-key.js";

/** What the runner needs from the database (implemented over src/store). */
export interface RunnerStore {
  upsertModel(model: { path: string; sha256: string; backend: string; info: ModelInfo }): number;
  upsertAdapter(adapter: { path: string; sha256: string }): number;
  upsertCondition(runId: number, condition: RunCondition & { modelDbId: number; adapters: AdapterIdentity[] }): number;
  upsertPrompt(prompt: { key: string; messages: ChatMessage[]; renderedText: string; tokenIds: readonly number[] }): number;
  hasSampleKeys(keys: readonly string[]): Set<string>;
  insertSamples(
    rows: {
      key: string;
      promptId: number;
      modelId: number;
      adapters: AdapterIdentity[];
      params: SamplingParams;
      seed: number;
      sampleIndex: number;
      sample: GeneratedSample;
    }[],
  ): void;
  linkRunSamples(
    links: {
      runId: number;
      conditionId: number;
      questionId: string;
      paraphraseIndex: number;
      sampleIndex: number;
      sampleKey: string;
    }[],
  ): void;
  transaction<T>(fn: () => T): T;
}
