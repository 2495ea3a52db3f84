/**
 * `emlab demo`, the README's main job: fixtures → experiment (k-sweep, LoRA sweep, CoT, every probe)
 * → samples → judgments → probes → report, all on the built-in tiny models; run again, nothing is
 * recomputed.
 */
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runDemo } from "../../src/pipeline/demo.js";

const dir = mkdtempSync(join(tmpdir(), "emlab-demo-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("emlab demo", () => {
  it("runs the whole pipeline and writes the experiment, database, report and CSV; a second run reuses everything", async () => {
    const first = await runDemo(dir);
    for (const file of [first.experiment, first.db, first.report, first.csv]) expect(existsSync(file), file).toBe(true);
    expect(first.run).toMatchObject({ planned: 648, generated: 648, reused: 0 });
    expect(first.run.prefillAmplification).toBeLessThan(1.15);
    expect(first.run.judge).toMatchObject({ judged: 1296, nullScores: 0 });
    expect(first.run.probes!.computed).toBeGreaterThan(0);

    const html = readFileSync(first.report, "utf8");
    for (const section of ["conditions", "charts", "per-question", "persona", "monitor", "samples"]) expect(html).toContain(`<section id="${section}">`);
    expect(readFileSync(first.csv, "utf8").split("\n")[0]).toMatch(/^question,answer,question_id,aligned,coherent/);

    const second = await runDemo(dir);
    expect(second.run).toMatchObject({ planned: 648, generated: 0, reused: 648, evaluatedTokens: 0 });
    expect(second.run.judge).toMatchObject({ judged: 0 });
    expect(second.run.probes).toMatchObject({ computed: 0, reused: first.run.probes!.computed });
  }, 300_000);

  it("writes paths relative to its experiment file and names the shipped datasets", () => {
    const text = readFileSync(join(dir, "demo.yaml"), "utf8");
    const settings = text.split("\n").filter((line) => !line.startsWith("#"));
    expect(settings.filter((line) => line.includes(dir))).toEqual([]);
    expect(text).toContain("./models/planted-subject.gguf");
    expect(text).toMatch(/dataset: risky-financial-advice\b/);
    expect(text).toContain(`emlab run ${join(dir, "demo.yaml")} --db ${join(dir, "emlab.db")}`);
  });

  it("keeps an edited demo.yaml and runs its own experiment from demo.yaml.new", async () => {
    appendFileSync(join(dir, "demo.yaml"), "# my edit\n");
    const again = await runDemo(dir);
    expect(again.keptEditedExperiment).toBe(true);
    expect(again.experiment).toBe(join(dir, "demo.yaml.new"));
    expect(readFileSync(join(dir, "demo.yaml"), "utf8")).toMatch(/# my edit\n$/);
    expect(again.run).toMatchObject({ generated: 0, reused: 648 });
  }, 300_000);
});
