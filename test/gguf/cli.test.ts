import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.js";
import type { GgufSummary } from "../../src/gguf/summary.js";
import { fixturePaths } from "../helpers/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "emlab-cli-fixtures-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

async function run(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  let stdout = "";
  let stderr = "";
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
  vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  await main(["node", "emlab", ...args]);
  vi.restoreAllMocks();
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = undefined;
  return { stdout, stderr, exitCode };
}

describe("emlab fixtures", () => {
  it("writes the tiny and planted sets, identical to the test fixtures, and prints the paths as one JSON document", async () => {
    const { stdout, exitCode } = await run("fixtures", "--out", dir, "--json");
    expect(exitCode).toBe(0);
    const paths = JSON.parse(stdout) as Record<string, string>;
    expect(Object.keys(paths).sort()).toEqual([
      "plantedJudge",
      "plantedLora",
      "plantedSubject",
      "plantedSubjectOnnx",
      "tinyJudge",
      "tinyLlama",
      "tinyQwen2",
      "tinyQwen2Lora",
      "tinyQwen2Onnx",
    ]);
    for (const [key, path] of Object.entries(paths)) {
      const reference = fixturePaths()[key as keyof ReturnType<typeof fixturePaths>];
      for (const file of filesUnder(reference)) {
        expect(readFileSync(join(path, file)).equals(readFileSync(join(reference, file))), `${key}: ${file}`).toBe(true);
      }
    }
  });

  it("rejects an unknown preset or dtype as a usage error", async () => {
    expect((await run("fixtures", "--out", dir, "--preset", "gpt-5")).exitCode).not.toBe(0);
    expect((await run("fixtures", "--out", dir, "--dtype", "q4_k")).exitCode).not.toBe(0);
  });
});

describe("emlab inspect", () => {
  it("summarises tiny-qwen2 as JSON", async () => {
    const { stdout, exitCode } = await run("inspect", fixturePaths().tinyQwen2, "--json");
    expect(exitCode).toBe(0);
    const summary = JSON.parse(stdout) as GgufSummary;
    expect(summary).toMatchObject({
      kind: "model",
      architecture: "qwen2",
      fileType: "F32",
      tensorTypes: { F32: summary.tensorCount },
      contextLength: 8192,
      embeddingLength: 64,
      headCount: 4,
      headCountKv: 2,
      tokenizerModel: "gpt2",
      tokenizerPre: "qwen2",
      addBosToken: false,
      chatTemplate: true,
      adapter: null,
    });
    expect(summary.vocabSize).toBeGreaterThan(1000);
    expect(summary.parameterCount).toBeGreaterThan(100_000);
  });

  it("summarises the LoRA as an adapter with alpha, rank and base architecture", async () => {
    const { stdout } = await run("inspect", fixturePaths().tinyQwen2Lora, "--json");
    const summary = JSON.parse(stdout) as GgufSummary;
    expect(summary.kind).toBe("adapter");
    expect(summary.adapter).toEqual({ type: "lora", alpha: 1, rank: 1, baseArchitecture: "qwen2" });
  });

  it("prints readable lines without --json", async () => {
    const { stdout } = await run("inspect", fixturePaths().tinyLlama);
    expect(stdout).toMatch(/^architecture\s+llama$/m);
    expect(stdout).toMatch(/^vocabulary\s+\d+ tokens, gpt2 \/ llama-bpe, adds BOS$/m);
  });

  it("reports a bad file in one line and exits 1", async () => {
    const missing = join(dir, "missing.gguf");
    const { stderr, exitCode } = await run("inspect", missing);
    expect(exitCode).toBe(1);
    expect(stderr).toBe(`emlab: ${missing}: file not found\n`);
  });
});

/** Relative paths of the files of a fixture: "" for a single file, or every file under a directory. */
function filesUnder(path: string): string[] {
  if (!statSync(path).isDirectory()) return [""];
  return readdirSync(path, { recursive: true, encoding: "utf8" }).filter((f) => statSync(join(path, f)).isFile());
}
