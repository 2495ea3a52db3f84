import { loadChatJsonl, type ChatDataset } from "../datasets/chat-jsonl.js";
import { errorAt } from "../errors.js";
import type { YamlMap, YamlValue } from "../questions/located-yaml.js";
import { ANSWER_FORMATS, type AnswerFormat } from "../variants/answer-format.js";
import type { IclSpec, LoadExperimentOptions, VariantSpec } from "./config-types.js";
import { checkpointVariants, parseLora } from "./parse-lora.js";
import { resolveExistingPath } from "./resolve-path.js";
import { distinct, nonEmpty, uniqueId } from "./unique-id.js";

const VARIANT_KEYS = ["id", "group", "system", "icl", "cot", "trigger", "trigger_examples", "format", "template", "lora"];
const ICL_KEYS = ["dataset", "k", "seeds"];

/** Datasets already loaded, by absolute path: variants sharing a dataset read it once. */
export type DatasetCache = Map<string, ChatDataset>;

/** `variants:` prompt-level and weight-level variants; absent means one plain `base` variant. */
export function parseVariants(value: YamlValue | undefined, baseDir: string, options: LoadExperimentOptions, datasets: DatasetCache): VariantSpec[] {
  if (!value) return [plainVariant("base", { file: "", line: undefined })];
  const entries = value.list("a list of variants");
  if (entries.length === 0) throw value.error("needs at least one variant (or leave `variants` out for the plain model)");
  const seen = new Map<string, number | undefined>();
  return entries.flatMap((entry) => parseVariant(entry, seen, baseDir, options, datasets));
}

function plainVariant(id: string, source: VariantSpec["source"]): VariantSpec {
  return { id, system: null, icl: null, cot: false, trigger: null, triggerExamples: false, format: null, template: null, lora: null, source };
}

function parseVariant(
  entry: YamlValue,
  seen: Map<string, number | undefined>,
  baseDir: string,
  options: LoadExperimentOptions,
  datasets: DatasetCache,
): VariantSpec[] {
  const map = entry.map("a variant (a mapping with at least an id)");
  map.allowOnly(VARIANT_KEYS);
  const variant = plainVariant(uniqueId(map.require("id"), seen, "variant"), { file: entry.file, line: entry.line });
  // Variants naming the same group (e.g. one finetune per seed) are pooled in the metrics.
  const group = map.get("group")?.name("a group name");
  if (group !== undefined) variant.group = group;
  variant.system = map.get("system")?.nonEmptyString("a system prompt (text)") ?? null;
  variant.cot = map.get("cot")?.boolean() ?? false;
  variant.trigger = map.get("trigger")?.nonEmptyString("a trigger (text)") ?? null;
  variant.triggerExamples = map.get("trigger_examples")?.boolean() ?? false;
  variant.format = parseFormat(map);
  variant.template = parseTemplate(map, variant.format);
  const icl = map.get("icl");
  if (icl) variant.icl = parseIcl(icl, baseDir, options, datasets);
  const lora = map.get("lora");
  const parsedLora = lora ? parseLora(lora, baseDir) : null;
  variant.lora = parsedLora?.spec ?? null;

  if (variant.triggerExamples) {
    if (variant.trigger === null) throw map.require("trigger_examples").error("trigger_examples needs a trigger");
    if (variant.icl === null) throw map.require("trigger_examples").error("trigger_examples needs in-context examples (icl)");
  }
  return checkpointVariants(variant, parsedLora?.checkpoints ?? null, seen);
}

function parseFormat(map: YamlMap): AnswerFormat | null {
  const value = map.get("format");
  if (!value) return null;
  const format = value.string(`a format (${ANSWER_FORMATS.join(" or ")})`);
  if (format === "none") return null;
  if (!(ANSWER_FORMATS as readonly string[]).includes(format)) {
    throw value.error(`unknown format "${format}" (expected ${ANSWER_FORMATS.join(", ")} or none)`);
  }
  return format as AnswerFormat;
}

function parseTemplate(map: YamlMap, format: AnswerFormat | null): string | null {
  const value = map.get("template");
  if (!value) return null;
  if (format !== "template") throw value.error('a template is only used with format: template');
  const template = value.nonEmptyString("a fill-in template (text)");
  if (!template.includes("{question}")) throw value.error("the template has no {question} placeholder");
  return template;
}

function parseIcl(value: YamlValue, baseDir: string, options: LoadExperimentOptions, datasets: DatasetCache): IclSpec {
  const map = value.map("in-context settings ({ dataset, k, seeds })");
  map.allowOnly(ICL_KEYS);
  const datasetValue = map.require("dataset");
  const { path, asWritten } = resolveExistingPath(datasetValue, baseDir, "file", options.resolveDatasetName);
  let dataset = datasets.get(path);
  if (!dataset) {
    dataset = loadChatJsonl(path);
    datasets.set(path, dataset);
  }
  for (const example of dataset.examples) {
    if (example.messages[0]!.role === "system") {
      throw errorAt(path, example.line, "in-context examples cannot carry a system turn (the variant's system prompt comes first)");
    }
  }

  const kValues = nonEmpty(map.require("k"), "k value");
  const k = distinct(kValues.map((at) => ({ value: at.integer(0), at })), "k");
  kValues.forEach((at, i) => {
    if (k[i]! > dataset.examples.length) {
      throw at.error(`k=${k[i]} is larger than the dataset (${asWritten} has ${dataset.examples.length} examples)`);
    }
  });
  const seedsValue = map.get("seeds");
  const seedValues = seedsValue ? nonEmpty(seedsValue, "seed") : [];
  const seeds = seedValues.length === 0 ? [0] : distinct(seedValues.map((at) => ({ value: at.integer(0, 0xffffffff), at })), "seed");
  return { dataset, datasetAsWritten: asWritten, k: [...k].sort((a, b) => a - b), seeds };
}
