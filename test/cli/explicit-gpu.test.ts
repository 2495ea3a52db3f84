/**
 * An explicit --gpu never compiles llama.cpp from source (node-llama-cpp would, with build: "auto"):
 * on a machine without that GPU backend it fails at once with one line; with it, it samples.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { fixturePaths } from "../helpers/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "emlab-gpu-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const localBuilds = join("node_modules", "node-llama-cpp", "llama", "localBuilds");

describe("emlab sample --gpu cuda|vulkan", () => {
  for (const gpu of ["cuda", "vulkan"]) {
    it(`--gpu ${gpu}: samples where the backend exists, else one clear line; never builds from source`, () => {
      const hadBuilds = existsSync(localBuilds);
      const r = runCli(["sample", "--model", fixturePaths().tinyQwen2, "--gpu", gpu, "--prompt", "hi", "--max-tokens", "2", "--threads", "1", "--db", join(dir, `${gpu}.db`)]);
      if (r.status !== 0) {
        expect(r.status).toBe(1);
        expect(r.stderr).toMatch(new RegExp(`^emlab: the llama\\.cpp ${gpu} backend is not available on this machine \\([^)]*\\); use --gpu auto or --gpu cpu\\n$`));
        expect(existsSync(join(dir, `${gpu}.db`))).toBe(false);
      }
      expect(existsSync(localBuilds)).toBe(hadBuilds);
    });
  }
});
