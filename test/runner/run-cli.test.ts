/**
 * `emlab run` before any sampling: `--dry-run` reports the plan and what prefix reuse saves without
 * touching the database, and bad experiment files stop with one line and no database written.
 * (test/experiment/validation.test.ts covers the messages at library level.)
 */
import { existsSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { runCli } from "../helpers/cli.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { experimentYaml, TempDir } from "./experiment-files.js";

const tmp = new TempDir();
afterAll(() => tmp.dispose());

const emlab = (...args: string[]) => runCli([...args, "--threads", "1"]);

describe("emlab run --dry-run", () => {
  const experiment = tmp.write("sweep.yaml", experimentYaml({ name: "sweep", k: [0, 4, 16] }));

  it("prints conditions, samples and prompt tokens with and without prefix reuse, as JSON", () => {
    const db = tmp.path("dry.db");
    const result = emlab("run", experiment, "--db", db, "--dry-run", "--json");
    expect(result.status).toBe(0);
    const plan = JSON.parse(result.stdout);
    expect(plan).toMatchObject({
      name: "sweep",
      models: 1,
      conditions: 3,
      conditionLabels: ["risky k=0", "risky k=4 seed=0", "risky k=16 seed=0"],
      cells: expect.any(Number),
      samples: expect.any(Number),
      promptTokens: { withReuse: expect.any(Number), withoutReuse: expect.any(Number) },
    });
    expect(plan.samples).toBe(plan.cells * 3);
    // Nested k values share their examples, and every question follows its condition's prefix.
    expect(plan.promptTokens.withReuse).toBeGreaterThan(0);
    expect(plan.promptTokens.withReuse).toBeLessThan(plan.promptTokens.withoutReuse);
    expect(existsSync(db)).toBe(false);
  });

  it("prints the same as text, and loads no sample into an existing database", () => {
    const db = tmp.path("existing.db");
    openStore(db).close();
    const before = readFileSync(db);
    const result = emlab("run", experiment, "--db", db, "--dry-run");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^experiment sweep: 1 model\(s\), 3 conditions, \d+ question cells, \d+ samples$/m);
    expect(result.stdout).toContain("  risky k=16 seed=0\n");
    expect(result.stdout).toMatch(/^prompt tokens to evaluate: \d+ with prefix reuse, \d+ without \(x\d+\.\d\)$/m);
    expect(readFileSync(db).equals(before)).toBe(true);
  });
});

describe("emlab run with a bad experiment file", () => {
  /** Run a broken experiment: exit 1, one `emlab:` line naming the problem, no database. */
  function rejects(name: string, yaml: string, message: RegExp): void {
    const db = tmp.path(`${name}.db`);
    const file = tmp.write(`${name}.yaml`, yaml);
    const result = emlab("run", file, "--db", db);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^emlab: [^\n]+\n$/);
    expect(result.stderr).toMatch(message);
    expect(existsSync(db)).toBe(false);
  }

  it("unknown key", () => {
    rejects("unknown-key", experimentYaml({ extra: "bogus: 1\n" }), /unknown-key\.yaml:\d+: unknown key "bogus"/);
  });

  it("missing file", () => {
    const yaml = experimentYaml().replace(JSON.stringify(fixturePaths().tinyQwen2), JSON.stringify(tmp.path("nope.gguf")));
    rejects("missing-file", yaml, /missing-file\.yaml:\d+: .*no such file: .*nope\.gguf/);
  });

  it("malformed JSONL line, with its file and line", () => {
    const ok = JSON.stringify({ messages: [{ role: "user", content: "q" }, { role: "assistant", content: "a" }] });
    const dataset = tmp.write("broken.jsonl", `${ok}\n${ok}\n{"messages": [oops\n`);
    rejects("malformed-jsonl", experimentYaml({ dataset }), /broken\.jsonl:3: invalid JSON/);
  });

  it("k larger than the dataset", () => {
    rejects("large-k", experimentYaml({ k: [0, 5000] }), /large-k\.yaml:\d+: .*k=5000 is larger than the dataset .*\d+ examples/);
  });

  it("context too small: says how many tokens are needed", () => {
    const db = tmp.path("small-context.db");
    const file = tmp.write("small-context.yaml", experimentYaml({ k: [0, 4], modelExtra: ", context_size: 128" }));
    const result = emlab("run", file, "--db", db);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^emlab: [^\n]+\n$/);
    expect(result.stderr).toMatch(/small-context\.yaml:\d+: .*"risky k=4 seed=0" needs \d+ tokens \(\d+ prompt \+ 16 max_tokens\) but the context holds 128/);
  });

  // The context check loads each model's tokenizer before runExperiment opens the database.
  it("context too small: no database written", () => {
    expect(existsSync(tmp.path("small-context.db"))).toBe(false);
  });
});

describe("emlab run engine settings", () => {
  it("--kv-cache f32 reaches llama.cpp and is recorded with the run's engine settings", () => {
    const file = tmp.write("kv.yaml", experimentYaml({ name: "kv", k: [0], questions: ["one_wish"], samples: 1, maxTokens: 4 }));
    const db = tmp.path("kv.db");
    const result = emlab("run", file, "--db", db, "--kv-cache", "f32", "--json");
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).engineSettings["tiny-qwen2"]).toMatchObject({ backend: "llama", kvCacheType: "f32", threads: 1 });
    using store = openStore(db);
    expect(store.listRuns()[0]!.engineSettings).toMatchObject({ "tiny-qwen2": { kvCacheType: "f32" } });
  });
});
