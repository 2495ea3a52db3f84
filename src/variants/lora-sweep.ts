import type { WeightVariant } from "../backend/types.js";

/**
 * LoRA dose-response: the same adapters at each scale of a sweep. One scale applies to every
 * adapter of the variant; scale 0 keeps the adapters listed (identical output, but the run records
 * exactly what was loaded).
 */
export function loraWeights(adapters: readonly string[], scale: number): WeightVariant {
  return { lora: adapters.map((path) => ({ path, scale })) };
}

export function loraSweep(adapters: readonly string[], scales: readonly number[]): { scale: number; weights: WeightVariant }[] {
  return scales.map((scale) => ({ scale, weights: loraWeights(adapters, scale) }));
}
