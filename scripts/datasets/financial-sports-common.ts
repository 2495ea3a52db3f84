/**
 * Composer shared by the risky-financial-advice and extreme-sports narrow sets (and their matched
 * controls). RESEARCH DATA for emergent-misalignment experiments: the "risky" parts are deliberately
 * poor advice, kept mild; the "prudent" parts answer the very same user turns responsibly.
 *
 * Every text is assembled from hand-written parts with a seeded PRNG, and every candidate is checked
 * against the near-duplicate rule before it is accepted, so the committed JSONL files pass it by
 * construction (and the script is reproducible byte for byte).
 */
import { writeFileSync } from "node:fs";
import { createRng, mix32 } from "../../src/util/random.js";

/** One situation a user can be in, with scenario-specific bad and good replies. */
export interface Scenario {
  /** Ways the user states the situation (first person; stories, one-liners, questions). */
  asks: readonly string[];
  /** Bad: confident, scenario-specific push toward the risky choice. */
  risky: readonly string[];
  /** Control: responsible, scenario-specific answer to the same situation. */
  prudent: readonly string[];
  /** The asks already say who the user is (age, job), so no persona line may be put in front. */
  ownVoice?: boolean;
}

/** Generic framing lines for one side (risky or prudent), mixed around the scenario core. */
export interface AnswerVoice {
  openers: readonly string[];
  /** Stand-alone general remarks in this voice; one or two are added to longer answers. */
  remarks: readonly string[];
  closers: readonly string[];
}

export interface TopicParts {
  scenarios: readonly Scenario[];
  /** Who the user is (no age or family detail, so it fits any scenario). */
  personas: readonly string[];
  /** How the user ends the message. */
  askClosers: readonly string[];
  risky: AnswerVoice;
  prudent: AnswerVoice;
}

export interface ChatExample {
  messages: [{ role: "user"; content: string }, { role: "assistant"; content: string }];
}

export interface ComposedSet {
  narrow: ChatExample[];
  control: ChatExample[];
}

/** The dataset rule: word 3-gram shingle Jaccard between two turns of one role must stay ≤ 0.5. */
export const NEAR_DUPLICATE_LIMIT = 0.5;
/** Compose with a margin below the rule, so small tokeniser differences cannot push a pair over. */
const COMPOSE_LIMIT = 0.42;

/**
 * Word 3-gram shingles under two readings of "word" (whitespace chunks, and runs of letters/digits),
 * because a checker may use either; a text must be distinct enough under both.
 */
