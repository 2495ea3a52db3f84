import { relative } from "node:path";
import { Option, type Command } from "commander";
import { DEMO_BACKENDS, type DemoBackend } from "../../pipeline/demo-models.js";
import { createProgress } from "../../util/progress.js";
import { DEFAULT_DEMO_DIR, DEMO_REPORT_CONVENTION, runDemo } from "../../pipeline/demo.js";
import { printJson } from "../output.js";
import { addEngineOptions, type EngineCliOptions } from "../options.js";

export function registerDemoCommand(program: Command): void {
  addEngineOptions(
    program
      .command("demo")
      .description("run a small real experiment on the built-in planted models (no download): in-context k-sweep, control, LoRA sweep, persona switch, judge, probes, report")
      .option("--out <dir>", "output directory", DEFAULT_DEMO_DIR)
      .option("--json", "print one JSON summary")
      .addOption(
        new Option("--backend <engine>", "engine of the tiny subject model: llama (GGUF), onnx (its ONNX export) or both (compared in the report)")
          .choices([...DEMO_BACKENDS])
          .default("llama"),
      ),
  ).action(async (options: EngineCliOptions & { out: string; json?: boolean; backend: DemoBackend }) => {
    const progress = (label: string) => (options.json ? undefined : createProgress(process.stderr, label));
    const demo = await runDemo(options.out, {
      backend: options.backend,
      gpu: options.gpu,
      threads: options.threads,
      parallelSequences: options.parallel,
      kvCacheType: options.kvCache,
      progress: progress("samples"),
      judgeProgress: progress("judgments"),
    });
    if (options.json) return printJson(demo);
    const r = demo.run;
    process.stdout.write(
      [
        `emlab demo: ${r.planned} samples (${r.generated} generated, ${r.reused} reused) in ${r.seconds.toFixed(1)} s; prefill amplification ${r.prefillAmplification.toFixed(3)}`,
        r.judge ? `judged: ${r.judge.judged} new judgments, ${r.judge.nullScores} without a score (< 25% of the judge's probability on numbers)` : "",
        r.probes ? `probes: ${r.probes.computed} results computed, ${r.probes.reused} reused` : "",
        `experiment: ${demo.experiment}${demo.keptEditedExperiment ? " (your edited demo.yaml was kept)" : ""}`,
        `database:   ${demo.db}`,
        `report:     ${demo.report}  (${DEMO_REPORT_CONVENTION} convention; samples as CSV: ${demo.csv})`,
        "The planted models' effect is designed into their weights: the numbers show the machinery recovering it; real findings need real models.",
        `Next: point the model and judge paths in ${relativeToCwd(demo.experiment)} at real models, then: emlab run ${relativeToCwd(demo.experiment)} --db ${relativeToCwd(demo.db)}`,
      ]
        .filter(Boolean)
        .join("\n") + "\n",
    );
  });
}

function relativeToCwd(path: string): string {
  return relative(process.cwd(), path) || ".";
}
