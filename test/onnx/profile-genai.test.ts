import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { LlamaLoadOptions } from "../../src/backend/llama/llama-model.js";
import { loadModel } from "../../src/backend/open.js";
import { DecoderGraph, logitsAt } from "../../src/backend/onnx/decoder-graph.js";
import { emptyKv } from "../../src/backend/onnx/kv-cache.js";
import { ort } from "../../src/backend/onnx/runtime.js";
import { summarizeOnnxDir } from "../../src/backend/onnx/summary.js";
import { EM_SAMPLING_DEFAULTS, type LoadedModel, type Session } from "../../src/backend/types.js";
import { EmlabError } from "../../src/errors.js";
import { decodeModel, encodeModel } from "../../src/fixtures/onnx/onnx-proto.js";
import { tinyQwen2Spec } from "../../src/fixtures/tiny-models.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { tempOnnxModel } from "./helpers/model-dir.js";

/**
 * The genai profile: tiny-qwen2's weights in the graph shape of onnxruntime-genai's model builder
 * (GroupQueryAttention with fused rotary and no position_ids, packed QKV, symbolic kv_cache_dim,
 * num_logits_to_keep). Same float32 math as the default graph in another order: log-probs agree
 * with it and with llama.cpp (F32 KV) within 1e-4.
 */
const TOLERANCE = 1e-4;
const messages = [{ role: "user" as const, content: "Tell me a story about the sea. What is 12 + 30?" }];
const continuationText = " Once there was an old sailor, and the sea was in his heart: 42 days at sea.";

const genaiDir = tempOnnxModel(tinyQwen2Spec(), { profile: "genai" });
let genai: LoadedModel;
let reference: LoadedModel;
let llama: LoadedModel;
let prompt: number[];
let continuation: number[];

beforeAll(async () => {
  const paths = fixturePaths();
  const common = { gpu: "cpu" as const, threads: 1, contextSize: 512 };
  genai = await loadModel("onnx", { path: genaiDir.dir, ...common });
  reference = await loadModel("onnx", { path: paths.tinyQwen2Onnx, ...common });
  const llamaOptions: LlamaLoadOptions = { path: paths.tinyQwen2, ...common, kvCacheType: "f32" };
  llama = await loadModel("llama", llamaOptions);
  prompt = genai.chatTokens(messages);
  continuation = genai.tokenize(continuationText);
});

afterAll(async () => {
  for (const m of [genai, reference, llama]) await m?.dispose();
  genaiDir.cleanup();
});

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
};

async function withSession<T>(model: LoadedModel, use: (s: Session) => Promise<T>): Promise<T> {
  const s = await model.openSession();
  try {
    return await use(s);
  } finally {
    await s.dispose();
  }
}

describe("genai profile: the graph", () => {
  const model = decodeModel(readFileSync(join(genaiDir.dir, "onnx/model.onnx"))) as {
    graph: { node: { op_type: string; domain?: string; input: string[] }[]; input: { name: string }[] };
    opset_import: { domain?: string }[];
  };

  it("is shaped like the model builder's: GQA with fused rotary on packed QKV, skip RMS norms, no position_ids", () => {
    const gqa = model.graph.node.filter((n) => n.op_type === "GroupQueryAttention");
    expect(gqa).toHaveLength(2);
    expect(gqa.every((n) => n.domain === "com.microsoft" && n.input[1] === "" && n.input[2] === "")).toBe(true);
    expect(gqa[0]!.input.slice(7)).toEqual(["cos_cache", "sin_cache"]);
    expect(model.graph.node.filter((n) => n.op_type === "SkipSimplifiedLayerNormalization")).toHaveLength(4);
    expect(model.opset_import.map((o) => o.domain ?? "")).toContain("com.microsoft");
    expect(model.graph.input.map((i) => i.name)).not.toContain("position_ids");
  });

  it("is written byte-identically for the same spec", () => {
    const again = tempOnnxModel(tinyQwen2Spec(), { profile: "genai" });
    try {
      for (const f of ["config.json", "onnx/model.onnx"]) expect(readFileSync(join(again.dir, f)).equals(readFileSync(join(genaiDir.dir, f))), f).toBe(true);
    } finally {
      again.cleanup();
    }
  });

  it("declares a symbolic cache head size and an int64 scalar num_logits_to_keep", async () => {
    const session = await ort.InferenceSession.create(join(genaiDir.dir, "onnx/model.onnx"));
    const meta = new Map(session.inputMetadata.map((m) => [m.name, m]));
    const past = meta.get("past_key_values.0.key")!;
    expect(past.isTensor && past.shape).toEqual(["batch_size", 2, "past_sequence_length", "kv_cache_dim"]);
    const keep = meta.get("num_logits_to_keep")!;
    expect(keep.isTensor && [keep.type, keep.shape]).toEqual(["int64", []]);
    await session.release();
  });
});

