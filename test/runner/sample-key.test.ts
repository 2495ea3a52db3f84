/** Sample keys: everything that determines a sample's tokens, and nothing else. */
import { describe, expect, it } from "vitest";
import { EM_SAMPLING_DEFAULTS, type SamplingParams } from "../../src/backend/types.js";
import { promptKey, sampleKey } from "../../src/runner/sample-key.js";

const MODEL = "a".repeat(64);
const base = { modelSha: MODEL, adapters: [], promptKey: promptKey(MODEL, [1, 2, 3]), params: { ...EM_SAMPLING_DEFAULTS, stop: [] }, sampleIndex: 0 };

describe("sampleKey", () => {
  it("changes with every input that changes the sample", () => {
    const params = (change: Partial<SamplingParams>) => ({ ...base, params: { ...base.params, ...change } });
    const variants = [
      base,
      { ...base, modelSha: "b".repeat(64) },
      { ...base, adapters: [{ sha256: MODEL, scale: 0 }] },
      { ...base, adapters: [{ sha256: MODEL, scale: 1 }] },
      { ...base, promptKey: promptKey(MODEL, [1, 2, 4]) },
      { ...base, sampleIndex: 1 },
      params({ temperature: 0.7 }),
      params({ topP: 0.9 }),
      params({ topK: 40 }),
      params({ minP: 0.05 }),
      params({ maxTokens: 10 }),
      params({ stop: ["\n"] }),
      params({ seed: 1 }),
      params({ topLogprobs: 0 }),
    ];
    expect(new Set(variants.map(sampleKey)).size).toBe(variants.length);
  });

  it("ignores key order and fields that are not sampling settings", () => {
    const reordered = Object.fromEntries(Object.entries(base.params).reverse()) as unknown as SamplingParams;
    expect(sampleKey({ ...base, params: reordered })).toBe(sampleKey(base));
    const extra = { ...base.params, source: { line: 12 } } as SamplingParams;
    expect(sampleKey({ ...base, params: extra })).toBe(sampleKey(base));
  });

  it("keeps the keys already stored in databases", () => {
    expect(sampleKey(base)).toMatchInlineSnapshot(`"39463fe5474dae64b65c2020575e8c39c6c8af002e8477adc6a2711be9576dbe"`);
  });
});
