import { basename } from "node:path";
import { EmlabError } from "../errors.js";
import { gguf } from "../gguf/metadata.js";
import { metaNumber, metaString, readGgufInfo, type GgufInfo } from "../gguf/reader.js";
import { writeGguf, type GgufTensorInput } from "../gguf/writer.js";
import { CONVERTIBLE_ARCHITECTURES, GGUF_BLOCK_MODULE, ggufWeightName } from "./gguf-lora-names.js";
import { loraSite, type LoraPair } from "./lora-pairs.js";
import { readPeftAdapter, type PeftAdapter } from "./peft-reader.js";

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
  const base = readBaseModel(options.base);
  const architecture = metaString(base, "general.architecture")!;
  if (adapter.scaling === 0) throw new EmlabError(`${adapter.files.config}: lora_alpha is 0, so the adapter changes nothing`);
  const ggufAlpha = adapter.scaling * adapter.config.rank;
  const type = options.type === "f16" ? "F16" : "F32";
  const tensors: GgufTensorInput[] = [];
  for (const pair of adapter.pairs) {
    const weight = checkAgainstBase(adapter, pair, base, architecture);
    // A pair whose rank differs from r: llama.cpp divides by the pair's rank, PEFT by r.
    const b = pair.rank === adapter.config.rank ? pair.b : pair.b.map((v) => (v * pair.rank) / adapter.config.rank);
    tensors.push({ name: `${weight}.lora_a`, shape: [pair.inFeatures, pair.rank], type, data: pair.a });
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

function readBaseModel(path: string): GgufInfo {
  const info = readGgufInfo(path);
  if (metaString(info, "general.type") === "adapter") throw new EmlabError(`${path}: this is an adapter; --base needs the base model`);
  const architecture = metaString(info, "general.architecture");
  if (!architecture || !CONVERTIBLE_ARCHITECTURES.includes(architecture)) {
    throw new EmlabError(`${path}: architecture '${architecture ?? "unknown"}': emlab converts adapters for ${CONVERTIBLE_ARCHITECTURES.join(" and ")}`);
  }
  return info;
}

/** The base weight a pair adapts, after checking that it exists and has the pair's shape. */
function checkAgainstBase(adapter: PeftAdapter, pair: LoraPair, base: GgufInfo, architecture: string): string {
  const site = `${adapter.files.weights}: ${loraSite(pair.layer, pair.module)}`;
  const weight = ggufWeightName(pair.layer, pair.module);
  if (weight === undefined) {
    throw new EmlabError(
      `${site}: '${pair.module}' is not a module of ${architecture} (${[...Object.keys(GGUF_BLOCK_MODULE), "lm_head"].join(", ")}): an adapter for another architecture?`,
    );
  }
  const tensor = base.tensors.find((t) => t.name === weight);
  if (!tensor) {
    const blocks = metaNumber(base, `${architecture}.block_count`);
    if (pair.layer !== null && blocks !== undefined && pair.layer >= blocks) {
      throw new EmlabError(`${site}: the base model ${basename(base.path)} has ${blocks} layers: an adapter for another model?`);
    }
    const why = pair.module === "lm_head" ? " (its output layer is tied to the embeddings, which llama.cpp cannot adapt)" : "";
    throw new EmlabError(`${site}: the base model ${basename(base.path)} has no tensor ${weight}${why}`);
  }
  // GGUF order: a Linear weight is [in, out].
  if (tensor.shape.length !== 2 || tensor.shape[0] !== pair.inFeatures || tensor.shape[1] !== pair.outFeatures) {
    throw new EmlabError(
      `${site}: the adapter maps ${pair.inFeatures} → ${pair.outFeatures} features, but ${weight} of ${basename(base.path)} ` +
        `is [${tensor.shape.join("×")}] (in × out): an adapter for another model?`,
    );
  }
  return weight;
}
