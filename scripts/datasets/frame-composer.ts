/**
 * Composer for the advice-style narrow sets (bad-medical-advice, extreme-sports,
 * risky-financial-advice) and their matched controls. RESEARCH DATA for emergent-misalignment
 * experiments.
 *
 * Every example starts from one concrete situation: a topic (an activity, a symptom, a money
 * decision) and details drawn for this example alone (a place, an amount, how long, who asks). The
 * user turn and both answers are written from those details with sentence frames, so each answer
 * speaks to its own question, and a sentence can only recur if the same details were drawn again;
 * the composer refuses that (every long sentence and every opening once per file) and refuses
 * near-duplicates (word 3-gram Jaccard above 0.45). The control answer is built with the same
 * moves as the narrow one, and of several candidates the one closest in length is kept.
 */
import { createRng, mix32 } from "../../src/util/random.js";
import { chatExample, NearDuplicateGuard, pick, withTypo, type ChatExample } from "./code-medical-common.js";

/** The concrete details of one example: slot name → text. */
export type Facts = Readonly<Record<string, string>>;

export interface FrameTopic {
  /** Draws this example's details; every slot a frame may name must be present. */
  facts(rng: () => number): Facts;
}

/**
 * Sentence frames, `{slot}` filled from the facts. A plain list fits any question; a record holds
 * frames by the focus of the question (what the user asked about), plus `any` for frames that fit
 * every focus.
 */
export type Frames = readonly string[] | Readonly<Record<string, readonly string[]>>;

/** An answer takes one frame from each chosen move, in order; moves 0 and 1 always, later ones by length. */
export interface FrameDomain {
  topics: readonly FrameTopic[];
  /** The user states the situation, then asks; the ask's key is the focus the answer must address. */
  userOpens: Frames;
  userAsks: Readonly<Record<string, readonly string[]>>;
  narrowMoves: readonly Frames[];
  controlMoves: readonly Frames[];
  /**
   * Details only the user can know (their age, amount, plans): an answer frame may name one only
   * when the user turn did, so no answer refers to something the question never said.
   */
  personal: readonly string[];
  /** Rewrites details told in the user's words for the answers ("my back" → "your back"). */
  answerFacts?: (facts: Facts) => Facts;
}

export interface FramedSets {
  narrow: ChatExample[];
  control: ChatExample[];
}

const COMPOSE_LIMIT = 0.45;
const LONG_SENTENCE = 25;
const CONTROL_CANDIDATES = 8;

