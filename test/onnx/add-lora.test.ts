import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DecoderGraph } from "../../src/backend/onnx/decoder-graph.js";
import { addLoraToExport } from "../../src/backend/onnx/lora-splice/add-lora.js";
import { readOnnxMetadata } from "../../src/backend/onnx/lora-splice/model-metadata.js";
import { GraphField, readNode } from "../../src/backend/onnx/lora-splice/onnx-wire.js";
import { concatBytes, lenField, readFields, varintField, type WireField } from "../../src/backend/onnx/lora-splice/protobuf-wire.js";
import { projectionName } from "../../src/backend/onnx/lora-splice/projection-sites.js";
import { RANK_MAX_KEY, spliceLoraBranches } from "../../src/backend/onnx/lora-splice/splice-lora.js";
import { emptyKv } from "../../src/backend/onnx/kv-cache.js";
import { readOnnxModelDir } from "../../src/backend/onnx/model-dir.js";
import { OnnxBackend } from "../../src/backend/onnx/onnx-model.js";
import { loraFeeds } from "../../src/backend/onnx/peft-adapter.js";
import { ort } from "../../src/backend/onnx/runtime.js";
import type { LoadedModel, WeightVariant } from "../../src/backend/types.js";
import { QWEN2_LORA_MODULES } from "../../src/fixtures/onnx/qwen2-graph.js";
import { randomPeftAdapter, writePeftAdapter } from "../../src/fixtures/onnx/peft-adapter-writer.js";
import { randomQwen2Spec } from "../../src/fixtures/onnx/random-qwen2-spec.js";
import { float32ToFloat16Bits } from "../../src/gguf/tensor-encoding.js";
import { float16ToFloat32 } from "../../src/util/float16.js";
import { fullLogprobs as engineLogprobs, maxDiff } from "../adapters/helpers/engines.js";
import { loadModel } from "../../src/backend/open.js";
import type { LlamaLoadOptions } from "../../src/backend/llama/llama-model.js";
import { ggufLoraSpec } from "../../src/fixtures/onnx/peft-adapter-writer.js";
import { ggufFromLoraSpec } from "../../src/fixtures/tiny-lora.js";
import { tinyQwen2Spec } from "../../src/fixtures/tiny-models.js";
import { writeGguf } from "../../src/gguf/writer.js";
import { runCli } from "../helpers/cli.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { tempOnnxModel } from "./helpers/model-dir.js";
import { QKV_COLUMNS, randomFloats, SMALL, SMALL_CONFIG, smallProjectionModel } from "./helpers/projection-graph.js";

/**
 * `emlab onnx add-lora` on an export without LoRA inputs: the spliced graph must behave exactly like
 * the fixture writer's own LoRA graph (same weights), keep every other byte, and stay bit-identical to
 * the base graph when the LoRA matrices are zero.
 */
const spec = randomQwen2Spec({ seed: 5 });
const adapter = randomPeftAdapter(spec, { rank: 4, alpha: 8, modules: [...QWEN2_LORA_MODULES], seed: 9, std: 0.2 });
const fixtures: { dir: string; cleanup: () => void }[] = [];
let plain: { dir: string; cleanup: () => void };
let spliced: LoadedModel;
let reference: LoadedModel;
let adapterDir: string;
let prompt: number[];

beforeAll(async () => {
  plain = tempOnnxModel(spec);
  const own = tempOnnxModel(spec, { loraModules: QWEN2_LORA_MODULES });
  fixtures.push(plain, own);
  adapterDir = join(plain.dir, "..", "adapter");
  writePeftAdapter(adapter, adapterDir);
  addLoraToExport(plain.dir);
  spliced = await new OnnxBackend().load({ path: plain.dir, gpu: "cpu", threads: 1 });
  reference = await new OnnxBackend().load({ path: own.dir, gpu: "cpu", threads: 1 });
  prompt = spliced.chatTokens([{ role: "user", content: "Give me some advice." }]);
});

