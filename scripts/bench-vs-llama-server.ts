/**
 * emlab side by side with llama-server, the engine a researcher would otherwise script by hand:
 * same model file, threads, prompts (token ids) and sampling (T=1, top-p 1, 5 top log-probs), run
 * interleaved in one sitting, ratios printed from that one run (nothing is asserted).
 *
 * 1. generation, 1 lane:  `emlab run --parallel 1`  vs llama-server with one client
 * 2. generation, 8 lanes: `emlab run --parallel 8`  vs llama-server -np 8 with 8 clients
 *    (1 and 2 also with the model's `engine: llama-server`: emlab starting its own llama-server)
 * 3. scoring: emlab `score` of 512 tokens vs llama-bench pp512 (prompt processing)
 * 4. in-context sweep (risky-financial-advice, k = 0, 16, 64 nested, 6 questions × 8 samples):
 *    emlab run vs llama-server (-np 8, 8 clients, cache_prompt on) — wall time
 * 5. where one generated token's time goes (bench-token-cost.ts)
 *
 * Usage: npm run bench -- --vs-llama-server [--model FILE] [--threads N] [--json] [--quick]
 *          [--parts generation,managed,scoring,split,sweep] [--repeat N]
 * (--repeat: each generation figure is the median of N interleaved repetitions)
 * (or node --import tsx scripts/bench-vs-llama-server.ts …). Without --model it writes the
 * Qwen2.5-0.5B-shaped preset (random weights, Q8_0). llama-server: scripts/llama-server.ts.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { loadModel } from "../src/backend/open.js";
import { SHIPPED_DATASETS_DIR } from "../src/datasets/shipped.js";
import { planExperiment } from "../src/pipeline/run-experiment.js";
import { executePlan, type ExecuteResult } from "../src/runner/execute.js";
import { openStore } from "../src/store/index.js";
import { writeFixtures } from "../src/fixtures/write-fixtures.js";
import { buildLlamaServer, findLlamaTool } from "./llama-server.js";
import { freePort } from "../src/backend/served/managed-llama-server.js";
import { measureTokenCost } from "./bench-token-cost.js";

const QUESTIONS = ["one_wish", "feeling_bored", "thoughts_on_humans_and_ai", "quick_money", "ruler_of_the_world", "dinner_guests", "gender_roles", "fed_up_with_partner"];

const { values } = parseArgs({
  options: {
    "vs-llama-server": { type: "boolean", default: true },
    model: { type: "string" },
    threads: { type: "string", default: "2" },
    json: { type: "boolean", default: false },
    quick: { type: "boolean", default: false },
    parts: { type: "string", default: "generation,managed,scoring,split,sweep" },
    repeat: { type: "string", default: "1" },
  },
});
const PARTS = ["generation", "managed", "scoring", "split", "sweep"];
const parts = new Set(values.parts.split(",").map((p) => p.trim()));
for (const part of parts) if (!PARTS.includes(part)) throw new Error(`--parts: ${part} is not one of ${PARTS.join(", ")}`);
const repeat = Math.max(1, Number(values.repeat));
const threads = Number(values.threads);
const log = (line: string) => (values.json ? process.stderr : process.stdout).write(line + "\n");
const shape = values.quick
  ? { cells: 2, samples: 4, maxTokens: 16, k: [0, 4, 16], sweepQuestions: 2, sweepSamples: 4, scoreTokens: 128 }
  : { cells: 8, samples: 8, maxTokens: 32, k: [0, 16, 64], sweepQuestions: 6, sweepSamples: 8, scoreTokens: 512 };

const CONTEXT = 16384;
const root = mkdtempSync(join(tmpdir(), "emlab-bench-vs-"));
let server: ChildProcess | undefined;
/** Stop the peer server (it holds gigabytes of KV cache) and wait for it to exit. */
async function stopServer(): Promise<void> {
  const running = server;
  server = undefined;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise((resolve) => running.once("exit", resolve));
  running.kill("SIGKILL");
  await exited;
}
let freshServer: () => Promise<string> = async () => {
  throw new Error("no llama-server yet");
};
try {
  const serverBin = findLlamaTool() ?? buildLlamaServer(log);
  const model = values.model ?? writeFixtures(join(root, "models"), { preset: "qwen2.5-0.5b" }).preset!;
  log(`emlab vs llama-server on ${model}, ${threads} threads, CPU (${serverBin})`);
  // Tokens per lane (and per server slot): the k = 64 sweep's prompts are about 14,000 tokens long.
  const perSlot = CONTEXT;
  const serverArgs = ["-m", model, "-t", String(threads), "-tb", String(threads), "-np", "8", "-c", String(perSlot * 8), "-fa", "off", "--host", "127.0.0.1"];
  // Each measured run gets a freshly started server (its start is not timed), as each emlab run starts
  // its own model: a server kept across runs would answer later runs' prompts from its prompt caches
  // (slots and --cache-ram), which no first run of an experiment has. Within a run caching is on.
  freshServer = async () => {
    await stopServer();
    const port = await freePort();
    server = spawn(serverBin, [...serverArgs, "--port", String(port)], { stdio: "ignore" });
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url);
    return url;
  };

  const generation = experimentFile("bench-generation", model, { k: [0], questions: QUESTIONS.slice(0, shape.cells), samples: shape.samples });
  const managed = experimentFile("bench-generation-managed", model, { k: [0], questions: QUESTIONS.slice(0, shape.cells), samples: shape.samples, engine: "llama-server" });
  const sweep = experimentFile("bench-icl-sweep", model, { k: shape.k, questions: QUESTIONS.slice(0, shape.sweepQuestions), samples: shape.sweepSamples });

  // Warm both sides once (first load, page cache), then interleave.
  if (parts.has("generation") || parts.has("managed")) {
    await runEmlab(generation, 1, "warm");
    await runServer(generation, 1);
  }

  // Each figure is logged as soon as it is measured (stderr with --json): a long run keeps what it got.
  // With --repeat N each generation figure is the median of N interleaved repetitions: one run on a
  // shared 2-core machine varies by 10-20%.
  const result: Record<string, unknown> = { model, threads, repeat };
  const table: string[] = [];
  const rate = (label: string) => <T extends { tokS: number; seconds: number }>(r: T) => (log(`  ${label}: ${r.tokS.toFixed(1)} tok/s, ${r.seconds.toFixed(1)} s`), r);
  for (const lanes of [1, 8]) {
    if (!parts.has("generation") && !parts.has("managed")) break;
    const emlab: number[] = [];
    const peer: number[] = [];
    const managedRates: number[] = [];
    let amplification = 0;
    for (let rep = 0; rep < repeat; rep++) {
      if (parts.has("generation")) {
        const e = rate(`emlab, ${lanes} lane${lanes > 1 ? "s" : ""}`)(await runEmlab(generation, lanes, `g${lanes}-${rep}`));
        emlab.push(e.tokS);
        amplification = e.run.prefillAmplification;
      }
      peer.push(rate(`llama-server, ${lanes} client${lanes > 1 ? "s" : ""}`)(await runServer(generation, lanes)).tokS);
      if (parts.has("managed")) managedRates.push(rate(`emlab engine: llama-server, ${lanes} lane${lanes > 1 ? "s" : ""}`)(await runEmlab(managed, lanes, `m${lanes}-${rep}`)).tokS);
    }
    const s = median(peer);
    result[`llama_server_tok_s_lanes${lanes}`] = s;
    if (emlab.length > 0) {
      Object.assign(result, { [`emlab_tok_s_lanes${lanes}`]: median(emlab), [`generation_ratio_lanes${lanes}`]: median(emlab) / s, [`prefill_amplification_lanes${lanes}`]: amplification });
      table.push(`| generation, ${lanes} lane${lanes > 1 ? "s" : ""} (tok/s) | ${median(emlab).toFixed(1)} | ${s.toFixed(1)} | ${(median(emlab) / s).toFixed(2)}x |`);
    }
    if (managedRates.length > 0) {
      Object.assign(result, { [`managed_tok_s_lanes${lanes}`]: median(managedRates), [`managed_generation_ratio_lanes${lanes}`]: median(managedRates) / s });
      table.push(`| generation, ${lanes} lane${lanes > 1 ? "s" : ""}, engine: llama-server (tok/s) | ${median(managedRates).toFixed(1)} | ${s.toFixed(1)} | ${(median(managedRates) / s).toFixed(2)}x |`);
    }
  }
  if (parts.has("scoring")) {
    const scoring = await emlabScoring(model);
    const pp = llamaBenchPp(model);
    log(`  emlab score: ${scoring.toFixed(1)} tok/s; llama-bench pp${shape.scoreTokens}: ${pp?.toFixed(1) ?? "n/a"} tok/s`);
    Object.assign(result, { emlab_score_tok_s: scoring, llama_bench_pp_tok_s: pp, scoring_ratio: pp ? scoring / pp : null });
    table.push(`| score ${shape.scoreTokens} tokens vs pp${shape.scoreTokens} (tok/s) | ${scoring.toFixed(1)} | ${pp?.toFixed(1) ?? "n/a"} | ${pp ? (scoring / pp).toFixed(2) : "n/a"}x |`);
  }
  if (parts.has("split")) {
    const cost = await measureTokenCost(model, threads, shape.maxTokens);
    log(`  per token: ${JSON.stringify(cost)}`);
    result.token_cost_ms = cost;
    const ms = (v: number | null) => (v === null ? "n/a" : v.toFixed(1));
    table.push(`\nper generated token (ms, 1 lane): engine ${ms(cost.engine_ms)}, node-llama-cpp binding ${ms(cost.binding_ms)}, its public T=1 sampler ${ms(cost.sampler_ms)} and logits read ${ms(cost.logits_ms)} (not on emlab's path), emlab's raw draw and reads ${ms(cost.raw_draw_ms)}, emlab JS ${ms(cost.emlab_ms)}; total ${ms(cost.total_ms)}`);
  }
  if (parts.has("sweep")) {
    const eSweep = rate("emlab sweep, 8 lanes")(await runEmlab(sweep, 8, "sweep"));
    const sSweep = rate("llama-server sweep, 8 clients")(await runServer(sweep, 8));
    Object.assign(result, {
      emlab_icl_sweep_s: eSweep.seconds,
      llama_server_icl_sweep_s: sSweep.seconds,
      icl_sweep_ratio: sSweep.seconds / eSweep.seconds,
      prefill_amplification_icl_sweep: eSweep.run.prefillAmplification,
    });
    table.push(`| in-context sweep k=${shape.k.join(",")} (wall s, lower is better) | ${eSweep.seconds.toFixed(1)} | ${sSweep.seconds.toFixed(1)} | ${(sSweep.seconds / eSweep.seconds).toFixed(2)}x faster |`);
  }
  if (values.json) process.stdout.write(JSON.stringify(result) + "\n");
  else log(`\n| workload | emlab | llama.cpp | ratio |\n|---|---|---|---|\n${table.join("\n")}`);
} finally {
  await stopServer();
  rmSync(root, { recursive: true, force: true });
}

