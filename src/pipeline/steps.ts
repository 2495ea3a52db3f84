import type { EngineOptions, EngineSettings } from "../backend/types.js";
import type { ExperimentConfig, Plan } from "../experiment/index.js";
import { judgeRun, type JudgeRunResult } from "../judge/judge-run.js";
import { anyProbe, type ProbeConfig } from "../probes/config.js";
import { runProbes } from "../probes/run-probes.js";
import { executePlan, type ExecuteResult } from "../runner/execute.js";
import type { RunRecord, Store } from "../store/index.js";
import type { Progress } from "../util/progress.js";

/** What every step of `emlab run` sees. */
export interface StepContext {
  store: Store;
  runId: number;
  config: ExperimentConfig;
  plan: Plan;
  probeConfig: ProbeConfig | null;
  engine: EngineOptions;
  progress?: Progress;
  judgeProgress?: Progress;
  /** The run as stored now (steps read what earlier steps wrote). */
  run(): RunRecord;
}

export interface StepResults {
  sample: ExecuteResult;
  judge: JudgeRunResult;
  probes: { computed: number; reused: number; seconds: number; engineSettings: Record<string, EngineSettings> };
}

export interface PipelineStep<K extends keyof StepResults = keyof StepResults> {
  name: K;
  /** Whether the experiment asks for this step. */
  wanted(ctx: StepContext): boolean;
  run(ctx: StepContext): Promise<StepResults[K]>;
}

const sample: PipelineStep<"sample"> = {
  name: "sample",
  wanted: () => true,
  run: (ctx) => executePlan(ctx.plan, ctx.store, ctx.runId, { ...ctx.engine, progress: ctx.progress }),
};

const judge: PipelineStep<"judge"> = {
  name: "judge",
  wanted: (ctx) => ctx.config.judge !== null && ctx.config.judge !== undefined,
  run: (ctx) => {
    const spec = ctx.config.judge!;
    return judgeRun(ctx.store, ctx.run(), {
      ...ctx.engine,
      judge: { backend: spec.backend, path: spec.model, contextSize: spec.contextSize, ...(spec.endpoint ? { endpoint: spec.endpoint } : {}) },
      metrics: spec.metrics,
      progress: ctx.judgeProgress,
    });
  },
};

const probes: PipelineStep<"probes"> = {
  name: "probes",
  wanted: (ctx) => anyProbe(ctx.probeConfig),
  run: async (ctx) => {
    const { computed, reused, seconds, engineSettings } = await runProbes(ctx.store, ctx.run(), ctx.plan, ctx.engine);
    return { computed, reused, seconds, engineSettings };
  },
};

/**
 * `emlab run`, in order: sample every planned answer, judge them, then probe the persona (recognition
 * and score prediction pick answers by their judge scores, so probes come after judging). One place
 * to add a step.
 */
export const PIPELINE: readonly PipelineStep[] = [sample, judge, probes];
