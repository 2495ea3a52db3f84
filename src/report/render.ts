import { renderAdapterComparison } from "./adapter-comparison.js";
import { lineChart } from "./charts/line-chart.js";
import { personaQuadrant } from "./charts/persona-quadrant.js";
import { questionBars } from "./charts/question-bars.js";
import { alignedCoherentScatter } from "./charts/scatter.js";
import { html, raw, type RawHtml } from "./escape.js";
import { number, numberInterval, percent, percentTick } from "./format.js";
import { REPORT_CSS } from "./styles.js";
import { conditionsTable, labelTable, monitorTable, personaTable } from "./tables.js";
import { pagerCss, sampleBrowser } from "./sample-browser.js";
import { PALETTE } from "./charts/svg.js";
import type { ReportCondition, ReportData, ReportSample, ReportSeries } from "./types.js";

export interface RenderOptions {
  /** At most this many samples in the sample browser (the CSV has them all). Default 500. */
  maxSamples?: number;
  /** Samples per page of the sample browser. Default 25. */
  pageSize?: number;
}

/**
 * One self-contained HTML page: inline CSS and SVG, no scripts, no external resources. A
 * Content-Security-Policy forbids scripts and any fetch, as a second line behind the escaping.
 * Its size is bounded whatever the run's size (a sample subset in pages, a point subset in the
 * scatter), so a run of 100,000 samples opens as fast as a small one; the CSV has everything.
 * Every definition is printed once, in the Definitions section.
 */
