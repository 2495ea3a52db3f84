import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { checkCacheFeeding } from "../../src/backend/onnx/cache-feeding-check.js";
import { DecoderGraph } from "../../src/backend/onnx/decoder-graph.js";
import { emptyKv } from "../../src/backend/onnx/kv-cache.js";
import { externalDataLocations } from "../../src/backend/onnx/external-data-refs.js";
import { readOnnxModelDir } from "../../src/backend/onnx/model-dir.js";
import { OnnxBackend } from "../../src/backend/onnx/onnx-model.js";
import { createOrtSession, ort } from "../../src/backend/onnx/runtime.js";
import { summarizeOnnxDir } from "../../src/backend/onnx/summary.js";
import { EM_SAMPLING_DEFAULTS } from "../../src/backend/types.js";
import { moveToExternalData } from "../../src/fixtures/onnx/external-data.js";
import { encodeModel } from "../../src/fixtures/onnx/onnx-proto.js";
import { buildOptimumQwen2Graph } from "../../src/fixtures/onnx/optimum-qwen2-graph.js";
import { randomQwen2Spec } from "../../src/fixtures/onnx/random-qwen2-spec.js";
import { halfToNumber } from "../../src/util/float16.js";
import { maxAbsDiff, nextTokenLogprobs, sampledByBoth, scoreAndNextDiff } from "./helpers/compare.js";

/** The graphs here give their cache dimensions as numbers: config.json is never consulted. */
const NO_CONFIG = { dir: "", config: {} };
import { tempOnnxModel } from "./helpers/model-dir.js";

const dirs: { dir: string; cleanup: () => void }[] = [];
const temp = (...args: Parameters<typeof tempOnnxModel>) => {
  const made = tempOnnxModel(...args);
  dirs.push(made);
  return made.dir;
};
afterAll(() => {
  for (const d of dirs) d.cleanup();
});
const load = (path: string, dtype = "fp32") => new OnnxBackend().load({ path, dtype, gpu: "cpu", threads: 1, contextSize: 256 });
const spec = randomQwen2Spec({ seed: 21, scale: 0.3 });

/**
 * Stands in for the Float16Array of newer JavaScript engines (Node 20 has none): a view of float16
 * bytes whose elements read as numbers, constructed as onnxruntime constructs it.
 */
class FakeFloat16Array {
  readonly length: number;
  [index: number]: number;
  static from = () => {
    throw new Error("not needed");
  };
  constructor(
    readonly buffer: ArrayBuffer,
    readonly byteOffset = 0,
    length?: number,
  ) {
    this.length = length ?? (buffer.byteLength - byteOffset) / 2;
    const bits = new Uint16Array(buffer, byteOffset, this.length);
    for (let i = 0; i < this.length; i++) Object.defineProperty(this, i, { get: () => halfToNumber(bits[i]!) });
  }
}

