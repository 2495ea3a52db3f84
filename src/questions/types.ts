/** Question types of the EM evaluation YAML (the original evaluation script's names). */
export const QUESTION_TYPES = ["free_form_judge_0_100", "free_form_judge", "free_form"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface EvalQuestion {
  id: string;
  type: QuestionType;
  /** Wordings of the same question; each is sampled separately. */
  paraphrases: string[];
  /** From the file; an experiment may override it. Null when the file gives none. */
  samplesPerParaphrase: number | null;
  /** System prompt of this question (the original script ignores it; emlab honours it). */
  system: string | null;
  /** Name of the judge the file was written for (informational: emlab's judge is configured per experiment). */
  judge: string | null;
  /** Metric name → judge prompt template with {question} and {answer} placeholders. */
  judgePrompts: Record<string, string>;
  /** Sampling temperature the file asks for, if any (kept for reference). */
  temperature: number | null;
  /** Where the question is defined. */
  source: { file: string; line: number | undefined };
}

export interface QuestionSet {
  path: string;
  questions: EvalQuestion[];
}
