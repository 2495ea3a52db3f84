import { writeFileSync } from "node:fs";
import { Option, type Command } from "commander";
import { resolveRun, questionLookup } from "../../runner/run-records.js";
import { DEFAULT_DB_PATH, openStore, type RunRecord, type Store } from "../../store/index.js";
import { printJson } from "../output.js";

export function registerRunsCommand(program: Command): void {
  program
    .command("runs")
    .description("list runs with their status and sample counts")
    .option("--db <path>", "database", DEFAULT_DB_PATH)
    .option("--json", "print one JSON document")
    .action((options: { db: string; json?: boolean }) => {
      using store = openStore(options.db);
      const runs = store.listRuns().map((r) => ({
        id: r.id,
        name: r.name,
        status: r.status,
        samples: r.samples,
        planned: r.plannedSamples,
        judged: r.judgedSamples,
        conditions: r.conditions,
        created: r.createdAt,
        emlab: r.emlabVersion,
      }));
      if (options.json) return printJson({ runs });
      if (runs.length === 0) return void process.stdout.write("no runs\n");
      for (const r of runs) {
        process.stdout.write(`${String(r.id).padStart(4)}  ${r.name.padEnd(24)} ${r.status.padEnd(9)} ${r.samples}/${r.planned ?? "?"} samples  ${r.judged} judged  ${r.conditions} conditions  ${r.created}\n`);
      }
    });
}

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("write a run's samples (all runs when none is named) as JSONL or CSV (EM columns: question, answer, question_id + emlab ids)")
    .argument("[run]", "run id or name")
    .option("--db <path>", "database", DEFAULT_DB_PATH)
    .addOption(new Option("--format <format>", "output format").choices(["jsonl", "csv"]).default("jsonl"))
    .option("--out <file>", "write to a file instead of stdout")
    .action((ref: string | undefined, options: { db: string; format: "jsonl" | "csv"; out?: string }) => {
      using store = openStore(options.db);
      const runs = ref === undefined ? store.listRuns().map((r) => store.getRun(r.id)!) : [resolveRun(store, ref)];
      const rows = runs.flatMap((run) => exportRows(store, run));
      const text = options.format === "csv" ? toCsv(rows) : rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
    });
}

export interface ExportRow {
  question: string;
  answer: string;
  question_id: string;
  run_id: number;
  run: string;
  condition: string;
  condition_key: string;
  paraphrase_index: number;
  sample_index: number;
  sample_id: number;
  sample_key: string;
  finish_reason: string;
  n_tokens: number;
}

export function exportRows(store: Store, run: RunRecord): ExportRow[] {
  const question = questionLookup(run);
  return store.listRunSamples(run.id).map((s) => ({
    question: question(s.conditionKey, s.questionId, s.paraphraseIndex),
    answer: s.text,
    question_id: s.questionId,
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
  }));
}

/** RFC 4180: quote every field that holds a comma, quote or line break; double the quotes. */
export function toCsv(rows: readonly object[]): string {
  if (rows.length === 0) return "";
  const columns = Object.keys(rows[0]!);
  const field = (value: unknown) => {
    const text = value === null || value === undefined ? "" : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [columns.join(","), ...rows.map((row) => columns.map((c) => field((row as Record<string, unknown>)[c])).join(","))].join("\r\n") + "\r\n";
}
