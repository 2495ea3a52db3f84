import type { SamplingParams } from "../backend/types.js";
import { contentKey } from "../util/hash.js";

export interface AdapterIdentity {
  sha256: string;
  scale: number;
}

/** Key of a rendered prompt: the model's file hash and the exact token ids. */
export function promptKey(modelSha: string, tokens: readonly number[]): string {
  return contentKey({ model: modelSha, tokens });
}

/**
 * Content key of one sample: everything that determines it. Two requests with the same key would
 * produce the same tokens (same seed stream), so the store keeps one row and never recomputes it.
 */
export function sampleKey(parts: {
  modelSha: string;
  adapters: readonly AdapterIdentity[];
  promptKey: string;
  params: SamplingParams;
  sampleIndex: number;
  /** The engine's sampler version (EngineSettings.sampler), when it has one. */
  sampler?: string;
}): string {
  // Named fields only: whatever else a caller's params object carries must not change the key.
  const { temperature, topP, topK, minP, maxTokens, stop, seed, topLogprobs } = parts.params;
  const settings = { temperature, topP, topK, minP, maxTokens, stop, topLogprobs };
  return contentKey({
    model: parts.modelSha,
    // Scale-0 adapters are bit-identical to none: they still get their own key, since the
    // weights loaded differ and users compare them explicitly.
    adapters: parts.adapters.map((a) => ({ sha256: a.sha256, scale: a.scale })),
    prompt: parts.promptKey,
    settings,
    seed,
    index: parts.sampleIndex,
    ...(parts.sampler === undefined ? {} : { sampler: parts.sampler }),
  });
}
