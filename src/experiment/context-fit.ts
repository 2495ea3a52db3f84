import type { ChatMessage } from "../backend/types.js";
import { errorAt } from "../errors.js";
import type { Plan } from "./plan-types.js";

/** Tokens of a chat prompt for a model (the runner passes its tokenizer and chat template). */
export type CountTokens = (messages: readonly ChatMessage[], modelId: string) => number;

/**
 * Check, before sampling starts, that every prompt of every condition plus max_tokens fits in its
 * model's context. Engines would otherwise shift or cut the prompt silently.
 */
export function checkContextFits(plan: Plan, countTokens: CountTokens, contextSize: number | ((modelId: string) => number)): void {
  const largest = new Map<string, number>();
  const conditions = new Map(plan.conditions.map((c) => [c.key, c]));
  for (const cell of plan.cells) {
    const condition = conditions.get(cell.conditionKey);
    if (!condition) continue;
    const tokens = countTokens(cell.messages, condition.modelId);
    if (tokens > (largest.get(condition.key) ?? -1)) largest.set(condition.key, tokens);
  }
  for (const condition of plan.conditions) {
    const promptTokens = largest.get(condition.key);
    if (promptTokens === undefined) continue;
    const limit = typeof contextSize === "number" ? contextSize : contextSize(condition.modelId);
    const needed = promptTokens + plan.sampling.maxTokens;
    if (needed > limit) {
      const hint = condition.meta.k ? "lower k, lower max_tokens or raise the model's context_size" : "lower max_tokens or raise the model's context_size";
      throw errorAt(
        condition.source.file,
        condition.source.line,
        `the largest in-context prefix of condition "${condition.label}" needs ${needed} tokens ` +
          `(${promptTokens} prompt + ${plan.sampling.maxTokens} max_tokens) but the context holds ${limit}: ${hint}`,
      );
    }
  }
}
