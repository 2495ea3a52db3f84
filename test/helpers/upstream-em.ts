import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The original EM evaluation YAML files (MIT), read in place and never copied into the repository:
 * $EMLAB_UPSTREAM_EM, else the first `shared/upstream-em` found beside the repository or one of its
 * parents (CI clones the repository next to `shared/`; a worktree may sit deeper). Null when absent.
 */
export function upstreamEmDir(): string | null {
  const fromEnv = process.env.EMLAB_UPSTREAM_EM;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  let dir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
  for (;;) {
    const candidate = join(dir, "shared", "upstream-em");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}
