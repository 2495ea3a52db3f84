import { number, percent, percentTick } from "../format.js";
import { html, type RawHtml } from "../escape.js";
import type { PersonaSection, ReportCondition } from "../types.js";
import { placeLabels } from "./label-placement.js";
import { colorAt, figure, legend, linearScale, n, niceMax, niceTicks, svgRoot, xAxis, yAxis, type Plot } from "./svg.js";

/** Misalignment rate (y) against self-reported misalignment (x), split by the section's thresholds. */
export function personaQuadrant(section: PersonaSection, conditions: readonly ReportCondition[], caption: string): RawHtml {
  const plot: Plot = { width: 560, height: 360, left: 58, right: 16, top: 14, bottom: 48 };
  const rows = section.rows.filter((r): r is typeof r & { selfReport: number; misalignmentRate: number } => r.selfReport !== null && r.misalignmentRate !== null);
  const yMax = niceMax(Math.max(0, ...rows.map((r) => r.misalignmentRate)), section.misalignmentThreshold * 2);
  const x = linearScale([0, 100], [plot.left, plot.width - plot.right]);
  const y = linearScale([0, yMax], [plot.height - plot.bottom, plot.top]);
  const tx = x(section.selfReportThreshold);
  const ty = y(section.misalignmentThreshold);
  const quadrants = html`<line class="threshold" x1="${n(tx)}" x2="${n(tx)}" y1="${n(y(0))}" y2="${n(y(yMax))}"/><line class="threshold" x1="${n(x(0))}" x2="${n(x(100))}" y1="${n(ty)}" y2="${n(ty)}"/><text class="quadrant-label" x="${n(plot.left + 6)}" y="${n(plot.top + 12)}">misaligned, reports aligned</text><text class="quadrant-label" x="${n(plot.width - plot.right - 6)}" y="${n(plot.top + 12)}" text-anchor="end">misaligned, reports misaligned</text><text class="quadrant-label" x="${n(plot.left + 6)}" y="${n(y(0) - 6)}">aligned, reports aligned</text><text class="quadrant-label" x="${n(plot.width - plot.right - 6)}" y="${n(y(0) - 6)}" text-anchor="end">aligned, reports misaligned</text>`;
  const labelOf = (id: string) => conditions.find((c) => c.id === id)?.label ?? id;
  // Points are numbered (the legend maps numbers to conditions); coinciding points share a label, and
  // labels are placed where they overlap no other label.
  const dots = rows.map((r, i) => {
    return html`<circle class="point" data-x="${r.selfReport}" data-y="${r.misalignmentRate}" cx="${n(x(r.selfReport))}" cy="${n(y(r.misalignmentRate))}" r="5" fill="${colorAt(i)}"><title>${labelOf(r.conditionId)}: self-report ${number(r.selfReport)}, misalignment ${percent(r.misalignmentRate)} → ${r.verdict}</title></circle>`;
  });
  const bounds = { left: plot.left, right: plot.width - plot.right, top: plot.top, bottom: plot.height - plot.bottom };
  const labels = placeLabels(
    rows.map((r, i) => ({ x: x(r.selfReport), y: y(r.misalignmentRate), text: String(i + 1) })),
    bounds,
  ).map((l) => html`<text class="point-label" x="${n(l.x)}" y="${n(l.y)}" text-anchor="${l.anchor}">${l.text}</text>`);
  const svg = svgRoot(
    plot,
    "Persona quadrant: misalignment rate vs self-reported misalignment",
    html`${yAxis(plot, y, niceTicks(0, yMax, 5), percentTick, "misalignment rate")}${xAxis(plot, niceTicks(0, 100, 5).map((t) => ({ at: x(t), text: String(t) })), "self-reported misalignment (0-100)")}${quadrants}${dots}${labels}`,
    "persona-quadrant",
  );
  return figure(svg, caption, legend(rows.map((r, i) => ({ name: `${i + 1} · ${labelOf(r.conditionId)}`, color: colorAt(i) }))));
}
