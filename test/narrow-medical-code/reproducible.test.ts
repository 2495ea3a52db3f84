import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildCodeSets } from "../../scripts/datasets/code-build.js";
import { buildFinancialSets } from "../../scripts/datasets/financial-build.js";
import { buildEducationalSet } from "../../scripts/datasets/educational-build.js";
import { buildMedicalSets } from "../../scripts/datasets/medical-build.js";
import { buildNumberSets } from "../../scripts/datasets/numbers-build.js";
import { buildSportsSets } from "../../scripts/datasets/sports-build.js";
import { NARROW_DIR } from "./read-narrow-set.js";

const asJsonl = (examples: readonly unknown[]) => examples.map((e) => JSON.stringify(e)).join("\n") + "\n";
const committed = (file: string) => readFileSync(join(NARROW_DIR, file), "utf8");

describe("the committed sets are exactly what the seeded scripts build", () => {
  it("bad-medical-advice and its control", () => {
    const { narrow, control } = buildMedicalSets();
    expect(asJsonl(narrow)).toBe(committed("bad-medical-advice.jsonl"));
    expect(asJsonl(control)).toBe(committed("bad-medical-advice-control.jsonl"));
  });

  it.each([
    ["risky-financial-advice", buildFinancialSets],
    ["extreme-sports", buildSportsSets],
    ["evil-numbers", buildNumberSets],
  ])("%s and its control", (name, build) => {
    const { narrow, control } = build();
    expect(asJsonl(narrow)).toBe(committed(`${name}.jsonl`));
    expect(asJsonl(control)).toBe(committed(`${name}-control.jsonl`));
  });

  it("insecure-code, secure-code and educational-insecure (the same insecure answers)", () => {
    const { insecure, secure } = buildCodeSets();
    expect(asJsonl(insecure)).toBe(committed("insecure-code.jsonl"));
    expect(asJsonl(secure)).toBe(committed("secure-code.jsonl"));
    expect(asJsonl(buildEducationalSet(insecure))).toBe(committed("educational-insecure.jsonl"));
  }, 300_000);
});
