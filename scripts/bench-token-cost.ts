/**
 * Where one generated token's time goes, measured on one model in one process: each layer is timed
 * alone and the split is the differences between layers (milliseconds per token, 1 sequence).
 *
 *   engine      llama.cpp's own decode (`llama-bench` tg, native build), or null without it
 *   binding     node-llama-cpp: `controlledEvaluate` of one token with a greedy pick and nothing read
 *               back (the JS round trip and the prebuilt kernels), minus engine
 *   sampler     the same with a T=1 draw from the whole distribution through node-llama-cpp's public
 *               API: it turns "no top-k" into a top-k over the whole vocabulary, which sorts it every
 *               token; minus binding (emlab no longer takes this path: see raw_draw)
 *   logits      that public T=1 draw plus raw logits of the drawn token, the top 5 and the total
 *               weight, minus sampler
 *   raw_draw    emlab's draw (src/backend/llama/raw-draw.ts): the same T=1 draw and reads without the
 *               sorts, minus binding
 *   emlab       emlab's session.sample per token (trace, stop checks, log-prob arithmetic), minus raw_draw
 */
import { spawnSync } from "node:child_process";
import { getLlama, type LlamaContextSequence, type LlamaModel, type Token } from "node-llama-cpp";
import { RawDraw } from "../src/backend/llama/raw-draw.js";
import { loadModel } from "../src/backend/open.js";
import { EM_SAMPLING_DEFAULTS } from "../src/backend/types.js";
import { findLlamaTool } from "./llama-server.js";

export interface TokenCost {
  tokens: number;
  engine_ms: number | null;
  binding_ms: number;
  sampler_ms: number;
  logits_ms: number;
  raw_draw_ms: number;
  emlab_ms: number;
  total_ms: number;
}

export async function measureTokenCost(model: string, threads: number, tokens = 32): Promise<TokenCost> {
  const prompt = Array.from({ length: 24 }, (_, i) => 1000 + i * 37);
  const llama = await getLlama({ gpu: false, build: "never", maxThreads: threads });
  const loaded = await llama.loadModel({ modelPath: model });
  const context = await loaded.createContext({ contextSize: 1024, threads, flashAttention: false });
  const sequence = context.getSequence();
  const greedy = () => ({ token: true, options: { temperature: 0 } }) as const;
  const draw = (t: number) => ({ token: true, options: { temperature: 1, topK: 0, topP: 1, minP: 0, seed: t + 1 } }) as const;
  const withLogits = (t: number) => ({ ...draw(t), logits: { filter: { tokens: [], includeSelected: true, includeTop: 5 } }, totalLogitWeight: true }) as const;
  let binding = 0;
  let sampler = 0;
  let logits = 0;
  let rawDraw = 0;
  try {
    await decodeLoop(sequence, prompt, tokens, draw); // warm
    for (let rep = 0; rep < 2; rep++) {
      binding += (await decodeLoop(sequence, prompt, tokens, greedy)) / 2;
      sampler += (await decodeLoop(sequence, prompt, tokens, draw)) / 2;
      logits += (await decodeLoop(sequence, prompt, tokens, withLogits)) / 2;
      rawDraw += (await rawDrawLoop(loaded, sequence, prompt, tokens)) / 2;
    }
  } finally {
    await context.dispose();
    await loaded.dispose();
  }
  const emlab = await emlabPerToken(model, threads, prompt, tokens);
  const engine = engineDecodeMs(model, threads);
  return {
    tokens,
    engine_ms: engine,
    binding_ms: binding - (engine ?? 0),
    sampler_ms: sampler - binding,
    logits_ms: logits - sampler,
    raw_draw_ms: rawDraw - binding,
    emlab_ms: emlab - rawDraw,
    total_ms: emlab,
  };
}

/** ms per token of a plain decode loop: the prompt once, then one token at a time. */
async function decodeLoop(sequence: LlamaContextSequence, prompt: number[], tokens: number, next: (t: number) => object): Promise<number> {
  await sequence.clearHistory();
  await sequence.controlledEvaluate(prompt.slice(0, -1) as Token[]);
  let input = prompt[prompt.length - 1]! as Token;
  const started = performance.now();
  for (let t = 0; t < tokens; t++) {
    const [out] = await sequence.controlledEvaluate([[input, { generateNext: next(t) }]]);
    input = (out?.next.token ?? 1000) as Token;
  }
  return (performance.now() - started) / tokens;
}

/** ms per token of emlab's raw draw loop (T=1, the drawn token's log-prob and the top 5). */
async function rawDrawLoop(model: LlamaModel, sequence: LlamaContextSequence, prompt: number[], tokens: number): Promise<number> {
  await sequence.clearHistory();
  await sequence.controlledEvaluate(prompt.slice(0, -1) as Token[]);
  const drawer = RawDraw.open(model, sequence, 5);
  if (!drawer) throw new Error("node-llama-cpp lacks the internals of emlab's raw draw");
  let input = prompt[prompt.length - 1]!;
  const started = performance.now();
  try {
    for (let t = 0; t < tokens; t++) input = (await drawer.step(input, t + 1)).token;
  } finally {
    drawer.dispose();
  }
  return (performance.now() - started) / tokens;
}

async function emlabPerToken(model: string, threads: number, prompt: number[], tokens: number): Promise<number> {
  const loaded = await loadModel("llama", { path: model, gpu: "cpu", threads, contextSize: 1024 });
  try {
    const session = await loaded.openSession();
    const params = { ...EM_SAMPLING_DEFAULTS, maxTokens: tokens, seed: 1 };
    await session.sample(prompt, params); // warm
    let ms = 0;
    let generated = 0;
    for (let rep = 0; rep < 2; rep++) {
      // A new seed each time so the prompt's last token is evaluated again, as in the plain loop.
      const started = performance.now();
      const [sample] = await session.sample(prompt, { ...params, seed: 2 + rep });
      ms += performance.now() - started;
      generated += sample!.tokenIds.length;
    }
    return ms / generated;
  } finally {
    await loaded.dispose();
  }
}

function engineDecodeMs(model: string, threads: number): number | null {
  const bench = findLlamaTool("llama-bench");
  if (!bench) return null;
  const out = spawnSync(bench, ["-m", model, "-t", String(threads), "-p", "0", "-n", "32", "-r", "2", "-fa", "0", "-o", "json"], { encoding: "utf8" });
  const rows = JSON.parse(out.stdout || "[]") as { n_gen: number; avg_ts: number }[];
  const tg = rows.find((r) => r.n_gen === 32)?.avg_ts;
  return tg ? 1000 / tg : null;
}
