import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OnnxBackend } from "../../src/backend/onnx/onnx-model.js";
import { DTYPE_SUFFIX, readOnnxModelDir } from "../../src/backend/onnx/model-dir.js";
import { EM_SAMPLING_DEFAULTS, type LoadedModel } from "../../src/backend/types.js";
import { randomQwen2Spec } from "../../src/fixtures/onnx/random-qwen2-spec.js";
import { tempOnnxModel } from "./helpers/model-dir.js";

/**
 * `dtype` picks the weight file of the Optimum / Transformers.js layout (onnx/model.onnx,
 * model_fp16.onnx, model_quantized.onnx, model_q4.onnx …), and is recorded with the threads in the
 * engine settings. Each file here holds different weights, so the numbers show which one ran.
 */
const fixtures: { dir: string; cleanup: () => void }[] = [];
let dir: string;
const DTYPES = ["fp16", "q8", "q4"] as const;
/** Reference models: the weights each dtype's file holds. */
const references = new Map<string, string>();

beforeAll(() => {
  const main = tempOnnxModel(randomQwen2Spec({ seed: 1 }));
  fixtures.push(main);
  dir = main.dir;
  DTYPES.forEach((dtype, i) => {
    const other = tempOnnxModel(randomQwen2Spec({ seed: 100 + i }));
    fixtures.push(other);
    copyFileSync(join(other.dir, "onnx", "model.onnx"), join(dir, "onnx", `model${DTYPE_SUFFIX[dtype]}.onnx`));
    references.set(dtype, other.dir);
  });
});

afterAll(() => {
  for (const f of fixtures) f.cleanup();
});

async function nextTokenLogprobs(model: LoadedModel): Promise<Float32Array> {
  const session = await model.openSession();
  try {
    return (await session.nextToken(model.chatTokens([{ role: "user", content: "Hello there." }]), { full: true })).full!;
  } finally {
    await session.dispose();
  }
}

describe("ONNX dtype selection", () => {
  it("maps dtypes to the Transformers.js file names", () => {
    expect(readOnnxModelDir(dir).modelFile).toBe(join(dir, "onnx", "model.onnx"));
    expect(readOnnxModelDir(dir, "fp16").modelFile).toBe(join(dir, "onnx", "model_fp16.onnx"));
    expect(readOnnxModelDir(dir, "q8").modelFile).toBe(join(dir, "onnx", "model_quantized.onnx"));
    expect(readOnnxModelDir(dir, "q4").modelFile).toBe(join(dir, "onnx", "model_q4.onnx"));
  });

  it("loads the chosen file, records dtype and threads, and hashes what it loaded", async () => {
    const hashes = new Set<string>();
    for (const dtype of ["fp32", ...DTYPES]) {
      const model = await new OnnxBackend().load({ path: dir, dtype, gpu: "cpu", threads: 1 });
      try {
        expect(model.settings).toMatchObject({ backend: "onnx", dtype, threads: 1, gpu: "cpu" });
        hashes.add(model.info.sha256);
        if (dtype !== "fp32") {
          const reference = await new OnnxBackend().load({ path: references.get(dtype)!, gpu: "cpu", threads: 1 });
          expect(Array.from(await nextTokenLogprobs(model))).toEqual(Array.from(await nextTokenLogprobs(reference)));
          await reference.dispose();
        }
      } finally {
        await model.dispose();
      }
    }
    expect(hashes.size).toBe(4);
  });

  it("names the dtypes an export has when the requested one is missing", () => {
    expect(() => readOnnxModelDir(dir, "bnb4")).toThrow(/no bnb4 weights in this export \(available dtypes: fp32, fp16, q8, q4\)/);
    expect(() => readOnnxModelDir(dir, "fp8")).toThrow(/unknown ONNX dtype 'fp8'/);
  });
});

describe("an fp16 export (float16 KV cache and logits)", () => {
  let half: LoadedModel;
  let full: LoadedModel;
  let fixture: { dir: string; cleanup: () => void };
  const prompt = () => full.chatTokens([{ role: "user", content: "Tell me the answer in one sentence." }]);

  beforeAll(async () => {
    fixture = tempOnnxModel(randomQwen2Spec({ seed: 3 }), { fp16: true });
    half = await new OnnxBackend().load({ path: fixture.dir, dtype: "fp16", gpu: "cpu", threads: 1, parallelSequences: 3 });
    full = await new OnnxBackend().load({ path: fixture.dir, gpu: "cpu", threads: 1 });
  });

  afterAll(async () => {
    await half?.dispose();
    await full?.dispose();
    fixture?.cleanup();
  });

  it("records its float16 KV cache in the engine settings", () => {
    expect(half.settings).toMatchObject({ dtype: "fp16", kvCacheType: "f16" });
    expect(full.settings).toMatchObject({ dtype: "fp32", kvCacheType: "f32" });
  });

  it("gives the fp32 numbers up to float16 rounding", async () => {
    const [a, b] = [await nextTokenLogprobs(half), await nextTokenLogprobs(full)];
    const diff = a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0);
    expect(diff).toBeGreaterThan(0);
    expect(diff).toBeLessThan(2e-2);
  });

  it("branches and truncates float16 caches: batched samples and prefix reuse match sequential and fresh runs", async () => {
    const params = { ...EM_SAMPLING_DEFAULTS, maxTokens: 8, seed: 5 };
    const batched = await half.openSession();
    const together = await batched.sample(prompt(), params, { n: 3 });
    for (const s of together) {
      const alone = await (await half.openSession()).sample(prompt(), params, { indices: [s.index] });
      expect(Array.from(alone[0]!.tokenIds)).toEqual(Array.from(s.tokenIds));
    }
    const other = full.chatTokens([{ role: "user", content: "Tell me the answer in one word." }]);
    const continuation = full.tokenize(" the answer is");
    const reused = await batched.score(other, continuation);
    const fresh = await (await half.openSession()).score(other, continuation);
    reused.forEach((lp, i) => expect(Math.abs(lp - fresh[i]!)).toBeLessThan(1e-2));
    await batched.dispose();
  });
});
