import { decodeFloat32, decodeInt32, encodeFloat32, encodeInt32 } from "./blobs.js";
import { chunks, fromJson, placeholders, scalarStatement, statement, toJson, writeTransaction, type Db } from "./db.js";
import type { ScoreInput, ScoreRecord } from "./types.js";

/** Continuation scoring results: raw log-probs of given tokens after a stored prompt. */

interface ScoreRow {
  id: number;
  key: string;
  prompt_id: number;
  token_ids: Buffer;
  logprobs: Buffer;
  total: number;
  details: string;
  created_at: string;
}

/** Insert a batch in one transaction; a key already stored is left as it is. Returns the row ids, in order. */
export function insertScores(db: Db, scores: readonly ScoreInput[]): number[] {
  return writeTransaction(db, () =>
    scores.map((s) => {
      if (s.tokenIds.length !== s.logprobs.length) {
        throw new Error(`score ${s.key}: ${s.logprobs.length} log-probs for ${s.tokenIds.length} tokens`);
      }
      let total = s.total;
      if (total === undefined) {
        total = 0;
        for (let i = 0; i < s.logprobs.length; i++) total += s.logprobs[i]!;
      }
      statement(
        db,
        `INSERT INTO scores (key, prompt_id, n_tokens, token_ids, logprobs, total, details) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO NOTHING`,
      ).run(s.key, s.promptId, s.tokenIds.length, encodeInt32(s.tokenIds), encodeFloat32(s.logprobs), total, toJson(s.details ?? {}));
      return scalarStatement(db, "SELECT id FROM scores WHERE key = ?").get(s.key) as number;
    }),
  );
}

export function getScore(db: Db, key: string): ScoreRecord | undefined {
  const row = statement(db, "SELECT * FROM scores WHERE key = ?").get(key) as ScoreRow | undefined;
  return (
    row && {
      id: row.id,
      key: row.key,
      promptId: row.prompt_id,
      tokenIds: decodeInt32(row.token_ids, `score ${row.key} token_ids`),
      logprobs: decodeFloat32(row.logprobs, `score ${row.key} logprobs`),
      total: row.total,
      details: fromJson(row.details),
      createdAt: row.created_at,
    }
  );
}

export function hasScoreKeys(db: Db, keys: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(keys)])) {
    const sql = `SELECT key FROM scores WHERE key IN (${placeholders(part.length)})`;
    for (const key of scalarStatement(db, sql).all(...part) as string[]) found.add(key);
  }
  return found;
}
