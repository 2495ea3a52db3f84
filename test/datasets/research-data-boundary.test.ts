/**
 * The narrow sets are research data: they may reach a model only through an experiment (an
 * experiment file naming them, or the demo experiment emlab writes). No other code in src/ may
 * read them, name them, or read the shipped data folder on its own.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { PACKAGE_ROOT, SHIPPED_DATASETS_DIR } from "../../src/datasets/shipped.js";

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const sources = walk(join(PACKAGE_ROOT, "src"))
  .filter((p) => p.endsWith(".ts"))
  .map((p) => ({ file: relative(PACKAGE_ROOT, p), text: readFileSync(p, "utf8") }));

const narrowNames = readdirSync(join(SHIPPED_DATASETS_DIR, "narrow"))
  .filter((f) => f.endsWith(".jsonl"))
  .map((f) => basename(f, ".jsonl"));

/**
 * Name resolution for experiment files (src/datasets/), `emlab datasets`, the demo experiment, and the
 * planted models, whose weights are built from token counts of the narrow sets and their controls (no
 * text of them reaches anything but those test and demo models).
 */
const MAY_READ = (file: string) =>
  file.startsWith("src/datasets/") ||
  file === "src/cli/commands/datasets.ts" ||
  file === "src/pipeline/demo.ts" ||
  file.startsWith("src/fixtures/planted/") ||
  // The public API lists the shipped-name lookup among its exports; it reads nothing.
  file === "src/index.ts";

describe("narrow research data stays inside experiments", () => {
  it("is named only by the demo experiment (and the doc comment of the shipped-name lookup)", () => {
    const pattern = new RegExp(`(?<![\\w-])(${narrowNames.map((n) => n.replace(/[-]/g, "\\-")).join("|")})(?![\\w-])`);
    const naming = sources.filter((s) => pattern.test(s.text)).map((s) => s.file);
    expect(naming.filter((f) => f !== "src/datasets/shipped.ts" && !f.startsWith("src/fixtures/planted/"))).toEqual(["src/pipeline/demo.ts"]);
  });

  it("is read from the shipped folder only on the experiment path", () => {
    const reading = sources.filter((s) => /SHIPPED_DATASETS_DIR|listShippedDatasets|findShippedDataset|["'`/]narrow\//.test(s.text)).map((s) => s.file);
    expect(reading.filter((f) => !MAY_READ(f))).toEqual([]);
  });
});
