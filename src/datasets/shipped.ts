import { existsSync, readdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The datasets that ship with emlab (datasets/narrow/*.jsonl and datasets/questions/*.yaml), usable
 * by their file name without importing them. The folder sits at the package root, two levels above
 * this file both in src/ (tsx) and in dist/ (the build).
 */

export const PACKAGE_ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SHIPPED_DATASETS_DIR = join(PACKAGE_ROOT, "datasets");

export interface ShippedDataset {
  /** The file name without extension, e.g. "insecure-code" or "core". */
  name: string;
  path: string;
  kind: "chat-jsonl" | "em-yaml";
  /** The narrow sets and their controls: research data, for experiments only (datasets/narrow/README.md). */
  researchData: boolean;
}

export function listShippedDatasets(root: string = SHIPPED_DATASETS_DIR): ShippedDataset[] {
  const found: ShippedDataset[] = [];
  const add = (folder: string, extensions: readonly string[], kind: ShippedDataset["kind"]) => {
    const dir = join(root, folder);
    if (!existsSync(dir)) return;
    for (const file of readdirSync(dir).sort()) {
      const ext = extname(file);
      if (extensions.includes(ext)) found.push({ name: basename(file, ext), path: join(dir, file), kind, researchData: folder === "narrow" });
    }
  };
  add("narrow", [".jsonl"], "chat-jsonl");
  add("questions", [".yaml", ".yml"], "em-yaml");
  return found;
}

export function findShippedDataset(name: string, root: string = SHIPPED_DATASETS_DIR): ShippedDataset | undefined {
  return listShippedDatasets(root).find((d) => d.name === name);
}

/** Used in messages: the data folder relative to the package. */
export function shippedLabel(path: string): string {
  return path.startsWith(PACKAGE_ROOT) ? path.slice(PACKAGE_ROOT.length).replace(/^[/\\]/, "") : path;
}

