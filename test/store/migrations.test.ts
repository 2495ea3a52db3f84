import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { EmlabError } from "../../src/errors.js";
import { DEFAULT_DB_PATH, LATEST_SCHEMA_VERSION, openStore } from "../../src/store/index.js";
import { migrate } from "../../src/store/migrate.js";
import { MIGRATIONS } from "../../src/store/migrations.js";
import { createTestRun, tempDir, tempStore } from "./helpers.js";

const TABLES = [
  "adapters",
  "conditions",
  "datasets",
  "judgments",
  "labels",
  "models",
  "probe_results",
  "prompts",
  "run_samples",
  "runs",
  "samples",
  "schema_migrations",
  "scores",
];

function inspect(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return {
      tables: (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[]),
      version: db.pragma("user_version", { simple: true }) as number,
      journal: db.pragma("journal_mode", { simple: true }) as string,
      applied: db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all() as number[],
    };
  } finally {
    db.close();
  }
}

describe("schema migrations", () => {
  it("numbers its steps 1..N without gaps", () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: MIGRATIONS.length }, (_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it("creates every table on an empty database, in WAL mode, creating the folder", () => {
    const path = join(tempDir(), "a", "b", "emlab.db");
    const store = openStore(path);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    store.close();
    const info = inspect(path);
    expect(info.tables).toEqual(TABLES);
    expect(info.version).toBe(LATEST_SCHEMA_VERSION);
    expect(info.journal).toBe("wal");
    expect(info.applied).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("reopens an up-to-date database without changing it", () => {
    const path = join(tempDir(), "emlab.db");
    const first = openStore(path);
    const runId = createTestRun(first);
    first.close();
    for (let i = 0; i < 2; i++) {
      const again = openStore(path);
      expect(again.getRun(runId)?.name).toBe("run");
      again.close();
    }
    expect(inspect(path).applied).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("upgrades an older database, keeping its rows", () => {
    const path = join(tempDir(), "old.db");
    const db = new Database(path);
    migrate(db, MIGRATIONS.slice(0, 1), path);
    db.prepare("INSERT INTO datasets (name, path, kind, sha256, bytes, rows) VALUES ('d', 'd.jsonl', 'chat-jsonl', 'x', 1, 1)").run();
    db.close();
    expect(inspect(path).version).toBe(1);

    const store = openStore(path);
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.getDataset("d")?.rows).toBe(1);
    expect(store.listProbeResults(1)).toEqual([]);
    store.close();
    expect(inspect(path).tables).toEqual(TABLES);
  });

  it("refuses a database written by a newer emlab, naming both versions", () => {
    const path = join(tempDir(), "new.db");
    openStore(path).close();
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`);
    db.close();
    const open = () => openStore(path);
    expect(open).toThrow(EmlabError);
    expect(open).toThrow(new RegExp(`new\\.db: database schema version ${LATEST_SCHEMA_VERSION + 1} is newer .*\\(${LATEST_SCHEMA_VERSION}\\)`));
  });

  it("rolls a failing step back entirely", () => {
    const path = join(tempDir(), "broken.db");
    const db = new Database(path);
    const broken = [...MIGRATIONS, { version: LATEST_SCHEMA_VERSION + 1, name: "bad", sql: "CREATE TABLE extra (x); SELECT * FROM missing_table;" }];
    expect(() => migrate(db, broken, path)).toThrow(/missing_table/);
    expect(db.pragma("user_version", { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'").pluck().get()).toBe(0);
    db.close();
  });

  it("reports a file that is not a database as an input error", () => {
    const path = join(tempDir(), "notes.db");
    writeFileSync(path, "this is not sqlite, just some text that is long enough to have a header ".repeat(10));
    expect(() => openStore(path)).toThrow(EmlabError);
    expect(() => openStore(path)).toThrow(/notes\.db: cannot open as an emlab database/);
  });

  it("opens an in-memory database for throwaway work", () => {
    const store = openStore(":memory:");
    expect(store.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(store.listRuns()).toEqual([]);
    store[Symbol.dispose]();
    expect(() => store.listRuns()).toThrow(/not open/);
  });

  it("turns foreign keys on", () => {
    const store = tempStore();
    expect(() =>
      store.insertSamples([
        {
          key: "k",
          promptId: 999,
          modelId: 999,
          adapters: [],
          params: { temperature: 1, topP: 1, topK: 0, minP: 0, maxTokens: 1, stop: [], seed: 0, topLogprobs: 0 },
          seed: 0,
          sampleIndex: 0,
          sample: {
            text: "",
            tokenIds: new Int32Array(0),
            logprobs: new Float32Array(0),
            topK: 0,
            topIds: new Int32Array(0),
            topLogprobs: new Float32Array(0),
            finishReason: "eos",
          },
        },
      ]),
    ).toThrow(/FOREIGN KEY/);
  });

  it("defaults to results/emlab.db, creating the folder", () => {
    const cwd = process.cwd();
    process.chdir(tempDir());
    try {
      openStore().close();
      expect(DEFAULT_DB_PATH).toBe("results/emlab.db");
      expect(existsSync(join("results", "emlab.db"))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });
});
