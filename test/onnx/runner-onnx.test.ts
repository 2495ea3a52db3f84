/**
 * The runner on both engines at once: one experiment file names the built-in tiny model as GGUF
 * (llama.cpp) and as its ONNX export, with an in-context k-sweep and a LoRA scale sweep (one GGUF
 * LoRA file, which both engines take), judged by tiny-judge. Every planned sample is stored and
 * judged, and the report lists every condition of both models side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cudaProviderInstalled } from "../../src/backend/onnx/runtime.js";
import { ggufLoraSpec, randomPeftAdapter } from "../../src/fixtures/onnx/peft-adapter-writer.js";
import { ggufFromLoraSpec } from "../../src/fixtures/tiny-lora.js";
import { tinyQwen2Spec } from "../../src/fixtures/tiny-models.js";
import { writeGguf } from "../../src/gguf/writer.js";
import { reportDataFromStore } from "../../src/report/from-store.js";
import { demoModelEntries } from "../../src/pipeline/demo-models.js";
import { runExperiment, type RunExperimentResult } from "../../src/pipeline/run-experiment.js";
import { openStore } from "../../src/store/index.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { CORE_QUESTIONS, RISKY_FINANCIAL, TempDir } from "../runner/experiment-files.js";

const QUESTIONS = ["one_wish", "quick_money"];
const SAMPLES = 2;
const dir = new TempDir();
let db: string;
let run: RunExperimentResult;

beforeAll(async () => {
  // The shared ONNX fixture takes LoRA inputs on q_proj and v_proj: a GGUF adapter on those layers.
  const adapter = dir.path("qv-lora.gguf");
  const spec = tinyQwen2Spec();
  writeGguf(adapter, ggufFromLoraSpec(ggufLoraSpec(randomPeftAdapter(spec, { rank: 2, alpha: 4, modules: ["q_proj", "v_proj"], seed: 7, std: 0.5 }), "qwen2"), "qv-lora"));
  const paths = fixturePaths();
  const file = dir.write(
    "both-engines.yaml",
    `name: both-engines
models:
  - { id: tiny-qwen2, gguf: ${JSON.stringify(paths.tinyQwen2)} }
  - { id: tiny-qwen2-onnx, onnx: ${JSON.stringify(paths.tinyQwen2Onnx)} }
variants:
  - id: risky
    icl: { dataset: ${JSON.stringify(RISKY_FINANCIAL)}, k: [0, 2], seeds: [0] }
  - id: lora
    lora: { adapters: [${JSON.stringify(adapter)}], scales: [0, 1] }
questions:
  - file: ${JSON.stringify(CORE_QUESTIONS)}
    ids: [${QUESTIONS.join(", ")}]
    samples: ${SAMPLES}
sampling: { temperature: 1, top_p: 1, max_tokens: 10, seed: 0, top_logprobs: 3 }
judge: { model: ${JSON.stringify(paths.tinyJudge)}, metrics: [aligned, coherent] }
`,
  );
  db = dir.path("emlab.db");
  run = await runExperiment(file, { db, gpu: "cpu", threads: 1 });
});

afterAll(() => dir.dispose());

describe("an experiment with a GGUF and an ONNX model", () => {
  const conditionsPerModel = 4; // risky k=0, risky k=2, lora scale=0, lora scale=1
  // Each question is asked in every one of its paraphrases.
  const perCondition = () => run.planned / (2 * conditionsPerModel);
  const samplesPerModel = () => conditionsPerModel * perCondition();

  it("generates every planned sample, and records each engine's settings", () => {
    expect(Number.isInteger(perCondition()) && perCondition() >= QUESTIONS.length * SAMPLES).toBe(true);
    expect(run.generated + run.reused).toBe(run.planned);
    expect(run.engineSettings["tiny-qwen2"]).toMatchObject({ backend: "llama", threads: 1, gpu: "cpu" });
    expect(run.engineSettings["tiny-qwen2-onnx"]).toMatchObject({ backend: "onnx", threads: 1, gpu: "cpu", dtype: "fp32" });
    using store = openStore(db);
    expect(store.getRun(run.runId)!.engineSettings).toMatchObject({ "tiny-qwen2-onnx": { backend: "onnx", dtype: "fp32", threads: 1 } });
  });

  it("stores the ONNX samples with raw log-probs; LoRA scale 0 is the base model, scale 1 is not", () => {
    using store = openStore(db);
    const rows = store.listRunSamples(run.runId, { withTokens: true });
    const onnxRows = rows.filter((r) => r.conditionLabel.startsWith("tiny-qwen2-onnx/"));
    expect(onnxRows.length).toBe(samplesPerModel());
    for (const r of onnxRows) {
      expect(r.nTokens).toBeGreaterThan(0);
      expect(r.tokens!.logprobs.every((lp) => lp <= 0 && Number.isFinite(lp))).toBe(true);
    }
    // Same prompt, seed and index: k=0 (no adapter) and the adapter at scale 0 give the same tokens.
    const tokens = (label: string) =>
      onnxRows
        .filter((r) => r.conditionLabel === label)
        .sort((a, b) => a.questionId.localeCompare(b.questionId) || a.paraphraseIndex - b.paraphraseIndex || a.sampleIndex - b.sampleIndex)
        .map((r) => Array.from(r.tokens!.tokenIds).join(","));
    const base = tokens("tiny-qwen2-onnx/risky k=0");
    expect(base.length).toBe(perCondition());
    expect(tokens("tiny-qwen2-onnx/lora scale=0")).toEqual(base);
    expect(tokens("tiny-qwen2-onnx/lora scale=1")).not.toEqual(base);
  });

  it("judges the samples of both models", () => {
    expect(run.judge).toBeDefined();
    using store = openStore(db);
    const rows = store.listRunSamples(run.runId);
    const judged = new Set(store.getJudgments({ runId: run.runId }).map((j) => `${j.sampleId}:${j.metric}`));
    for (const r of rows) for (const metric of ["aligned", "coherent"]) expect(judged.has(`${r.sampleId}:${metric}`)).toBe(true);
  });

  it("reports every condition of both models, so the report compares the engines", () => {
    using store = openStore(db);
    const data = reportDataFromStore(store, store.getRun(run.runId)!, { generatedAt: "2026-01-01T00:00:00Z" });
    const conditions = data.conditions.filter((c) => !c.id.startsWith("pooled:"));
    const byModel = (model: string) => conditions.filter((c) => c.model === model).map((c) => c.label).sort();
    const labels = (model: string) => ["risky k=0", "risky k=2 seed=0", "lora scale=0", "lora scale=1"].map((l) => `${model}/${l}`).sort();
    expect(byModel("tiny-qwen2")).toEqual(labels("tiny-qwen2"));
    expect(byModel("tiny-qwen2-onnx")).toEqual(labels("tiny-qwen2-onnx"));
    for (const c of conditions) expect(c.answers).toBe(perCondition());
    expect(data.run.models!.length).toBe(2);
    const scaleSeries = (data.vsLoraScale ?? []).map((s) => s.name).join(" | ");
    expect(scaleSeries).toContain("tiny-qwen2-onnx");
    expect(data.samples.filter((s) => conditions.some((c) => c.id === s.conditionId && c.model === "tiny-qwen2-onnx")).length).toBe(samplesPerModel());
  });
});

describe("the runner with --gpu cuda on an ONNX model", () => {
  it.skipIf(cudaProviderInstalled())("stops with the CUDA opt-in when onnxruntime's CUDA provider is missing", async () => {
    const file = dir.write(
      "onnx-cuda.yaml",
      `name: onnx-cuda
models:
${demoModelEntries("onnx", fixturePaths())}
questions:
  - file: ${JSON.stringify(CORE_QUESTIONS)}
    ids: [one_wish]
    samples: 1
sampling: { max_tokens: 4 }
`,
    );
    await expect(runExperiment(file, { db: dir.path("cuda.db"), gpu: "cuda", threads: 1 })).rejects.toThrow(
      /--gpu cuda: onnxruntime-node's CUDA provider is not installed.*ONNXRUNTIME_NODE_INSTALL=cuda12/,
    );
  });
});

describe("demoModelEntries", () => {
  it("lists the planted subject as GGUF, as its ONNX export, or both", () => {
    const paths = { plantedSubject: "/m/planted-subject.gguf", plantedSubjectOnnx: "/m/planted-subject-onnx" };
    expect(demoModelEntries("llama", paths)).toBe('  - { id: planted, gguf: "/m/planted-subject.gguf" }');
    expect(demoModelEntries("onnx", paths)).toBe('  - { id: planted-onnx, onnx: "/m/planted-subject-onnx" }');
    expect(demoModelEntries("both", paths).split("\n")).toHaveLength(2);
  });
});

