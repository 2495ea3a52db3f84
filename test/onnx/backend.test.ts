import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OnnxBackend, type OnnxLoadedModel } from "../../src/backend/onnx/onnx-model.js";
import { cudaProviderInstalled, ort } from "../../src/backend/onnx/runtime.js";
import { EM_SAMPLING_DEFAULTS, type SamplingParams } from "../../src/backend/types.js";
import { logSoftmax } from "../../src/backend/logprobs.js";
import { EmlabError } from "../../src/errors.js";
import { tempOnnxModel } from "./helpers/model-dir.js";
import { randomQwen2Spec } from "../../src/fixtures/onnx/random-qwen2-spec.js";

const params = (over: Partial<SamplingParams> = {}): SamplingParams => ({ ...EM_SAMPLING_DEFAULTS, maxTokens: 12, seed: 7, ...over });

let fixture: { dir: string; cleanup: () => void };
let model: OnnxLoadedModel;
let prompt: number[];

beforeAll(async () => {
  fixture = tempOnnxModel(randomQwen2Spec({ seed: 3 }));
  model = (await new OnnxBackend().load({ path: fixture.dir, gpu: "cpu", threads: 2 })) as OnnxLoadedModel;
  prompt = model.chatTokens([{ role: "user", content: "Tell me the answer in one sentence." }]);
});

afterAll(async () => {
  await model?.dispose();
  fixture?.cleanup();
});

