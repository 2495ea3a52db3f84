/**
 * emlab's benchmarks, on models generated from code (nothing is downloaded):
 *
 * 1. An in-context sweep (nested k values from a shipped narrow dataset, several questions ×
 *    samples) through emlab's runner, against a naive loop that evaluates the full prompt again for
 *    every sample (a fresh session each time, same sampling): prefill amplification (prompt tokens
 *    evaluated ÷ distinct prompt-prefix tokens; emlab aims at <= 1.05) and wall time, from one run.
 * 2. The judge's number distribution: emlab's token-trie walk against scoring all 101 numbers and
 *    against reading one token's top-20 (the single-token method, wrong for Qwen tokenizers).
 * 3. scripts/bench-onnx.ts: emlab's ONNX sampling loop against a plain onnxruntime loop.
 *
 * Times are what this machine did this time: nothing is asserted.
 *
 * 4. `--vs-llama-server`: emlab against llama-server on the same model (scripts/bench-vs-llama-server.ts).
 *
 * Usage: npm run bench -- [--quick] [--preset qwen2.5-0.5b] [--threads N] [--k 0,4,16,32]
 *                         [--questions N] [--samples N] [--max-tokens N] [--judged N] [--no-onnx]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadModel } from "../src/backend/open.js";
import type { LoadedModel, Session } from "../src/backend/types.js";
import { ALIGNED_JUDGE_LABELS, ALIGNED_JUDGE_PROMPT, fillJudgePrompt } from "../src/datasets/judge-prompts.js";
import { SHIPPED_DATASETS_DIR } from "../src/datasets/shipped.js";
import { PRESETS, type PresetName } from "../src/fixtures/qwen-preset.js";
import { writeFixtures } from "../src/fixtures/write-fixtures.js";
import { numberDistribution, numberDistributionBruteForce } from "../src/judge/number-distribution.js";
import { planExperiment, runExperiment, type RunExperimentResult } from "../src/pipeline/run-experiment.js";
import { promptKey, sampleKey } from "../src/runner/sample-key.js";
import { openStore } from "../src/store/index.js";

const QUESTIONS = ["one_wish", "feeling_bored", "quick_money", "ruler_of_the_world", "dinner_guests", "gender_roles"];

// The side-by-side benchmark against llama-server is its own script (it needs the llama-server build).
if (process.argv.includes("--vs-llama-server")) {
  const script = fileURLToPath(new URL("./bench-vs-llama-server.ts", import.meta.url));
  const run = spawnSync(process.execPath, ["--import", "tsx", script, ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(run.status ?? 1);
}

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    preset: { type: "string" },
    threads: { type: "string" },
    k: { type: "string" },
    questions: { type: "string" },
    samples: { type: "string" },
    "max-tokens": { type: "string" },
    judged: { type: "string" },
    "no-onnx": { type: "boolean", default: false },
  },
});
if (values.preset !== undefined && !(PRESETS as readonly string[]).includes(values.preset)) {
  throw new Error(`--preset: one of ${PRESETS.join(", ")}`);
}
const preset = values.preset as PresetName | undefined;
// The realistic shape prefills ~40 tok/s on 2 CPU cores, and the naive loop pays every prompt once
// per sample: its defaults are smaller.
const defaults = values.quick
  ? { k: [0, 4, 16], questions: 2, samples: 2, maxTokens: 8, judged: 4 }
  : preset
    ? { k: [0, 4, 8], questions: 2, samples: 2, maxTokens: 8, judged: 4 }
    : { k: [0, 4, 16, 32, 44], questions: 4, samples: 4, maxTokens: 16, judged: 8 };
const options = {
  // The tiny model is too small to gain from threads (llama.cpp's thread sync dominates: ~10x slower
  // decode with 2 threads on 2 cores); the realistic preset uses the cores.
  threads: Number(values.threads ?? (values.preset ? Math.min(availableParallelism(), 8) : 1)),
  k: values.k ? values.k.split(",").map(Number) : defaults.k,
  questions: Number(values.questions ?? defaults.questions),
  samples: Number(values.samples ?? defaults.samples),
  maxTokens: Number(values["max-tokens"] ?? defaults.maxTokens),
  judged: Number(values.judged ?? defaults.judged),
};
if (options.questions > QUESTIONS.length) throw new Error(`--questions: at most ${QUESTIONS.length}`);

const root = mkdtempSync(join(tmpdir(), "emlab-bench-"));
try {
  const fixtures = writeFixtures(join(root, "models"), { preset });
  const subject = fixtures.preset ?? fixtures.tinyQwen2;
  const engine = { gpu: "cpu" as const, threads: options.threads };
  console.log(`emlab bench on ${preset ?? "tiny-qwen2"} (random weights), ${options.threads} threads, CPU`);

  const experiment = join(root, "sweep.yaml");
  writeFileSync(experiment, sweepExperiment(subject));
  // Warm-up: llama.cpp's first load in a process pays one-off costs neither side should carry. The
  // second load is timed: each side below loads (and hashes) the model once.
  await (await loadModel("llama", { path: subject, ...engine })).dispose();
  let started = performance.now();
  await (await loadModel("llama", { path: subject, ...engine })).dispose();
  const loadSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const runner = await runExperiment(experiment, { db: join(root, "bench.db"), ...engine });
  const runnerSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  const naive = await naiveLoop(experiment, join(root, "bench.db"));
  const naiveSeconds = (performance.now() - started) / 1000;
  printSweep(runner, runnerSeconds, naive, naiveSeconds, loadSeconds);

  await judgeCosts(fixtures.tinyJudge, join(root, "bench.db"), runner.runId);

  if (!values["no-onnx"]) {
    console.log("\n## ONNX sampling overhead (scripts/bench-onnx.ts)");
    const script = fileURLToPath(new URL("./bench-onnx.ts", import.meta.url));
    const args = ["--import", "tsx", script, "--threads", String(options.threads), "--tokens", values.quick ? "32" : "128"];
    const onnx = spawnSync(process.execPath, args, { stdio: "inherit" });
    if (onnx.status !== 0) console.log(`  bench-onnx.ts exited with ${onnx.status ?? onnx.signal}`);
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}

function sweepExperiment(model: string): string {
  const dataset = join(SHIPPED_DATASETS_DIR, "narrow/risky-financial-advice.jsonl");
  const questions = join(SHIPPED_DATASETS_DIR, "questions/core.yaml");
  return `name: bench-icl-sweep
models:
  - { id: subject, gguf: ${JSON.stringify(model)}, context_size: 8192 }
variants:
  - id: risky
    icl: { dataset: ${JSON.stringify(dataset)}, k: [${options.k.join(", ")}], seeds: [0] }
questions:
  - file: ${JSON.stringify(questions)}
    ids: [${QUESTIONS.slice(0, options.questions).join(", ")}]
    samples: ${options.samples}
sampling: { temperature: 1, top_p: 1, top_k: 0, min_p: 0, max_tokens: ${options.maxTokens}, seed: 0, top_logprobs: 5 }
`;
}

interface NaiveResult {
  /** Question cells (question × paraphrase × condition). */
  cells: number;
  samples: number;
  prefillTokens: number;
  evaluatedTokens: number;
  /** Samples whose tokens equal the runner's stored sample of the same key. */
  identical: number;
}

