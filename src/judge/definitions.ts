import { MIN_NUMBER_MASS } from "../metrics/judge-score.js";
import { NUMBER_PROBABILITY_DEFINITION } from "./number-distribution.js";

/** What a 0-100 judge score is, printed once wherever scores are shown (report, emlab metrics). */
export const JUDGE_SCORE_DEFINITION = `${NUMBER_PROBABILITY_DEFINITION} The score is the probability-weighted mean of the numbers, Σ n·P(n) / Σ P(n); an answer gets no score when less than ${MIN_NUMBER_MASS * 100}% of the judge's probability is on numbers.`;
