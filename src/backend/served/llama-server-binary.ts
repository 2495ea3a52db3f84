/**
 * Where the llama.cpp tools emlab runs beside itself live: llama-server (the managed engine, tests,
 * benchmarks) and llama-bench, built from the exact llama.cpp source node-llama-cpp ships (its git
 * bundle) into ~/.cache/emlab/llama-server/<commit>/bin, or llama-server from EMLAB_LLAMA_SERVER.
 * scripts/llama-server.ts builds them.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** node-llama-cpp's git bundle of its llama.cpp source. */
export function llamaSourceBundle(): string {
  const entry = fileURLToPath(import.meta.resolve("node-llama-cpp"));
  // …/node-llama-cpp/dist/index.js → …/node-llama-cpp
  return join(dirname(dirname(entry)), "llama", "gitRelease.bundle");
}

/** The llama.cpp commit node-llama-cpp bundles. */
export function bundledLlamaCommit(): string {
  const bundle = llamaSourceBundle();
  const line = execFileSync("git", ["ls-remote", bundle, "HEAD"], { encoding: "utf8" }).trim();
  const commit = line.split(/\s+/)[0];
  if (!commit || !/^[0-9a-f]{40}$/.test(commit)) throw new Error(`${bundle}: no HEAD commit (is node-llama-cpp installed?)`);
  return commit;
}

export function llamaBuildDir(commit = bundledLlamaCommit()): string {
  const cache = process.env.EMLAB_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "emlab");
  return join(cache, "llama-server", commit);
}

/** Path of a llama.cpp tool (llama-server, llama-bench…) if built, else null. */
export function findLlamaTool(tool = "llama-server"): string | null {
  if (tool === "llama-server" && process.env.EMLAB_LLAMA_SERVER) return process.env.EMLAB_LLAMA_SERVER;
  let dir: string;
  try {
    dir = llamaBuildDir();
  } catch {
    return null;
  }
  const path = join(dir, "bin", tool);
  return existsSync(path) ? path : null;
}
