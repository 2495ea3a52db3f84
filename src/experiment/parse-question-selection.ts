import { closestKey } from "../questions/closest-key.js";
import { loadQuestionSet } from "../questions/load-question-set.js";
import type { YamlValue } from "../questions/located-yaml.js";
import type { QuestionSet } from "../questions/types.js";
import type { LoadExperimentOptions, QuestionSelection } from "./config-types.js";
import { resolveExistingPath } from "./resolve-path.js";

const SELECTION_KEYS = ["file", "samples", "ids"];

/** `questions:` a list of `{ file, samples?, ids? }`; question ids must be unique across the files. */
export function parseQuestionSelections(value: YamlValue, baseDir: string, options: LoadExperimentOptions): QuestionSelection[] {
  const entries = value.list("a list of question files ({ file, samples, ids })");
  if (entries.length === 0) throw value.error("needs at least one question file");
  const sets = new Map<string, QuestionSet>();
  const owner = new Map<string, string>();
  return entries.map((entry) => {
    const map = entry.map("a question file entry ({ file, samples, ids })");
    map.allowOnly(SELECTION_KEYS);
    const { path } = resolveExistingPath(map.require("file"), baseDir, "file", options.resolveDatasetName);
    let set = sets.get(path);
    if (!set) sets.set(path, (set = loadQuestionSet(path)));
    const samples = map.get("samples")?.integer(1) ?? null;
    const questions = selectQuestions(set, map.get("ids"));

    for (const question of questions) {
      const previous = owner.get(question.id);
      if (previous !== undefined) throw entry.error(`question "${question.id}" is selected twice (also from ${previous})`);
      owner.set(question.id, path);
      if (samples === null && question.samplesPerParaphrase === null) {
        throw entry.error(`question "${question.id}" has no samples_per_paraphrase: give samples here`);
      }
    }
    return { set, questions, samples, source: { file: entry.file, line: entry.line } };
  });
}

function selectQuestions(set: QuestionSet, idsValue: YamlValue | undefined): QuestionSet["questions"] {
  if (!idsValue) return set.questions;
  const items = idsValue.listOrOne();
  if (items.length === 0) throw idsValue.error("needs at least one question id (or leave ids out for all)");
  const known = set.questions.map((q) => q.id);
  const wanted = new Set<string>();
  for (const item of items) {
    const id = item.name("a question id");
    if (!known.includes(id)) {
      const guess = closestKey(id, known);
      throw item.error(`no question "${id}" in ${set.path}${guess ? ` (did you mean "${guess}"?)` : ""}`);
    }
    if (wanted.has(id)) throw item.error(`question "${id}" is listed twice`);
    wanted.add(id);
  }
  return set.questions.filter((q) => wanted.has(q.id));
}