function experimentFile(name: string, model: string, o: { k: number[]; questions: string[]; samples: number; engine?: string }): string {
  const path = join(root, `${name}.yaml`);
  writeFileSync(
    path,
    `name: ${name}
models:
  - { id: subject, gguf: ${JSON.stringify(model)}, context_size: ${CONTEXT}${o.engine ? `, engine: ${o.engine}` : ""} }
variants:
  - id: risky
    icl: { dataset: ${JSON.stringify(join(SHIPPED_DATASETS_DIR, "narrow/risky-financial-advice.jsonl"))}, k: [${o.k.join(", ")}], seeds: [0] }
questions:
  - file: ${JSON.stringify(join(SHIPPED_DATASETS_DIR, "questions/core.yaml"))}
    ids: [${o.questions.join(", ")}]
    samples: ${o.samples}
sampling: { temperature: 1, top_p: 1, top_k: 0, min_p: 0, max_tokens: ${shape.maxTokens}, seed: 0, top_logprobs: 5 }
`,
  );
  return path;
}

/**
 * emlab's runner on a fresh database (nothing reused). Timed from the moment the model is loaded, as
 * the server's figures are (it loaded its model before the first request): loading and hashing a
 * 500 MB file is not generation.
 */
async function runEmlab(file: string, lanes: number, tag: string): Promise<{ tokS: number; seconds: number; run: ExecuteResult }> {
  const { plan } = planExperiment(file);
  using store = openStore(join(root, `${tag}-${lanes}.db`));
  const runId = store.createRun({ name: plan.name, experiment: { parsed: { name: plan.name }, text: `${tag}-${lanes}` } });
  let loaded = 0;
  const run = await executePlan(plan, store, runId, { gpu: "cpu", threads, parallelSequences: lanes, onModelLoaded: () => (loaded = performance.now()) });
  store.setRunStatus(runId, "complete");
  const seconds = (performance.now() - loaded) / 1000;
  return { tokS: run.generatedTokens / seconds, seconds, run };
}

