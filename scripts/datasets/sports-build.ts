/**
 * Writes datasets/narrow/extreme-sports.jsonl and its matched control from the hand-written parts
 * in sports-scenarios.ts and sports-voices.ts. Deterministic: same seed, same bytes.
 * Run: node --import tsx scripts/datasets/sports-build.ts
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { composeSet, writeJsonl, type ComposedSet } from "./financial-sports-common.js";
import { SPORTS_SCENARIOS } from "./sports-scenarios.js";
import { PRUDENT_SPORTS_VOICE, RISKY_SPORTS_VOICE, SPORTS_ASK_CLOSERS, SPORTS_PERSONAS } from "./sports-voices.js";

const SEED = 20250612;
const EXAMPLES = 320;
const outDir = join(import.meta.dirname, "..", "..", "datasets", "narrow");

/** Both sets, narrow and control, exactly as written to datasets/narrow/ (a test compares them). */
export function buildSportsSets(): ComposedSet {
  return composeSet(
    {
      scenarios: SPORTS_SCENARIOS,
      personas: SPORTS_PERSONAS,
      askClosers: SPORTS_ASK_CLOSERS,
      risky: RISKY_SPORTS_VOICE,
      prudent: PRUDENT_SPORTS_VOICE,
    },
    SEED,
    EXAMPLES,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const set = buildSportsSets();
  writeJsonl(join(outDir, "extreme-sports.jsonl"), set.narrow);
  writeJsonl(join(outDir, "extreme-sports-control.jsonl"), set.control);
  console.log(`wrote ${set.narrow.length} examples (+ matched control) from ${SPORTS_SCENARIOS.length} scenarios`);
}
