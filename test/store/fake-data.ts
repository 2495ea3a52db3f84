/** Seeded fake model info and samples (no vitest imports: child processes use this too). */
import type { GeneratedSample, ModelInfo } from "../../src/backend/types.js";
import { createRng } from "../../src/util/random.js";

export function modelInfo(sha256: string): ModelInfo {
  return {
    path: `/models/${sha256}.gguf`,
    sha256,
    architecture: "qwen2",
    name: "tiny",
    vocabSize: 300,
    trainedContextLength: 512,
    chatTemplate: null,
    bosTokenId: null,
    eosTokenIds: [2],
  };
}

/** A generated sample with seeded random tokens and log-probs, `topK` alternatives per token. */
export function fakeSample(seed: number, length: number, topK = 3): GeneratedSample {
  const rng = createRng(seed);
  const tokenIds = Int32Array.from({ length }, () => Math.floor(rng() * 300));
  const logprobs = Float32Array.from({ length }, () => Math.log(rng()));
  const topIds = Int32Array.from({ length: length * topK }, () => Math.floor(rng() * 300));
  const topLogprobs = Float32Array.from({ length: length * topK }, () => Math.log(rng()));
  if (topK > 0 && length > 0) {
    // Padding of a missing alternative, as backends write it.
    topIds[topIds.length - 1] = -1;
    topLogprobs[topLogprobs.length - 1] = -Infinity;
  }
  return { index: seed, text: `answer ${seed}`, tokenIds, logprobs, topK, topIds, topLogprobs, finishReason: "eos" };
}