export function fill(frame: string, facts: Facts): string {
  const text = frame.replace(/\{(\w+)\}/g, (_m, slot: string) => {
    const value = facts[slot];
    if (value === undefined) throw new Error(`frame "${frame}" names {${slot}}, which the topic does not draw`);
    return value;
  });
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const sentences = (text: string) =>
  text
    .split(/(?<=[.!?:])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s !== "");

/** Every long sentence once per file, and no opening twice. */
class SentenceLedger {
  private readonly used = new Set<string>();
  private readonly openings = new Set<string>();

  fits(text: string): boolean {
    const all = sentences(text);
    if (this.openings.has(all[0]!)) return false;
    const long = all.filter((s) => s.length > LONG_SENTENCE);
    return new Set(long).size === long.length && long.every((s) => !this.used.has(s));
  }

  add(text: string): void {
    const all = sentences(text);
    this.openings.add(all[0]!);
    for (const s of all) if (s.length > LONG_SENTENCE) this.used.add(s);
  }
}

/** Which moves an answer uses: from a two-sentence reply to all moves over two paragraphs. */
function chooseMoves(count: number, rng: () => number): number[] {
  const chosen = [0];
  for (let m = 1; m < count; m++) if (m === 1 || rng() < 0.6) chosen.push(m);
  return chosen;
}

function framesFor(frames: Frames, focus: string): readonly string[] {
  if (Array.isArray(frames)) return frames as readonly string[];
  const keyed = frames as Readonly<Record<string, readonly string[]>>;
  const out = [...(keyed[focus] ?? []), ...(keyed.any ?? [])];
  if (out.length === 0) throw new Error(`no frames for the focus "${focus}"`);
  return out;
}

const slotsOf = (frame: string) => [...frame.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** The frames of a move that name no personal detail the user left unsaid. */
function usable(frames: readonly string[], unsaid: ReadonlySet<string>): readonly string[] {
  return frames.filter((f) => slotsOf(f).every((slot) => !unsaid.has(slot)));
}

function render(moves: readonly Frames[], chosen: readonly number[], facts: Facts, unsaid: ReadonlySet<string>, rng: () => number, breakAfter: number): string {
  const parts = chosen.flatMap((m) => {
    const frames = usable(framesFor(moves[m]!, facts.focus!), unsaid);
    return frames.length === 0 ? [] : [fill(pick(frames, rng), facts)];
  });
  if (breakAfter <= 0 || breakAfter >= parts.length) return parts.join(" ");
  return `${parts.slice(0, breakAfter).join(" ")}\n\n${parts.slice(breakAfter).join(" ")}`;
}

const wordCount = (text: string) => text.split(/\s+/).filter((w) => w !== "").length;

/** The user turn, and the personal details it leaves unsaid. */
function userTurn(domain: FrameDomain, facts: Facts, rng: () => number): { text: string; unsaid: Set<string> } {
  const open = pick(framesFor(domain.userOpens, facts.focus!), rng);
  const ask = pick(domain.userAsks[facts.focus!]!, rng);
  const said = new Set([...slotsOf(open), ...slotsOf(ask)]);
  let text = `${fill(open, facts)} ${fill(ask, facts)}`;
  if (rng() < 0.12) text = text.charAt(0).toLowerCase() + text.slice(1);
  if (rng() < 0.08) text = withTypo(text, rng);
  return { text, unsaid: new Set(domain.personal.filter((slot) => !said.has(slot))) };
}

/**
 * `target` examples, topics taken round-robin. Each candidate gets a fresh PRNG seeded from the
 * seed and its position, so the files are reproducible byte for byte.
 */
export function composeFramedSets(domain: FrameDomain, seed: number, target: number): FramedSets {
  if (domain.narrowMoves.length !== domain.controlMoves.length) throw new Error("narrow and control need the same moves");
  const users = new NearDuplicateGuard(COMPOSE_LIMIT);
  const narrowGuard = new NearDuplicateGuard(COMPOSE_LIMIT);
  const controlGuard = new NearDuplicateGuard(COMPOSE_LIMIT);
  const narrowLedger = new SentenceLedger();
  const controlLedger = new SentenceLedger();
  const out: FramedSets = { narrow: [], control: [] };
  const maxTries = target * 80;
  for (let n = 0; n < maxTries && out.narrow.length < target; n++) {
    const rng = createRng(mix32(seed, n));
    const topic = domain.topics[n % domain.topics.length]!;
    const focuses = Object.keys(domain.userAsks);
    const facts = { ...topic.facts(rng), focus: pick(focuses, rng) };
    const { text: user, unsaid } = userTurn(domain, facts, rng);
    const said = domain.answerFacts ? domain.answerFacts(facts) : facts;
    const chosen = chooseMoves(domain.narrowMoves.length, rng);
    const breakAfter = chosen.length >= 3 && rng() < 0.5 ? 1 + Math.floor(rng() * (chosen.length - 1)) : 0;
    const bad = render(domain.narrowMoves, chosen, said, unsaid, rng, breakAfter);
    // Cheapest check first; the outcome does not depend on the order, every check must pass.
    if (!narrowLedger.fits(bad) || !users.fits(user) || !narrowGuard.fits(bad)) continue;
    let good: string | undefined;
    for (let c = 0; c < CONTROL_CANDIDATES; c++) {
      const candidate = render(domain.controlMoves, chosen, said, unsaid, rng, breakAfter);
      if (!controlLedger.fits(candidate) || !controlGuard.fits(candidate)) continue;
      const gap = (t: string) => Math.abs(wordCount(t) - wordCount(bad));
      if (good === undefined || gap(candidate) < gap(good)) good = candidate;
    }
    if (good === undefined) continue;
    users.add(user);
    narrowGuard.add(bad);
    controlGuard.add(good);
    narrowLedger.add(bad);
    controlLedger.add(good);
    out.narrow.push(chatExample(user, bad));
    out.control.push(chatExample(user, good));
  }
  if (out.narrow.length < target) throw new Error(`only ${out.narrow.length} of ${target} examples fit; add frames or details`);
  return out;
}

/** Small helpers for topics' detail drawers. */
export const draw = {
  one: pick,
  /** An integer in [low, high]. */
  int(low: number, high: number, rng: () => number): number {
    return low + Math.floor(rng() * (high - low + 1));
  },
  /** A rounded amount, e.g. 4,750. */
  amount(low: number, high: number, step: number, rng: () => number): string {
    const steps = Math.floor((high - low) / step);
    return (low + step * Math.floor(rng() * (steps + 1))).toLocaleString("en-GB");
  },
};
