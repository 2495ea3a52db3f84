import { resolve } from "node:path";
import type { WeightVariant } from "./types.js";

/**
 * The one key of a weight variant: conditions with equal keys share one session (one KV cache).
 * Paths are resolved, so `a.gguf` and `./a.gguf` are the same adapter; the order of adapters counts.
 */
export function weightKey(weights: WeightVariant): string {
  return JSON.stringify(weights.lora.map((l) => [resolve(l.path), l.scale]));
}

/** Items grouped by the weight variant they run with, in first-seen order. */
export function groupByWeights<T extends { weights: WeightVariant }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = weightKey(item.weights);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
