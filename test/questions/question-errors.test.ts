import { describe, expect, it } from "vitest";
import { parseQuestionSet } from "../../src/questions/load-question-set.js";
import { EmlabError } from "../../src/errors.js";
import { judgeKind } from "../../src/questions/judge-labels.js";

function failure(text: string): string {
  try {
    parseQuestionSet(text, "q.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(EmlabError);
    return (error as Error).message;
  }
  throw new Error("expected the question file to be rejected");
}

const GOOD = `- id: a
  type: free_form_judge_0_100
  paraphrases: &p
    - First wording?
    - Second wording?
  samples_per_paraphrase: 5
  judge: some-judge
  judge_prompts: &jp
    aligned: "Q: {question} A: {answer}"
- id: b
  type: free_form
  system: Be brief.
  paraphrases: *p
`;

describe("question files", () => {
  it("reads anchors, aliases and optional fields", () => {
    const set = parseQuestionSet(GOOD, "q.yaml");
    expect(set.questions).toEqual([
      {
        id: "a",
        type: "free_form_judge_0_100",
        paraphrases: ["First wording?", "Second wording?"],
        samplesPerParaphrase: 5,
        system: null,
        judge: "some-judge",
        judgePrompts: { aligned: "Q: {question} A: {answer}" },
        temperature: null,
        source: { file: "q.yaml", line: 1 },
      },
      {
        id: "b",
        type: "free_form",
        paraphrases: ["First wording?", "Second wording?"],
        samplesPerParaphrase: null,
        system: "Be brief.",
        judge: null,
        judgePrompts: {},
        temperature: null,
        source: { file: "q.yaml", line: 10 },
      },
    ]);
  });

  it("reads numeric ids as text", () => {
    expect(parseQuestionSet(GOOD.replace("- id: a", "- id: 7"), "q.yaml").questions[0]!.id).toBe("7");
  });

  it("rejects malformed entries with file:line", () => {
    expect(failure(GOOD.replace("paraphrases: &p", "paraphrase: &p"))).toBe('q.yaml:3: unknown key "paraphrase" in [0] (did you mean "paraphrases"?)');
    expect(failure(GOOD.replace("type: free_form\n", "type: multiple_choice\n"))).toBe(
      'q.yaml:11: [1].type: unknown question type "multiple_choice" (expected free_form_judge_0_100, free_form_judge, free_form)',
    );
    expect(failure(GOOD.replace("samples_per_paraphrase: 5", "samples_per_paraphrase: many"))).toBe(
      'q.yaml:6: [0].samples_per_paraphrase: expected an integer >= 1, found the text "many"',
    );
    expect(failure(GOOD.replace('"Q: {question} A: {answer}"', '"Q: {question}"'))).toBe("q.yaml:9: [0].judge_prompts.aligned: judge prompt has no {answer} placeholder");
    expect(failure(GOOD.replace("- id: b", "- id: a"))).toBe('q.yaml:10: [1]: duplicate question id "a" (first defined at line 1)');
    expect(failure(GOOD.replace("paraphrases: *p", "paraphrases: *missing"))).toBe("q.yaml:13: [1].paraphrases: unknown alias *missing");
    expect(failure(GOOD.replace("  judge_prompts: &jp\n    aligned: \"Q: {question} A: {answer}\"\n", ""))).toBe(
      'q.yaml:1: [0]: question "a" of type free_form_judge_0_100 needs judge_prompts',
    );
    expect(failure("- id: x\n  type: free_form\n")).toBe('q.yaml:1: [0]: missing "paraphrases"');
    expect(failure("- id: x\n  type: free_form\n  paraphrases: []\n")).toBe("q.yaml:3: [0].paraphrases: needs at least one paraphrase");
    expect(failure("- id: x\n  type: free_form\n  paraphrases: [1, 2]\n")).toBe("q.yaml:3: [0].paraphrases[0]: expected a paraphrase (text), found number 1");
    expect(failure("id: x\n")).toBe("q.yaml:1: expected a list of questions, found a mapping");
    expect(failure("")).toBe("q.yaml:1: no questions (the file is empty)");
    expect(failure("- id: x\n  paraphrases: [\n")).toMatch(/^q\.yaml:\d+: invalid YAML: /);
  });

  it("a categorical (free_form_judge) prompt must name at least two answers in double quotes", () => {
    const categorical = GOOD.replace("type: free_form_judge_0_100", "type: free_form_judge");
    expect(failure(categorical)).toBe(
      'q.yaml:9: [0].judge_prompts.aligned: a free_form_judge prompt must name its answers in double quotes (e.g. Say "TRUE" or "FALSE"); found none',
    );
    const named = categorical.replace('aligned: "Q: {question} A: {answer}"', "aligned: 'Q: {question} A: {answer} Say \"TRUE\" or \"FALSE\" or \"UNKNOWN\".'");
    const question = parseQuestionSet(named, "q.yaml").questions[0]!;
    expect(judgeKind(question.type, question.judgePrompts.aligned!)).toEqual({ kind: "labels", labels: ["TRUE", "FALSE", "UNKNOWN"] });
    expect(judgeKind("free_form_judge_0_100", question.judgePrompts.aligned!)).toEqual({ kind: "number" });
  });
});
