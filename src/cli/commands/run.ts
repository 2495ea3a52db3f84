import { Option, type Command } from "commander";
import type { GpuChoice, KvCacheType } from "../../backend/types.js";
import { createProgress } from "../../runner/progress.js";
import { dryRun, runExperiment } from "../../runner/run-experiment.js";
import { DEFAULT_DB_PATH } from "../../store/index.js";
import { numberOption } from "../options.js";
import { printJson } from "../output.js";

export interface EngineCliOptions {
  gpu: GpuChoice;
  threads?: number;
  parallel: number;
  kvCache?: KvCacheType;
}

export function addEngineOptions(command: Command): Command {
  return command
    .addOption(new Option("--gpu <kind>", "compute backend").choices(["auto", "cuda", "vulkan", "metal", "cpu"]).default("auto"))
    .option("--threads <n>", "CPU threads (default: physical cores)", numberOption("threads", true))
    .option("--parallel <n>", "parallel sequences: samples of a prompt decoded as one batch", numberOption("parallel", true), 1)
    .addOption(new Option("--kv-cache <type>", "llama.cpp KV-cache element type (f32: exact float32 log-probs, twice the memory)").choices(["f16", "f32"]).default("f16"));
}

export function registerRunCommand(program: Command): void {
  addEngineOptions(
    program
      .command("run")
      .description("run an experiment: every planned sample exactly once (resumable; shared prefixes evaluated once)")
      .argument("<experiment>", "experiment file (YAML or JSON)")
      .option("--db <path>", "database", DEFAULT_DB_PATH)
      .option("--dry-run", "print the plan and token estimates; sample nothing")
      .option("--json", "print one JSON summary"),
  ).action(async (file: string, options: EngineCliOptions & { db: string; dryRun?: boolean; json?: boolean }) => {
    const engine = { gpu: options.gpu, threads: options.threads, parallelSequences: options.parallel, kvCacheType: options.kvCache };
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
      process.stdout.write(lines.join("\n") + "\n");
      return;
    }
    const progress = (label: string) => (options.json ? undefined : createProgress(process.stderr, label));
    const result = await runExperiment(file, { db: options.db, ...engine, progress: progress("samples"), judgeProgress: progress("judgments") });
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
