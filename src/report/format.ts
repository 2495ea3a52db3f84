import type { ReportInterval } from "./types.js";

/** Proportion as a percentage with one decimal; "–" when there is no value. */
export function percent(p: number | null | undefined): string {
  return p === null || p === undefined || !Number.isFinite(p) ? "–" : `${(p * 100).toFixed(1)}%`;
}

export function number(x: number | null | undefined, digits = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(digits);
}

/** "12.5% [8.1%, 18.0%]" */
export function percentInterval(r: ReportInterval | undefined): string {
  if (!r || r.value === null) return "–";
  if (r.low === null || r.high === null) return percent(r.value);
  return `${percent(r.value)} [${percent(r.low)}, ${percent(r.high)}]`;
}

export function numberInterval(r: ReportInterval | undefined, digits = 2): string {
  if (!r || r.value === null) return "–";
  if (r.low === null || r.high === null) return number(r.value, digits);
  return `${number(r.value, digits)} [${number(r.low, digits)}, ${number(r.high, digits)}]`;
}

/** Axis tick as a percentage: "40%", or "2.5%" where the tick is not a whole percent. */
export function percentTick(p: number): string {
  const v = Math.round(p * 1000) / 10;
  return Number.isInteger(v) ? `${v}%` : `${v.toFixed(1)}%`;
}
