import { writeFileSync } from "node:fs";
import { Option, type Command } from "commander";
import { EmlabError } from "../../errors.js";
import { exportRows, rowsToCsv } from "../../report/export-rows.js";
import { resolveRun } from "../../runner/run-records.js";
import { DEFAULT_DB_PATH } from "../../store/index.js";
import { openExistingStore } from "../options.js";
import { printJson } from "../output.js";

export function registerRunsCommand(program: Command): void {
  program
    .command("runs")
    .description("list runs with their status and sample counts")
    .option("--db <path>", "database", DEFAULT_DB_PATH)
    .option("--json", "print one JSON document")
    .action((options: { db: string; json?: boolean }) => {
      using store = openExistingStore(options.db);
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
        const status = r.status === "interrupted" ? "interrupted (rerun to resume)" : r.status;
        process.stdout.write(`${String(r.id).padStart(4)}  ${r.name.padEnd(24)} ${status.padEnd(11)} ${r.samples}/${r.planned ?? "?"} samples  ${r.judged} judged  ${r.conditions} conditions  ${r.created}\n`);
      }
    });
}

export function registerExportCommand(program: Command): void {
  program
    .command("export")
    .description("write a run's samples (all runs when none is named) as JSONL or CSV (EM columns: question, answer, question_id, one score column per judged metric, then emlab ids)")
    .argument("[run]", "run id or name")
    .option("--db <path>", "database", DEFAULT_DB_PATH)
    .addOption(new Option("--format <format>", "output format").choices(["jsonl", "csv"]).default("jsonl"))
    .option("--out <file>", "write to a file instead of stdout")
    .option("--logprobs", "JSONL only: add each sample's token ids, raw log-probs and top alternatives (arrays)")
    .action((ref: string | undefined, options: { db: string; format: "jsonl" | "csv"; out?: string; logprobs?: boolean }) => {
      if (options.logprobs && options.format !== "jsonl") throw new EmlabError("--logprobs needs --format jsonl (per-token arrays do not fit CSV cells)");
      using store = openExistingStore(options.db);
      const runs = ref === undefined ? store.listRuns().map((r) => store.getRun(r.id)!) : [resolveRun(store, ref)];
      const rows = runs.flatMap((run) => exportRows(store, run, { logprobs: options.logprobs }));
      const text = options.format === "csv" ? rowsToCsv(rows) : rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");
      if (options.out) writeFileSync(options.out, text);
      else process.stdout.write(text);
    });
}
