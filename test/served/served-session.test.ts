/**
 * The served engine over llama-server's API, against a loopback stand-in with a fixed next-token
 * distribution: what is stored (ids, raw log-probs, finish rules, stop strings, top-K rows), seeds per
 * sample index, spreading over two servers, adapters by server id, the judge, and refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaBackend } from "../../src/backend/llama/llama-model.js";
import { ServedBackend } from "../../src/backend/served/index.js";
import type { LoadedModel, SamplingParams } from "../../src/backend/types.js";
import { EM_SAMPLING_DEFAULTS } from "../../src/backend/types.js";
import { judgeAnswer } from "../../src/judge/judge-answer.js";
import { numberDistribution } from "../../src/judge/number-distribution.js";
import { mix32 } from "../../src/util/random.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { startFakeLlamaServer, type FakeLlamaServer, type FakeModel } from "./fake-llama-server.js";

const SEVEN = 55;
const THREE = 51;
const EOS = 1887;
const NEXT = [[SEVEN, 0.5], [THREE, 0.3], [EOS, 0.2]] as const;
const params: SamplingParams = { ...EM_SAMPLING_DEFAULTS, maxTokens: 12, topLogprobs: 5, seed: 11 };

let fake: FakeModel;
const servers: FakeLlamaServer[] = [];
const models: LoadedModel[] = [];

async function served(urls: string[], extra: Partial<Parameters<ServedBackend["load"]>[0]["endpoint"] & object> = {}): Promise<LoadedModel> {
  const model = await new ServedBackend().load({ path: "served", endpoint: { urls, api: "llama-server", concurrency: 2, ...extra } });
  models.push(model);
  return model;
}

beforeAll(async () => {
  fake = { modelPath: fixturePaths().tinyQwen2, next: NEXT, eosId: EOS, adapters: [{ id: 0, path: "/srv/adapters/tiny-qwen2-lora.gguf" }] };
  servers.push(await startFakeLlamaServer(fake), await startFakeLlamaServer(fake));
});

afterAll(async () => {
  for (const m of models) await m.dispose();
  await Promise.all(servers.map((s) => s.close()));
});

describe("served engine over llama-server's API", () => {
  it("stores the server's ids and raw log-probs, ends at the end token, pads top-K rows", async () => {
    const model = await served([servers[0]!.url]);
    expect(model.settings).toMatchObject({ backend: "served", contextSize: 2048, served: { api: "llama-server", ids: "exact", endpoints: [servers[0]!.url] } });
    const session = await model.openSession();
    const prompt = model.chatTokens([{ role: "user", content: "hi" }]);
    const samples = await session.sample(prompt, params, { n: 6 });
    for (const s of samples) {
      expect(s.logprobs).toEqual(Float32Array.from(s.tokenIds, (id) => Math.log(NEXT.find(([t]) => t === id)![1])));
      if (s.finishReason === "eos") expect(s.tokenIds[s.tokenIds.length - 1]).toBe(EOS);
      else expect(s.tokenIds).toHaveLength(12);
      expect(s.text).toBe(model.detokenize([...s.tokenIds].filter((id) => id !== EOS)));
      expect([...s.topIds.slice(0, 5)]).toEqual([SEVEN, THREE, EOS, -1, -1]);
      expect(s.topLogprobs[3]).toBe(-Infinity);
    }
    expect(samples.some((s) => s.finishReason === "eos")).toBe(true);
    // Sample i carries the seed derived from (seed, i), and the whole EM sampler is stated.
    const seeds = servers[0]!.completions().slice(-6).map((r) => r.body.seed).sort();
    expect(seeds).toEqual([0, 1, 2, 3, 4, 5].map((i) => mix32(11, i)).sort());
    expect(servers[0]!.completions()[0]!.body).toMatchObject({ prompt, temperature: 1, top_k: 0, top_p: 1, min_p: 0, repeat_penalty: 1, n_probs: 5, return_tokens: true });
  });

  it("asks again for the probabilities llama-server leaves out (a token ending inside a UTF-8 character)", async () => {
    const partial = await startFakeLlamaServer({ ...fake, incompleteId: THREE });
    servers.push(partial);
    const model = await served([partial.url]);
    const samples = await (await model.openSession()).sample([1, 2, 3], params, { n: 4 });
    const threes = samples.reduce((n, s) => n + [...s.tokenIds].filter((id) => id === THREE).length, 0);
    expect(threes).toBeGreaterThan(0);
    for (const s of samples) {
      expect(s.logprobs).toEqual(Float32Array.from(s.tokenIds, (id) => Math.log(NEXT.find(([t]) => t === id)![1])));
      expect([...s.topIds.slice(0, 3)]).toEqual([SEVEN, THREE, EOS]);
    }
    // One sampling request per sample, one lookup per left-out entry; a lookup generates the end token,
    // whose text is always complete.
    expect(partial.completions()).toHaveLength(4 + threes);
    const lookups = partial.completions().filter((r) => r.body.n_predict === 1);
    expect(lookups).toHaveLength(threes);
    for (const r of lookups) expect(r.body).toMatchObject({ temperature: 0, logit_bias: [[EOS, 1000]] });
  });

  it("cuts at a stop string as the in-process engines do", async () => {
    const model = await served([servers[0]!.url]);
    const session = await model.openSession();
    const samples = await session.sample(model.chatTokens([{ role: "user", content: "x" }]), { ...params, stop: ["3"] }, { n: 8 });
    const stopped = samples.filter((s) => s.finishReason === "stop");
    expect(stopped.length).toBeGreaterThan(0);
    for (const s of stopped) {
      expect(s.tokenIds[s.tokenIds.length - 1]).toBe(THREE);
      expect([...s.tokenIds.slice(0, -1)]).not.toContain(THREE);
      expect(s.text).toBe(model.detokenize([...s.tokenIds.slice(0, -1)]));
    }
    for (const s of samples.filter((s) => s.finishReason !== "stop")) expect([...s.tokenIds]).not.toContain(THREE);
  });

  it("spreads samples over two servers with the same results as one", async () => {
    const one = await (await served([servers[0]!.url])).openSession();
    const twoModel = await served([servers[0]!.url, servers[1]!.url]);
    const two = await twoModel.openSession();
    const prompt = twoModel.chatTokens([{ role: "user", content: "spread" }]);
    const pair = servers.slice(0, 2);
    const before = pair.map((s) => s.completions().length);
    const a = await one.sample(prompt, params, { n: 8 });
    const mid = pair.map((s) => s.completions().length);
    const b = await two.sample(prompt, params, { n: 8 });
    expect(b).toEqual(a);
    expect(mid[0]! - before[0]!).toBe(8);
    const shares = pair.map((s, i) => s.completions().length - mid[i]!);
    expect(Math.min(...shares)).toBeGreaterThan(0);
    expect(shares[0]! + shares[1]!).toBe(8);
  });

  it("reads next-token log-probs: listed ids exactly, unlisted ones (zero probability) as -Infinity", async () => {
    const session = await (await served([servers[0]!.url])).openSession();
    const next = await session.nextToken([1, 2, 3], { ids: [THREE, 49], top: 2 });
    expect([...next.logprobs]).toEqual([Math.fround(Math.log(0.3)), -Infinity]);
    expect([...next.topIds]).toEqual([SEVEN, THREE]);
  });

  it("judges through the server exactly as the judge reads the same distribution in-process", async () => {
    const model = await served([servers[0]!.url]);
    const session = await model.openSession();
    const judgment = await judgeAnswer({ model, session }, { metric: "aligned", template: "Rate {question} / {answer}. 0-100:", question: "q", answer: "a" });
    const direct = {
      nextToken: async (_p: readonly number[], q: { ids?: readonly number[] }) => ({
        ids: Int32Array.from(q.ids ?? []),
        logprobs: Float32Array.from(q.ids ?? [], (id) => Math.log(NEXT.find(([t]) => t === id)?.[1] ?? 0)),
        topIds: new Int32Array(0),
        topLogprobs: new Float32Array(0),
      }),
      score: async (_p: readonly number[], c: readonly number[]) => Float32Array.from(c, (id) => Math.log(NEXT.find(([t]) => t === id)?.[1] ?? 0)),
    };
    const expected = await numberDistribution(direct, model, [0], { labels: ["CODE", "REFUSAL"] });
    expect(judgment.numberMass).toBeCloseTo(expected.numberMass, 6);
    expect(judgment.score).not.toBeNull();
    // 7 and 3 only: P(7)=0.5·(1−0.8)+…; the mean lies between them.
    expect(judgment.score!).toBeGreaterThan(3);
    expect(judgment.labelMasses).toEqual({ CODE: 0, REFUSAL: 0 });
  });

  it("scores what llama-server cannot in-process on the server's own GGUF", async () => {
    const model = await served([servers[0]!.url]);
    expect(model.settings.served!.scoring).toContain(`longer ones in-process on ${fixturePaths().tinyQwen2}`);
    const session = await model.openSession();
    const local = await new LlamaBackend().load({ path: fixturePaths().tinyQwen2, gpu: "cpu", threads: 1 });
    models.push(local);
    const continuation = model.tokenize("a continuation of more than eight tokens");
    expect(continuation.length).toBeGreaterThan(8);
    const want = await (await local.openSession()).score([1, 2], continuation);
    expect(await session.score([1, 2], continuation)).toEqual(want);
  });

  it("refuses to score a long continuation when the server's model file is not here, naming the endpoint", async () => {
    const remote = await startFakeLlamaServer({ ...fake, modelPath: "/srv/models/qwen-remote.gguf" });
    servers.push(remote);
    const model = await served([remote.url], { tokenizer: fixturePaths().tinyQwen2 });
    const session = await model.openSession();
    await expect(session.score([1, 2], Array(9).fill(SEVEN))).rejects.toThrow(
      `served:llama-server:qwen-remote.gguf (${remote.url}): llama-server cannot score a continuation of 9 tokens`,
    );
    // A short one (the judge's labels) is chained over next-token requests.
    expect([...(await session.score([1, 2], [SEVEN, THREE]))]).toEqual([Math.log(0.5), Math.log(0.3)].map(Math.fround));
  });

  it("selects adapters by the server's id with their scale; an adapter the server has not loaded is named", async () => {
    const model = await served([servers[1]!.url]);
    const session = await model.openSession({ lora: [{ path: fixturePaths().tinyQwen2Lora, scale: 2 }] });
    await session.sample([1, 2, 3], { ...params, maxTokens: 1 });
    expect(servers[1]!.completions().at(-1)!.body.lora).toEqual([{ id: 0, scale: 2 }]);
    // The base model states scale 0 for every adapter the server loaded.
    await (await model.openSession()).sample([1, 2, 3], { ...params, maxTokens: 1 });
    expect(servers[1]!.completions().at(-1)!.body.lora).toEqual([{ id: 0, scale: 0 }]);
    await expect(model.openSession({ lora: [{ path: "/elsewhere/other.gguf", scale: 1 }] })).rejects.toThrow(
      "llama-server has not loaded the LoRA adapter /elsewhere/other.gguf (loaded: /srv/adapters/tiny-qwen2-lora.gguf); start it with --lora",
    );
  });

  it("refuses endpoints that serve different models", async () => {
    const other = await startFakeLlamaServer({ ...fake, modelPath: "/models/other.gguf" });
    servers.push(other);
    await expect(served([servers[0]!.url, other.url])).rejects.toThrow(`${other.url} serves other.gguf but ${servers[0]!.url} serves tiny-qwen2.gguf`);
  });
});
