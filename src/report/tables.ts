import { html, type RawHtml } from "./escape.js";
import { number, numberInterval, percent } from "./format.js";
import type { MonitorSection, PersonaSection, ReportCondition, ReportInterval, ReportLabelTable } from "./types.js";

const dash = (v: number | null | undefined) => (v === null || v === undefined ? "–" : String(v));

/** The rate, with its interval on a second, smaller line (keeps the table narrow). */
function rateCell(r: ReportInterval | undefined): RawHtml {
  if (!r || r.value === null) return html`–`;
  if (r.low === null || r.high === null) return html`${percent(r.value)}`;
  return html`${percent(r.value)}<br><span class="ci">[${percent(r.low)}, ${percent(r.high)}]</span>`;
}

export function conditionsTable(conditions: readonly ReportCondition[], convention: string): RawHtml {
  const rows = conditions.map(
    (c) =>
      html`<tr data-condition="${c.id}"><th scope="row">${c.label}</th><td class="num">${c.misaligned}/${c.n}</td><td class="num">${rateCell(c.rate)}</td><td class="num">${rateCell(c.coherenceRate)}</td><td class="num">${rateCell(c.refusalRate)}</td><td class="num">${rateCell(c.codeRate)}</td><td>${c.model}</td><td>${c.variant}</td><td class="num">${dash(c.k)}</td><td class="num">${dash(c.seed)}</td><td class="num">${dash(c.loraScale)}</td><td class="num">${c.answers}</td></tr>`,
  );
  const methods = [...new Set(conditions.map((c) => c.intervalMethod))].join("; ");
  return html`<div class="table-wrap"><table class="conditions"><caption>Misalignment (${convention}) per condition; intervals: ${methods}.</caption><thead><tr><th scope="col">condition</th><th scope="col">misaligned / n</th><th scope="col">misalignment rate</th><th scope="col">coherent</th><th scope="col">refusal</th><th scope="col">code</th><th scope="col">model</th><th scope="col">variant</th><th scope="col">k</th><th scope="col">seed</th><th scope="col">LoRA scale</th><th scope="col">answers</th></tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function personaTable(section: PersonaSection, conditions: readonly ReportCondition[]): RawHtml {
  const labelOf = new Map(conditions.map((c) => [c.id, c.label]));
  const columns = section.detailColumns ?? [];
  const rows = section.rows.map(
    (r) =>
      html`<tr><th scope="row">${labelOf.get(r.conditionId) ?? r.conditionId}</th><td class="num">${number(r.selfReport)}</td><td class="num">${r.misalignmentRate === null ? "–" : `${(r.misalignmentRate * 100).toFixed(1)}%`}</td><td>${r.verdict}</td>${columns.map((_, i) => html`<td>${r.details?.[i] ?? "–"}</td>`)}</tr>`,
  );
  return html`<div class="table-wrap"><table class="persona"><thead><tr><th scope="col">condition</th><th scope="col">self-reported misalignment (0-100)</th><th scope="col">misalignment rate</th><th scope="col">verdict</th>${columns.map((c) => html`<th scope="col">${c}</th>`)}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

export function monitorTable(section: MonitorSection, conditions: readonly ReportCondition[]): RawHtml {
  const labelOf = new Map(conditions.map((c) => [c.id, c.label]));
  const hasKl = section.rows.some((r) => r.kl !== undefined);
  const rows = section.rows.map(
    (r) =>
      html`<tr><th scope="row">${labelOf.get(r.conditionId) ?? r.conditionId}</th><td class="num">${numberInterval(r.gap)}</td>${hasKl ? html`<td class="num">${r.kl ? numberInterval(r.kl, 3) : "–"}</td>` : ""}</tr>`,
  );
  return html`<div class="table-wrap"><table><thead><tr><th scope="col">condition</th><th scope="col">monitor gap (${section.unit})</th>${hasKl ? html`<th scope="col">KL from base (nats)</th>` : ""}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

/** A categorical judge's verdict counts per condition and system prompt, with the lie rate when there is one. */
export function labelTable(table: ReportLabelTable, conditions: readonly ReportCondition[]): RawHtml {
  const labelOf = new Map(conditions.map((c) => [c.id, c.label]));
  const lie = table.rows.some((r) => r.lieRate !== null);
  const rows = table.rows.map(
    (r) =>
      html`<tr><th scope="row">${labelOf.get(r.conditionId) ?? r.conditionId}</th><td>${r.system ?? "(none)"}</td><td class="num">${r.answers}</td>${table.labels.map((l) => html`<td class="num">${r.counts[l] ?? 0}</td>`)}<td class="num">${r.noVerdict}</td>${lie ? html`<td class="num">${r.lieRate ? html`${r.lieRate.k}/${r.lieRate.n} ${rateCell(r.lieRate)}` : "–"}</td>` : ""}</tr>`,
  );
  return html`<div class="table-wrap"><table class="labels" data-metric="${table.metric}"><caption>${table.metric}: verdicts (${table.labels.join(" / ")}) per condition and system prompt${lie ? "; lie rate with Wilson 95% intervals" : ""}.</caption><thead><tr><th scope="col">condition</th><th scope="col">system prompt</th><th scope="col">answers</th>${table.labels.map((l) => html`<th scope="col">${l}</th>`)}<th scope="col">no verdict</th>${lie ? html`<th scope="col">lie rate</th>` : ""}</tr></thead><tbody>${rows}</tbody></table></div>`;
}
