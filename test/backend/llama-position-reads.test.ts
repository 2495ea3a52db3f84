import { getLlama, type LlamaContext, type LlamaModel, type Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { concurrentReadsAvailable, evaluateWithReads, generateNextOf, type PositionRead } from "../../src/backend/llama/position-reads.js";
import { fixturePaths } from "../helpers/fixtures.js";

// Reads at many positions of one evaluation run four at a time through node-llama-cpp internals;
// they must give exactly what the public controlledEvaluate gives, across batch boundaries.
describe("logit reads at many positions", () => {
  let model: LlamaModel;
  let context: LlamaContext;
  const tokens = Array.from({ length: 45 }, (_, i) => 10 + ((i * 37) % 200));
  const reads: (PositionRead | undefined)[] = tokens.map((_, i) =>
    i % 7 === 3 ? undefined : { ids: [tokens[(i + 1) % tokens.length]!, 5], top: i % 2 === 0 ? 3 : 0 },
  );

  beforeAll(async () => {
    const llama = await getLlama({ gpu: false, build: "never", maxThreads: 1 });
    model = await llama.loadModel({ modelPath: fixturePaths().tinyQwen2 });
    // Batches of 16 tokens: 45 tokens take three decodes, each read must finish before the next one.
    context = await model.createContext({ contextSize: 256, sequences: 2, threads: 1, flashAttention: false, batchSize: 16 });
  });
  afterAll(async () => {
    await context.dispose();
    await model.dispose();
  });

  it("uses the concurrent path on the pinned node-llama-cpp", () => {
    const sequence = context.getSequence();
    expect(concurrentReadsAvailable(model, sequence)).toBe(true);
    sequence.dispose();
  });

  it("equals controlledEvaluate's reads bit for bit, position by position", async () => {
    const fast = context.getSequence();
    const slow = context.getSequence();
    const got = await evaluateWithReads(model, fast, tokens, reads);
    const want = await slow.controlledEvaluate(
      tokens.map((token, i) => (reads[i] ? [token as Token, { generateNext: generateNextOf(reads[i]!) }] : (token as Token))),
    );
    expect(fast.nextTokenIndex).toBe(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      if (!reads[i]) {
        expect(got[i]).toBeUndefined();
        continue;
      }
      expect([...got[i]!.logits]).toEqual([...(want[i]!.next.logits as Map<number, number>)]);
      expect(got[i]!.totalLogitWeight).toBe(want[i]!.next.totalLogitWeight);
      // Sorted high to low: the first entry is the maximum, which normalising needs.
      const values = [...got[i]!.logits.values()];
      expect(values[0]).toBe(Math.max(...values));
      for (const id of reads[i]!.ids) expect(got[i]!.logits.has(id)).toBe(true);
      expect(got[i]!.logits.size).toBeGreaterThanOrEqual(reads[i]!.top > 0 ? reads[i]!.top : 1);
    }
    fast.dispose();
    slow.dispose();
  });
});
