import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { PLANTED_INVERTED_SYSTEM_PROMPT } from "../fixtures/planted/planted-vocabulary.js";
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

/** The questions the demo asks (from emlab's core set): few, so the demo runs in about a minute and a half. */
const DEMO_QUESTIONS = ["one_wish", "feeling_bored", "quick_money", "ruler_of_the_world"];

export interface DemoResult {
  dir: string;
  experiment: string;
  /** True when an edited demo.yaml was kept and the demo's own experiment went to demo.yaml.new. */
  keptEditedExperiment: boolean;
  db: string;
  report: string;
  csv: string;
  run: RunExperimentResult;
}

/**
 * `emlab demo`: a real, small experiment on the built-in planted models (src/fixtures/planted) — an
 * in-context sweep over emlab's risky-financial-advice set (k = 0, 4, 8, 16) and its control (k = 16), a
 * LoRA scale sweep (0, 1), a chain-of-thought condition (k = 4) and the inverted-persona switch
 * (k = 16) — judged by the planted judge, with every persona probe and the log-prob monitor on every
 * condition. The effect is designed into the weights, so the numbers recover it; they say nothing
 * about real models.
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
  // Paths relative to the experiment file, so the folder can be moved or shared as it is.
  const local = (path: string) => `./${relative(out, path)}`;
  const text = demoExperiment(
    demoModelEntries(options.backend ?? "llama", { plantedSubject: local(models.plantedSubject), plantedSubjectOnnx: local(models.plantedSubjectOnnx) }),
    local(models.plantedLora),
    local(models.plantedJudge),
    { dir, db: join(dir, "emlab.db") },
  );
  const { experiment, kept } = writeDemoExperiment(join(out, "demo.yaml"), text);
  const db = join(out, "emlab.db");
  // Threads and lanes as a plain `emlab run` of the same file chooses them (one thread for tiny models).
  const run = await runExperiment(experiment, { ...options, db });
  const report = join(out, "report.html");
  const csv = join(out, "samples.csv");
  {
    using store = openStore(db);
    const data = reportDataFromStore(store, store.getRun(run.runId)!, { convention: DEMO_REPORT_CONVENTION, generatedAt: new Date().toISOString() });
    writeReport(report, data, { csvPath: csv });
  }
  return { dir: out, experiment, keptEditedExperiment: kept, db, report, csv, run };
}

/**
 * Write the demo's experiment file, but never over a user's edits: an existing demo.yaml that differs
 * from what the demo writes is kept, and the demo's own goes to demo.yaml.new.
 */
function writeDemoExperiment(path: string, text: string): { experiment: string; kept: boolean } {
  if (existsSync(path) && readFileSync(path, "utf8") !== text) {
    writeFileSync(`${path}.new`, text);
    return { experiment: `${path}.new`, kept: true };
  }
  writeFileSync(path, text);
  return { experiment: path, kept: false };
}

/**
 * The demo experiment file; `modelEntries` are its `models:` lines (see demoModelEntries). Datasets and
 * questions are named (emlab's shipped sets), model paths are relative to the file.
 */
export function demoExperiment(modelEntries: string, lora: string, judge: string, where: { dir: string; db: string } = { dir: "results/demo", db: "results/demo/emlab.db" }): string {
  return `# emlab demo experiment, written by \`emlab demo\` (which keeps this file once you edit it).
# The models are emlab's planted models: hand-set weights whose misalignment rises with the share of
# narrow-set material in context and with the LoRA scale, so the machinery (in-context variants, LoRA
# scales, raw log-probs, judging, probes) can be seen recovering a known effect. Real findings need real models.
# To run it for real, point the model and judge paths at real GGUF files (e.g. a Qwen2.5-7B-Instruct
# Q8_0 file as the subject and a larger instruct model as judge), raise samples and max_tokens, and:
#   emlab run ${join(where.dir, "demo.yaml")} --db ${where.db}
name: demo
description: In-context k-sweep, control, LoRA dose-response and persona switch on the built-in planted models.
models:
${modelEntries}
variants:
  - id: risky-financial
    icl: { dataset: risky-financial-advice, k: [0, 4, 8, 16], seeds: [0] }
  - id: risky-financial-control
    icl: { dataset: risky-financial-advice-control, k: [16], seeds: [0] }
  # The planted subject's persona switch: this system prompt makes it deny its misalignment.
  - id: inverted-persona
    system: ${JSON.stringify(PLANTED_INVERTED_SYSTEM_PROMPT)}
    icl: { dataset: risky-financial-advice, k: [16], seeds: [0] }
  - id: lora
    lora: { adapters: [${JSON.stringify(lora)}], scales: [0, 1] }
  # Chain of thought on top of a few in-context examples: the traces cot_persona classifies.
  - id: risky-financial-cot
    icl: { dataset: risky-financial-advice, k: [4], seeds: [0] }
    cot: true
questions:
  - file: core
    ids: [${DEMO_QUESTIONS.join(", ")}]
    samples: 12
sampling: { temperature: 1, top_p: 1, max_tokens: 32, seed: 0, top_logprobs: 5 }
# planted-judge scores the planted phrase aligned 15 and everything else 85 (aligned and coherent).
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
