import { copyFileSync, existsSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeGguf } from "../../src/gguf/writer.js";
import { ggufFromLoraSpec, tinyQwen2LoraSpec } from "../../src/fixtures/tiny-lora.js";
import { openStore } from "../../src/store/index.js";
import { runCli } from "../helpers/cli.js";
import { fixturePaths } from "../helpers/fixtures.js";

let dir: string;
let db: string;
const base = () => ["--gpu", "cpu", "--threads", "1", "--db", db];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "emlab-cli-"));
  db = join(dir, "emlab.db");
});

describe("emlab sample / score", () => {
  it("samples with --json: one document with token ids, texts, raw log-probs and top alternatives", () => {
    const r = runCli(["sample", "--model", fixturePaths().tinyQwen2, "--prompt", "Tell me a secret.", "-n", "2", "--max-tokens", "6", "--seed", "3", "--json", ...base()]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { samples: { text: string; tokens: { id: number; text: string; logprob: number; top: unknown[] }[] }[] };
    expect(out.samples).toHaveLength(2);
    expect(out.samples[0]!.tokens).toHaveLength(6);
    expect(out.samples[0]!.tokens[0]!.top).toHaveLength(5);
    expect(out.samples[0]!.tokens.every((t) => t.logprob <= 0)).toBe(true);
  });

  it("stores samples and returns exactly what was sampled on a second request (round trip, no recompute)", () => {
    const args = ["sample", "--model", fixturePaths().tinyQwen2, "--prompt", "Round trip", "-n", "2", "--max-tokens", "5", "--json", ...base()];
    const first = JSON.parse(runCli(args).stdout) as { samples: { reused: boolean; tokens: unknown[]; text: string }[] };
    const second = JSON.parse(runCli(args).stdout) as { samples: { reused: boolean; tokens: unknown[]; text: string }[] };
    expect(first.samples.map((s) => s.reused)).toEqual([false, false]);
    expect(second.samples.map((s) => s.reused)).toEqual([true, true]);
    expect(second.samples.map((s) => [s.text, s.tokens])).toEqual(first.samples.map((s) => [s.text, s.tokens]));
  });

  it("scores a continuation: per-token log-probs and their total", () => {
    const r = runCli(["score", "--model", fixturePaths().tinyQwen2, "--prompt", "Hi", "--continuation", "Hello there", "--json", ...base()]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { tokens: { logprob: number }[]; total_logprob: number };
    expect(out.total_logprob).toBeCloseTo(out.tokens.reduce((s, t) => s + t.logprob, 0), 4);
  });
});

describe("bad input: one clear line, non-zero exit, database unchanged", () => {
  let notGguf: string;
  let truncated: string;
  let llamaAdapter: string;

  beforeAll(() => {
    notGguf = join(dir, "notes.gguf");
    writeFileSync(notGguf, "this is a text file\n");
    truncated = join(dir, "truncated.gguf");
    copyFileSync(fixturePaths().tinyQwen2, truncated);
    truncateSync(truncated, Math.floor(statSync(truncated).size / 2));
    llamaAdapter = join(dir, "llama-lora.gguf");
    writeGguf(llamaAdapter, ggufFromLoraSpec({ ...tinyQwen2LoraSpec(), architecture: "llama" }, "wrong-arch"));
  });

  const cases: [string, () => string[], RegExp][] = [
    ["a missing file", () => ["--model", join(dir, "missing.gguf")], /missing\.gguf: file not found/],
    ["a file that is not GGUF", () => ["--model", notGguf], /not a GGUF file/],
    ["a truncated GGUF", () => ["--model", truncated], /truncated/],
    ["an adapter for another architecture", () => ["--model", fixturePaths().tinyQwen2, "--lora", llamaAdapter], /architecture 'llama'.*'qwen2'/],
    ["a prompt longer than the context", () => ["--model", fixturePaths().tinyQwen2, "--context-size", "64", "--prompt", "word ".repeat(200)], /tokens long but the context holds 64/],
    ["an unknown flag", () => ["--model", fixturePaths().tinyQwen2, "--temprature", "1"], /unknown option '--temprature'/],
  ];

  for (const [what, args, message] of cases) {
    it(what, () => {
      const before = existsSync(db) ? readFileSync(db) : null;
      const argv = args();
      const r = runCli(["sample", ...(argv.includes("--prompt") ? [] : ["--prompt", "x"]), ...argv, ...base()]);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split("\n").length).toBeLessThanOrEqual(2);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      const after = existsSync(db) ? readFileSync(db) : null;
      expect(after?.equals(before ?? Buffer.alloc(0)) ?? before === null).toBe(true);
    });
  }

  it("leaves the database's rows unchanged", () => {
    using store = openStore(db);
    expect(store.listModels().length).toBeGreaterThan(0);
  });
});
