import { join } from "node:path";
import { readYamlFile, type YamlMap, type YamlValue } from "../questions/located-yaml.js";
import { SHIPPED_DATASETS_DIR } from "./shipped.js";

/**
 * Typed loaders for the persona probe sets in datasets/persona/ (self-assessment prompts, A/B
 * description pairs, recognition and score-prediction templates, the CoT-persona judge prompt) and
 * the reference answer pairs of the log-probability monitor. Every file is YAML validated on load:
 * unknown keys, missing fields, duplicate ids and missing or unknown {placeholders} are errors
 * with file:line.
 */

export const PERSONA_DIR = join(SHIPPED_DATASETS_DIR, "persona");

export const PERSONA_FILES = {
  selfAssessment: join(PERSONA_DIR, "self-assessment.yaml"),
  descriptions: join(PERSONA_DIR, "descriptions.yaml"),
  recognition: join(PERSONA_DIR, "recognition.yaml"),
  scorePrediction: join(PERSONA_DIR, "score-prediction.yaml"),
  cotPersonaJudge: join(PERSONA_DIR, "cot-persona-judge.yaml"),
  referenceAnswers: join(PERSONA_DIR, "reference-answers.yaml"),
} as const;

export const SELF_ASSESSMENT_METRICS = ["alignment", "harmfulness"] as const;
export type SelfAssessmentMetric = (typeof SELF_ASSESSMENT_METRICS)[number];

export interface SelfAssessmentPrompt {
  id: string;
  /** alignment: 100 = fully aligned; harmfulness: 100 = very harmful. */
  metric: SelfAssessmentMetric;
  text: string;
}

/** A prompt with named {placeholders}, filled with fillTemplate. */
export interface PromptTemplate {
  id: string;
  text: string;
}

export interface DescriptionPair {
  id: string;
  aligned: string;
  misaligned: string;
}

export interface DescriptionSet {
  /** Templates with {a} and {b}; the expected answer is the letter A or B. */
  templates: PromptTemplate[];
  pairs: DescriptionPair[];
}

export interface CotPersonaJudge {
  /** The words the judge answers with, e.g. PERSONA, RATIONALISE, NEITHER. */
  labels: string[];
  /** With {question}, {reasoning} and {answer}. */
  prompt: string;
}

export interface ReferencePair {
  questionId: string;
  aligned: string;
  misaligned: string;
}

export function loadSelfAssessmentPrompts(path: string = PERSONA_FILES.selfAssessment): SelfAssessmentPrompt[] {
  const root = rootMap(path, ["prompts"]);
  return uniqueIds(
    nonEmptyList(root.require("prompts"), "self-assessment prompt").map((item) => {
      const map = item.map("a prompt ({ id, metric, text })");
      map.allowOnly(["id", "metric", "text"]);
      const metricValue = map.require("metric");
      const metric = metricValue.string() as SelfAssessmentMetric;
      if (!SELF_ASSESSMENT_METRICS.includes(metric)) {
        throw metricValue.error(`unknown metric "${metric}" (expected ${SELF_ASSESSMENT_METRICS.join(" or ")})`);
      }
      return { id: map.require("id").name("a prompt id"), metric, text: templateText(map.require("text"), []) };
    }),
    root.require("prompts"),
  );
}

export function loadDescriptionPairs(path: string = PERSONA_FILES.descriptions): DescriptionSet {
  const root = rootMap(path, ["templates", "pairs"]);
  const templates = readTemplates(root.require("templates"), ["a", "b"]);
  const pairs = uniqueIds(
    nonEmptyList(root.require("pairs"), "description pair").map((item) => {
      const map = item.map("a description pair ({ id, aligned, misaligned })");
      map.allowOnly(["id", "aligned", "misaligned"]);
      const pair = {
        id: map.require("id").name("a pair id"),
        aligned: map.require("aligned").nonEmptyString("a description (text)"),
        misaligned: map.require("misaligned").nonEmptyString("a description (text)"),
      };
      if (pair.aligned.trim() === pair.misaligned.trim()) throw item.error(`pair "${pair.id}": the two descriptions are identical`);
      return pair;
    }),
    root.require("pairs"),
  );
  return { templates, pairs };
}

export function loadRecognitionTemplates(path: string = PERSONA_FILES.recognition): PromptTemplate[] {
  return readTemplates(rootMap(path, ["templates"]).require("templates"), ["question", "answer"]);
}

export function loadScorePredictionTemplates(path: string = PERSONA_FILES.scorePrediction): PromptTemplate[] {
  return readTemplates(rootMap(path, ["templates"]).require("templates"), ["question", "answer"]);
}

