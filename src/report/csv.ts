import type { ReportCondition, ReportSample } from "./types.js";

/**
 * The original EM evaluation's CSV columns (question, answer, question_id, aligned, coherent) first,
 * so existing analysis scripts read it, then emlab's ids. RFC 4180: CRLF line ends, fields with a
 * comma, quote, CR or LF are quoted and their quotes doubled. A null score is an empty field.
 */
export const CSV_COLUMNS = ["question", "answer", "question_id", "aligned", "coherent", "sample_id", "condition_id", "condition", "misaligned"] as const;

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function samplesToCsv(samples: readonly ReportSample[], conditions: readonly ReportCondition[] = []): string {
  const labelOf = new Map(conditions.map((c) => [c.id, c.label]));
  const score = (v: number | null) => (v === null ? "" : String(v));
  const lines = [CSV_COLUMNS.join(",")];
  for (const s of samples) {
    const fields = [s.question, s.answer, s.questionId, score(s.aligned), score(s.coherent), String(s.id), s.conditionId, labelOf.get(s.conditionId) ?? "", s.misaligned ? "1" : "0"];
    lines.push(fields.map(csvField).join(","));
  }
  return lines.join("\r\n") + "\r\n";
}
