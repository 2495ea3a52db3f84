import { decodeInt32, encodeInt32 } from "./blobs.js";
import { fromJson, scalarStatement, statement, toJson, type Db } from "./db.js";
import type { PromptInput, PromptRecord } from "./types.js";

/** Rendered prompts, keyed by model hash + exact tokens, shared by every sample drawn from them. */

interface PromptRow {
  id: number;
  key: string;
  messages: string;
  rendered_text: string;
  token_ids: Buffer;
}

export function upsertPrompt(db: Db, prompt: PromptInput): number {
  const tokens = encodeInt32(prompt.tokenIds);
  statement(
    db,
    `INSERT INTO prompts (key, messages, rendered_text, token_ids, n_tokens) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (key) DO NOTHING`,
  ).run(prompt.key, toJson(prompt.messages), prompt.renderedText, tokens, tokens.byteLength / 4);
  return scalarStatement(db, "SELECT id FROM prompts WHERE key = ?").get(prompt.key) as number;
}

export function getPrompt(db: Db, by: { id: number } | { key: string }): PromptRecord | undefined {
  const row = (
    "id" in by
      ? statement(db, "SELECT * FROM prompts WHERE id = ?").get(by.id)
      : statement(db, "SELECT * FROM prompts WHERE key = ?").get(by.key)
  ) as PromptRow | undefined;
  return (
    row && {
      id: row.id,
      key: row.key,
      messages: fromJson(row.messages),
      renderedText: row.rendered_text,
      tokenIds: decodeInt32(row.token_ids, "prompt token_ids"),
    }
  );
}
