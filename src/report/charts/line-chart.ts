import { html, raw, type RawHtml } from "../escape.js";
import type { ReportPoint, ReportSeries } from "../types.js";
import { colorAt, figure, legend, linearScale, n, niceMax, niceTicks, svgRoot, xAxis, yAxis, type Plot } from "./svg.js";

export interface LineChartSpec {
  kind: string;
  title: string;
  caption: string;
  xLabel: string;
  yLabel: string;
  series: readonly ReportSeries[];
  /** "ordinal": distinct x values equally spaced (k = 0, 4, 16, 64 …); "linear": to scale. */
  xScale: "ordinal" | "linear";
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  /** Axis tick labels (default formatY). */
  formatTick?: (y: number) => string;
  /** Rates start at 0; gaps may be negative. */
  yFromZero: boolean;
}

/** Lines with shaded interval bands, one colour per series; every point carries a <title>. */
export function lineChart(spec: LineChartSpec): RawHtml {
  const plot: Plot = { width: 560, height: 320, left: 58, right: 16, top: 14, bottom: 48 };
  const points = spec.series.flatMap((s) => s.points);
  const xs = [...new Set(points.map((p) => p.x))].sort((a, b) => a - b);
  const ys = points.flatMap((p) => [p.value, p.low, p.high]).filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  let yMin = spec.yFromZero ? 0 : Math.min(0, ...ys);
  let yMax = spec.yFromZero ? niceMax(Math.max(0, ...ys), 0.05) : Math.max(0, ...ys);
  if (!spec.yFromZero) {
    const pad = (yMax - yMin || 1) * 0.08;
    yMin -= pad;
    yMax += pad;
  }
  const y = linearScale([yMin, yMax], [plot.height - plot.bottom, plot.top]);
  const inner: [number, number] = [plot.left + 18, plot.width - plot.right - 18];
  const x =
    spec.xScale === "ordinal"
      ? (v: number) => linearScale([0, Math.max(1, xs.length - 1)], inner)(xs.indexOf(v))
      : linearScale([Math.min(...xs, 0), Math.max(...xs, 1)], inner);
  const xTicks = spec.xScale === "ordinal" ? xs : niceTicks(Math.min(...xs, 0), Math.max(...xs, 1), 6);

  const body = spec.series.map((s, i) => seriesMarks(s, colorAt(i), x, y, spec));
  const zero = !spec.yFromZero && yMin < 0 ? html`<line class="zero" x1="${n(plot.left)}" x2="${n(plot.width - plot.right)}" y1="${n(y(0))}" y2="${n(y(0))}"/>` : raw("");
  const svg = svgRoot(
    plot,
    spec.title,
    html`${yAxis(plot, y, niceTicks(yMin, yMax, 5), spec.formatTick ?? spec.formatY, spec.yLabel)}${xAxis(
      plot,
      xTicks.map((t) => ({ at: x(t), text: spec.formatX(t) })),
      spec.xLabel,
    )}${zero}${body}`,
    spec.kind,
  );
  return figure(svg, spec.caption, legend(spec.series.map((s, i) => ({ name: s.name, color: colorAt(i) }))));
}

function seriesMarks(s: ReportSeries, color: string, x: (v: number) => number, y: (v: number) => number, spec: LineChartSpec): RawHtml {
  const pts = s.points.filter((p): p is ReportPoint & { value: number } => p.value !== null && Number.isFinite(p.value)).sort((a, b) => a.x - b.x);
  const withBand = pts.filter((p) => isNum(p.low) && isNum(p.high));
  const band =
    withBand.length >= 2
      ? html`<polygon class="band" fill="${color}" points="${[...withBand.map((p) => `${n(x(p.x))},${n(y(p.high!))}`), ...withBand.reverse().map((p) => `${n(x(p.x))},${n(y(p.low!))}`)].join(" ")}"/>`
      : raw("");
  const whiskers = pts
    .filter((p) => isNum(p.low) && isNum(p.high))
    .map((p) => html`<line class="whisker" stroke="${color}" x1="${n(x(p.x))}" x2="${n(x(p.x))}" y1="${n(y(p.low!))}" y2="${n(y(p.high!))}"/>`);
  const line = pts.length >= 2 ? html`<polyline class="line" stroke="${color}" points="${pts.map((p) => `${n(x(p.x))},${n(y(p.value))}`).join(" ")}"/>` : raw("");
  const dots = pts.map((p) => {
    const interval = isNum(p.low) && isNum(p.high) ? ` [${spec.formatY(p.low!)}, ${spec.formatY(p.high!)}]` : "";
    const count = p.n === undefined ? "" : `, n=${p.n}`;
    return html`<circle class="point" data-series="${s.name}" data-x="${p.x}" data-y="${p.value}" cx="${n(x(p.x))}" cy="${n(y(p.value))}" r="4" fill="${color}"><title>${s.name}: ${spec.xLabel} ${spec.formatX(p.x)} → ${spec.formatY(p.value)}${interval}${count}</title></circle>`;
  });
  return html`<g class="series">${band}${whiskers}${line}${dots}</g>`;
}

function isNum(v: number | null | undefined): v is number {
  return v !== null && v !== undefined && Number.isFinite(v);
}
