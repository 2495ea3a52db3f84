import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLlama, type LlamaContext, type LlamaModel, type Token } from "node-llama-cpp";
import { logSoftmax } from "../../src/backend/logprobs.js";
import { argmax } from "../../src/backend/onnx/sampler.js";
import { OnnxBackend } from "../../src/backend/onnx/onnx-model.js";
import { EM_SAMPLING_DEFAULTS, type LoadedModel } from "../../src/backend/types.js";
import { writeGgufF32 } from "./helpers/gguf-f32.js";
import { tempOnnxModel } from "./helpers/model-dir.js";
import { randomQwen2Spec } from "../../src/fixtures/onnx/random-qwen2-spec.js";

/**
 * The same weights and tokenizer as GGUF (llama.cpp) and as ONNX (onnxruntime) must give the same
 * numbers. llama.cpp is driven directly (CPU, no flash attention, 2 threads): the raw logits of
 * each position, log-softmax computed here.
 */
let fixture: { dir: string; cleanup: () => void };
let onnx: LoadedModel;
let llamaModel: LlamaModel;
let context: LlamaContext;

/** Raw log-softmax rows after each of tokens[from..] (llama.cpp, one pass, fresh sequence). */
async function llamaLogprobRows(tokens: number[], from: number): Promise<Float32Array[]> {
  const sequence = context.getSequence();
  try {
    const input = tokens.map((t, i) => (i >= from ? ([t as Token, { generateNext: { logits: true } }] as const) : (t as Token)));
    const out = await sequence.controlledEvaluate(input as never);
    return out.slice(from).map((o) => {
      const logits = o!.next.logits as Map<number, number>;
      const row = new Float32Array(onnx.info.vocabSize).fill(-Infinity);
      for (const [id, logit] of logits) row[id] = logit;
      return logSoftmax(row);
    });
  } finally {
    sequence.dispose();
  }
}

beforeAll(async () => {
  const spec = randomQwen2Spec({ seed: 11, blockCount: 3 });
  fixture = tempOnnxModel(spec);
  const gguf = join(fixture.dir, "..", "model.gguf");
  writeGgufF32(spec, gguf);
  onnx = await new OnnxBackend().load({ path: fixture.dir, gpu: "cpu", threads: 2 });
  const llama = await getLlama({ gpu: false, build: "never", logLevel: "error" as never, progressLogs: false });
  llamaModel = await llama.loadModel({ modelPath: gguf, gpuLayers: 0 });
  // llama.cpp keeps its KV cache in F16 by default, which alone moves log-probs by up to ~1e-2 on
  // this model; with an F32 cache both engines compute the same float32 math.
  context = await llamaModel.createContext({
    contextSize: 256,
    flashAttention: false,
    threads: 2,
    sequences: 1,
    experimentalKvCacheKeyType: "F32",
    experimentalKvCacheValueType: "F32",
  });
});

afterAll(async () => {
  await onnx?.dispose();
  await context?.dispose();
  await llamaModel?.dispose();
  fixture?.cleanup();
});

describe("ONNX vs llama.cpp on identical weights", () => {
  it("render and tokenize chats identically", () => {
    const messages = [{ role: "user" as const, content: "What is 12 + 30? Answer the question." }];
    const text = onnx.renderChat(messages);
    expect(onnx.chatTokens(messages)).toEqual(llamaModel.tokenize(text, true));
    expect(onnx.tokenize("Numbers 12345 and ünïcödé!")).toEqual(llamaModel.tokenize("Numbers 12345 and ünïcödé!"));
  });

  it("give the same log-probs for a prompt and continuation (within 1e-4)", async () => {
    const prompt = onnx.chatTokens([{ role: "user", content: "Tell me a story about the sea." }]);
    const continuation = onnx.tokenize("Once there was an old sailor, and the sea was in his heart.");
    const a = await onnx.openSession();
    const fromOnnx = await a.score(prompt, continuation);
    const rows = await llamaLogprobRows([...prompt, ...continuation], prompt.length - 1);
    let worst = 0;
    fromOnnx.forEach((lp, i) => (worst = Math.max(worst, Math.abs(lp - rows[i]![continuation[i]!]!))));
    expect(worst).toBeLessThan(1e-4);
    const next = await a.nextToken(prompt, { full: true });
    next.full!.forEach((lp, id) => expect(Math.abs(lp - rows[0]![id]!)).toBeLessThan(1e-4));
    await a.dispose();
  });

  it("decode the same tokens greedily", async () => {
    const prompt = onnx.chatTokens([{ role: "user", content: "Name three colours." }]);
    const params = { ...EM_SAMPLING_DEFAULTS, temperature: 0, maxTokens: 24, topLogprobs: 0 };
    const a = await onnx.openSession();
    const [fromOnnx] = await a.sample(prompt, params);
    await a.dispose();
    const greedy: number[] = [];
    const sequence = context.getSequence();
    try {
      let input = prompt;
      for (let t = 0; t < fromOnnx!.tokenIds.length; t++) {
        const out = await sequence.controlledEvaluate(
          input.map((tok, i) => (i === input.length - 1 ? [tok as Token, { generateNext: { logits: true } }] : (tok as Token))) as never,
        );
        const logits = out[out.length - 1]!.next.logits as Map<number, number>;
        const row = new Float32Array(onnx.info.vocabSize).fill(-Infinity);
        for (const [id, logit] of logits) row[id] = logit;
        greedy.push(argmax(row));
        input = [greedy[greedy.length - 1]!];
      }
    } finally {
      sequence.dispose();
    }
    expect(fromOnnx!.tokenIds.length).toBeGreaterThan(4);
    expect(Array.from(fromOnnx!.tokenIds)).toEqual(greedy);
  });
});
