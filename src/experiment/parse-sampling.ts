import { EM_SAMPLING_DEFAULTS, type SamplingParams } from "../backend/types.js";
import type { YamlValue } from "../questions/located-yaml.js";

const SAMPLING_KEYS = ["temperature", "top_p", "top_k", "min_p", "max_tokens", "seed", "top_logprobs", "stop"];

/** `sampling:` in the file's snake_case; anything not given keeps the EM protocol default. */
export function parseSampling(value: YamlValue | undefined): SamplingParams {
  const params: SamplingParams = { ...EM_SAMPLING_DEFAULTS, stop: [...EM_SAMPLING_DEFAULTS.stop] };
  if (!value) return params;
  const map = value.map("sampling settings");
  map.allowOnly(SAMPLING_KEYS);
  const get = (key: string) => map.get(key);
  const temperature = get("temperature");
  if (temperature) params.temperature = temperature.between(0, 100);
  const topP = get("top_p");
  if (topP) {
    params.topP = topP.between(0, 1);
    if (params.topP === 0) throw topP.error("top_p must be above 0 (1 turns it off)");
  }
  const topK = get("top_k");
  if (topK) params.topK = topK.integer(0);
  const minP = get("min_p");
  if (minP) params.minP = minP.between(0, 1);
  const maxTokens = get("max_tokens");
  if (maxTokens) params.maxTokens = maxTokens.integer(1);
  const seed = get("seed");
  if (seed) params.seed = seed.integer(0, 0xffffffff);
  const topLogprobs = get("top_logprobs");
  if (topLogprobs) params.topLogprobs = topLogprobs.integer(0, 1000);
  const stop = get("stop");
  if (stop) params.stop = stop.listOrOne().map((s) => s.string("a stop string"));
  return params;
}
