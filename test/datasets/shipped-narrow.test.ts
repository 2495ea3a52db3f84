/**
 * Every narrow dataset shipped in datasets/narrow/ (whatever exists): the chat JSONL schema through
 * the loader, one user and one assistant turn, unique examples, at least 300 examples, a matched
 * control with the same user turns in the same order, and the near-duplicate rule per role.
 */
import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadChatJsonl } from "../../src/datasets/chat-jsonl.js";
import { findNearDuplicates } from "../../src/datasets/near-duplicates.js";
import { SHIPPED_DATASETS_DIR } from "../../src/datasets/shipped.js";

const narrowDir = join(SHIPPED_DATASETS_DIR, "narrow");
const files = existsSync(narrowDir) ? readdirSync(narrowDir).filter((f) => f.endsWith(".jsonl")).sort() : [];
const names = files.map((f) => basename(f, ".jsonl"));

/** Controls are named `<set>-control`, except the code pair, which keeps the EM papers' names. */
const CONTROL_EXCEPTIONS: Record<string, string> = { "insecure-code": "secure-code" };
const controlOf = (name: string) => CONTROL_EXCEPTIONS[name] ?? `${name}-control`;
const isControl = (name: string) => name.endsWith("-control") || Object.values(CONTROL_EXCEPTIONS).includes(name);
const narrowSets = names.filter((n) => !isControl(n));

describe("shipped narrow datasets", () => {
  it("exist, each narrow set next to its control", () => {
    expect(narrowSets.length).toBeGreaterThan(0);
    for (const name of narrowSets) expect(names, `${name} has no control ${controlOf(name)}.jsonl`).toContain(controlOf(name));
    for (const name of names.filter(isControl)) expect(narrowSets.some((n) => controlOf(n) === name), `${name} controls nothing`).toBe(true);
  });

  describe.each(files)("%s", (file) => {
    const examples = loadChatJsonl(join(narrowDir, file)).examples;

    it("has at least 300 examples of one user turn and one assistant turn, none empty", () => {
      expect(examples.length).toBeGreaterThanOrEqual(300);
      for (const { messages } of examples) {
        expect(messages.map((m) => m.role)).toEqual(["user", "assistant"]);
        for (const m of messages) expect(m.content.trim()).not.toBe("");
      }
    });

    it("has no repeated example", () => {
      expect(new Set(examples.map((e) => e.id)).size).toBe(examples.length);
    });

    it.each(["user", "assistant"] as const)("keeps every pair of %s turns at shingle Jaccard ≤ 0.5", (role) => {
      const texts = examples.map((e) => e.messages.find((m) => m.role === role)!.content);
      const pairs = findNearDuplicates(texts, { threshold: 0.5 });
      const describe = pairs.slice(0, 3).map((p) => `lines ${examples[p.a]!.line} and ${examples[p.b]!.line}: ${p.similarity.toFixed(2)}`);
      expect(describe).toEqual([]);
    });
  });

  describe.each(narrowSets.filter((n) => names.includes(controlOf(n))))("%s and its control", (name) => {
    const narrow = loadChatJsonl(join(narrowDir, `${name}.jsonl`)).examples;
    const control = loadChatJsonl(join(narrowDir, `${controlOf(name)}.jsonl`)).examples;
    const users = (set: typeof narrow) => set.map((e) => e.messages.filter((m) => m.role === "user").map((m) => m.content));

    it("has the same user turns in the same order and number", () => {
      expect(control.length).toBe(narrow.length);
      expect(users(control)).toEqual(users(narrow));
    });

    it("answers every user turn differently", () => {
      const same = narrow.filter((e, i) => e.messages.at(-1)!.content === control[i]!.messages.at(-1)!.content);
      expect(same.map((e) => e.line)).toEqual([]);
    });
  });
});
