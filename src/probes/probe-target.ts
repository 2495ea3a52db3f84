import type { ChatMessage, LoadedModel, Session } from "../backend/types.js";

/** A condition as the probes see it: a model session (its weight variant) and the prompt prefix. */
export interface ProbeTarget {
  model: Pick<LoadedModel, "chatTokens" | "tokenize">;
  session: Session;
  /** The condition's system prompt and in-context turns, put before every probe turn. */
  prefix: readonly ChatMessage[];
}

/** Tokens of the prefix followed by one user turn, ready for the assistant's answer. */
export function probePrompt(target: ProbeTarget, userText: string): number[] {
  return target.model.chatTokens([...target.prefix, { role: "user", content: userText }], { addGenerationPrompt: true });
}
