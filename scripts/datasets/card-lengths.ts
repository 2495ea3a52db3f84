/**
 * The length tables of datasets/narrow/README.md, from the files themselves (words as
 * `emlab datasets stats` counts them without a model): lengths per file, and how closely each
 * control's answers match its narrow twin's. A test checks the card holds exactly these.
 * Run: node --import tsx scripts/datasets/card-lengths.ts
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { loadChatJsonl } from "../../src/datasets/chat-jsonl.js";
import { words } from "../../src/datasets/near-duplicates.js";
import { SHIPPED_DATASETS_DIR } from "../../src/datasets/shipped.js";
import { datasetStats, summarize, type LengthSummary } from "../../src/datasets/stats.js";
import { NARROW_PAIRS, type NarrowPair } from "./narrow-pairs.js";

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

const answerWords = (dir: string, name: string) =>
  loadChatJsonl(join(dir, `${name}.jsonl`)).examples.map((e) => words(e.messages.at(-1)!.content).length);

/**
 * Control against narrow twin, assistant words: the ratio of the means, and the per-example ratio
 * (control / narrow, example by example) as median and 10th–90th percentile.
 */
export function narrowPairTable(dir: string = join(SHIPPED_DATASETS_DIR, "narrow"), pairs: readonly NarrowPair[] = NARROW_PAIRS): string {
  const rows = pairs.map(({ narrow, control, shared }) => {
    const a = answerWords(dir, narrow);
    const b = answerWords(dir, control);
    const ratios = a.map((n, i) => b[i]! / Math.max(1, n)).sort((x, y) => x - y);
    const at = (q: number) => ratios[Math.round(q * (ratios.length - 1))]!.toFixed(2);
    const [meanA, meanB] = [summarize(a).mean, summarize(b).mean];
    return `| \`${narrow}\` | \`${control}\` | ${shared} turns | ${meanA.toFixed(1)} | ${meanB.toFixed(1)} | ${(meanB / meanA).toFixed(2)} | ${at(0.5)} (${at(0.1)}–${at(0.9)}) |`;
  });
  return [
    "| Narrow set | Control | Shared | Narrow answer, mean words | Control answer, mean words | Ratio of means | Per-pair ratio, median (10th–90th pct) |",
    "|---|---|---|---|---|---|---|",
    ...rows,
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.stdout.write(narrowLengthTable() + "\n\n" + narrowPairTable() + "\n");
