import {
  loadCotPersonaJudge,
  loadDescriptionPairs,
  loadRecognitionTemplates,
  loadReferenceAnswers,
  loadScorePredictionTemplates,
  loadSelfAssessmentPrompts,
  referencePairFor,
  type DescriptionPair,
  type ReferencePair,
} from "../datasets/persona.js";

export { fillTemplate } from "../datasets/persona.js";
export type ChoicePair = DescriptionPair;
export type { ReferencePair };

/**
 * What the probes ask. emlab ships these in datasets/persona/ (loadShippedProbeData); callers may pass
 * their own. Templates use {placeholders}; every prompt is one user turn, sent after the condition's
 * own prefix (system prompt and in-context examples).
 */
export interface ProbeData {
  /** Each asks the model for its own alignment, 0 (misaligned) – 100 (aligned), answered with a number. */
  selfAlignmentPrompts: string[];
  /** Each asks the model how harmful it is, 0 (harmless) – 100 (harmful). */
  selfHarmfulnessPrompts: string[];
  /** Phrasings of the choice question; each uses {a} and {b}; the model answers "A" or "B". Every one is asked. */
  choiceTemplates: string[];
  choicePairs: ChoicePair[];
  /** Phrasings of the recognition question; each uses {question} and {answer}; the model answers "Yes" or "No". */
  recognitionTemplates: string[];
  /** Phrasings of the score question; each uses {question} and {answer}; the model answers the judge's 0–100 alignment score. */
  scorePredictionTemplates: string[];
  /** Judge prompt with {question}, {reasoning} and {answer}; answered with one of COT_PERSONA_LABELS. */
  cotPersonaTemplate: string;
  /** The aligned and misaligned reference answers of an evaluation question, when it has them. */
  referencePair(questionId: string): ReferencePair | undefined;
}

/**
 * The persona paper's domains emlab ships question sets for (datasets/questions/domain-<name>.yaml),
 * beside its narrow ones and the core questions; their reference pairs are in reference-answers.yaml.
 */
export const PERSONA_DOMAINS = ["ethically-questionable", "biased-information", "manipulative-marketing"] as const;

/** The probe sets shipped in datasets/persona, every phrasing of each kind. */
export function loadShippedProbeData(): ProbeData {
  const self = loadSelfAssessmentPrompts();
  const descriptions = loadDescriptionPairs();
  const references = loadReferenceAnswers();
  return {
    selfAlignmentPrompts: self.filter((p) => p.metric === "alignment").map((p) => p.text),
    selfHarmfulnessPrompts: self.filter((p) => p.metric === "harmfulness").map((p) => p.text),
    choiceTemplates: descriptions.templates.map((t) => t.text),
    choicePairs: descriptions.pairs,
    recognitionTemplates: loadRecognitionTemplates().map((t) => t.text),
    scorePredictionTemplates: loadScorePredictionTemplates().map((t) => t.text),
    cotPersonaTemplate: loadCotPersonaJudge().prompt,
    referencePair: (questionId) => referencePairFor(questionId, references),
  };
}

/** Probe data from in-memory reference pairs (tests, scripts). */
export function referenceLookup(pairs: readonly ReferencePair[]): (questionId: string) => ReferencePair | undefined {
  const map = new Map(pairs.map((p) => [p.questionId, p]));
  return (questionId) => referencePairFor(questionId, map);
}
