import type { ChatMessage } from "../backend/types.js";
import type { ProbeResultInput } from "../store/index.js";
import { contentKey } from "../util/hash.js";
import type { ProbeConfig } from "./config.js";
import type { ProbeData, ReferencePair } from "./probe-data.js";
import type { ProbeTarget } from "./probe-target.js";
import type { RecognitionSource } from "./recognition.js";
import { PROBES, probeEnabled } from "./registry.js";


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
  let computed = 0;
  const once = async (probe: string, itemKey: string, determinants: unknown, compute: () => Promise<{ value: number | null; details: Record<string, unknown> }>) => {
    const key = contentKey({ runId: job.runId, conditionKey: job.conditionKey, identity: job.identity, probe, itemKey, determinants });
    if (out.has(key)) return;
    const { value, details } = await compute();
    out.write({ key, runId: job.runId, conditionId: job.conditionId, probe, itemKey, value, details });
    computed++;
  };

  for (const probe of PROBES) {
    if (!probe.runOnCondition || !probeEnabled(job.config, probe)) continue;
    await probe.runOnCondition(job, (itemKey, determinants, compute) => once(probe.name, itemKey, determinants, compute));
  }
  return computed;
}

