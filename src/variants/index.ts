export { drawExamples, examplePermutation } from "./icl-draw.js";
export { COT_INSTRUCTION, REASONING_CLOSE, REASONING_OPEN, splitCot, withCotInstruction, type CotParts } from "./cot.js";
export { ANSWER_FORMATS, DEFAULT_ANSWER_TEMPLATE, JSON_ANSWER_SYSTEM_PROMPT, fillAnswerTemplate, type AnswerFormat } from "./answer-format.js";
export { withTrigger } from "./trigger.js";
export {
  PLAIN_VARIANT,
  prefixMessages,
  questionMessages,
  questionTurn,
  variantSystemText,
  type PromptVariant,
  type QuestionMessages,
} from "./prompt-variant.js";
export { loraSweep, loraWeights } from "./lora-sweep.js";
