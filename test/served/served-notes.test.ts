import { describe, expect, it } from "vitest";
import { servedNotes } from "../../src/report/served-notes.js";

describe("report notes for served models", () => {
  it("say which models were served and mark approximate token ids", () => {
    const served = (api: string, ids: string) => ({ backend: "served", served: { api, model: "m", ids, logprobs: "raw", deterministic: "no", endpoints: [], logprobsCap: 20, scoring: "", tokenizer: "" } });
    const notes = servedNotes({ local: { backend: "llama" }, gpt: served("openai", "approximate"), qwen: served("vllm", "exact") });
    expect(notes).toEqual([
      "Model gpt: served by openai (m), token ids APPROXIMATE (the API returns token strings); log-probs raw; deterministic: no.",
      "Model qwen: served by vllm (m), exact token ids; log-probs raw; deterministic: no.",
    ]);
  });
});
