import { scalarStatement, statement, fromJson, toJson, writeTransaction, type Db } from "./db.js";
import type {
  AdapterInput,
  AdapterRecord,
  DatasetInput,
  DatasetRecord,
  ModelInput,
  ModelRecord,
} from "./types.js";

/** Models, adapters and imported datasets: the things runs refer to. */

interface ModelRow {
  id: number;
  path: string;
  sha256: string;
  backend: string;
  architecture: string;
  name: string;
  metadata: string;
  created_at: string;
}

/** A model is its file hash: the same weights at another path are the same row (the first path is kept). */
export function upsertModel(db: Db, model: ModelInput): number {
  const { path: _path, sha256: _sha, architecture, name, ...metadata } = model.info;
  statement(
    db,
    `INSERT INTO models (path, sha256, backend, architecture, name, metadata) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (sha256) DO NOTHING`,
  ).run(model.path, model.sha256, model.backend, architecture, name, toJson(metadata));
  return scalarStatement(db, "SELECT id FROM models WHERE sha256 = ?").get(model.sha256) as number;
}

export function getModel(db: Db, by: { id: number } | { sha256: string }): ModelRecord | undefined {
  const row = (
    "id" in by
      ? statement(db, "SELECT * FROM models WHERE id = ?").get(by.id)
      : statement(db, "SELECT * FROM models WHERE sha256 = ?").get(by.sha256)
  ) as ModelRow | undefined;
  return row && modelRecord(row);
}

export function listModels(db: Db): ModelRecord[] {
  return (statement(db, "SELECT * FROM models ORDER BY id").all() as ModelRow[]).map(modelRecord);
}

function modelRecord(row: ModelRow): ModelRecord {
  return {
    id: row.id,
    path: row.path,
    sha256: row.sha256,
    backend: row.backend,
    architecture: row.architecture,
    name: row.name,
    metadata: fromJson(row.metadata),
    createdAt: row.created_at,
  };
}

interface AdapterRow {
  id: number;
  path: string;
  sha256: string;
  metadata: string;
  created_at: string;
}

export function upsertAdapter(db: Db, adapter: AdapterInput): number {
  statement(db, "INSERT INTO adapters (path, sha256, metadata) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING").run(
    adapter.path,
    adapter.sha256,
    toJson(adapter.metadata ?? {}),
  );
  return scalarStatement(db, "SELECT id FROM adapters WHERE sha256 = ?").get(adapter.sha256) as number;
}

export function getAdapter(db: Db, by: { id: number } | { sha256: string }): AdapterRecord | undefined {
  const row = (
    "id" in by
      ? statement(db, "SELECT * FROM adapters WHERE id = ?").get(by.id)
      : statement(db, "SELECT * FROM adapters WHERE sha256 = ?").get(by.sha256)
  ) as AdapterRow | undefined;
  return row && { id: row.id, path: row.path, sha256: row.sha256, metadata: fromJson(row.metadata), createdAt: row.created_at };
}

interface DatasetRow {
  id: number;
  name: string;
  path: string;
  kind: DatasetInput["kind"];
  sha256: string;
  bytes: number;
  rows: number;
  imported_at: string;
}

export type DatasetChange = "inserted" | "unchanged" | "updated";

/**
 * Register an imported dataset under its name. Importing the same content again changes nothing;
 * importing different content under an existing name replaces the entry (a re-import).
 */
export function upsertDataset(db: Db, dataset: DatasetInput): { id: number; change: DatasetChange } {
  return writeTransaction(db, () => {
    const existing = statement(db, "SELECT * FROM datasets WHERE name = ?").get(dataset.name) as DatasetRow | undefined;
    if (!existing) {
      const id = scalarStatement(
        db,
        "INSERT INTO datasets (name, path, kind, sha256, bytes, rows) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
      ).get(dataset.name, dataset.path, dataset.kind, dataset.sha256, dataset.bytes, dataset.rows) as number;
      return { id, change: "inserted" };
    }
    const same =
      existing.sha256 === dataset.sha256 && existing.path === dataset.path && existing.kind === dataset.kind;
    if (same) return { id: existing.id, change: "unchanged" };
    statement(
      db,
      `UPDATE datasets SET path = ?, kind = ?, sha256 = ?, bytes = ?, rows = ?,
         imported_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
    ).run(dataset.path, dataset.kind, dataset.sha256, dataset.bytes, dataset.rows, existing.id);
    return { id: existing.id, change: "updated" };
  });
}

export function getDataset(db: Db, name: string): DatasetRecord | undefined {
  const row = statement(db, "SELECT * FROM datasets WHERE name = ?").get(name) as DatasetRow | undefined;
  return row && datasetRecord(row);
}

export function listDatasets(db: Db): DatasetRecord[] {
  return (statement(db, "SELECT * FROM datasets ORDER BY name").all() as DatasetRow[]).map(datasetRecord);
}

function datasetRecord(row: DatasetRow): DatasetRecord {
  return {
    id: row.id,
    name: row.name,
    path: row.path,
    kind: row.kind,
    sha256: row.sha256,
    bytes: row.bytes,
    rows: row.rows,
    importedAt: row.imported_at,
  };
}
