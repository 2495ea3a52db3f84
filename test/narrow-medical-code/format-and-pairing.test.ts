import { describe, expect, it } from "vitest";
import { readNarrowSet } from "./read-narrow-set.js";

const PAIRS = [
  ["bad-medical-advice.jsonl", "bad-medical-advice-control.jsonl"],
  ["insecure-code.jsonl", "secure-code.jsonl"],
] as const;

describe.each(PAIRS)("%s and its control %s", (narrowFile, controlFile) => {
  const narrow = readNarrowSet(narrowFile);
  const control = readNarrowSet(controlFile);

  it("each hold at least 300 well-formed two-turn examples", () => {
    expect(narrow.length).toBeGreaterThanOrEqual(300);
    expect(control.length).toBeGreaterThanOrEqual(300);
  });

  it("share the same user turns in the same order and number", () => {
    expect(control.map((t) => t.user)).toEqual(narrow.map((t) => t.user));
  });

  it("answer every shared user turn differently", () => {
    narrow.forEach((t, i) => expect(control[i]!.assistant, `line ${i + 1}`).not.toBe(t.assistant));
  });

  it("never repeat a user turn", () => {
    expect(new Set(narrow.map((t) => t.user)).size).toBe(narrow.length);
  });
});
