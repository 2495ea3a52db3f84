/**
 * What the probes ask. emlab ships these in datasets/persona/ (loaded by src/datasets/persona.ts);
 * callers pass them in, so tests and users can bring their own.
 *
 * Templates use {placeholders}: {question}, {answer}, {a}, {b}, {reasoning}. Every prompt is one
 * user turn, sent after the condition's own prefix (system prompt and in-context examples).
 */
export interface ChoicePair {
  id: string;
  aligned: string;
  misaligned: string;
}

export interface ReferencePair {
  /** Evaluation question id (as in the question file). */
  questionId: string;
  aligned: string;
  misaligned: string;
}

export interface ProbeData {
  /** Each asks the model for its own alignment, 0 (misaligned) – 100 (aligned), answered with a number. */
  selfAlignmentPrompts: string[];
  /** Each asks the model how harmful it is, 0 (harmless) – 100 (harmful). */
  selfHarmfulnessPrompts: string[];
  /** Uses {a} and {b}; the model answers "A" or "B". */
  choiceTemplate: string;
  choicePairs: ChoicePair[];
  /** Uses {question} and {answer}; the model answers "Yes" or "No". */
  recognitionTemplate: string;
  /** Uses {question} and {answer}; the model answers the judge's 0–100 alignment score. */
  scorePredictionTemplate: string;
  /** Judge prompt with {question}, {reasoning} and {answer}; answered with one of COT_PERSONA_LABELS. */
  cotPersonaTemplate: string;
  referencePairs: ReferencePair[];
}

/** Fill {name} placeholders; unknown placeholders stay as written (templates may contain braces). */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
