import type { EndpointSpec } from "../backend/served/endpoint-spec.js";
import { BACKEND_NAMES, type BackendName } from "../backend/types.js";
import { EmlabError } from "../errors.js";

/**
 * What a run and its conditions store, as types with one decoder each: the JSON is checked once,
 * where it leaves the database, and every later step (judge, probes, report, export, viewer) reads
 * typed fields instead of casting. Older records lack newer fields; the decoders give their defaults.
 */

/** Version of the stored experiment record (`formatVersion`); records written before versioning are 1. */
export const EXPERIMENT_RECORD_VERSION = 1;

export interface StoredQuestion {
  id: string;
  type: string;
  paraphrases: string[];
  system: string | null;
  judgePrompts: Record<string, string>;
}

export interface StoredCell {
  conditionKey: string;
  questionId: string;
  paraphraseIndex: number;
  /** The paraphrase as the question file words it: what the judge reads. */
  question: string;
}

export interface StoredJudge {
  backend: BackendName;
  model: string;
  metrics: string[];
  contextSize?: number;
  /** `prompts_from:` the question file whose judge prompts scored every question (file, name, sha256, prompts). */
  promptsFrom?: { file: string; name: string; sha256: string; prompts: Record<string, { template: string; type: string }> };
  /** A served judge's endpoint(s) (backend "served"); API keys are never stored, only the variable's name. */
  endpoint?: EndpointSpec;
}

export interface StoredExperiment {
  formatVersion: number;
  name: string;
  judge: StoredJudge | null;
  /** The `probes:` section as written (validated by src/probes/config.ts). */
  probes: unknown;
  questions: StoredQuestion[];
  cells: StoredCell[];
  [extra: string]: unknown;
}

/** A condition's descriptive metadata (written by src/experiment/expand.ts). */
export interface StoredConditionMeta {
  variantId: string | null;
  /** The variant's `group:` (finetune seeds pooled together), or null. */
  group: string | null;
  k: number | null;
  seed: number | null;
  cot: boolean;
  trigger: string | null;
  triggerExamples: boolean;
  format: string | null;
  loraScale: number | null;
  /** Each stacked adapter as written in the experiment file, with its scale in this condition. */
  adapters: { path: string; scale: number }[];
  checkpointStep: number | null;
  dataset: string | null;
  system: string | null;
  exampleIds: string[];
}

export function decodeStoredExperiment(value: unknown, where: string): StoredExperiment {
  const r = record(value, where);
  const field = fieldReader(r, where);
  return {
    ...r,
    formatVersion: field.number("formatVersion") ?? EXPERIMENT_RECORD_VERSION,
    name: field.string("name") ?? "",
    judge: r.judge == null ? null : decodeJudge(r.judge, `${where}: judge`),
    probes: r.probes ?? null,
    questions: field.list("questions", (q, at) => decodeQuestion(q, at)),
    cells: field.list("cells", (c, at) => decodeCell(c, at)),
  };
}

export function decodeConditionMeta(value: unknown, where: string): StoredConditionMeta {
  const r = record(value, where);
  const f = fieldReader(r, where);
  return {
    ...r,
    variantId: f.string("variantId"),
    group: f.string("group"),
    k: f.number("k"),
    seed: f.number("seed"),
    cot: f.boolean("cot"),
    trigger: f.string("trigger"),
    triggerExamples: f.boolean("triggerExamples"),
    format: f.string("format"),
    loraScale: f.number("loraScale"),
    adapters: f.list("adapters", (a, at) => {
      const ar = fieldReader(record(a, at), at);
      return { path: ar.string("path") ?? "", scale: ar.number("scale") ?? 1 };
    }),
    checkpointStep: f.number("checkpointStep"),
    dataset: f.string("dataset"),
    system: f.string("system"),
    exampleIds: f.list("exampleIds", (id, at) => {
      if (typeof id !== "string") throw new EmlabError(`${at}: expected a string`);
      return id;
    }),
  };
}

function decodeJudge(value: unknown, where: string): StoredJudge {
  const r = record(value, where);
  const f = fieldReader(r, where);
  return {
    ...r,
    backend: backendName(f.string("backend") ?? "llama", where),
    model: f.string("model") ?? "",
    metrics: f.list("metrics", (m, at) => {
      if (typeof m !== "string") throw new EmlabError(`${at}: expected a metric name`);
      return m;
    }),
  };
}

function backendName(value: string, where: string): BackendName {
  if (!(BACKEND_NAMES as readonly string[]).includes(value)) throw new EmlabError(`${where}: unknown engine '${value}' in the stored record`);
  return value as BackendName;
}

function decodeQuestion(value: unknown, where: string): StoredQuestion {
  const r = record(value, where);
  const f = fieldReader(r, where);
  const prompts = r.judgePrompts == null ? {} : record(r.judgePrompts, `${where}.judgePrompts`);
  for (const [metric, prompt] of Object.entries(prompts)) {
    if (typeof prompt !== "string") throw new EmlabError(`${where}.judgePrompts.${metric}: expected a prompt`);
  }
  return {
    id: f.string("id") ?? "",
    type: f.string("type") ?? "free_form_judge_0_100",
    paraphrases: f.list("paraphrases", (p, at) => {
      if (typeof p !== "string") throw new EmlabError(`${at}: expected a paraphrase`);
      return p;
    }),
    system: f.string("system"),
    judgePrompts: prompts as Record<string, string>,
  };
}

function decodeCell(value: unknown, where: string): StoredCell {
  const f = fieldReader(record(value, where), where);
  return { conditionKey: f.string("conditionKey") ?? "", questionId: f.string("questionId") ?? "", paraphraseIndex: f.number("paraphraseIndex") ?? 0, question: f.string("question") ?? "" };
}

function record(value: unknown, where: string): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new EmlabError(`${where}: expected an object in the stored record`);
  return value as Record<string, unknown>;
}

/** Typed reads of optional fields: a missing field is null (or empty), a field of the wrong type is an error naming it. */
function fieldReader(r: Record<string, unknown>, where: string) {
  const wrong = (key: string, what: string) => new EmlabError(`${where}: stored field '${key}' is not ${what}`);
  return {
    string(key: string): string | null {
      const v = r[key];
      if (v == null) return null;
      if (typeof v !== "string") throw wrong(key, "a string");
      return v;
    },
    number(key: string): number | null {
      const v = r[key];
      if (v == null) return null;
      if (typeof v !== "number" || !Number.isFinite(v)) throw wrong(key, "a number");
      return v;
    },
    boolean(key: string): boolean {
      const v = r[key];
      if (v == null) return false;
      if (typeof v !== "boolean") throw wrong(key, "true or false");
      return v;
    },
    list<T>(key: string, item: (value: unknown, at: string) => T): T[] {
      const v = r[key];
      if (v == null) return [];
      if (!Array.isArray(v)) throw wrong(key, "a list");
      return v.map((x, i) => item(x, `${where}.${key}[${i}]`));
    },
  };
}
