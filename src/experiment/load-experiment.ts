import { basename, dirname, extname, resolve } from "node:path";
import { parseYaml, readYamlFile, type YamlValue } from "../questions/located-yaml.js";
import type { ExperimentConfig, LoadExperimentOptions } from "./config-types.js";
import { parseProbeConfig } from "../probes/config.js";
import { checkLoraAgainstModels } from "./check-adapters.js";
import { parseJudge } from "./parse-judge.js";
import { parseModels } from "./parse-models.js";
import { parseQuestionSelections } from "./parse-question-selection.js";
import { parseSampling } from "./parse-sampling.js";
import { parseVariants, type DatasetCache } from "./parse-variants.js";

const EXPERIMENT_KEYS = ["name", "description", "models", "variants", "questions", "sampling", "judge", "probes"];

/**
 * Read and validate an experiment file (YAML, or JSON, which YAML reads too) before any model is
 * loaded: unknown keys, missing files, malformed datasets and question files, impossible k values
 * and bad settings all fail here with file:line. Paths are relative to the experiment file.
 *
 *   name, description                   optional; name defaults to the file name
 *   models: [{ id, gguf: file | onnx: dir, context_size? }]
 *   variants: [{ id, system?, cot?, trigger?, trigger_examples?, format?: json|template|none,
 *                template? ({question} placeholder), icl?: { dataset: path|registered name, k, seeds? },
 *                lora?: { adapters, scales?, models? } }]   absent: one plain variant "base"
 *       adapters: GGUF LoRA, PEFT folder, `dir/checkpoint-*` (one variant per checkpoint, by step),
 *       or { path, scale } (own fixed scale or own sweep); stacked; checked against the models here
 *   questions: [{ file, samples?, ids? }]       samples per paraphrase; default samples_per_paraphrase
 *   sampling: { temperature, top_p, top_k, min_p, max_tokens, seed, top_logprobs, stop }
 *   judge: { model, metrics?, context_size? }   metrics default to every judge prompt of the questions
 *   probes: any mapping or list, passed through
 * k, seeds, scales, adapters and ids take one value or a list; YAML anchors and `<<` merges work.
 */
export function loadExperiment(path: string, options: LoadExperimentOptions = {}): ExperimentConfig {
  const file = resolve(path);
  return readExperiment(readYamlFile(file), file, options);
}

/** Validate experiment text; paths in it resolve relative to the folder of `file`. */
export function parseExperiment(text: string, file: string, options: LoadExperimentOptions = {}): ExperimentConfig {
  const absolute = resolve(file);
  return readExperiment(parseYaml(text, absolute), absolute, options);
}

function readExperiment(root: YamlValue, file: string, options: LoadExperimentOptions): ExperimentConfig {
  if (root.isNull()) throw root.error("the experiment file is empty");
  const map = root.map("an experiment (a mapping with models, variants, questions…)");
  map.allowOnly(EXPERIMENT_KEYS);
  const baseDir = dirname(file);
  const datasets: DatasetCache = new Map();

  const name = map.get("name")?.name("an experiment name") ?? basename(file, extname(file));
  const description = map.get("description")?.string("a description (text)") ?? null;
  const models = parseModels(map.require("models"), baseDir);
  const variants = parseVariants(map.get("variants"), baseDir, options, datasets);
  for (const variant of variants) if (variant.source.file === "") variant.source = { file, line: root.line };
  const questions = parseQuestionSelections(map.require("questions"), baseDir, options);
  const sampling = parseSampling(map.get("sampling"));
  const judge = parseJudge(map.get("judge"), baseDir, questions);
  const probesValue = map.get("probes");
  const probes = probesValue ? readProbes(probesValue) : null;
  checkLoraAgainstModels(variants, models);
  return { name, description, file, models, variants, questions, sampling, judge, probes };
}

/**
 * `probes:` is checked here, against the probe registry (src/probes/registry.ts), so a typo is an
 * error at file:line before any model loads; the settings are kept as written.
 */
function readProbes(value: YamlValue): unknown {
  const js = value.toJS();
  if (js === null || typeof js !== "object") throw value.error(`expected probe settings (a mapping or a list), found ${value.describe()}`);
  const entries = Array.isArray(js) ? undefined : value.map("probe settings");
  parseProbeConfig(js, `${value.file}:${value.line ?? 0}`, (key) => {
    const at = entries?.get(key);
    return at?.line === undefined ? undefined : `${at.file}:${at.line}`;
  });
  return js;
}