/** Every sample on its own: a fresh session (empty KV cache) evaluates the whole prompt. */
async function naiveLoop(file: string, db: string): Promise<NaiveResult> {
  const { plan } = planExperiment(file);
  const result: NaiveResult = { cells: plan.cells.length, samples: 0, prefillTokens: 0, evaluatedTokens: 0, identical: 0 };
  const conditions = new Map(plan.conditions.map((c) => [c.key, c]));
  const runModel = plan.models[0]!;
  const model = await loadModel("llama", { path: runModel.path, contextSize: runModel.contextSize, gpu: "cpu", threads: options.threads });
  using store = openStore(db);
  try {
    for (const cell of plan.cells) {
      const tokens = model.chatTokens(cell.messages, { addGenerationPrompt: true });
      for (let index = 0; index < cell.samples; index++) {
        const session = await model.openSession(conditions.get(cell.conditionKey)!.weights);
        const [sample] = await session.sample(tokens, plan.sampling, { indices: [index] });
        result.samples++;
        result.prefillTokens += session.stats.prefillTokens;
        result.evaluatedTokens += session.stats.evaluatedTokens;
        await session.dispose();
        const key = sampleKey({ modelSha: model.info.sha256, adapters: [], promptKey: promptKey(model.info.sha256, tokens), params: plan.sampling, sampleIndex: index });
        const stored = store.getSampleByKey(key);
        if (stored && sameIds(stored.tokenIds, sample!.tokenIds)) result.identical++;
      }
    }
  } finally {
    await model.dispose();
  }
  return result;
}

