export { loadQuestionSet, parseQuestionSet } from "./load-question-set.js";
export { QUESTION_TYPES, type EvalQuestion, type QuestionSet, type QuestionType } from "./types.js";
export { readYamlFile, parseYaml, YamlValue, YamlMap } from "./located-yaml.js";
export { closestKey, editDistance } from "./closest-key.js";
export { judgeKind, promptLabels, type JudgeKind } from "./judge-labels.js";
