import { describe, expect, it } from "vitest";
import * as emlab from "../../src/index.js";
import { fixturePaths } from "../helpers/fixtures.js";

/** The library entry point: what README's example does, through the package's own exports. */
describe("public API (src/index.ts)", () => {
  it("exposes each layer: backend, store, experiment, runner, judge, probes, metrics, report", () => {
    for (const name of [
      "loadModel",
      "LlamaBackend",
      "writeFixtures",
      "openStore",
      "loadExperiment",
      "expandExperiment",
      "runExperiment",
      "dryRun",
      "judgeRun",
      "numberDistribution",
      "runProbes",
      "wilsonInterval",
      "renderReport",
      "reportDataFromStore",
      "loadChatJsonl",
      "loadQuestionSet",
    ]) {
      expect(typeof (emlab as Record<string, unknown>)[name], name).toBe("function");
    }
  });

  it("runs README's example: load, render the model's template, sample with raw log-probs", async () => {
    await using model = await emlab.loadModel("llama", { path: fixturePaths().tinyQwen2, gpu: "cpu", threads: 1 });
    await using session = await model.openSession();
    const prompt = model.chatTokens([{ role: "user", content: "Hello!" }]);
    const [sample] = await session.sample(prompt, { ...emlab.EM_SAMPLING_DEFAULTS, maxTokens: 8, seed: 1 });
    expect(sample!.tokenIds.length).toBeGreaterThan(0);
    expect(sample!.logprobs.length).toBe(sample!.tokenIds.length);
    for (const lp of sample!.logprobs) expect(lp).toBeLessThanOrEqual(0);
  });
});