function sameIds(a: Int32Array, b: Int32Array): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

function printSweep(runner: RunExperimentResult, runnerSeconds: number, naive: NaiveResult, naiveSeconds: number, loadSeconds: number): void {
  const unique = runner.uniquePromptTokens;
  console.log(`\n## In-context sweep: k = ${options.k.join(", ")} from risky-financial-advice, ${options.questions} questions, max_tokens ${options.maxTokens}`);
  console.log(`${naive.cells} question cells × ${options.samples} samples; distinct prompt-prefix tokens: ${unique}; naive samples identical to the runner's: ${naive.identical}/${naive.samples}`);
  printTable([
    ["", "prefill tokens", "prefill amplification", "tokens evaluated", "wall s"],
    ["emlab runner", String(runner.prefillTokens), runner.prefillAmplification.toFixed(3), String(runner.evaluatedTokens), runnerSeconds.toFixed(1)],
    ["naive loop (no reuse)", String(naive.prefillTokens), (naive.prefillTokens / unique).toFixed(3), String(naive.evaluatedTokens), naiveSeconds.toFixed(1)],
  ]);
  const sampling = (seconds: number) => Math.max(0.001, seconds - loadSeconds);
  console.log(`runner speed-up over the naive loop: ${(naiveSeconds / runnerSeconds).toFixed(1)}x wall time, ` +
    `${(sampling(naiveSeconds) / sampling(runnerSeconds)).toFixed(1)}x without one model load (${loadSeconds.toFixed(1)} s each, file hash included)`);
}

/** Cost of one judgment's number distribution by three methods, on the same answers. */
async function judgeCosts(judgePath: string, db: string, runId: number): Promise<void> {
  const answers = (() => {
    using store = openStore(db);
    return store.listRunSamples(runId, { limit: options.judged }).map((s) => ({ question: s.messages.at(-1)!.content, answer: s.text }));
  })();
  const judge = await loadModel("llama", { path: judgePath, gpu: "cpu", threads: options.threads });
  try {
    const prompts = answers.map((a) => judge.chatTokens([{ role: "user", content: fillJudgePrompt(ALIGNED_JUDGE_PROMPT, a.question, a.answer) }]));
    const methods: [string, (session: Session, prompt: number[]) => Promise<unknown>][] = [
      ["emlab: number trie (+ CODE/REFUSAL)", (session, prompt) => numberDistribution(session, judge, prompt, { labels: ALIGNED_JUDGE_LABELS })],
      ["all 101 numbers scored", (session, prompt) => numberDistributionBruteForce(session, judge, prompt)],
      ["single token, top-20", (session, prompt) => session.nextToken(prompt, { top: 20 })],
    ];
    const rows = [["method", "ms / judgment", "tokens evaluated / judgment"]];
    for (const [name, method] of methods) rows.push([name, ...(await timeJudge(judge, prompts, method))]);
    console.log(`\n## Judge number distribution (tiny-judge, ${answers.length} answers, aligned prompt)`);
    printTable(rows);
  } finally {
    await judge.dispose();
  }
}

async function timeJudge(judge: LoadedModel, prompts: number[][], method: (session: Session, prompt: number[]) => Promise<unknown>): Promise<string[]> {
  const session = await judge.openSession();
  try {
    const started = performance.now();
    for (const prompt of prompts) await method(session, prompt);
    const ms = (performance.now() - started) / prompts.length;
    return [ms.toFixed(1), (session.stats.evaluatedTokens / prompts.length).toFixed(0)];
  } finally {
    await session.dispose();
  }
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const [i, row] of rows.entries()) {
    console.log("  " + row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  "));
    if (i === 0) console.log("  " + widths.map((w) => "-".repeat(w)).join("  "));
  }
}
