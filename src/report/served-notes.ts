import type { ServedSettings } from "../backend/types.js";

/**
 * Report lines for models a run reached through servers: which API and whether its token ids are
 * exact; chat APIs return token strings, so their ids (and per-token statistics) are approximate.
 */
export function servedNotes(engineSettings: Record<string, unknown>): string[] {
  const notes: string[] = [];
  for (const [modelId, settings] of Object.entries(engineSettings)) {
    const served = (settings as { served?: ServedSettings } | null)?.served;
    if (!served) continue;
    const ids = served.ids === "approximate" ? "token ids APPROXIMATE (the API returns token strings)" : "exact token ids";
    notes.push(`Model ${modelId}: served by ${served.api} (${served.model}), ${ids}; log-probs ${served.logprobs}; deterministic: ${served.deterministic}.`);
  }
  return notes;
}
