import { html, raw, type RawHtml } from "../escape.js";

/** Okabe–Ito colours: distinguishable with the common colour-vision deficiencies and in greyscale print. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"] as const;

export function colorAt(i: number): string {
  return PALETTE[i % PALETTE.length]!;
}

export type Scale = (v: number) => number;

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** About `count` round tick values covering [min, max] (steps of 1, 2 or 5 × 10^n). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const rough = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step - 1e-9) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

/** Upper end of a rate axis: the next round value above the data, at least `floor`. */
export function niceMax(max: number, floor: number): number {
  const m = Math.max(max, floor);
  const ticks = niceTicks(0, m, 5);
  const last = ticks[ticks.length - 1]!;
  return last >= m ? last : last + (ticks[1] ?? last);
}

/** Coordinates in SVG user units, rounded so the markup stays small. */
export function n(v: number): string {
  return Number.isFinite(v) ? String(Math.round(v * 10) / 10) : "0";
}

export interface Plot {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** An <svg> that scales with its container's width (viewBox + width:100% in CSS). */
export function svgRoot(plot: Pick<Plot, "width" | "height">, label: string, content: RawHtml, kind: string): RawHtml {
  return html`<svg class="chart" data-chart="${kind}" viewBox="0 0 ${n(plot.width)} ${n(plot.height)}" role="img" aria-label="${label}" xmlns="http://www.w3.org/2000/svg"><title>${label}</title>${content}</svg>`;
}

export function yAxis(plot: Plot, y: Scale, ticks: readonly number[], format: (v: number) => string, label: string): RawHtml {
  const lines = ticks.map(
    (t) => html`<line class="grid" x1="${n(plot.left)}" x2="${n(plot.width - plot.right)}" y1="${n(y(t))}" y2="${n(y(t))}"/><text class="tick" x="${n(plot.left - 6)}" y="${n(y(t) + 4)}" text-anchor="end">${format(t)}</text>`,
  );
  const cy = (plot.top + plot.height - plot.bottom) / 2;
  return html`<g class="axis y">${lines}<text class="axis-label" transform="translate(14 ${n(cy)}) rotate(-90)" text-anchor="middle">${label}</text></g>`;
}

export function xAxis(plot: Plot, ticks: readonly { at: number; text: string }[], label: string): RawHtml {
  const base = plot.height - plot.bottom;
  const marks = ticks.map(
    (t) => html`<line class="tick-mark" x1="${n(t.at)}" x2="${n(t.at)}" y1="${n(base)}" y2="${n(base + 5)}"/><text class="tick" x="${n(t.at)}" y="${n(base + 18)}" text-anchor="middle">${t.text}</text>`,
  );
  const cx = (plot.left + plot.width - plot.right) / 2;
  return html`<g class="axis x"><line class="baseline" x1="${n(plot.left)}" x2="${n(plot.width - plot.right)}" y1="${n(base)}" y2="${n(base)}"/>${marks}<text class="axis-label" x="${n(cx)}" y="${n(plot.height - 6)}" text-anchor="middle">${label}</text></g>`;
}

/** Legend as HTML below the chart: it wraps on narrow screens, where an SVG legend would not. */
export function legend(items: readonly { name: string; color: string }[]): RawHtml {
  if (items.length === 0) return raw("");
  return html`<ul class="legend">${items.map((it) => html`<li><span class="swatch" style="background:${safeColor(it.color)}"></span>${it.name}</li>`)}</ul>`;
}

/** Colours come from PALETTE, never from data; this guards the one place they reach a style attribute. */
export function safeColor(color: string): string {
  return /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : "#888888";
}

export function figure(svg: RawHtml, caption: string, extra: RawHtml = raw("")): RawHtml {
  return html`<figure>${svg}${extra}<figcaption>${caption}</figcaption></figure>`;
}

/** Shorten a label for a chart axis; the full text stays in a <title>. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
