import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { EmlabError } from "../errors.js";
import { LATEST_SCHEMA_VERSION, openStore, Store } from "../store/index.js";
import type { Db } from "../store/db.js";

/**
 * The viewer's two handles on one database. Browsing reads through a read-only connection (it can
 * never write, and in WAL mode never blocks a running `emlab run`); label writes go through a
 * separate writable store, opened on the first label, one short transaction each.
 */
export class ViewDb implements Disposable {
  readonly db: Db;
  readonly store: Store;
  private writer: Store | undefined;

  constructor(readonly path: string) {
    if (!existsSync(path)) throw new EmlabError(`${path}: no such database (emlab run EXPERIMENT.yaml --db ${path} creates it)`);
    // Bring an older database to the current schema first (the read-only handle cannot).
    openStore(path).close();
    this.db = new Database(path, { readonly: true, fileMustExist: true });
    this.store = new Store(this.db, path);
    if (this.store.schemaVersion !== LATEST_SCHEMA_VERSION) throw new EmlabError(`${path}: schema version ${this.store.schemaVersion}, expected ${LATEST_SCHEMA_VERSION}`);
  }

  /** The writable store for labels (a busy `emlab run` makes a label wait at most its busy timeout). */
  labelStore(): Store {
    this.writer ??= openStore(this.path, { busyTimeoutMs: 5_000 });
    return this.writer;
  }

  /** Changes whenever another connection (a running `emlab run`, our label writer) commits. */
  dataVersion(): number {
    return this.db.pragma("data_version", { simple: true }) as number;
  }

  close(): void {
    this.writer?.close();
    this.store.close();
  }

  [Symbol.dispose](): void {
    this.close();
  }
}
