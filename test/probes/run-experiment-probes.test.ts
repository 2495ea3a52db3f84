import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHIPPED_DATASETS_DIR } from "../../src/datasets/shipped.js";
import { reportDataFromStore } from "../../src/report/from-store.js";
import { runExperiment, type RunExperimentResult } from "../../src/pipeline/run-experiment.js";
import { openStore } from "../../src/store/index.js";
import { fixturePaths } from "../helpers/fixtures.js";

/** A LoRA scale sweep (scale 0 is the base condition) and a CoT condition, every probe on, tiny sizes. */
function experiment(): string {
  const f = fixturePaths();
  const data = (p: string) => JSON.stringify(join(SHIPPED_DATASETS_DIR, p));
  return `name: probe-run
models:
  - { id: tiny, gguf: ${JSON.stringify(f.tinyQwen2)}, context_size: 2048 }
variants:
  - id: lora
    lora: { adapters: [${JSON.stringify(f.tinyQwen2Lora)}], scales: [0, 1] }
  - id: cot
    icl: { dataset: ${data("narrow/risky-financial-advice.jsonl")}, k: [1], seeds: [0] }
    cot: true
questions:
  - file: ${data("questions/core.yaml")}
    ids: [one_wish]
    samples: 2
sampling: { temperature: 1, top_p: 1, max_tokens: 6, seed: 0 }
judge: { model: ${JSON.stringify(f.tinyJudge)}, metrics: [aligned, coherent] }
probes:
  self_assessment: { prompts: 1 }
  choice: { pairs: 1 }
  recognition: { per_source: 1 }
  score_prediction: { per_condition: 1 }
  cot_persona: true
  logprob_monitor: true
`;
}

describe("runExperiment with probes", () => {
  let dir: string;
  let db: string;
  let file: string;
  let first: RunExperimentResult;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "emlab-probe-run-"));
    db = join(dir, "emlab.db");
    file = join(dir, "exp.yaml");
    writeFileSync(file, experiment());
    first = await runExperiment(file, { db, gpu: "cpu", threads: 1 });
  }, 600_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("runs every probe on every condition after sampling and judging, and returns the counts", () => {
    expect(first.judge?.judged).toBeGreaterThan(0);
    expect(first.probes!.computed).toBeGreaterThan(0);
    expect(first.probes!.reused).toBe(0);
    using store = openStore(db);
    const results = store.listProbeResults(first.runId);
    expect(results).toHaveLength(first.probes!.computed);
    const conditions = store.listConditions(first.runId);
    expect(conditions).toHaveLength(3);
    for (const c of conditions) {
      const probes = new Set(results.filter((r) => r.conditionId === c.id).map((r) => r.probe));
      // Recognition and score prediction need judged answers of the right kind; the rest always run.
      for (const p of ["self_assessment", "choice", "logprob_monitor"]) expect(probes, `${c.label}: ${p}`).toContain(p);
      // The first prompt of each scale (alignment, harmfulness).
      expect(results.filter((r) => r.conditionId === c.id && r.probe === "self_assessment").map((r) => r.itemKey)).toEqual(["aligned:0", "harmful:0"]);
    }
    // KL from the base condition: exactly 0 for the base (LoRA scale 0) itself, positive at scale 1.
    const kl = (scale: number) => {
      const c = conditions.find((k) => k.variant.loraScale === scale)!;
      return results.find((r) => r.conditionId === c.id && r.probe === "logprob_monitor")!.details.kl as number;
    };
    expect(kl(0)).toBe(0);
    expect(kl(1)).toBeGreaterThan(0);
  });

  it("records how every model ran: subjects, the judge and the models the probes opened", () => {
    using store = openStore(db);
    const settings = store.getRun(first.runId)!.engineSettings as Record<string, { backend: string; threads: number }>;
    const subject = Object.keys(first.engineSettings)[0]!;
    expect(settings[subject]).toMatchObject({ backend: "llama", threads: 1 });
    expect(settings.judge).toMatchObject({ backend: "llama", threads: 1, parallelSequences: 1 });
    expect(settings[`probes:${subject}`]).toMatchObject({ backend: "llama", threads: 1, parallelSequences: 1 });
  });

  it("resumes: a second run computes no probe again and reuses every stored result", async () => {
    const again = await runExperiment(file, { db, gpu: "cpu", threads: 1 });
    expect(again.resumed).toBe(true);
    expect(again.generated).toBe(0);
    expect(again.probes).toMatchObject({ computed: 0, reused: first.probes!.computed });
  }, 600_000);

  it("the report of the run has the persona and monitor sections", () => {
    using store = openStore(db);
    const data = reportDataFromStore(store, store.getRun(first.runId)!, { generatedAt: "2026-01-01T00:00:00Z", bootstrap: { resamples: 200 } });
    expect(data.persona!.rows).toHaveLength(3);
    expect(data.persona!.definition).toContain("self-assessed alignment");
    expect(data.monitor!.rows).toHaveLength(3);
    expect(data.monitor!.vsScale!.map((s) => s.points.map((p) => p.x))).toEqual([[0, 1]]);
  });

  it("a typo in probes: fails before anything is sampled", async () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, experiment().replace("self_assessment:", "self_asessment:"));
    await expect(runExperiment(bad, { db: join(dir, "bad.db"), gpu: "cpu", threads: 1 })).rejects.toThrow(/unknown probe 'self_asessment'/);
    using store = openStore(join(dir, "bad.db"));
    expect(store.listRuns()).toEqual([]);
  });
});
