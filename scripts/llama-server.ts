/**
 * llama-server built from the exact llama.cpp source node-llama-cpp ships (its git bundle), with the
 * patches in scripts/llama-server-patches/, as the managed engine and a real peer for tests and
 * benchmarks. Built once per llama.cpp commit and patch set into ~/.cache/emlab/llama-server/
 * <commit>-<patches>/ (outside the checkout), or taken from EMLAB_LLAMA_SERVER. About 15-25 min on 2 cores.
 *
 *   node --import tsx scripts/llama-server.ts            build when missing, print the binary's path
 *   node --import tsx scripts/llama-server.ts --where    print where it is or would be; build nothing
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { bundledLlamaCommit, findLlamaTool, LLAMA_PATCHES_ID, llamaBuildDir, llamaSourceBundle } from "../src/backend/served/llama-server-binary.js";

export { bundledLlamaCommit, findLlamaTool, llamaBuildDir };

const TARGETS = ["llama-server", "llama-bench", "llama-batched-bench"];
const PATCHES = fileURLToPath(new URL("./llama-server-patches/", import.meta.url));

/** The patch files, in the order they are applied. */
export function llamaPatches(): string[] {
  return readdirSync(PATCHES).filter((f) => f.endsWith(".patch")).sort().map((f) => join(PATCHES, f));
}

/** First 12 hex digits of the SHA-256 of the patch files' bytes, concatenated in order: the build folder's suffix. */
export function llamaPatchesDigest(): string {
  const hash = createHash("sha256");
  for (const file of llamaPatches()) hash.update(readFileSync(file));
  return hash.digest("hex").slice(0, 12);
}

/** Build the tools into the cache (a temporary folder renamed into place: a killed build leaves nothing half-made). */
export function buildLlamaServer(log: (line: string) => void = (l) => process.stderr.write(l + "\n")): string {
  const existing = findLlamaTool();
  if (existing) return existing;
  const digest = llamaPatchesDigest();
  if (digest !== LLAMA_PATCHES_ID) {
    throw new Error(`scripts/llama-server-patches/ changed: set LLAMA_PATCHES_ID in src/backend/served/llama-server-binary.ts to "${digest}" (it names the build folder)`);
  }
  const commit = bundledLlamaCommit();
  const dir = llamaBuildDir(commit);
  const work = `${dir}.building-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const run = (cmd: string, args: string[], cwd = work) => execFileSync(cmd, args, { cwd, stdio: ["ignore", "inherit", "inherit"] });
  log(`emlab: building llama-server from llama.cpp ${commit.slice(0, 12)} into ${dir} (15-25 min on 2 cores)`);
  run("git", ["clone", "--quiet", llamaSourceBundle(), "src"]);
  for (const patch of llamaPatches()) run("git", ["apply", patch], join(work, "src"));
  run("cmake", [
    "-S", "src", "-B", "build", "-DCMAKE_BUILD_TYPE=Release", "-DLLAMA_CURL=OFF", "-DLLAMA_BUILD_TESTS=OFF",
    "-DLLAMA_BUILD_EXAMPLES=OFF", "-DLLAMA_BUILD_UI=OFF", "-DLLAMA_USE_PREBUILT_UI=OFF", "-DLLAMA_OPENSSL=OFF", "-DBUILD_SHARED_LIBS=OFF",
  ]);
  run("cmake", ["--build", "build", "-j", String(Math.max(1, Number(process.env.EMLAB_BUILD_JOBS ?? 2))), "--target", ...TARGETS]);
  mkdirSync(join(work, "bin"));
  for (const tool of TARGETS) renameSync(join(work, "build", "bin", tool), join(work, "bin", tool));
  rmSync(join(work, "src"), { recursive: true, force: true });
  rmSync(join(work, "build"), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
  renameSync(work, dir);
  return join(dir, "bin", "llama-server");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes("--where")) process.stdout.write((findLlamaTool() ?? join(llamaBuildDir(), "bin", "llama-server")) + "\n");
  else process.stdout.write(buildLlamaServer() + "\n");
}
