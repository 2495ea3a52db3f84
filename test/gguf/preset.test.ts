import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getLlama, LlamaLogLevel } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { PRESET_SEED, presetFileName, presetGguf } from "../../src/fixtures/qwen-preset.js";
import { writeFixtures } from "../../src/fixtures/write-fixtures.js";
import { normalTensor } from "../../src/fixtures/random-weights.js";
import { encodeGgufHeader } from "../../src/gguf/writer.js";

// Writing the full preset takes about a minute (500 MB), so by default these tests check its header
// and the chunked generation; EMLAB_SLOW_TESTS=1 also writes it and loads it in node-llama-cpp.
describe("qwen2.5-0.5b preset", () => {
  const input = presetGguf("qwen2.5-0.5b", "q8_0");
  const meta = (key: string) => input.metadata[key]?.value;

  it("has the exact shape of Qwen2.5-0.5B", () => {
    expect(meta("general.architecture")).toBe("qwen2");
    expect(meta("qwen2.block_count")).toBe(24);
    expect(meta("qwen2.embedding_length")).toBe(896);
    expect(meta("qwen2.feed_forward_length")).toBe(4864);
    expect(meta("qwen2.attention.head_count")).toBe(14);
    expect(meta("qwen2.attention.head_count_kv")).toBe(2);
    expect(meta("qwen2.context_length")).toBe(32768);
    expect((meta("tokenizer.ggml.tokens") as string[]).length).toBe(151_936);
    // Tied embeddings: no output.weight, like the real model.
    expect(input.tensors.some((t) => t.name === "output.weight")).toBe(false);
    const parameters = input.tensors.reduce((sum, t) => sum + t.shape.reduce((a, b) => a * b, 1), 0);
    expect(parameters).toBe(494_032_768);
  });

  it("quantises matrices to the requested type and keeps vectors F32", () => {
    const types = (dtype: "q8_0" | "f16") => new Set(presetGguf("qwen2.5-0.5b", dtype).tensors.map((t) => `${t.shape.length}:${t.type}`));
    expect(types("q8_0")).toEqual(new Set(["1:F32", "2:Q8_0"]));
    expect(types("f16")).toEqual(new Set(["1:F32", "2:F16"]));
    expect(presetFileName("qwen2.5-0.5b", "f16")).toBe("qwen2.5-0.5b-random.f16.gguf");
  });

  it("generates data in chunks of whole rows, the same values as drawing the tensor at once", () => {
    const tensor = input.tensors.find((t) => t.name === "blk.3.attn_k.weight")!;
    const elements = tensor.shape.reduce((a, b) => a * b, 1);
    if (tensor.data instanceof Float32Array) throw new Error("expected lazy data");
    const chunks = [...tensor.data()];
    expect(chunks.every((c) => c.length % tensor.shape[0]! === 0)).toBe(true);
    const joined = new Float32Array(elements);
    let at = 0;
    for (const chunk of chunks) joined.set(chunk, (at += chunk.length) - chunk.length);
    expect(at).toBe(elements);
    const std = 1 / Math.sqrt(896);
    const whole = normalTensor(PRESET_SEED, "blk.3.attn_k.weight", elements, std);
    expect(Buffer.from(joined.buffer).equals(Buffer.from(whole.buffer))).toBe(true);
  });

  it("encodes a header", () => {
    const { header, offsets } = encodeGgufHeader(input);
    expect(header.subarray(0, 4).toString("latin1")).toBe("GGUF");
    expect(offsets).toHaveLength(input.tensors.length);
  });
});

describe.runIf(process.env.EMLAB_SLOW_TESTS === "1")("qwen2.5-0.5b preset file (slow)", () => {
  it("is written and loads in node-llama-cpp", { timeout: 600_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "emlab-preset-"));
    try {
      const { preset } = writeFixtures(dir, { preset: "qwen2.5-0.5b", dtype: "q8_0" });
      const llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
      const model = await llama.loadModel({ modelPath: preset! });
      expect(model.fileInsights.totalLayers).toBe(25);
      const context = await model.createContext({ contextSize: 256, flashAttention: false, threads: 2 });
      const [result] = await context.getSequence().controlledEvaluate([[model.tokenize("Hello")[0]!, { generateNext: { token: true } }]]);
      expect(result?.next?.token).toBeTypeOf("number");
      await context.dispose();
      await model.dispose();
      await llama.dispose();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
