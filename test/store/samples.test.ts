import { describe, expect, it } from "vitest";
import type { RunnerStore } from "../../src/runner/runner-store.js";
import { promptKey, sampleKey } from "../../src/runner/sample-key.js";
import { EM_SAMPLING_DEFAULTS } from "../../src/backend/types.js";
import { createTestRun, seedPrompt, tempStore } from "./helpers.js";

function bitsEqual(a: Float32Array, b: Float32Array): boolean {
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

describe("prompts and samples", () => {
  it("serves the runner (the Store fits RunnerStore)", () => {
    const store = tempStore();
    const asRunner: RunnerStore = store;
    expect(typeof asRunner.hasSampleKeys).toBe("function");
  });

  it("stores a prompt once per key and returns its tokens as an Int32Array", () => {
    const store = tempStore();
    const tokens = [151644, 872, 198, -1, 0];
    const key = promptKey("s".repeat(64), tokens);
    const input = { key, messages: [{ role: "user" as const, content: "q" }], renderedText: "text", tokenIds: tokens };
    const id = store.upsertPrompt(input);
    expect(store.upsertPrompt(input)).toBe(id);
    const back = store.getPrompt({ id });
    expect(back?.tokenIds).toBeInstanceOf(Int32Array);
    expect(Array.from(back!.tokenIds)).toEqual(tokens);
    expect(back?.messages).toEqual(input.messages);
    expect(store.getPrompt({ key })?.id).toBe(id);
    expect(store.getPrompt({ id: id + 1 })).toBeUndefined();
  });

  it("round-trips every per-token array bit for bit, for odd lengths and empty samples", () => {
    const store = tempStore();
    const { sampleRow } = seedPrompt(store);
    const rows = [sampleRow(0, 0), sampleRow(1, 1), sampleRow(2, 13), sampleRow(3, 600)];
    const ids = store.insertSamples(rows);
    expect(ids).toHaveLength(4);
    rows.forEach((row, i) => {
      const back = store.getSample(ids[i]!)!;
      expect(back.key).toBe(row.key);
      expect(back.tokenIds).toBeInstanceOf(Int32Array);
      expect(back.logprobs).toBeInstanceOf(Float32Array);
      expect(Array.from(back.tokenIds)).toEqual(Array.from(row.sample.tokenIds));
      expect(Array.from(back.topIds)).toEqual(Array.from(row.sample.topIds));
      expect(bitsEqual(back.logprobs, row.sample.logprobs)).toBe(true);
      expect(bitsEqual(back.topLogprobs, row.sample.topLogprobs)).toBe(true);
      expect(back.topK).toBe(3);
      expect(back.params).toEqual(EM_SAMPLING_DEFAULTS);
      expect(back.text).toBe(row.sample.text);
      expect(back.finishReason).toBe("eos");
    });
    expect(store.getSample(ids[3]!)!.topLogprobs.at(-1)).toBe(-Infinity);
    expect(store.getSampleByKey(rows[2]!.key)?.id).toBe(ids[2]);
  });

  it("keeps one row per sample key: inserting again returns the existing id and changes nothing", () => {
    const store = tempStore();
    const { sampleRow } = seedPrompt(store);
    const [first] = store.insertSamples([sampleRow(0)]);
    const altered = sampleRow(0);
    altered.sample = { ...altered.sample, text: "something else" };
    const again = store.insertSamples([altered, sampleRow(1), sampleRow(1)]);
    expect(again[0]).toBe(first);
    expect(again[1]).toBe(again[2]);
    expect(store.getSample(first!)?.text).toBe("answer 0");
  });

  it("refuses arrays whose shapes disagree, before writing anything", () => {
    const store = tempStore();
    const { sampleRow } = seedPrompt(store);
    const bad = sampleRow(1, 4);
    bad.sample = { ...bad.sample, topIds: bad.sample.topIds.subarray(1) };
    expect(() => store.insertSamples([sampleRow(0), bad])).toThrow(/top-K arrays/);
    expect(store.hasSampleKeys([sampleRow(0).key]).size).toBe(0);
  });

  it("tells which keys exist, for any number of keys", () => {
    const store = tempStore();
    const { sampleRow } = seedPrompt(store);
    const stored = Array.from({ length: 30 }, (_, i) => sampleRow(i, 2));
    store.insertSamples(stored);
    const asked = [...stored.map((r) => r.key), ...Array.from({ length: 1200 }, (_, i) => `missing-${i}`), stored[0]!.key];
    const found = store.hasSampleKeys(asked);
    expect(found).toEqual(new Set(stored.map((r) => r.key)));
    expect(store.hasSampleKeys([])).toEqual(new Set());
  });

  it("rolls a whole transaction back when anything in it throws", () => {
    const store = tempStore();
    const { sampleRow } = seedPrompt(store);
    const runId = createTestRun(store);
    expect(() =>
      store.transaction(() => {
        store.insertSamples([sampleRow(0), sampleRow(1)]);
        store.setRunStatus(runId, "complete");
        throw new Error("killed mid-cell");
      }),
    ).toThrow("killed mid-cell");
    expect(store.hasSampleKeys([sampleRow(0).key, sampleRow(1).key]).size).toBe(0);
    expect(store.getRun(runId)?.status).toBe("running");
  });

  it("rolls back only the inner part of a nested transaction that failed", () => {
    const store = tempStore();
    const { sampleRow } = seedPrompt(store);
    store.transaction(() => {
      store.insertSamples([sampleRow(0)]);
      expect(() =>
        store.transaction(() => {
          store.insertSamples([sampleRow(1)]);
          throw new Error("inner");
        }),
      ).toThrow("inner");
    });
    expect(store.hasSampleKeys([sampleRow(0).key, sampleRow(1).key])).toEqual(new Set([sampleRow(0).key]));
  });

  it("accepts the runner's sample keys (64-hex content keys)", () => {
    const store = tempStore();
    const { sampleRow, promptKey: pKey } = seedPrompt(store);
    const key = sampleKey({ modelSha: "m".repeat(64), adapters: [], promptKey: pKey, params: EM_SAMPLING_DEFAULTS, sampleIndex: 0 });
    store.insertSamples([{ ...sampleRow(0), key }]);
    expect(store.hasSampleKeys([key])).toEqual(new Set([key]));
  });
});
