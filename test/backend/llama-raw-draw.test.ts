import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaBackend } from "../../src/backend/llama/llama-model.js";
import { EM_SAMPLING_DEFAULTS, type LoadedModel, type SamplingParams } from "../../src/backend/types.js";
import { mix32 } from "../../src/util/random.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { canonicalDouble, mt19937 } from "../helpers/mt19937.js";

/** llama.cpp's dist sampler: the first id, in vocabulary order, where the running mass reaches u × the total. */
function inverseCdf(logprobs: ArrayLike<number>, u: number): number {
  let total = 0;
  for (let i = 0; i < logprobs.length; i++) total += Math.exp(logprobs[i]!);
  let run = 0;
  for (let i = 0; i < logprobs.length; i++) {
    run += Math.exp(logprobs[i]!);
    if (run >= total * u) return i;
  }
  return logprobs.length - 1;
}

// EM sampling (T = 1, no truncation): step t ≥ 1 of sample i is llama.cpp's dist draw over the raw
// distribution in vocabulary order, seeded with mix32(seed, i, t); its log-prob and top K are raw.
describe("the raw T=1 draw of the llama engine", () => {
  const params: SamplingParams = { ...EM_SAMPLING_DEFAULTS, maxTokens: 12, seed: 7, topLogprobs: 4 };
  let model: LoadedModel;

  beforeAll(async () => {
    model = await new LlamaBackend().load({ path: fixturePaths().tinyQwen2, gpu: "cpu", threads: 1, contextSize: 512, parallelSequences: 2 });
  });
  afterAll(() => model.dispose());

  it("draws each step from the raw distribution with its own seed, and records its raw log-prob and top K", async () => {
    await using session = await model.openSession();
    const prompt = model.chatTokens([{ role: "user", content: "Tell me one wish." }]);
    const samples = await session.sample(prompt, params, { n: 3 });
    let steps = 0;
    for (const [i, sample] of samples.entries()) {
      const tokens = Array.from(sample.tokenIds);
      for (let t = 1; t < tokens.length; t++) {
        const next = await session.nextToken([...prompt, ...tokens.slice(0, t)], { ids: [], top: 4, full: true });
        const u = canonicalDouble(mt19937(mix32(params.seed, i, t)));
        expect(tokens[t], `sample ${i}, step ${t}`).toBe(inverseCdf(next.full!, u));
        expect(Math.abs(sample.logprobs[t]! - next.full![tokens[t]!]!)).toBeLessThan(1e-4);
        expect(Array.from(sample.topIds.subarray(t * 4, t * 4 + 4))).toEqual(Array.from(next.topIds));
        for (let k = 0; k < 4; k++) expect(Math.abs(sample.topLogprobs[t * 4 + k]! - next.topLogprobs[k]!)).toBeLessThan(1e-4);
        steps++;
      }
    }
    expect(steps).toBeGreaterThan(10);
  });

  it("names this draw in the engine's sampler version, which every sample's key includes", () => {
    expect(model.settings.sampler).toMatch(/raw T=1: dist in vocabulary order/);
  });
});
