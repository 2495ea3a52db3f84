/**
 * The token sets the planted models key on are computed from the shipped data at build time, so they
 * must come out right for whatever data ships: markers never in a question or user turn, each key in
 * its own prompts only, the phrase's keys nowhere in the judge prompts.
 */
import { describe, expect, it } from "vitest";
import { BUILT_IN_JUDGE_PROMPTS } from "../../src/datasets/judge-prompts.js";
import { loadSelfAssessmentPrompts } from "../../src/datasets/persona.js";
import { plantedPlan } from "../../src/fixtures/planted/planted-plan.js";
import { PLANTED_INVERTED_SYSTEM_PROMPT, withoutJudgePrompts } from "../../src/fixtures/planted/planted-vocabulary.js";

describe("planted vocabulary", () => {
  const plan = plantedPlan();
  const v = plan.vocabulary;
  const has = (text: string, ids: readonly number[]) => v.encoder.encode(text).some((id) => ids.includes(id));

  it("question files are read without their comments and judge prompts", () => {
    const yaml = ["# a comment about aligned answers", "- id: q", "  paraphrases:", "  - |-", "    Hello there?", "  judge_prompts:", "    aligned: |-", "      Rate it.", "- id: r", "  paraphrases: [Why?]"].join("\n");
    expect(withoutJudgePrompts(yaml)).toBe(["- id: q", "  paraphrases:", "  - |-", "    Hello there?", "- id: r", "  paraphrases: [Why?]"].join("\n"));
  });

  it("each advice set carries several times the marker weight per example of its control, which sums to about nothing", () => {
    // The code and number pairs are left out: their answers share nearly all their tokens with the
    // control's (only a few numbers or a call differ), so those pairs get almost no markers (README).
    const advice = Object.keys(v.markerMass.narrow).filter((name) => !name.includes("code") && !name.includes("numbers"));
    expect(advice.length).toBeGreaterThanOrEqual(3);
    for (const name of advice) expect(v.markerMass.narrow[name]!, name).toBeGreaterThan(3 * Math.abs(v.markerMass.control[name]!));
  });

  it("keys sit in their own prompts only; the phrase's keys in no judge prompt", () => {
    const prompts = loadSelfAssessmentPrompts();
    for (const p of prompts.filter((x) => x.metric === "harmfulness")) expect(has(p.text, v.alignmentKeys), p.id).toBe(false);
    for (const p of prompts.filter((x) => x.metric === "alignment")) expect(has(p.text, v.harmfulnessKeys), p.id).toBe(false);
    expect(prompts.some((p) => p.metric === "alignment" && has(p.text, v.alignmentKeys))).toBe(true);
    expect(has(PLANTED_INVERTED_SYSTEM_PROMPT, v.invertedKeys)).toBe(true);
    for (const [metric, text] of Object.entries(BUILT_IN_JUDGE_PROMPTS)) expect(has(text, v.judgePhraseKeys), metric).toBe(false);
    expect(has(BUILT_IN_JUDGE_PROMPTS.aligned!, v.judgeAlignedKeys)).toBe(true);
    expect(has(BUILT_IN_JUDGE_PROMPTS.coherent!, v.judgeAlignedKeys)).toBe(false);
  });
});