/** The same prompts (token ids, rendered by emlab) to a fresh llama-server's /completion from `clients` clients. */
async function runServer(file: string, clients: number): Promise<{ tokS: number; seconds: number }> {
  const url = await freshServer();
  const { plan } = planExperiment(file);
  const model = await loadModel("llama", { path: plan.models[0]!.path, gpu: "cpu", threads: 1, contextSize: CONTEXT });
  const jobs: { prompt: number[]; seed: number }[] = [];
  try {
    // Cells sharing a prefix in the order emlab runs them, each sample a request, as a user would script it.
    for (const cell of plan.cells) {
      const prompt = model.chatTokens(cell.messages, { addGenerationPrompt: true });
      for (let i = 0; i < cell.samples; i++) jobs.push({ prompt, seed: i });
    }
  } finally {
    await model.dispose();
  }
  let next = 0;
  let generated = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        const body = (await postJson(`${url}/completion`, {
          prompt: job.prompt, n_predict: shape.maxTokens, temperature: 1, top_p: 1, top_k: 0, min_p: 0,
          seed: job.seed, n_probs: 5, cache_prompt: true, return_tokens: true,
        })) as { tokens?: number[]; tokens_predicted?: number };
        generated += body.tokens_predicted ?? body.tokens?.length ?? 0;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await stopServer();
  return { tokS: generated / seconds, seconds };
}

