import { EmlabError } from "../errors.js";
import type { SafetensorsTensor } from "./safetensors.js";

/**
 * One LoRA pair: A [rank, in], B [out, rank] (PyTorch layout, also GGUF's `lora_a` / `lora_b` data).
 * `layer` is null for a module outside the blocks (lm_head). `module` is the Hugging Face name (q_proj…).
 */
export interface LoraPair {
  layer: number | null;
  module: string;
  rank: number;
  inFeatures: number;
  outFeatures: number;
  a: Float32Array;
  b: Float32Array;
}

/** An adapter as plain pairs: the effect on a module is scale · scaling · B·A. */
export interface LoraPairs {
  path: string;
  scaling: number;
  pairs: LoraPair[];
}

/** `layer 3 q_proj` or `lm_head`, for messages. */
export function loraSite(layer: number | null, module: string): string {
  return layer === null ? module : `layer ${layer} ${module}`;
}

/** Halves of pairs collected by (layer, module) while reading a file. */
export class PairCollector {
  private readonly halves = new Map<string, { layer: number | null; module: string; a?: SafetensorsTensor; b?: SafetensorsTensor }>();

  add(layer: number | null, module: string, half: "a" | "b", tensor: SafetensorsTensor): void {
    const key = `${layer}.${module}`;
    const entry = this.halves.get(key) ?? { layer, module };
    entry[half] = tensor;
    this.halves.set(key, entry);
  }

  /** Complete pairs, in the order first seen; a lone half or shapes that do not fit is an error. */
  pairs(origin: string): LoraPair[] {
    return [...this.halves.values()].map((h) => {
      const site = loraSite(h.layer, h.module);
      if (!h.a || !h.b) throw new EmlabError(`${origin}: ${site} has only one of lora_A / lora_B`);
      const [r, inFeatures] = h.a.shape as [number, number];
      const [outFeatures, rB] = h.b.shape as [number, number];
      if (h.a.shape.length !== 2 || h.b.shape.length !== 2 || r !== rB) {
        throw new EmlabError(`${origin}: ${site}: lora_A [${h.a.shape}] and lora_B [${h.b.shape}] do not fit`);
      }
      return { layer: h.layer, module: h.module, rank: r, inFeatures, outFeatures, a: h.a.data, b: h.b.data };
    });
  }
}
