import { decodeFloat32, encodeFloat32 } from "./blobs.js";
import { chunks, fromJson, placeholders, scalarStatement, statement, toJson, writeTransaction, type Db } from "./db.js";
import type { JudgmentInput, JudgmentRecord } from "./types.js";

/**
 * Judge verdicts. One per (sample, metric, judge model, judge prompt): judging again with the same
 * judge and prompt keeps the stored verdict; a changed prompt (new sha) is a new judgment.
 */

interface JudgmentRow {
  id: number;
  sample_id: number;
  metric: string;
  judge_model_id: number;
  judge_prompt_sha: string;
  probs: Buffer;
  number_mass: number;
  label_masses: string;
  score: number | null;
  null_reason: string | null;
  created_at: string;
}

/** Store a batch in one transaction; returns the row ids (existing ones for verdicts already stored). */
export function upsertJudgments(db: Db, judgments: readonly JudgmentInput[]): number[] {
  return writeTransaction(db, () =>
    judgments.map((j) => {
      if (j.score === null && j.nullReason === null) throw new Error(`judgment of sample ${j.sampleId}: no score and no reason`);
      statement(
        db,
        `INSERT INTO judgments (sample_id, metric, judge_model_id, judge_prompt_sha, probs, number_mass, label_masses,
           score, null_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (sample_id, metric, judge_model_id, judge_prompt_sha) DO NOTHING`,
      ).run(
        j.sampleId,
        j.metric,
        j.judgeModelId,
        j.promptSha,
        encodeFloat32(j.probs),
        j.numberMass,
        toJson(j.labelMasses),
        j.score,
        j.score === null ? j.nullReason : null,
      );
      return scalarStatement(
        db,
        "SELECT id FROM judgments WHERE sample_id = ? AND metric = ? AND judge_model_id = ? AND judge_prompt_sha = ?",
      ).get(j.sampleId, j.metric, j.judgeModelId, j.promptSha) as number;
    }),
  );
}

export interface JudgmentFilter {
  metric?: string;
  judgeModelId?: number;
  promptSha?: string;
}

/** Judgments of a run's samples, or of the given sample ids, ordered by sample then metric. */
export function getJudgments(
  db: Db,
  of: { runId: number } | { sampleIds: readonly number[] },
  filter: JudgmentFilter = {},
): JudgmentRecord[] {
  const where = `(@metric IS NULL OR j.metric = @metric)
    AND (@judge IS NULL OR j.judge_model_id = @judge)
    AND (@sha IS NULL OR j.judge_prompt_sha = @sha)`;
  const named = { metric: filter.metric ?? null, judge: filter.judgeModelId ?? null, sha: filter.promptSha ?? null };
  if ("runId" in of) {
    const rows = statement(
      db,
      `SELECT j.* FROM judgments j
       WHERE j.sample_id IN (SELECT sample_id FROM run_samples WHERE run_id = @runId) AND ${where}
       ORDER BY j.sample_id, j.metric, j.id`,
    ).all({ ...named, runId: of.runId }) as JudgmentRow[];
    return rows.map(judgmentRecord);
  }
  const rows: JudgmentRow[] = [];
  for (const part of chunks([...new Set(of.sampleIds)])) {
    const ids = Object.fromEntries(part.map((id, i) => [`s${i}`, id]));
    const list = part.map((_, i) => `@s${i}`).join(", ");
    rows.push(...(statement(db, `SELECT j.* FROM judgments j WHERE j.sample_id IN (${list}) AND ${where}`).all({ ...named, ...ids }) as JudgmentRow[]));
  }
  rows.sort((a, b) => a.sample_id - b.sample_id || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : a.id - b.id));
  return rows.map(judgmentRecord);
}

/** Which of these samples already have a verdict from this judge, prompt and metric (for resuming a judge pass). */
export function judgedSampleIds(
  db: Db,
  sampleIds: readonly number[],
  judge: { metric: string; judgeModelId: number; promptSha: string },
): Set<number> {
  const found = new Set<number>();
  for (const part of chunks([...new Set(sampleIds)])) {
    const sql = `SELECT sample_id FROM judgments
      WHERE metric = ? AND judge_model_id = ? AND judge_prompt_sha = ? AND sample_id IN (${placeholders(part.length)})`;
    for (const id of scalarStatement(db, sql).all(judge.metric, judge.judgeModelId, judge.promptSha, ...part) as number[]) {
      found.add(id);
    }
  }
  return found;
}

function judgmentRecord(row: JudgmentRow): JudgmentRecord {
  return {
    id: row.id,
    sampleId: row.sample_id,
    metric: row.metric,
    judgeModelId: row.judge_model_id,
    promptSha: row.judge_prompt_sha,
    probs: decodeFloat32(row.probs, `judgment ${row.id} probs`),
    numberMass: row.number_mass,
    labelMasses: fromJson(row.label_masses),
    score: row.score,
    nullReason: row.null_reason,
    createdAt: row.created_at,
  };
}