describe("genai profile: loading (symbolic kv_cache_dim, failed at load before)", () => {
  it("takes the cache head size from config.json", () => {
    expect(genai.settings).toMatchObject({ backend: "onnx", kvCacheType: "f32" });
    expect(genai.info.vocabSize).toBe(reference.info.vocabSize);
  });

  it("inspect summarizes the export", () => {
    expect(summarizeOnnxDir(genaiDir.dir)).toMatchObject({ kvHeads: 2, attentionHeads: 4, dtypes: [{ dtype: "fp32", lora: false }] });
  });

  it("names config.json when neither the graph nor it gives the head size", async () => {
    const broken = tempOnnxModel(tinyQwen2Spec(), { profile: "genai" });
    const configFile = join(broken.dir, "config.json");
    const { head_dim: _h, hidden_size: _d, ...config } = JSON.parse(readFileSync(configFile, "utf8"));
    writeFileSync(configFile, JSON.stringify(config));
    try {
      const error = await loadModel("onnx", { path: broken.dir, gpu: "cpu", threads: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmlabError);
      expect((error as Error).message).toContain(`${configFile} gives no head size`);
      expect((error as Error).message).toContain("past_key_values.0.key has symbolic dimensions [batch_size, 2, past_sequence_length, kv_cache_dim]");
    } finally {
      broken.cleanup();
    }
  });

  it("refuses, at load, a graph input emlab does not feed, naming the file and the input", async () => {
    const extra = tempOnnxModel(tinyQwen2Spec(), { profile: "genai" });
    const file = join(extra.dir, "onnx/model.onnx");
    const model = decodeModel(readFileSync(file)) as { graph: { input: unknown[] } };
    const tensor = (name: string) => ({ name, type: { tensor_type: { elem_type: 7, shape: { dim: [{ dim_param: "batch_size" }] } } } });
    model.graph.input.push(tensor("token_type_ids"), tensor("cache_position"));
    writeFileSync(file, encodeModel(model));
    try {
      const error = await loadModel("onnx", { path: extra.dir, gpu: "cpu", threads: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EmlabError);
      expect((error as Error).message).toMatch(/model\.onnx: the graph requires inputs token_type_ids, cache_position that emlab does not feed/);
    } finally {
      extra.cleanup();
    }
  });
});

describe("genai profile: num_logits_to_keep (not fed before: the first pass failed)", () => {
  it("returns only the last position's logits when only those are wanted, every position for scoring", async () => {
    const session = await ort.InferenceSession.create(join(genaiDir.dir, "onnx/model.onnx"));
    const graph = DecoderGraph.inspect(session, "model.onnx", { dir: genaiDir.dir, config: JSON.parse(readFileSync(join(genaiDir.dir, "config.json"), "utf8")) });
    const tokens = prompt.slice(0, 9);
    const all = await graph.forward(tokens, 1, 9, emptyKv(graph.kv), {}, "all");
    const last = await graph.forward(tokens, 1, 9, emptyKv(graph.kv), {}, "last");
    expect([all.logitsFrom, all.logits.length / all.vocab]).toEqual([0, 9]);
    expect([last.logitsFrom, last.logits.length / last.vocab]).toEqual([8, 1]);
    expect(maxDiff(logitsAt(last, 9, 0, 8), logitsAt(all, 9, 0, 8))).toBeLessThan(1e-5);
    expect(() => logitsAt(last, 9, 0, 7)).toThrow(RangeError);
    // Two rows decoding one token each on a shared cache.
    const batch = await graph.forward([tokens[0]!, tokens[1]!], 2, 1, emptyKv(graph.kv, 2), {}, "last");
    expect(maxDiff(logitsAt(batch, 1, 0, 0), logitsAt(all, 9, 0, 0))).toBeLessThan(1e-5);
    await session.release();
  });

  it("sessions ask for one row per prefill chunk and decode step, every row when scoring", async () => {
    const spy = vi.spyOn(DecoderGraph.prototype, "forward");
    try {
      const rowsPerCall = async (use: (s: Session) => Promise<unknown>) => {
        spy.mockClear();
        await withSession(genai, use);
        return Promise.all(spy.mock.results.map(async (r, i) => [spy.mock.calls[i]![5], (await r.value).logits.length / (await r.value).vocab]));
      };
      expect(await rowsPerCall((s) => s.nextToken(prompt, {}))).toEqual([["last", 1]]);
      const sampled = await rowsPerCall((s) => s.sample(prompt, { ...EM_SAMPLING_DEFAULTS, maxTokens: 3, seed: 1 }));
      expect(sampled).toEqual([["last", 1], ["last", 1], ["last", 1]].slice(0, sampled.length));
      expect(await rowsPerCall((s) => s.score(prompt, continuation.slice(0, 6)))).toEqual([["last", 1], ["all", 5]]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe("genai profile: same model as the default graph and llama.cpp (F32 KV), within 1e-4", () => {
  it("scores a continuation and gives the next-token distribution", async () => {
    const scored = await Promise.all([genai, reference, llama].map((m) => withSession(m, (s) => s.score(prompt, continuation))));
    const next = await Promise.all([genai, reference, llama].map((m) => withSession(m, async (s) => (await s.nextToken(prompt, { full: true })).full!)));
    const diffs = [maxDiff(scored[0]!, scored[1]!), maxDiff(scored[0]!, scored[2]!), maxDiff(next[0]!, next[1]!), maxDiff(next[0]!, next[2]!)];
    console.log(`genai profile max |log-prob diff|: vs default graph ${Math.max(diffs[0]!, diffs[2]!).toExponential(2)}, vs llama.cpp ${Math.max(diffs[1]!, diffs[3]!).toExponential(2)}`);
    for (const d of diffs) expect(d).toBeLessThan(TOLERANCE);
  });

  it("samples the same tokens with the same log-probs, alone and four lanes at a time, equal to scoring them", async () => {
    const params = { ...EM_SAMPLING_DEFAULTS, maxTokens: 24, seed: 11, topLogprobs: 2 };
    const batched = await loadModel("onnx", { path: genaiDir.dir, gpu: "cpu", threads: 1, contextSize: 512, parallelSequences: 4 });
    try {
      const ours = await withSession(batched, (s) => s.sample(prompt, params, { n: 4 }));
      const theirs = await withSession(reference, (s) => s.sample(prompt, params, { n: 4 }));
      const greedy = await Promise.all([genai, llama].map((m) => withSession(m, (s) => s.sample(prompt, { ...params, temperature: 0 }))));
      expect(Array.from(greedy[0]![0]!.tokenIds)).toEqual(Array.from(greedy[1]![0]!.tokenIds));
      for (let i = 0; i < 4; i++) {
        expect(Array.from(ours[i]!.tokenIds)).toEqual(Array.from(theirs[i]!.tokenIds));
        expect(maxDiff(ours[i]!.logprobs, theirs[i]!.logprobs)).toBeLessThan(TOLERANCE);
        const rescored = await withSession(genai, (s) => s.score(prompt, Array.from(ours[i]!.tokenIds)));
        expect(maxDiff(rescored, ours[i]!.logprobs)).toBeLessThan(TOLERANCE);
      }
    } finally {
      await batched.dispose();
    }
  });
});

describe("genai profile: a prompt fed whole, in chunks or token by token gives the same log-probs", () => {
  it("GroupQueryAttention reads several new tokens on a non-empty cache correctly", async () => {
    const whole = await withSession(genai, async (s) => (await s.nextToken(prompt, { full: true })).full!);
    const chunked = await withSession(genai, async (s) => {
      for (const cut of [5, 13, 14]) await s.nextToken(prompt.slice(0, cut), {});
      const before = s.stats.evaluatedTokens;
      const full = (await s.nextToken(prompt, { full: true })).full!;
      expect(s.stats.evaluatedTokens - before).toBe(prompt.length - 14); // the prefix state was re-used
      return full;
    });
    const stepwise = await withSession(genai, async (s) => {
      for (let n = 1; n < prompt.length; n++) await s.nextToken(prompt.slice(0, n), {});
      return (await s.nextToken(prompt, { full: true })).full!;
    });
    expect(maxDiff(chunked, whole)).toBeLessThan(TOLERANCE);
    expect(maxDiff(stepwise, whole)).toBeLessThan(TOLERANCE);
    // Scoring feeds the continuation as one chunk on the prompt's cache; token by token must agree.
    const scored = await withSession(genai, (s) => s.score(prompt, continuation));
    const stepScored = await withSession(genai, async (s) => {
      const out: number[] = [];
      for (let i = 0; i < continuation.length; i++) out.push((await s.nextToken([...prompt, ...continuation.slice(0, i)], { ids: [continuation[i]!] })).logprobs[0]!);
      return out;
    });
    expect(maxDiff(scored, stepScored)).toBeLessThan(TOLERANCE);
  });

  it("a prompt longer than one prefill chunk (256 tokens) matches llama.cpp", async () => {
    const long = genai.chatTokens([{ role: "user", content: "The sea was calm and the sailor counted 12 gulls. ".repeat(12) }]);
    expect(long.length).toBeGreaterThan(300);
    const [ours, theirs] = await Promise.all([genai, llama].map((m) => withSession(m, async (s) => (await s.nextToken(long, { full: true })).full!)));
    expect(maxDiff(ours!, theirs!)).toBeLessThan(TOLERANCE);
  });
});
