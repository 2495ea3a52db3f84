import { scalarStatement, statement, type Db } from "./db.js";
import type { LabelInput, LabelRecord, LabelSource } from "./types.js";

/** Labels on samples (e.g. whether a chain of thought voices a persona), by humans or a judge. */

interface LabelRow {
  id: number;
  sample_id: number;
  kind: string;
  source: LabelSource;
  label: string;
  labeler: string;
  created_at: string;
}

/** One label per (sample, kind, source, labeler): labelling again replaces that labeler's earlier label. */
export function addLabel(db: Db, label: LabelInput): number {
  return scalarStatement(
    db,
    `INSERT INTO labels (sample_id, kind, source, label, labeler) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (sample_id, kind, source, labeler)
       DO UPDATE SET label = excluded.label, created_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     RETURNING id`,
  ).get(label.sampleId, label.kind, label.source, label.label, label.labeler) as number;
}

export interface LabelFilter {
  sampleId?: number;
  runId?: number;
  kind?: string;
  source?: LabelSource;
}

export function listLabels(db: Db, filter: LabelFilter = {}): LabelRecord[] {
  const rows = statement(
    db,
    `SELECT * FROM labels
     WHERE (@sampleId IS NULL OR sample_id = @sampleId)
       AND (@runId IS NULL OR sample_id IN (SELECT sample_id FROM run_samples WHERE run_id = @runId))
       AND (@kind IS NULL OR kind = @kind)
       AND (@source IS NULL OR source = @source)
     ORDER BY sample_id, kind, source, labeler`,
  ).all({
    sampleId: filter.sampleId ?? null,
    runId: filter.runId ?? null,
    kind: filter.kind ?? null,
    source: filter.source ?? null,
  }) as LabelRow[];
  return rows.map((row) => ({
    id: row.id,
    sampleId: row.sample_id,
    kind: row.kind,
    source: row.source,
    label: row.label,
    labeler: row.labeler,
    createdAt: row.created_at,
  }));
}
