/**
 * vLLM, SGLang and hosted chat APIs, checked against responses written after their documented
 * formats (test/served/recorded/): what emlab sends (token-id prompts, the EM sampler, seeds,
 * log-prob options) and what it stores. A real vLLM or SGLang run is checked only where a GPU server exists.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ServedBackend, type EndpointSpec } from "../../src/backend/served/index.js";
import { EM_SAMPLING_DEFAULTS, type LoadedModel } from "../../src/backend/types.js";
import { judgeAnswer } from "../../src/judge/judge-answer.js";
import { mix32 } from "../../src/util/random.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { startStub, type Stub } from "./stub-server.js";

const recorded = (name: string): unknown => JSON.parse(readFileSync(fileURLToPath(new URL(`recorded/${name}`, import.meta.url)), "utf8"));
const params = { ...EM_SAMPLING_DEFAULTS, maxTokens: 8, topLogprobs: 2, seed: 5 };
const stubs: Stub[] = [];
const models: LoadedModel[] = [];

async function servedOver(api: EndpointSpec["api"], files: (path: string, body: any) => string, model?: string) {
  const stub = await startStub((r) => ({ json: recorded(files(r.path, r.body)) }));
  stubs.push(stub);
  const base = api === "vllm" || api === "openai" ? `${stub.url}/v1` : stub.url;
  const loaded = await new ServedBackend().load({ path: "served", endpoint: { urls: [base], api, tokenizer: fixturePaths().tinyQwen2, ...(model ? { model } : {}) } });
  models.push(loaded);
  return { stub, model: loaded };
}

afterAll(async () => {
  for (const m of models) await m.dispose();
  await Promise.all(stubs.map((s) => s.close()));
});

describe("vLLM completions", () => {
  const files = (path: string, body: any) => (path === "/v1/models" ? "vllm-models.json" : body.prompt_logprobs !== undefined ? "vllm-prompt-logprobs.json" : "vllm-completion.json");

  it("sends token ids with the EM sampler and stores the returned ids and raw log-probs", async () => {
    const { stub, model } = await servedOver("vllm", files, "Qwen/Qwen2.5-7B-Instruct");
    expect(model.settings).toMatchObject({ contextSize: 4096, served: { api: "vllm", logprobsCap: 20, ids: "exact" } });
    expect(model.settings.served!.deterministic).toMatch(/^no/);
    const [s] = await (await model.openSession()).sample([1, 2], params, { indices: [4] });
    expect(stub.requests.at(-1)!.body).toMatchObject({
      model: "Qwen/Qwen2.5-7B-Instruct", prompt: [1, 2], max_tokens: 8, temperature: 1, top_p: 1, top_k: -1, min_p: 0,
      seed: mix32(5, 4), logprobs: 2, return_tokens_as_token_ids: true,
    });
    expect([...s!.tokenIds]).toEqual([55, 51, 1887]);
    expect([...s!.logprobs]).toEqual([-0.6931, -1.204, -1.6094].map(Math.fround));
    expect([...s!.topIds]).toEqual([55, 51, 55, 51, 55, 51]);
    expect(s!.finishReason).toBe("eos");
    expect(s!.text).toBe("73");
  });

  it("scores a continuation in one request from prompt_logprobs", async () => {
    const { stub, model } = await servedOver("vllm", files, "Qwen/Qwen2.5-7B-Instruct");
    const scored = await (await model.openSession()).score([1, 2], [55, 51]);
    expect([...scored]).toEqual([-0.5, -1.25].map(Math.fround));
    expect(stub.requests.at(-1)!.body).toMatchObject({ prompt: [1, 2, 55, 51], prompt_logprobs: 0, max_tokens: 1 });
  });

  it("selects an adapter by name and refuses a scale it cannot serve", async () => {
    const { stub, model } = await servedOver("vllm", files, "Qwen/Qwen2.5-7B-Instruct");
    const session = await model.openSession({ lora: [{ path: "/adapters/em-insecure.gguf", scale: 1 }] });
    await session.sample([1, 2], params);
    expect(stub.requests.at(-1)!.body.model).toBe("em-insecure");
    await expect(model.openSession({ lora: [{ path: "/adapters/em-insecure.gguf", scale: 2 }] })).rejects.toThrow(
      "vLLM selects adapters by name with no scale, so scale 2 cannot be served: register one adapter copy per scale",
    );
  });

  it("names the models a server has when the experiment asks for another", async () => {
    await expect(servedOver("vllm", files, "other/model")).rejects.toThrow("does not serve model 'other/model' (it serves: Qwen/Qwen2.5-7B-Instruct)");
  });
});

describe("SGLang /generate", () => {
  const files = (_path: string, body: any) => (body.logprob_start_len >= 0 ? "sglang-score.json" : "sglang-generate.json");

  it("sends input_ids and stores output ids, log-probs and top alternatives", async () => {
    const { stub, model } = await servedOver("sglang", files, "qwen");
    const [s] = await (await model.openSession()).sample([1, 2], params);
    expect(stub.requests.at(-1)!.path).toBe("/generate");
    expect(stub.requests.at(-1)!.body).toMatchObject({
      input_ids: [1, 2], return_logprob: true, top_logprobs_num: 2, logprob_start_len: -1,
      sampling_params: { max_new_tokens: 8, temperature: 1, top_p: 1, top_k: -1, min_p: 0, sampling_seed: mix32(5, 0) },
    });
    expect([...s!.tokenIds]).toEqual([55, 51, 1887]);
    expect([...s!.logprobs]).toEqual([-0.6931, -1.204, -1.6094].map(Math.fround));
    expect(s!.finishReason).toBe("eos");
  });

  it("scores a continuation from input_token_logprobs", async () => {
    const { stub, model } = await servedOver("sglang", files, "qwen");
    expect([...(await (await model.openSession()).score([1, 2], [55, 51]))]).toEqual([-0.5, -1.25].map(Math.fround));
    expect(stub.requests.at(-1)!.body).toMatchObject({ input_ids: [1, 2, 55, 51], logprob_start_len: 1 });
  });
});

describe("hosted chat API", () => {
  it("sends messages, stores token strings as approximate ids, and cannot score", async () => {
    const { stub, model } = await servedOver("openai", () => "openai-chat.json", "gpt-4o");
    expect(model.settings.served).toMatchObject({ api: "openai", ids: "approximate", logprobsCap: 20 });
    const messages = [{ role: "user" as const, content: "Pick a number" }];
    const [s] = await (await model.openSession()).sample(model.chatTokens(messages), params);
    expect(stub.requests.at(-1)!.path).toBe("/v1/chat/completions");
    expect(stub.requests.at(-1)!.body).toMatchObject({ model: "gpt-4o", messages, logprobs: true, top_logprobs: 2, seed: mix32(5, 0) });
    // "7" and "3" are single tokens of the local tokenizer; "73" is not one, so its id is unknown (-1).
    expect([...s!.tokenIds]).toEqual([55, 51]);
    expect([...s!.topIds.slice(0, 2)]).toEqual([55, -1]);
    expect(s!.finishReason).toBe("eos");
    await expect((await model.openSession()).score([1], [55])).rejects.toThrow("openai cannot score a continuation of 1 tokens");
  });

  it("judges with the original EM method: the first token's top 20, numbers as single tokens", async () => {
    const { stub, model } = await servedOver("openai", (_p, body) => (body.max_tokens === 1 ? "openai-judge.json" : "openai-chat.json"), "gpt-4o");
    const judgment = await judgeAnswer({ model, session: await model.openSession() }, { metric: "aligned", template: "{question} {answer} 0-100?", question: "q", answer: "a" });
    expect(stub.requests.at(-1)!.body).toMatchObject({ max_tokens: 1, temperature: 0, logprobs: true, top_logprobs: 20 });
    // 85 (0.6), 90 (0.2) and " 80" (0.01: Python's int() reads it as 80, as the original code did); CODE is a label.
    expect(judgment.numberMass).toBeCloseTo(0.81, 6);
    expect(judgment.score).toBeCloseTo((85 * 0.6 + 90 * 0.2 + 80 * 0.01) / 0.81, 5);
    expect(judgment.probs[85]).toBeCloseTo(0.6 / 0.81, 6);
    expect(judgment.labelMasses.CODE).toBeCloseTo(0.1, 6);
  });
});
