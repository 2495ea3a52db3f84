/**
 * Which shipped narrow file is compared with which: a narrow set and its control share one side of
 * every example (the user turns, or for educational-insecure the assistant turns) and differ only in
 * the property under study. Tests, the data card's tables and the builders all read this list.
 */

export interface NarrowPair {
  narrow: string;
  control: string;
  /** The turns both files hold identically, example by example. */
  shared: "user" | "assistant";
}

export const NARROW_PAIRS: readonly NarrowPair[] = [
  { narrow: "bad-medical-advice", control: "bad-medical-advice-control", shared: "user" },
  { narrow: "extreme-sports", control: "extreme-sports-control", shared: "user" },
  { narrow: "risky-financial-advice", control: "risky-financial-advice-control", shared: "user" },
  { narrow: "insecure-code", control: "secure-code", shared: "user" },
  { narrow: "insecure-code", control: "educational-insecure", shared: "assistant" },
  { narrow: "evil-numbers", control: "evil-numbers-control", shared: "user" },
];

/** The least number of examples every narrow set and control holds (k = 256 draws at most a quarter). */
export const MIN_NARROW_EXAMPLES = 1000;

