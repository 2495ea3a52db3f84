import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { parseGgufLoraName } from "../../adapters/gguf-lora-names.js";
import { loraSite, PairCollector, type LoraPairs } from "../../adapters/lora-pairs.js";
import { isPeftPath, MERGE_ADVICE } from "../../adapters/peft-config.js";
import { readPeftAdapter } from "../../adapters/peft-reader.js";
import { EmlabError } from "../../errors.js";
import { float32ToFloat16Bits } from "../../gguf/tensor-encoding.js";
import { metaNumber, metaString, readGgufInfo, readGgufTensor } from "../../gguf/reader.js";
import type { LoraSpec } from "../types.js";
import type { LoraGraphInput } from "./decoder-graph.js";
import { ort } from "./runtime.js";

/**
 * Read a LoRA adapter for the ONNX backend: a PEFT directory (adapter_config.json +
 * adapter_model.safetensors, or the .safetensors file with the config beside it), or a GGUF LoRA
 * (the llama backend's format), so one adapter file can serve both engines.
 */
export function readLoraAdapter(path: string): LoraPairs {
  const full = resolve(path);
  if (!existsSync(full)) throw new EmlabError(`${full}: LoRA adapter not found`);
  if (statSync(full).isFile() && isGguf(full)) return readGgufLora(full);
  if (!isPeftPath(full)) {
    throw new EmlabError(
      `${full}: not a LoRA adapter the ONNX backend reads: a PEFT LoRA (adapter_config.json + adapter_model.safetensors) ` +
        `or a GGUF LoRA; for other adapters ${MERGE_ADVICE}`,
    );
  }
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

/**
 * A GGUF LoRA adapter (`general.type = adapter`, `adapter.type = lora`): `<tensor>.lora_a` holds
 * PyTorch's A [rank, in] and `.lora_b` B [out, rank]; the effect is scale·alpha/rank·B·A as in
 * llama.cpp (alpha 0 or absent: scale alone).
 */
export function readGgufLora(path: string): LoraPairs {
  const info = readGgufInfo(path);
  if (metaString(info, "general.type") !== "adapter" || metaString(info, "adapter.type") !== "lora") {
    throw new EmlabError(`${path}: not a GGUF LoRA adapter (general.type=adapter, adapter.type=lora expected)`);
  }
  const collector = new PairCollector();
  for (const tensor of info.tensors) {
    const parsed = parseGgufLoraName(tensor.name);
    if (!parsed || parsed.module === "embed_tokens") throw new EmlabError(`${path}: tensor ${tensor.name} is not a LoRA pair of a Linear layer the ONNX backend knows; ${MERGE_ADVICE}`);
    // GGUF dimension order is reversed: shape [in, r] is PyTorch's [r, in].
    collector.add(parsed.layer, parsed.module, parsed.half, { shape: tensor.shape.slice().reverse(), data: readGgufTensor(info, tensor.name) });
  }
  const pairs = collector.pairs(path);
  if (pairs.length === 0) throw new EmlabError(`${path}: this GGUF adapter holds no LoRA tensors`);
  const alpha = metaNumber(info, "adapter.lora.alpha") ?? 0;
  // llama.cpp applies alpha/rank per pair; LoraPairs has one scaling, so fold each pair's into its B.
  for (const p of pairs) {
    const s = alpha === 0 ? 1 : alpha / p.rank;
    if (s !== 1) p.b = p.b.map((v) => v * s);
  }
  return { path, scaling: 1, pairs };
}

/**
 * Graph inputs for a set of adapters: per (layer, module), A = [A1ᵀ | A2ᵀ …] of shape [in, R] and
 * B = [s1·B1ᵀ ; s2·B2ᵀ …] of shape [R, out], so x·A·B = Σ sᵢ·x·Aᵢᵀ·Bᵢᵀ with sᵢ = scaleᵢ·scalingᵢ.
 * Modules no adapter touches get rank-1 zeros (an exact no-op). Inputs typed float16 (graphs whose
 * projections compute in float16) get the matrices rounded to float16. `rankMax` is the largest R the
 * graph was made for (`emlab onnx add-lora --rank-max`), when it records one.
 */
export function loraFeeds(
  inputs: readonly LoraGraphInput[],
  adapters: readonly { adapter: LoraPairs; scale: number }[],
  rankMax?: { limit: number; file: string },
): Record<string, ort.Tensor> {
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
    if (rankMax && total > rankMax.limit) {
      throw new EmlabError(
        `${used.map((u) => u.path).join(", ")}: total LoRA rank ${total} on ${loraSite(a.layer, a.module)} exceeds ${rankMax.file}'s rank limit ` +
          `${rankMax.limit}; rerun emlab onnx add-lora with --rank-max ${total} or more`,
      );
    }
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
    feeds[a.name] = loraTensor(a, matA, [a.features, total]);
    feeds[b.name] = loraTensor(b, matB, [total, b.features]);
  }
  return feeds;
}

function loraTensor(input: LoraGraphInput, data: Float32Array, dims: number[]): ort.Tensor {
  if (input.type === "float32") return new ort.Tensor("float32", data, dims);
  return new ort.Tensor("float16", Uint16Array.from(data, float32ToFloat16Bits), dims);
}

/** True when the adapters change nothing (no adapters, or all at scale 0). */
export function isNoAdapter(lora: readonly LoraSpec[]): boolean {
  return lora.every((l) => l.scale === 0);
}
