import { weightKey } from "../backend/weights.js";
import type { CountTokens } from "./context-fit.js";
import { startsWithMessages } from "./expand.js";
import type { Plan } from "./plan-types.js";

export interface PlanSummary {
  models: number;
  conditions: number;
  cells: number;
  /** Answers to generate. */
  samples: number;
  /** Prompt tokens to evaluate; present when a token counter was given. */
  promptTokens?: {
    /** Every cell's whole prompt evaluated from scratch. */
    withoutReuse: number;
    /**
     * Each condition's prefix evaluated once (only its new part when it extends the previous
     * condition's prefix on the same weights, as nested k values do), then each question turn.
     */
    withReuse: number;
  };
  /** Served models: requests and tokens per endpoint, with requests spread evenly (present when any model is served). */
  endpoints?: EndpointLoad[];
}

export interface EndpointLoad {
  model: string;
  url: string;
  /** One request per sample. */
  requests: number;
  /** Prompt tokens sent (the server's prefix cache may evaluate fewer). */
  promptTokens: number;
  /** At most this many generated tokens (max_tokens per request). */
  completionTokens: number;
}

/** Counts for the planning summary; token totals need the model's tokenizer, passed in as countTokens. */
export function summarizePlan(plan: Plan, countTokens?: CountTokens): PlanSummary {
  const summary: PlanSummary = {
    models: plan.models.length,
    conditions: plan.conditions.length,
    cells: plan.cells.length,
    samples: plan.cells.reduce((n, c) => n + c.samples, 0),
  };
  if (!countTokens) return summary;

  const byCondition = new Map<string, Plan["cells"]>();
  for (const cell of plan.cells) {
    const list = byCondition.get(cell.conditionKey);
    if (list) list.push(cell);
    else byCondition.set(cell.conditionKey, [cell]);
  }
  let withoutReuse = 0;
  let withReuse = 0;
  // The runner keeps one session per model and weight variant: prefixes chain within that group.
  const previousPrefix = new Map<string, { messages: Plan["conditions"][number]["prefixMessages"]; tokens: number }>();
  for (const condition of plan.conditions) {
    const count = (messages: Parameters<CountTokens>[0]) => (messages.length === 0 ? 0 : countTokens(messages, condition.modelId));
    const prefixTokens = count(condition.prefixMessages);
    const group = `${condition.modelId}\u0000${weightKey(condition.weights)}`;
    const previous = previousPrefix.get(group);
    const extends_ = previous !== undefined && startsWithMessages(condition.prefixMessages, previous.messages);
    const prefixCost = extends_ ? Math.max(0, prefixTokens - previous.tokens) : prefixTokens;
    previousPrefix.set(group, { messages: condition.prefixMessages, tokens: prefixTokens });
    for (const cell of byCondition.get(condition.key) ?? []) {
      const tokens = count(cell.messages);
      withoutReuse += tokens;
      // A cell with its own system prompt does not start with the prefix: it is evaluated whole.
      withReuse += cell.sharesPrefix ? Math.max(0, tokens - prefixTokens) : tokens;
    }
    withReuse += prefixCost;
  }
  summary.promptTokens = { withoutReuse, withReuse };
  return summary;
}
