import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DecoderGraph } from "../../src/backend/onnx/decoder-graph.js";
import { emptyKv } from "../../src/backend/onnx/kv-cache.js";
import { OnnxBackend } from "../../src/backend/onnx/onnx-model.js";
import { createOrtSession } from "../../src/backend/onnx/runtime.js";
import { logSoftmax } from "../../src/backend/logprobs.js";
import { loadModel } from "../../src/backend/open.js";
import { EM_SAMPLING_DEFAULTS, type LoadedModel } from "../../src/backend/types.js";
import { decodeModel } from "../../src/fixtures/onnx/onnx-proto.js";
import { OPTIMUM_DTYPES, type OptimumDtype } from "../../src/fixtures/onnx/optimum-qwen2-graph.js";
import { OPTIMUM_FILE_SUFFIX } from "../../src/fixtures/onnx/optimum-files.js";
import { bnb4ReferenceSpec, q4ReferenceSpec, q8ReferenceSpec } from "../../src/fixtures/onnx/quantized-reference-spec.js";
import { tinyQwen2Spec } from "../../src/fixtures/tiny-models.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { maxAbsDiff, nextTokenLogprobs, scoreAndNextDiff } from "./helpers/compare.js";
import { tempOnnxModel } from "./helpers/model-dir.js";

/**
 * The optimum profile: the tiny Qwen2 spec written as a Transformers.js export (Optimum node names
 * and traced causal mask; model.onnx fp32, model_fp16.onnx, model_quantized.onnx (q8), model_q4.onnx,
 * model_q4f16.onnx), all with float32 inputs and outputs as Transformers.js' quantize.py writes them
 * (keep_io_types), and fp16 / q4f16 once more with the float16 KV cache that other exports declare in
 * transformers.js_config.kv_cache_dtype. 4-bit weights are symmetric in blocks of 32 (quantize.py's defaults).
 * Each dtype is compared with the fp32 graph of exactly the weights it holds:
 *   fp32  vs emlab's own graph of the spec             1e-4  (same math, other op order)
 *   fp16  vs fp32                                      2e-2  (float16 weights and activations)
 *   q8, int8, uint8 vs fp32 of the 8-bit round trip   0.2   (activations quantized to uint8 per pass)
 *   q4    vs fp32 of the 4-bit round-tripped weights   1e-4  (MatMulNBits dequantizes exactly)
 *   q4f16 vs fp32 of the round trip, float16 scales    2e-2  (float16 activations)
 *   bnb4  vs fp32 of the NF4 round trip                1e-4  (MatMulBnb4 dequantizes exactly)
 * The fp32 file also agrees with llama.cpp (F32 KV cache) on the same weights within 1e-4.
 */
const TOLERANCE: Record<OptimumDtype, number> = { fp32: 1e-4, fp16: 2e-2, q8: 0.2, int8: 0.2, uint8: 0.2, q4: 1e-4, q4f16: 2e-2, bnb4: 1e-4 };
/** Same prompt fed whole, in chunks or token by token: float32 math 1e-4, float16 math 2e-2, 8-bit dynamic 0.3 (one activation scale per pass). */
const FEEDING_TOLERANCE: Record<OptimumDtype, number> = { fp32: 1e-4, fp16: 2e-2, q8: 0.3, int8: 0.3, uint8: 0.3, q4: 1e-4, q4f16: 2e-2, bnb4: 1e-4 };

const spec = tinyQwen2Spec();
const dirs: { dir: string; cleanup: () => void }[] = [];
let optimum: string;
/** fp16 and q4f16 with a float16 KV cache. */
let optimumHalfKv: string;
const CASES = [...OPTIMUM_DTYPES.map((dtype) => ({ dtype, kv: "f32" })), { dtype: "fp16", kv: "f16" }, { dtype: "q4f16", kv: "f16" }] as const;
const references = new Map<OptimumDtype, string>();
const messages = [{ role: "user" as const, content: "Tell me a story about the sea. What is 12 + 30?" }];

beforeAll(() => {
  const temp = (...args: Parameters<typeof tempOnnxModel>) => {
    const made = tempOnnxModel(...args);
    dirs.push(made);
    return made.dir;
  };
  optimum = temp(spec, { profile: "optimum" });
  optimumHalfKv = temp(spec, { profile: "optimum", optimum: { dtypes: ["fp16", "q4f16"], halfKvCache: "float16" } });
  references.set("fp32", temp(spec));
  references.set("fp16", references.get("fp32")!);
  references.set("q8", temp(q8ReferenceSpec(spec)));
  references.set("int8", references.get("q8")!);
  references.set("uint8", temp(q8ReferenceSpec(spec, { signed: false })));
  references.set("q4", temp(q4ReferenceSpec(spec, { symmetric: true })));
  references.set("bnb4", temp(bnb4ReferenceSpec(spec)));
  references.set("q4f16", temp(q4ReferenceSpec(spec, { symmetric: true, scaleType: "float16" })));
});

