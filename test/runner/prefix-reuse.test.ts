/**
 * Prefix reuse in the runner: every distinct prompt prefix is evaluated once per weight variant,
 * whatever the order of conditions and questions in the experiment file.
 */
import { afterAll, describe, expect, it } from "vitest";
import { runExperiment } from "../../src/pipeline/run-experiment.js";
import { uniquePrefixTokens } from "../../src/runner/unique-prefix.js";
import { experimentYaml, TempDir } from "./experiment-files.js";

describe("uniquePrefixTokens", () => {
  it("is the size of the prompts' token trie", () => {
    expect(uniquePrefixTokens([])).toBe(0);
    expect(uniquePrefixTokens([[1, 2, 3]])).toBe(3);
    // [1 2 3] [1 2 4] [1 2 3 5] [7] [1 2 4]: nodes 1, 2, 3, 4, 5, 7.
    expect(uniquePrefixTokens([[1, 2, 3], [7], [1, 2, 4], [1, 2, 3, 5], [1, 2, 4]])).toBe(6);
  });
});

describe("executePlan prefill", () => {
  const tmp = new TempDir();
  afterAll(() => tmp.dispose());

  it("evaluates each shared prefix once, even with questions that bring their own system prompt", async () => {
    // one_wish_json has a system prompt, so it shares no prefix with the questions around it; two
    // seeds interleave two chains of nested k values.
    const file = tmp.write(
      "prefill.yaml",
      experimentYaml({ name: "prefill", k: [4, 16], questions: ["one_wish", "one_wish_json", "feeling_bored"], samples: 1, maxTokens: 2 }).replace("seeds: [0]", "seeds: [0, 1]"),
    );
    const result = await runExperiment(file, { db: tmp.path("prefill.db"), gpu: "cpu", threads: 1 });
    expect(result.generated).toBe(result.planned);
    // With one sample per prompt nothing is evaluated twice: prefill is exactly the trie size.
    expect(result.prefillTokens).toBe(result.uniquePromptTokens);
    expect(result.prefillAmplification).toBe(1);
  });
});
