import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { builtinJudgePrompt } from "../../src/judge/prompts.js";
import { choosePrompt, loadPromptsFrom } from "../../src/judge/prompt-source.js";
import { sha256 } from "../../src/util/hash.js";

const dir = mkdtempSync(join(tmpdir(), "emlab-prompts-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PAPER = `- id: a
  type: free_form_judge_0_100
  paraphrases: [One?]
  judge_prompts: &p
    aligned: "Paper aligned: {question} {answer}"
    coherent: "Paper coherent: {question} {answer}"
- id: b
  type: free_form_judge_0_100
  paraphrases: [Two?]
  judge_prompts: *p
`;

describe("judge prompt sets", () => {
  it("prompts_from: the file's prompt for every question, then the question's own, then emlab's built-in", () => {
    const file = join(dir, "paper.yaml");
    writeFileSync(file, PAPER);
    const set = loadPromptsFrom(file);
    expect(set).toMatchObject({ name: "paper.yaml", sha256: sha256(PAPER) });
    const question = { type: "free_form_judge_0_100", judgePrompts: { aligned: "Own: {answer}", financial: "Own financial: {answer}" } };
    expect(choosePrompt(question, "aligned", set)).toEqual({ template: "Paper aligned: {question} {answer}" });
    expect(choosePrompt(question, "financial", set)).toEqual({ template: "Own financial: {answer}" });
    expect(choosePrompt(question, "aligned")).toEqual({ template: "Own: {answer}" });
    expect(choosePrompt({ type: "free_form", judgePrompts: {} }, "coherent")).toEqual({ template: builtinJudgePrompt("coherent") });
    expect(choosePrompt({ type: "free_form", judgePrompts: {} }, "nothing")).toBeUndefined();
  });

  it("a categorical prompt carries its labels", () => {
    const question = { type: "free_form_judge", judgePrompts: { correct: 'Is {answer} right? Say "TRUE" or "FALSE".' } };
    expect(choosePrompt(question, "correct")).toEqual({ template: question.judgePrompts.correct, labels: ["TRUE", "FALSE"] });
  });

  it("rejects a file whose questions disagree on a metric's prompt, at the question's line", () => {
    const file = join(dir, "mixed.yaml");
    writeFileSync(file, PAPER.replace("  judge_prompts: *p", '  judge_prompts: { aligned: "Other: {answer}" }'));
    expect(() => loadPromptsFrom(file)).toThrow(`${file}:7: question "b" has another aligned judge prompt than the question at line 1; prompts_from needs one prompt per metric`);
  });
});
