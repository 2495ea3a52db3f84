/**
 * The risky-financial-advice and extreme-sports narrow sets and their matched controls: format,
 * size, matched user turns, and the near-duplicate rule (word 3-gram shingle Jaccard ≤ 0.5 within a
 * role). The similarity is computed independently of the composing script (max-pair-jaccard.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { maxPairJaccard } from "./max-pair-jaccard.js";

const narrowDir = join(import.meta.dirname, "..", "..", "datasets", "narrow");

interface Turn {
  role: string;
  content: string;
}

function readChat(name: string): Turn[][] {
  const lines = readFileSync(join(narrowDir, name), "utf8").split("\n");
  expect(lines.pop()).toBe("");
  return lines.map((line, i) => {
    const parsed = JSON.parse(line) as { messages?: Turn[] };
    if (!Array.isArray(parsed.messages)) throw new Error(`${name}:${i + 1}: no messages array`);
    return parsed.messages;
  });
}

const pairs: [string, string][] = [
  ["risky-financial-advice.jsonl", "risky-financial-advice-control.jsonl"],
  ["extreme-sports.jsonl", "extreme-sports-control.jsonl"],
];

describe.each(pairs)("%s and its control %s", (narrowName, controlName) => {
  const narrow = readChat(narrowName);
  const control = readChat(controlName);

  it("has at least 300 single-exchange examples with non-empty user and assistant turns", () => {
    for (const examples of [narrow, control]) {
      expect(examples.length).toBeGreaterThanOrEqual(300);
      for (const messages of examples) {
        expect(messages.map((m) => m.role)).toEqual(["user", "assistant"]);
        for (const m of messages) expect(m.content.trim().length).toBeGreaterThan(0);
      }
    }
  });

  it("shares every user turn with the control, in the same order, with different answers", () => {
    expect(control.map((m) => m[0]!.content)).toEqual(narrow.map((m) => m[0]!.content));
    narrow.forEach((messages, i) => expect(messages[1]!.content).not.toBe(control[i]![1]!.content));
  });

  it.each([
    ["whitespace words", /\s+/],
    ["letter-and-digit words", /[^\p{L}\p{N}]+/u],
  ])("keeps every pair of same-role turns at shingle Jaccard ≤ 0.5 (%s)", (_label, splitter) => {
    const checks = [
      narrow.map((m) => m[0]!.content),
      narrow.map((m) => m[1]!.content),
      control.map((m) => m[1]!.content),
    ];
    for (const texts of checks) expect(maxPairJaccard(texts, splitter).value).toBeLessThanOrEqual(0.5);
  });

  it("varies answer length from two sentences to two paragraphs", () => {
    for (const examples of [narrow, control]) {
      const answers = examples.map((m) => m[1]!.content);
      expect(answers.some((a) => !a.includes("\n") && a.split(/(?<=[.!?])\s/).length <= 2)).toBe(true);
      expect(answers.some((a) => a.split("\n\n").length >= 2 && a.split(/(?<=[.!?])\s/).length >= 4)).toBe(true);
    }
  });
});
