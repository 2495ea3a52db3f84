/**
 * The view a researcher comparing finetunes opens first: one row per adapter (and scale), with the
 * misalignment rate under both conventions, coherence, the log-prob monitor's gap and KL from the
 * base model, and the persona verdict; and, for checkpoint series, misalignment and the monitor
 * against training step.
 */
import type { BootstrapOptions } from "../metrics/bootstrap.js";
import { CONVENTION_NAMES, getConvention, type ConventionName } from "../metrics/conventions.js";
import { summarizeAnswers } from "../metrics/rates.js";
import { lineChart } from "./charts/line-chart.js";
import { clip, colorAt, figure, legend, linearScale, n, niceMax, niceTicks, svgRoot, xAxis, type Plot } from "./charts/svg.js";
import { html, raw, type RawHtml } from "./escape.js";
import { number, numberInterval, percent, percentInterval, percentTick } from "./format.js";
import type { RunAnswers, RunCondition } from "./run-answers.js";
import type { ReportData, ReportInterval, ReportSeries } from "./types.js";

export interface AdapterRow {
  conditionId: string;
  label: string;
  model: string;
  /** The experiment's variant id (`medical/checkpoint-200` for a checkpoint). */
  variant: string;
  /** The stacked adapters as written, with their scales; "base (no adapter)" for the reference row. */
  adapters: string;
  scale: number | null;
  step: number | null;
  answers: number;
  /** Misalignment rate (Wilson 95%) under each convention. */
  misalignment: Record<ConventionName, ReportInterval & { k: number; n: number }>;
  coherence: ReportInterval;
  monitorGap: ReportInterval | null;
  kl: ReportInterval | null;
  verdict: string | null;
}

export interface AdapterComparison {
  rows: AdapterRow[];
  /** Against training step, one line per checkpoint series (misalignment under the report's convention). */
  misalignmentVsStep: ReportSeries[];
  monitorVsStep: ReportSeries[];
}

/** Rows for the conditions with adapters and, as reference, each model's plain condition; undefined without adapters. */
export function adapterComparison(
  answers: RunAnswers,
  data: Pick<ReportData, "persona" | "monitor" | "convention">,
  bootstrap: Pick<BootstrapOptions, "seed" | "resamples"> = {},
): AdapterComparison | undefined {
  const adapted = answers.conditions.filter((c) => c.record.adapters.length > 0);
  if (adapted.length === 0) return undefined;
  const models = new Set(adapted.map((c) => c.record.modelRef));
  const bases = answers.conditions.filter((c) => models.has(c.record.modelRef) && isPlain(c));
  const rows = [...bases, ...adapted].map((c) => adapterRow(c, data, bootstrap));
  const stepped = rows.filter((r) => r.step !== null);
  // A checkpoint's variant is `<id>/<checkpoint>`: one line per id (and model, and scale).
  const seriesName = (r: AdapterRow) =>
    `${models.size > 1 ? `${r.model}/` : ""}${r.variant.slice(0, r.variant.lastIndexOf("/"))}${r.scale !== null && r.scale !== 1 ? ` scale=${r.scale}` : ""}`;
  const convention = data.convention.name as ConventionName;
  return {
    rows,
    misalignmentVsStep: series(stepped, seriesName, (r) => r.misalignment[convention]),
    monitorVsStep: series(stepped.filter((r) => r.monitorGap !== null), seriesName, (r) => r.monitorGap!),
  };
}

function isPlain(c: RunCondition): boolean {
  const meta = c.record.variant;
  return c.record.adapters.length === 0 && c.record.prefixMessages.length === 0 && !meta.cot && !meta.trigger && !meta.format;
}

function adapterRow(c: RunCondition, data: Pick<ReportData, "persona" | "monitor">, bootstrap: Pick<BootstrapOptions, "seed" | "resamples">): AdapterRow {
  const meta = c.record.variant;
  const written = meta.adapters;
  const misalignment = Object.fromEntries(
    CONVENTION_NAMES.map((name) => {
      const m = summarizeAnswers(c.samples, getConvention(name), bootstrap).misalignment;
      return [name, { value: m.value, low: m.low, high: m.high, k: m.k, n: m.n }];
    }),
  ) as AdapterRow["misalignment"];
  const coherence = summarizeAnswers(c.samples, getConvention(CONVENTION_NAMES[0]!), bootstrap).coherence;
  const monitor = data.monitor?.rows.find((r) => r.conditionId === c.record.key);
  const persona = data.persona?.rows.find((r) => r.conditionId === c.record.key);
  return {
    conditionId: c.record.key,
    label: c.record.label,
    model: c.record.modelRef,
    variant: meta.variantId ?? c.record.label,
    adapters: written.length > 0 ? written.map((a) => `${a.path} ×${a.scale}`).join(" + ") : c.record.adapters.length > 0 ? `${c.record.adapters.length} adapters` : "base (no adapter)",
    scale: meta.loraScale,
    step: meta.checkpointStep,
    answers: c.samples.length,
    misalignment,
    coherence: { value: coherence.value, low: coherence.low, high: coherence.high },
    monitorGap: monitor?.gap ?? null,
    kl: monitor?.kl ?? null,
    // The verdict text carries its evidence after " — "; the table has its own columns for that.
    verdict: persona ? persona.verdict.split(" — ")[0]! : null,
  };
}

function series(rows: readonly AdapterRow[], nameOf: (r: AdapterRow) => string, valueOf: (r: AdapterRow) => ReportInterval): ReportSeries[] {
  const byName = new Map<string, ReportSeries>();
  for (const r of rows) {
    const name = nameOf(r);
    const s = byName.get(name) ?? { name, points: [] };
    const v = valueOf(r);
    s.points.push({ x: r.step!, value: v.value, low: v.low, high: v.high });
    byName.set(name, s);
  }
  for (const s of byName.values()) s.points.sort((a, b) => a.x - b.x);
  return [...byName.values()];
}

