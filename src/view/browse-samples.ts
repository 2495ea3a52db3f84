import type { FinishReason } from "../backend/types.js";
import { getConvention, isMisaligned, type ConventionName } from "../metrics/conventions.js";
import { scalarStatement, statement, type Db } from "../store/db.js";
import { runJudgeModel, scoreColumn } from "./run-judge.js";
import { scoreConditions, type SampleQuery, type SampleSort } from "./sample-query.js";

/** One row of the sample browser: an excerpt, never the whole answer or its token arrays. */
export interface SampleListRow {
  sampleId: number;
  conditionId: number;
  conditionLabel: string;
  questionId: string;
  paraphraseIndex: number;
  sampleIndex: number;
  excerpt: string;
  nTokens: number;
  finishReason: FinishReason;
  aligned: number | null;
  coherent: number | null;
  /** Under the page's convention. */
  misaligned: boolean;
}

export interface SamplePage {
  total: number;
  page: number;
  pageSize: number;
  judgeModelId: number | null;
  rows: SampleListRow[];
}

interface KeyRow {
  sample_id: number;
  condition_id: number;
  question_id: string;
  paraphrase_index: number;
  sample_index: number;
  total?: number;
}

const EXCERPT_CHARS = 240;

/** Nulls (unjudged) last in either direction; "order" is the run's plan order, served by its index. */
const ORDER_BY: Record<SampleSort, string> = {
  order: "condition_id, question_id, paraphrase_index, sample_index",
  aligned: "aligned IS NULL, aligned, sample_id",
  "-aligned": "aligned IS NULL, aligned DESC, sample_id",
  coherent: "coherent IS NULL, coherent, sample_id",
  "-coherent": "coherent IS NULL, coherent DESC, sample_id",
  tokens: "n_tokens, sample_id",
  "-tokens": "n_tokens DESC, sample_id",
};

/**
 * One page of a run's samples, filtered and sorted in SQL: the page holds at most pageSize rows
 * whatever the run's size. Judge scores are looked up for every sample only when a filter or the
 * sort needs them; otherwise the run's plan index serves the page and only its rows get scores and
 * text. Only fixed SQL fragments are spliced in; every value is bound.
 */
export function browseSamples(db: Db, runId: number, query: SampleQuery, convention: ConventionName): SamplePage {
  const judge = runJudgeModel(db, runId);
  const inner: string[] = ["rs.run_id = @runId"];
  if (query.conditionId !== null) inner.push("rs.condition_id = @conditionId");
  if (query.questionId !== null) inner.push("rs.question_id = @questionId");
  if (query.finishReason !== null) inner.push("s.finish_reason = @finishReason");
  if (query.text !== null) inner.push("instr(lower(s.text), lower(@text)) > 0");
  const outer = scoreConditions(query);
  const needsScores = outer.length > 0 || /aligned|coherent/.test(query.sort);
  // Pages are cut from the run's own index; the samples table joins in only for its own filters or sort.
  const needsSamples = query.finishReason !== null || query.text !== null || /tokens/.test(query.sort);
  const scores = needsScores ? `, ${scoreColumn("aligned")} AS aligned, ${scoreColumn("coherent")} AS coherent` : "";
  const from = `FROM (
      SELECT rs.sample_id, rs.condition_id, rs.question_id, rs.paraphrase_index, rs.sample_index
        ${needsSamples ? ", s.n_tokens" : ""} ${scores}
      FROM run_samples rs ${needsSamples ? "JOIN samples s ON s.id = rs.sample_id" : ""}
      WHERE ${inner.join(" AND ")}
    ) ${outer.length > 0 ? `WHERE ${outer.join(" AND ")}` : ""}`;
  const params = {
    runId,
    judge,
    conditionId: query.conditionId,
    questionId: query.questionId,
    finishReason: query.finishReason,
    text: query.text,
    alignedMin: query.alignedMin,
    alignedMax: query.alignedMax,
    coherentMin: query.coherentMin,
    coherentMax: query.coherentMax,
    limit: query.pageSize,
    offset: query.page * query.pageSize,
  };
  const count = () => scalarStatement(db, `SELECT COUNT(*) ${from}`).get(params) as number;
  let rows: KeyRow[];
  let total: number;
  if (needsScores) {
    // Every score is looked up once: the window count rides along with the sorted page.
    rows = statement(db, `SELECT *, COUNT(*) OVER () AS total ${from} ORDER BY ${ORDER_BY[query.sort]} LIMIT @limit OFFSET @offset`).all(params) as KeyRow[];
    total = rows[0]?.total ?? count();
  } else {
    rows = statement(db, `SELECT * ${from} ORDER BY ${ORDER_BY[query.sort]} LIMIT @limit OFFSET @offset`).all(params) as KeyRow[];
    total = count();
  }
  return { total, page: query.page, pageSize: query.pageSize, judgeModelId: judge, rows: pageRows(db, rows, judge, convention) };
}

/** Scores, condition labels, lengths and excerpts for the page's rows only. */
function pageRows(db: Db, rows: readonly KeyRow[], judge: number | null, convention: ConventionName): SampleListRow[] {
  const rule = getConvention(convention);
  const details = statement(
    db,
    `SELECT c.label, substr(s.text, 1, ${EXCERPT_CHARS}) AS excerpt, s.n_tokens, s.finish_reason,
       ${scoreColumn("aligned")} AS aligned, ${scoreColumn("coherent")} AS coherent
     FROM (SELECT @sampleId AS sample_id) rs JOIN samples s ON s.id = rs.sample_id JOIN conditions c ON c.id = @conditionId`,
  );
  return rows.map((r) => {
    const d = details.get({ sampleId: r.sample_id, conditionId: r.condition_id, judge }) as {
      label: string;
      excerpt: string;
      n_tokens: number;
      finish_reason: FinishReason;
      aligned: number | null;
      coherent: number | null;
    };
    return {
      sampleId: r.sample_id,
      conditionId: r.condition_id,
      conditionLabel: d.label,
      questionId: r.question_id,
      paraphraseIndex: r.paraphrase_index,
      sampleIndex: r.sample_index,
      excerpt: d.excerpt,
      nTokens: d.n_tokens,
      finishReason: d.finish_reason,
      aligned: d.aligned,
      coherent: d.coherent,
      misaligned: isMisaligned(d, rule),
    };
  });
}
