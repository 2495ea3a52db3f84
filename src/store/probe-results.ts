import { fromJson, scalarStatement, statement, toJson, writeTransaction, type Db } from "./db.js";
import type { ProbeResultInput, ProbeResultRecord } from "./types.js";

/** Generic per-item results of persona probes and the log-prob monitor, keyed by content. */

interface ProbeResultRow {
  id: number;
  key: string;
  run_id: number;
  condition_id: number | null;
  probe: string;
  item_key: string;
  value: number | null;
  details: string;
  created_at: string;
}

/** Store a batch in one transaction; a key already stored is left as it is. Returns the row ids, in order. */
export function upsertProbeResults(db: Db, results: readonly ProbeResultInput[]): number[] {
  return writeTransaction(db, () =>
    results.map((r) => {
      statement(
        db,
        `INSERT INTO probe_results (key, run_id, condition_id, probe, item_key, value, details) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO NOTHING`,
      ).run(r.key, r.runId, r.conditionId, r.probe, r.itemKey, r.value, toJson(r.details ?? {}));
      return scalarStatement(db, "SELECT id FROM probe_results WHERE key = ?").get(r.key) as number;
    }),
  );
}

export interface ProbeResultFilter {
  probe?: string;
  conditionId?: number;
}

export function listProbeResults(db: Db, runId: number, filter: ProbeResultFilter = {}): ProbeResultRecord[] {
  const rows = statement(
    db,
    `SELECT * FROM probe_results
     WHERE run_id = @runId AND (@probe IS NULL OR probe = @probe) AND (@conditionId IS NULL OR condition_id = @conditionId)
     ORDER BY probe, condition_id, item_key, id`,
  ).all({ runId, probe: filter.probe ?? null, conditionId: filter.conditionId ?? null }) as ProbeResultRow[];
  return rows.map((row) => ({
    id: row.id,
    key: row.key,
    runId: row.run_id,
    conditionId: row.condition_id,
    probe: row.probe,
    itemKey: row.item_key,
    value: row.value,
    details: fromJson(row.details),
    createdAt: row.created_at,
  }));
}
