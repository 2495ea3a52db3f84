import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { EmlabError } from "../../errors.js";
import type { LoraSpec } from "../types.js";
import type { LoraGraphInput } from "./decoder-graph.js";
import { ort } from "./runtime.js";
import { metaNumber, metaString, readGgufInfo, readGgufTensor } from "../../gguf/reader.js";
import { readSafetensors, type SafetensorsTensor } from "./safetensors.js";

/**
 * One LoRA pair: A [rank, in], B [out, rank] (PyTorch layout, also GGUF's `lora_a` / `lora_b` data).
 * `layer` is null for a module outside the blocks (lm_head).
 */
export interface PeftLoraPair {
  layer: number | null;
  module: string;
  rank: number;
  inFeatures: number;
  outFeatures: number;
  a: Float32Array;
  b: Float32Array;
}

export interface PeftAdapter {
  path: string;
  /** lora_alpha / r, or lora_alpha / sqrt(r) with use_rslora. */
  scaling: number;
  pairs: PeftLoraPair[];
}

/** `layer 3 q_proj` or `lm_head`, for messages. */
export function loraSite(layer: number | null, module: string): string {
  return layer === null ? module : `layer ${layer} ${module}`;
}

const MERGE_ADVICE = "the ONNX backend feeds only plain LoRA pairs (A/B) to the graph; export the model with this adapter merged into its weights";

const PEFT_KEY = /(?:layers\.(\d+)\.(?:self_attn|mlp)\.([A-Za-z0-9_]+)|(lm_head))\.lora_(A|B)(?:\.default)?\.weight$/;

/**
 * Read a LoRA adapter for the ONNX backend: a PEFT directory (adapter_config.json +
 * adapter_model.safetensors, or the .safetensors file with the config beside it), or a GGUF LoRA
 * (the llama backend's format), so one adapter file can serve both engines.
 */
export function readLoraAdapter(path: string): PeftAdapter {
  const full = resolve(path);
  if (!existsSync(full)) throw new EmlabError(`${full}: LoRA adapter not found`);
  if (statSync(full).isFile() && isGguf(full)) return readGgufLora(full);
  return readPeftAdapter(full);
}

function isGguf(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const magic = Buffer.alloc(4);
    return readSync(fd, magic, 0, 4, 0) === 4 && magic.toString("latin1") === "GGUF";
  } finally {
    closeSync(fd);
  }
}

