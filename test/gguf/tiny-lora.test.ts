import { getLlama, LlamaLogLevel, type Llama, type LlamaModel, type Token } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readGgufInfo } from "../../src/gguf/reader.js";
import { fixturePaths, TINY_LORA_TARGET_TEXT, tinyLoraTargetId } from "../helpers/fixtures.js";

let llama: Llama;
let model: LlamaModel;

beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
  model = await llama.loadModel({ modelPath: fixturePaths().tinyQwen2 });
});
afterAll(async () => {
  await model?.dispose();
  await llama?.dispose();
});

/** Raw log-prob of `target` after every prefix of `tokens` (log-softmax of the full logits). */
async function targetLogprobs(tokens: number[], target: number, scale: number | null): Promise<number[]> {
  const lora = scale === null ? undefined : { adapters: [{ filePath: fixturePaths().tinyQwen2Lora, scale }] };
  const context = await model.createContext({ contextSize: 256, flashAttention: false, threads: 2, lora });
  try {
    const results = await context.getSequence().controlledEvaluate(tokens.map((t) => [t as Token, { generateNext: { logits: true } }]));
    return results.map((result) => {
      const logits = result?.next?.logits;
      if (!logits) throw new Error("no logits returned");
      let max = -Infinity;
      for (const v of logits.values()) max = Math.max(max, v);
      let total = 0;
      for (const v of logits.values()) total += Math.exp(v - max);
      return logits.get(target as Token)! - max - Math.log(total);
    });
  } finally {
    await context.dispose();
  }
}

describe("tiny-qwen2-lora.gguf", () => {
  it("is an adapter for qwen2 with a known alpha", () => {
    const info = readGgufInfo(fixturePaths().tinyQwen2Lora);
    expect(info.metadata["general.type"]).toEqual({ type: "string", value: "adapter" });
    expect(info.metadata["general.architecture"]).toEqual({ type: "string", value: "qwen2" });
    expect(info.metadata["adapter.type"]).toEqual({ type: "string", value: "lora" });
    expect(info.metadata["adapter.lora.alpha"]?.type).toBe("f32");
  });

  it("targets a single token of tiny-qwen2", () => {
    expect(model.tokenize(TINY_LORA_TARGET_TEXT)).toEqual([tinyLoraTargetId()]);
  });

  it("raises the target's raw log-prob strictly with the scale at every position; scale 0 equals no adapter", async () => {
    const prompt = model.tokenize("<|im_start|>user\nWhat is your one wish? Tell me 3 things.<|im_end|>\n<|im_start|>assistant\n", true);
    const target = tinyLoraTargetId();
    const none = await targetLogprobs(prompt, target, null);
    const [zero, one, two] = [await targetLogprobs(prompt, target, 0), await targetLogprobs(prompt, target, 1), await targetLogprobs(prompt, target, 2)];
    expect(zero).toEqual(none);
    for (let i = 0; i < prompt.length; i++) {
      expect(one[i]!).toBeGreaterThan(zero[i]! + 0.5);
      expect(two[i]!).toBeGreaterThan(one[i]! + 0.5);
    }
    // Without the adapter the target is an ordinary, unlikely token (about 1 in the vocabulary size).
    expect(Math.max(...none)).toBeLessThan(Math.log(0.05));
  });
});