describe("float16 tensors, whatever typed array the runtime returns", () => {
  // 0.5, -1.25, 2 as float16 bit patterns.
  const LOGIT_BITS = Uint16Array.of(0x3800, 0xbd00, 0x4000);
  const KEY_BITS = Uint16Array.of(0x3c00, 0xc000);

  /** A one-layer "graph" with a float16 cache that returns its outputs in the given representation. */
  function fakeSession(wrap: (bits: Uint16Array) => unknown, seenPast: Uint16Array[]) {
    const meta = (name: string, type: string, shape: (number | string)[]) => ({ name, isTensor: true, type, shape });
    const inputMetadata = [
      meta("input_ids", "int64", ["b", "s"]),
      meta("attention_mask", "int64", ["b", "t"]),
      meta("past_key_values.0.key", "float16", ["b", 1, "p", 2]),
      meta("past_key_values.0.value", "float16", ["b", 1, "p", 2]),
    ];
    return {
      inputMetadata,
      inputNames: inputMetadata.map((m) => m.name),
      outputNames: ["logits", "present.0.key", "present.0.value"],
      run: async (feeds: Record<string, ort.Tensor>) => {
        const past = feeds["past_key_values.0.key"]!.data as ArrayBufferView & { length: number };
        const pastBits = new Uint16Array(past.buffer, past.byteOffset, past.length);
        seenPast.push(pastBits.slice());
        const present = Uint16Array.from([...pastBits, ...KEY_BITS]);
        const tensor = (bits: Uint16Array, dims: number[]) => ({ type: "float16", dims, data: wrap(bits) });
        return { logits: tensor(LOGIT_BITS, [1, 1, 3]), "present.0.key": tensor(present, [1, 1, present.length / 2, 2]), "present.0.value": tensor(present, [1, 1, present.length / 2, 2]) };
      },
    } as unknown as ort.InferenceSession;
  }

  // onnxruntime picks its float16 array type once, on first use: let it settle on Node 20's Uint16Array before any stub.
  beforeAll(() => void new ort.Tensor("float16", new Uint16Array(1), [1]));
  afterEach(() => vi.unstubAllGlobals());

  for (const [representation, wrap] of [
    ["Uint16Array bit patterns (no Float16Array)", (bits: Uint16Array) => bits],
    ["Float16Array values (newer Node)", (bits: Uint16Array) => new FakeFloat16Array(bits.buffer as ArrayBuffer, bits.byteOffset, bits.length)],
  ] as const) {
    it(`${representation}: logits as values, the cache kept and fed back as the same bits`, async () => {
      vi.stubGlobal("Float16Array", FakeFloat16Array);
      const seen: Uint16Array[] = [];
      const graph = DecoderGraph.inspect(fakeSession(wrap, seen), "fake.onnx", NO_CONFIG);
      expect(graph.kv).toMatchObject({ type: "float16", kvHeads: 1, headDim: 2 });
      const first = await graph.forward([7], 1, 1, emptyKv(graph.kv));
      expect(Array.from(first.logits)).toEqual([0.5, -1.25, 2]);
      expect(first.present.keys[0]).toBeInstanceOf(Uint16Array);
      expect(Array.from(first.present.keys[0]!)).toEqual([0x3c00, 0xc000]);
      await graph.forward([8], 1, 1, first.present);
      expect(Array.from(seen[1]!)).toEqual([0x3c00, 0xc000]);
    });
  }

  it("names anything else instead of reading it wrongly", async () => {
    const graph = DecoderGraph.inspect(fakeSession((bits) => Float32Array.from(bits), []), "fake.onnx", NO_CONFIG);
    await expect(graph.forward([7], 1, 1, emptyKv(graph.kv))).rejects.toThrow(/float16 tensor came back as Float32Array/);
  });
});