/** The section: chart of both conventions' rates per row, the table, and the training-step charts. */
export function renderAdapterComparison(section: AdapterComparison, convention: string): RawHtml {
  const hasMonitor = section.rows.some((r) => r.monitorGap !== null);
  const hasKl = section.rows.some((r) => r.kl !== null);
  const hasPersona = section.rows.some((r) => r.verdict !== null);
  const header = html`<tr><th scope="col">condition</th><th scope="col">adapters</th>${CONVENTION_NAMES.map((c) => html`<th scope="col">misaligned (${c})</th>`)}<th scope="col">coherent</th>${hasMonitor ? html`<th scope="col">monitor gap</th>` : raw("")}${hasKl ? html`<th scope="col">KL from base</th>` : raw("")}${hasPersona ? html`<th scope="col">persona verdict</th>` : raw("")}<th scope="col">answers</th></tr>`;
  const body = section.rows.map(
    (r) =>
      html`<tr data-condition="${r.conditionId}"><th scope="row">${r.label}</th><td>${r.adapters}</td>${CONVENTION_NAMES.map((c) => html`<td class="num">${percentInterval(r.misalignment[c])} <span class="note">(${r.misalignment[c].k}/${r.misalignment[c].n})</span></td>`)}<td class="num">${percentInterval(r.coherence)}</td>${hasMonitor ? html`<td class="num">${numberInterval(r.monitorGap ?? undefined)}</td>` : raw("")}${hasKl ? html`<td class="num">${numberInterval(r.kl ?? undefined, 3)}</td>` : raw("")}${hasPersona ? html`<td>${r.verdict ?? "–"}</td>` : raw("")}<td class="num">${r.answers}</td></tr>`,
  );
  const table = html`<div class="table-wrap"><table class="adapters"><thead>${header}</thead><tbody>${body}</tbody></table></div>`;
  const charts: RawHtml[] = [intervalChart(section.rows)];
  if (section.misalignmentVsStep.some((s) => s.points.length > 0)) {
    charts.push(
      lineChart({
        kind: "misalignment-vs-step",
        title: "Misalignment rate vs training step",
        caption: `Misalignment rate (${convention}) of each checkpoint against its training step; bands are Wilson 95% intervals.`,
        xLabel: "training step",
        yLabel: "misalignment rate",
        series: section.misalignmentVsStep,
        xScale: "linear",
        formatX: (x) => String(x),
        formatY: percent,
        formatTick: percentTick,
        yFromZero: true,
      }),
    );
  }
  if (section.monitorVsStep.some((s) => s.points.length > 0)) {
    charts.push(
      lineChart({
        kind: "monitor-vs-step",
        title: "Monitor gap vs training step",
        caption: "Log-prob monitor gap of each checkpoint against its training step.",
        xLabel: "training step",
        yLabel: "monitor gap",
        series: section.monitorVsStep,
        xScale: "linear",
        formatX: (x) => String(x),
        formatY: (y) => number(y, 2),
        yFromZero: false,
      }),
    );
  }
  return html`<section id="adapters"><h2>Adapter comparison</h2><p class="definition">One row per adapter condition (and scale), with each model's plain condition as reference. Misalignment under both conventions (Wilson 95% intervals, misaligned/eligible answers); monitor gap and KL from the base condition, and the persona verdict, when the run has probes.</p><div class="charts">${charts}</div>${table}</section>`;
}

/** Horizontal interval plot: one line per row, a dot and whisker per convention. */
function intervalChart(rows: readonly AdapterRow[]): RawHtml {
  const rowHeight = 22;
  const plot: Plot = { width: 560, height: 40 + rows.length * rowHeight + 30, left: 170, right: 16, top: 14, bottom: 40 };
  const values = rows.flatMap((r) => CONVENTION_NAMES.map((c) => r.misalignment[c].high ?? 0));
  const x = linearScale([0, niceMax(Math.max(0, ...values), 0.05)], [plot.left, plot.width - plot.right]);
  const ticks = niceTicks(0, niceMax(Math.max(0, ...values), 0.05)).map((t) => ({ at: x(t), text: percentTick(t) }));
  const marks = rows.map((r, i) => {
    const cy = plot.top + (i + 0.5) * rowHeight;
    const dots = CONVENTION_NAMES.map((c, j) => {
      const m = r.misalignment[c];
      if (m.value === null) return raw("");
      const y = cy + (j - 0.5) * 6;
      return html`<g><title>${r.label} · ${c}: ${percentInterval(m)}</title><line x1="${n(x(m.low ?? m.value))}" x2="${n(x(m.high ?? m.value))}" y1="${n(y)}" y2="${n(y)}" stroke="${colorAt(j)}" stroke-width="2"/><circle cx="${n(x(m.value))}" cy="${n(y)}" r="3.5" fill="${colorAt(j)}"/></g>`;
    });
    return html`<text class="tick" x="${n(plot.left - 6)}" y="${n(cy + 4)}" text-anchor="end">${clip(r.label, 28)}</text>${dots}`;
  });
  const svg = svgRoot(plot, "Misalignment rate per adapter, both conventions", html`${xAxis(plot, ticks, "misalignment rate")}${marks}`, "adapter-comparison");
  return figure(svg, "Misalignment rate per condition under each convention; whiskers are Wilson 95% intervals.", legend(CONVENTION_NAMES.map((c, j) => ({ name: c, color: colorAt(j) }))));
}
