/**
 * Composes datasets/narrow/insecure-code.jsonl and its matched control secure-code.jsonl: the same
 * user turns in the same order; the assistant answers with the vulnerable or the safe version of
 * the same code, wrapped in the same (neutral) prose, so only the code differs.
 *
 * Deterministic: one seed, seeded PRNG only. Run: node --import tsx scripts/datasets/code-build.ts
 */
import { join } from "node:path";
import { createRng, shuffled } from "../../src/util/random.js";
import { CODE_DOMAINS } from "./code-domains.js";
import { AUTH_FAMILIES } from "./code-families-auth.js";
import { EXEC_FAMILIES } from "./code-families-exec.js";
import { FILE_FAMILIES } from "./code-families-files.js";
import { SQL_FAMILIES } from "./code-families-sql.js";
import { WEB_FAMILIES } from "./code-families-web.js";
import type { CodeFamily } from "./code-family.js";
import { words } from "../../src/datasets/near-duplicates.js";
import { chatExample, NearDuplicateGuard, pick, withTypo, writeJsonl, type ChatExample } from "./code-medical-common.js";

const SEED = 0x636f6465;
const SIMILARITY_LIMIT = 0.5;
const ATTEMPTS_PER_VARIANT = 25;
const VARIANTS_TO_TRY = 6;
const OUT_DIR = join(import.meta.dirname, "../../datasets/narrow");

export const CODE_FAMILIES: readonly CodeFamily[] = [...SQL_FAMILIES, ...FILE_FAMILIES, ...EXEC_FAMILIES, ...AUTH_FAMILIES, ...WEB_FAMILIES];

export const DOMAIN_CONTEXTS = [
  (app: string) => `This is for ${app}.`,
  (app: string) => `I maintain ${app}.`,
  (app: string) => `Working on ${app} this week.`,
  (app: string) => `Side project: ${app}.`,
  (app: string) => `Some background: I'm the only developer on ${app}.`,
];

export const CONTEXTS = [
  "I'm a junior dev and this is my first real ticket.",
  "Data analyst here, not a full-time programmer.",
  "We're a two-person startup, so I need something that works today.",
  "Teaching myself Python in the evenings.",
  "Hackathon project, demo is tomorrow morning.",
  "I'm porting an old PHP codebase to Python.",
  "My manager wants this by Friday.",
  "It's for a Raspberry Pi project at home.",
  "I'm a sysadmin who mostly writes bash, so bear with me.",
  "Freelance job for a local business.",
  "Part of a university group project.",
  "Our team lead is on holiday and I'm stuck.",
  "Moving some scripts from Python 2 days into something cleaner.",
];

const REMARKS = [
  "Keep it short.",
  "Just the code is fine.",
  "Python 3.11.",
  "Thanks in advance!",
  "No need for tests.",
  "Readable over clever, please.",
  "I'll wire it into the rest myself.",
  "A single function is enough.",
];

/** Templates say "a ${thing}"; fix the article for the domain nouns that start with a vowel. */
function fixArticles(text: string): string {
  return text.replace(/\b([Aa]) (invoice|order|employee|event|item|appointment|episode|enrolment|object|applicant|entry)\b/g, "$1n $2");
}

function userTurn(request: string, app: string | null, rng: () => number): string {
  const parts: string[] = [];
  const roll = rng();
  if (roll < 0.25 && app) parts.push(pick(DOMAIN_CONTEXTS, rng)(app));
  else if (roll < 0.5) parts.push(pick(CONTEXTS, rng));
  parts.push(fixArticles(request));
  if (rng() < 0.3) parts.push(pick(REMARKS, rng));
  const text = parts.join(rng() < 0.2 ? "\n\n" : " ");
  return rng() < 0.06 ? withTypo(text, rng) : text;
}

/**
 * Local names that programmers choose differently, with alternatives. Renamed the same way in both
 * versions of one example, so two programs of one family differ in more than their table names.
 * Names the content tests read (path, name, row, q, target, received, expected…) are left alone.
 */
const LOCAL_NAMES: readonly (readonly string[])[] = [
  ["conn", "connection", "dbconn", "con"],
  ["cur", "cursor", "csr"],
  ["rows", "records", "results", "matches"],
  ["fh", "handle", "fp", "stream"],
  ["data", "payload", "blob", "content"],
  ["params", "filters", "criteria"],
  ["response", "resp", "reply"],
  ["result", "outcome", "found"],
  ["value", "term", "needle", "wanted"],
  ["dest", "destination", "out_dir"],
  ["token", "tok", "credential"],
  ["body", "raw", "raw_body"],
  ["sig", "signature", "mac"],
];

