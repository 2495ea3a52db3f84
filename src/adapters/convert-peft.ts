import { basename } from "node:path";
import { EmlabError } from "../errors.js";
import { gguf } from "../gguf/metadata.js";
import { metaString, readGgufInfo } from "../gguf/reader.js";
import { writeGguf, type GgufTensorInput } from "../gguf/writer.js";
import { CONVERTIBLE_ARCHITECTURES, ggufWeightName } from "./gguf-lora-names.js";
import { ggufModelShapes, siteMisfit } from "./model-shapes.js";
import { readPeftAdapter } from "./peft-reader.js";

export type AdapterTensorType = "f32" | "f16";

export interface ConvertOptions {
  /** PEFT adapter directory (or its adapter_model.safetensors). */
  peft: string;
  /** The base model the adapter is for (GGUF): names, architecture and shapes are checked against it. */
  base: string;
  out: string;
  /** Type of the written lora_a / lora_b tensors; f32 (default) keeps F32/F16/BF16 inputs exact. */
  type?: AdapterTensorType;
}

export interface ConvertResult {
  out: string;
  architecture: string;
  rank: number;
  /** adapter.lora.alpha as written: llama.cpp's alpha / r equals PEFT's scaling. */
  ggufAlpha: number;
  scaling: number;
  pairs: number;
  layers: number[];
}

/**
 * Convert a PEFT LoRA to a GGUF LoRA for llama.cpp. llama.cpp scales every pair by alpha / r (r from
 * the pair's own tensors), so `adapter.lora.alpha` is PEFT's scaling × r: that covers rsLoRA
 * (alpha/√r), which llama.cpp's own converter ignores. Every error is found before anything is
 * written, and the writer renames a finished temp file into place.
 */
export function convertPeftToGguf(options: ConvertOptions): ConvertResult {
  const adapter = readPeftAdapter(options.peft);
  const architecture = checkBaseModel(options.base);
  const shapes = ggufModelShapes(options.base);
  if (adapter.scaling === 0) throw new EmlabError(`${adapter.files.config}: lora_alpha is 0, so the adapter changes nothing`);
  const ggufAlpha = adapter.scaling * adapter.config.rank;
  const type = options.type === "f16" ? "F16" : "F32";
  const tensors: GgufTensorInput[] = [];
  for (const pair of adapter.pairs) {
    const misfit = siteMisfit(shapes, pair);
    if (misfit) throw new EmlabError(`${adapter.files.weights}: ${misfit}`);
    const weight = ggufWeightName(pair.layer, pair.module)!;
    // A pair whose rank differs from r: llama.cpp divides by the pair's rank, PEFT by r.
    const b = pair.rank === adapter.config.rank ? pair.b : pair.b.map((v) => (v * pair.rank) / adapter.config.rank);
    // llama.cpp looks token_embd's lora_a up by token: it wants A transposed, one row of r per token.
    if (pair.module === "embed_tokens") tensors.push({ name: `${weight}.lora_a`, shape: [pair.rank, pair.inFeatures], type, data: transpose(pair.a, pair.rank, pair.inFeatures) });
    else tensors.push({ name: `${weight}.lora_a`, shape: [pair.inFeatures, pair.rank], type, data: pair.a });
    tensors.push({ name: `${weight}.lora_b`, shape: [pair.rank, pair.outFeatures], type, data: b });
  }
  writeGguf(options.out, {
    metadata: {
      "general.architecture": gguf.str(architecture),
      "general.type": gguf.str("adapter"),
      "general.name": gguf.str(basename(adapter.path)),
      "adapter.type": gguf.str("lora"),
      "adapter.lora.alpha": gguf.f32(ggufAlpha),
    },
    tensors,
  });
  const layers = [...new Set(adapter.pairs.flatMap((p) => (p.layer === null ? [] : [p.layer])))].sort((x, y) => x - y);
  return { out: options.out, architecture, rank: adapter.config.rank, ggufAlpha, scaling: adapter.scaling, pairs: adapter.pairs.length, layers };
}

/** The base model's architecture, after checking that the converter knows it. */
function checkBaseModel(path: string): string {
  const info = readGgufInfo(path);
  if (metaString(info, "general.type") === "adapter") throw new EmlabError(`${path}: this is an adapter; --base needs the base model`);
  const architecture = metaString(info, "general.architecture");
  if (!architecture || !CONVERTIBLE_ARCHITECTURES.includes(architecture)) {
    throw new EmlabError(`${path}: architecture '${architecture ?? "unknown"}': emlab converts adapters for ${CONVERTIBLE_ARCHITECTURES.join(" and ")}`);
  }
  return architecture;
}

/** A rows × cols row-major matrix, transposed. */
function transpose(m: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(m.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c]!;
  return out;
}
