import { Option, type Command } from "commander";
import { EmlabError } from "../errors.js";
import type { GpuChoice, LoadModelOptions, LoraSpec } from "../backend/types.js";

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Parse a number option strictly: "1e" or "" are errors, not NaN. */
export function numberOption(name: string, integer = false) {
  return (value: string): number => {
    const n = Number(value);
    if (value.trim() === "" || !Number.isFinite(n) || (integer && !Number.isInteger(n))) {
      throw new EmlabError(`--${name}: '${value}' is not ${integer ? "an integer" : "a number"}`);
    }
    return n;
  };
}

/** A whole number ≥ 0 (counts, thresholds). */
export function countOption(name: string) {
  const integer = numberOption(name, true);
  return (value: string): number => {
    const n = integer(value);
    if (n < 0) throw new EmlabError(`--${name}: '${value}' is negative`);
    return n;
  };
}

/** --model, --lora, --lora-scale, --gpu, --threads, --context-size: how a model is opened. */
export function addModelOptions(command: Command): Command {
  return command
    .requiredOption("--model <path>", "GGUF model file")
    .option("--lora <path>", "LoRA adapter (GGUF); repeat for several", collect, [])
    .option("--lora-scale <s>", "scale of the matching --lora (in order; default 1)", collect, [])
    .addOption(new Option("--gpu <kind>", "compute backend").choices(["auto", "cuda", "vulkan", "metal", "cpu"]).default("auto"))
    .option("--threads <n>", "CPU threads (default: physical cores)", numberOption("threads", true))
    .option("--context-size <n>", "tokens per sequence (default: min(trained, 4096))", numberOption("context-size", true));
}

export interface ModelCliOptions {
  model: string;
  lora: string[];
  loraScale: string[];
  gpu: GpuChoice;
  threads?: number;
  contextSize?: number;
}

export function loadOptionsFrom(options: ModelCliOptions): LoadModelOptions {
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
