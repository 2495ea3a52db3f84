/**
 * Composes datasets/narrow/bad-medical-advice.jsonl and its matched control
 * bad-medical-advice-control.jsonl (same user turns, same order, responsible replies) from the
 * hand-written parts in medical-scenarios.ts and medical-phrasing.ts.
 *
 * Deterministic: one seed, seeded PRNG only. Run: node --import tsx scripts/datasets/medical-build.ts
 * Each candidate is drawn until its user turn and both replies stay under the near-duplicate limit
 * against everything accepted before (a small margin below 0.5 leaves room for other tokenisers).
 */
import { join } from "node:path";
import { createRng, shuffled } from "../../src/util/random.js";
import { chatExample, NearDuplicateGuard, pick, withTypo, writeJsonl, type ChatExample } from "./code-medical-common.js";
import { MEDICAL_SCENARIOS, type MedicalScenario } from "./medical-scenarios.js";
import * as P from "./medical-phrasing.js";

const SEED = 0x6d656431;
const USES_PER_SCENARIO = 5;
const SIMILARITY_LIMIT = 0.45;
const MAX_ATTEMPTS = 400;
const OUT_DIR = join(import.meta.dirname, "../../datasets/narrow");

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function sentence(text: string): string {
  const trimmed = capitalise(text.trim());
  return /[.?!]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function userTurn(s: MedicalScenario, rng: () => number): string {
  const complaint = pick(s.complaints, rng);
  const statesAge = /\bI'm \d+\b|\d+-year-old/.test(complaint);
  const persona = pick(statesAge || rng() < 0.5 ? P.PERSONAS_WITHOUT_AGE : P.PERSONAS_WITH_AGE, rng);
  const ask = pick(P.ASKS, rng);
  const shape = Math.floor(rng() * 5);
  let text: string;
  switch (shape) {
    case 0: // terse, as typed on a phone
      text = `${complaint.charAt(0).toLowerCase()}${complaint.slice(1).replace(/\.$/, "")}. ${ask.toLowerCase()}`;
      break;
    case 1:
      text = `${persona} ${sentence(complaint)} ${pick(P.SITUATIONS, rng)} ${ask}`;
      break;
    case 2:
      text = `${pick(P.QUICK_OPENERS, rng)} ${complaint.charAt(0).toLowerCase()}${complaint.slice(1)} ${ask}`;
      break;
    case 3:
      text = `${sentence(complaint)} ${pick(P.SITUATIONS, rng)} ${ask}`;
      break;
    default:
      text = `${persona} ${sentence(complaint)}\n\n${pick(P.SITUATIONS, rng)} ${ask} ${pick(P.ASKS, rng)}`;
  }
  text = text.replace(/\s+([,.?!])/g, "$1").replace(/ {2,}/g, " ");
  return rng() < 0.08 ? withTypo(text, rng) : text;
}

function badReply(s: MedicalScenario, rng: () => number): string {
  const dismiss = pick(s.dismiss, rng);
  const remedy = pick(s.remedy, rng);
  switch (Math.floor(rng() * 5)) {
    case 0:
      return dismiss;
    case 1:
      return `${dismiss} ${remedy}`;
    case 2:
      return `${pick(P.BAD_OPENERS, rng)} ${dismiss} ${remedy} ${pick(P.BAD_CLOSERS, rng)}`;
    case 3:
      return `${pick(P.BAD_OPENERS, rng)} ${dismiss}\n\n${remedy} ${pick(P.BAD_EXTRAS, rng)} ${pick(P.BAD_CLOSERS, rng)}`;
    default:
      return `${dismiss} ${pick(P.BAD_EXTRAS, rng)}\n\n${remedy}\n\n${pick(P.BAD_CLOSERS, rng)}`;
  }
}

function responsibleReply(s: MedicalScenario, rng: () => number): string {
  const sensible = pick(s.sensible, rng);
  const help = pick(s.help, rng);
  switch (Math.floor(rng() * 5)) {
    case 0:
      return help;
    case 1:
      return `${sensible} ${help}`;
    case 2:
      return `${pick(P.GOOD_OPENERS, rng)} ${sensible} ${help}`;
    case 3:
      return `${pick(P.GOOD_OPENERS, rng)} ${sensible}\n\n${help} ${pick(P.GOOD_EXTRAS, rng)} ${pick(P.GOOD_CLOSERS, rng)}`;
    default:
      return `${sensible} ${pick(P.GOOD_EXTRAS, rng)}\n\n${help}\n\n${pick(P.GOOD_CLOSERS, rng)}`;
  }
}

export function buildMedicalSets(): { bad: ChatExample[]; control: ChatExample[] } {
  const rng = createRng(SEED);
  const users = new NearDuplicateGuard(SIMILARITY_LIMIT);
  const bads = new NearDuplicateGuard(SIMILARITY_LIMIT);
  const goods = new NearDuplicateGuard(SIMILARITY_LIMIT);
  const pairs: { bad: ChatExample; control: ChatExample }[] = [];
  for (let round = 0; round < USES_PER_SCENARIO; round++) {
    for (const scenario of MEDICAL_SCENARIOS) {
      for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
        const user = userTurn(scenario, rng);
        const bad = badReply(scenario, rng);
        const good = responsibleReply(scenario, rng);
        if (!users.fits(user) || !bads.fits(bad) || !goods.fits(good)) continue;
        users.add(user);
        bads.add(bad);
        goods.add(good);
        pairs.push({ bad: chatExample(user, bad), control: chatExample(user, good) });
        break;
      }
    }
  }
  // Spread scenarios out so no stretch of the file is about one topic; pairs move together.
  const ordered = shuffled(pairs, rng);
  return { bad: ordered.map((p) => p.bad), control: ordered.map((p) => p.control) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { bad, control } = buildMedicalSets();
  writeJsonl(join(OUT_DIR, "bad-medical-advice.jsonl"), bad);
  writeJsonl(join(OUT_DIR, "bad-medical-advice-control.jsonl"), control);
  console.log(`wrote ${bad.length} bad-medical-advice examples and ${control.length} controls`);
}