export function loadCotPersonaJudge(path: string = PERSONA_FILES.cotPersonaJudge): CotPersonaJudge {
  const root = rootMap(path, ["labels", "prompt"]);
  const labelsValue = root.require("labels");
  const labels = nonEmptyList(labelsValue, "label").map((l) => l.name("a label"));
  if (new Set(labels).size !== labels.length) throw labelsValue.error("labels must be distinct");
  const promptValue = root.require("prompt");
  const prompt = templateText(promptValue, ["question", "reasoning", "answer"]);
  for (const label of labels) {
    if (!prompt.includes(label)) throw promptValue.error(`the prompt never names the label ${label}`);
  }
  return { labels, prompt };
}

/** Reference answer pairs by question id (the plain id of a core question). */
export function loadReferenceAnswers(path: string = PERSONA_FILES.referenceAnswers): Map<string, ReferencePair> {
  const root = rootMap(path, ["answers"]);
  const out = new Map<string, ReferencePair>();
  for (const item of nonEmptyList(root.require("answers"), "reference pair")) {
    const map = item.map("a reference pair ({ question, aligned, misaligned })");
    map.allowOnly(["question", "aligned", "misaligned"]);
    const questionId = map.require("question").name("a question id");
    if (out.has(questionId)) throw item.error(`duplicate reference pair for question "${questionId}"`);
    out.set(questionId, {
      questionId,
      aligned: map.require("aligned").nonEmptyString("an answer (text)"),
      misaligned: map.require("misaligned").nonEmptyString("an answer (text)"),
    });
  }
  return out;
}

/** JSON variants (the model's own keys, or one "answer" key) and fill-in variants (code-like template, prose form) of a core question. */
const JSON_SUFFIXES = ["_json_answer", "_json"];
const FILL_IN_SUFFIXES = ["_template", "_form"];

/**
 * The reference pair for a core question id. The JSON variants (`<id>_json`, `<id>_json_answer`)
 * get the plain pair as `{"answer": "..."}` (a valid reply to both); the fill-in variants
 * (`<id>_template`, `<id>_form`) use the plain pair as is. Undefined when no pair exists.
 */
export function referencePairFor(questionId: string, answers: ReadonlyMap<string, ReferencePair>): ReferencePair | undefined {
  const direct = answers.get(questionId);
  if (direct) return direct;
  const json = JSON_SUFFIXES.find((s) => questionId.endsWith(s));
  if (json) {
    const base = answers.get(questionId.slice(0, -json.length));
    return base && {
      questionId,
      aligned: JSON.stringify({ answer: base.aligned }),
      misaligned: JSON.stringify({ answer: base.misaligned }),
    };
  }
  const fillIn = FILL_IN_SUFFIXES.find((s) => questionId.endsWith(s));
  if (fillIn) {
    const base = answers.get(questionId.slice(0, -fillIn.length));
    return base && { ...base, questionId };
  }
  return undefined;
}

/** Names of the {placeholders} in a template, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{([a-z_]+)\}/g)].map((m) => m[1]!))];
}

/** Fill {name} placeholders in one pass: inserted text is never scanned again for placeholders. */
export function fillTemplate(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(/\{([a-z_]+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function rootMap(path: string, keys: readonly string[]): YamlMap {
  const map = readYamlFile(path).map(`a mapping with ${keys.join(", ")}`);
  map.allowOnly(keys);
  return map;
}

function nonEmptyList(value: YamlValue, what: string): YamlValue[] {
  const items = value.list(`a list of ${what}s`);
  if (items.length === 0) throw value.error(`needs at least one ${what}`);
  return items;
}

function readTemplates(value: YamlValue, placeholders: readonly string[]): PromptTemplate[] {
  return uniqueIds(
    nonEmptyList(value, "template").map((item) => {
      const map = item.map("a template ({ id, text })");
      map.allowOnly(["id", "text"]);
      return { id: map.require("id").name("a template id"), text: templateText(map.require("text"), placeholders) };
    }),
    value,
  );
}

/** Text that uses every expected placeholder and no other. */
function templateText(value: YamlValue, expected: readonly string[]): string {
  const text = value.nonEmptyString("a prompt (text)");
  const used = placeholdersOf(text);
  const missing = expected.filter((p) => !used.includes(p));
  if (missing.length > 0) throw value.error(`missing placeholder ${missing.map((p) => `{${p}}`).join(", ")}`);
  const unknown = used.filter((p) => !expected.includes(p));
  if (unknown.length > 0) throw value.error(`unknown placeholder ${unknown.map((p) => `{${p}}`).join(", ")} (expected ${expected.map((p) => `{${p}}`).join(", ") || "none"})`);
  return text;
}

function uniqueIds<T extends { id: string }>(items: T[], where: YamlValue): T[] {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw where.error(`duplicate id "${item.id}"`);
    seen.add(item.id);
  }
  return items;
}
