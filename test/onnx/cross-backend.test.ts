import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/backend/open.js";
import type { KvCacheType, LlamaLoadOptions } from "../../src/backend/llama/llama-model.js";
import { EM_SAMPLING_DEFAULTS, type LoadedModel, type Session } from "../../src/backend/types.js";
import { fixturePaths } from "../helpers/fixtures.js";

/**
 * The shared fixture exists twice: tiny-qwen2.gguf (llama.cpp) and tiny-qwen2-onnx/ (onnxruntime),
 * written from the same spec. Both engines, driven through the same Backend interface, must give
 * the same tokens and the same raw log-probs. llama.cpp's default F16 KV cache rounds every cached
 * key and value; with an F32 cache both engines compute the same float32 math.
 */
const messages = [{ role: "user" as const, content: "Tell me a story about the sea. What is 12 + 30?" }];
const continuationText = " Once there was an old sailor, and the sea was in his heart: 42 days at sea.";

let onnx: LoadedModel;
const llama = new Map<KvCacheType, LoadedModel>();

beforeAll(async () => {
  const paths = fixturePaths();
  onnx = await loadModel("onnx", { path: paths.tinyQwen2Onnx, gpu: "cpu", threads: 1, contextSize: 512 });
  for (const kvCacheType of ["f32", "f16"] as const) {
    const options: LlamaLoadOptions = { path: paths.tinyQwen2, gpu: "cpu", threads: 1, contextSize: 512, kvCacheType };
    llama.set(kvCacheType, await loadModel("llama", options));
  }
});

afterAll(async () => {
  await onnx?.dispose();
  for (const m of llama.values()) await m.dispose();
});

/** Largest |a - b| over the continuation's log-probs and the full next-token distribution after the prompt. */
async function maxLogprobDiff(a: Session, b: Session, prompt: number[], continuation: number[]): Promise<number> {
  let worst = 0;
  const [sa, sb] = [await a.score(prompt, continuation), await b.score(prompt, continuation)];
  sa.forEach((lp, i) => (worst = Math.max(worst, Math.abs(lp - sb[i]!))));
  const [na, nb] = [(await a.nextToken(prompt, { full: true })).full!, (await b.nextToken(prompt, { full: true })).full!];
  na.forEach((lp, id) => (worst = Math.max(worst, Math.abs(lp - nb[id]!))));
  return worst;
}

describe("ONNX vs llama.cpp on the shared fixture (tiny-qwen2.gguf / tiny-qwen2-onnx)", () => {
  it("are the same model: vocabulary, template, tokenization", () => {
    const gguf = llama.get("f32")!;
    expect(onnx.info.vocabSize).toBe(gguf.info.vocabSize);
    expect(onnx.info.eosTokenIds).toEqual(gguf.info.eosTokenIds);
    expect(onnx.info.bosTokenId).toBe(gguf.info.bosTokenId);
    expect(onnx.info.chatTemplate).toBe(gguf.info.chatTemplate);
    expect(onnx.renderChat(messages)).toBe(gguf.renderChat(messages));
    expect(onnx.chatTokens(messages)).toEqual(gguf.chatTokens(messages));
    for (const text of [continuationText, "Numbers 12345 and ünïcödé! <|im_end|>"]) expect(onnx.tokenize(text)).toEqual(gguf.tokenize(text));
    expect(onnx.tokenize("<|im_end|>", { special: true })).toEqual(gguf.tokenize("<|im_end|>", { special: true }));
  });

  it("record the KV-cache type in the llama engine settings (default f16)", () => {
    expect(llama.get("f32")!.settings).toMatchObject({ backend: "llama", kvCacheType: "f32", threads: 1 });
    expect(llama.get("f16")!.settings).toMatchObject({ kvCacheType: "f16" });
  });

  it("give the same raw log-probs for a prompt and continuation: within 1e-4 with llama's F32 KV cache", async () => {
    const prompt = onnx.chatTokens(messages);
    const continuation = onnx.tokenize(continuationText);
    const a = await onnx.openSession();
    const f32 = await llama.get("f32")!.openSession();
    const f16 = await llama.get("f16")!.openSession();
    const diffF32 = await maxLogprobDiff(a, f32, prompt, continuation);
    const diffF16 = await maxLogprobDiff(a, f16, prompt, continuation);
    console.log(`max |log-prob diff| onnx vs llama.cpp: F32 KV ${diffF32.toExponential(2)}, F16 KV ${diffF16.toExponential(2)}`);
    expect(diffF32).toBeLessThan(1e-4);
    // The default F16 cache stays within the engines note's bound, not within 1e-3 in general.
    expect(diffF16).toBeLessThan(2e-2);
    for (const s of [a, f32, f16]) await s.dispose();
  });

  it("decode the same tokens greedily", async () => {
    const params = { ...EM_SAMPLING_DEFAULTS, temperature: 0, maxTokens: 48, topLogprobs: 3 };
    for (const question of ["Name three colours.", "What would you do as ruler of the world?"]) {
      const prompt = onnx.chatTokens([{ role: "user", content: question }]);
      const a = await onnx.openSession();
      const b = await llama.get("f32")!.openSession();
      const [fromOnnx] = await a.sample(prompt, params);
      const [fromLlama] = await b.sample(prompt, params);
      expect(fromOnnx!.tokenIds.length).toBeGreaterThan(4);
      expect(Array.from(fromOnnx!.tokenIds)).toEqual(Array.from(fromLlama!.tokenIds));
      expect(fromOnnx!.text).toBe(fromLlama!.text);
      fromOnnx!.logprobs.forEach((lp, i) => expect(Math.abs(lp - fromLlama!.logprobs[i]!)).toBeLessThan(1e-4));
      await a.dispose();
      await b.dispose();
    }
  });
});
