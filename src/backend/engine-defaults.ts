import { freemem, loadavg } from "node:os";

/**
 * Threads and lanes when the user gives none. Recorded with every run (EngineSettings), so a result
 * always says what it ran with.
 */

/** Below this much weight data, llama.cpp's thread sync costs more than a second core gains (5-10x slower on 2 cores). */
const SMALL_MODEL_BYTES = 64 * 1024 * 1024;
/** More lanes than this gave no further gain on CPU (notes/engines.md: 8-16 sequences 1.3-1.9x). */
export const MAX_DEFAULT_LANES = 8;

/**
 * One thread for tiny models; otherwise the cores that other processes leave idle (1-minute load
 * average), so a busy machine is not oversubscribed, and at least one.
 */
export function defaultThreads(weightBytes: number, cores: number, load: number = loadavg()[0] ?? 0): number {
  if (weightBytes < SMALL_MODEL_BYTES) return 1;
  return Math.max(1, Math.min(cores, Math.round(cores - load)));
}

/**
 * One lane per sample of a prompt, up to MAX_DEFAULT_LANES, and no more than half the free memory
 * holds KV caches for (`kvBytesPerLane`: one sequence's cache at the context size).
 */
export function defaultLanes(samplesPerPrompt: number, kvBytesPerLane: number, freeBytes: number = freemem()): number {
  const wanted = Math.max(1, Math.min(MAX_DEFAULT_LANES, Math.floor(samplesPerPrompt)));
  const fit = kvBytesPerLane > 0 ? Math.floor((freeBytes * 0.5) / kvBytesPerLane) : wanted;
  return Math.max(1, Math.min(wanted, fit));
}

/** Bytes of K and V for one token: 2 × layers × KV heads × head size × element size. */
export function kvBytesPerToken(shape: { layers: number; kvHeads: number; headDim: number }, elementBytes: number): number {
  return 2 * shape.layers * shape.kvHeads * shape.headDim * elementBytes;
}
