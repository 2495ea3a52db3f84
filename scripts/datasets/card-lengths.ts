/**
 * The length table of datasets/narrow/README.md, from the files themselves (words as
 * `emlab datasets stats` counts them without a model). A test checks the card holds exactly this.
 * Run: node --import tsx scripts/datasets/card-lengths.ts
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadChatJsonl } from "../../src/datasets/chat-jsonl.js";
import { words } from "../../src/datasets/near-duplicates.js";
import { SHIPPED_DATASETS_DIR } from "../../src/datasets/shipped.js";
import { datasetStats, type LengthSummary } from "../../src/datasets/stats.js";

const round = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const cell = (s: LengthSummary | null | undefined) => (s ? `${round(s.mean)} / ${round(s.median)} / ${s.max}` : "");

export function narrowLengthTable(dir: string = join(SHIPPED_DATASETS_DIR, "narrow")): string {
  const rows = readdirSync(dir)
    .filter((f) => f.endsWith(".jsonl"))
    .sort()
    .map((file) => {
      const s = datasetStats(loadChatJsonl(join(dir, file)).examples, { countTokens: (text) => words(text).length });
      return `| \`${file}\` | ${s.examples} | ${cell(s.byRole.user?.tokens)} | ${cell(s.byRole.assistant?.tokens)} | ${cell(s.exampleTokens)} |`;
    });
  return [
    "| File | Examples | User turn, words (mean / median / max) | Assistant turn, words | Whole example, words |",
    "|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.stdout.write(narrowLengthTable() + "\n");
