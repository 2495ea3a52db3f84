import type { FinishReason } from "../backend/types.js";
import { EmlabError } from "../errors.js";
import { sha256 } from "../util/hash.js";
import { VERSION } from "../version.js";
import { fromJson, scalarStatement, statement, toJson, writeTransaction, type Db } from "./db.js";
import { currentOwner, ownerAlive } from "./run-owner.js";
import { decodeConditionMeta, decodeStoredExperiment } from "./run-record-types.js";
import type { ConditionInput, ConditionRecord, RunInput, RunRecord, RunStatus, RunSummary, StoredRunStatus } from "./types.js";

/** Runs (one execution of an experiment file) and their conditions. */

interface RunRow {
  id: number;
  name: string;
  experiment: string;
  experiment_text: string;
  experiment_path: string | null;
  experiment_sha256: string;
  emlab_version: string;
  engine_settings: string;
  planned_samples: number | null;
  status: StoredRunStatus;
  owner_pid: number | null;
  owner_host: string | null;
  error: string | null;
  created_at: string;
  updated_at: string;
}

export function createRun(db: Db, run: RunInput): number {
  const owner = currentOwner();
  return scalarStatement(
    db,
    `INSERT INTO runs (name, experiment, experiment_text, experiment_path, experiment_sha256, emlab_version,
       engine_settings, planned_samples, owner_pid, owner_host) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).get(
    run.name,
    toJson(run.experiment.parsed),
    run.experiment.text,
    run.experiment.path ?? null,
    sha256(run.experiment.text),
    run.emlabVersion ?? VERSION,
    toJson(run.engineSettings ?? {}),
    run.plannedSamples ?? null,
    owner.pid,
    owner.host,
  ) as number;
}

/**
 * Start a run, or resume the run of the same experiment (same name and file hash), as this process's
 * own, in one write transaction: two `emlab run` on one database cannot both start. A database where
 * another live process is running a run is busy: that is an error, not a second worker.
 */
export function startRun(db: Db, file: string, run: RunInput): { runId: number; resumed: boolean } {
  return writeTransaction(db, () => {
    const owned = statement(db, "SELECT id, name, owner_pid, owner_host FROM runs WHERE status = 'running' AND owner_pid IS NOT NULL").all() as Pick<
      RunRow,
      "id" | "name" | "owner_pid" | "owner_host"
    >[];
    for (const other of owned) {
      const owner = { pid: other.owner_pid!, host: other.owner_host ?? "" };
      if (!ownerAlive(owner)) continue;
      throw new EmlabError(
        `${file}: busy: run ${other.id} (${other.name}) is being run by process ${owner.pid} on ${owner.host}; ` +
          `wait for it to finish (emlab runs shows it), or use another --db`,
      );
    }
    const previous = scalarStatement(db, "SELECT id FROM runs WHERE name = ? AND experiment_sha256 = ? ORDER BY id DESC LIMIT 1").get(
      run.name,
      sha256(run.experiment.text),
    ) as number | undefined;
    if (previous === undefined) return { runId: createRun(db, run), resumed: false };
    const owner = currentOwner();
    statement(
      db,
      `UPDATE runs SET status = 'running', error = NULL, owner_pid = ?, owner_host = ?,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
    ).run(owner.pid, owner.host, previous);
    return { runId: previous, resumed: true };
  });
}

export function getRun(db: Db, id: number): RunRecord | undefined {
  const row = statement(db, "SELECT * FROM runs WHERE id = ?").get(id) as RunRow | undefined;
  return row && runRecord(row);
}

export interface RunListFilter {
  name?: string;
  experimentSha256?: string;
  status?: RunStatus;
}

/** Runs, newest first, each with how far it got: conditions, linked samples, finish reasons, judged samples. */
export function listRuns(db: Db, filter: RunListFilter = {}): RunSummary[] {
  const rows = statement(
    db,
    `SELECT r.*,
       (SELECT COUNT(*) FROM conditions c WHERE c.run_id = r.id) AS n_conditions,
       (SELECT COUNT(*) FROM run_samples rs WHERE rs.run_id = r.id) AS n_samples,
       (SELECT COUNT(DISTINCT rs.sample_id) FROM run_samples rs
          WHERE rs.run_id = r.id AND EXISTS (SELECT 1 FROM judgments j WHERE j.sample_id = rs.sample_id)) AS n_judged
     FROM runs r
     WHERE (@name IS NULL OR r.name = @name)
       AND (@sha IS NULL OR r.experiment_sha256 = @sha)
     ORDER BY r.id DESC`,
  ).all({ name: filter.name ?? null, sha: filter.experimentSha256 ?? null }) as (RunRow & {
    n_conditions: number;
    n_samples: number;
    n_judged: number;
  })[];
  const reasons = statement(
    db,
    `SELECT rs.run_id AS run_id, s.finish_reason AS finish_reason, COUNT(*) AS n
     FROM run_samples rs JOIN samples s ON s.id = rs.sample_id GROUP BY rs.run_id, s.finish_reason`,
  ).all() as { run_id: number; finish_reason: FinishReason; n: number }[];
  const reasonsByRun = new Map<number, Record<FinishReason, number>>();
  for (const r of reasons) {
    let counts = reasonsByRun.get(r.run_id);
    if (!counts) reasonsByRun.set(r.run_id, (counts = { eos: 0, stop: 0, length: 0 }));
    counts[r.finish_reason] = r.n;
  }
  const summaries = rows.map((row) => ({
    ...runRecord(row),
    conditions: row.n_conditions,
    samples: row.n_samples,
    finishReasons: reasonsByRun.get(row.id) ?? { eos: 0, stop: 0, length: 0 },
    judgedSamples: row.n_judged,
  }));
  // The status of a run can depend on whether its process still lives, so it is filtered here.
  return filter.status ? summaries.filter((r) => r.status === filter.status) : summaries;
}

