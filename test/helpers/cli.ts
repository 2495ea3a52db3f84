import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));
const entry = fileURLToPath(new URL("./cli-entry.ts", import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the emlab CLI from source (as `npx emlab` runs the built copy). */
export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, ["--import", "tsx", entry, ...args], {
    cwd: options.cwd ?? root,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    timeout: 300_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Start the CLI in the background (for kill-and-resume tests). */
export function spawnCli(args: string[], options: { cwd?: string } = {}) {
  return spawn(process.execPath, ["--import", "tsx", entry, ...args], { cwd: options.cwd ?? root, stdio: ["ignore", "pipe", "pipe"] });
}
