import { Option, type Command } from "commander";
import { EmlabError } from "../../errors.js";
import { CONVENTION_NAMES, type ConventionName } from "../../metrics/conventions.js";
import { metricsSummary } from "../../report/metrics-summary.js";
import { formatMetricsSummary } from "../../report/metrics-text.js";
import { resolveRun } from "../../runner/run-records.js";
import { DEFAULT_DB_PATH } from "../../store/index.js";
import { countOption, numberOption, openExistingStore } from "../options.js";
import { printJson } from "../output.js";

export function registerMetricsCommand(program: Command): void {
  program
    .command("metrics")
    .description("misalignment, coherence, refusal and code rates per condition of a judged run (newest run when none is named)")
    .argument("[run]", "run id or name")
    .option("--db <path>", "database", DEFAULT_DB_PATH)
    .addOption(new Option("--convention <name>", "misalignment convention (default: both, one after the other)").choices([...CONVENTION_NAMES]))
    .option("--min-coherent <n>", "leave out questions with fewer coherent answers than this (not part of either paper; stated in the output)", numberOption("min-coherent", true, { min: 0 }), 0)
    .option("--judge-model <id>", "judge model id (models row) when several judged the run (default: the most recent)", countOption("judge-model"))
    .option("--bootstrap-seed <n>", "seed of the bootstrap resampling", numberOption("bootstrap-seed", true, { min: 0 }), 0)
    .option("--resamples <n>", "bootstrap resamples", countOption("resamples"), 2000)
    .option("--json", "print one JSON document")
    .action(
      (
        ref: string | undefined,
        options: { db: string; convention?: ConventionName; minCoherent: number; judgeModel?: number; bootstrapSeed: number; resamples: number; json?: boolean },
      ) => {
        using store = openExistingStore(options.db);
        const run = resolveRun(store, ref);
        const summary = metricsSummary(store, run, {
          conventions: options.convention ? [options.convention] : CONVENTION_NAMES,
          minCoherent: options.minCoherent,
          judgeModelId: options.judgeModel,
          bootstrap: { seed: options.bootstrapSeed, resamples: options.resamples },
        });
        if (options.json) return printJson(summary);
        process.stdout.write(formatMetricsSummary(summary));
      },
    );
}
