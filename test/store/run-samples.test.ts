import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../src/backend/types.js";
import { createTestRun, seedPrompt, tempStore } from "./helpers.js";
import type { Store } from "../../src/store/index.js";

function condition(store: Store, runId: number, modelDbId: number, key: string, adapters: { sha256: string; scale: number }[] = []) {
  const prefixMessages: ChatMessage[] = [{ role: "system", content: `prefix ${key}` }];
  return store.upsertCondition(runId, { key, label: `label ${key}`, modelId: "base", modelDbId, adapters, prefixMessages, meta: { k: 2, cot: false } });
}

describe("conditions and run-sample links", () => {
  it("keeps one condition per key within a run, with its adapters resolved to rows", () => {
    const store = tempStore();
    const { modelId } = seedPrompt(store);
    const runA = createTestRun(store, "a");
    const runB = createTestRun(store, "b");
    const adapterId = store.upsertAdapter({ path: "/a/lora.gguf", sha256: "a".repeat(64) });
    expect(store.upsertAdapter({ path: "/elsewhere/lora.gguf", sha256: "a".repeat(64) })).toBe(adapterId);
    const id = condition(store, runA, modelId, "c1", [{ sha256: "a".repeat(64), scale: 0.5 }]);
    expect(condition(store, runA, modelId, "c1")).toBe(id);
    expect(condition(store, runB, modelId, "c1")).not.toBe(id);
    const back = store.getCondition(id)!;
    expect(back.adapters).toEqual([{ adapterId, sha256: "a".repeat(64), scale: 0.5 }]);
    expect(back.variant).toMatchObject({ k: 2, cot: false, seed: null, adapters: [] });
    expect(back.prefixMessages[0]?.content).toBe("prefix c1");
    expect(store.listConditions(runA).map((c) => c.key)).toEqual(["c1"]);
    expect(() => condition(store, runA, modelId, "c2", [{ sha256: "b".repeat(64), scale: 1 }])).toThrow(/not in the store/);
  });

  it("links a cell once even when a resumed run links it again, and lists it with its context", () => {
    const store = tempStore();
    const { modelId, sampleRow } = seedPrompt(store);
    const runId = createTestRun(store);
    const c1 = condition(store, runId, modelId, "c1");
    const c2 = condition(store, runId, modelId, "c2");
    const rows = [sampleRow(0), sampleRow(1, 3, "length")];
    store.insertSamples(rows);
    const links = [
      { runId, conditionId: c1, questionId: "q2", paraphraseIndex: 0, sampleIndex: 0, sampleKey: rows[0]!.key },
      { runId, conditionId: c1, questionId: "q1", paraphraseIndex: 1, sampleIndex: 1, sampleKey: rows[1]!.key },
      // The same sample serves a second condition whose prompt happens to be identical.
      { runId, conditionId: c2, questionId: "q1", paraphraseIndex: 1, sampleIndex: 1, sampleKey: rows[1]!.key },
    ];
    store.linkRunSamples(links);
    store.linkRunSamples(links);

    const all = store.listRunSamples(runId);
    expect(all.map((r) => [r.conditionKey, r.questionId, r.sampleIndex])).toEqual([
      ["c1", "q1", 1],
      ["c1", "q2", 0],
      ["c2", "q1", 1],
    ]);
    expect(all[0]).toMatchObject({ conditionLabel: "label c1", paraphraseIndex: 1, finishReason: "length", nTokens: 3, text: "answer 1" });
    expect(all[0]!.messages).toEqual([{ role: "user", content: "hi" }]);
    expect(all[0]!.tokens).toBeUndefined();

    const filtered = store.listRunSamples(runId, { conditionKey: "c1", questionId: "q2", withTokens: true });
    expect(filtered).toHaveLength(1);
    expect(Array.from(filtered[0]!.tokens!.tokenIds)).toEqual(Array.from(rows[0]!.sample.tokenIds));
    expect(store.listRunSamples(runId, { conditionId: c2 })).toHaveLength(1);
    expect(store.listRunSamples(runId, { limit: 1, offset: 1 }).map((r) => r.questionId)).toEqual(["q2"]);
  });

  it("refuses to relink a cell to a different sample, and to link a sample that is not stored", () => {
    const store = tempStore();
    const { modelId, sampleRow } = seedPrompt(store);
    const runId = createTestRun(store);
    const c1 = condition(store, runId, modelId, "c1");
    store.insertSamples([sampleRow(0), sampleRow(1)]);
    const cell = { runId, conditionId: c1, questionId: "q", paraphraseIndex: 0, sampleIndex: 0 };
    store.linkRunSamples([{ ...cell, sampleKey: sampleRow(0).key }]);
    expect(() => store.linkRunSamples([{ ...cell, sampleKey: sampleRow(1).key }])).toThrow(/already linked to another sample/);
    expect(() => store.linkRunSamples([{ ...cell, sampleIndex: 5, sampleKey: "nope" }])).toThrow(/no sample with key nope/);
    expect(store.listRunSamples(runId)).toHaveLength(1);
  });
});
