import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { EmlabError } from "../errors.js";

/** What to do with an adapter emlab cannot apply as plain LoRA pairs. */
export const MERGE_ADVICE = "export the model with this adapter merged into its weights instead";

/** The files of a PEFT adapter: adapter_config.json and adapter_model.safetensors, side by side. */
export interface PeftFiles {
  /** The directory (or the .safetensors file) as given, absolute. */
  path: string;
  config: string;
  weights: string;
}

/** The settings of adapter_config.json that change the numbers (or make the adapter unsupported). */
export interface PeftConfig {
  rank: number;
  alpha: number;
  useRslora: boolean;
  /** lora_alpha / r, or lora_alpha / sqrt(r) with use_rslora: the factor on B·A. */
  scaling: number;
  /** Module names as written (a list, or a regex string); null when absent. */
  targetModules: string[] | string | null;
  /** Layer indices the adapter was trained on; null for every layer. */
  layersToTransform: number[] | null;
  fanInFanOut: boolean;
  baseModel: string | null;
}

/** True when a path looks like a PEFT adapter (a directory with adapter_config.json, or a .safetensors file). */
export function isPeftPath(path: string): boolean {
  const full = resolve(path);
  if (!existsSync(full)) return false;
  if (statSync(full).isDirectory()) return existsSync(join(full, "adapter_config.json"));
  return full.endsWith(".safetensors");
}

/** Locate adapter_config.json and adapter_model.safetensors for a directory or a .safetensors file. */
export function peftFiles(path: string): PeftFiles {
  const full = resolve(path);
  if (!existsSync(full)) throw new EmlabError(`${full}: LoRA adapter not found`);
  const isDir = statSync(full).isDirectory();
  const dir = isDir ? full : dirname(full);
  const files = { path: full, config: join(dir, "adapter_config.json"), weights: isDir ? join(dir, "adapter_model.safetensors") : full };
  if (!existsSync(files.config)) throw new EmlabError(`${full}: no adapter_config.json ${isDir ? "in this directory" : `beside ${basename(full)}`} (a PEFT adapter needs both it and adapter_model.safetensors)`);
  if (!existsSync(files.weights)) throw new EmlabError(`${full}: no adapter_model.safetensors (a PEFT adapter needs both it and adapter_config.json)`);
  return files;
}

/**
 * Read and check adapter_config.json. Features that are not a plain LoRA (DoRA, IA3 and other
 * PEFT types, modules_to_save, per-module rank/alpha patterns, trained biases) fail with one line
 * that names the feature.
 */
export function readPeftConfig(configPath: string): PeftConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(configPath, "utf8"));
  } catch (error) {
    throw new EmlabError(`${configPath}: invalid JSON (${(error as Error).message})`);
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) throw new EmlabError(`${configPath}: expected a JSON object`);
  const config = raw as Record<string, unknown>;
  const unsupported = (feature: string) => new EmlabError(`${configPath}: ${feature} is not supported (plain LoRA only); ${MERGE_ADVICE}`);
  if (config.peft_type !== undefined && config.peft_type !== "LORA") throw unsupported(`peft_type ${String(config.peft_type)}`);
  if (config.use_dora) throw unsupported("a DoRA adapter (use_dora)");
  if (Array.isArray(config.modules_to_save) && config.modules_to_save.length > 0) {
    throw unsupported(`modules_to_save (${config.modules_to_save.join(", ")}: whole modules trained, e.g. embeddings with extra tokens)`);
  }
  for (const key of ["rank_pattern", "alpha_pattern"]) {
    const pattern = config[key];
    if (pattern && typeof pattern === "object" && Object.keys(pattern).length > 0) throw unsupported(`per-module ${key}`);
  }
  if (config.bias !== undefined && config.bias !== "none") throw unsupported(`bias: ${String(config.bias)} (trained biases)`);

  const rank = config.r;
  const alpha = config.lora_alpha ?? rank;
  if (typeof rank !== "number" || !Number.isInteger(rank) || rank <= 0) throw new EmlabError(`${configPath}: 'r' must be a positive integer`);
  if (typeof alpha !== "number" || !Number.isFinite(alpha)) throw new EmlabError(`${configPath}: 'lora_alpha' must be a number`);
  const useRslora = config.use_rslora === true;
  return {
    rank,
    alpha,
    useRslora,
    scaling: useRslora ? alpha / Math.sqrt(rank) : alpha / rank,
    targetModules: targetModules(config.target_modules),
    layersToTransform: layers(configPath, config.layers_to_transform),
    fanInFanOut: config.fan_in_fan_out === true,
    baseModel: typeof config.base_model_name_or_path === "string" ? config.base_model_name_or_path : null,
  };
}

function targetModules(value: unknown): string[] | string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(String);
  return null;
}

function layers(configPath: string, value: unknown): number[] | null {
  if (value === undefined || value === null) return null;
  const list = typeof value === "number" ? [value] : value;
  if (!Array.isArray(list) || !list.every((n) => Number.isInteger(n) && n >= 0)) {
    throw new EmlabError(`${configPath}: layers_to_transform must be a layer index or a list of them`);
  }
  return [...(list as number[])].sort((a, b) => a - b);
}
