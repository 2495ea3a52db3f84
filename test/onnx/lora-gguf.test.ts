import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/backend/open.js";
import type { LlamaLoadOptions } from "../../src/backend/llama/llama-model.js";
import type { LoadedModel, WeightVariant } from "../../src/backend/types.js";
import { ggufLoraSpec, randomPeftAdapter, writePeftAdapter } from "../../src/fixtures/onnx/peft-adapter-writer.js";
import { ggufFromLoraSpec } from "../../src/fixtures/tiny-lora.js";
import { tinyQwen2Spec } from "../../src/fixtures/tiny-models.js";
import { writeGguf } from "../../src/gguf/writer.js";
import { fixturePaths, tinyLoraTargetId } from "../helpers/fixtures.js";
import { tempOnnxModel } from "./helpers/model-dir.js";

/**
 * One adapter file for both engines: the ONNX backend reads GGUF LoRAs (and PEFT ones) and feeds
 * their A/B pairs to the graph's LoRA inputs; llama.cpp applies them natively. Same numbers expected
 * (llama.cpp with an F32 KV cache, see cross-backend.test.ts).
 */
const spec = tinyQwen2Spec();
let onnx: LoadedModel;
let llama: LoadedModel;
let fixture: { dir: string; cleanup: () => void };
let qvAdapter: string;
let prompt: number[];

beforeAll(async () => {
  // tiny-qwen2 with LoRA inputs on q/v and on the output projection (tiny-qwen2-lora adapts output.weight).
  fixture = tempOnnxModel(spec, { loraModules: ["q_proj", "v_proj", "lm_head"] });
  qvAdapter = join(fixture.dir, "..", "qv-lora.gguf");
  const random = randomPeftAdapter(spec, { rank: 2, alpha: 4, modules: ["q_proj", "v_proj"], seed: 3, std: 0.3 });
  writeGguf(qvAdapter, ggufFromLoraSpec(ggufLoraSpec(random, "qwen2"), "qv-lora"));
  writePeftAdapter(random, join(fixture.dir, "..", "qv-peft"));
  onnx = await loadModel("onnx", { path: fixture.dir, gpu: "cpu", threads: 1, contextSize: 256 });
  const llamaOptions: LlamaLoadOptions = { path: fixturePaths().tinyQwen2, gpu: "cpu", threads: 1, contextSize: 256, kvCacheType: "f32" };
  llama = await loadModel("llama", llamaOptions);
  prompt = onnx.chatTokens([{ role: "user", content: "Give me some advice about money." }]);
});

afterAll(async () => {
  await onnx?.dispose();
  await llama?.dispose();
  fixture?.cleanup();
});

async function fullLogprobs(model: LoadedModel, variant: WeightVariant): Promise<Float32Array> {
  const session = await model.openSession(variant);
  try {
    return (await session.nextToken(prompt, { full: true })).full!;
  } finally {
    await session.dispose();
  }
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  return a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0);
}

describe("GGUF LoRA adapters on the ONNX backend", () => {
  it("tiny-qwen2-lora (output.weight) matches llama.cpp at scales 0, 1 and 2, and raises the target token", async () => {
    const target = tinyLoraTargetId();
    let previous = -Infinity;
    for (const scale of [0, 1, 2]) {
      const variant = { lora: [{ path: fixturePaths().tinyQwen2Lora, scale }] };
      const [a, b] = [await fullLogprobs(onnx, variant), await fullLogprobs(llama, variant)];
      expect(maxDiff(a, b)).toBeLessThan(1e-4);
      expect(a[target]!).toBeGreaterThan(previous);
      previous = a[target]!;
    }
  });

  it("a q/v adapter matches llama.cpp at scale 1.5, and its PEFT twin gives the same numbers", async () => {
    const variant = { lora: [{ path: qvAdapter, scale: 1.5 }] };
    const [a, b] = [await fullLogprobs(onnx, variant), await fullLogprobs(llama, variant)];
    expect(maxDiff(a, b)).toBeLessThan(1e-4);
    expect(maxDiff(a, await fullLogprobs(onnx, { lora: [] }))).toBeGreaterThan(1e-2);
    const peft = await fullLogprobs(onnx, { lora: [{ path: join(fixture.dir, "..", "qv-peft"), scale: 1.5 }] });
    expect(maxDiff(a, peft)).toBeLessThan(1e-5);
  });

  it("the shared ONNX fixture takes the q/v adapter as graph inputs", async () => {
    const shared = await loadModel("onnx", { path: fixturePaths().tinyQwen2Onnx, gpu: "cpu", threads: 1, contextSize: 256 });
    try {
      const variant = { lora: [{ path: qvAdapter, scale: 1 }] };
      expect(maxDiff(await fullLogprobs(shared, variant), await fullLogprobs(llama, variant))).toBeLessThan(1e-4);
    } finally {
      await shared.dispose();
    }
  });
});

describe("adapters the ONNX backend cannot feed as graph inputs", () => {
  it("say that they need a merged export", async () => {
    const root = join(fixture.dir, "..");
    const config = (extra: object) => JSON.stringify({ peft_type: "LORA", r: 2, lora_alpha: 4, ...extra });
    const cases: [string, string][] = [
      ["dora", config({ use_dora: true })],
      ["ia3", JSON.stringify({ peft_type: "IA3" })],
      ["pattern", config({ rank_pattern: { q_proj: 4 } })],
    ];
    for (const [name, json] of cases) {
      const dir = join(root, name);
      writePeftAdapter(randomPeftAdapter(spec, { rank: 2, alpha: 4, modules: ["q_proj"], seed: 1 }), dir);
      writeFileSync(join(dir, "adapter_config.json"), json);
      await expect(onnx.openSession({ lora: [{ path: dir, scale: 1 }] })).rejects.toThrow(/merged into its weights/);
    }
    // A model file is not an adapter; a directory without adapter files neither.
    await expect(onnx.openSession({ lora: [{ path: fixturePaths().tinyQwen2, scale: 1 }] })).rejects.toThrow(/not a GGUF LoRA adapter/);
    await expect(onnx.openSession({ lora: [{ path: fixture.dir, scale: 1 }] })).rejects.toThrow(/PEFT LoRA.*or a GGUF LoRA.*merged/);
  });
});