describe("ONNX backend: model", () => {
  it("records its engine settings and reads the export's metadata", () => {
    expect(model.settings).toMatchObject({ backend: "onnx", gpu: "cpu", threads: 2, dtype: "fp32", contextSize: 256, flashAttention: false });
    expect(model.info.architecture).toBe("qwen2");
    expect(model.info.bosTokenId).toBe(264); // config.json bos_token_id (<|endoftext|>), as Qwen exports write it
    expect(model.info.eosTokenIds).toEqual([264, 266]);
    expect(model.info.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("renders the chat template exactly and tokenizes special tokens only when asked", () => {
    const text = model.renderChat([{ role: "user", content: "hi" }]);
    expect(text).toBe("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n");
    const ids = model.chatTokens([{ role: "user", content: "hi" }]);
    expect(ids[0]).toBe(265); // <|im_start|>, no BOS in front
    expect(model.detokenize(ids)).toBe(text);
    expect(model.tokenize("<|im_end|>", { special: true })).toEqual([266]);
    expect(model.tokenize("<|im_end|>")).not.toContain(266);
    expect(model.tokenize("12 the", { special: false })).toEqual([49, 50, 258]); // single digits, "Ġthe" merged
  });
});

describe("ONNX backend: sampling", () => {
  it("is reproducible per (seed, sample index), alone or batched", async () => {
    const a = await model.openSession();
    const first = await a.sample(prompt, params(), { n: 4 });
    const again = await a.sample(prompt, params(), { n: 4 });
    expect(first.map((s) => Array.from(s.tokenIds))).toEqual(again.map((s) => Array.from(s.tokenIds)));
    const other = await a.sample(prompt, params({ seed: 8 }), { n: 4 });
    expect(other.map((s) => Array.from(s.tokenIds))).not.toEqual(first.map((s) => Array.from(s.tokenIds)));
    const alone = await a.sample(prompt, params(), { indices: [2] });
    expect(Array.from(alone[0]!.tokenIds)).toEqual(Array.from(first[2]!.tokenIds));
    await a.dispose();

    const batched = await new OnnxBackend().load({ path: fixture.dir, gpu: "cpu", threads: 2, parallelSequences: 4 });
    const b = await batched.openSession();
    const inBatch = await b.sample(prompt, params(), { n: 4 });
    inBatch.forEach((s, i) => {
      expect(Array.from(s.tokenIds)).toEqual(Array.from(first[i]!.tokenIds));
      s.logprobs.forEach((lp, t) => expect(lp).toBeCloseTo(first[i]!.logprobs[t]!, 4));
    });
    await batched.dispose();
  });

  it("top_k = 1 makes every token the greedy one", async () => {
    const s = await model.openSession();
    const [greedy] = await s.sample(prompt, params({ temperature: 0, maxTokens: 10 }));
    const topOne = await s.sample(prompt, params({ topK: 1, maxTokens: 10 }), { n: 3 });
    for (const sample of topOne) expect(Array.from(sample.tokenIds)).toEqual(Array.from(greedy!.tokenIds));
    const free = await s.sample(prompt, params({ maxTokens: 10 }), { n: 3 });
    expect(free.some((x) => x.tokenIds.join() !== greedy!.tokenIds.join())).toBe(true);
    await s.dispose();
  });

  it("top_p keeps every token inside the nucleus of its raw distribution", async () => {
    const s = await model.openSession();
    const p = 0.5;
    let outside = 0;
    const nucleusOf = async (context: number[]) => {
      const { full } = await s.nextToken(context, { full: true });
      const order = Array.from(full!.keys()).sort((x, y) => full![y]! - full![x]!);
      const keep = new Set<number>();
      let mass = 0;
      for (const id of order) {
        keep.add(id);
        mass += Math.exp(full![id]!);
        if (mass >= p) break;
      }
      return keep;
    };
    for (const sample of await s.sample(prompt, params({ topP: p, maxTokens: 6 }), { n: 4 })) {
      for (let t = 0; t < sample.tokenIds.length; t++) {
        const nucleus = await nucleusOf([...prompt, ...sample.tokenIds.slice(0, t)]);
        expect(nucleus.has(sample.tokenIds[t]!)).toBe(true);
      }
    }
    // Without top_p the same seeds leave the nucleus: the check above is not vacuous.
    for (const sample of await s.sample(prompt, params({ maxTokens: 6 }), { n: 4 })) {
      for (let t = 0; t < sample.tokenIds.length; t++) {
        if (!(await nucleusOf([...prompt, ...sample.tokenIds.slice(0, t)])).has(sample.tokenIds[t]!)) outside++;
      }
    }
    expect(outside).toBeGreaterThan(0);
    await s.dispose();
  });

  it("records raw log-probs and top-K whatever the sampler settings, equal to one-pass scoring", async () => {
    const s = await model.openSession();
    const [sample] = await s.sample(prompt, params({ temperature: 0.7, topK: 20, topP: 0.9, topLogprobs: 3 }));
    const scored = await s.score(prompt, Array.from(sample!.tokenIds));
    expect(scored.length).toBe(sample!.tokenIds.length);
    scored.forEach((lp, i) => expect(lp).toBeCloseTo(sample!.logprobs[i]!, 5));
    // top-K rows: descending raw log-probs; the first step's match the next-token distribution.
    const next = await s.nextToken(prompt, { top: 3 });
    expect(Array.from(sample!.topIds.slice(0, 3))).toEqual(Array.from(next.topIds));
    sample!.topLogprobs.slice(0, 3).forEach((lp, i) => expect(lp).toBeCloseTo(next.topLogprobs[i]!, 5));
    await s.dispose();
  });

  it("log-probs are the log-softmax of the graph's raw logits (no generation_config penalties)", async () => {
    const session = await ort.InferenceSession.create(`${fixture.dir}/onnx/model.onnx`);
    const n = prompt.length;
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor("int64", BigInt64Array.from(prompt, BigInt), [1, n]),
      attention_mask: new ort.Tensor("int64", new BigInt64Array(n).fill(1n), [1, n]),
      position_ids: new ort.Tensor("int64", BigInt64Array.from(prompt, (_, i) => BigInt(i)), [1, n]),
    };
    for (let i = 0; i < 2; i++) for (const kv of ["key", "value"]) feeds[`past_key_values.${i}.${kv}`] = new ort.Tensor("float32", new Float32Array(0), [1, 2, 0, 8]);
    const logits = (await session.run(feeds)).logits!.data as Float32Array;
    const V = logits.length / n;
    const expected = logSoftmax(logits.subarray((n - 1) * V));
    const s = await model.openSession();
    const { full } = await s.nextToken(prompt, { full: true });
    full!.forEach((lp, i) => expect(lp).toBeCloseTo(expected[i]!, 5));
    await s.dispose();
    await session.release();
  });

  it("stops at a stop string and keeps it out of the text", async () => {
    const s = await model.openSession();
    const [plain] = await s.sample(prompt, params({ temperature: 0, maxTokens: 12 }));
    const stop = model.detokenize(Array.from(plain!.tokenIds.slice(4, 5)));
    const cut = plain!.text.indexOf(stop);
    const [stopped] = await s.sample(prompt, params({ temperature: 0, maxTokens: 12, stop: [stop] }));
    expect(stopped!.finishReason).toBe("stop");
    expect(stopped!.text).toBe(plain!.text.slice(0, cut));
    await s.dispose();
  });
});

describe("ONNX backend: KV-cache reuse", () => {
  it("re-uses the longest common prefix and gives the same log-probs as a fresh evaluation", async () => {
    const other = model.chatTokens([{ role: "user", content: "Tell me the answer in one word." }]);
    const continuation = model.tokenize(" the answer is in");
    const reused = await model.openSession();
    await reused.score(prompt, continuation);
    const before = reused.stats.evaluatedTokens;
    const viaCache = await reused.score(other, continuation);
    const evaluated = reused.stats.evaluatedTokens - before;

    const fresh = await model.openSession();
    const direct = await fresh.score(other, continuation);
    expect(fresh.stats.evaluatedTokens).toBe(other.length + continuation.length - 1);
    expect(evaluated).toBeLessThan(other.length);
    viaCache.forEach((lp, i) => expect(lp).toBeCloseTo(direct[i]!, 5));

    const nextReused = await reused.nextToken(other, { full: true });
    const nextFresh = await fresh.nextToken(other, { full: true });
    nextReused.full!.forEach((lp, i) => expect(lp).toBeCloseTo(nextFresh.full![i]!, 5));
    await reused.dispose();
    await fresh.dispose();
  });

  it("evaluates an unchanged prompt only once across requests", async () => {
    const s = await model.openSession();
    await s.nextToken(prompt, { top: 1 });
    const after = s.stats.evaluatedTokens;
    await s.nextToken(prompt, { ids: [1, 2] });
    await s.sample(prompt, params({ maxTokens: 1 }), { n: 3 });
    expect(s.stats.evaluatedTokens).toBe(after);
    await s.dispose();
  });
});

describe("ONNX backend: input errors", () => {
  it("names the available dtypes when the requested weights are missing", async () => {
    await expect(new OnnxBackend().load({ path: fixture.dir, dtype: "q4" })).rejects.toThrow(/no q4 weights.*available dtypes: fp32/);
    await expect(new OnnxBackend().load({ path: fixture.dir, dtype: "q5" })).rejects.toBeInstanceOf(EmlabError);
  });

  it.skipIf(cudaProviderInstalled())("explains the GPU opt-in when the CUDA provider is missing", async () => {
    await expect(new OnnxBackend().load({ path: fixture.dir, gpu: "cuda" })).rejects.toThrow(/ONNXRUNTIME_NODE_INSTALL=cuda12 node node_modules\/onnxruntime-node\/script\/install/);
  });

  it("says that LoRA needs an export with LoRA inputs", async () => {
    await expect(model.openSession({ lora: [{ path: fixture.dir, scale: 1 }] })).rejects.toThrow(/takes no LoRA inputs.*merged/);
  });

  it("refuses prompts longer than the context", async () => {
    const s = await model.openSession();
    await expect(s.score(new Array(300).fill(40), [41])).rejects.toThrow(/context holds 256/);
    await s.dispose();
  });
});
