import { parseYaml, readYamlFile, type YamlValue } from "./located-yaml.js";
import { labelPromptProblem } from "./judge-labels.js";
import { QUESTION_TYPES, type EvalQuestion, type QuestionSet, type QuestionType } from "./types.js";

/**
 * The EM evaluation YAML as-is: a list of questions, sharing values through anchors and aliases.
 * Every key the format uses is read; any other key is an error (it is most likely a typo).
 */

const QUESTION_KEYS = ["id", "type", "paraphrases", "samples_per_paraphrase", "system", "judge", "judge_prompts", "temperature"];

export function loadQuestionSet(path: string): QuestionSet {
  return { path, questions: readQuestions(readYamlFile(path)) };
}

/** Parse question YAML text; `file` only names the source in errors. */
export function parseQuestionSet(text: string, file: string): QuestionSet {
  return { path: file, questions: readQuestions(parseYaml(text, file)) };
}

function readQuestions(root: YamlValue): EvalQuestion[] {
  if (root.isNull()) throw root.error("no questions (the file is empty)");
  const entries = root.list("a list of questions");
  if (entries.length === 0) throw root.error("no questions (the list is empty)");
  const seen = new Map<string, number | undefined>();
  return entries.map((entry) => {
    const question = readQuestion(entry);
    if (seen.has(question.id)) {
      throw entry.error(`duplicate question id "${question.id}" (first defined at line ${seen.get(question.id)})`);
    }
    seen.set(question.id, question.source.line);
    return question;
  });
}

function readQuestion(entry: YamlValue): EvalQuestion {
  const map = entry.map("a question (a mapping with id, type, paraphrases…)");
  map.allowOnly(QUESTION_KEYS);
  const id = map.require("id").name("a question id");
  const typeValue = map.require("type");
  const type = typeValue.string() as QuestionType;
  if (!QUESTION_TYPES.includes(type)) throw typeValue.error(`unknown question type "${type}" (expected ${QUESTION_TYPES.join(", ")})`);

  const paraphrases = map.require("paraphrases").list("a list of paraphrases");
  if (paraphrases.length === 0) throw map.require("paraphrases").error("needs at least one paraphrase");

  const judgePrompts = readJudgePrompts(map.get("judge_prompts"), type);
  if (type !== "free_form" && Object.keys(judgePrompts).length === 0) {
    throw map.self.error(`question "${id}" of type ${type} needs judge_prompts`);
  }
  return {
    id,
    type,
    paraphrases: paraphrases.map((p) => p.nonEmptyString("a paraphrase (text)")),
    samplesPerParaphrase: map.get("samples_per_paraphrase")?.integer(1) ?? null,
    system: map.get("system")?.nonEmptyString("a system prompt (text)") ?? null,
    judge: map.get("judge")?.name("a judge model name") ?? null,
    judgePrompts,
    temperature: map.get("temperature")?.number("a temperature") ?? null,
    source: { file: entry.file, line: entry.line },
  };
}

function readJudgePrompts(value: YamlValue | undefined, type: QuestionType): Record<string, string> {
  if (!value) return {};
  const map = value.map("a mapping of metric name to judge prompt");
  const prompts: Record<string, string> = {};
  for (const metric of map.keys()) {
    const prompt = map.require(metric);
    const text = prompt.nonEmptyString("a judge prompt (text)");
    // Without {answer} the judge would score the question, not the answer.
    if (!text.includes("{answer}")) throw prompt.error("judge prompt has no {answer} placeholder");
    // A categorical judge is read from the probabilities of the answers its prompt names.
    const problem = type === "free_form_judge" ? labelPromptProblem(text) : null;
    if (problem) throw prompt.error(problem);
    prompts[metric] = text;
  }
  return prompts;
}
