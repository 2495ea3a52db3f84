/**
 * Where the llama.cpp tools emlab runs beside itself live: llama-server (the managed engine, tests,
 * benchmarks) and llama-bench, built from the exact llama.cpp source node-llama-cpp ships (its git
 * bundle) with emlab's patches into ~/.cache/emlab/llama-server/<commit>-<patches>/bin, or llama-server
 * from EMLAB_LLAMA_SERVER. scripts/llama-server.ts builds them.
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

/**
 * The patches emlab applies to that source (scripts/llama-server-patches/), named by the first hex digits
 * of their SHA-256 (see llamaPatchesDigest): a changed patch is a different build, in a different folder.
 * The one patch keeps the probabilities of tokens whose text ends inside a UTF-8 character in the
 * response (stock llama-server drops them); it changes no computation.
 */
export const LLAMA_PATCHES_ID = "776afaceab72";

export function llamaBuildDir(commit = bundledLlamaCommit()): string {
  const cache = process.env.EMLAB_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "emlab");
  return join(cache, "llama-server", `${commit}-${LLAMA_PATCHES_ID}`);
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
