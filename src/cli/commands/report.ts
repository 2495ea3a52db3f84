import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Option, type Command } from "commander";
import { EmlabError } from "../../errors.js";
import { CONVENTION_NAMES, type ConventionName } from "../../metrics/conventions.js";
import { reportDataFromStore } from "../../report/from-store.js";
import { writeReport } from "../../report/write.js";
import { resolveRun } from "../../runner/run-records.js";
import { DEFAULT_DB_PATH } from "../../store/index.js";
import { countOption, numberOption, openExistingStore } from "../options.js";
import { printJson } from "../output.js";

export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description("write a self-contained HTML report of a judged run (newest run when none is named), and optionally its samples as CSV")
    .argument("[run]", "run id or name")
    .option("--out <file>", "HTML file to write", "results/report.html")
    .option("--csv <file>", "also write every sample with its scores as CSV (the EM evaluation's columns first)")
    .option("--db <path>", "database", DEFAULT_DB_PATH)
    .addOption(new Option("--convention <name>", "misalignment convention of every rate").choices([...CONVENTION_NAMES]).default("em-paper"))
    .option("--min-coherent <n>", "leave out questions with fewer coherent answers than this (not part of either paper; stated in the output)", numberOption("min-coherent", true, { min: 0 }), 0)
    .option("--judge-model <id>", "judge model id (models row) when several judged the run (default: the most recent)", countOption("judge-model"))
    .option("--bootstrap-seed <n>", "seed of the bootstrap resampling", numberOption("bootstrap-seed", true, { min: 0 }), 0)
    .option("--resamples <n>", "bootstrap resamples", countOption("resamples"), 2000)
    .option("--conditions <pattern>", "conditions drawn in colour: comma-separated globs over condition labels or ids, at most 8 (default: the first 8)")
    .option("--max-samples <n>", "samples shown in the browser (the CSV has all)", countOption("max-samples"), 500)
    .option("--json", "print one JSON document")
    .action(
      (
        ref: string | undefined,
        options: { out: string; csv?: string; db: string; convention: ConventionName; minCoherent: number; judgeModel?: number; bootstrapSeed: number; resamples: number; maxSamples: number; conditions?: string; json?: boolean },
      ) => {
        using store = openExistingStore(options.db);
        const run = resolveRun(store, ref);
        const data = reportDataFromStore(store, run, {
          convention: options.convention,
          minCoherent: options.minCoherent,
          judgeModelId: options.judgeModel,
          bootstrap: { seed: options.bootstrapSeed, resamples: options.resamples },
          generatedAt: new Date().toISOString(),
          ...(options.conditions === undefined ? {} : { conditions: options.conditions }),
        });
        const html = resolve(options.out);
        const csv = options.csv === undefined ? undefined : resolve(options.csv);
        mkdirSync(dirname(html), { recursive: true });
        if (csv) mkdirSync(dirname(csv), { recursive: true });
        writeReport(html, data, { maxSamples: options.maxSamples, ...(csv ? { csvPath: csv } : {}) });
        if (options.json) return printJson({ run: run.id, html, csv: csv ?? null, conditions: data.conditions.length, samples: data.samples.length });
        process.stdout.write(`${html}\n${csv ? `${csv}\n` : ""}`);
      },
    );
}