/** Read a PEFT LoRA adapter directory (or its .safetensors file with adapter_config.json beside it). */
export function readPeftAdapter(path: string): PeftAdapter {
  const full = resolve(path);
  if (!existsSync(full)) throw new EmlabError(`${full}: LoRA adapter not found`);
  const dir = statSync(full).isDirectory() ? full : dirname(full);
  const weights = statSync(full).isDirectory() ? join(dir, "adapter_model.safetensors") : full;
  const configPath = join(dir, "adapter_config.json");
  if (!existsSync(weights) || !existsSync(configPath)) {
    throw new EmlabError(
      `${full}: not a LoRA adapter the ONNX backend reads: a PEFT LoRA (adapter_config.json + adapter_model.safetensors) ` +
        `or a GGUF LoRA; for other adapters ${MERGE_ADVICE}`,
    );
  }
  let config: Record<string, unknown>;
  try {
    config = JSON.parse(readFileSync(configPath, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new EmlabError(`${configPath}: invalid JSON (${(error as Error).message})`);
  }
  if (config.peft_type !== undefined && config.peft_type !== "LORA") throw new EmlabError(`${configPath}: peft_type ${String(config.peft_type)} is not LORA; ${MERGE_ADVICE}`);
  if (config.use_dora) throw new EmlabError(`${configPath}: a DoRA adapter (use_dora) is not a plain LoRA; ${MERGE_ADVICE}`);
  for (const key of ["rank_pattern", "alpha_pattern"]) {
    const pattern = config[key];
    if (pattern && typeof pattern === "object" && Object.keys(pattern).length > 0) throw new EmlabError(`${configPath}: per-module ${key} is not supported; ${MERGE_ADVICE}`);
  }
  const rank = config.r;
  const alpha = config.lora_alpha ?? rank;
  if (typeof rank !== "number" || rank <= 0 || typeof alpha !== "number") throw new EmlabError(`${configPath}: needs a positive 'r' and a numeric 'lora_alpha'`);
  const scaling = config.use_rslora ? alpha / Math.sqrt(rank) : alpha / rank;

  const halves = new Map<string, { layer: number | null; module: string; a?: SafetensorsTensor; b?: SafetensorsTensor }>();
  for (const [name, tensor] of readSafetensors(weights)) {
    const match = PEFT_KEY.exec(name);
    if (!match) {
      throw new EmlabError(
        `${weights}: tensor ${name} is not a LoRA pair half (…layers.N.<module>.lora_A/B.weight or lm_head.lora_A/B.weight); ` +
          `adapters that also train whole modules or biases (modules_to_save, bias) need a merged export: ${MERGE_ADVICE}`,
      );
    }
    const layer = match[1] === undefined ? null : Number(match[1]);
    const module = match[2] ?? match[3]!;
    const key = `${layer}.${module}`;
    const entry = halves.get(key) ?? { layer, module };
    if (match[4] === "A") entry.a = tensor;
    else entry.b = tensor;
    halves.set(key, entry);
  }
  return { path: full, scaling, pairs: [...halves.values()].map((h) => loraPair(weights, h.layer, h.module, h.a, h.b)) };
}

/** GGUF LoRA block tensor names (llama.cpp) to Hugging Face module names. */
const GGUF_MODULE: Readonly<Record<string, string>> = {
  attn_q: "q_proj",
  attn_k: "k_proj",
  attn_v: "v_proj",
  attn_output: "o_proj",
  ffn_gate: "gate_proj",
  ffn_up: "up_proj",
  ffn_down: "down_proj",
};
const GGUF_KEY = /^(?:blk\.(\d+)\.([a-z_]+)|(output))\.weight\.lora_(a|b)$/;

/**
 * A GGUF LoRA adapter (`general.type = adapter`, `adapter.type = lora`): `<tensor>.lora_a` holds
 * PyTorch's A [rank, in] and `.lora_b` B [out, rank]; the effect is scale·alpha/rank·B·A as in
 * llama.cpp (alpha 0 or absent: scale alone).
 */
export function readGgufLora(path: string): PeftAdapter {
  const info = readGgufInfo(path);
  if (metaString(info, "general.type") !== "adapter" || metaString(info, "adapter.type") !== "lora") {
    throw new EmlabError(`${path}: not a GGUF LoRA adapter (general.type=adapter, adapter.type=lora expected)`);
  }
  const halves = new Map<string, { layer: number | null; module: string; a?: SafetensorsTensor; b?: SafetensorsTensor }>();
  let rank: number | undefined;
  for (const tensor of info.tensors) {
    const match = GGUF_KEY.exec(tensor.name);
    const module = match ? (match[3] ? "lm_head" : GGUF_MODULE[match[2]!]) : undefined;
    if (!match || !module) throw new EmlabError(`${path}: tensor ${tensor.name} is not a LoRA pair of a Linear layer the ONNX backend knows; ${MERGE_ADVICE}`);
    const layer = match[1] === undefined ? null : Number(match[1]);
    // GGUF dimension order is reversed: shape [in, r] is PyTorch's [r, in].
    const data = { shape: tensor.shape.slice().reverse(), data: readGgufTensor(info, tensor.name) };
    const key = `${layer}.${module}`;
    const entry = halves.get(key) ?? { layer, module };
    if (match[4] === "a") entry.a = data;
    else entry.b = data;
    halves.set(key, entry);
    if (match[4] === "a") rank = data.shape[0];
  }
  if (rank === undefined) throw new EmlabError(`${path}: this GGUF adapter holds no LoRA tensors`);
  const alpha = metaNumber(info, "adapter.lora.alpha") ?? 0;
  const pairs = [...halves.values()].map((h) => loraPair(path, h.layer, h.module, h.a, h.b));
  // llama.cpp applies alpha/rank per pair; PeftAdapter has one scaling, so fold each pair's into its B.
  for (const p of pairs) {
    const s = alpha === 0 ? 1 : alpha / p.rank;
    if (s !== 1) p.b = p.b.map((v) => v * s);
  }
  return { path, scaling: 1, pairs };
}

function loraPair(origin: string, layer: number | null, module: string, a: SafetensorsTensor | undefined, b: SafetensorsTensor | undefined): PeftLoraPair {
  const site = loraSite(layer, module);
  if (!a || !b) throw new EmlabError(`${origin}: ${site} has only one of lora_A / lora_B`);
  const [r, inFeatures] = a.shape as [number, number];
  const [outFeatures, rB] = b.shape as [number, number];
  if (a.shape.length !== 2 || b.shape.length !== 2 || r !== rB) {
    throw new EmlabError(`${origin}: ${site}: lora_A [${a.shape}] and lora_B [${b.shape}] do not fit`);
  }
  return { layer, module, rank: r, inFeatures, outFeatures, a: a.data, b: b.data };
}

/**
 * Graph inputs for a set of adapters: per (layer, module), A = [A1ᵀ | A2ᵀ …] of shape [in, R] and
 * B = [s1·B1ᵀ ; s2·B2ᵀ …] of shape [R, out], so x·A·B = Σ sᵢ·x·Aᵢᵀ·Bᵢᵀ with sᵢ = scaleᵢ·scalingᵢ.
 * Modules no adapter touches get rank-1 zeros (an exact no-op).
 */
export function loraFeeds(inputs: readonly LoraGraphInput[], adapters: readonly { adapter: PeftAdapter; scale: number }[]): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  const wanted = new Set(inputs.map((i) => `${i.layer}.${i.module}`));
  for (const { adapter } of adapters) {
    for (const p of adapter.pairs) {
      if (!wanted.has(`${p.layer}.${p.module}`)) {
        throw new EmlabError(`${adapter.path}: adapts ${loraSite(p.layer, p.module)}, which this ONNX export takes no LoRA input for`);
      }
    }
  }
  for (const a of inputs.filter((i) => i.part === "A")) {
    const b = inputs.find((i) => i.part === "B" && i.layer === a.layer && i.module === a.module);
    if (!b) throw new Error(`LoRA input ${a.name} has no matching B input`);
    const used = adapters.flatMap(({ adapter, scale }) =>
      adapter.pairs.filter((p) => p.layer === a.layer && p.module === a.module).map((p) => ({ p, s: scale * adapter.scaling, path: adapter.path })),
    );
    for (const { p, path } of used) {
      if (p.inFeatures !== a.features || p.outFeatures !== b.features) {
        throw new EmlabError(`${path}: ${loraSite(p.layer, p.module)} is [${p.outFeatures}×${p.inFeatures}], the model's is [${b.features}×${a.features}]`);
      }
    }
    const total = Math.max(1, used.reduce((n, u) => n + u.p.rank, 0));
    const matA = new Float32Array(a.features * total);
    const matB = new Float32Array(total * b.features);
    let offset = 0;
    for (const { p, s } of used) {
      for (let k = 0; k < p.rank; k++) {
        for (let i = 0; i < p.inFeatures; i++) matA[i * total + offset + k] = p.a[k * p.inFeatures + i]!;
        for (let o = 0; o < p.outFeatures; o++) matB[(offset + k) * b.features + o] = s * p.b[o * p.rank + k]!;
      }
      offset += p.rank;
    }
    feeds[a.name] = new ort.Tensor("float32", matA, [a.features, total]);
    feeds[b.name] = new ort.Tensor("float32", matB, [total, b.features]);
  }
  return feeds;
}

/** True when the adapters change nothing (no adapters, or all at scale 0). */
export function isNoAdapter(lora: readonly LoraSpec[]): boolean {
  return lora.every((l) => l.scale === 0);
}
