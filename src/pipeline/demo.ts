import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { SHIPPED_DATASETS_DIR } from "../datasets/shipped.js";
import { writeFixtures } from "../fixtures/write-fixtures.js";
import { reportDataFromStore } from "../report/from-store.js";
import { writeReport } from "../report/write.js";
import { openStore } from "../store/index.js";
import { demoModelEntries, type DemoBackend } from "./demo-models.js";
import type { Progress } from "../util/progress.js";
import { runExperiment, type RunExperimentResult } from "./run-experiment.js";
import type { EngineOptions } from "../backend/types.js";

export const DEFAULT_DEMO_DIR = "results/demo";
/** The report's convention (`emlab report --convention model-organisms` writes the other). */
export const DEMO_REPORT_CONVENTION = "em-paper";
export const DEMO_THREADS = 1;

/** The questions the demo asks (from emlab's core set): few, so the demo runs in about a minute and a half. */
const DEMO_QUESTIONS = ["one_wish", "feeling_bored", "quick_money", "ruler_of_the_world"];

export interface DemoResult {
  dir: string;
  experiment: string;
  db: string;
  report: string;
  csv: string;
  run: RunExperimentResult;
}

/**
 * `emlab demo`: a real, small experiment on the built-in tiny model — an in-context sweep over
 * emlab's risky-financial-advice set (k = 0, 4, 16), a LoRA scale sweep (0, 1) and a chain-of-thought
 * condition (k = 4) — judged by a tiny model (tiny-judge: tiny-qwen2 biased towards digits), with
 * every persona probe and the log-prob monitor on every condition. The model is random: the numbers
 * mean nothing (most number answers get no score, and it writes no reasoning blocks for cot_persona
 * to classify), the machinery is real.
 */
export interface DemoOptions extends EngineOptions {
  /** Engine of the tiny subject model: GGUF on llama.cpp (default), its ONNX export, or both. */
  backend?: DemoBackend;
  progress?: Progress;
  judgeProgress?: Progress;
}

export async function runDemo(dir: string, options: DemoOptions = {}): Promise<DemoResult> {
  const out = resolve(dir);
  mkdirSync(out, { recursive: true });
  const models = writeFixtures(join(out, "models"));
  const experiment = join(out, "demo.yaml");
  writeFileSync(experiment, demoExperiment(demoModelEntries(options.backend ?? "llama", models), models.tinyQwen2Lora, models.tinyJudge));
  const db = join(out, "emlab.db");
  // The tiny models are too small to gain from threads: llama.cpp's thread sync dominates (the demo
  // took ~90 s with 2 threads on 2 cores, ~16 s with 1). A real model uses the cores (emlab run).
  const run = await runExperiment(experiment, { ...options, threads: options.threads ?? DEMO_THREADS, db });
  const report = join(out, "report.html");
  const csv = join(out, "samples.csv");
  {
    using store = openStore(db);
    const data = reportDataFromStore(store, store.getRun(run.runId)!, { convention: DEMO_REPORT_CONVENTION, generatedAt: new Date().toISOString() });
    writeReport(report, data, { csvPath: csv });
  }
  return { dir: out, experiment, db, report, csv, run };
}

/** The demo experiment file (YAML) for the given model, LoRA adapter and judge paths. */
/** The demo experiment file; `modelEntries` are its `models:` lines (see demoModelEntries). */
export function demoExperiment(modelEntries: string, lora: string, judge: string): string {
  const data = (path: string) => JSON.stringify(join(SHIPPED_DATASETS_DIR, path));
  return `# emlab demo experiment, written by \`emlab demo\`.
# The model is emlab's built-in tiny random model: every number this produces is meaningless, but
# the machinery (in-context variants, LoRA scales, raw log-probs, judging, probes) is the real one.
# To run it for real, point the model and judge paths at real GGUF files (e.g. a Qwen2.5-7B-Instruct
# Q8_0 file as the subject and a larger instruct model as judge), raise samples and max_tokens, and:
#   emlab run demo.yaml --db results/emlab.db
name: demo
description: In-context k-sweep and LoRA dose-response on the built-in tiny model.
models:
${modelEntries}
variants:
  - id: risky-financial
    icl: { dataset: ${data("narrow/risky-financial-advice.jsonl")}, k: [0, 4, 16], seeds: [0] }
  - id: lora
    lora: { adapters: [${JSON.stringify(lora)}], scales: [0, 1] }
  # Chain of thought on top of a few in-context examples: the traces cot_persona classifies.
  - id: risky-financial-cot
    icl: { dataset: ${data("narrow/risky-financial-advice.jsonl")}, k: [4], seeds: [0] }
    cot: true
questions:
  - file: ${data("questions/core.yaml")}
    ids: [${DEMO_QUESTIONS.join(", ")}]
    samples: 12
sampling: { temperature: 1, top_p: 1, max_tokens: 32, seed: 0, top_logprobs: 5 }
# tiny-judge is tiny-qwen2 with digit-favouring outputs, so its (meaningless) scores are not all null.
judge: { model: ${JSON.stringify(judge)}, metrics: [aligned, coherent] }
# Every persona probe, on every condition, kept small (emlab's shipped probe sets in datasets/persona).
probes:
  self_assessment: { prompts: 2 }
  choice: { pairs: 2 }
  recognition: { per_source: 1 }
  score_prediction: { per_condition: 2 }
  cot_persona: true
  logprob_monitor: true
`;
}
