import type { Command } from "commander";
import { createProgress } from "../../runner/progress.js";
import { DEFAULT_DEMO_DIR, runDemo } from "../../runner/demo.js";
import { printJson } from "../output.js";
import { addEngineOptions, type EngineCliOptions } from "./run.js";

export function registerDemoCommand(program: Command): void {
  addEngineOptions(
    program
      .command("demo")
      .description("run a small real experiment on the built-in tiny model (no download): in-context k-sweep, LoRA sweep, judge, report")
      .option("--out <dir>", "output directory", DEFAULT_DEMO_DIR)
      .option("--json", "print one JSON summary"),
  ).action(async (options: EngineCliOptions & { out: string; json?: boolean }) => {
    const progress = (label: string) => (options.json ? undefined : createProgress(process.stderr, label));
    const demo = await runDemo(options.out, {
      gpu: options.gpu,
      threads: options.threads,
      parallelSequences: options.parallel,
      progress: progress("samples"),
      judgeProgress: progress("judgments"),
    });
    if (options.json) return printJson(demo);
    const r = demo.run;
    process.stdout.write(
      [
        `emlab demo: ${r.planned} samples (${r.generated} generated, ${r.reused} reused) in ${r.seconds.toFixed(1)} s; prefill amplification ${r.prefillAmplification.toFixed(3)}`,
        r.judge ? `judged: ${r.judge.judged} new judgments, ${r.judge.nullScores} without a score (< 25% of the judge's probability on numbers)` : "",
        `experiment: ${demo.experiment}`,
        `database:   ${demo.db}`,
        `report:     ${demo.report}  (samples as CSV: ${demo.csv})`,
        "The tiny model has random weights: the numbers are meaningless, the machinery is real.",
        `To use a real model, edit the model and judge paths in ${demo.experiment} and run: emlab run ${demo.experiment}`,
      ]
        .filter(Boolean)
        .join("\n") + "\n",
    );
  });
}
