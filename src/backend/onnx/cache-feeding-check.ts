import { logSoftmax } from "../logprobs.js";
import type { DecoderGraph } from "./decoder-graph.js";
import { emptyKv } from "./kv-cache.js";
import { loraFeeds } from "./peft-adapter.js";

export interface CacheFeedingCheck {
  /** Whether several tokens may be fed at once on a non-empty cache. */
  multiTokenOnCache: boolean;
  /** Largest |log-prob difference| between the two ways of feeding. */
  maxDiff: number;
  tolerance: number;
}

/**
 * Log-prob agreement expected between a three-token pass and 1 + 2 tokens on the cache: float16
 * math (fp16 / q4f16 exports, whatever their input and output types) and float16 caches round
 * differently per split (2e-3 on the tiny fixture); 8-bit dynamic exports (q8, int8, uint8) quantize activations with
 * one scale per pass, so any other split of the tokens gives other numbers (0.15 on the tiny fixture).
 * A mask that ignores the past moves log-probs by whole units.
 */
export const CACHE_CHECK_TOLERANCE = { float32: 1e-3, float16: 5e-2, dynamic8Bit: 0.5 } as const;

/** Export dtypes whose activations are quantized at run time (DynamicQuantizeLinear). */
export const DYNAMIC_8BIT_DTYPES: readonly string[] = ["q8", "int8", "uint8"];
/** Export dtypes with float16 math inside (Transformers.js keeps their inputs and outputs float32). */
export const FLOAT16_MATH_DTYPES: readonly string[] = ["fp16", "q4f16"];

export function cacheCheckTolerance(dtype: string, kvType: "float32" | "float16"): number {
  if (DYNAMIC_8BIT_DTYPES.includes(dtype)) return CACHE_CHECK_TOLERANCE.dynamic8Bit;
  return FLOAT16_MATH_DTYPES.includes(dtype) ? CACHE_CHECK_TOLERANCE.float16 : CACHE_CHECK_TOLERANCE[kvType];
}

const PROBE = [1, 2, 3];

/**
 * A graph's causal mask decides whether several new tokens on a non-empty cache see the right keys
 * (a prompt fed in chunks, a re-used prefix, a scored continuation). An export whose traced mask
 * ignores the past length is right for a prompt on an empty cache and for one token at a time, and
 * silently wrong in between. Run three tokens in one pass and as one then two on the cache, and
 * compare the log-probs of all three positions.
 */
export async function checkCacheFeeding(graph: DecoderGraph, dtype = "fp32"): Promise<CacheFeedingCheck> {
  const empty = emptyKv(graph.kv);
  // A graph that takes LoRA matrices runs here without an adapter (zero matrices).
  const feeds = graph.loraInputs.length > 0 ? loraFeeds(graph.loraInputs, []) : {};
  const whole = await graph.forward(PROBE, 1, PROBE.length, empty, feeds);
  const first = await graph.forward(PROBE.slice(0, 1), 1, 1, empty, feeds);
  const rest = await graph.forward(PROBE.slice(1), 1, PROBE.length - 1, first.present, feeds);
  const vocab = whole.vocab;
  const row = (logits: Float32Array, i: number) => logSoftmax(logits.subarray(i * vocab, (i + 1) * vocab));
  const stepwise = [row(first.logits, 0), row(rest.logits, 0), row(rest.logits, 1)];
  let maxDiff = 0;
  stepwise.forEach((expected, i) => {
    const got = row(whole.logits, i);
    for (let t = 0; t < vocab; t++) {
      const diff = Math.abs(got[t]! - expected[t]!);
      // A NaN or infinite disagreement counts as the largest possible.
      maxDiff = Math.max(maxDiff, Number.isNaN(diff) ? Infinity : diff);
    }
  });
  const tolerance = cacheCheckTolerance(dtype, graph.kv.type);
  return { multiTokenOnCache: maxDiff <= tolerance, maxDiff, tolerance };
}
