import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { EmlabError } from "../errors.js";
import * as catalog from "./catalog.js";
import { writeTransaction, type Db } from "./db.js";
import * as judgments from "./judgments.js";
import * as labels from "./labels.js";
import { migrate, readVersion } from "./migrate.js";
import { MIGRATIONS } from "./migrations.js";
import * as probeResults from "./probe-results.js";
import * as prompts from "./prompts.js";
import * as runSamples from "./run-samples.js";
import * as runs from "./runs.js";
import * as samples from "./samples.js";
import * as scores from "./scores.js";
import type {
  AdapterInput,
  AdapterRecord,
  ConditionInput,
  ConditionRecord,
  DatasetInput,
  DatasetRecord,
  JudgmentInput,
  JudgmentRecord,
  LabelInput,
  LabelRecord,
  ModelInput,
  ModelRecord,
  PromptInput,
  PromptRecord,
  ProbeResultInput,
  ProbeResultRecord,
  RunInput,
  RunRecord,
  RunSampleFilter,
  RunSampleLink,
  RunSampleRow,
  StoredRunStatus,
  RunSummary,
  SampleInput,
  SampleRecord,
  ScoreInput,
  ScoreRecord,
} from "./types.js";

/** Where emlab keeps its results unless told otherwise. */
export const DEFAULT_DB_PATH = "results/emlab.db";

export interface OpenStoreOptions {
  /** How long a write waits for another process's transaction to finish, in ms (default 30 s). */
  busyTimeoutMs?: number;
}

/**
 * Open (creating, or upgrading to the current schema) an emlab database. WAL journaling and a
 * transaction per batch mean a process killed at any moment leaves the database consistent, with
 * every batch either fully written or absent; several processes may read and write it at once.
 */
export function openStore(path: string = DEFAULT_DB_PATH, options: OpenStoreOptions = {}): Store {
  const inMemory = path === ":memory:" || path === "";
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path, { timeout: options.busyTimeoutMs ?? 30_000 });
  try {
    configure(db, path, inMemory);
    migrate(db, MIGRATIONS, path);
  } catch (error) {
    db.close();
    if (error instanceof EmlabError) throw error;
    throw new EmlabError(`${path}: cannot open as an emlab database: ${(error as Error).message}`, { cause: error });
  }
  return new Store(db, path);
}

function configure(db: Db, path: string, inMemory: boolean): void {
  const mode = db.pragma("journal_mode = WAL", { simple: true }) as string;
  if (!inMemory && mode !== "wal") throw new EmlabError(`${path}: cannot switch to WAL journaling (got ${mode})`);
  // NORMAL is safe against process crashes in WAL mode; only a power loss can drop the last commits.
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
}

/** The typed face of the database: every read and write emlab does goes through these methods. */
export class Store implements Disposable {
  constructor(
    private readonly db: Db,
    readonly path: string,
  ) {}

  get schemaVersion(): number {
    return readVersion(this.db);
  }

  /** Run `fn` in one write transaction (a savepoint when nested): all of its writes commit, or none. */
  transaction<T>(fn: () => T): T {
    return writeTransaction(this.db, fn);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }

  // Models, adapters, datasets
  upsertModel(model: ModelInput): number {
    return catalog.upsertModel(this.db, model);
  }
  getModel(by: { id: number } | { sha256: string }): ModelRecord | undefined {
    return catalog.getModel(this.db, by);
  }
  listModels(): ModelRecord[] {
    return catalog.listModels(this.db);
  }
  upsertAdapter(adapter: AdapterInput): number {
    return catalog.upsertAdapter(this.db, adapter);
  }
  getAdapter(by: { id: number } | { sha256: string }): AdapterRecord | undefined {
    return catalog.getAdapter(this.db, by);
  }
  upsertDataset(dataset: DatasetInput): { id: number; change: catalog.DatasetChange } {
    return catalog.upsertDataset(this.db, dataset);
  }
  getDataset(name: string): DatasetRecord | undefined {
    return catalog.getDataset(this.db, name);
  }
  listDatasets(): DatasetRecord[] {
    return catalog.listDatasets(this.db);
  }