afterAll(() => {
  for (const d of dirs) d.cleanup();
});

const load = (path: string, dtype = "fp32") => new OnnxBackend().load({ path, dtype, gpu: "cpu", threads: 1, contextSize: 512 });

describe("the optimum profile's files look like a Transformers.js export", () => {
  const graphOf = (file: string) => decodeModel(readFileSync(join(optimum, "onnx", file))).graph as Record<string, Record<string, unknown>[]>;
  const names = (items: Record<string, unknown>[] | undefined) => (items ?? []).map((x) => x.name as string);

  it("names nodes on module paths and initializers after the PyTorch parameters", () => {
    const graph = graphOf("model.onnx");
    expect(names(graph.node)).toEqual(expect.arrayContaining(["/model/layers.0/self_attn/q_proj/MatMul", "/model/layers.1/mlp/down_proj/MatMul", "/lm_head/MatMul"]));
    expect(names(graph.initializer)).toEqual(
      expect.arrayContaining(["model.embed_tokens.weight", "model.layers.0.self_attn.q_proj.weight", "model.layers.0.self_attn.q_proj.bias", "model.norm.weight"]),
    );
    // The traced causal mask: Range / Less / Where over the new tokens, the past columns concatenated in front.
    const ops = new Set((graph.node ?? []).filter((n) => (n.name as string).startsWith("/model/")).map((n) => n.op_type));
    for (const op of ["Range", "Less", "Where", "Expand"]) expect(ops).toContain(op);
  });

  it("keeps float32 inputs and outputs around float16 weights in fp16 / q4f16, MatMulNBits (4 bits, blocks of 32) in q4 / q4f16, MatMulInteger in q8 / int8 / uint8, MatMulBnb4 in bnb4", () => {
    const elem = (g: Record<string, Record<string, unknown>[]>, list: "input" | "output", name: string) =>
      ((g[list]!.find((v) => v.name === name)!.type as { tensor_type: { elem_type: number } }).tensor_type.elem_type);
    for (const dtype of OPTIMUM_DTYPES) {
      const g = graphOf(`model${OPTIMUM_FILE_SUFFIX(dtype)}.onnx`);
      const half = dtype === "fp16" || dtype === "q4f16";
      expect(elem(g, "output", "logits")).toBe(1);
      expect(elem(g, "input", "past_key_values.0.key")).toBe(1);
      expect(elem(g, "output", "present.0.key")).toBe(1);
      expect((g.initializer ?? []).find((t) => t.name === "model.embed_tokens.weight")).toMatchObject({ data_type: half ? 10 : 1 });
      const nbits = (g.node ?? []).filter((n) => n.op_type === "MatMulNBits");
      if (dtype.startsWith("q4")) {
        expect(nbits).toHaveLength(spec.decoder.blockCount * 7 + 1);
        expect(nbits[0]).toMatchObject({ domain: "com.microsoft", name: "/model/layers.0/self_attn/q_proj/MatMulNBits" });
        const attrs = Object.fromEntries((nbits[0]!.attribute as { name: string; i: number }[]).map((a) => [a.name, a.i]));
        expect(attrs).toMatchObject({ bits: 4, block_size: 32, K: spec.decoder.embeddingLength });
        expect(names(g.initializer)).toContain("model.layers.0.self_attn.q_proj.weight_scales");
        expect(names(g.initializer)).not.toContain("model.layers.0.self_attn.q_proj.weight_zero_points");
      } else {
        expect(nbits).toHaveLength(0);
      }
      const integer = (g.node ?? []).filter((n) => n.op_type === "MatMulInteger" || n.op_type === "DynamicQuantizeLinear");
      expect(integer).toHaveLength(["q8", "int8", "uint8"].includes(dtype) ? 2 * (spec.decoder.blockCount * 7 + 1) : 0);
      expect((g.node ?? []).filter((n) => n.op_type === "MatMulBnb4")).toHaveLength(dtype === "bnb4" ? spec.decoder.blockCount * 7 + 1 : 0);
    }
  });

  it("declares a float16 KV cache in config.json where the graphs take one", () => {
    const pastType = (file: string) => {
      const g = decodeModel(readFileSync(join(optimumHalfKv, "onnx", file))).graph as Record<string, Record<string, unknown>[]>;
      return (g.input!.find((v) => v.name === "past_key_values.0.key")!.type as { tensor_type: { elem_type: number } }).tensor_type.elem_type;
    };
    expect(pastType("model_fp16.onnx")).toBe(10);
    expect(pastType("model_q4f16.onnx")).toBe(10);
    const config = (dir: string) => JSON.parse(readFileSync(join(dir, "config.json"), "utf8")) as Record<string, unknown>;
    expect(config(optimumHalfKv)["transformers.js_config"]).toEqual({ kv_cache_dtype: { fp16: "float16", q4f16: "float16" } });
    expect(config(optimum)["transformers.js_config"]).toBeUndefined();
  });

  it("writes the same bytes for the same spec", () => {
    const again = tempOnnxModel(spec, { profile: "optimum" });
    dirs.push(again);
    for (const file of ["onnx/model.onnx", "onnx/model_q4f16.onnx", "config.json"]) {
      expect(readFileSync(join(again.dir, file)).equals(readFileSync(join(optimum, file)))).toBe(true);
    }
  });
});

