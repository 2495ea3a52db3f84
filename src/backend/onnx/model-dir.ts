import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { EmlabError } from "../../errors.js";
import { externalDataLocations } from "./external-data-refs.js";

/** Weight-file suffixes of the Optimum / Transformers.js layout, by dtype. */
export const DTYPE_SUFFIX: Readonly<Record<string, string>> = Object.freeze({
  fp32: "",
  fp16: "_fp16",
  q8: "_quantized",
  int8: "_int8",
  uint8: "_uint8",
  q4: "_q4",
  q4f16: "_q4f16",
  bnb4: "_bnb4",
});

/** What emlab reads from an exported model directory. */
export interface OnnxModelDir {
  dir: string;
  dtype: string;
  /** onnx/model{suffix}.onnx, or the older onnx/decoder_model_merged{suffix}.onnx. */
  modelFile: string;
  /** onnx/model{suffix}_lora.onnx when the export has a LoRA-input graph. */
  loraModelFile: string | null;
  config: Record<string, unknown>;
  generationConfig: Record<string, unknown>;
  tokenizerJson: Record<string, unknown>;
  tokenizerConfig: Record<string, unknown>;
  /** chat_template.jinja (newer Hugging Face exports keep the template there, not in tokenizer_config.json). */
  chatTemplateFile: string | null;
  /** Files whose bytes determine results, for the model hash. */
  hashedFiles: string[];
}

function readJson(path: string, required: boolean): Record<string, unknown> {
  if (!existsSync(path)) {
    if (required) throw new EmlabError(`${path}: file not found (an ONNX model directory needs it)`);
    return {};
  }
  try {
    const value: unknown = JSON.parse(readFileSync(path, "utf8"));
    if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("not a JSON object");
    return value as Record<string, unknown>;
  } catch (error) {
    throw new EmlabError(`${path}: invalid JSON (${(error as Error).message})`);
  }
}

/** Check an export directory and pick the weight file for `dtype` (default fp32). */
export function readOnnxModelDir(path: string, dtype = "fp32"): OnnxModelDir {
  const dir = resolve(path);
  if (!existsSync(dir)) throw new EmlabError(`${dir}: model directory not found`);
  if (!statSync(dir).isDirectory()) {
    throw new EmlabError(`${dir}: the ONNX backend takes a model directory (config.json, tokenizer.json, onnx/model*.onnx), not a file`);
  }
  const suffix = DTYPE_SUFFIX[dtype];
  if (suffix === undefined) {
    throw new EmlabError(`unknown ONNX dtype '${dtype}' (choose one of ${Object.keys(DTYPE_SUFFIX).join(", ")})`);
  }
  const onnxDir = join(dir, "onnx");
  // Older Optimum exports ship one merged decoder (with a use_cache_branch input) instead of model*.onnx.
  const merged = join(onnxDir, `decoder_model_merged${suffix}.onnx`);
  const plain = join(onnxDir, `model${suffix}.onnx`);
  const modelFile = !existsSync(plain) && existsSync(merged) ? merged : plain;
  if (!existsSync(modelFile)) {
    const files = new Set(existsSync(onnxDir) ? readdirSync(onnxDir) : []);
    const available = Object.entries(DTYPE_SUFFIX)
      .filter(([, s]) => files.has(`model${s}.onnx`) || files.has(`decoder_model_merged${s}.onnx`))
      .map(([d]) => d);
    throw new EmlabError(
      `${modelFile}: no ${dtype} weights in this export` + (available.length ? ` (available dtypes: ${available.join(", ")})` : " (no onnx/model*.onnx files)"),
    );
  }
  const loraFile = join(dir, "onnx", `model${suffix}_lora.onnx`);
  const jinja = join(dir, "chat_template.jinja");
  const files = ["config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json", "chat_template.jinja"].map((f) => join(dir, f));
  const externalData = externalDataFiles(modelFile);
  return {
    dir,
    dtype,
    modelFile,
    loraModelFile: existsSync(loraFile) ? loraFile : null,
    config: readJson(join(dir, "config.json"), true),
    generationConfig: readJson(join(dir, "generation_config.json"), false),
    tokenizerJson: readJson(join(dir, "tokenizer.json"), true),
    tokenizerConfig: readJson(join(dir, "tokenizer_config.json"), true),
    chatTemplateFile: existsSync(jinja) ? readFileSync(jinja, "utf8") : null,
    hashedFiles: [modelFile, ...externalData, ...files.filter((f) => existsSync(f))],
  };
}

/**
 * The external-data files of a graph, all hashed: the ones its tensors name (external_data
 * "location"), and Optimum's names beside it even if unnamed (model.onnx_data or model.onnx.data,
 * large weights split into model.onnx_data_1 … _N).
 */
export function externalDataFiles(modelFile: string): string[] {
  const dir = dirname(modelFile);
  const pattern = new RegExp(`^${escapeRegExp(basename(modelFile))}(?:_data|\\.data)(?:_\\d+)?$`);
  const named = externalDataLocations(modelFile).filter((f) => !f.split(/[\\/]/).includes("..") && !isAbsolute(f));
  const files = new Set([...readdirSync(dir).filter((f) => pattern.test(f)), ...named]);
  return [...files]
    .map((f) => join(dir, f))
    .filter((f) => existsSync(f))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
