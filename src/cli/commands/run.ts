import type { Command } from "commander";
import { createProgress } from "../../util/progress.js";
import { dryRun, runExperiment, type GgufEngine } from "../../pipeline/run-experiment.js";
import { DEFAULT_DB_PATH } from "../../store/index.js";
import { addEndpointOptions, endpointFrom, type EndpointCliOptions } from "../endpoint-options.js";
import { addEngineOptions, ggufEngineOption, type EngineCliOptions } from "../options.js";
import { resumableOnInterrupt } from "../interrupt.js";
import { printJson } from "../output.js";

export function registerRunCommand(program: Command): void {
  addEndpointOptions(addEngineOptions(
    program
      .command("run")
      .description("run an experiment: every planned sample exactly once (resumable; shared prefixes evaluated once)")
      .argument("<experiment>", "experiment file (YAML or JSON)")
      .option("--db <path>", "database", DEFAULT_DB_PATH)
      .addOption(ggufEngineOption())
      .option("--dry-run", "print the plan and token estimates; sample nothing")
      .option("--json", "print one JSON summary"),
  )).action(async (file: string, options: EngineCliOptions & EndpointCliOptions & { db: string; dryRun?: boolean; json?: boolean; engine?: GgufEngine }) => {
    const endpoint = endpointFrom(options);
    const engine = { gpu: options.gpu, threads: options.threads, parallelSequences: options.parallel, kvCacheType: options.kvCache, ...(endpoint ? { endpoint } : {}), ...(options.engine ? { ggufEngine: options.engine } : {}) };
    if (options.dryRun) {
      const { plan, summary } = await dryRun(file, { ...engine, db: options.db });
      if (options.json) return printJson({ name: plan.name, ...summary, conditionLabels: plan.conditions.map((c) => c.label) });
      const lines = [
        `experiment ${plan.name}: ${summary.models} model(s), ${summary.conditions} conditions, ${summary.cells} question cells, ${summary.samples} samples`,
        ...plan.conditions.map((c) => `  ${c.label}`),
      ];
      if (summary.promptTokens) {
        const { withReuse, withoutReuse } = summary.promptTokens;
        lines.push(`prompt tokens to evaluate: ${withReuse} with prefix reuse, ${withoutReuse} without (x${(withoutReuse / Math.max(1, withReuse)).toFixed(1)})`);
      }
      for (const e of summary.endpoints ?? []) {
        lines.push(`  ${e.model} @ ${e.url}: ${e.requests} requests, ${e.promptTokens} prompt tokens, at most ${e.completionTokens} completion tokens`);
      }
      process.stdout.write(lines.join("\n") + "\n");
      return;
    }
    const progress = (label: string) => (options.json ? undefined : createProgress(process.stderr, label));
    const result = await resumableOnInterrupt(`emlab run ${file} --db ${options.db}${options.engine ? ` --engine ${options.engine}` : ""}`, () =>
      runExperiment(file, { db: options.db, ...engine, progress: progress("samples"), judgeProgress: progress("judgments") }),
    );
    if (options.json) return printJson(result);
    process.stdout.write(
      `run ${result.runId} (${result.name})${result.resumed ? " resumed" : ""}: ${result.planned} samples planned, ` +
        `${result.generated} generated, ${result.reused} already in ${options.db}; ` +
        `${result.evaluatedTokens} tokens evaluated in ${result.seconds.toFixed(1)} s\n` +
        (result.judge ? `judge: ${result.judge.judged} new judgments, ${result.judge.nullScores} without a score\n` : "") +
        (result.probes ? `probes: ${result.probes.computed} computed, ${result.probes.reused} reused in ${result.probes.seconds.toFixed(1)} s\n` : ""),
    );
  });
}