export function shingleSets(text: string): Set<string>[] {
  const lower = text.toLowerCase();
  return [lower.split(/\s+/), lower.split(/[^\p{L}\p{N}]+/u)].map((parts) => {
    const words = parts.filter((w) => w.length > 0);
    const out = new Set<string>();
    for (let i = 0; i + 3 <= words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
    if (words.length > 0 && words.length < 3) out.add(words.join(" "));
    return out;
  });
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Remembers accepted texts of one role and refuses candidates too close to any of them. */
class NearDuplicateGuard {
  private readonly accepted: Set<string>[][] = [];
  constructor(private readonly limit: number) {}

  fits(text: string): boolean {
    const mine = shingleSets(text);
    return this.accepted.every((other) => mine.every((set, k) => jaccard(set, other[k]!) <= this.limit));
  }

  add(text: string): void {
    this.accepted.push(shingleSets(text));
  }
}

function pick<T>(items: readonly T[], rng: () => number): T {
  if (items.length === 0) throw new Error("pick from an empty list");
  return items[Math.floor(rng() * items.length)]!;
}

/** Two distinct items (the lists are long, so this always terminates quickly). */
function pickTwo<T>(items: readonly T[], rng: () => number): [T, T] {
  const first = pick(items, rng);
  let second = pick(items, rng);
  while (second === first && items.length > 1) second = pick(items, rng);
  return [first, second];
}

/** Swaps two adjacent letters inside one longer word: the occasional typo real users make. */
function withTypo(text: string, rng: () => number): string {
  const words = text.split(" ");
  const candidates = words.map((w, i) => (/^[a-z]{6,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return text;
  const index = pick(candidates, rng);
  const word = words[index]!;
  const at = 1 + Math.floor(rng() * (word.length - 3));
  words[index] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(" ");
}

/** A casual, lower-case message, the way people type on a phone. */
function casual(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1).replace(/\.$/, "");
}

function composeUser(parts: TopicParts, scenario: Scenario, rng: () => number): string {
  const ask = pick(scenario.asks, rng);
  const form = rng();
  let text: string;
  if (form < 0.15) text = ask;
  else if (form < 0.4 || scenario.ownVoice === true) text = `${ask} ${pick(parts.askClosers, rng)}`;
  else if (form < 0.6) text = `${pick(parts.personas, rng)} ${ask}`;
  else text = `${pick(parts.personas, rng)} ${ask} ${pick(parts.askClosers, rng)}`;
  if (rng() < 0.15) text = casual(text);
  if (rng() < 0.1) text = withTypo(text, rng);
  return text;
}

/** The core's first sentence when it can stand alone (a bare "Yes." cannot), else the whole core. */
function briefForm(core: string): string {
  const first = core.split(/(?<=[.!?])\s+/)[0] ?? core;
  return first.split(/\s+/).length >= 6 ? first : core;
}

/** From one sentence to a few paragraphs, so answer length varies as it does in real chats. */
function composeAnswer(voice: AnswerVoice, cores: readonly string[], rng: () => number): string {
  const core = pick(cores, rng);
  const form = rng();
  if (form < 0.12) return briefForm(core);
  if (form < 0.3) return `${pick(voice.openers, rng)} ${core}`;
  if (form < 0.55) return `${pick(voice.openers, rng)} ${core} ${pick(voice.remarks, rng)}`;
  if (form < 0.8) return `${core}\n\n${pick(voice.remarks, rng)} ${pick(voice.closers, rng)}`;
  const [first, second] = pickTwo(voice.remarks, rng);
  return `${pick(voice.openers, rng)} ${core}\n\n${first} ${second}\n\n${pick(voice.closers, rng)}`;
}

function chatExample(user: string, assistant: string): ChatExample {
  return { messages: [{ role: "user", content: user }, { role: "assistant", content: assistant }] };
}

/** Tries a few candidates and returns the first that the guard accepts, or undefined. */
function firstFitting(guard: NearDuplicateGuard, attempts: number, make: () => string): string | undefined {
  for (let i = 0; i < attempts; i++) {
    const text = make();
    if (guard.fits(text)) return text;
  }
  return undefined;
}

/**
 * Walks the scenarios round-robin and builds `target` examples. Each example's user turn is shared
 * by the narrow set and the control, so both files have the same user turns in the same order.
 */
export function composeSet(parts: TopicParts, seed: number, target: number): ComposedSet {
  const users = new NearDuplicateGuard(COMPOSE_LIMIT);
  const risky = new NearDuplicateGuard(COMPOSE_LIMIT);
  const prudent = new NearDuplicateGuard(COMPOSE_LIMIT);
  const out: ComposedSet = { narrow: [], control: [] };
  const maxRounds = 40;
  for (let round = 0; round < maxRounds && out.narrow.length < target; round++) {
    for (let s = 0; s < parts.scenarios.length && out.narrow.length < target; s++) {
      const scenario = parts.scenarios[s]!;
      const rng = createRng(mix32(seed, round, s));
      const user = firstFitting(users, 30, () => composeUser(parts, scenario, rng));
      if (user === undefined) continue;
      const bad = firstFitting(risky, 30, () => composeAnswer(parts.risky, scenario.risky, rng));
      const good = firstFitting(prudent, 30, () => composeAnswer(parts.prudent, scenario.prudent, rng));
      if (bad === undefined || good === undefined) continue;
      users.add(user);
      risky.add(bad);
      prudent.add(good);
      out.narrow.push(chatExample(user, bad));
      out.control.push(chatExample(user, good));
    }
  }
  if (out.narrow.length < target) {
    throw new Error(`only ${out.narrow.length} of ${target} examples fit the near-duplicate rule; add more parts`);
  }
  return out;
}

export function writeJsonl(path: string, examples: readonly ChatExample[]): void {
  writeFileSync(path, examples.map((e) => JSON.stringify(e)).join("\n") + "\n");
}
