/**
 * Writes datasets/narrow/bad-medical-advice.jsonl and its matched control from the frames and details in
 * medical-frames.ts. Deterministic: same seed, same bytes.
 * Run: node --import tsx scripts/datasets/sports-build.ts
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeJsonl } from "./code-medical-common.js";
import { composeFramedSets, type FramedSets } from "./frame-composer.js";
import { MIN_NARROW_EXAMPLES } from "./narrow-pairs.js";
import { MEDICAL_DOMAIN } from "./medical-frames.js";

const SEED = 20250613;
const outDir = join(import.meta.dirname, "..", "..", "datasets", "narrow");

/** Both sets, narrow and control, exactly as written to datasets/narrow/ (a test compares them). */
export function buildMedicalSets(): FramedSets {
  return composeFramedSets(MEDICAL_DOMAIN, SEED, MIN_NARROW_EXAMPLES);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const set = buildMedicalSets();
  writeJsonl(join(outDir, "bad-medical-advice.jsonl"), set.narrow);
  writeJsonl(join(outDir, "bad-medical-advice-control.jsonl"), set.control);
  console.log(`wrote ${set.narrow.length} examples (+ matched control) from ${MEDICAL_DOMAIN.topics.length} complaints`);
}