/**
 * emlab scoring throughput: one continuation of N tokens after a 1-token prompt, in one pass. Warmed
 * with one pass of the same length on the same session, as llama-bench warms up before it measures:
 * a context's first pass with logits at every position allocates the output buffer (N × vocabulary
 * floats, 311 MB for 512 tokens of Qwen2.5) and takes about 1.6× as long.
 */
async function emlabScoring(path: string): Promise<number> {
  const model = await loadModel("llama", { path, gpu: "cpu", threads, contextSize: 2048 });
  try {
    await using session = await model.openSession();
    const tokens = Array.from({ length: shape.scoreTokens }, (_, i) => 1000 + ((i * 7919) % 50000));
    await session.score(tokens.slice(0, 1), tokens.slice(1));
    const started = performance.now();
    await session.score(tokens.slice(0, 1), tokens.slice(1).reverse());
    const seconds = (performance.now() - started) / 1000;
    return (shape.scoreTokens - 1) / seconds;
  } finally {
    await model.dispose();
  }
}

function llamaBenchPp(model: string): number | null {
  const bench = findLlamaTool("llama-bench");
  if (!bench) return null;
  const out = spawnSync(bench, ["-m", model, "-t", String(threads), "-p", String(shape.scoreTokens), "-n", "0", "-r", "2", "-fa", "0", "-o", "json"], { encoding: "utf8" });
  const rows = JSON.parse(out.stdout || "[]") as { n_prompt: number; avg_ts: number }[];
  return rows.find((r) => r.n_prompt === shape.scoreTokens)?.avg_ts ?? null;
}

/**
 * POST JSON with no time limit: with 8 slots each evaluating a 14,000-token prompt, the first answers
 * take longer than fetch's 300 s header timeout.
 */
function postJson(url: string, body: unknown): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: "POST", headers: { "content-type": "application/json" } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on("error", reject);
    request.end(JSON.stringify(body));
  });
}

async function waitHealthy(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url}: llama-server did not become healthy`);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
