import { decodeFloat32, decodeInt32, encodeFloat32, encodeInt32 } from "./blobs.js";
import { chunks, fromJson, placeholders, scalarStatement, statement, toJson, writeTransaction, type Db } from "./db.js";
import type { SampleInput, SampleOutput, SampleRecord } from "./types.js";

/**
 * Generated samples, keyed by everything that determines them. Rows are shared between runs:
 * a run refers to them through run_samples (see run-samples.ts).
 */

export interface SampleRow {
  id: number;
  key: string;
  prompt_id: number;
  model_id: number;
  adapters: string;
  params: string;
  seed: number;
  sample_index: number;
  text: string;
  n_tokens: number;
  token_ids: Buffer;
  logprobs: Buffer;
  top_k: number;
  top_ids: Buffer;
  top_logprobs: Buffer;
  finish_reason: SampleOutput["finishReason"];
  created_at: string;
}

/** Insert a batch in one transaction; a key already stored is left as it is. Returns the row ids, in order. */
export function insertSamples(db: Db, rows: readonly SampleInput[]): number[] {
  for (const row of rows) checkShape(row);
  return writeTransaction(db, () =>
    rows.map((row) => {
      const s = row.sample;
      statement(
        db,
        `INSERT INTO samples (key, prompt_id, model_id, adapters, params, seed, sample_index, text, n_tokens,
           token_ids, logprobs, top_k, top_ids, top_logprobs, finish_reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (key) DO NOTHING`,
      ).run(
        row.key,
        row.promptId,
        row.modelId,
        toJson(row.adapters.map((a) => ({ sha256: a.sha256, scale: a.scale }))),
        toJson(row.params),
        row.seed,
        row.sampleIndex,
        s.text,
        s.tokenIds.length,
        encodeInt32(s.tokenIds),
        encodeFloat32(s.logprobs),
        s.topK,
        encodeInt32(s.topIds),
        encodeFloat32(s.topLogprobs),
        s.finishReason,
      );
      return scalarStatement(db, "SELECT id FROM samples WHERE key = ?").get(row.key) as number;
    }),
  );
}

function checkShape(row: SampleInput): void {
  const s = row.sample;
  const n = s.tokenIds.length;
  const problem =
    s.logprobs.length !== n
      ? `${s.logprobs.length} log-probs for ${n} tokens`
      : !Number.isInteger(s.topK) || s.topK < 0
        ? `top-K ${s.topK} is not a count`
        : s.topIds.length !== n * s.topK || s.topLogprobs.length !== n * s.topK
          ? `top-K arrays of ${s.topIds.length}/${s.topLogprobs.length} values for ${n} tokens × K=${s.topK}`
          : undefined;
  if (problem) throw new Error(`sample ${row.key}: ${problem}`);
}

/** Which of these sample keys are already stored (a resumed run generates only the others). */
export function hasSampleKeys(db: Db, keys: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (const part of chunks([...new Set(keys)])) {
    const sql = `SELECT key FROM samples WHERE key IN (${placeholders(part.length)})`;
    for (const key of scalarStatement(db, sql).all(...part) as string[]) found.add(key);
  }
  return found;
}

export function getSample(db: Db, by: { id: number } | { key: string }): SampleRecord | undefined {
  const row = (
    "id" in by
      ? statement(db, "SELECT * FROM samples WHERE id = ?").get(by.id)
      : statement(db, "SELECT * FROM samples WHERE key = ?").get(by.key)
  ) as SampleRow | undefined;
  return row && sampleRecord(row);
}

export function sampleRecord(row: SampleRow): SampleRecord {
  return {
    id: row.id,
    key: row.key,
    promptId: row.prompt_id,
    modelId: row.model_id,
    adapters: fromJson(row.adapters),
    params: fromJson(row.params),
    seed: row.seed,
    sampleIndex: row.sample_index,
    text: row.text,
    ...sampleTokens(row),
    finishReason: row.finish_reason,
    createdAt: row.created_at,
  };
}

export function sampleTokens(
  row: Pick<SampleRow, "key" | "token_ids" | "logprobs" | "top_k" | "top_ids" | "top_logprobs">,
): Pick<SampleOutput, "tokenIds" | "logprobs" | "topK" | "topIds" | "topLogprobs"> {
  const what = `sample ${row.key}`;
  return {
    tokenIds: decodeInt32(row.token_ids, `${what} token_ids`),
    logprobs: decodeFloat32(row.logprobs, `${what} logprobs`),
    topK: row.top_k,
    topIds: decodeInt32(row.top_ids, `${what} top_ids`),
    topLogprobs: decodeFloat32(row.top_logprobs, `${what} top_logprobs`),
  };
}
