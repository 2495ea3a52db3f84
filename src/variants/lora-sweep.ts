import type { WeightVariant } from "../backend/types.js";

/**
 * LoRA dose-response: the same adapters at each scale of a sweep. The swept scale applies to every
 * adapter without a fixed scale of its own (`fixed[i]`); scale 0 keeps the adapters listed
 * (identical output, but the run records exactly what was loaded).
 */
export function loraWeights(adapters: readonly string[], scale: number, fixed: readonly (number | null)[] = []): WeightVariant {
  return { lora: adapters.map((path, i) => ({ path, scale: fixed[i] ?? scale })) };
}

export function loraSweep(adapters: readonly string[], scales: readonly number[], fixed: readonly (number | null)[] = []): { scale: number; weights: WeightVariant }[] {
  return scales.map((scale) => ({ scale, weights: loraWeights(adapters, scale, fixed) }));
}
