/**
 * Comparing finetunes end to end: PEFT checkpoints written by the test (`runs/medical/checkpoint-*`)
 * beside the plain model, run on llama.cpp (each checkpoint converted once into the adapter cache),
 * judged, probed; the report puts the adapters side by side and plots them against training step.
 */
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHIPPED_DATASETS_DIR } from "../../src/datasets/shipped.js";
import { CONVENTION_NAMES } from "../../src/metrics/conventions.js";
import { reportDataFromStore } from "../../src/report/from-store.js";
import { renderReport } from "../../src/report/render.js";
import type { ReportData } from "../../src/report/types.js";
import { runExperiment, type RunExperimentResult } from "../../src/pipeline/run-experiment.js";
import { openStore } from "../../src/store/index.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { AdapterTempDir, peftData, writePeft } from "./helpers/peft-folders.js";

const tmp = new AdapterTempDir();
const STEPS = [100, 20, 300];
let run: RunExperimentResult;
let data: ReportData;

beforeAll(async () => {
  const weights = peftData({ rank: 1, alpha: 1, modules: ["q_proj", "v_proj", "down_proj"], seed: 61, std: 0.5 });
  // Later checkpoints: a stronger adapter (alpha grows with the step).
  for (const step of STEPS) writePeft(tmp.path(`runs/medical/checkpoint-${step}`), weights, { lora_alpha: step / 20, use_rslora: true });
  const f = fixturePaths();
  const file = tmp.path("compare.yaml");
  writeFileSync(
    file,
    `name: compare-checkpoints
models:
  - { id: tiny, gguf: ${JSON.stringify(f.tinyQwen2)}, context_size: 1024 }
variants:
  - id: base
  - id: medical
    lora: { adapters: "runs/medical/checkpoint-*" }
questions: [{ file: ${JSON.stringify(join(SHIPPED_DATASETS_DIR, "questions/core.yaml"))}, ids: [one_wish], samples: 2 }]
sampling: { temperature: 1, top_p: 1, max_tokens: 6, seed: 0 }
judge: { model: ${JSON.stringify(f.tinyJudge)}, metrics: [aligned, coherent] }
probes: { self_assessment: { prompts: 1 }, choice: { pairs: 1 }, logprob_monitor: true }
`,
  );
  const db = tmp.path("emlab.db");
  run = await runExperiment(file, { db, gpu: "cpu", threads: 1 });
  using store = openStore(db);
  data = reportDataFromStore(store, store.getRun(run.runId)!, { bootstrap: { resamples: 50 } });
}, 600_000);
afterAll(() => tmp.dispose());

describe("comparing checkpoints", () => {
  it("runs one condition per checkpoint, converting each PEFT checkpoint once into the cache", () => {
    expect(run.generated).toBe(run.planned);
    expect(readdirSync(tmp.path("cache/adapters")).filter((f) => f.endsWith(".gguf"))).toHaveLength(STEPS.length);
  });

  it("the report has one row per checkpoint and the base, with both conventions, coherence, monitor and verdict", () => {
    const rows = data.adapters!.rows;
    expect(rows.map((r) => r.label)).toEqual(["base", "medical/checkpoint-20 scale=1", "medical/checkpoint-100 scale=1", "medical/checkpoint-300 scale=1"]);
    expect(rows.map((r) => r.step)).toEqual([null, 20, 100, 300]);
    expect(rows[1]!.adapters).toBe("runs/medical/checkpoint-20 ×1");
    expect(rows[0]!.adapters).toBe("base (no adapter)");
    for (const r of rows) {
      const condition = data.conditions.find((c) => c.id === r.conditionId)!;
      expect(r.answers).toBe(condition.answers);
      // The report's convention (em-paper) agrees with the conditions table; the other is computed too.
      expect(r.misalignment["em-paper"]).toMatchObject({ value: condition.rate.value, k: condition.misaligned, n: condition.n });
      for (const c of CONVENTION_NAMES) expect(r.misalignment[c].k).toBeLessThanOrEqual(r.misalignment[c].n);
      expect(r.coherence).toEqual(condition.coherenceRate);
      expect(r.monitorGap).not.toBeNull();
      expect(r.verdict).toEqual(expect.any(String));
    }
    // KL from the base: zero for the base itself, positive for the adapters.
    expect(rows[0]!.kl!.value).toBe(0);
    for (const r of rows.slice(1)) expect(r.kl!.value).toBeGreaterThan(0);
  });

  it("plots misalignment and the monitor against training step, and renders the section", () => {
    expect(data.adapters!.misalignmentVsStep.map((s) => [s.name, s.points.map((p) => p.x)])).toEqual([["medical", [20, 100, 300]]]);
    expect(data.adapters!.monitorVsStep[0]!.points.map((p) => p.x)).toEqual([20, 100, 300]);
    const page = renderReport(data);
    expect(page).toContain('<section id="adapters">');
    for (const kind of ["adapter-comparison", "misalignment-vs-step", "monitor-vs-step"]) expect(page).toContain(`data-chart="${kind}"`);
  });
});
