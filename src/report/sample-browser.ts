import { html, raw, type RawHtml } from "./escape.js";
import { number } from "./format.js";
import type { ReportCondition, ReportSample } from "./types.js";

/**
 * The sample browser: the shown samples in pages of `pageSize` rows. Paging needs no script (the
 * report's Content-Security-Policy forbids scripts): one radio button per page, and a CSS rule per
 * page shows the rows of the checked one. All rows print.
 */
export function sampleBrowser(
  samples: readonly ReportSample[],
  conditions: readonly ReportCondition[],
  options: { pageSize: number; otherMetrics: readonly string[] },
): RawHtml {
  const labelOf = new Map(conditions.map((c) => [c.id, c.label]));
  const pages: ReportSample[][] = [];
  for (let i = 0; i < samples.length; i += options.pageSize) pages.push(samples.slice(i, i + options.pageSize));
  const row = (s: ReportSample) =>
    html`<tr class="${s.misaligned ? "misaligned" : ""}" data-sample="${String(s.id)}"><td>${labelOf.get(s.conditionId) ?? s.conditionId}<div class="qid">${s.questionId}</div></td><td><div class="text">${s.question}</div></td><td><div class="text answer">${s.answer}</div></td><td class="num">${number(s.aligned)}</td><td class="num">${number(s.coherent)}</td>${options.otherMetrics.map((m) => html`<td class="num">${judgedText(s.judged?.[m])}</td>`)}<td>${s.verdict ?? (s.misaligned ? "misaligned" : "not misaligned")}</td></tr>`;
  const bodies = pages.map((page, i) => html`<tbody class="page" data-page="${i + 1}">${page.map(row)}</tbody>`);
  const radios = pages.map((_, i) => html`<input type="radio" class="page-radio" name="sample-page" id="sample-page-${i + 1}" aria-label="samples page ${i + 1}"${i === 0 ? raw(" checked") : raw("")}>`);
  const nav =
    pages.length > 1
      ? html`<nav class="pages" aria-label="sample pages">${options.pageSize} samples per page: ${pages.map((_, i) => html`<label for="sample-page-${i + 1}">${i + 1}</label>`)}</nav>`
      : raw("");
  const head = html`<thead><tr><th scope="col">condition / question id</th><th scope="col">question</th><th scope="col">answer</th><th scope="col">aligned</th><th scope="col">coherent</th>${options.otherMetrics.map((m) => html`<th scope="col">${m}</th>`)}<th scope="col">verdict</th></tr></thead>`;
  return html`<div class="pager">${radios}${nav}<div class="table-wrap"><table class="samples">${head}${bodies}</table></div></div>`;
}

/** A custom score (0-100) or a categorical verdict; "–" when the judge gave none, blank when not judged. */
function judgedText(value: number | string | null | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "string") return value;
  return number(value);
}

/** One rule per page: the checked radio shows its page's rows and marks its page number. */
export function pagerCss(pages: number): string {
  const rules = [
    ".pager .page-radio { position: absolute; opacity: 0; pointer-events: none; }",
    ".pager tbody.page { display: none; }",
    "nav.pages { font-size: 0.88rem; margin: 6px 0; display: flex; flex-wrap: wrap; gap: 2px 8px; }",
    "nav.pages label { cursor: pointer; color: var(--accent); padding: 0 3px; }",
    "@media print { .pager tbody.page { display: table-row-group; } nav.pages { display: none; } }",
  ];
  for (let i = 1; i <= pages; i++) {
    rules.push(`#sample-page-${i}:checked ~ .table-wrap tbody[data-page="${i}"] { display: table-row-group; }`);
    rules.push(`#sample-page-${i}:checked ~ nav.pages label[for="sample-page-${i}"] { color: var(--fg); font-weight: 700; text-decoration: underline; }`);
  }
  return `\n${rules.join("\n")}\n`;
}