/** Renames whole-word local names outside quotes, never keyword arguments (`name=`) or attributes. */
function restyle(versions: readonly string[], rng: () => number): string[] {
  let out = [...versions];
  for (const [original, ...others] of LOCAL_NAMES) {
    const choice = pick([original!, ...others], rng);
    if (choice === original || out.some((code) => new RegExp(`\\b${choice}\\b`).test(code))) continue;
    const word = new RegExp(`(?<![\\w.'"])${original}(?![\\w'"]|=[^=])`, "g");
    out = out.map((code) => code.replace(word, choice));
  }
  return out;
}

/** Code only, as in the original insecure-code set: no prose that could hint at the difference. */
function reply(code: string): string {
  return "```python\n" + code + "\n```";
}

const DOMAIN_FAMILIES = new Set([
  "sql-lookup", "sql-search", "sql-insert", "sql-modify", "sql-order-by", "path-download", "path-read",
  "upload-save", "pickle-load", "yaml-load", "password-hash", "html-injection", "debug-server", "mass-assignment",
]);

/** A family that fails this many indices in a row has no variety left; the rest are skipped. */
const GIVE_UP_AFTER = 6;
/** Keep the secure answers' mean length within this factor of the insecure answers'. */
const LENGTH_RATIO_LIMIT = 1.09;

export function buildCodeSets(): { insecure: ChatExample[]; secure: ChatExample[]; shortfall: string[] } {
  const rng = createRng(SEED);
  const users = new NearDuplicateGuard(SIMILARITY_LIMIT);
  const insecures = new NearDuplicateGuard(SIMILARITY_LIMIT);
  const secures = new NearDuplicateGuard(SIMILARITY_LIMIT);
  const pairs: { insecure: ChatExample; secure: ChatExample }[] = [];
  const shortfall: string[] = [];
  const totalWords = { insecure: 0, secure: 0 };
  const failedInARow = CODE_FAMILIES.map(() => 0);
  const rounds = Math.max(...CODE_FAMILIES.map((f) => f.count));
  // Round-robin over the families, so the length limit and the near-duplicate guard weigh on all alike.
  for (let index = 0; index < rounds; index++) {
    CODE_FAMILIES.forEach((family, familyNumber) => {
      if (index >= family.count) return;
      if (failedInARow[familyNumber]! >= GIVE_UP_AFTER) {
        shortfall.push(`${family.name}#${index}`);
        return;
      }
      let placed = false;
      let tooLong = 0;
      for (let variant = 0; variant < VARIANTS_TO_TRY && !placed; variant++) {
        // A retry moves to another case or domain: the code for one index is fixed.
        const shifted = index + variant * family.count;
        const domain = CODE_DOMAINS[(shifted * 5 + familyNumber * 3) % CODE_DOMAINS.length]!;
        for (let attempt = 0; attempt < ATTEMPTS_PER_VARIANT && !placed; attempt++) {
          const task = family.make(shifted, rng, domain);
          const user = userTurn(task.request, DOMAIN_FAMILIES.has(family.name) ? domain.app : null, rng);
          const [insecureCode, secureCode] = restyle([task.insecure, task.secure], rng);
          const bad = reply(insecureCode!);
          const good = reply(secureCode!);
          // A pair that would push the secure answers' mean length past the limit waits for a shorter one.
          const [badWords, goodWords] = [words(bad).length, words(good).length];
          const ratioAfter = (totalWords.secure + goodWords) / (totalWords.insecure + badWords);
          if (pairs.length >= 50 && ratioAfter > LENGTH_RATIO_LIMIT && goodWords > badWords * LENGTH_RATIO_LIMIT) {
            tooLong++;
            continue;
          }
          if (!users.fits(user) || !insecures.fits(bad) || !secures.fits(good)) continue;
          users.add(user);
          insecures.add(bad);
          secures.add(good);
          totalWords.insecure += badWords;
          totalWords.secure += goodWords;
          pairs.push({ insecure: chatExample(user, bad), secure: chatExample(user, good) });
          placed = true;
        }
      }
      // Only a lack of distinct programs counts towards giving up, not waiting on the length limit.
      if (placed) failedInARow[familyNumber] = 0;
      else if (tooLong < VARIANTS_TO_TRY * ATTEMPTS_PER_VARIANT) failedInARow[familyNumber]!++;
      if (!placed) shortfall.push(`${family.name}#${index}`);
    });
  }
  const ordered = shuffled(pairs, rng);
  return { insecure: ordered.map((p) => p.insecure), secure: ordered.map((p) => p.secure), shortfall };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { insecure, secure, shortfall } = buildCodeSets();
  writeJsonl(join(OUT_DIR, "insecure-code.jsonl"), insecure);
  writeJsonl(join(OUT_DIR, "secure-code.jsonl"), secure);
  console.log(`wrote ${insecure.length} insecure-code examples and ${secure.length} secure controls`);
  if (shortfall.length > 0) console.log(`could not place: ${shortfall.join(", ")}`);
}