  // Runs and conditions
  createRun(run: RunInput): number {
    return runs.createRun(this.db, run);
  }
  getRun(id: number): RunRecord | undefined {
    return runs.getRun(this.db, id);
  }
  /** Start or resume (same experiment) a run as this process's own; a database busy with another live run refuses. */
  startRun(run: RunInput): { runId: number; resumed: boolean } {
    return runs.startRun(this.db, this.path, run);
  }
  listRuns(filter?: runs.RunListFilter): RunSummary[] {
    return runs.listRuns(this.db, filter);
  }
  setRunStatus(id: number, status: Exclude<StoredRunStatus, "running">, error?: string | null): void {
    runs.setRunStatus(this.db, id, status, error);
  }
  setRunEngineSettings(id: number, engineSettings: Record<string, unknown>): void {
    runs.setRunEngineSettings(this.db, id, engineSettings);
  }
  upsertCondition(runId: number, condition: ConditionInput): number {
    return runs.upsertCondition(this.db, runId, condition);
  }
  getCondition(id: number): ConditionRecord | undefined {
    return runs.getCondition(this.db, id);
  }
  listConditions(runId: number): ConditionRecord[] {
    return runs.listConditions(this.db, runId);
  }

  // Prompts and samples
  upsertPrompt(prompt: PromptInput): number {
    return prompts.upsertPrompt(this.db, prompt);
  }
  getPrompt(by: { id: number } | { key: string }): PromptRecord | undefined {
    return prompts.getPrompt(this.db, by);
  }
  insertSamples(rows: readonly SampleInput[]): number[] {
    return samples.insertSamples(this.db, rows);
  }
  hasSampleKeys(keys: readonly string[]): Set<string> {
    return samples.hasSampleKeys(this.db, keys);
  }
  getSample(id: number): SampleRecord | undefined {
    return samples.getSample(this.db, { id });
  }
  getSampleByKey(key: string): SampleRecord | undefined {
    return samples.getSample(this.db, { key });
  }
  linkRunSamples(links: readonly RunSampleLink[]): void {
    runSamples.linkRunSamples(this.db, links);
  }
  listRunSamples(runId: number, filter?: RunSampleFilter): RunSampleRow[] {
    return runSamples.listRunSamples(this.db, runId, filter);
  }

  // Judgments, scores, probes, labels
  upsertJudgments(rows: readonly JudgmentInput[]): number[] {
    return judgments.upsertJudgments(this.db, rows);
  }
  getJudgments(of: { runId: number } | { sampleIds: readonly number[] }, filter?: judgments.JudgmentFilter): JudgmentRecord[] {
    return judgments.getJudgments(this.db, of, filter);
  }
  judgedSampleIds(sampleIds: readonly number[], judge: { metric: string; judgeModelId: number; promptSha: string }): Set<number> {
    return judgments.judgedSampleIds(this.db, sampleIds, judge);
  }
  insertScores(rows: readonly ScoreInput[]): number[] {
    return scores.insertScores(this.db, rows);
  }
  getScore(key: string): ScoreRecord | undefined {
    return scores.getScore(this.db, key);
  }
  hasScoreKeys(keys: readonly string[]): Set<string> {
    return scores.hasScoreKeys(this.db, keys);
  }
  upsertProbeResults(rows: readonly ProbeResultInput[]): number[] {
    return probeResults.upsertProbeResults(this.db, rows);
  }
  listProbeResults(runId: number, filter?: probeResults.ProbeResultFilter): ProbeResultRecord[] {
    return probeResults.listProbeResults(this.db, runId, filter);
  }
  addLabel(label: LabelInput): number {
    return labels.addLabel(this.db, label);
  }
  listLabels(filter?: labels.LabelFilter): LabelRecord[] {
    return labels.listLabels(this.db, filter);
  }
}
