import { readFileSync } from "node:fs";
import { basename, extname, resolve } from "node:path";
import { EmlabError } from "../errors.js";
import { loadQuestionSet } from "../questions/load-question-set.js";
import type { DatasetChange, DatasetKind, DatasetRecord, Store } from "../store/index.js";
import { sha256 } from "../util/hash.js";
import { loadChatJsonl } from "./chat-jsonl.js";
import { findShippedDataset } from "./shipped.js";

/**
 * The dataset registry: a validated file recorded under a name in the database, so experiment files
 * can say `dataset: my-set` instead of a path. The hash recorded at import shows later whether the
 * file changed since.
 */

export interface ValidatedDataset {
  path: string;
  kind: DatasetKind;
  sha256: string;
  bytes: number;
  /** Examples (chat JSONL) or questions (EM YAML). */
  rows: number;
}

/** The kind a file is read as, from its extension. */
export function datasetKindOf(path: string): DatasetKind {
  const ext = extname(path).toLowerCase();
  if (ext === ".jsonl") return "chat-jsonl";
  if (ext === ".yaml" || ext === ".yml") return "em-yaml";
  throw new EmlabError(`${path}: unknown dataset type "${ext || "(no extension)"}" (expected .jsonl chat data or .yaml EM questions)`);
}

/** Load and validate (throws EmlabError file:line on the first problem); hash what was validated. */
export function validateDatasetFile(path: string): ValidatedDataset {
  const absolute = resolve(path);
  const kind = datasetKindOf(absolute);
  const rows = kind === "chat-jsonl" ? loadChatJsonl(path).examples.length : loadQuestionSet(path).questions.length;
  const content = readFileSync(absolute);
  return { path: absolute, kind, sha256: sha256(content), bytes: content.length, rows };
}

const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function defaultDatasetName(path: string): string {
  return basename(path, extname(path));
}

/** Throws unless `name` can be used as a dataset name in experiment files. */
export function checkDatasetName(name: string): void {
  if (!NAME_PATTERN.test(name)) {
    throw new EmlabError(`invalid dataset name "${name}" (letters, digits, '.', '_' and '-', starting with a letter or digit)`);
  }
  // A registered name is looked up first: the same name as a shipped set would silently replace it.
  if (findShippedDataset(name)) {
    throw new EmlabError(`dataset name "${name}" is reserved: emlab ships a dataset by that name (choose another with --name)`);
  }
}

/** Validate, then record under `name`: a file that fails validation writes nothing. */
export function importDataset(store: Store, path: string, options: { name?: string } = {}): { dataset: DatasetRecord; change: DatasetChange } {
  const name = options.name ?? defaultDatasetName(path);
  checkDatasetName(name);
  return recordDataset(store, name, validateDatasetFile(path));
}

/** Record an already validated file (lets the CLI validate before it opens or creates a database). */
export function recordDataset(store: Store, name: string, validated: ValidatedDataset): { dataset: DatasetRecord; change: DatasetChange } {
  checkDatasetName(name);
  const { change } = store.upsertDataset({ name, ...validated });
  return { dataset: store.getDataset(name)!, change };
}

/**
 * A dataset name as written in an experiment file → a file path: an imported dataset first, then
 * one shipped with emlab; undefined when neither knows the name. Plugs into the experiment loader's
 * `resolveDatasetName` option.
 */
export function resolveDatasetName(name: string, store?: Store): string | undefined {
  return store?.getDataset(name)?.path ?? findShippedDataset(name)?.path;
}

/** Whether a registered file still has the content it was imported with. */
export function datasetChangedSinceImport(record: DatasetRecord): boolean {
  try {
    return sha256(readFileSync(record.path)) !== record.sha256;
  } catch {
    return true;
  }
}
