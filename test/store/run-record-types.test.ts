/** What a run stores is decoded once, at the store boundary: typed fields, defaults for older records, errors that name the field. */
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { decodeConditionMeta, decodeStoredExperiment, EXPERIMENT_RECORD_VERSION } from "../../src/store/index.js";
import { tempStore } from "./helpers.js";

describe("stored experiment records", () => {
  it("gives an older record without cells, questions or judge their defaults, and keeps other fields", () => {
    const decoded = decodeStoredExperiment({ name: "old", samples: 3 }, "run 1");
    expect(decoded).toMatchObject({ formatVersion: EXPERIMENT_RECORD_VERSION, name: "old", judge: null, probes: null, questions: [], cells: [], samples: 3 });
  });

  it("decodes a judge and questions with their types", () => {
    const decoded = decodeStoredExperiment(
      {
        name: "x",
        judge: { backend: "onnx", model: "/m", metrics: ["aligned"] },
        questions: [{ id: "q", type: "free_form_judge", paraphrases: ["Hi?"], system: null, judgePrompts: { aligned: "Rate {answer}" } }],
        cells: [{ conditionKey: "c", questionId: "q", paraphraseIndex: 0, question: "Hi?" }],
      },
      "run 2",
    );
    expect(decoded.judge).toMatchObject({ backend: "onnx", metrics: ["aligned"] });
    expect(decoded.questions[0]!.judgePrompts.aligned).toBe("Rate {answer}");
    expect(decoded.cells[0]!.paraphraseIndex).toBe(0);
  });

  it("refuses a field of the wrong type, naming the run and the field", () => {
    expect(() => decodeStoredExperiment({ name: "x", judge: { model: "/m", metrics: "aligned" } }, "run 3 (x): experiment")).toThrow(
      /run 3 \(x\): experiment: judge: stored field 'metrics' is not a list/,
    );
    expect(() => decodeStoredExperiment({ name: "x", judge: { backend: "vllm", model: "/m", metrics: [] } }, "run 4")).toThrow(/unknown engine 'vllm'/);
    expect(() => decodeStoredExperiment([], "run 5")).toThrow(/run 5: expected an object/);
  });
});

describe("stored condition metadata", () => {
  it("types every field and defaults the missing ones", () => {
    const meta = decodeConditionMeta({ variantId: "risky", k: 4, seed: 0, cot: true }, "condition c");
    expect(meta).toMatchObject({ variantId: "risky", k: 4, seed: 0, cot: true, trigger: null, loraScale: null, adapters: [], group: null, exampleIds: [] });
    expect(() => decodeConditionMeta({ k: "4" }, "condition c")).toThrow(/condition c: stored field 'k' is not a number/);
  });

  it("reads through the store: a corrupted stored record is an error, not a silent undefined", () => {
    const store = tempStore();
    const runId = store.createRun({ name: "r", experiment: { parsed: { name: "r" }, text: "name: r\n" } });
    expect(store.getRun(runId)!.experiment).toMatchObject({ name: "r", cells: [] });
    const db = new Database(store.path);
    db.prepare("UPDATE runs SET experiment = ? WHERE id = ?").run(JSON.stringify({ name: "r", cells: {} }), runId);
    db.close();
    expect(() => store.getRun(runId)).toThrow(/run \d+ \(r\): experiment: stored field 'cells' is not a list/);
  });
});
