import type { RunRecord, Store } from "../store/index.js";
import { questionLookup } from "../runner/run-records.js";
import { csvField } from "./csv.js";

/**
 * `emlab export`: one row per run sample. The original EM evaluation's columns come first (question,
 * answer, question_id, then one column per judged metric: the newest judgment's 0-100 score, null when
 * the judge gave none), then emlab's ids. Numbers stay numbers in JSONL.
 */
export type ExportRow = Record<string, string | number | null | readonly unknown[]>;

export interface ExportOptions {
  /** Add per-token arrays: token ids, raw log-probs and the top alternatives of each token. */
  logprobs?: boolean;
}

export function exportRows(store: Store, run: RunRecord, options: ExportOptions = {}): ExportRow[] {
  const question = questionLookup(run);
  const scores = newestScores(store, run.id);
  const metrics = [...new Set([...scores.values()].flatMap((m) => [...m.keys()]))].sort(metricOrder);
  return store.listRunSamples(run.id, { withTokens: options.logprobs === true }).map((s) => {
    const judged = scores.get(s.sampleId);
    const row: ExportRow = {
      question: question(s.conditionKey, s.questionId, s.paraphraseIndex),
      answer: s.text,
      question_id: s.questionId,
      ...Object.fromEntries(metrics.map((m) => [m, judged?.get(m) ?? null])),
      run_id: run.id,
      run: run.name,
      condition: s.conditionLabel,
      condition_key: s.conditionKey,
      paraphrase_index: s.paraphraseIndex,
      sample_index: s.sampleIndex,
      sample_id: s.sampleId,
      sample_key: s.sampleKey,
      finish_reason: s.finishReason,
      n_tokens: s.nTokens,
    };
    if (s.tokens) {
      const { tokenIds, logprobs, topK, topIds, topLogprobs } = s.tokens;
      row.token_ids = [...tokenIds];
      row.logprobs = [...logprobs];
      row.top_ids = Array.from({ length: tokenIds.length }, (_, i) => [...topIds.subarray(i * topK, (i + 1) * topK)]);
      row.top_logprobs = Array.from({ length: tokenIds.length }, (_, i) => [...topLogprobs.subarray(i * topK, (i + 1) * topK)]);
    }
    return row;
  });
}

/** aligned and coherent first (the EM columns), then other metrics by name. */
function metricOrder(a: string, b: string): number {
  const rank = (m: string) => ["aligned", "coherent"].indexOf(m) >>> 0;
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** Per sample, per metric: the score of the newest judgment (a re-judged sample shows its latest verdict). */
function newestScores(store: Store, runId: number): Map<number, Map<string, number | null>> {
  const newest = new Map<number, Map<string, { id: number; score: number | null }>>();
  for (const j of store.getJudgments({ runId })) {
    let bySample = newest.get(j.sampleId);
    if (!bySample) newest.set(j.sampleId, (bySample = new Map()));
    const seen = bySample.get(j.metric);
    if (!seen || seen.id < j.id) bySample.set(j.metric, { id: j.id, score: j.score });
  }
  return new Map([...newest].map(([id, m]) => [id, new Map([...m].map(([metric, v]) => [metric, v.score]))]));
}

/** RFC 4180 with CRLF line ends; the columns are the union over rows (runs judged on other metrics). */
export function rowsToCsv(rows: readonly ExportRow[]): string {
  if (rows.length === 0) return "";
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));
  return [columns.join(","), ...rows.map((row) => columns.map((c) => csvField(text(row[c]))).join(","))].join("\r\n") + "\r\n";
}