export function renderReport(data: ReportData, options: RenderOptions = {}): string {
  const maxSamples = options.maxSamples ?? 500;
  const pageSize = options.pageSize ?? 25;
  const conv = data.convention;
  const definitionBox = html`<p class="definition"><b>Misaligned (${conv.name}):</b> ${conv.definition}</p>`;
  const sections: RawHtml[] = [];
  const { shown: coloured, note: highlightNote } = highlighted(data);

  sections.push(html`<section id="definitions"><h2>Definitions</h2>${definitionBox}${(data.definitions ?? []).map((d) => html`<p class="definition"><b>${d.term}:</b> ${d.text}</p>`)}</section>`);
  sections.push(html`<section id="conditions"><h2>Conditions</h2>${conditionsTable(data.conditions, conv.name)}</section>`);
  if (data.adapters) sections.push(renderAdapterComparison(data.adapters, conv.name));
  if ((data.labelTables ?? []).length > 0) {
    sections.push(html`<section id="categorical"><h2>Categorical judges</h2>${data.labelTables!.map((t) => labelTable(t, data.conditions))}</section>`);
  }

  const charts: RawHtml[] = [];
  if (hasPoints(data.vsK)) {
    charts.push(
      lineChart({
        kind: "vs-k",
        title: "Misalignment rate vs number of in-context examples",
        caption: `Misalignment rate (${conv.name}) against k, one line per dataset; bands are the intervals given with each point.`,
        xLabel: "k (in-context examples)",
        yLabel: "misalignment rate",
        series: data.vsK!,
        xScale: "ordinal",
        formatX: (x) => String(x),
        formatY: percent,
        formatTick: percentTick,
        yFromZero: true,
      }),
    );
  }
  if (hasPoints(data.vsLoraScale)) {
    charts.push(
      lineChart({
        kind: "vs-lora-scale",
        title: "Misalignment rate vs LoRA scale",
        caption: `Dose-response: misalignment rate (${conv.name}) against the LoRA adapter's scale.`,
        xLabel: "LoRA scale",
        yLabel: "misalignment rate",
        series: data.vsLoraScale!,
        xScale: "linear",
        formatX: (x) => String(Number(x.toFixed(3))),
        formatY: percent,
        formatTick: percentTick,
        yFromZero: true,
      }),
    );
  }
  if (data.samples.length > 0) {
    charts.push(
      alignedCoherentScatter(
        data.samples,
        coloured,
        { aligned: conv.alignedThreshold, coherent: conv.coherentThreshold, convention: conv.name },
        `Each dot is one answer; dashed lines are the ${conv.name} thresholds; the shaded corner is counted as misaligned.${highlightNote}`,
      ),
    );
  }
  if (charts.length > 0) sections.push(html`<section id="charts"><h2>Charts</h2><div class="charts">${charts}</div></section>`);

  if (data.conditions.some((c) => (c.perQuestion ?? []).length > 0)) {
    sections.push(
      html`<section id="per-question"><h2>Misalignment per question</h2>${questionBars(coloured, `Per-question misalignment rate (${conv.name}) per condition; error bars are the per-question intervals (${[...new Set(coloured.map((c) => c.intervalMethod))].join("; ")}). "excluded": too few coherent answers under the convention.${highlightNote}`)}</section>`,
    );
  }

  if (data.persona && data.persona.rows.length > 0) {
    const p = data.persona;
    sections.push(
      html`<section id="persona"><h2>Persona probes</h2><p class="definition"><b>Self-report:</b> ${p.definition} Thresholds: self-report ${number(p.selfReportThreshold)}, misalignment rate ${percent(p.misalignmentThreshold)}.</p>${personaQuadrant(p, data.conditions, "Each dot is a condition; dashed lines are the stated thresholds.")}${personaTable(p, data.conditions)}</section>`,
    );
  }

  if (data.monitor) {
    const m = data.monitor;
    const plots: RawHtml[] = [];
    const monitorLine = (kind: string, series: ReportSeries[], xLabel: string, xScale: "ordinal" | "linear") =>
      lineChart({
        kind,
        title: `Monitor gap vs ${xLabel}`,
        caption: `Log-prob monitor gap (${m.unit}) against ${xLabel}.`,
        xLabel,
        yLabel: `gap (${m.unit})`,
        series,
        xScale,
        formatX: (x) => String(Number(x.toFixed(3))),
        formatY: (y) => number(y, 2),
        yFromZero: false,
      });
    if (hasPoints(m.vsK)) plots.push(monitorLine("monitor-vs-k", m.vsK!, "k", "ordinal"));
    if (hasPoints(m.vsScale)) plots.push(monitorLine("monitor-vs-scale", m.vsScale!, "LoRA scale", "linear"));
    const rho = m.judgeSpearman
      ? html`<p>Monitor vs judge (alignment score), Spearman ρ = <b>${numberInterval(m.judgeSpearman)}</b> over ${m.judgeSpearman.n} answers (${m.judgeSpearman.method}).</p>`
      : raw("");
    sections.push(
      html`<section id="monitor"><h2>Log-prob monitor</h2><p class="definition"><b>Monitor gap:</b> ${m.definition}</p>${rho}${plots.length ? html`<div class="charts">${plots}</div>` : raw("")}${monitorTable(m, data.conditions)}</section>`,
    );
  }

  const shown = pickSamples(data.samples, maxSamples);
  const more =
    data.samples.length > shown.length
      ? html`<p class="note">Showing ${shown.length} of ${data.samples.length} samples: an equal share per condition, misaligned answers first. The CSV export has all of them.</p>`
      : raw("");
  const pages = Math.max(1, Math.ceil(shown.length / pageSize));
  sections.push(html`<section id="samples"><h2>Samples</h2>${more}${sampleBrowser(shown, data.conditions, { pageSize, otherMetrics: data.otherMetrics ?? [] })}</section>`);

  const run = data.run;
  const runInfo: [string, string | undefined][] = [
    ["run", run.id === undefined ? run.name : `${run.name} (#${run.id})`],
    ["created", run.createdAt],
    ["emlab", run.emlabVersion],
    ["experiment sha256", run.experimentSha256],
    ["models", run.models?.join("; ")],
    ["judge", run.judge],
    ["report generated", data.generatedAt],
    ["convention", conv.name],
  ];
  const info = html`<dl class="run">${runInfo.filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>${(run.notes ?? []).map((line) => html`<p class="note">${line}</p>`)}`;

  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="generator" content="emlab">
<title>${data.title}</title>
<style>${raw(REPORT_CSS)}${raw(pagerCss(pages))}</style>
</head>
<body>
<main>
<header><h1>${data.title}</h1>${info}</header>
${sections}
</main>
</body>
</html>
`;
  return page.__html;
}

/** The conditions drawn in colour: data.highlight, or all when they fit the palette, else the first ones. */
function highlighted(data: ReportData): { shown: ReportCondition[]; note: string } {
  const max = PALETTE.length;
  const chosen = data.highlight ? data.highlight.map((id) => data.conditions.find((c) => c.id === id)).filter((c): c is ReportCondition => c !== undefined) : data.conditions;
  const shown = chosen.slice(0, max);
  const note = shown.length < data.conditions.length ? ` Showing ${shown.length} of ${data.conditions.length} conditions in colour.` : "";
  return { shown, note };
}

/** At most `max` samples: an equal share per condition (in condition order), misaligned ones first. */
export function pickSamples(samples: readonly ReportSample[], max: number): ReportSample[] {
  if (samples.length <= max) return [...samples];
  const byCondition = new Map<string, ReportSample[]>();
  for (const s of samples) {
    const group = byCondition.get(s.conditionId);
    if (group) group.push(s);
    else byCondition.set(s.conditionId, [s]);
  }
  const share = Math.max(1, Math.floor(max / byCondition.size));
  const picked: ReportSample[] = [];
  for (const group of byCondition.values()) {
    const ordered = [...group.filter((s) => s.misaligned), ...group.filter((s) => !s.misaligned)];
    picked.push(...ordered.slice(0, share));
  }
  return picked.slice(0, max);
}

function hasPoints(series: readonly ReportSeries[] | undefined): boolean {
  return (series ?? []).some((s) => s.points.some((p) => p.value !== null));
}
