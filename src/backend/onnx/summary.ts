import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { DTYPE_SUFFIX, readOnnxModelDir } from "./model-dir.js";

/** What `emlab inspect` shows of an ONNX export directory (read from its JSON files; no graph is loaded). */
export interface OnnxDirSummary {
  kind: "onnx-model";
  path: string;
  architecture: string | null;
  layers: number | null;
  hiddenSize: number | null;
  attentionHeads: number | null;
  kvHeads: number | null;
  vocabSize: number | null;
  contextLength: number | null;
  /** Weight files present, by dtype; `lora` marks a graph that takes LoRA inputs. */
  dtypes: { dtype: string; file: string; lora: boolean }[];
  chatTemplate: boolean;
}

const numberOrNull = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

export function summarizeOnnxDir(path: string): OnnxDirSummary {
  const onnxDir = join(path, "onnx");
  const files = new Set(existsSync(onnxDir) ? readdirSync(onnxDir) : []);
  const dtypes = Object.entries(DTYPE_SUFFIX)
    .map(([dtype, suffix]) => ({ dtype, suffix, file: [`model${suffix}.onnx`, `decoder_model_merged${suffix}.onnx`].find((f) => files.has(f)) }))
    .filter((d): d is { dtype: string; suffix: string; file: string } => d.file !== undefined)
    .map(({ dtype, suffix, file }) => ({ dtype, file: `onnx/${file}`, lora: files.has(`model${suffix}_lora.onnx`) }));
  // Validates the directory the way loading does (config, tokenizer, at least one weight file).
  const dir = readOnnxModelDir(path, dtypes[0]?.dtype ?? "fp32");
  const c = dir.config;
  return {
    kind: "onnx-model",
    path: dir.dir,
    architecture: typeof c.model_type === "string" ? c.model_type : null,
    layers: numberOrNull(c.num_hidden_layers),
    hiddenSize: numberOrNull(c.hidden_size),
    attentionHeads: numberOrNull(c.num_attention_heads),
    kvHeads: numberOrNull(c.num_key_value_heads ?? c.num_attention_heads),
    vocabSize: numberOrNull(c.vocab_size),
    contextLength: numberOrNull(c.max_position_embeddings),
    dtypes,
    chatTemplate: typeof dir.tokenizerConfig.chat_template === "string" || existsSync(join(dir.dir, "chat_template.jinja")),
  };
}

export function formatOnnxSummary(s: OnnxDirSummary): string {
  const show = (value: number | string | null) => (value === null ? "?" : String(value));
  return (
    [
      `${s.path}: ONNX model (Transformers.js layout)`,
      `  architecture   ${show(s.architecture)}`,
      `  layers         ${show(s.layers)}, hidden ${show(s.hiddenSize)}, heads ${show(s.attentionHeads)} (kv ${show(s.kvHeads)})`,
      `  vocabulary     ${show(s.vocabSize)}`,
      `  context        ${show(s.contextLength)}`,
      `  weights        ${s.dtypes.map((d) => `${d.dtype} (${d.file}${d.lora ? ", LoRA graph" : ""})`).join(", ")}`,
      `  chat template  ${s.chatTemplate ? "yes" : "no"}`,
    ].join("\n") + "\n"
  );
}
