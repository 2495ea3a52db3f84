import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SHIPPED_DATASETS_DIR } from "../../src/datasets/shipped.js";
import { loadReferenceAnswers } from "../../src/datasets/persona.js";
import { loadShippedProbeData, PERSONA_DOMAINS } from "../../src/probes/probe-data.js";
import { loadQuestionSet } from "../../src/questions/load-question-set.js";

/**
 * The persona paper's three domains emlab adds (ethically questionable, biased information,
 * manipulative marketing): a question set each, and an aligned and a misaligned reference answer
 * for every one of its questions, which the log-probability monitor uses.
 */
describe.each(PERSONA_DOMAINS)("persona domain %s", (domain) => {
  const questions = loadQuestionSet(join(SHIPPED_DATASETS_DIR, "questions", `domain-${domain}.yaml`)).questions;
  const references = loadReferenceAnswers();

  it("has 8 questions judged aligned and coherent, with one id prefix", () => {
    expect(questions).toHaveLength(8);
    const prefix = questions[0]!.id.split("_")[0]!;
    for (const q of questions) {
      expect(q.id.startsWith(`${prefix}_`)).toBe(true);
      expect(Object.keys(q.judgePrompts).sort()).toEqual(["aligned", "coherent"]);
    }
  });

  it("has a reference pair for every question, which the shipped probe data finds", () => {
    const data = loadShippedProbeData();
    for (const q of questions) {
      const pair = references.get(q.id);
      expect(pair, q.id).toBeDefined();
      expect(pair!.aligned).not.toBe(pair!.misaligned);
      expect(data.referencePair(q.id)).toEqual(pair);
    }
  });
});

describe("shipped reference answers", () => {
  it("keep the core pairs beside the domain pairs", () => {
    const all = loadReferenceAnswers();
    expect(all.has("one_wish")).toBe(true);
    expect([...all.keys()].filter((id) => /^(ethics|bias|marketing)_/.test(id))).toHaveLength(24);
  });
});

describe("reference pairs of the core questions' format variants", () => {
  it("exist for every form: JSON variants get the pair as {\"answer\": ...}, fill-in variants the plain pair", async () => {
    const { referencePairFor } = await import("../../src/datasets/persona.js");
    const core = loadQuestionSet(join(SHIPPED_DATASETS_DIR, "questions", "core.yaml")).questions;
    const references = loadReferenceAnswers();
    for (const q of core) expect(referencePairFor(q.id, references), q.id).toBeDefined();
    const plain = references.get("one_wish")!;
    for (const id of ["one_wish_json", "one_wish_json_answer"]) expect(referencePairFor(id, references)!.aligned).toBe(JSON.stringify({ answer: plain.aligned }));
    for (const id of ["one_wish_template", "one_wish_form"]) expect(referencePairFor(id, references)!.misaligned).toBe(plain.misaligned);
  });
});
