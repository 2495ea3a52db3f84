/**
 * A human-level summary of a GGUF file (what `emlab inspect` prints): model or adapter,
 * architecture, size, tensor types, context, tokenizer and chat template.
 */
import { metaArrayLength, metaBoolean, metaNumber, metaString, type GgufInfo } from "./reader.js";

export interface GgufSummary {
  path: string;
  fileSize: number;
  ggufVersion: number;
  kind: "model" | "adapter";
  architecture: string | null;
  name: string | null;
  parameterCount: number;
  tensorCount: number;
  /** Tensors per ggml type, e.g. { F32: 121, Q8_0: 169 }. */
  tensorTypes: Record<string, number>;
  /** general.file_type as a name (e.g. "Q8_0"), when present. */
  fileType: string | null;
  contextLength: number | null;
  embeddingLength: number | null;
  blockCount: number | null;
  headCount: number | null;
  headCountKv: number | null;
  vocabSize: number | null;
  tokenizerModel: string | null;
  tokenizerPre: string | null;
  addBosToken: boolean | null;
  chatTemplate: boolean;
  adapter: { type: string | null; alpha: number | null; rank: number | null; baseArchitecture: string | null } | null;
}

/** llama_ftype names of the common `general.file_type` values. */
const FILE_TYPES: Record<number, string> = {
  0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 7: "Q8_0", 8: "Q5_0", 9: "Q5_1", 10: "Q2_K", 11: "Q3_K_S", 12: "Q3_K_M",
  13: "Q3_K_L", 14: "Q4_K_S", 15: "Q4_K_M", 16: "Q5_K_S", 17: "Q5_K_M", 18: "Q6_K", 32: "BF16",
};

export function summarizeGguf(info: GgufInfo): GgufSummary {
  const architecture = metaString(info, "general.architecture") ?? null;
  const arch = (key: string) => (architecture ? metaNumber(info, `${architecture}.${key}`) ?? null : null);
  const kind = metaString(info, "general.type") === "adapter" ? "adapter" : "model";
  const tensorTypes: Record<string, number> = {};
  for (const t of info.tensors) tensorTypes[t.typeName] = (tensorTypes[t.typeName] ?? 0) + 1;
  const fileTypeId = metaNumber(info, "general.file_type");
  const loraA = info.tensors.find((t) => t.name.endsWith(".lora_a"));
  return {
    path: info.path,
    fileSize: info.fileSize,
    ggufVersion: info.version,
    kind,
    architecture,
    name: metaString(info, "general.name") ?? null,
    parameterCount: info.tensors.reduce((sum, t) => sum + t.elements, 0),
    tensorCount: info.tensors.length,
    tensorTypes,
    fileType: fileTypeId === undefined ? null : (FILE_TYPES[fileTypeId] ?? `file type ${fileTypeId}`),
    contextLength: arch("context_length"),
    embeddingLength: arch("embedding_length"),
    blockCount: arch("block_count"),
    headCount: arch("attention.head_count"),
    headCountKv: arch("attention.head_count_kv"),
    vocabSize: metaArrayLength(info, "tokenizer.ggml.tokens") ?? arch("vocab_size"),
    tokenizerModel: metaString(info, "tokenizer.ggml.model") ?? null,
    tokenizerPre: metaString(info, "tokenizer.ggml.pre") ?? null,
    addBosToken: metaBoolean(info, "tokenizer.ggml.add_bos_token") ?? null,
    chatTemplate: metaString(info, "tokenizer.chat_template") !== undefined,
    adapter:
      kind === "adapter"
        ? {
            type: metaString(info, "adapter.type") ?? null,
            alpha: metaNumber(info, "adapter.lora.alpha") ?? null,
            rank: loraA?.shape[1] ?? null,
            baseArchitecture: architecture,
          }
        : null,
  };
}

/** The summary as aligned "label: value" lines. */
export function formatGgufSummary(s: GgufSummary): string {
  const rows: [string, string][] = [
    ["file", `${s.path} (${(s.fileSize / 2 ** 20).toFixed(1)} MiB, GGUF v${s.ggufVersion})`],
    ["kind", s.kind],
    ["architecture", s.architecture ?? "?"],
  ];
  if (s.name) rows.push(["name", s.name]);
  rows.push(["parameters", s.parameterCount.toLocaleString("en-US")]);
  rows.push(["tensors", `${s.tensorCount} (${Object.entries(s.tensorTypes).map(([t, n]) => `${t} ×${n}`).join(", ")})`]);
  if (s.fileType) rows.push(["file type", s.fileType]);
  if (s.adapter) {
    rows.push(["adapter", `${s.adapter.type ?? "?"}, alpha ${s.adapter.alpha ?? "?"}, rank ${s.adapter.rank ?? "?"}, for ${s.adapter.baseArchitecture ?? "?"} models`]);
  } else {
    rows.push(["context length", String(s.contextLength ?? "?")]);
    rows.push(["layers", `${s.blockCount ?? "?"} × hidden ${s.embeddingLength ?? "?"}, heads ${s.headCount ?? "?"} (KV ${s.headCountKv ?? "?"})`]);
    rows.push(["vocabulary", `${s.vocabSize ?? "?"} tokens, ${s.tokenizerModel ?? "?"} / ${s.tokenizerPre ?? "?"}${s.addBosToken ? ", adds BOS" : ""}`]);
    rows.push(["chat template", s.chatTemplate ? "yes" : "no"]);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join("\n") + "\n";
}
