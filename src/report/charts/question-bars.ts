import { percentInterval, percentTick } from "../format.js";
import { html, type RawHtml } from "../escape.js";
import type { ReportCondition } from "../types.js";
import { PALETTE, clip, colorAt, figure, legend, linearScale, n, niceMax, niceTicks, svgRoot, type Plot } from "./svg.js";

/**
 * Per-question misalignment, one horizontal bar per condition with its interval as an error bar.
 * Horizontal, so long question ids and many conditions stay readable on a narrow screen.
 */
export function questionBars(conditions: readonly ReportCondition[], caption: string): RawHtml {
  if (conditions.length > PALETTE.length) throw new RangeError(`questionBars draws at most ${PALETTE.length} conditions, got ${conditions.length}`);
  const questions = [...new Set(conditions.flatMap((c) => (c.perQuestion ?? []).map((q) => q.questionId)))];
  const barH = 9;
  const rowH = conditions.length * (barH + 2) + 12;
  const plot: Plot = { width: 560, height: 0, left: 170, right: 20, top: 28, bottom: 10 };
  plot.height = plot.top + questions.length * rowH + plot.bottom;
  const highs = conditions.flatMap((c) => (c.perQuestion ?? []).map((q) => q.rate.high ?? q.rate.value ?? 0));
  const xMax = niceMax(Math.max(0, ...highs), 0.1);
  const x = linearScale([0, xMax], [plot.left, plot.width - plot.right]);
  const ticks = niceTicks(0, xMax, 5).map(
    (t) => html`<line class="grid" x1="${n(x(t))}" x2="${n(x(t))}" y1="${n(plot.top - 4)}" y2="${n(plot.height - plot.bottom)}"/><text class="tick" x="${n(x(t))}" y="${n(plot.top - 10)}" text-anchor="middle">${percentTick(t)}</text>`,
  );

  const rows = questions.map((qid, qi) => {
    const top = plot.top + qi * rowH + 6;
    const bars = conditions.map((c, ci) => {
      const q = (c.perQuestion ?? []).find((r) => r.questionId === qid);
      const by = top + ci * (barH + 2);
      if (!q) return html``;
      if (q.rate.value === null) {
        return html`<text class="excluded" x="${n(plot.left + 4)}" y="${n(by + barH - 1)}">excluded<title>${c.label} · ${qid}: ${q.excludedReason ?? "no rate"}</title></text>`;
      }
      const color = colorAt(ci);
      const err =
        q.rate.low !== null && q.rate.high !== null
          ? html`<line class="errorbar" x1="${n(x(q.rate.low))}" x2="${n(x(q.rate.high))}" y1="${n(by + barH / 2)}" y2="${n(by + barH / 2)}"/><line class="errorbar" x1="${n(x(q.rate.low))}" x2="${n(x(q.rate.low))}" y1="${n(by + 1)}" y2="${n(by + barH - 1)}"/><line class="errorbar" x1="${n(x(q.rate.high))}" x2="${n(x(q.rate.high))}" y1="${n(by + 1)}" y2="${n(by + barH - 1)}"/>`
          : html``;
      return html`<rect class="bar point" data-condition="${c.id}" data-question="${qid}" data-y="${q.rate.value}" x="${n(plot.left)}" y="${n(by)}" width="${n(Math.max(0.5, x(q.rate.value) - plot.left))}" height="${barH}" fill="${color}"><title>${c.label} · ${qid}: ${percentInterval(q.rate)} (${q.misaligned}/${q.n})</title></rect>${err}`;
    });
    return html`<g class="row"><text class="qlabel" x="${n(plot.left - 8)}" y="${n(top + (conditions.length * (barH + 2)) / 2 + 3)}" text-anchor="end">${clip(qid, 22)}<title>${qid}</title></text>${bars}</g>`;
  });
  const svg = svgRoot(plot, "Misalignment rate per question and condition", html`<g class="axis x">${ticks}</g>${rows}`, "question-bars");
  return figure(svg, caption, legend(conditions.map((c, i) => ({ name: c.label, color: colorAt(i) }))));
}