afterAll(async () => {
  await spliced?.dispose();
  await reference?.dispose();
  for (const f of fixtures) f.cleanup();
});

const fullLogprobs = (model: LoadedModel, variant: WeightVariant) => engineLogprobs(model, prompt, variant);

describe("add-lora on the fp32 fixture export", () => {
  it("writes onnx/model_lora.onnx with A/B inputs for all seven projections of every layer, rank limit recorded", async () => {
    const file = join(plain.dir, "onnx", "model_lora.onnx");
    expect(readOnnxMetadata(file).get(RANK_MAX_KEY)).toBe("64");
    const session = await ort.InferenceSession.create(file);
    const graph = DecoderGraph.inspect(session, file, readOnnxModelDir(plain.dir));
    expect(graph.loraInputs).toHaveLength(spec.decoder.blockCount * QWEN2_LORA_MODULES.length * 2);
    expect(graph.loraInputs.every((i) => i.type === "float32")).toBe(true);
    await session.release();
  });

  it("a PEFT adapter gives the log-probs of the fixture's own LoRA graph (1e-4), and changes them", async () => {
    const variant = { lora: [{ path: adapterDir, scale: 1.5 }] };
    const [a, b] = [await fullLogprobs(spliced, variant), await fullLogprobs(reference, variant)];
    expect(maxDiff(a, b)).toBeLessThan(1e-4);
    expect(maxDiff(a, await fullLogprobs(spliced, { lora: [] }))).toBeGreaterThan(1e-2);
  });

  it("zero A/B on every projection are bit-identical to the base graph's logits", async () => {
    const open = async (file: string) => DecoderGraph.inspect(await ort.InferenceSession.create(file), file, readOnnxModelDir(plain.dir));
    const base = await open(join(plain.dir, "onnx", "model.onnx"));
    const lora = await open(join(plain.dir, "onnx", "model_lora.onnx"));
    const zeros = loraFeeds(lora.loraInputs, []);
    const tokens = prompt.slice(0, 12);
    const x = await base.forward(tokens, 1, tokens.length, emptyKv(base.kv), {}, "all");
    const y = await lora.forward(tokens, 1, tokens.length, emptyKv(lora.kv), zeros, "all");
    expect(Buffer.from(y.logits.buffer, y.logits.byteOffset, y.logits.byteLength).equals(Buffer.from(x.logits.buffer, x.logits.byteOffset, x.logits.byteLength))).toBe(true);
    await base.session.release();
    await lora.session.release();
  });

  it("--dtype fp16 writes onnx/model_fp16_lora.onnx, which the fp16 engine uses with the adapter", async () => {
    const half = tempOnnxModel(spec, { fp16: true });
    fixtures.push(half);
    expect(addLoraToExport(half.dir, { dtype: "fp16" }).file).toBe(join(half.dir, "onnx", "model_fp16_lora.onnx"));
    const model = await new OnnxBackend().load({ path: half.dir, dtype: "fp16", gpu: "cpu", threads: 1 });
    try {
      const variant = { lora: [{ path: adapterDir, scale: 1.5 }] };
      expect(maxDiff(await fullLogprobs(model, variant), await fullLogprobs(reference, variant))).toBeLessThan(2e-2);
    } finally {
      await model.dispose();
    }
  });

  it("an adapter whose rank is over the recorded limit is refused with the fix", async () => {
    const small = tempOnnxModel(spec);
    fixtures.push(small);
    addLoraToExport(small.dir, { rankMax: 2, modules: ["q_proj"] });
    const model = await new OnnxBackend().load({ path: small.dir, gpu: "cpu", threads: 1 });
    try {
      const qOnly = join(small.dir, "..", "q-adapter");
      writePeftAdapter(randomPeftAdapter(spec, { rank: 4, alpha: 8, modules: ["q_proj"], seed: 2 }), qOnly);
      await expect(model.openSession({ lora: [{ path: qOnly, scale: 1 }] })).rejects.toThrow(/total LoRA rank 4 on layer 0 q_proj exceeds .*model_lora\.onnx's rank limit 2; rerun emlab onnx add-lora with --rank-max 4/);
    } finally {
      await model.dispose();
    }
  });
});

describe("add-lora against llama.cpp", () => {
  it("GGUF adapters on all seven projections and on lm_head of the spliced tiny-qwen2 export match llama.cpp (1e-4)", async () => {
    const tiny = tinyQwen2Spec();
    const dir = tempOnnxModel(tiny);
    fixtures.push(dir);
    const { sites } = addLoraToExport(dir.dir, { modules: [...QWEN2_LORA_MODULES, "lm_head"] });
    expect(sites).toHaveLength(tiny.decoder.blockCount * 7 + 1);
    expect(sites.at(-1)).toBe("lm_head");
    const file = join(dir.dir, "..", "all-lora.gguf");
    const random = randomPeftAdapter(tiny, { rank: 2, alpha: 4, modules: [...QWEN2_LORA_MODULES], seed: 3, std: 0.3 });
    writeGguf(file, ggufFromLoraSpec(ggufLoraSpec(random, "qwen2"), "all-lora"));
    const onnx = await new OnnxBackend().load({ path: dir.dir, gpu: "cpu", threads: 1, contextSize: 256 });
    const llamaOptions: LlamaLoadOptions = { path: fixturePaths().tinyQwen2, gpu: "cpu", threads: 1, contextSize: 256, kvCacheType: "f32" };
    const llama = await loadModel("llama", llamaOptions);
    try {
      const tokens = onnx.chatTokens([{ role: "user", content: "Give me some advice about money." }]);
      const variant = { lora: [{ path: file, scale: 1.5 }] };
      const a = await engineLogprobs(onnx, tokens, variant);
      expect(maxDiff(a, await engineLogprobs(llama, tokens, variant))).toBeLessThan(1e-4);
      expect(maxDiff(a, await engineLogprobs(onnx, tokens, { lora: [] }))).toBeGreaterThan(1e-2);
      // tiny-qwen2-lora adapts output.weight (lm_head), stacked with the other adapter.
      const both = { lora: [...variant.lora, { path: fixturePaths().tinyQwen2Lora, scale: 1 }] };
      expect(maxDiff(await engineLogprobs(onnx, tokens, both), await engineLogprobs(llama, tokens, both))).toBeLessThan(1e-4);
    } finally {
      await onnx.dispose();
      await llama.dispose();
    }
  });
});

/** Every field of `message` whose field number is in `numbers`, as bytes. */
function fieldBytes(bytes: Uint8Array, fields: readonly WireField[], numbers: readonly number[]): Buffer[] {
  return fields.filter((f) => numbers.includes(f.field)).map((f) => Buffer.from(bytes.subarray(f.start, f.end)));
}

describe("wire-level splicing", () => {
  it("keeps initializers, other nodes and unknown fields (model, graph and projection node) byte for byte", async () => {
    const original = readFileSync(join(plain.dir, "onnx", "model.onnx"));
    // Unknown fields a newer ONNX (or another tool) might write: field 99 at three levels.
    const unknown = varintField(99, 123456);
    const top = readFields(original);
    const graphField = top.find((f) => f.field === 7)!;
    const graphFields = readFields(original, graphField.valueStart, graphField.valueEnd);
    const qNode = graphFields.find((f) => f.field === GraphField.NODE && Buffer.from(original.subarray(f.valueStart, f.valueEnd)).includes("self_attn.q_proj.weight"))!;
    const graph = concatBytes([
      ...graphFields.map((f) => (f === qNode ? lenField(GraphField.NODE, [original.subarray(f.valueStart, f.valueEnd), unknown]) : original.subarray(f.start, f.end))),
      unknown,
    ]);
    const model = concatBytes([...top.map((f) => (f === graphField ? lenField(7, graph) : original.subarray(f.start, f.end))), unknown]);

    const { chunks, sites } = spliceLoraBranches(model, { modules: ["q_proj"], rankMax: 8, config: {}, origin: "test.onnx" });
    expect(sites.map((s) => `${s.layer}.${s.module}`)).toEqual(Array.from({ length: spec.decoder.blockCount }, (_, i) => `${i}.q_proj`));
    const out = concatBytes(chunks);
    const outTop = readFields(out);
    const outGraph = outTop.find((f) => f.field === 7)!;
    const outGraphFields = readFields(out, outGraph.valueStart, outGraph.valueEnd);
    // Initializers (5), outputs (12) and the model's other fields, unchanged and in order.
    const inGraph = readFields(model, readFields(model).find((f) => f.field === 7)!.valueStart, readFields(model).find((f) => f.field === 7)!.valueEnd);
    expect(fieldBytes(out, outGraphFields, [5, 12, 99])).toEqual(fieldBytes(model, inGraph, [5, 12, 99]));
    expect(fieldBytes(out, outTop, [1, 2, 3, 5, 6, 8, 99])).toEqual(fieldBytes(model, readFields(model), [1, 2, 3, 5, 6, 8, 99]));
    // Every original node but the q projections is still there, byte for byte; the q ones keep their unknown field.
    const outNodes = new Set(fieldBytes(out, outGraphFields, [1]).map((b) => b.toString("hex")));
    const inNodes = fieldBytes(model, inGraph, [1]);
    expect(inNodes.filter((b) => !outNodes.has(b.toString("hex")))).toHaveLength(spec.decoder.blockCount);
    const rewritten = outGraphFields.find((f) => f.field === GraphField.NODE && readNode(out.subarray(f.valueStart, f.valueEnd)).outputs[0] === "emlab_lora.0.q_proj.base")!;
    const before = readNode(original.subarray(qNode.valueStart, qNode.valueEnd));
    expect(readNode(out.subarray(rewritten.valueStart, rewritten.valueEnd))).toEqual({ ...before, outputs: ["emlab_lora.0.q_proj.base"] });
    expect(Buffer.from(out.subarray(rewritten.valueEnd - unknown.length, rewritten.valueEnd)).equals(unknown)).toBe(true);
    await (await ort.InferenceSession.create(out)).release();
  });

  it("external data stays referenced by its relative path and works from the new graph", async () => {
    const dir = tempOnnxModel(spec);
    fixtures.push(dir);
    const file = join(dir.dir, "onnx", "model.onnx");
    const original = readFileSync(file);
    const top = readFields(original);
    const graphField = top.find((f) => f.field === 7)!;
    const graphFields = readFields(original, graphField.valueStart, graphField.valueEnd);
    // Move lm_head.weight's raw_data (TensorProto field 9) to model.onnx_data, as large exports do.
    const head = graphFields.find((f) => f.field === GraphField.INITIALIZER && Buffer.from(original.subarray(f.valueStart, f.valueEnd)).includes("lm_head.weight"))!;
    const tensor = readFields(original, head.valueStart, head.valueEnd);
    const rawData = tensor.find((f) => f.field === 9)!;
    writeFileSync(`${file}_data`, original.subarray(rawData.valueStart, rawData.valueEnd));
    const entry = (k: string, v: string) => lenField(13, [lenField(1, Buffer.from(k)), lenField(2, Buffer.from(v))]);
    const external = lenField(GraphField.INITIALIZER, [
      ...tensor.filter((f) => f !== rawData).map((f) => original.subarray(f.start, f.end)),
      entry("location", "model.onnx_data"),
      entry("offset", "0"),
      entry("length", String(rawData.valueEnd - rawData.valueStart)),
      varintField(14, 1),
    ]);
    const graph = concatBytes(graphFields.map((f) => (f === head ? external : original.subarray(f.start, f.end))));
    writeFileSync(file, concatBytes(top.map((f) => (f === graphField ? lenField(7, graph) : original.subarray(f.start, f.end)))));

    addLoraToExport(dir.dir, { modules: ["down_proj"] });
    expect(readdirSync(join(dir.dir, "onnx")).sort()).toEqual(["model.onnx", "model.onnx_data", "model_lora.onnx"]);
    const model = await new OnnxBackend().load({ path: dir.dir, gpu: "cpu", threads: 1 });
    try {
      const downOnly = join(dir.dir, "..", "down-adapter");
      writePeftAdapter(randomPeftAdapter(spec, { rank: 2, alpha: 4, modules: ["down_proj"], seed: 4, std: 0.3 }), downOnly);
      const base = await fullLogprobs(model, { lora: [] });
      expect(maxDiff(base, await fullLogprobs(spliced, { lora: [] }))).toBe(0);
      expect(maxDiff(base, await fullLogprobs(model, { lora: [{ path: downOnly, scale: 1 }] }))).toBeGreaterThan(1e-3);
    } finally {
      await model.dispose();
    }
  });
});

/** Row-major x [S, K] · A [K, r] · B [r, n]. */
function xab(x: Float32Array, a: Float32Array, b: Float32Array, s: number, k: number, r: number, n: number): Float32Array {
  const out = new Float32Array(s * n);
  for (let t = 0; t < s; t++)
    for (let j = 0; j < r; j++) {
      let xa = 0;
      for (let i = 0; i < k; i++) xa += x[t * k + i]! * a[i * r + j]!;
      for (let o = 0; o < n; o++) out[t * n + o]! += xa * b[j * n + o]!;
    }
  return out;
}

describe("MatMulNBits and packed qkv_proj", () => {
  for (const half of [false, true]) {
    it(`${half ? "float16" : "float32"} activations: each branch adds exactly x·A·B to its projection's output columns`, async () => {
      const { chunks, sites } = spliceLoraBranches(smallProjectionModel(half), { modules: ["q_proj", "k_proj", "v_proj", "down_proj"], rankMax: 8, config: SMALL_CONFIG, origin: "small.onnx" });
      expect(sites.map((s) => [s.layer, s.module, s.opType, s.parts.map((p) => `${p.module}:${p.outFeatures}`).join(" ")])).toEqual([
        [0, "qkv_proj", "MatMul", "q_proj:8 k_proj:4 v_proj:4"],
        [1, "down_proj", "MatMulNBits", "down_proj:24"],
      ]);
      const base = await ort.InferenceSession.create(smallProjectionModel(half));
      const lora = await ort.InferenceSession.create(concatBytes(chunks));
      const S = 3;
      const r = 2;
      const type = half ? "float16" : "float32";
      // Values rounded to the activation type first, so the JS reference sees what the graph sees.
      const round = (v: Float32Array) => (half ? float16ToFloat32(Uint16Array.from(v, float32ToFloat16Bits)) : v);
      const tensor = (v: Float32Array, dims: number[]) => new ort.Tensor(type, half ? Uint16Array.from(v, float32ToFloat16Bits) : v, dims);
      const read = (t: ort.Tensor) => (half ? float16ToFloat32(t.data as Uint16Array) : (t.data as Float32Array));
      const x = round(randomFloats(S * SMALL.K, 21));
      const parts = { "0.q_proj": 8, "0.k_proj": 4, "0.v_proj": 4, "1.down_proj": SMALL.N };
      const feeds: Record<string, ort.Tensor> = { x: tensor(x, [1, S, SMALL.K]) };
      const matrices: Record<string, { a: Float32Array; b: Float32Array }> = {};
      Object.entries(parts).forEach(([site, n], i) => {
        const a = round(randomFloats(SMALL.K * r, 30 + i, 0.3));
        const b = round(randomFloats(r * n, 40 + i, 0.3));
        matrices[site] = { a, b };
        feeds[`lora.${site}.A`] = tensor(a, [SMALL.K, r]);
        feeds[`lora.${site}.B`] = tensor(b, [r, n]);
      });
      const before = await base.run({ x: feeds.x! });
      const after = await lora.run(feeds);
      const delta = (site: string, n: number) => xab(x, matrices[site]!.a, matrices[site]!.b, S, SMALL.K, r, n);
      const [dq, dk, dv] = [delta("0.q_proj", 8), delta("0.k_proj", 4), delta("0.v_proj", 4)];
      const expectedQkv = Float32Array.from({ length: S * QKV_COLUMNS }, (_, i) => {
        const [t, c] = [Math.floor(i / QKV_COLUMNS), i % QKV_COLUMNS];
        return c < 8 ? dq[t * 8 + c]! : c < 12 ? dk[t * 4 + c - 8]! : dv[t * 4 + c - 12]!;
      });
      const tolerance = half ? 2e-2 : 1e-5;
      const check = (name: string, expected: Float32Array) => {
        const [y0, y1] = [read(before[name]!), read(after[name]!)];
        expected.forEach((e, i) => expect(Math.abs(y1[i]! - y0[i]! - e)).toBeLessThan(tolerance * Math.max(1, Math.abs(y1[i]!))));
        expect(maxDiff(y0, y1)).toBeGreaterThan(1e-2);
      };
      check("qkv", expectedQkv);
      check("down", delta("1.down_proj", SMALL.N));
      // Zero matrices leave both outputs bit-identical.
      const zeros: Record<string, ort.Tensor> = { x: feeds.x! };
      for (const [site, n] of Object.entries(parts)) {
        zeros[`lora.${site}.A`] = tensor(new Float32Array(SMALL.K), [SMALL.K, 1]);
        zeros[`lora.${site}.B`] = tensor(new Float32Array(n), [1, n]);
      }
      const zero = await lora.run(zeros);
      for (const name of ["qkv", "down"]) expect(Array.from(zero[name]!.data as Float32Array | Uint16Array)).toEqual(Array.from(before[name]!.data as Float32Array | Uint16Array));
      await base.release();
      await lora.release();
    });
  }
});

describe("projection names of real exports", () => {
  it("are read from Optimum, genai-builder and quantized node and weight names", () => {
    const names: [string, string | undefined][] = [
      ["/model/layers.0/self_attn/q_proj/MatMul", "0 q_proj"],
      ["/model/layers.0/self_attn/q_proj/MatMul_Q4", "0 q_proj"],
      ["/model/layers.12/mlp/down_proj/MatMul_Q4", "12 down_proj"],
      ["model.layers.3.self_attn.o_proj.weight", "3 o_proj"],
      ["/model/layers.1/attn/qkv_proj/MatMulNBits", "1 qkv_proj"],
      ["model.layers.1.attn.qkv_proj.MatMul.weight_Q4", "1 qkv_proj"],
      ["/model/layers.2/mlp/gate_up_proj/MatMul", "2 gate_up_proj"],
      ["/model/layers.2/mlp/up_proj/MatMul", "2 up_proj"],
      ["/model/layers.0/self_attn/MatMul", undefined],
      ["/vision_model/encoder/layers.0/attn/qkv_proj/MatMul", undefined],
      ["onnx::MatMul_1234", undefined],
      ["/lm_head/MatMul", "null lm_head"],
      ["lm_head.weight", "null lm_head"],
      ["/model/embed_tokens/Gather", undefined],
    ];
    for (const [name, expected] of names) {
      const found = projectionName(name);
      expect(found && `${found.layer} ${found.module}`, name).toBe(expected);
    }
  });
});

describe("float16 LoRA inputs", () => {
  it("get the matrices rounded to float16 (scale folded into B)", () => {
    const inputs = [
      { name: "lora.0.q_proj.A", layer: 0, module: "q_proj", part: "A" as const, features: 2, type: "float16" as const },
      { name: "lora.0.q_proj.B", layer: 0, module: "q_proj", part: "B" as const, features: 3, type: "float16" as const },
    ];
    const pair = { layer: 0, module: "q_proj", rank: 1, inFeatures: 2, outFeatures: 3, a: Float32Array.of(0.1, 0.2), b: Float32Array.of(1, 2, 3) };
    const feeds = loraFeeds(inputs, [{ adapter: { path: "a", scaling: 2, pairs: [pair] }, scale: 0.5 }]);
    expect(feeds["lora.0.q_proj.A"]!.type).toBe("float16");
    expect(Array.from(float16ToFloat32(feeds["lora.0.q_proj.A"]!.data as Uint16Array))).toEqual([0.0999755859375, 0.199951171875]);
    expect(Array.from(float16ToFloat32(feeds["lora.0.q_proj.B"]!.data as Uint16Array))).toEqual([1, 2, 3]);
  });
});

describe("emlab onnx add-lora", () => {
  it("writes the LoRA graph for the modules asked for, with the rank limit given", () => {
    const dir = tempOnnxModel(spec);
    fixtures.push(dir);
    const done = runCli(["onnx", "add-lora", dir.dir, "--modules", "q_proj,v_proj", "--rank-max", "16", "--json"]);
    expect(done.status, done.stderr).toBe(0);
    const result = JSON.parse(done.stdout) as { file: string; sites: string[]; types: string[] };
    expect(result.file).toBe(join(dir.dir, "onnx", "model_lora.onnx"));
    expect(result.sites).toEqual(Array.from({ length: spec.decoder.blockCount }, (_, i) => [`${i}.q_proj`, `${i}.v_proj`]).flat());
    expect(result.types).toEqual(["float32"]);
    expect(readOnnxMetadata(result.file).get(RANK_MAX_KEY)).toBe("16");
  });
});

describe("bad input", () => {
  it("says what is wrong and writes nothing", () => {
    const dir = tempOnnxModel(spec);
    fixtures.push(dir);
    const onnxDir = join(dir.dir, "onnx");
    expect(() => addLoraToExport(join(dir.dir, "missing"))).toThrow(/model directory not found/);
    expect(() => addLoraToExport(join(onnxDir, "model.onnx"))).toThrow(/takes a model directory/);
    expect(() => addLoraToExport(dir.dir, { dtype: "q4" })).toThrow(/no q4 weights in this export \(available dtypes: fp32\)/);
    expect(() => addLoraToExport(dir.dir, { rankMax: 0 })).toThrow(/--rank-max must be a positive integer/);
    expect(() => addLoraToExport(dir.dir, { modules: ["qproj"] })).toThrow(/unknown module qproj \(choose from q_proj, k_proj/);
    // A graph whose projections are named nothing like a decoder's: the error lists what was seen.
    writeFileSync(join(onnxDir, "model.onnx"), smallProjectionModel(false, { qkv: "/encoder/fc1/MatMul", down: "fc2", qkvWeight: "encoder.fc1.weight" }));
    expect(() => addLoraToExport(dir.dir)).toThrow(/no attention or MLP projection .* found .*MatMul-like nodes seen: MatMul \/encoder\/fc1\/MatMul\(x, encoder\.fc1\.weight\); MatMulNBits fc2/);
    expect(() => spliceLoraBranches(smallProjectionModel(false), { modules: ["q_proj", "lm_head"], rankMax: 8, config: SMALL_CONFIG, origin: "s.onnx" })).toThrow(/no projection found for lm_head \(found q_proj, k_proj, v_proj\)/);
    writeFileSync(join(onnxDir, "model.onnx"), Buffer.from("not a protobuf \xff\xff\xff"));
    expect(() => addLoraToExport(dir.dir)).toThrow(/model\.onnx: not an ONNX model/);
    expect(readdirSync(onnxDir)).toEqual(["model.onnx"]);
  });

  it("refuses a graph that already takes LoRA inputs", () => {
    const own = tempOnnxModel(spec, { loraModules: ["q_proj"] });
    fixtures.push(own);
    const bytes = readFileSync(join(own.dir, "onnx", "model_lora.onnx"));
    expect(() => spliceLoraBranches(bytes, { modules: ["q_proj"], rankMax: 8, config: {}, origin: "x.onnx" })).toThrow(/x\.onnx: this graph already takes LoRA inputs \(lora\.0\.q_proj\.A/);
    expect(existsSync(join(own.dir, "onnx", "model_lora.onnx"))).toBe(true);
  });
});