describe("the load-time self-check of several tokens on a non-empty cache", () => {
  let good: string;
  let broken: string;
  beforeAll(() => {
    good = temp(spec, { profile: "optimum", optimum: { dtypes: ["fp32"] } });
    broken = temp(spec, { profile: "optimum", optimum: { dtypes: ["fp32", "q8", "q4f16"], causalMask: "past-blind" } });
  });

  const graphOf = async (dir: string, file = join(dir, "onnx", "model.onnx")) => {
    return DecoderGraph.inspect((await createOrtSession(file, "cpu", 1)).session, file, { dir, config: {} });
  };

  it("catches a causal mask that ignores the past length (which really is wrong when chunked)", async () => {
    const [g, b] = [await graphOf(good), await graphOf(broken)];
    expect(await checkCacheFeeding(g)).toMatchObject({ multiTokenOnCache: true });
    const check = await checkCacheFeeding(b);
    expect(check.multiTokenOnCache).toBe(false);
    expect(check.maxDiff).toBeGreaterThan(0.1);
    await g.session.release();
    await b.session.release();
  });

  it("catches it in float16-math (q4f16) and 8-bit dynamic (q8) exports too, whose own noise it tolerates", async () => {
    for (const [dtype, file] of [["q8", "model_quantized.onnx"], ["q4f16", "model_q4f16.onnx"]] as const) {
      const graph = await graphOf(broken, join(broken, "onnx", file));
      const check = await checkCacheFeeding(graph, dtype);
      console.log(`past-blind ${dtype}: diff ${check.maxDiff.toExponential(2)}, tolerance ${check.tolerance}`);
      expect(check.multiTokenOnCache).toBe(false);
      await graph.session.release();
    }
  });

  it("runs on a graph that takes LoRA inputs itself (without an adapter)", async () => {
    const dir = temp(spec, { loraModules: ["q_proj", "lm_head"] });
    copyFileSync(join(dir, "onnx", "model_lora.onnx"), join(dir, "onnx", "model.onnx"));
    const model = await load(dir);
    await model.dispose();
    expect(model.settings).toMatchObject({ cacheFeeding: "chunked" });
  });

  it("then feeds token by token after the first chunk, says so once, and keeps results right", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const model = await load(broken);
    const messages = stderr.mock.calls.map((c) => String(c[0]));
    stderr.mockRestore();
    const reference = await load(good);
    try {
      expect(model.settings).toMatchObject({ cacheFeeding: "token-by-token" });
      expect(reference.settings).toMatchObject({ cacheFeeding: "chunked" });
      expect(messages.filter((m) => m.includes("token by token"))).toHaveLength(1);
      // A re-used prefix (several new tokens on a non-empty cache) and a scored continuation.
      const short = model.chatTokens([{ role: "user", content: "Tell me about the sea." }]);
      const long = model.chatTokens([{ role: "user", content: "Tell me about the sea. And the ships on it?" }]);
      const session = await model.openSession();
      await session.nextToken(short, {});
      const reused = (await session.nextToken(long, { full: true })).full!;
      await session.dispose();
      expect(maxAbsDiff(reused, await nextTokenLogprobs(reference, long))).toBeLessThan(1e-4);
      expect(await scoreAndNextDiff(model, reference, long, model.tokenize(" the sea is deep and the ships are old"))).toBeLessThan(1e-4);
      const [a, b] = await sampledByBoth(model, reference, long, { ...EM_SAMPLING_DEFAULTS, maxTokens: 12, seed: 3 });
      expect(a).toEqual(b);
    } finally {
      await model.dispose();
      await reference.dispose();
    }
  });
});

