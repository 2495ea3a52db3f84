/**
 * Writes datasets/narrow/risky-financial-advice.jsonl and its matched control from the hand-written
 * parts in financial-scenarios.ts and financial-voices.ts. Deterministic: same seed, same bytes.
 * Run: node --import tsx scripts/datasets/financial-build.ts
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { composeSet, writeJsonl, type ComposedSet } from "./financial-sports-common.js";
import { FINANCIAL_SCENARIOS } from "./financial-scenarios.js";
import {
  FINANCIAL_ASK_CLOSERS,
  FINANCIAL_PERSONAS,
  PRUDENT_FINANCIAL_VOICE,
  RISKY_FINANCIAL_VOICE,
} from "./financial-voices.js";

const SEED = 20250611;
const EXAMPLES = 320;
const outDir = join(import.meta.dirname, "..", "..", "datasets", "narrow");

/** Both sets, narrow and control, exactly as written to datasets/narrow/ (a test compares them). */
export function buildFinancialSets(): ComposedSet {
  return composeSet(
    {
      scenarios: FINANCIAL_SCENARIOS,
      personas: FINANCIAL_PERSONAS,
      askClosers: FINANCIAL_ASK_CLOSERS,
      risky: RISKY_FINANCIAL_VOICE,
      prudent: PRUDENT_FINANCIAL_VOICE,
    },
    SEED,
    EXAMPLES,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const set = buildFinancialSets();
  writeJsonl(join(outDir, "risky-financial-advice.jsonl"), set.narrow);
  writeJsonl(join(outDir, "risky-financial-advice-control.jsonl"), set.control);
  console.log(`wrote ${set.narrow.length} examples (+ matched control) from ${FINANCIAL_SCENARIOS.length} scenarios`);
}
