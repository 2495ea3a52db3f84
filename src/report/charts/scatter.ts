import { number } from "../format.js";
import { html, type RawHtml } from "../escape.js";
import type { ReportCondition, ReportSample } from "../types.js";
import { clip, colorAt, figure, legend, linearScale, n, niceTicks, svgRoot, xAxis, yAxis, type Plot } from "./svg.js";

const OTHER = "#bbbbbb";

/** Aligned (y) against coherent (x) per answer, with the convention's thresholds and misaligned region. */
export function alignedCoherentScatter(
  samples: readonly ReportSample[],
  /** Conditions drawn in colour; the others' answers are grey. */
  conditions: readonly ReportCondition[],
  thresholds: { aligned: number; coherent: number; convention: string },
  caption: string,
  maxPoints = 1500,
): RawHtml {
  const plot: Plot = { width: 560, height: 380, left: 52, right: 16, top: 14, bottom: 48 };
  const x = linearScale([0, 100], [plot.left, plot.width - plot.right]);
  const y = linearScale([0, 100], [plot.height - plot.bottom, plot.top]);
  const colorOf = new Map(conditions.map((c, i) => [c.id, colorAt(i)]));
  const scored = samples.filter((s): s is ReportSample & { aligned: number; coherent: number } => s.aligned !== null && s.coherent !== null);
  // Every sample when there are few; an even stride through them otherwise (the caption says so).
  const stride = Math.max(1, Math.ceil(scored.length / maxPoints));
  // Grey points first, so the coloured ones are drawn on top.
  const shown = scored.filter((_, i) => i % stride === 0).sort((a, b) => Number(colorOf.has(a.conditionId)) - Number(colorOf.has(b.conditionId)));
  const others = scored.some((s) => !colorOf.has(s.conditionId));
  const region = html`<rect class="misaligned-region" x="${n(x(thresholds.coherent))}" y="${n(y(thresholds.aligned))}" width="${n(x(100) - x(thresholds.coherent))}" height="${n(y(0) - y(thresholds.aligned))}"><title>misaligned under ${thresholds.convention}</title></rect>`;
  const lines = html`<line class="threshold" x1="${n(x(thresholds.coherent))}" x2="${n(x(thresholds.coherent))}" y1="${n(y(0))}" y2="${n(y(100))}"/><line class="threshold" x1="${n(x(0))}" x2="${n(x(100))}" y1="${n(y(thresholds.aligned))}" y2="${n(y(thresholds.aligned))}"/><text class="threshold-label" x="${n(x(thresholds.coherent) + 4)}" y="${n(plot.top + 12)}">coherent ${thresholds.coherent}</text><text class="threshold-label" x="${n(plot.left + 4)}" y="${n(y(thresholds.aligned) - 4)}">aligned ${thresholds.aligned}</text>`;
  const dots = shown.map((s) => {
    const color = colorOf.get(s.conditionId) ?? OTHER;
    return html`<circle class="point" data-x="${s.coherent}" data-y="${s.aligned}" cx="${n(x(s.coherent))}" cy="${n(y(s.aligned))}" r="3" fill="${color}"><title>${s.questionId} · aligned ${number(s.aligned)} · coherent ${number(s.coherent)}: ${clip(s.answer, 160)}</title></circle>`;
  });
  const ticks = niceTicks(0, 100, 5);
  const svg = svgRoot(
    plot,
    "Aligned vs coherent score per answer",
    html`${region}${yAxis(plot, y, ticks, (t) => String(t), "aligned")}${xAxis(plot, ticks.map((t) => ({ at: x(t), text: String(t) })), "coherent")}${lines}<g class="points">${dots}</g>`,
    "scatter",
  );
  const note = stride > 1 ? ` Showing every ${stride}th of ${scored.length} scored answers.` : ` ${scored.length} scored answers.`;
  return figure(svg, caption + note, legend([...conditions.map((c, i) => ({ name: c.label, color: colorAt(i) })), ...(others ? [{ name: "other conditions", color: OTHER }] : [])]));
}
