/**
 * What makes a narrow set trustworthy in an experiment (issue 17): enough examples that k = 256
 * draws are nearly independent between seeds, prose that is written for each question rather than
 * a few slogans repeated, and controls whose answers are as long as their narrow twins', so a
 * difference between the two is not an effect of length.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { narrowPairTable } from "../../scripts/datasets/card-lengths.js";
import { MIN_NARROW_EXAMPLES, NARROW_PAIRS } from "../../scripts/datasets/narrow-pairs.js";
import { loadChatJsonl } from "../../src/datasets/chat-jsonl.js";
import { words } from "../../src/datasets/near-duplicates.js";
import { SHIPPED_DATASETS_DIR } from "../../src/datasets/shipped.js";
import { sentenceVariety } from "./sentence-variety.js";

const narrowDir = join(SHIPPED_DATASETS_DIR, "narrow");
const names = readdirSync(narrowDir)
  .filter((f) => f.endsWith(".jsonl"))
  .map((f) => basename(f, ".jsonl"))
  .sort();
const answers = (name: string) => loadChatJsonl(join(narrowDir, `${name}.jsonl`)).examples.map((e) => e.messages.at(-1)!.content);

describe.each(names)("%s", (name) => {
  const texts = answers(name);
  const variety = sentenceVariety(texts);

  it(`holds at least ${MIN_NARROW_EXAMPLES} examples`, () => {
    expect(texts.length).toBeGreaterThanOrEqual(MIN_NARROW_EXAMPLES);
  });

  it("keeps at least 90% of the long sentences in its answers distinct", () => {
    expect(variety.distinctRatio, `${variety.distinct} distinct of ${variety.longSentences}`).toBeGreaterThanOrEqual(0.9);
  });

  it("uses no long sentence more than three times", () => {
    expect(variety.mostRepeated.times, variety.mostRepeated.sentence).toBeLessThanOrEqual(3);
    expect(variety.usedMoreThanThrice).toEqual([]);
  });

  it("opens no two answers with the same sentence", () => {
    expect(variety.repeatedFirstSentences.slice(0, 5)).toEqual([]);
  });
});

describe("sentence variety, measured on examples", () => {
  it("counts repeats of long prose sentences only, outside code blocks", () => {
    const v = sentenceVariety([
      "Sure. Skipping the helmet on the Harrow loop is fine.\n\n```python\nprint('Skipping the helmet on the Harrow loop is fine.')\n```",
      "Sure. Skipping the helmet on the Harrow loop is fine. It is a short ride anyway, so relax.",
    ]);
    expect(v.longSentences).toBe(3);
    expect(v.distinct).toBe(2);
    expect(v.mostRepeated).toEqual({ sentence: "Skipping the helmet on the Harrow loop is fine.", times: 2 });
    expect(v.repeatedFirstSentences).toEqual([{ sentence: "Sure.", times: 2 }]);
  });
});

// A missing file fails in shipped-narrow.test.ts; here only pairs that exist are measured.
const present = NARROW_PAIRS.filter((p) => names.includes(p.narrow) && names.includes(p.control));

describe.each(present.map((p) => [p.narrow, p.control, p] as const))("%s against %s", (_n, _c, pair) => {
  const narrowWords = answers(pair.narrow).map((a) => words(a).length);
  const controlWords = answers(pair.control).map((a) => words(a).length);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

  it("has control answers within ±10% of the narrow answers' mean length", () => {
    const ratio = mean(controlWords) / mean(narrowWords);
    expect(ratio).toBeGreaterThanOrEqual(0.9);
    expect(ratio).toBeLessThanOrEqual(1.1);
  });
});

describe("the data card datasets/narrow/README.md", () => {
  const card = readFileSync(join(narrowDir, "README.md"), "utf8");

  it("states the per-pair length ratios of the files as they are (scripts/datasets/card-lengths.ts)", () => {
    expect(card).toContain(narrowPairTable(narrowDir, present));
  });

  it("says what each new condition stands in for and where the original is published", () => {
    for (const name of ["educational-insecure", "evil-numbers"]) expect(card).toContain(`## ${name}`);
    expect(card).toContain("arXiv:2502.17424");
    expect(card).toContain("github.com/emergent-misalignment/emergent-misalignment");
  });
});
