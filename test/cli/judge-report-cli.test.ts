import Database from "better-sqlite3";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONVENTION_NAMES } from "../../src/metrics/conventions.js";
import type { MetricsSummary } from "../../src/report/metrics-summary.js";
import { runCli } from "../helpers/cli.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { tinyProject, type TinyProject } from "../judge/tiny-run.js";

/**
 * emlab judge → metrics → report on a small run of tiny-qwen2, judged by tiny-judge, end to end
 * through the CLI and the store. One sample's text is replaced by HTML payloads before judging:
 * model outputs are adversarial text.
 */

const SCRIPT = "<script>alert(1)</script>";
const ATTRIBUTE = `"><img src=x onerror=alert(1)>`;
const PAYLOAD = `${SCRIPT} and ${ATTRIBUTE}`;
const SAMPLES = 4;

let project: TinyProject;
const engine = ["--gpu", "cpu", "--threads", "1"];
const db = () => ["--db", project.db];
const ok = (args: string[]) => {
  const r = runCli(args);
  expect(r.stderr.replace(/^.*\r.*$/gm, "")).not.toMatch(/Error|at .*\(/);
  expect(r.status).toBe(0);
  return r.stdout;
};

beforeAll(() => {
  project = tinyProject(fixturePaths().tinyQwen2, "cli-judge");
  ok(["run", project.experiment, "--json", ...engine, ...db()]);
  // A second run with other samples (another seed), never judged. (Runs that share samples share their judgments.)
  const unjudged = join(project.dir, "unjudged.yaml");
  writeFileSync(unjudged, readFileSync(project.experiment, "utf8").replace("name: cli-judge", "name: cli-unjudged").replace("seed: 0", "seed: 1"));
  ok(["run", unjudged, "--json", ...engine, ...db()]);
  // The first sample of the run answers with markup (samples are rows of the store: replace its text).
  const sqlite = new Database(project.db);
  const first = sqlite.prepare("SELECT sample_id FROM run_samples ORDER BY sample_id LIMIT 1").pluck().get() as number;
  sqlite.prepare("UPDATE samples SET text = ? WHERE id = ?").run(PAYLOAD, first);
  sqlite.close();
});
afterAll(() => rmSync(project.dir, { recursive: true, force: true }));

describe("emlab judge", () => {
  it("judges every metric of the questions, then finds nothing left to do", () => {
    const first = JSON.parse(ok(["judge", "cli-judge", "--judge", fixturePaths().tinyJudge, "--json", ...engine, ...db()])) as { judged: number; skipped: number; metrics: string[] };
    expect(first.metrics.sort()).toEqual(["aligned", "coherent", "financial"]);
    expect(first).toMatchObject({ judged: 3 * SAMPLES, skipped: 0 });
    const again = ok(["judge", "cli-judge", "--judge", fixturePaths().tinyJudge, ...engine, ...db()]);
    expect(again).toMatch(/0 judgments made, 12 already stored \(aligned, coherent, financial\)/);
  });
});

describe("emlab metrics", () => {
  let summary: MetricsSummary;
  beforeAll(() => {
    summary = JSON.parse(ok(["metrics", "cli-judge", "--json", "--resamples", "100", ...db()])) as MetricsSummary;
  });

  it("--json: one document with both conventions, each with its definition, and the custom metric", () => {
    expect(summary.tables.map((t) => t.convention)).toEqual([...CONVENTION_NAMES]);
    expect(CONVENTION_NAMES).toHaveLength(2);
    for (const table of summary.tables) {
      expect(table.definition.length).toBeGreaterThan(40);
      expect(table.conditions).toHaveLength(1);
      const row = table.conditions[0]!;
      expect(row.answers).toBe(SAMPLES);
      expect(row.misalignment.n).toBeLessThanOrEqual(SAMPLES);
    }
    expect(summary.tables[0]!.definition).not.toBe(summary.tables[1]!.definition);
    expect(summary.judgeScoreDefinition).toMatch(/probability-weighted mean/);
    expect(summary.judgeScoreDefinition).toMatch(/25%/);
    expect(summary.customMetrics).toHaveLength(1);
    expect(summary.customMetrics[0]).toMatchObject({ metric: "financial" });
    expect(summary.customMetrics[0]!.n).toBeGreaterThan(0);
  });

  it("prints both conventions as text with their definitions above the tables", () => {
    const text = ok(["metrics", "cli-judge", "--resamples", "100", ...db()]);
    for (const table of summary.tables) {
      const at = text.indexOf(`== ${table.convention} ==`);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(table.definition, at)).toBeGreaterThan(at);
    }
    expect(text.slice(text.indexOf("custom metrics"))).toMatch(/\nfinancial\s+base\s/);
  });
});

