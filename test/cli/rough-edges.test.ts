/**
 * The edges a new user hits first: reading commands never create databases, a closed pipe is not a
 * crash, numbers are checked as strictly as in experiment files, shipped dataset names are reserved,
 * every engine's model path is accepted, exports carry scores and log-probs, Ctrl-C says how to
 * resume, and a busy database refuses a second run.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countOption, numberOption } from "../../src/cli/options.js";
import { runExperiment } from "../../src/pipeline/run-experiment.js";
import { runCli, spawnCli } from "../helpers/cli.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { experimentYaml, TempDir } from "../runner/experiment-files.js";

const tmp = new TempDir();
afterAll(() => tmp.dispose());

function expectOneLineError(result: ReturnType<typeof runCli>, pattern: RegExp): void {
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
}

describe("reading commands and a missing database", () => {
  it.each([["runs"], ["export"], ["label", "1", "--list"]])("%s refuses and creates nothing", (...args) => {
    const db = tmp.path(`missing-${args[0]}.db`);
    expectOneLineError(runCli([...args, "--db", db]), /no such database/);
    expect(existsSync(db)).toBe(false);
  });
});

describe("a closed stdout", () => {
  it("exits quietly when the reader goes away (emlab datasets list | head)", async () => {
    const child = spawnCli(["datasets", "list", "--db", tmp.path("none.db")]);
    child.stdout!.destroy(); // the reader is gone before the first write
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error/);
    expect(code).toBe(0);
  });
});

describe("numbers on the command line", () => {
  it.each([
    ["temperature", false, { min: 0, max: 100 }, "-1", /--temperature: -1 is not at least 0 and at most 100/],
    ["top-p", false, { min: 0, aboveMin: true, max: 1 }, "0", /--top-p: 0 is not above 0 and at most 1/],
    ["top-p", false, { min: 0, aboveMin: true, max: 1 }, "2", /--top-p: 2 is not above 0 and at most 1/],
    ["n", true, { min: 1 }, "0", /--n: 0 is not at least 1/],
    ["threads", true, { min: 1 }, "1.5", /--threads: '1.5' is not an integer/],
    ["seed", true, { min: 0 }, "", /--seed: '' is not an integer/],
  ] as const)("--%s %s %j refuses %s", (name, integer, range, value, message) => {
    expect(() => numberOption(name, integer, range)(value)).toThrow(message);
  });

  it("accepts the bounds themselves", () => {
    expect(numberOption("top-p", false, { min: 0, aboveMin: true, max: 1 })("1")).toBe(1);
    expect(countOption("n")("1")).toBe(1);
    expect(numberOption("temperature", false, { min: 0 })("0")).toBe(0);
  });

  it("sample, run and metrics check them before touching a model or database", () => {
    const db = tmp.path("numbers.db");
    expectOneLineError(runCli(["sample", "--model", fixturePaths().tinyQwen2, "--prompt", "hi", "--db", db, "--top-p", "2"]), /--top-p: 2 is not/);
    expectOneLineError(runCli(["run", "x.yaml", "--parallel", "0"]), /--parallel: 0 is not at least 1/);
    expectOneLineError(runCli(["metrics", "--resamples", "0"]), /--resamples: 0 is not at least 1/);
    expect(existsSync(db)).toBe(false);
  });
});

describe("dataset names", () => {
  it("a shipped name cannot be taken by an import", () => {
    const db = tmp.path("names.db");
    const file = tmp.write("mine.jsonl", JSON.stringify({ messages: [{ role: "user", content: "q" }, { role: "assistant", content: "a" }] }) + "\n");
    expectOneLineError(runCli(["datasets", "import", file, "--name", "core", "--db", db]), /dataset name "core" is reserved/);
    expect(existsSync(db)).toBe(false);
  });
});

describe("ONNX model directories on the command line", () => {
  it("inspect describes the export", () => {
    const result = runCli(["inspect", fixturePaths().tinyQwen2Onnx, "--json"]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ kind: "onnx-model", architecture: "qwen2", dtypes: [{ dtype: "fp32" }] });
  });

  it("sample runs on the ONNX engine", () => {
    const db = tmp.path("onnx-sample.db");
    const result = runCli(["sample", "--model", fixturePaths().tinyQwen2Onnx, "--prompt", "hi", "-n", "2", "--max-tokens", "4", "--threads", "1", "--db", db, "--json"]);
    expect(result.stderr).toBe("");
    const { samples } = JSON.parse(result.stdout) as { samples: { tokens: unknown[] }[] };
    expect(samples).toHaveLength(2);
    expect(samples[0]!.tokens.length).toBeGreaterThan(0);
  });
});

describe("export", () => {
  const db = tmp.path("judged.db");
  beforeAll(async () => {
    const judge = `judge: { model: ${JSON.stringify(fixturePaths().tinyJudge)}, metrics: [aligned, coherent] }`;
    const file = tmp.write("judged.yaml", experimentYaml({ name: "judged", k: [0], questions: ["one_wish"], samples: 2, maxTokens: 6, extra: judge }));
    await runExperiment(file, { db, threads: 1 });
  });

  it("JSONL has one score column per judged metric, numbers as numbers", () => {
    const result = runCli(["export", "judged", "--db", db]);
    const rows = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(rows.length).toBeGreaterThan(0);
    expect(Object.keys(rows[0]!).slice(0, 5)).toEqual(["question", "answer", "question_id", "aligned", "coherent"]);
    for (const row of rows) {
      expect(typeof row.aligned === "number" || row.aligned === null).toBe(true);
      expect(typeof row.n_tokens).toBe("number");
      expect(row.token_ids).toBeUndefined();
    }
  });

  it("CSV has the same columns in the EM order", () => {
    const result = runCli(["export", "judged", "--db", db, "--format", "csv"]);
    expect(result.stdout.split("\r\n")[0]).toMatch(/^question,answer,question_id,aligned,coherent,run_id,/);
  });

  it("--logprobs adds the per-token arrays, as stored", () => {
    const result = runCli(["export", "judged", "--db", db, "--logprobs"]);
    const rows = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { n_tokens: number; token_ids: number[]; logprobs: number[]; top_ids: number[][]; top_logprobs: number[][] });
    for (const row of rows) {
      expect(row.token_ids).toHaveLength(row.n_tokens);
      expect(row.logprobs).toHaveLength(row.n_tokens);
      expect(row.top_ids[0]).toHaveLength(3); // top_logprobs: 3 in the experiment's sampling
      expect(row.logprobs.every((lp) => lp <= 0)).toBe(true);
    }
    expectOneLineError(runCli(["export", "judged", "--db", db, "--logprobs", "--format", "csv"]), /--logprobs needs --format jsonl/);
  });
});

function countSamples(db: string): number {
  try {
    const handle = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (handle.prepare("SELECT count(*) AS n FROM samples").get() as { n: number }).n;
    } finally {
      handle.close();
    }
  } catch {
    return 0; // not created or not migrated yet
  }
}

describe("interrupting and sharing a database", () => {
  const experiment = tmp.write("long.yaml", experimentYaml({ name: "long", k: [0, 4], samples: 8, maxTokens: 32 }));

  it("Ctrl-C says how to resume, the run shows as interrupted, and a rerun completes it", async () => {
    const db = tmp.path("interrupted.db");
    const child = spawnCli(["run", experiment, "--db", db, "--threads", "1"]);
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    while (countSamples(db) === 0) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/interrupted; everything stored so far is kept: rerun `emlab run .*long\.yaml --db .*interrupted\.db` to resume/);
    const runs = JSON.parse(runCli(["runs", "--db", db, "--json"]).stdout) as { runs: { status: string; samples: number; planned: number }[] };
    expect(runs.runs).toHaveLength(1);
    expect(runs.runs[0]!.status).toBe("interrupted");
    expect(runs.runs[0]!.samples).toBeLessThan(runs.runs[0]!.planned);
    const resumed = runCli(["run", experiment, "--db", db, "--threads", "1", "--json"]);
    expect(JSON.parse(resumed.stdout)).toMatchObject({ resumed: true });
    expect(JSON.parse(runCli(["runs", "--db", db, "--json"]).stdout).runs[0].status).toBe("complete");
  });

  it("a second run on a database another live process is running refuses with one clear line", async () => {
    const db = tmp.path("busy.db");
    expect(runCli(["run", experiment, "--db", db, "--threads", "1", "--json"]).status).toBe(0);
    // Another emlab process owns a run of this database (a live process stands in for it).
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    try {
      const handle = new Database(db);
      handle.prepare("UPDATE runs SET status = 'running', owner_pid = ?").run(other.pid);
      handle.close();
      const before = countSamples(db);
      const second = tmp.write("other.yaml", experimentYaml({ name: "other", k: [0], samples: 1, maxTokens: 4 }));
      expectOneLineError(runCli(["run", second, "--db", db, "--threads", "1"]), new RegExp(`busy: run 1 \\(long\\) is being run by process ${other.pid}`));
      expect(countSamples(db)).toBe(before);
    } finally {
      other.kill();
    }
  });
});
