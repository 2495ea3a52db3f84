import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { EmlabError } from "../../errors.js";
import type { LoraSpec } from "../types.js";
import type { LoraGraphInput } from "./decoder-graph.js";
import { ort } from "./runtime.js";
import { readSafetensors } from "./safetensors.js";

/** One LoRA pair of a PEFT adapter: A [rank, in], B [out, rank] (PyTorch layout). */
export interface PeftLoraPair {
  layer: number;
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

const PEFT_KEY = /layers\.(\d+)\.(?:self_attn|mlp)\.([A-Za-z0-9_]+)\.lora_(A|B)(?:\.default)?\.weight$/;

/**
 * Read a PEFT LoRA adapter: a directory with adapter_config.json and adapter_model.safetensors
 * (or the .safetensors file itself, with adapter_config.json beside it).
 */
export function readPeftAdapter(path: string): PeftAdapter {
  const full = resolve(path);
  if (!existsSync(full)) throw new EmlabError(`${full}: LoRA adapter not found`);
  const dir = statSync(full).isDirectory() ? full : dirname(full);
  const weights = statSync(full).isDirectory() ? join(dir, "adapter_model.safetensors") : full;
  const configPath = join(dir, "adapter_config.json");
  if (!existsSync(weights) || !existsSync(configPath)) {
    throw new EmlabError(
      `${full}: the ONNX backend reads PEFT LoRA adapters (adapter_config.json + adapter_model.safetensors); ` +
        `GGUF adapters are for the llama backend`,
    );
  }
  let config: { r?: number; lora_alpha?: number; use_rslora?: boolean; peft_type?: string };
  try {
    config = JSON.parse(readFileSync(configPath, "utf8"));
  } catch (error) {
    throw new EmlabError(`${configPath}: invalid JSON (${(error as Error).message})`);
  }
  if (config.peft_type !== undefined && config.peft_type !== "LORA") throw new EmlabError(`${configPath}: peft_type ${config.peft_type} is not LORA`);
  const rank = config.r;
  const alpha = config.lora_alpha ?? rank;
  if (typeof rank !== "number" || rank <= 0 || typeof alpha !== "number") throw new EmlabError(`${configPath}: needs a positive 'r' and a numeric 'lora_alpha'`);
  const scaling = config.use_rslora ? alpha / Math.sqrt(rank) : alpha / rank;

  const halves = new Map<string, { a?: { shape: number[]; data: Float32Array }; b?: { shape: number[]; data: Float32Array } }>();
  for (const [name, tensor] of readSafetensors(weights)) {
    const match = PEFT_KEY.exec(name);
    if (!match) throw new EmlabError(`${weights}: unexpected tensor ${name} (expected …layers.N.<module>.lora_A/B.weight)`);
    const key = `${match[1]}.${match[2]}`;
    const entry = halves.get(key) ?? {};
    if (match[3] === "A") entry.a = tensor;
    else entry.b = tensor;
    halves.set(key, entry);
  }
  const pairs: PeftLoraPair[] = [];
  for (const [key, { a, b }] of halves) {
    const [layer, module] = key.split(".") as [string, string];
    if (!a || !b) throw new EmlabError(`${weights}: layer ${layer} ${module} has only one of lora_A / lora_B`);
    const [r, inFeatures] = a.shape as [number, number];
    const [outFeatures, rB] = b.shape as [number, number];
    if (a.shape.length !== 2 || b.shape.length !== 2 || r !== rB) {
      throw new EmlabError(`${weights}: layer ${layer} ${module}: lora_A [${a.shape}] and lora_B [${b.shape}] do not fit`);
    }
    pairs.push({ layer: Number(layer), module, rank: r, inFeatures, outFeatures, a: a.data, b: b.data });
  }
  return { path: full, scaling, pairs };
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
        throw new EmlabError(`${adapter.path}: adapts layer ${p.layer} ${p.module}, which this ONNX export takes no LoRA input for`);
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
        throw new EmlabError(`${path}: layer ${p.layer} ${p.module} is [${p.outFeatures}×${p.inFeatures}], the model's is [${b.features}×${a.features}]`);
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
