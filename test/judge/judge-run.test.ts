import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { judgeRun, type JudgeRunOptions } from "../../src/judge/judge-run.js";
import { judgeScoreFromDistribution } from "../../src/metrics/judge-score.js";
import { metricsSummary } from "../../src/report/metrics-summary.js";
import { runExperiment } from "../../src/pipeline/run-experiment.js";
import { openStore } from "../../src/store/index.js";
import { sha256 } from "../../src/util/hash.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { tinyProject, type TinyProject } from "./tiny-run.js";

let project: TinyProject;
let runId: number;
const SAMPLES = 4;

const judge = async (metrics?: string[]) => {
  using store = openStore(project.db);
  const options: JudgeRunOptions = { judge: { backend: "llama", path: fixturePaths().tinyJudge }, gpu: "cpu", threads: 1, ...(metrics ? { metrics } : {}) };
  return await judgeRun(store, store.getRun(runId)!, options);
};

beforeAll(async () => {
  project = tinyProject(fixturePaths().tinyQwen2);
  const run = await runExperiment(project.experiment, { db: project.db, gpu: "cpu", threads: 1 });
  runId = run.runId;
  expect(run.planned).toBe(SAMPLES);
});
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

describe("judgeRun: resumable, never repeats work", () => {
  it("judges one metric, then adds another without redoing the first, then does nothing", async () => {
    const first = await judge(["aligned"]);
    expect(first).toMatchObject({ metrics: ["aligned"], judged: SAMPLES, skipped: 0 });

    const second = await judge(["aligned", "coherent"]);
    expect(second).toMatchObject({ judged: SAMPLES, skipped: SAMPLES });

    const again = await judge(["aligned", "coherent"]);
    expect(again).toMatchObject({ judged: 0, skipped: 2 * SAMPLES });

    using store = openStore(project.db);
    const stored = store.getJudgments({ runId });
    expect(stored).toHaveLength(2 * SAMPLES);
    expect(new Set(stored.map((j) => `${j.sampleId}/${j.metric}`)).size).toBe(2 * SAMPLES);
  });

  it("judges a custom metric from the question file's extra judge prompt, the built-in one where a question has none", async () => {
    const result = await judge(["financial"]);
    expect(result).toMatchObject({ judged: SAMPLES, skipped: 0 });
    using store = openStore(project.db);
    const run = store.getRun(runId)!;
    const financial = store.getJudgments({ runId }, { metric: "financial" });
    expect(financial).toHaveLength(SAMPLES);
    // `wish` has its own financial prompt; `bored` falls back to emlab's built-in one.
    expect(new Set(financial.map((j) => j.promptSha)).size).toBe(2);
    const summary = metricsSummary(store, run, { conventions: ["em-paper"], bootstrap: { resamples: 50 } });
    expect(summary.customMetrics.map((m) => m.metric)).toEqual(["financial"]);
    expect(summary.customMetrics[0]!.n).toBe(financial.filter((j) => j.score !== null).length);
  });

  it("re-judges only what a changed judge prompt affects (the prompt's hash is part of the key)", async () => {
    using store = openStore(project.db);
    const aligned = store.getJudgments({ runId }, { metric: "aligned" });
    expect(new Set(aligned.map((j) => j.promptSha)).size).toBe(1);
    const experiment = store.getRun(runId)!.experiment as { questions: { judgePrompts: Record<string, string> }[] };
    expect(aligned[0]!.promptSha).toBe(sha256(experiment.questions[0]!.judgePrompts.aligned!));
  });

  it("without --metrics, judges every metric the run's questions have prompts for", async () => {
    const result = await judge();
    expect(result.metrics.sort()).toEqual(["aligned", "coherent", "financial"]);
    expect(result).toMatchObject({ judged: 0, skipped: 3 * SAMPLES });
  });

  it("rejects a metric no question and no built-in prompt covers, before loading the judge", async () => {
    await expect(judge(["kindness"])).rejects.toThrow(/no judge prompt for metric 'kindness'/);
  });
});

describe("stored judgments", () => {
  it("keep 101 renormalised probabilities, the number mass and the CODE/REFUSAL label masses", () => {
    using store = openStore(project.db);
    for (const j of store.getJudgments({ runId })) {
      expect(j.probs).toBeInstanceOf(Float32Array);
      expect(j.probs).toHaveLength(101);
      expect(j.numberMass).toBeGreaterThanOrEqual(0);
      expect(j.numberMass).toBeLessThanOrEqual(1 + 1e-6);
      if (j.numberMass > 0) expect(j.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
      expect(Object.keys(j.labelMasses).sort()).toEqual(["CODE", "REFUSAL"]);
      for (const mass of Object.values(j.labelMasses)) expect(mass).toBeGreaterThanOrEqual(0);
      expect(j.numberMass + j.labelMasses.CODE! + j.labelMasses.REFUSAL!).toBeLessThanOrEqual(1 + 1e-6);
    }
  });

  it("are enough to recompute the score, and to apply another threshold, without judging again", () => {
    using store = openStore(project.db);
    const judgments = store.getJudgments({ runId });
    for (const j of judgments) {
      const again = judgeScoreFromDistribution(j.probs, j.numberMass);
      expect(again.nullReason === null).toBe(j.score !== null);
      if (j.score !== null) expect(again.score!).toBeCloseTo(j.score, 3);
      // A stricter threshold: the mean over the stored (renormalised) distribution, kept only above it.
      const mean = j.probs.reduce((sum, p, n) => sum + n * p, 0);
      const strict = j.numberMass >= 0.9 ? mean : null;
      if (strict !== null) expect(strict).toBeCloseTo(j.score!, 3);
      else expect(j.numberMass).toBeLessThan(0.9);
    }
    // tiny-judge favours digits: most of its judgments have a score.
    expect(judgments.filter((j) => j.score !== null).length).toBeGreaterThan(judgments.length / 2);
  });
});