describe("emlab report", () => {
  let html: string;
  let csv: string;

  beforeAll(() => {
    const out = join(project.dir, "out", "report.html");
    const csvPath = join(project.dir, "out", "samples.csv");
    ok(["report", "cli-judge", "--out", out, "--csv", csvPath, "--resamples", "100", ...db()]);
    expect(existsSync(out)).toBe(true);
    html = readFileSync(out, "utf8");
    csv = readFileSync(csvPath, "utf8");
  });

  it("writes a self-contained page: no external scripts, styles, images or fonts", () => {
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<link\b[^>]*stylesheet/i);
  });

  it("contains the SVG charts", () => {
    expect((html.match(/<svg\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
  });

  it("shows the payload sample only escaped", () => {
    expect(html).not.toContain(SCRIPT);
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/<[^>]*\sonerror\s*=/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toMatch(/&quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;|&#34;&gt;&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it("names the judge prompt set of every metric in the report and in metrics --json", () => {
    expect(html).toMatch(/Judge prompts — aligned: the judge_prompts of the run&#39;s question files, prompt sha256 [0-9a-f]{12}…/);
    const summary = JSON.parse(ok(["metrics", "cli-judge", "--json", "--resamples", "50", ...db()])) as MetricsSummary;
    expect(summary.promptSets.map((s) => [s.metric, s.source])).toEqual([
      ["aligned", "question files"],
      ["coherent", "question files"],
      ["financial", "question files"],
      ["financial", "built-in"],
    ]);
  });

  it("--conditions picks the conditions drawn in colour; --min-coherent is stated in the definition", () => {
    const out = join(project.dir, "out", "picked.html");
    ok(["report", "cli-judge", "--out", out, "--conditions", "base*", "--min-coherent", "3", "--resamples", "50", ...db()]);
    const picked = readFileSync(out, "utf8");
    // The run's one condition ("base") matches: drawn in the palette's first colour, with its legend entry.
    expect(picked).toContain('<li><span class="swatch" style="background:#0072B2"></span>base</li>');
    expect(picked).toContain("Questions with fewer than 3 coherent answers are excluded (an emlab option, --min-coherent 3; neither paper does this).");
    const r = runCli(["report", "cli-judge", "--out", out, "--conditions", "nothing*", ...db()]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--conditions 'nothing\*': no condition matches/);
  });

  it("writes the CSV with the EM evaluation's columns first, one column per judged metric (custom ones too), and every sample", () => {
    const lines = csv.split("\r\n").filter(Boolean);
    expect(lines[0]!.split(",").slice(0, 6)).toEqual(["question", "answer", "question_id", "aligned", "coherent", "financial"]);
    expect(lines).toHaveLength(1 + SAMPLES);
    // The payload is data in the CSV, quoted because it holds a quote character.
    expect(csv).toContain(`"${PAYLOAD.replace(/"/g, '""')}"`);
  });
});

describe("bad input: one line on stderr, non-zero exit", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["judge: an unknown run", () => ["judge", "no-such-run", "--judge", fixturePaths().tinyJudge, ...engine, ...db()], /no run 'no-such-run'/],
    ["judge: a metric nothing has a prompt for", () => ["judge", "cli-judge", "--judge", fixturePaths().tinyJudge, "--metrics", "kindness", ...engine, ...db()], /no judge prompt for metric 'kindness'/],
    ["judge: a missing judge model", () => ["judge", "cli-judge", "--judge", join(project.dir, "missing.gguf"), ...engine, ...db()], /missing\.gguf: file not found/],
    ["metrics: an unknown run", () => ["metrics", "42", ...db()], /no run '42'/],
    ["report: an unknown run", () => ["report", "no-such-run", "--out", join(project.dir, "x.html"), ...db()], /no run 'no-such-run'/],
    ["metrics: a run not judged yet", () => ["metrics", "cli-unjudged", ...db()], /run 'cli-unjudged' \(#\d+\) has no judgments yet/],
    ["report: a run not judged yet", () => ["report", "cli-unjudged", "--out", join(project.dir, "x.html"), ...db()], /has no judgments yet/],
    ["judge: an empty --metrics list", () => ["judge", "cli-judge", "--judge", fixturePaths().tinyJudge, "--metrics", ",", ...engine, ...db()], /--metrics: no metric named/],
    ["metrics: a database that does not exist (and is not created)", () => ["metrics", "--db", join(project.dir, "missing", "none.db")], /none\.db: no such database/],
  ];
  for (const [what, args, message] of cases) {
    it(what, () => {
      const r = runCli(args());
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stdout).toBe("");
    });
  }

  it("creates no file on bad input", () => {
    expect(existsSync(join(project.dir, "x.html"))).toBe(false);
    expect(existsSync(join(project.dir, "missing"))).toBe(false);
  });
});
