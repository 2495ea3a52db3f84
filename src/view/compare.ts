import { EmlabError } from "../errors.js";
import type { ReportCondition } from "../report/types.js";
import { scalarStatement, statement, type Db } from "../store/db.js";
import type { RunRecord, Store } from "../store/index.js";
import { runJudgeModel, scoreColumn } from "./run-judge.js";

export interface CompareSide {
  sampleId: number | null;
  excerpt: string | null;
  aligned: number | null;
  coherent: number | null;
}

export interface ComparePage {
  a: { id: number; label: string; rates: ReportCondition | null };
  b: { id: number; label: string; rates: ReportCondition | null };
  total: number;
  page: number;
  pageSize: number;
  rows: { questionId: string; paraphraseIndex: number; sampleIndex: number; a: CompareSide; b: CompareSide }[];
}

const EXCERPT_CHARS = 400;
const PAGE_SIZE = 50;

/**
 * Two conditions of a run (two in-context settings, two adapters or scales, two models) side by
 * side: the same question, paraphrase and sample index in one row, paged in SQL; with each
 * condition's rates and intervals from the report's metrics.
 */
export function compareConditions(
  store: Store,
  db: Db,
  run: RunRecord,
  ids: { a: number; b: number; questionId: string | null; page: number },
  rates: readonly ReportCondition[] | null,
): ComparePage {
  const conditions = store.listConditions(run.id);
  const side = (id: number) => {
    const c = conditions.find((x) => x.id === id);
    if (!c) throw new EmlabError(`run ${run.id} (${run.name}) has no condition ${id}`);
    return { id, label: c.label, rates: rates?.find((r) => r.id === c.key) ?? null };
  };
  const a = side(ids.a);
  const b = side(ids.b);
  const judge = runJudgeModel(db, run.id);
  // Every cell either side has, so a sample missing on one side (a run still going) shows as a gap.
  const cells = `SELECT DISTINCT question_id, paraphrase_index, sample_index FROM run_samples
    WHERE run_id = @run AND condition_id IN (@a, @b) AND (@question IS NULL OR question_id = @question)`;
  const params = { run: run.id, a: ids.a, b: ids.b, question: ids.questionId };
  const total = scalarStatement(db, `SELECT COUNT(*) FROM (${cells})`).get(params) as number;
  const keys = statement(db, `${cells} ORDER BY question_id, paraphrase_index, sample_index LIMIT @limit OFFSET @offset`).all({
    ...params,
    limit: PAGE_SIZE,
    offset: ids.page * PAGE_SIZE,
  }) as { question_id: string; paraphrase_index: number; sample_index: number }[];
  const cell = statement(
    db,
    `SELECT rs.sample_id, substr(s.text, 1, ${EXCERPT_CHARS}) AS excerpt,
       ${scoreColumn("aligned")} AS aligned, ${scoreColumn("coherent")} AS coherent
     FROM run_samples rs JOIN samples s ON s.id = rs.sample_id
     WHERE rs.run_id = @run AND rs.condition_id = @condition AND rs.question_id = @question
       AND rs.paraphrase_index = @paraphrase AND rs.sample_index = @index`,
  );
  const read = (condition: number, k: (typeof keys)[number]): CompareSide => {
    const row = cell.get({ run: run.id, judge, condition, question: k.question_id, paraphrase: k.paraphrase_index, index: k.sample_index }) as
      | { sample_id: number; excerpt: string; aligned: number | null; coherent: number | null }
      | undefined;
    return row ? { sampleId: row.sample_id, excerpt: row.excerpt, aligned: row.aligned, coherent: row.coherent } : { sampleId: null, excerpt: null, aligned: null, coherent: null };
  };
  return {
    a,
    b,
    total,
    page: ids.page,
    pageSize: PAGE_SIZE,
    rows: keys.map((k) => ({ questionId: k.question_id, paraphraseIndex: k.paraphrase_index, sampleIndex: k.sample_index, a: read(ids.a, k), b: read(ids.b, k) })),
  };
}
