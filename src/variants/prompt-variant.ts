import type { ChatMessage } from "../backend/types.js";
import { fillAnswerTemplate, JSON_ANSWER_SYSTEM_PROMPT, type AnswerFormat } from "./answer-format.js";
import { withCotInstruction } from "./cot.js";
import { withTrigger } from "./trigger.js";

/**
 * A prompt-level variant, fully resolved: the in-context examples are already drawn. It turns a
 * question into chat messages whose prefix (system prompt and examples) is the same for every
 * question, so a runner can evaluate the prefix once and continue every question from it.
 */
export interface PromptVariant {
  system: string | null;
  /** In-context examples in prompt order: each a user turn then an assistant turn. */
  examples: readonly (readonly ChatMessage[])[];
  cot: boolean;
  trigger: string | null;
  /** Also put the trigger in front of each in-context user turn. */
  triggerExamples: boolean;
  format: AnswerFormat | null;
  /** Custom fill-in template for the `template` format (with a {question} placeholder). */
  template: string | null;
}

export const PLAIN_VARIANT: Readonly<PromptVariant> = Object.freeze({
  system: null,
  examples: [],
  cot: false,
  trigger: null,
  triggerExamples: false,
  format: null,
  template: null,
});

/** The variant's system text: its own system prompt, then the answer-format instruction. */
export function variantSystemText(variant: PromptVariant): string | null {
  return joinSystem([variant.system, variant.format === "json" ? JSON_ANSWER_SYSTEM_PROMPT : null]);
}

/** System message (if any) followed by the in-context turns. */
export function prefixMessages(variant: PromptVariant): ChatMessage[] {
  const system = variantSystemText(variant);
  return [...(system === null ? [] : [{ role: "system" as const, content: system }]), ...exampleTurns(variant)];
}

/** Text of the final user turn: trigger, question, fill-in template, reasoning request. */
export function questionTurn(variant: PromptVariant, question: string): string {
  let text = variant.format === "template" ? fillAnswerTemplate(question, variant.template ?? undefined) : question;
  if (variant.cot) text = withCotInstruction(text);
  return variant.trigger === null ? text : withTrigger(text, variant.trigger);
}

export interface QuestionMessages {
  messages: ChatMessage[];
  /** True when `messages` starts with the variant's prefixMessages (the prefix can be reused). */
  sharesPrefix: boolean;
}

/**
 * Messages for one question. A question with its own system prompt (the EM YAML's `system`) gets
 * it appended to the variant's system text; its prompt then no longer starts with the shared prefix.
 */
export function questionMessages(variant: PromptVariant, question: string, questionSystem: string | null = null): QuestionMessages {
  const user: ChatMessage = { role: "user", content: questionTurn(variant, question) };
  if (questionSystem === null) return { messages: [...prefixMessages(variant), user], sharesPrefix: true };
  const system = joinSystem([variantSystemText(variant), questionSystem])!;
  return { messages: [{ role: "system", content: system }, ...exampleTurns(variant), user], sharesPrefix: false };
}

function exampleTurns(variant: PromptVariant): ChatMessage[] {
  const turns: ChatMessage[] = [];
  for (const example of variant.examples) {
    for (const message of example) {
      // Examples are checked when the experiment is validated; a system turn here is a caller bug.
      if (message.role === "system") throw new Error("in-context examples cannot contain system turns");
      const content = message.role === "user" && variant.triggerExamples && variant.trigger !== null ? withTrigger(message.content, variant.trigger) : message.content;
      turns.push({ role: message.role, content });
    }
  }
  return turns;
}

function joinSystem(parts: readonly (string | null)[]): string | null {
  const present = parts.filter((p): p is string => p !== null && p !== "");
  return present.length === 0 ? null : present.join("\n\n");
}
