import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addLoraToExport } from "../../src/backend/onnx/lora-splice/add-lora.js";
import { OnnxBackend } from "../../src/backend/onnx/onnx-model.js";
import { loadModel } from "../../src/backend/open.js";
import type { LoadedModel, WeightVariant } from "../../src/backend/types.js";
import { randomPeftAdapter, writePeftAdapter } from "../../src/fixtures/onnx/peft-adapter-writer.js";
import { QWEN2_LORA_MODULES } from "../../src/fixtures/onnx/qwen2-graph.js";
import { q4ReferenceSpec } from "../../src/fixtures/onnx/quantized-reference-spec.js";
import { tinyQwen2Spec } from "../../src/fixtures/tiny-models.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { maxAbsDiff } from "./helpers/compare.js";
import { tempOnnxModel } from "./helpers/model-dir.js";

/**
 * LoRA on exports shaped like the published ones: `emlab onnx add-lora` on the optimum profile (fp32,
 * q4, q4f16) and on the genai profile (packed QKV), then one PEFT adapter (all seven projections,
 * scale 1.5), compared on the same weights (max |log-prob diff| over a scored continuation and the
 * whole next-token distribution):
 *   optimum fp32, genai    vs llama.cpp (F32 KV cache) with the same adapter            1e-4
 *   optimum q4             vs the fp32 graph of its 4-bit round-tripped weights          1e-4 (MatMulNBits is exact)
 *   optimum q4f16          vs the same, float16 scales                                   5e-2 (float16 activations and
 *                          LoRA matrices; 3e-3 without the adapter, whose branch moves log-probs by up to ~5)
 * The q4 file is compared with an fp32 export of exactly its weights: against the unquantized spec the
 * 4-bit rounding of this tiny random model alone moves log-probs by up to ~1, adapter or not.
 */
const spec = tinyQwen2Spec();
const adapter = randomPeftAdapter(spec, { rank: 4, alpha: 8, modules: [...QWEN2_LORA_MODULES], seed: 21, std: 0.2 });
const variant: WeightVariant = { lora: [] };
const dirs: { dir: string; cleanup: () => void }[] = [];
const models: LoadedModel[] = [];
let llama: LoadedModel;
let prompt: number[];
let continuation: number[];

const temp = (...args: Parameters<typeof tempOnnxModel>) => {
  const made = tempOnnxModel(...args);
  dirs.push(made);
  return made.dir;
};
const onnx = async (dir: string, dtype = "fp32") => {
  const model = await new OnnxBackend().load({ path: dir, dtype, gpu: "cpu", threads: 1, contextSize: 256 });
  models.push(model);
  return model;
};

/** Largest log-prob difference of two models with one weight variant: a scored continuation and the next-token distribution. */
async function diff(a: LoadedModel, b: LoadedModel, v: WeightVariant): Promise<number> {
  const [sa, sb] = [await a.openSession(v), await b.openSession(v)];
  try {
    const scores = maxAbsDiff(await sa.score(prompt, continuation), await sb.score(prompt, continuation));
    const next = maxAbsDiff((await sa.nextToken(prompt, { full: true })).full!, (await sb.nextToken(prompt, { full: true })).full!);
    return Math.max(scores, next);
  } finally {
    await sa.dispose();
    await sb.dispose();
  }
}

beforeAll(async () => {
  const adapterDir = temp(spec) + "-adapter";
  writePeftAdapter(adapter, adapterDir);
  variant.lora = [{ path: adapterDir, scale: 1.5 }];
  llama = await loadModel("llama", { path: fixturePaths().tinyQwen2, gpu: "cpu", threads: 1, contextSize: 256, kvCacheType: "f32" });
  models.push(llama);
  prompt = llama.chatTokens([{ role: "user", content: "Give me some advice about money." }]);
  continuation = llama.tokenize(" Put everything on one stock and borrow to buy more of it.");
});

afterAll(async () => {
  for (const m of models) await m.dispose();
  for (const d of dirs) d.cleanup();
});

describe("add-lora on an optimum export", () => {
  let fp32: LoadedModel;
  let q4: LoadedModel;
  let q4f16: LoadedModel;

  beforeAll(async () => {
    const dir = temp(spec, { profile: "optimum", optimum: { dtypes: ["fp32", "q4", "q4f16"] } });
    for (const dtype of ["fp32", "q4", "q4f16"]) addLoraToExport(dir, { dtype });
    fp32 = await onnx(dir);
    q4 = await onnx(dir, "q4");
    q4f16 = await onnx(dir, "q4f16");
  });

  it("fp32: the adapter's log-probs equal llama.cpp's with the same adapter (1e-4), and the adapter changes them", async () => {
    const d = await diff(fp32, llama, variant);
    console.log(`optimum fp32 + LoRA vs llama.cpp + LoRA: ${d.toExponential(2)}`);
    expect(d).toBeLessThan(1e-4);
    expect(maxAbsDiff(await full(fp32, variant), await full(fp32, { lora: [] }))).toBeGreaterThan(1e-2);
  });

  it("q4 (MatMulNBits): equal to the fp32 graph of its round-tripped weights with the same adapter (1e-4)", async () => {
    const reference = await onnx(temp(q4ReferenceSpec(spec, { symmetric: true }), { loraModules: QWEN2_LORA_MODULES }));
    const d = await diff(q4, reference, variant);
    console.log(`optimum q4 + LoRA vs fp32 of the 4-bit weights + LoRA: ${d.toExponential(2)}`);
    expect(d).toBeLessThan(1e-4);
  });

  it("q4f16 (float16 activations and LoRA inputs): within 5e-2 of the same reference", async () => {
    const reference = await onnx(temp(q4ReferenceSpec(spec, { symmetric: true, scaleType: "float16" }), { loraModules: QWEN2_LORA_MODULES }));
    const d = await diff(q4f16, reference, variant);
    console.log(`optimum q4f16 + LoRA vs fp32 of its weights + LoRA: ${d.toExponential(2)}`);
    expect(d).toBeLessThan(5e-2);
  });
});

describe("add-lora on a genai export (packed QKV)", () => {
  it("the adapter's log-probs equal llama.cpp's with the same adapter (1e-4)", async () => {
    const dir = temp(spec, { profile: "genai" });
    const { sites } = addLoraToExport(dir);
    expect(sites.length).toBeGreaterThan(0);
    const genai = await onnx(dir);
    const d = await diff(genai, llama, variant);
    console.log(`genai + LoRA vs llama.cpp + LoRA: ${d.toExponential(2)}`);
    expect(d).toBeLessThan(1e-4);
  });
});

async function full(model: LoadedModel, v: WeightVariant): Promise<Float32Array> {
  const session = await model.openSession(v);
  try {
    return (await session.nextToken(prompt, { full: true })).full!;
  } finally {
    await session.dispose();
  }
}
