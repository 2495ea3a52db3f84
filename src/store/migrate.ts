import type Database from "better-sqlite3";
import { EmlabError } from "../errors.js";
import { VERSION } from "../version.js";
import type { Migration } from "./migrations.js";

/**
 * Bring a database to the newest schema the code knows. `PRAGMA user_version` is the schema version
 * (checked on every open, cheaply); `schema_migrations` records which step ran when and by which emlab.
 * Each step and its version bump commit together, so a kill mid-migration leaves the previous version.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[], file: string): void {
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0);
  const start = readVersion(db);
  checkNotNewer(start, latest, file);
  // The common case takes no write lock, so opening never waits behind another process's batch.
  if (start === latest) return;

  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    // IMMEDIATE: two processes opening the same fresh database must not both apply a step;
    // the second waits for the lock and then sees the step done.
    db.transaction(() => {
      const current = readVersion(db);
      checkNotNewer(current, latest, file);
      if (current >= migration.version) return;
      db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version     INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        applied_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        emlab_version TEXT NOT NULL
      ) STRICT`);
      db.exec(migration.sql);
      db.prepare("INSERT INTO schema_migrations (version, name, emlab_version) VALUES (?, ?, ?)").run(
        migration.version,
        migration.name,
        VERSION,
      );
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }).immediate();
  }
}

export function readVersion(db: Database.Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}

function checkNotNewer(current: number, latest: number, file: string): void {
  if (current > latest) {
    throw new EmlabError(
      `${file}: database schema version ${current} is newer than this emlab supports (${latest}); ` +
        `upgrade emlab (this is ${VERSION}) to open it`,
    );
  }
}
