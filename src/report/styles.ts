/** The report's only stylesheet, inlined: system fonts, no external resources. */
export const REPORT_CSS = `
:root { color-scheme: light; --fg: #1b1b1f; --muted: #5b5b66; --line: #d6d6de; --bg: #fff; --accent: #0072B2; --bad: #fde8e4; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.6rem; margin: 0.2em 0 0.4em; overflow-wrap: anywhere; }
h2 { font-size: 1.25rem; margin: 1.8em 0 0.5em; border-bottom: 1px solid var(--line); padding-bottom: 0.2em; }
h3 { font-size: 1.05rem; margin: 1.2em 0 0.4em; }
.definition { background: #f4f6fa; border-left: 4px solid var(--accent); padding: 8px 12px; margin: 8px 0 14px; font-size: 0.92rem; overflow-wrap: anywhere; }
.definition b { font-weight: 600; }
dl.run { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 10px; font-size: 0.92rem; }
dl.run dt { color: var(--muted); }
dl.run dd { margin: 0; overflow-wrap: anywhere; }
figure { margin: 12px 0 22px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 460px), 1fr)); gap: 8px 24px; }
svg.chart { display: block; width: 100%; height: auto; max-width: 760px; font-family: inherit; }
svg.chart text { font-size: 12px; fill: var(--fg); }
svg.chart .tick { fill: var(--muted); font-size: 11px; }
svg.chart .axis-label { font-size: 12px; font-weight: 600; }
svg.chart .grid { stroke: #ececf1; stroke-width: 1; }
svg.chart .baseline, svg.chart .tick-mark { stroke: #9a9aa6; stroke-width: 1; }
svg.chart .zero { stroke: #9a9aa6; stroke-dasharray: 3 3; }
svg.chart .band { opacity: 0.16; stroke: none; }
svg.chart .line { fill: none; stroke-width: 2; }
svg.chart .whisker { stroke-width: 1; opacity: 0.6; }
svg.chart .errorbar { stroke: #222; stroke-width: 1; }
svg.chart .threshold { stroke: #b22; stroke-width: 1.2; stroke-dasharray: 5 4; }
svg.chart .threshold-label, svg.chart .quadrant-label { fill: #8a1f1f; font-size: 11px; }
svg.chart .misaligned-region { fill: #d55e00; opacity: 0.08; }
svg.chart .excluded { fill: var(--muted); font-size: 10px; font-style: italic; }
svg.chart .qlabel { font-size: 12px; }
svg.chart .point-label { font-size: 12px; font-weight: 600; fill: var(--fg); }
svg.chart circle.point { stroke: #fff; stroke-width: 0.6; }
svg.chart[data-chart="scatter"] circle.point { opacity: 0.7; }
figcaption { font-size: 0.88rem; color: var(--muted); margin-top: 4px; overflow-wrap: anywhere; }
ul.legend { list-style: none; padding: 0; margin: 6px 0 2px; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 0.85rem; }
ul.legend li { display: flex; align-items: center; gap: 6px; overflow-wrap: anywhere; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 2px; flex: none; }
.table-wrap { overflow-x: auto; -webkit-overflow-scrolling: touch; margin: 8px 0 16px; }
table { border-collapse: collapse; font-size: 0.88rem; min-width: 100%; }
caption { text-align: left; color: var(--muted); padding-bottom: 4px; font-size: 0.85rem; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
thead th { background: #f6f6f9; position: sticky; top: 0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.samples td { min-width: 7em; }
table.samples .text { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 14em; overflow-y: auto; min-width: 14em; }
table.samples .answer { min-width: 18em; }
table.samples tr.misaligned { background: var(--bad); }
.ci { color: var(--muted); font-size: 0.8rem; }
.qid { color: var(--muted); font-size: 0.8rem; overflow-wrap: anywhere; }
.note { color: var(--muted); font-size: 0.88rem; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  main { padding: 10px; }
  svg.chart text, svg.chart .axis-label { font-size: 17px; }
  svg.chart .tick, svg.chart .threshold-label, svg.chart .quadrant-label, svg.chart .excluded { font-size: 15px; }
  svg.chart .qlabel { font-size: 13px; }
  svg.chart .point-label { font-size: 15px; }
  table.samples .text { min-width: 11em; }
}
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, tr { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  thead th { position: static; }
  table.samples .text { max-height: none; overflow: visible; }
  svg.chart { max-width: 16cm; }
  .charts { display: block; }
}
`;
