/**
 * `--endpoint URL [--api KIND] [--served-model NAME]` on sample, score, run and judge, against a
 * llama-server stand-in on loopback (the CLI runs in a child process, so the stand-in keeps answering).
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePaths } from "../helpers/fixtures.js";
import { CORE_QUESTIONS, TempDir } from "../runner/experiment-files.js";
import { startFakeLlamaServer, type FakeLlamaServer } from "./fake-llama-server.js";

const entry = fileURLToPath(new URL("../helpers/cli-entry.ts", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));

function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", entry, ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (status) => resolve({ status, stdout, stderr }));
  });
}

const tmp = new TempDir();
let server: FakeLlamaServer;
beforeAll(async () => {
  server = await startFakeLlamaServer({ modelPath: fixturePaths().tinyQwen2, next: [[55, 0.6], [51, 0.3], [1887, 0.1]], eosId: 1887 });
});
afterAll(async () => {
  await server.close();
  tmp.dispose();
});

describe("emlab CLI with --endpoint", () => {
  it("sample asks the server and stores its samples", async () => {
    const db = tmp.path("sample.db");
    const args = ["sample", "--endpoint", server.url, "--api", "llama-server", "--prompt", "Pick a number", "-n", "3", "--max-tokens", "5", "--db", db, "--json"];
    const first = await cli(args);
    expect(first.stderr).toBe("");
    const samples = JSON.parse(first.stdout).samples as { reused: boolean; tokens: { id: number }[] }[];
    expect(samples).toHaveLength(3);
    expect(samples.every((s) => !s.reused && s.tokens.every((t) => [55, 51, 1887].includes(t.id)))).toBe(true);
    expect(server.completions().slice(-3).map((r) => r.body.n_predict)).toEqual([5, 5, 5]);
  });

  it("score through llama-server scores a long continuation in-process on the server's own GGUF", async () => {
    const result = await cli(["score", "--endpoint", server.url, "--api", "llama-server", "--prompt", "hi", "--continuation", "a fairly long answer to score", "--db", tmp.path("score.db")]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toMatch(/total log-prob -\d+\.\d{4}\n$/);
  });

  it("run --endpoint serves the experiment's model (its GGUF is the tokenizer); --dry-run counts per endpoint; judge --endpoint judges", async () => {
    const file = tmp.write(
      "exp.yaml",
      `name: cli-served
models:
  - { id: qwen, gguf: ${JSON.stringify(fixturePaths().tinyQwen2)} }
questions:
  - file: ${JSON.stringify(CORE_QUESTIONS)}
    ids: [one_wish]
    samples: 2
sampling: { max_tokens: 4, seed: 0 }
`,
    );
    const db = tmp.path("run.db");
    const dry = await cli(["run", file, "--endpoint", server.url, "--api", "llama-server", "--dry-run", "--db", db]);
    expect(dry.stdout).toContain(`  qwen @ ${server.url}: 2 requests, `);
    expect(dry.stdout).toContain("at most 8 completion tokens");
    const run = await cli(["run", file, "--endpoint", server.url, "--api", "llama-server", "--db", db, "--json"]);
    expect(JSON.parse(run.stdout)).toMatchObject({ generated: 2, engineSettings: { qwen: { backend: "served" } } });
    const judge = await cli(["judge", "--endpoint", server.url, "--api", "llama-server", "--metrics", "coherent", "--db", db, "--json"]);
    expect(judge.stderr).toBe("");
    expect(JSON.parse(judge.stdout)).toMatchObject({ judged: 2, metrics: ["coherent"], judgeModel: "served:llama-server:tiny-qwen2.gguf" });
  });
});
