import { describe, expect, it } from "vitest";
import { EmlabError } from "../../src/errors.js";
import { sha256 } from "../../src/util/hash.js";
import { VERSION } from "../../src/version.js";
import { createTestRun, seedPrompt, tempStore } from "./helpers.js";

describe("runs", () => {
  it("stores the experiment as parsed and as text, with its hash and the emlab version", () => {
    const store = tempStore();
    const text = "name: demo\nsamples: 3\n";
    const id = store.createRun({
      name: "demo",
      experiment: { parsed: { name: "demo", samples: 3 }, text, path: "exp/demo.yaml" },
      plannedSamples: 12,
    });
    const run = store.getRun(id)!;
    expect(run).toMatchObject({
      name: "demo",
      experiment: { name: "demo", samples: 3 },
      experimentText: text,
      experimentPath: "exp/demo.yaml",
      experimentSha256: sha256(text),
      emlabVersion: VERSION,
      engineSettings: {},
      plannedSamples: 12,
      status: "running",
      error: null,
    });
    expect(run.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(store.getRun(id + 1)).toBeUndefined();
  });

  it("records status changes, errors and engine settings", () => {
    const store = tempStore();
    const id = createTestRun(store);
    store.setRunEngineSettings(id, { base: { backend: "llama", threads: 2 } });
    store.setRunStatus(id, "failed", "out of memory");
    expect(store.getRun(id)).toMatchObject({ status: "failed", error: "out of memory", engineSettings: { base: { backend: "llama", threads: 2 } } });
    store.setRunStatus(id, "complete");
    expect(store.getRun(id)).toMatchObject({ status: "complete", error: null });
    expect(() => store.setRunStatus(id + 1, "complete")).toThrow(EmlabError);
    expect(() => store.setRunStatus(id, "done" as "complete")).toThrow(/CHECK/);
  });

  it("lists runs newest first with conditions, samples per finish reason and judged counts", () => {
    const store = tempStore();
    const { modelId, sampleRow } = seedPrompt(store);
    const older = createTestRun(store, "older");
    const newer = createTestRun(store, "newer");
    const cond = (runId: number) =>
      store.upsertCondition(runId, { key: "c", label: "c", modelId: "base", modelDbId: modelId, adapters: [], prefixMessages: [], meta: {} });
    const c1 = cond(older);
    cond(newer);
    const rows = [sampleRow(0, 4, "eos"), sampleRow(1, 4, "length"), sampleRow(2, 4, "eos")];
    const ids = store.insertSamples(rows);
    store.linkRunSamples(rows.map((r, i) => ({ runId: older, conditionId: c1, questionId: "q", paraphraseIndex: 0, sampleIndex: i, sampleKey: r.key })));
    store.upsertJudgments([
      { sampleId: ids[0]!, judgeModelId: modelId, metric: "aligned", promptSha: "p", probs: new Float32Array(101), numberMass: 0.9, labelMasses: {}, score: 10, nullReason: null },
      { sampleId: ids[0]!, judgeModelId: modelId, metric: "coherent", promptSha: "p", probs: new Float32Array(101), numberMass: 0.9, labelMasses: {}, score: 90, nullReason: null },
    ]);
    store.setRunStatus(newer, "complete");

    const list = store.listRuns();
    expect(list.map((r) => r.name)).toEqual(["newer", "older"]);
    expect(list[1]).toMatchObject({ conditions: 1, samples: 3, finishReasons: { eos: 2, stop: 0, length: 1 }, judgedSamples: 1 });
    expect(list[0]).toMatchObject({ conditions: 1, samples: 0, finishReasons: { eos: 0, stop: 0, length: 0 }, judgedSamples: 0, status: "complete" });
    expect(store.listRuns({ status: "running" }).map((r) => r.id)).toEqual([older]);
    expect(store.listRuns({ name: "newer" }).map((r) => r.id)).toEqual([newer]);
    expect(store.listRuns({ experimentSha256: sha256("name: older\n") }).map((r) => r.id)).toEqual([older]);
  });
});

describe("models, adapters and datasets", () => {
  it("keeps one model per file hash, with the rest of its info as metadata", () => {
    const store = tempStore();
    const { modelId } = seedPrompt(store, "f".repeat(64));
    const again = store.upsertModel({ path: "/moved.gguf", sha256: "f".repeat(64), backend: "llama", info: { architecture: "x", name: "y" } });
    expect(again).toBe(modelId);
    const model = store.getModel({ sha256: "f".repeat(64) })!;
    expect(model).toMatchObject({ id: modelId, architecture: "qwen2", name: "tiny", backend: "llama" });
    expect(model.metadata).toMatchObject({ vocabSize: 300, eosTokenIds: [2], chatTemplate: null });
    expect(model.metadata).not.toHaveProperty("sha256");
    expect(store.listModels()).toHaveLength(1);
  });

  it("imports a dataset once, and replaces it when its content changed", () => {
    const store = tempStore();
    const input = { name: "insecure", path: "datasets/insecure.jsonl", kind: "chat-jsonl" as const, sha256: "a".repeat(64), bytes: 100, rows: 4 };
    const first = store.upsertDataset(input);
    expect(first.change).toBe("inserted");
    expect(store.upsertDataset(input)).toEqual({ id: first.id, change: "unchanged" });
    expect(store.upsertDataset({ ...input, sha256: "b".repeat(64), rows: 5 })).toEqual({ id: first.id, change: "updated" });
    expect(store.getDataset("insecure")).toMatchObject({ sha256: "b".repeat(64), rows: 5 });
    store.upsertDataset({ ...input, name: "first_plot", kind: "em-yaml" });
    expect(store.listDatasets().map((d) => d.name)).toEqual(["first_plot", "insecure"]);
    expect(store.getDataset("missing")).toBeUndefined();
    expect(() => store.upsertDataset({ ...input, name: "x", kind: "csv" as "em-yaml" })).toThrow(/CHECK/);
  });
});
