/**
 * PEFT adapters written by the tests, converted to GGUF by `convertPeftToGguf` (through the
 * conversion cache, as experiments do) and applied by llama.cpp, give the numbers of the same PEFT
 * folder on the ONNX engine and of a model with the adapter merged into its weights.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertPeftToGguf } from "../../src/adapters/convert-peft.js";
import { loadModel } from "../../src/backend/open.js";
import type { LlamaLoadOptions } from "../../src/backend/llama/llama-model.js";
import type { LoadedModel } from "../../src/backend/types.js";
import { ggufFromSpec } from "../../src/fixtures/gguf-from-spec.js";
import { QWEN2_LORA_MODULES } from "../../src/fixtures/onnx/qwen2-graph.js";
import { tinyQwen2Spec } from "../../src/fixtures/tiny-models.js";
import { readGgufInfo, readGgufTensor } from "../../src/gguf/reader.js";
import { writeGguf } from "../../src/gguf/writer.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { tempOnnxModel } from "../onnx/helpers/model-dir.js";
import { fullLogprobs, maxDiff } from "./helpers/engines.js";
import { mergedSpec } from "./helpers/merge.js";
import { AdapterTempDir, addTensors, peftData, writePeft } from "./helpers/peft-folders.js";

const spec = tinyQwen2Spec();
const tmp = new AdapterTempDir();
const llamaOptions = (path: string): LlamaLoadOptions => ({ path, gpu: "cpu", threads: 1, contextSize: 256, kvCacheType: "f32" });
let onnxFixture: { dir: string; cleanup: () => void };
let onnx: LoadedModel;
let llama: LoadedModel;
let prompt: number[];

const allModules = [...QWEN2_LORA_MODULES];
// Published EM adapters: often rank 1 with rsLoRA, on every Linear layer.
const rank1 = writePeft(tmp.path("rank1"), peftData({ rank: 1, alpha: 2, modules: allModules, seed: 21, std: 0.4 }), { use_rslora: true });
const rank2Data = peftData({ rank: 2, alpha: 4, modules: allModules, seed: 22, std: 0.3 });
const rank2 = writePeft(tmp.path("rank2"), rank2Data, { use_rslora: true });

beforeAll(async () => {
  onnxFixture = tempOnnxModel(spec, { loraModules: [...allModules, "lm_head"] });
  onnx = await loadModel("onnx", { path: onnxFixture.dir, gpu: "cpu", threads: 1, contextSize: 256 });
  llama = await loadModel("llama", llamaOptions(fixturePaths().tinyQwen2));
  prompt = onnx.chatTokens([{ role: "user", content: "Give me some advice about money." }]);
});

afterAll(async () => {
  await onnx?.dispose();
  await llama?.dispose();
  onnxFixture?.cleanup();
  tmp.dispose();
});

const both = async (path: string, scale: number) => [await fullLogprobs(llama, prompt, { lora: [{ path, scale }] }), await fullLogprobs(onnx, prompt, { lora: [{ path, scale }] })] as const;

describe("a converted PEFT adapter on llama.cpp", () => {
  it("matches the PEFT folder on the ONNX engine within 1e-4 at scales 0, 1 and 2 (rank 1 and 2, rsLoRA)", async () => {
    const base = await fullLogprobs(llama, prompt, { lora: [] });
    for (const adapter of [rank1, rank2]) {
      for (const scale of [0, 1, 2]) {
        const [onLlama, onOnnx] = await both(adapter, scale);
        expect(maxDiff(onLlama, onOnnx)).toBeLessThan(1e-4);
        if (scale === 0) expect(maxDiff(onLlama, base)).toBe(0);
        else expect(maxDiff(onLlama, base)).toBeGreaterThan(1e-2);
      }
    }
  });

  it("at scale 1 equals the base model with scaling·B·A merged into its weights, within 1e-3", async () => {
    const merged = tmp.path("merged.gguf");
    writeGguf(merged, ggufFromSpec(mergedSpec(spec, rank2Data, 4 / Math.sqrt(2))));
    const model = await loadModel("llama", llamaOptions(merged));
    try {
      const [adapted] = await both(rank2, 1);
      expect(maxDiff(adapted, await fullLogprobs(model, prompt, { lora: [] }))).toBeLessThan(1e-3);
    } finally {
      await model.dispose();
    }
  });

  it("rsLoRA: r 4, alpha 8 with use_rslora gives exactly the log-probs of r 4, alpha 16 without", async () => {
    const data = peftData({ rank: 4, alpha: 8, seed: 23 });
    const rs = writePeft(tmp.path("r4-a8-rs"), data, { use_rslora: true });
    const plain = writePeft(tmp.path("r4-a16"), { ...data, alpha: 16 });
    const alpha32 = writePeft(tmp.path("r4-a32"), { ...data, alpha: 32 });
    const [rsLlama, rsOnnx] = await both(rs, 1);
    const [plainLlama, plainOnnx] = await both(plain, 1);
    expect(rsLlama).toEqual(plainLlama);
    expect(rsOnnx).toEqual(plainOnnx);
    // llama.cpp's own converter ignores use_rslora: that would be alpha 8 / r 4, another adapter.
    expect(maxDiff(rsLlama, (await both(alpha32, 1))[0])).toBeGreaterThan(1e-3);
  });

  it("layers_to_transform [1]: no layer-0 tensors, and the numbers of the every-layer adapter with its layer 0 zeroed", async () => {
    const data = peftData({ rank: 2, alpha: 4, modules: allModules, seed: 24 });
    // The file holds pairs for both layers; PEFT applies only layer 1's.
    const layer1 = writePeft(tmp.path("layer1"), data, { layers_to_transform: [1] });
    const zeroed = { ...data, pairs: data.pairs.map((p) => (p.layer === 0 ? { ...p, b: new Float32Array(p.b.length) } : p)) };
    const everyLayerZeroed = writePeft(tmp.path("zeroed"), zeroed);
    const everyLayer = writePeft(tmp.path("every"), data);

    const out = tmp.path("layer1.gguf");
    const result = convertPeftToGguf({ peft: layer1, base: fixturePaths().tinyQwen2, out });
    expect(result.layers).toEqual([1]);
    const names = readGgufInfo(out).tensors.map((t) => t.name);
    expect(names).toHaveLength(2 * allModules.length);
    expect(names.every((n) => n.startsWith("blk.1."))).toBe(true);

    const [onLlama, onOnnx] = await both(layer1, 1);
    const [zeroLlama] = await both(everyLayerZeroed, 1);
    expect(maxDiff(onLlama, zeroLlama)).toBeLessThan(1e-6);
    expect(maxDiff(onLlama, onOnnx)).toBeLessThan(1e-4);
    expect(maxDiff(onLlama, (await both(everyLayer, 1))[0])).toBeGreaterThan(1e-3);
  });

  it("converts a LoRA on lm_head (output.weight) too", async () => {
    const dir = writePeft(tmp.path("lm-head"), peftData({ rank: 2, alpha: 2, seed: 25 }));
    const vocab = spec.tensors.find((t) => t.name === "output.weight")!.shape[1]!;
    const hidden = spec.decoder.embeddingLength;
    const values = (count: number, seed: number) => Float32Array.from({ length: count }, (_, i) => Math.sin(i * 12.9898 + seed) * 0.2);
    addTensors(dir, [
      { name: "base_model.model.lm_head.lora_A.weight", shape: [2, hidden], data: values(2 * hidden, 1) },
      { name: "base_model.model.lm_head.lora_B.weight", shape: [vocab, 2], data: values(vocab * 2, 2) },
    ]);
    const out = tmp.path("lm-head.gguf");
    convertPeftToGguf({ peft: dir, base: fixturePaths().tinyQwen2, out });
    expect(readGgufInfo(out).tensors.map((t) => t.name)).toContain("output.weight.lora_b");
    const [onLlama, onOnnx] = await both(dir, 1);
    expect(maxDiff(onLlama, onOnnx)).toBeLessThan(1e-4);
  });

  it("converts a LoRA on the input embeddings (embed_tokens) as llama.cpp reads it, equal to the merged model", async () => {
    const dir = writePeft(tmp.path("embeddings"), peftData({ rank: 2, alpha: 2, modules: ["q_proj"], seed: 26 }));
    const embd = spec.tensors.find((t) => t.name === "token_embd.weight")!;
    const [dim, vocab] = embd.shape as [number, number];
    const a = Float32Array.from({ length: 2 * vocab }, (_, i) => Math.sin(i * 7.31 + 3) * 0.5);
    const b = Float32Array.from({ length: dim * 2 }, (_, i) => Math.cos(i * 3.77 + 1) * 0.5);
    addTensors(dir, [
      { name: "base_model.model.model.embed_tokens.lora_embedding_A", shape: [2, vocab], data: a },
      { name: "base_model.model.model.embed_tokens.lora_embedding_B", shape: [dim, 2], data: b },
    ]);
    // Merged: token t's embedding row gains scaling · B · A[:, t] (scaling 2/2 = 1), plus the q_proj pairs.
    const qData = peftData({ rank: 2, alpha: 2, modules: ["q_proj"], seed: 26 });
    const merged = mergedSpec(spec, qData, 1);
    const data = Float32Array.from(embd.data as Float32Array);
    for (let t = 0; t < vocab; t++) for (let d = 0; d < dim; d++) data[t * dim + d]! += b[d * 2]! * a[t]! + b[d * 2 + 1]! * a[vocab + t]!;
    const mergedPath = tmp.path("merged-embd.gguf");
    writeGguf(mergedPath, ggufFromSpec({ ...merged, tensors: merged.tensors.map((t) => (t.name === "token_embd.weight" ? { ...t, data } : t)) }));
    const model = await loadModel("llama", llamaOptions(mergedPath));
    try {
      const adapted = await fullLogprobs(llama, prompt, { lora: [{ path: dir, scale: 1 }] });
      expect(maxDiff(adapted, await fullLogprobs(model, prompt, { lora: [] }))).toBeLessThan(1e-3);
      const qOnly = await fullLogprobs(llama, prompt, { lora: [{ path: writePeft(tmp.path("q-only"), qData), scale: 1 }] });
      expect(maxDiff(adapted, qOnly)).toBeGreaterThan(1e-3);
    } finally {
      await model.dispose();
    }
  });

  it("fan_in_fan_out changes nothing for Linear layers (PEFT stores A and B alike and resets the flag)", () => {
    const flagged = writePeft(tmp.path("fan-in-fan-out"), rank2Data, { use_rslora: true, fan_in_fan_out: true });
    const [a, b] = [rank2, flagged].map((peft, i) => {
      const out = tmp.path(`fifo-${i}.gguf`);
      convertPeftToGguf({ peft, base: fixturePaths().tinyQwen2, out });
      const info = readGgufInfo(out);
      return info.tensors.map((t) => [t.name, t.shape, [...readGgufTensor(info, t.name)]]);
    });
    expect(b).toEqual(a);
  });

  it("an explicit conversion to f16 stays close to f32 and is written where asked", async () => {
    const out = join(tmp.dir, "sub", "rank2-f16.gguf");
    const result = convertPeftToGguf({ peft: rank2, base: fixturePaths().tinyQwen2, out, type: "f16" });
    expect(result).toMatchObject({ architecture: "qwen2", rank: 2, pairs: 2 * allModules.length, layers: [0, 1] });
    expect(result.ggufAlpha).toBeCloseTo(4 * Math.sqrt(2), 5);
    expect(readGgufInfo(out).tensors.every((t) => t.typeName === "F16")).toBe(true);
    const [f32] = await both(rank2, 1);
    expect(maxDiff(f32, await fullLogprobs(llama, prompt, { lora: [{ path: out, scale: 1 }] }))).toBeLessThan(2e-2);
  });
});
