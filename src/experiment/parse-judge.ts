import { existsSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { YamlValue } from "../questions/located-yaml.js";
import type { JudgeSpec, QuestionSelection } from "./config-types.js";
import { parseEndpoint, servedLabel } from "./parse-endpoint.js";
import { resolveExistingPath } from "./resolve-path.js";
import { loadPromptsFrom } from "../judge/prompt-source.js";

const JUDGE_KEYS = ["model", "endpoint", "metrics", "context_size", "prompts_from"];

/**
 * `judge:` the judge model (a GGUF file or an ONNX directory) and the metrics to score. Every
 * metric must have a judge prompt in at least one selected question (or in the `prompts_from` file,
 * whose judge_prompts then score every question); by default all of them are scored.
 */
export function parseJudge(value: YamlValue | undefined, baseDir: string, selections: readonly QuestionSelection[]): JudgeSpec | null {
  if (!value) return null;
  const map = value.map("judge settings ({ model, metrics })");
  map.allowOnly(JUDGE_KEYS);
  const { backend, path, endpoint } = judgeModel(map.get("model"), map.get("endpoint"), value, baseDir);

  const promptsFromValue = map.get("prompts_from");
  const promptsFrom = promptsFromValue ? loadPromptsFrom(resolveExistingPath(promptsFromValue, baseDir, "file").path) : undefined;
  const available = [
    ...new Set([...selections.flatMap((s) => s.questions.flatMap((q) => Object.keys(q.judgePrompts))), ...Object.keys(promptsFrom?.prompts ?? {})]),
  ];
  const metricsValue = map.get("metrics");
  let metrics = available;
  if (metricsValue) {
    const items = metricsValue.listOrOne();
    if (items.length === 0) throw metricsValue.error("needs at least one metric");
    metrics = items.map((item) => {
      const metric = item.name("a metric name");
      if (!available.includes(metric)) {
        const list = available.length > 0 ? available.join(", ") : "none";
        throw item.error(`no selected question has a judge prompt for "${metric}" (available: ${list})`);
      }
      return metric;
    });
  }
  if (metrics.length === 0) throw value.error("no selected question has judge_prompts, so there is nothing to judge");
  const contextSize = map.get("context_size")?.integer(16);
  return {
    backend,
    model: path,
    ...(endpoint ? { endpoint } : {}),
    metrics: [...new Set(metrics)],
    ...(contextSize === undefined ? {} : { contextSize }),
    ...(promptsFrom ? { promptsFrom } : {}),
  };
}

/** A local judge model (GGUF file or ONNX directory), or a served one (`endpoint:`, with `model:` a GGUF tokenizer). */
function judgeModel(modelValue: YamlValue | undefined, endpointValue: YamlValue | undefined, judge: YamlValue, baseDir: string) {
  if (endpointValue) {
    const tokenizer = modelValue ? resolveExistingPath(modelValue, baseDir, "file").path : undefined;
    const endpoint = parseEndpoint(endpointValue, baseDir, tokenizer);
    return { backend: "served" as const, path: servedLabel(endpoint), endpoint };
  }
  if (!modelValue) throw judge.error("needs a model (GGUF file or ONNX directory) or an endpoint");
  const written = modelValue.nonEmptyString("a judge model path");
  const kind = written.endsWith(".gguf") ? "file" : isDirectoryNearby(written, baseDir) ? "directory" : "file";
  const { path } = resolveExistingPath(modelValue, baseDir, kind);
  return { backend: kind === "directory" ? ("onnx" as const) : ("llama" as const), path, endpoint: undefined };
}

function isDirectoryNearby(written: string, baseDir: string): boolean {
  const path = isAbsolute(written) ? written : resolve(baseDir, written);
  return existsSync(path) && statSync(path).isDirectory();
}
