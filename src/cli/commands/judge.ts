import { Option, type Command } from "commander";
import { EmlabError } from "../../errors.js";
import type { BackendName } from "../../backend/open.js";
import { judgeRun } from "../../judge/judge-run.js";
import { createProgress } from "../../util/progress.js";
import { resolveRun } from "../../runner/run-records.js";
import { DEFAULT_DB_PATH } from "../../store/index.js";
import { addEndpointOptions, endpointFrom, servedLabel, type EndpointCliOptions } from "../endpoint-options.js";
import { addEngineOptions, countOption, openExistingStore, type EngineCliOptions } from "../options.js";
import { resumableOnInterrupt } from "../interrupt.js";
import { printJson } from "../output.js";

export function registerJudgeCommand(program: Command): void {
  addEndpointOptions(addEngineOptions(
    program
      .command("judge")
      .description(
        "judge a run's samples with a local judge model: score = probability-weighted mean over the numbers 0-100, " +
          "read from sequence likelihoods (no score when < 0.25 of the probability is on numbers); resumable",
      )
      .argument("[run]", "run id or name (default: the newest run)")
      .option("--judge <model>", "judge model (GGUF file, or ONNX directory with --judge-backend onnx); with --endpoint, the served judge's GGUF (its tokenizer)")
      .addOption(new Option("--judge-backend <name>", "engine of the judge").choices(["llama", "onnx"]).default("llama"))
      .option("--metrics <list>", "comma-separated metrics (default: the experiment's judge metrics, else every metric its questions have judge prompts for)")
      .option("--context-size <n>", "judge context size", countOption("context-size"))
      .option("--db <path>", "database", DEFAULT_DB_PATH)
      .option("--json", "print one JSON summary"),
  )).action(
    async (
      ref: string | undefined,
      options: EngineCliOptions & EndpointCliOptions & { judge?: string; judgeBackend: BackendName; metrics?: string; contextSize?: number; db: string; json?: boolean },
    ) => {
      const endpoint = endpointFrom(options, options.judge);
      if (!endpoint && options.judge === undefined) throw new EmlabError("give --judge (a GGUF file or ONNX directory) or --endpoint (a served judge)");
      const judge = endpoint
        ? { backend: "served" as const, path: servedLabel(endpoint), contextSize: options.contextSize, endpoint }
        : { backend: options.judgeBackend, path: options.judge!, contextSize: options.contextSize };
      using store = openExistingStore(options.db);
      const run = resolveRun(store, ref);
      const again = endpoint ? endpoint.urls.map((u) => `--endpoint ${u}`).join(" ") + ` --api ${endpoint.api}` : `--judge ${options.judge}`;
      const result = await resumableOnInterrupt(`emlab judge ${run.id} ${again} --db ${options.db}`, () => judgeRun(store, run, {
        judge,
        metrics: options.metrics === undefined ? undefined : metricList(options.metrics),
        gpu: options.gpu,
        threads: options.threads,
        progress: options.json ? undefined : createProgress(process.stderr, "judgments"),
      }));
      if (options.json) return printJson(result);
      process.stdout.write(
        `run ${result.runId}: ${result.judged} judgments made, ${result.skipped} already stored (${result.metrics.join(", ")}); ` +
          `${result.nullScores} without a score (< 25% of the judge's probability on numbers)` +
          `${result.categorical > 0 ? `; ${result.categorical} categorical (a label, not a number)` : ""}\n`,
      );
    },
  );
}

function metricList(text: string): string[] {
  const metrics = [...new Set(text.split(",").map((m) => m.trim()).filter(Boolean))];
  if (metrics.length === 0) throw new EmlabError(`--metrics: no metric named in '${text}' (e.g. --metrics aligned,coherent)`);
  return metrics;
}
