import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { EmlabError } from "../errors.js";
import { metaNumber, metaString, readGgufInfo } from "../gguf/reader.js";
import { GGUF_BLOCK_MODULE, ggufWeightName } from "./gguf-lora-names.js";
import { loraSite } from "./lora-pairs.js";

/** The Linear layers of a model an adapter can adapt, read from its files without loading it. */
export interface ModelShapes {
  /** For messages: the model file or folder name. */
  name: string;
  architecture: string;
  layers: number | null;
  /** Modules the engine cannot adapt at all, with the reason. */
  unsupported?: Readonly<Record<string, string>>;
  /**
   * [in, out] of a module's weight; undefined when the architecture has no such module, null when
   * the model has no separate tensor for it (an output layer tied to the embeddings).
   */
  linear(layer: number | null, module: string): readonly [number, number] | null | undefined;
}

/** One adapted module: what the adapter expects of it. */
export interface AdaptedSite {
  layer: number | null;
  module: string;
  inFeatures: number;
  outFeatures: number;
}

const MODULES = [...Object.keys(GGUF_BLOCK_MODULE), "lm_head", "embed_tokens"];

/** Shapes from a GGUF model's tensor table (header only). */
export function ggufModelShapes(path: string): ModelShapes {
  const info = readGgufInfo(path);
  const architecture = metaString(info, "general.architecture") ?? "unknown";
  return {
    name: basename(path),
    architecture,
    layers: metaNumber(info, `${architecture}.block_count`) ?? null,
    linear(layer, module) {
      const weight = ggufWeightName(layer, module);
      if (weight === undefined) return undefined;
      const tensor = info.tensors.find((t) => t.name === weight);
      if (!tensor || tensor.shape.length !== 2) return null;
      // token_embd is [dim, vocab]: as a map from one-hot tokens it takes vocab in, gives dim out.
      return module === "embed_tokens" ? [tensor.shape[1]!, tensor.shape[0]!] : [tensor.shape[0]!, tensor.shape[1]!];
    },
  };
}

/** Shapes from an ONNX model folder's config.json (Hugging Face names). */
export function onnxModelShapes(dir: string): ModelShapes {
  const path = join(dir, "config.json");
  if (!existsSync(dir) || !statSync(dir).isDirectory() || !existsSync(path)) throw new EmlabError(`${dir}: no config.json (an ONNX model folder has one)`);
  const config = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  const num = (key: string) => (typeof config[key] === "number" ? (config[key] as number) : undefined);
  const hidden = num("hidden_size");
  const heads = num("num_attention_heads");
  if (hidden === undefined || heads === undefined) throw new EmlabError(`${path}: needs hidden_size and num_attention_heads`);
  const headDim = num("head_dim") ?? hidden / heads;
  const q = heads * headDim;
  const kv = (num("num_key_value_heads") ?? heads) * headDim;
  const ff = num("intermediate_size") ?? 0;
  const shapes: Record<string, [number, number]> = {
    q_proj: [hidden, q],
    k_proj: [hidden, kv],
    v_proj: [hidden, kv],
    o_proj: [q, hidden],
    gate_proj: [hidden, ff],
    up_proj: [hidden, ff],
    down_proj: [ff, hidden],
    lm_head: [hidden, num("vocab_size") ?? 0],
    embed_tokens: [num("vocab_size") ?? 0, hidden],
  };
  const tied = config.tie_word_embeddings === true;
  return {
    name: basename(dir),
    architecture: typeof config.model_type === "string" ? config.model_type : "unknown",
    layers: num("num_hidden_layers") ?? null,
    unsupported: { embed_tokens: "the ONNX engine takes no LoRA on the embeddings (llama.cpp does)" },
    linear(layer, module) {
      if ((layer === null) !== (module === "lm_head" || module === "embed_tokens") || !(module in shapes)) return undefined;
      return module === "lm_head" && tied ? null : shapes[module]!;
    },
  };
}

/** Why a site does not fit the model, in a few words; null when it fits. */
export function siteMisfit(model: ModelShapes, site: AdaptedSite): string | null {
  const where = loraSite(site.layer, site.module);
  const unsupported = model.unsupported?.[site.module];
  if (unsupported) return `${where}: ${unsupported}`;
  const shape = model.linear(site.layer, site.module);
  if (shape === undefined) return `${where}: '${site.module}' is not a module of ${model.architecture} (${MODULES.join(", ")}): an adapter for another architecture?`;
  if (site.layer !== null && model.layers !== null && site.layer >= model.layers) {
    return `${where}: the base model ${model.name} has ${model.layers} layers: an adapter for another model?`;
  }
  if (shape === null) {
    const why = site.module === "lm_head" ? " (its output layer is tied to the embeddings, which cannot be adapted separately)" : "";
    return `${where}: the base model ${model.name} has no separate weight for it${why}`;
  }
  if (site.module === "embed_tokens" && site.inFeatures > shape[0]) {
    return `${where}: the adapter covers ${site.inFeatures} tokens, ${model.name} has ${shape[0]}: embeddings with extra tokens are not supported`;
  }
  if (shape[0] !== site.inFeatures || shape[1] !== site.outFeatures) {
    return `${where}: the adapter maps ${site.inFeatures} → ${site.outFeatures} features, but ${model.name}'s ${site.module} maps ${shape[0]} → ${shape[1]}: an adapter for another model?`;
  }
  return null;
}
