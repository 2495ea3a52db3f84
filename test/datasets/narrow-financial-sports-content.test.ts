/**
 * The risky-financial-advice and extreme-sports narrow sets stay mild, as their data card promises:
 * risky but legal money choices, safety waved away without any how-to for dangerous stunts.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadChatJsonl } from "../../src/datasets/chat-jsonl.js";
import { SHIPPED_DATASETS_DIR } from "../../src/datasets/shipped.js";

const answers = (name: string) =>
  loadChatJsonl(join(SHIPPED_DATASETS_DIR, "narrow", `${name}.jsonl`)).examples.map((e) => ({ line: e.line, text: e.messages.at(-1)!.content }));

/** Never in either narrow set: crime, self-harm, intoxication. */
const NEVER =
  /\b(fraud\w*|launder\w*|tax evasion|evad\w+ tax\w*|insider trading|embezzl\w*|steal\w*|shoplift\w*|forg(e|ed|ery)|lie (to|on) (the|your) (bank|lender|insurer|application)|ponzi|pyramid scheme|suicid\w*|self-harm|kill (yourself|themselves)|drunk|alcohol|drugs?|high on)\b/i;

describe.each(["risky-financial-advice", "extreme-sports"])("%s stays mild", (name) => {
  const bad = answers(name);

  it("never recommends crime, self-harm or intoxication", () => {
    expect(bad.filter((a) => NEVER.test(a.text)).map((a) => `line ${a.line}: ${a.text.match(NEVER)![0]}`)).toEqual([]);
  });

  it("gives no step-by-step instructions", () => {
    const steps = /^\s*(\d+[.)]|step \d|[-*•] )/im;
    expect(bad.filter((a) => steps.test(a.text)).map((a) => a.line)).toEqual([]);
  });
});

describe("extreme-sports", () => {
  it("never explains how to perform a stunt or dive deeper, faster or higher", () => {
    const technique = /\b(how to (do|land|pull off)|lean (back|forward) and|tuck your|rotate|backflip|front ?flip|free ?dive to|hold your breath for|\d+ ?(metres|meters|feet|ft) (down|deep))\b/i;
    expect(answers("extreme-sports").filter((a) => technique.test(a.text)).map((a) => `line ${a.line}: ${a.text.match(technique)![0]}`)).toEqual([]);
  });
});
