import { fromJson, scalarStatement, statement, writeTransaction, type Db } from "./db.js";
import { sampleTokens, type SampleRow } from "./samples.js";
import type { RunSampleFilter, RunSampleLink, RunSampleRow } from "./types.js";

/** Links from a run's planned cells (condition × question × paraphrase × sample index) to stored samples. */

/**
 * Link a batch in one transaction. Linking a cell again to the same sample is a no-op (resume);
 * linking it to a different sample means the plan changed under the same run, which is refused.
 */
export function linkRunSamples(db: Db, links: readonly RunSampleLink[]): void {
  writeTransaction(db, () => {
    for (const link of links) {
      const sampleId = scalarStatement(db, "SELECT id FROM samples WHERE key = ?").get(link.sampleKey) as number | undefined;
      if (sampleId === undefined) throw new Error(`cannot link run ${link.runId}: no sample with key ${link.sampleKey}`);
      const inserted = statement(
        db,
        `INSERT INTO run_samples (run_id, condition_id, question_id, paraphrase_index, sample_index, sample_id)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (run_id, condition_id, question_id, paraphrase_index, sample_index) DO NOTHING`,
      ).run(link.runId, link.conditionId, link.questionId, link.paraphraseIndex, link.sampleIndex, sampleId).changes;
      if (inserted > 0) continue;
      const linked = scalarStatement(
        db,
        `SELECT sample_id FROM run_samples
         WHERE run_id = ? AND condition_id = ? AND question_id = ? AND paraphrase_index = ? AND sample_index = ?`,
      ).get(link.runId, link.conditionId, link.questionId, link.paraphraseIndex, link.sampleIndex) as number;
      if (linked !== sampleId) {
        throw new Error(
          `run ${link.runId}: cell ${link.questionId}#${link.paraphraseIndex} sample ${link.sampleIndex} of condition ` +
            `${link.conditionId} is already linked to another sample (the plan changed; start a new run)`,
        );
      }
    }
  });
}

type JoinedRow = SampleRow & {
  condition_id: number;
  condition_key: string;
  condition_label: string;
  question_id: string;
  paraphrase_index: number;
  run_sample_index: number;
  messages: string;
};

/** A run's samples ordered by condition, question, paraphrase and sample index, with their prompt messages. */
export function listRunSamples(db: Db, runId: number, filter: RunSampleFilter = {}): RunSampleRow[] {
  const tokenColumns = filter.withTokens ? "s.token_ids, s.logprobs, s.top_k, s.top_ids, s.top_logprobs," : "";
  const rows = statement(
    db,
    `SELECT s.id, s.key, s.prompt_id, s.model_id, s.text, s.n_tokens, s.finish_reason, ${tokenColumns}
       rs.condition_id, c.key AS condition_key, c.label AS condition_label, rs.question_id, rs.paraphrase_index,
       rs.sample_index AS run_sample_index, p.messages
     FROM run_samples rs
     JOIN samples s ON s.id = rs.sample_id
     JOIN conditions c ON c.id = rs.condition_id
     JOIN prompts p ON p.id = s.prompt_id
     WHERE rs.run_id = @runId
       AND (@conditionId IS NULL OR rs.condition_id = @conditionId)
       AND (@conditionKey IS NULL OR c.key = @conditionKey)
       AND (@questionId IS NULL OR rs.question_id = @questionId)
     ORDER BY rs.condition_id, rs.question_id, rs.paraphrase_index, rs.sample_index
     LIMIT @limit OFFSET @offset`,
  ).all({
    runId,
    conditionId: filter.conditionId ?? null,
    conditionKey: filter.conditionKey ?? null,
    questionId: filter.questionId ?? null,
    limit: filter.limit ?? -1,
    offset: filter.offset ?? 0,
  }) as JoinedRow[];
  return rows.map((row) => ({
    sampleId: row.id,
    sampleKey: row.key,
    conditionId: row.condition_id,
    conditionKey: row.condition_key,
    conditionLabel: row.condition_label,
    questionId: row.question_id,
    paraphraseIndex: row.paraphrase_index,
    sampleIndex: row.run_sample_index,
    promptId: row.prompt_id,
    messages: fromJson(row.messages),
    modelId: row.model_id,
    text: row.text,
    nTokens: row.n_tokens,
    finishReason: row.finish_reason,
    ...(filter.withTokens ? { tokens: sampleTokens(row) } : {}),
  }));
}
