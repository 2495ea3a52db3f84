import type { Store } from "../store/index.js";

/** What the runner needs from the database. */
export type RunnerStore = Pick<
  Store,
  "upsertModel" | "upsertAdapter" | "upsertCondition" | "upsertPrompt" | "hasSampleKeys" | "insertSamples" | "linkRunSamples" | "transaction"
>;