/** Mark a run complete or failed (with the error that stopped it); a finished run has no owner. */
export function setRunStatus(db: Db, id: number, status: Exclude<StoredRunStatus, "running">, error: string | null = null): void {
  const changed = statement(
    db,
    `UPDATE runs SET status = ?, error = ?, owner_pid = NULL, owner_host = NULL,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(status, error, id).changes;
  if (changed === 0) throw new EmlabError(`no run with id ${id}`);
}

/** Record the engine settings a run actually used (known only once its models are loaded). */
export function setRunEngineSettings(db: Db, id: number, engineSettings: Record<string, unknown>): void {
  const changed = statement(
    db,
    `UPDATE runs SET engine_settings = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
  ).run(toJson(engineSettings), id).changes;
  if (changed === 0) throw new EmlabError(`no run with id ${id}`);
}

/** A "running" run whose process is gone was interrupted (Ctrl-C, kill -9, a crash). */
function ownership(row: RunRow): Pick<RunRecord, "status" | "owner"> {
  const owner = row.owner_pid === null ? null : { pid: row.owner_pid, host: row.owner_host ?? "" };
  if (row.status !== "running") return { status: row.status, owner: null };
  return owner && ownerAlive(owner) ? { status: "running", owner } : { status: "interrupted", owner: null };
}

function runRecord(row: RunRow): RunRecord {
  return {
    id: row.id,
    name: row.name,
    experiment: decodeStoredExperiment(fromJson(row.experiment), `run ${row.id} (${row.name}): experiment`),
    experimentText: row.experiment_text,
    experimentPath: row.experiment_path,
    experimentSha256: row.experiment_sha256,
    emlabVersion: row.emlab_version,
    engineSettings: fromJson(row.engine_settings),
    plannedSamples: row.planned_samples,
    ...ownership(row),
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

interface ConditionRow {
  id: number;
  run_id: number;
  key: string;
  model_id: number;
  model_ref: string;
  label: string;
  variant: string;
  prefix_messages: string;
  adapters: string;
}

/** A condition is identified by its key within the run; storing it again returns the existing row. */
export function upsertCondition(db: Db, runId: number, condition: ConditionInput): number {
  return writeTransaction(db, () => {
    const existing = scalarStatement(db, "SELECT id FROM conditions WHERE run_id = ? AND key = ?").get(runId, condition.key) as
      | number
      | undefined;
    if (existing !== undefined) return existing;
    const adapters = condition.adapters.map((a) => {
      const adapterId = scalarStatement(db, "SELECT id FROM adapters WHERE sha256 = ?").get(a.sha256) as number | undefined;
      if (adapterId === undefined) throw new Error(`condition ${condition.key}: adapter ${a.sha256} is not in the store`);
      return { adapterId, sha256: a.sha256, scale: a.scale };
    });
    return scalarStatement(
      db,
      `INSERT INTO conditions (run_id, key, model_id, model_ref, label, variant, prefix_messages, adapters)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ).get(
      runId,
      condition.key,
      condition.modelDbId,
      condition.modelId,
      condition.label,
      toJson(condition.meta),
      toJson(condition.prefixMessages),
      toJson(adapters),
    ) as number;
  });
}

export function listConditions(db: Db, runId: number): ConditionRecord[] {
  return (statement(db, "SELECT * FROM conditions WHERE run_id = ? ORDER BY id").all(runId) as ConditionRow[]).map(
    conditionRecord,
  );
}

export function getCondition(db: Db, id: number): ConditionRecord | undefined {
  const row = statement(db, "SELECT * FROM conditions WHERE id = ?").get(id) as ConditionRow | undefined;
  return row && conditionRecord(row);
}

function conditionRecord(row: ConditionRow): ConditionRecord {
  return {
    id: row.id,
    runId: row.run_id,
    key: row.key,
    label: row.label,
    modelRef: row.model_ref,
    modelId: row.model_id,
    adapters: fromJson(row.adapters),
    prefixMessages: fromJson(row.prefix_messages),
    variant: decodeConditionMeta(fromJson(row.variant), `run ${row.run_id}: condition ${row.key}`),
  };
}