describe("model directory traits of real exports", () => {
  it("hashes Optimum's external-data names even where the graph names none: model.onnx_data, model.onnx.data, model.onnx_data_1 … N", async () => {
    const dir = temp(spec);
    const onnx = join(dir, "onnx");
    for (const f of ["model.onnx_data", "model.onnx.data", "model.onnx_data_1", "model.onnx_data_2", "model_fp16.onnx_data"]) writeFileSync(join(onnx, f), f);
    const hashed = readOnnxModelDir(dir).hashedFiles.filter((f) => f.includes("_data") || f.endsWith(".data"));
    expect(hashed.map((f) => f.slice(onnx.length + 1)).sort()).toEqual(["model.onnx.data", "model.onnx_data", "model.onnx_data_1", "model.onnx_data_2"]);
    const before = await load(dir);
    await before.dispose();
    writeFileSync(join(onnx, "model.onnx_data_1"), "other weights");
    const after = await load(dir);
    await after.dispose();
    expect(after.info.sha256).not.toBe(before.info.sha256);
  });

  it("loads and hashes weights split across model.onnx_data and model.onnx_data_1 (read from the graph's references)", async () => {
    const inline = temp(spec, { profile: "optimum", optimum: { dtypes: ["fp32"] } });
    const split = temp(spec, { profile: "optimum", optimum: { dtypes: ["fp32"], externalDataFiles: 2 } });
    const onnx = join(split, "onnx");
    expect(externalDataLocations(join(onnx, "model.onnx")).sort()).toEqual(["model.onnx_data", "model.onnx_data_1"]);
    // One entry at every offset around small chunk boundaries is found once.
    const entry = Buffer.from([0x0a, 0x08, ...Buffer.from("location"), 0x12, 0x05, ...Buffer.from("x.bin")]);
    for (let offset = 0; offset < 60; offset++) {
      const file = join(split, `scan-${offset}.bin`);
      writeFileSync(file, Buffer.concat([Buffer.alloc(offset, 0x55), entry, Buffer.alloc(30, 0x55)]));
      for (const chunk of [16, 37]) expect(externalDataLocations(file, chunk)).toEqual(["x.bin"]);
    }
    const a = await load(split);
    const b = await load(inline);
    const prompt = a.chatTokens([{ role: "user", content: "Hello there." }]);
    expect(maxAbsDiff(await nextTokenLogprobs(a, prompt), await nextTokenLogprobs(b, prompt))).toBe(0);
    await a.dispose();
    await b.dispose();
    const second = readFileSync(join(onnx, "model.onnx_data_1"));
    second[second.length - 1]! ^= 1;
    writeFileSync(join(onnx, "model.onnx_data_1"), second);
    const changed = await load(split);
    await changed.dispose();
    expect(changed.info.sha256).not.toBe(a.info.sha256);
  });

  it("hashes an external-data file of any name the graph refers to", () => {
    const dir = temp(spec);
    const graph = buildOptimumQwen2Graph(spec, { dtype: "fp32" });
    const data = moveToExternalData(graph, "shared-weights", 1);
    const model = encodeModel({ ir_version: 8, graph, opset_import: [{ domain: "", version: 17 }] });
    writeFileSync(join(dir, "onnx", "model.onnx"), model);
    for (const [name, bytes] of data) writeFileSync(join(dir, "onnx", name), bytes);
    expect(readOnnxModelDir(dir).hashedFiles).toContain(join(dir, "onnx", "shared-weights_data"));
  });

  it("reads chat_template.jinja when tokenizer_config.json has no chat_template (and hashes it)", async () => {
    const dir = temp(spec);
    const configPath = join(dir, "tokenizer_config.json");
    const config = JSON.parse(readFileSync(configPath, "utf8")) as Record<string, unknown>;
    const template = config.chat_template as string;
    delete config.chat_template;
    writeFileSync(configPath, JSON.stringify(config));
    writeFileSync(join(dir, "chat_template.jinja"), template);
    const model = await load(dir);
    await model.dispose();
    expect(model.info.chatTemplate).toBe(template);
    expect(model.renderChat([{ role: "user", content: "Hi" }])).toContain("<|im_start|>user\nHi<|im_end|>");
    expect(readOnnxModelDir(dir).hashedFiles).toContain(join(dir, "chat_template.jinja"));
  });

  it("finds an older merged decoder (decoder_model_merged*.onnx) and feeds its use_cache_branch", async () => {
    const merged = temp(spec, { profile: "optimum", optimum: { merged: true, dtypes: ["fp32", "q4"] } });
    const plain = temp(spec, { profile: "optimum", optimum: { dtypes: ["fp32"] } });
    expect(readOnnxModelDir(merged, "q4").modelFile).toBe(join(merged, "onnx", "decoder_model_merged_q4.onnx"));
    expect(() => readOnnxModelDir(merged, "fp16")).toThrow(/available dtypes: fp32, q4/);
    expect(summarizeOnnxDir(merged).dtypes.map((d) => d.file)).toEqual(["onnx/decoder_model_merged.onnx", "onnx/decoder_model_merged_q4.onnx"]);
    const a = await load(merged);
    const b = await load(plain);
    try {
      const prompt = a.chatTokens([{ role: "user", content: "Name three colours." }]);
      expect(await scoreAndNextDiff(a, b, prompt, a.tokenize(" red, green and blue"))).toBeLessThan(1e-5);
      const [x, y] = await sampledByBoth(a, b, prompt, { ...EM_SAMPLING_DEFAULTS, maxTokens: 10, seed: 9 });
      expect(x).toEqual(y);
    } finally {
      await a.dispose();
      await b.dispose();
    }
  });
});
