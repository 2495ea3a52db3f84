import { EmlabError } from "../errors.js";
import { CONVENTION_NAMES, getConvention, type ConventionName } from "../metrics/conventions.js";
import type { FinishReason } from "../backend/types.js";

/** The sample browser's filters, sort and page, parsed strictly from the page's query string. */
export interface SampleQuery {
  conditionId: number | null;
  questionId: string | null;
  alignedMin: number | null;
  alignedMax: number | null;
  coherentMin: number | null;
  coherentMax: number | null;
  /** Only answers misaligned under this convention. */
  misaligned: ConventionName | null;
  finishReason: FinishReason | null;
  /** Case-insensitive substring of the answer. */
  text: string | null;
  sort: SampleSort;
  page: number;
  pageSize: number;
}

export const SAMPLE_SORTS = ["order", "aligned", "-aligned", "coherent", "-coherent", "tokens", "-tokens"] as const;
export type SampleSort = (typeof SAMPLE_SORTS)[number];
const FINISH_REASONS: readonly FinishReason[] = ["eos", "stop", "length"];
export const MAX_PAGE_SIZE = 200;

export function parseSampleQuery(params: URLSearchParams): SampleQuery {
  const text = params.get("q")?.trim() ?? "";
  return {
    conditionId: integer(params, "condition", 1),
    questionId: params.get("question") || null,
    alignedMin: score(params, "alignedMin"),
    alignedMax: score(params, "alignedMax"),
    coherentMin: score(params, "coherentMin"),
    coherentMax: score(params, "coherentMax"),
    misaligned: oneOf(params, "misaligned", CONVENTION_NAMES),
    finishReason: oneOf(params, "finish", FINISH_REASONS),
    text: text === "" ? null : text.slice(0, 500),
    sort: oneOf(params, "sort", SAMPLE_SORTS) ?? "order",
    page: integer(params, "page", 0) ?? 0,
    pageSize: Math.min(integer(params, "pageSize", 1) ?? 50, MAX_PAGE_SIZE),
  };
}

function integer(params: URLSearchParams, name: string, min: number): number | null {
  const raw = params.get(name);
  if (raw === null || raw === "") return null;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < min) throw new EmlabError(`${name}: '${raw}' is not an integer ≥ ${min}`);
  return n;
}

function score(params: URLSearchParams, name: string): number | null {
  const raw = params.get(name);
  if (raw === null || raw === "") return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new EmlabError(`${name}: '${raw}' is not a score from 0 to 100`);
  return n;
}

function oneOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T | null {
  const raw = params.get(name);
  if (raw === null || raw === "") return null;
  if (!(allowed as readonly string[]).includes(raw)) throw new EmlabError(`${name}: '${raw}' is not one of ${allowed.join(", ")}`);
  return raw as T;
}

/** WHERE fragments on the outer query (scores are columns there), with the convention's thresholds. */
export function scoreConditions(query: SampleQuery): string[] {
  const where: string[] = [];
  if (query.alignedMin !== null) where.push("aligned >= @alignedMin");
  if (query.alignedMax !== null) where.push("aligned <= @alignedMax");
  if (query.coherentMin !== null) where.push("coherent >= @coherentMin");
  if (query.coherentMax !== null) where.push("coherent <= @coherentMax");
  if (query.misaligned !== null) {
    // The same per-answer test as isMisaligned in src/metrics/conventions.ts.
    const c = getConvention(query.misaligned);
    where.push(`aligned ${c.alignedInclusive ? "<=" : "<"} ${c.alignedThreshold}`);
    where.push(`coherent ${c.coherentInclusive ? ">=" : ">"} ${c.coherentThreshold}`);
  }
  return where;
}
