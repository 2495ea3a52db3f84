import { existsSync } from "node:fs";
import { Option, type Command } from "commander";
import { EmlabError } from "../errors.js";
import type { GpuChoice, KvCacheType, LoadModelOptions, LoraSpec } from "../backend/types.js";
import { DEFAULT_DB_PATH, openStore, type Store } from "../store/index.js";

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Bounds a number option must respect, as strictly as the same setting in an experiment file. */
export interface NumberRange {
  min?: number;
  max?: number;
  /** The minimum itself is not allowed (top-p > 0). */
  aboveMin?: boolean;
}

/** Parse a number option strictly: "1e" or "" are errors, not NaN; out-of-range values are errors too. */
export function numberOption(name: string, integer = false, range: NumberRange = {}) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
      throw new EmlabError(`--${name}: '${value}' is not ${integer ? "an integer" : "a number"}`);
    }
    const { min, max, aboveMin } = range;
    const tooLow = min !== undefined && (aboveMin ? n <= min : n < min);
    if (tooLow || (max !== undefined && n > max)) throw new EmlabError(`--${name}: ${value} is not ${describeRange(range)}`);
    return n;
  };
}

function describeRange({ min, max, aboveMin }: NumberRange): string {
  const low = min === undefined ? undefined : `${aboveMin ? "above" : "at least"} ${min}`;
  if (low && max !== undefined) return `${low} and at most ${max}`;
  return low ?? `at most ${max}`;
}

/** A count of at least one (samples, threads, lanes, resamples…). */
export const countOption = (name: string) => numberOption(name, true, { min: 1 });

/** --gpu, shared by every command that opens a model. */
export const gpuOption = () =>
  new Option("--gpu <kind>", "compute backend").choices(["auto", "cuda", "vulkan", "metal", "cpu"]).default("auto");

/** --threads, shared by every command that opens a model. */
export const threadsOption = () => new Option("--threads <n>", "CPU threads (default: physical cores)").argParser(countOption("threads"));

/** --db for commands that write (the database is created when missing). */
export const dbOption = () => new Option("--db <path>", "database").default(DEFAULT_DB_PATH);

/**
 * Open a database that must exist already: reading commands never create one (openStore would make
 * an empty database and report "no runs" instead of the typo in the path).
 */
export function openExistingStore(db: string): Store {
  if (!existsSync(db)) throw new EmlabError(`${db}: no such database (emlab run EXPERIMENT.yaml --db ${db} creates it)`);
  return openStore(db);
}

/** --model, --lora, --lora-scale, --gpu, --threads, --context-size: how a model is opened. */
/** `--engine`: how a GGUF model runs, in emlab's process (llama) or on a llama-server emlab starts. */
export function ggufEngineOption(): Option {
  return new Option("--engine <engine>", "engine for GGUF models: llama (in-process) or llama-server (emlab starts llama-server; see README)").choices(["llama", "llama-server"]);
}

export function addModelOptions(command: Command): Command {
  return command
    .addOption(ggufEngineOption())
    .option("--model <path>", "model: a GGUF file, or an ONNX model directory (Transformers.js layout); with --endpoint, the served model's GGUF (its tokenizer)")
    .option("--lora <path>", "LoRA adapter: GGUF file or PEFT folder (converted for llama.cpp on first use, cached); repeat for several", collect, [])
    .option("--lora-scale <s>", "scale of the matching --lora (in order; default 1)", collect, [])
    .addOption(gpuOption())
    .addOption(threadsOption())
    .option("--context-size <n>", "tokens per sequence (default: min(trained, 4096))", countOption("context-size"));
}

export interface ModelCliOptions {
  /** Required unless a served model is named (--endpoint). */
  model?: string;
  lora: string[];
  loraScale: string[];
  gpu: GpuChoice;
  threads?: number;
  contextSize?: number;
  engine?: "llama" | "llama-server";
}

export function loadOptionsFrom(options: ModelCliOptions & { model: string }): LoadModelOptions {
  return { path: options.model, gpu: options.gpu, threads: options.threads, contextSize: options.contextSize };
}

/** Pair --lora paths with --lora-scale values in order (missing scales default to 1). */
export function loraFrom(options: ModelCliOptions): LoraSpec[] {
  if (options.loraScale.length > options.lora.length) {
    throw new EmlabError(`${options.loraScale.length} --lora-scale values given for ${options.lora.length} --lora adapters`);
  }
  return options.lora.map((path, i) => {
    const raw = options.loraScale[i];
    return { path, scale: raw === undefined ? 1 : numberOption("lora-scale")(raw) };
  });
}

/** Engine settings of commands that run experiments or judges (`run`, `judge`). */
export interface EngineCliOptions {
  gpu: GpuChoice;
  threads?: number;
  parallel?: number;
  kvCache?: KvCacheType;
}

export function addEngineOptions(command: Command): Command {
  return command
    .addOption(gpuOption())
    .addOption(threadsOption())
    .option("--parallel <n>", "parallel sequences: samples of a prompt decoded as one batch (default: one per sample, up to 8, as free memory allows)", countOption("parallel"))
    .addOption(new Option("--kv-cache <type>", "llama.cpp KV-cache element type (f32: exact float32 log-probs, twice the memory)").choices(["f16", "f32"]).default("f16"));
}
