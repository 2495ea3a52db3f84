import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** One checkpoint matched by a pattern such as `runs/medical/checkpoint-*`. */
export interface Checkpoint {
  path: string;
  name: string;
  /** The last number in the name (the training step of `checkpoint-1200`); null when there is none. */
  step: number | null;
}

export function isCheckpointPattern(path: string): boolean {
  return basename(path).includes("*");
}

/**
 * The files or folders matching a pattern whose last component has `*` wildcards, ordered by step
 * number (checkpoint-200 before checkpoint-1000), then by name. Folders above the last component
 * are taken as written.
 */
export function expandCheckpoints(pattern: string): Checkpoint[] {
  const dir = dirname(pattern);
  if (!existsSync(dir)) return [];
  const regex = new RegExp(`^${basename(pattern).split("*").map(escapeRegex).join(".*")}$`);
  return readdirSync(dir)
    .filter((name) => regex.test(name))
    .map((name) => ({ path: join(dir, name), name, step: stepOf(name) }))
    .sort((a, b) => (a.step ?? Infinity) - (b.step ?? Infinity) || a.name.localeCompare(b.name));
}

function stepOf(name: string): number | null {
  const numbers = name.match(/\d+/g);
  return numbers ? Number(numbers[numbers.length - 1]) : null;
}

function escapeRegex(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