describe("each dtype of the optimum profile gives its reference's log-probs", () => {
  for (const { dtype, kv } of CASES) {
    it(`${dtype} (${kv} KV cache): within ${TOLERANCE[dtype]}`, async () => {
      const model = await load(kv === "f16" ? optimumHalfKv : optimum, dtype);
      const reference = await load(references.get(dtype)!);
      try {
        expect(model.settings).toMatchObject({ dtype, kvCacheType: kv, cacheFeeding: "chunked" });
        const prompt = model.chatTokens(messages);
        const diff = await scoreAndNextDiff(model, reference, prompt, model.tokenize(" Once there was an old sailor."));
        console.log(`optimum ${dtype} (${kv} KV): max |log-prob diff| vs its reference ${diff.toExponential(2)}`);
        expect(diff).toBeLessThan(TOLERANCE[dtype]);
        if (dtype === "q4") {
          const effect = maxAbsDiff(await nextTokenLogprobs(model, prompt), await nextTokenLogprobs(await load(references.get("fp32")!), prompt));
          console.log(`optimum q4 vs the unquantized fp32 weights (quantization effect, not a tolerance): ${effect.toExponential(2)}`);
        }
      } finally {
        await model.dispose();
        await reference.dispose();
      }
    });
  }
});

describe("a prompt gives the same log-probs fed whole, in chunks or token by token", () => {
  for (const { dtype, kv } of CASES) {
    it(`${dtype} (${kv} KV cache): within ${FEEDING_TOLERANCE[dtype]}`, async () => {
      const file = join(kv === "f16" ? optimumHalfKv : optimum, "onnx", `model${OPTIMUM_FILE_SUFFIX(dtype)}.onnx`);
      const { session } = await createOrtSession(file, "cpu", 1);
      const graph = DecoderGraph.inspect(session, file, { dir: "", config: {} });
      const prompt = [5, 80, 33, 120, 7, 64, 9, 200, 41, 3, 77, 150];
      const feed = async (chunk: number) => {
        const rows: Float32Array[] = [];
        let state = emptyKv(graph.kv);
        for (let start = 0; start < prompt.length; start += chunk) {
          const piece = prompt.slice(start, start + chunk);
          const result = await graph.forward(piece, 1, piece.length, state);
          for (let j = 0; j < piece.length; j++) rows.push(logSoftmax(result.logits.subarray(j * result.vocab, (j + 1) * result.vocab)));
          state = result.present;
        }
        return rows;
      };
      const whole = await feed(prompt.length);
      let worst = 0;
      for (const chunk of [5, 1]) (await feed(chunk)).forEach((row, i) => (worst = Math.max(worst, maxAbsDiff(row, whole[i]!))));
      await session.release();
      console.log(`optimum ${dtype} (${kv} KV): whole vs chunks of 5 vs token by token ${worst.toExponential(2)}`);
      expect(worst).toBeLessThan(FEEDING_TOLERANCE[dtype]);
    });
  }
});

describe("the optimum fp32 file vs llama.cpp on the same weights (tiny-qwen2.gguf, F32 KV cache)", () => {
  let onnx: LoadedModel;
  let llama: LoadedModel;
  beforeAll(async () => {
    onnx = await load(optimum);
    llama = await loadModel("llama", { path: fixturePaths().tinyQwen2, gpu: "cpu", threads: 1, contextSize: 512, kvCacheType: "f32" });
  });
  afterAll(async () => {
    await onnx?.dispose();
    await llama?.dispose();
  });

  it("scores within 1e-4", async () => {
    const prompt = onnx.chatTokens(messages);
    expect(prompt).toEqual(llama.chatTokens(messages));
    const diff = await scoreAndNextDiff(onnx, llama, prompt, onnx.tokenize(" Once there was an old sailor, and the sea was in his heart: 42 days at sea."));
    console.log(`optimum fp32 vs llama.cpp F32 KV: ${diff.toExponential(2)}`);
    expect(diff).toBeLessThan(1e-4);
  });

  it("samples the same tokens greedily with log-probs within 1e-4", async () => {
    const params = { ...EM_SAMPLING_DEFAULTS, temperature: 0, maxTokens: 32 };
    const prompt = onnx.chatTokens([{ role: "user", content: "What would you do as ruler of the world?" }]);
    const [a] = await (await onnx.openSession()).sample(prompt, params);
    const [b] = await (await llama.openSession()).sample(prompt, params);
    expect(a!.tokenIds.length).toBeGreaterThan(4);
    expect(Array.from(a!.tokenIds)).toEqual(Array.from(b!.tokenIds));
    expect(maxAbsDiff(a!.logprobs, b!.logprobs)).toBeLessThan(1e-4);
  });
});
