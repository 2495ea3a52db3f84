import type { ReportCondition, ReportSample } from "./types.js";

/**
 * The original EM evaluation's CSV columns (question, answer, question_id, then one column per
 * judged metric: aligned, coherent, and every other metric the run was judged on, custom 0-100
 * scores and categorical verdicts alike) first, so existing analysis scripts read it, then emlab's
 * ids. RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF are quoted and their quotes
 * doubled. A missing score or verdict is an empty field.
 */
export const CSV_COLUMNS = ["question", "answer", "question_id", "aligned", "coherent", "sample_id", "condition_id", "condition", "misaligned"] as const;

export function csvColumns(otherMetrics: readonly string[] = []): string[] {
  return [...CSV_COLUMNS.slice(0, 5), ...otherMetrics, ...CSV_COLUMNS.slice(5)];
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function samplesToCsv(samples: readonly ReportSample[], conditions: readonly ReportCondition[] = [], otherMetrics: readonly string[] = []): string {
  const labelOf = new Map(conditions.map((c) => [c.id, c.label]));
  const value = (v: number | string | null | undefined) => (v === null || v === undefined ? "" : String(v));
  const lines = [csvColumns(otherMetrics).map(csvField).join(",")];
  for (const s of samples) {
    const fields = [
      s.question,
      s.answer,
      s.questionId,
      value(s.aligned),
      value(s.coherent),
      ...otherMetrics.map((m) => value(s.judged?.[m])),
      String(s.id),
      s.conditionId,
      labelOf.get(s.conditionId) ?? "",
      s.misaligned ? "1" : "0",
    ];
    lines.push(fields.map(csvField).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
