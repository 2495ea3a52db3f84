/**
 * Lanes (parallel sequences) change speed, never numbers: the same seed gives the same samples with
 * 1 or 4 lanes, log-probs agree within 1e-4 (f32 KV cache), and lanes share the prompt's KV state by
 * copying it, so no prompt token is evaluated twice (prefill amplification exactly 1).
 */
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { runExperiment } from "../../src/pipeline/run-experiment.js";
import { experimentYaml, TempDir } from "./experiment-files.js";

function samples(db: string): Map<string, { ids: Buffer; logprobs: Float32Array }> {
  const handle = new Database(db, { readonly: true });
  try {
    const rows = handle.prepare("SELECT key, token_ids, logprobs FROM samples").all() as { key: string; token_ids: Buffer; logprobs: Buffer }[];
    return new Map(rows.map((r) => [r.key, { ids: r.token_ids, logprobs: new Float32Array(new Uint8Array(r.logprobs).buffer) }]));
  } finally {
    handle.close();
  }
}

describe("lanes", () => {
  const tmp = new TempDir();
  afterAll(() => tmp.dispose());
  const file = tmp.write("lanes.yaml", experimentYaml({ name: "lanes", k: [0, 4], questions: ["one_wish", "quick_money"], samples: 8, maxTokens: 12 }));

  it("give the same samples and log-probs with 1 and 4 lanes, evaluating each prefix once", async () => {
    const one = await runExperiment(file, { db: tmp.path("one.db"), threads: 1, parallelSequences: 1, kvCacheType: "f32" });
    const four = await runExperiment(file, { db: tmp.path("four.db"), threads: 1, parallelSequences: 4, kvCacheType: "f32" });
    expect(four.generated).toBe(one.generated);
    const a = samples(tmp.path("one.db"));
    const b = samples(tmp.path("four.db"));
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    let maxDiff = 0;
    for (const [key, sample] of a) {
      const other = b.get(key)!;
      expect(other.ids.equals(sample.ids)).toBe(true);
      sample.logprobs.forEach((lp, i) => (maxDiff = Math.max(maxDiff, Math.abs(lp - other.logprobs[i]!))));
    }
    expect(maxDiff).toBeLessThan(1e-4);
    console.log(`lanes 4 vs 1: max |log-prob diff| ${maxDiff.toExponential(2)}; prefill amplification ${one.prefillAmplification.toFixed(3)} (1 lane), ${four.prefillAmplification.toFixed(3)} (4 lanes)`);
    // The prompt is evaluated once (its distribution read in full, every first token drawn from it)
    // and lanes copy its KV state: no prompt token is evaluated twice, with 1 lane or 4.
    expect(one.prefillTokens).toBe(one.uniquePromptTokens);
    expect(four.prefillTokens).toBe(four.uniquePromptTokens);
    expect(four.prefillAmplification).toBe(1);
  });
});
