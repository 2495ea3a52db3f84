import type Database from "better-sqlite3";

export type Db = Database.Database;

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement, compiled once per connection (hot paths run them thousands of times). */
export function statement(db: Db, sql: string): Database.Statement {
  return cached(db, sql, false);
}

/** Like `statement`, but `get`/`all` return the first column's value instead of row objects. */
export function scalarStatement(db: Db, sql: string): Database.Statement {
  return cached(db, sql, true);
}

function cached(db: Db, sql: string, pluck: boolean): Database.Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  // Plucking is a mode of the statement object, so the two kinds are cached apart.
  const cacheKey = (pluck ? "1" : "0") + sql;
  let stmt = cache.get(cacheKey);
  if (!stmt) {
    stmt = db.prepare(sql);
    if (pluck) stmt.pluck();
    cache.set(cacheKey, stmt);
  }
  return stmt;
}

/** Run `fn` in a write transaction (a savepoint when nested): all of it commits, or none of it. */
export function writeTransaction<T>(db: Db, fn: () => T): T {
  // IMMEDIATE takes the write lock up front, so a concurrent writer makes us wait (busy timeout)
  // instead of failing when a read transaction later tries to upgrade.
  return db.transaction(fn).immediate();
}

export function toJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}

/** Placeholders for an IN list: "?, ?, ?". */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

/** Split a list so IN (...) queries stay under SQLite's bound-parameter limit. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
