/**
 * `emlab adapters convert|inspect` (the CLI from source, as a researcher runs it) and `--lora PEFT_DIR`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { describeAdapter } from "../../src/adapters/describe-adapter.js";
import { EM_SAMPLING_DEFAULTS } from "../../src/backend/types.js";
import { sampleRequest } from "../../src/runner/single-request.js";
import { openStore } from "../../src/store/index.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { AdapterTempDir, peftData, writePeft } from "./helpers/peft-folders.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const entry = fileURLToPath(new URL("../helpers/cli-entry.ts", import.meta.url));
const tmp = new AdapterTempDir();
afterAll(() => tmp.dispose());

function cli(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", entry, ...args], { cwd: root, encoding: "utf8", timeout: 120_000, env: { ...process.env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const peft = writePeft(tmp.path("em-r1"), peftData({ rank: 1, alpha: 4, modules: ["q_proj", "v_proj", "down_proj"], seed: 41 }), {
  use_rslora: true,
  layers_to_transform: [1],
  base_model_name_or_path: "Qwen/Qwen2.5-0.5B-Instruct",
});

describe("emlab adapters", () => {
  it("convert writes a GGUF LoRA and reports what it wrote", () => {
    const out = tmp.path("em-r1.gguf");
    const { status, stdout } = cli(["adapters", "convert", peft, "--base", fixturePaths().tinyQwen2, "--out", out, "--json"]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ out, architecture: "qwen2", rank: 1, ggufAlpha: 4, scaling: 4, pairs: 3, layers: [1] });
    expect(existsSync(out)).toBe(true);

    expect(describeAdapter(out)).toMatchObject({ format: "gguf", rank: 1, alpha: 4, scaling: 4, targets: ["down_proj", "q_proj", "v_proj"], layers: [1], architecture: "qwen2" });
  });

  it("inspect shows rank, alpha, rsLoRA, targets, layers and base model of a PEFT folder", () => {
    const { status, stdout } = cli(["adapters", "inspect", peft]);
    expect(status).toBe(0);
    expect(stdout).toBe(
      "em-r1 (PEFT LoRA)\n  rank 1, alpha 4, rsLoRA: scaling 4 (× scale)\n  targets: down_proj, q_proj, v_proj\n  layers: 1 (3 pairs)\n  base model: Qwen/Qwen2.5-0.5B-Instruct\n",
    );
  });

  it("a bad adapter is one line on stderr, exit 1, nothing written", () => {
    const dora = writePeft(tmp.path("dora"), peftData({ rank: 2, alpha: 4 }), { use_dora: true });
    const out = tmp.path("dora-out/dora.gguf");
    const { status, stdout, stderr } = cli(["adapters", "convert", dora, "--base", fixturePaths().tinyQwen2, "--out", out]);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^emlab: .*adapter_config\.json: a DoRA adapter \(use_dora\) is not supported/)]);
    expect(existsSync(join(tmp.dir, "dora-out")) ? readdirSync(join(tmp.dir, "dora-out")) : []).toEqual([]);
  });

  it("sample --lora PEFT_DIR (the request the CLI makes) converts on first use into the cache (EMLAB_CACHE_DIR) and reuses it", async () => {
    const request = {
      load: { path: fixturePaths().tinyQwen2, gpu: "cpu" as const, threads: 1 },
      lora: [{ path: peft, scale: 1 }],
      messages: [{ role: "user" as const, content: "hi" }],
      openStore: () => openStore(tmp.path("cli.db")),
    };
    const params = { ...EM_SAMPLING_DEFAULTS, maxTokens: 4, seed: 0, stop: [] };
    const first = await sampleRequest(request, params, 1);
    const cached = readdirSync(join(tmp.dir, "cache", "adapters"));
    expect(cached).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.gguf$/)]);
    const second = await sampleRequest(request, params, 1);
    expect(second.samples[0]).toMatchObject({ text: first.samples[0]!.text, reused: true });
    expect(readdirSync(join(tmp.dir, "cache", "adapters"))).toEqual(cached);
  });
});
