import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { EmlabError } from "../../../errors.js";
import { readOnnxModelDir } from "../model-dir.js";
import { BLOCK_MODULES, LORA_MODULES, siteKey } from "./projection-sites.js";
import { spliceLoraBranches } from "./splice-lora.js";

export interface AddLoraOptions {
  /** Which weight file to rewrite (fp32, fp16, q4, q4f16…; default fp32). */
  dtype?: string;
  /** Largest total LoRA rank per module the engine will feed (default 64). */
  rankMax?: number;
  /** Modules to adapt (default all seven block projections; `lm_head` only when listed). */
  modules?: readonly string[];
}

export interface AddLoraResult {
  file: string;
  /** `layer.module` of every projection that got a branch, e.g. `0.q_proj` or `0.qkv_proj`; `lm_head`. */
  sites: string[];
  /** The activation type of the branches. */
  types: string[];
}

export const DEFAULT_RANK_MAX = 64;

/**
 * Write `onnx/model{suffix}_lora.onnx` beside an export's graph: the same graph with a LoRA branch on
 * each block projection (see spliceLoraBranches). External data keeps working because the new graph
 * sits in the same folder and references it by the same relative paths. Written to a temporary file
 * and renamed, so an error leaves nothing behind.
 */
export function addLoraToExport(dir: string, options: AddLoraOptions = {}): AddLoraResult {
  const rankMax = options.rankMax ?? DEFAULT_RANK_MAX;
  if (!Number.isInteger(rankMax) || rankMax < 1) throw new EmlabError(`--rank-max must be a positive integer, got ${rankMax}`);
  const modules = options.modules ?? BLOCK_MODULES;
  const unknown = modules.filter((m) => !LORA_MODULES.includes(m));
  if (unknown.length || modules.length === 0) {
    throw new EmlabError(`--modules: unknown module ${unknown.join(", ") || "(none given)"} (choose from ${LORA_MODULES.join(", ")})`);
  }
  const files = readOnnxModelDir(dir, options.dtype ?? "fp32");
  const { chunks, sites } = spliceLoraBranches(readFileSync(files.modelFile), { modules, rankMax, config: files.config, origin: files.modelFile });
  const file = join(dirname(files.modelFile), basename(files.modelFile, ".onnx") + "_lora.onnx");
  const temporary = `${file}.tmp-${process.pid}`;
  try {
    writeChunks(temporary, chunks);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  return {
    file,
    sites: sites.map((s) => siteKey(s.layer, s.module)),
    types: [...new Set(sites.map((s) => (s.elemType === 10 ? "float16" : "float32")))],
  };
}

function writeChunks(path: string, chunks: readonly Uint8Array[]): void {
  const fd = openSync(path, "w");
  try {
    for (const chunk of chunks) for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done);
  } finally {
    closeSync(fd);
  }
}
