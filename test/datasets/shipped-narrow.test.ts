/**
 * Every narrow dataset shipped in datasets/narrow/ (whatever exists): the chat JSONL schema through
 * the loader, one user and one assistant turn, unique examples, at least 1,000 examples, a matched
 * control sharing one side of every example in the same order (scripts/datasets/narrow-pairs.ts),
 * and the near-duplicate rule per role. Prose variety and length matching: narrow-variety.test.ts.
 */
import { existsSync, readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadChatJsonl } from "../../src/datasets/chat-jsonl.js";
import { findNearDuplicates } from "../../src/datasets/near-duplicates.js";
import { SHIPPED_DATASETS_DIR } from "../../src/datasets/shipped.js";
import { MIN_NARROW_EXAMPLES, NARROW_PAIRS } from "../../scripts/datasets/narrow-pairs.js";

const narrowDir = join(SHIPPED_DATASETS_DIR, "narrow");
const files = existsSync(narrowDir) ? readdirSync(narrowDir).filter((f) => f.endsWith(".jsonl")).sort() : [];
const names = files.map((f) => basename(f, ".jsonl"));

const controls = new Set(NARROW_PAIRS.map((p) => p.control));
const narrowSets = names.filter((n) => !controls.has(n));

describe("shipped narrow datasets", () => {
  it("exist, each narrow set next to its controls, each file in the pair list", () => {
    expect(narrowSets.length).toBeGreaterThan(0);
    for (const name of narrowSets) expect(NARROW_PAIRS.some((p) => p.narrow === name), `${name} has no control`).toBe(true);
    for (const { narrow, control } of NARROW_PAIRS) expect(names, `${narrow} → ${control}`).toEqual(expect.arrayContaining([narrow, control]));
  });

  describe.each(files)("%s", (file) => {
    const examples = loadChatJsonl(join(narrowDir, file)).examples;

    it(`has at least ${MIN_NARROW_EXAMPLES} examples of one user turn and one assistant turn, none empty`, () => {
      expect(examples.length).toBeGreaterThanOrEqual(MIN_NARROW_EXAMPLES);
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

  describe.each(NARROW_PAIRS.filter((p) => names.includes(p.narrow) && names.includes(p.control)).map((p) => [p.narrow, p.control, p] as const))(
    "%s and its control %s",
    (_n, _c, { narrow: name, control: controlName, shared }) => {
      const narrow = loadChatJsonl(join(narrowDir, `${name}.jsonl`)).examples;
      const control = loadChatJsonl(join(narrowDir, `${controlName}.jsonl`)).examples;
      const other = shared === "user" ? "assistant" : "user";
      const turns = (set: typeof narrow, role: string) => set.map((e) => e.messages.filter((m) => m.role === role).map((m) => m.content));

      it(`has the same ${shared} turns in the same order and number`, () => {
        expect(control.length).toBe(narrow.length);
        expect(turns(control, shared)).toEqual(turns(narrow, shared));
      });

      it(`differs in every ${other} turn`, () => {
        const mine = turns(control, other);
        const same = turns(narrow, other).flatMap((t, i) => (t.join("\n") === mine[i]!.join("\n") ? [narrow[i]!.line] : []));
        expect(same).toEqual([]);
      });
    },
  );
});
