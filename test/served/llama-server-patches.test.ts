/**
 * emlab's llama-server build: the patches in scripts/llama-server-patches/ apply to the llama.cpp source
 * node-llama-cpp ships, name the build folder, and do what they say on a real server.
 */
import { execFileSync } from "node:child_process";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaBackend } from "../../src/backend/llama/llama-model.js";
import { LLAMA_PATCHES_ID, llamaBuildDir, llamaSourceBundle } from "../../src/backend/served/llama-server-binary.js";
import type { LoadedModel } from "../../src/backend/types.js";
import { llamaPatches, llamaPatchesDigest } from "../../scripts/llama-server.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { TempDir } from "../runner/experiment-files.js";
import { llamaServerBinary, startLlamaServer, type LlamaServerProcess } from "./llama-server-process.js";

/** In the tiny byte-level vocabularies token i < 256 is byte i; 0xE4 opens a three-byte UTF-8 character. */
const LEAD_BYTE_TOKEN = 0xe4;

describe("emlab's patches to llama-server", () => {
  it("name the build folder: LLAMA_PATCHES_ID is their digest (change a patch, update the id)", () => {
    expect(llamaPatches().length).toBeGreaterThan(0);
    expect(llamaPatchesDigest()).toBe(LLAMA_PATCHES_ID);
    expect(llamaBuildDir("0".repeat(40)).endsWith(`${"0".repeat(40)}-${LLAMA_PATCHES_ID}`)).toBe(true);
  });

  it("apply cleanly to the llama.cpp source node-llama-cpp ships", () => {
    const tmp = new TempDir();
    try {
      const repo = tmp.path("llama.cpp");
      execFileSync("git", ["clone", "--quiet", "--no-checkout", llamaSourceBundle(), repo], { stdio: "pipe" });
      execFileSync("git", ["read-tree", "HEAD"], { cwd: repo, stdio: "pipe" });
      // Applied to the index in order, as the build applies them to the files.
      for (const patch of llamaPatches()) execFileSync("git", ["apply", "--cached", patch], { cwd: repo, stdio: "pipe" });
    } finally {
      tmp.dispose();
    }
  });
});

const binary = llamaServerBinary();
// A binary from EMLAB_LLAMA_SERVER may be a stock build: the patched behaviour is checked on emlab's own.
const ownBuild = binary !== null && dirname(dirname(binary)) === llamaBuildDir();
if (binary && !ownBuild) process.stderr.write(`skipping the patched-behaviour test: ${binary} is not emlab's build in ${llamaBuildDir()}\n`);

describe.skipIf(!ownBuild)("emlab's llama-server build", () => {
  let server: LlamaServerProcess;
  let local: LoadedModel;

  beforeAll(async () => {
    const f = fixturePaths();
    server = await startLlamaServer(binary!, f.tinyQwen2);
    local = await new LlamaBackend().load({ path: f.tinyQwen2, gpu: "cpu", threads: 1, contextSize: 1024 });
  });

  afterAll(async () => {
    await local?.dispose();
    await server?.kill();
  });

  it("lists the raw probabilities of a token whose text ends inside a UTF-8 character (stock llama-server lists none)", async () => {
    const prompt = local.chatTokens([{ role: "user", content: "Hello" }]);
    const response = await fetch(`${server.url}/completion`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // The bias acts in the sampler, after the raw probabilities are read: it picks the token, nothing more.
      body: JSON.stringify({ prompt, n_predict: 1, temperature: 0, n_probs: 3, return_tokens: true, logit_bias: [[LEAD_BYTE_TOKEN, 1000]] }),
    });
    const answer = (await response.json()) as { tokens: number[]; completion_probabilities: { id: number; logprob: number; top_logprobs: unknown[] }[] };
    expect(answer.tokens).toEqual([LEAD_BYTE_TOKEN]);
    expect(answer.completion_probabilities.map((p) => p.id)).toEqual([LEAD_BYTE_TOKEN]);
    expect(answer.completion_probabilities[0]!.top_logprobs).toHaveLength(3);
    const session = await local.openSession();
    const want = await session.nextToken(prompt, { ids: [LEAD_BYTE_TOKEN] });
    await session.dispose();
    expect(Math.abs(answer.completion_probabilities[0]!.logprob - want.logprobs[0]!)).toBeLessThan(1e-3);
  });
});
