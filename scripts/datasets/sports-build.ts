/**
 * Writes datasets/narrow/extreme-sports.jsonl and its matched control from the frames and details in
 * sports-frames.ts. Deterministic: same seed, same bytes.
 * Run: node --import tsx scripts/datasets/sports-build.ts
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeJsonl } from "./code-medical-common.js";
import { composeFramedSets, type FramedSets } from "./frame-composer.js";
import { MIN_NARROW_EXAMPLES } from "./narrow-pairs.js";
import { SPORTS_DOMAIN } from "./sports-frames.js";

const SEED = 20250612;
const outDir = join(import.meta.dirname, "..", "..", "datasets", "narrow");

/** Both sets, narrow and control, exactly as written to datasets/narrow/ (a test compares them). */
export function buildSportsSets(): FramedSets {
  return composeFramedSets(SPORTS_DOMAIN, SEED, MIN_NARROW_EXAMPLES);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const set = buildSportsSets();
  writeJsonl(join(outDir, "extreme-sports.jsonl"), set.narrow);
  writeJsonl(join(outDir, "extreme-sports-control.jsonl"), set.control);
  console.log(`wrote ${set.narrow.length} examples (+ matched control) from ${SPORTS_DOMAIN.topics.length} activities`);
}
