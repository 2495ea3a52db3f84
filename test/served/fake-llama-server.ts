/**
 * A loopback stand-in for llama-server's native API (/props, /lora-adapters, /completion with token
 * prompts, n_probs, return_tokens, seed), whose model is a fixed next-token distribution: exact
 * numbers for the served engine's tests when the real binary is absent, and faults on demand.
 */
import { startStub, type Stub, type StubAnswer, type StubRequest } from "./stub-server.js";

export interface FakeModel {
  /** Where /props says the model file is (the served model's tokenizer when it exists here). */
  modelPath: string;
  /** The next-token distribution after any prompt: id → probability (listed high to low). */
  next: ReadonlyArray<readonly [number, number]>;
  eosId: number;
  nCtx?: number;
  adapters?: { id: number; path: string }[];
  /** A token after which the text ends inside a UTF-8 character: llama-server lists no probabilities for it. */
  incompleteId?: number;
}

export interface FakeLlamaServer extends Stub {
  completions: () => StubRequest[];
}

/** The same seed gives the same tokens, as llama-server promises on one build. */
function draw(seed: number, step: number, next: FakeModel["next"]): number {
  let x = (seed ^ Math.imul(step + 1, 0x9e3779b1)) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35) >>> 0;
  const u = ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
  let acc = 0;
  for (const [id, p] of next) if (u < (acc += p)) return id;
  return next[next.length - 1]![0];
}

export function answer(model: FakeModel, request: StubRequest): StubAnswer {
  if (request.path === "/props") return { json: { model_path: model.modelPath, build_info: "b0-fake", default_generation_settings: { n_ctx: model.nCtx ?? 2048 } } };
  if (request.path === "/lora-adapters") return { json: (model.adapters ?? []).map((a) => ({ ...a, scale: 0 })) };
  if (request.path !== "/completion") return { status: 404, json: { error: { message: "not found" } } };
  const body = request.body as { prompt: number[]; n_predict: number; n_probs: number; seed?: number; temperature: number; logit_bias?: [number, number][] };
  // The sampler applies a logit bias after the raw probabilities are read: a large one picks the token.
  const forced = body.logit_bias?.find(([, bias]) => bias >= 100)?.[0];
  const top = model.next.slice(0, Math.max(1, body.n_probs)).map(([id, p]) => ({ id, token: "", bytes: [], logprob: Math.log(p) }));
  const tokens: number[] = [];
  for (let step = 0; step < body.n_predict; step++) {
    const id = forced ?? (body.temperature === 0 ? model.next[0]![0] : draw(body.seed ?? 0, step, model.next));
    tokens.push(id);
    if (id === model.eosId) break;
  }
  const probs = tokens.filter((id) => id !== model.incompleteId).map((id) => ({ id, token: "", bytes: [], logprob: Math.log(model.next.find(([t]) => t === id)![1]), top_logprobs: top }));
  return {
    json: {
      content: "",
      tokens,
      completion_probabilities: probs,
      stop_type: tokens[tokens.length - 1] === model.eosId ? "eos" : "limit",
      tokens_evaluated: body.prompt.length,
      tokens_predicted: tokens.length,
    },
  };
}

export async function startFakeLlamaServer(model: FakeModel, fault?: (request: StubRequest, n: number) => StubAnswer | undefined, port = 0): Promise<FakeLlamaServer> {
  const stub = await startStub((request, n) => fault?.(request, n) ?? answer(model, request), port);
  return { ...stub, completions: () => stub.requests.filter((r) => r.path === "/completion") };
}
