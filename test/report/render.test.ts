import { describe, expect, it } from "vitest";
import { escapeHtml, html, raw } from "../../src/report/escape.js";
import { pickSamples, renderReport } from "../../src/report/render.js";
import type { ReportSample } from "../../src/report/types.js";
import { fakeReport, PAYLOADS } from "./report-data.js";

/**
 * A small tag-level reader: the escaper turns every "<" in data into "&lt;", so each "<" left in
 * the page starts real markup. Returns every tag's name and attribute names.
 */
function tags(page: string): { name: string; attributes: string[] }[] {
  const out: { name: string; attributes: string[] }[] = [];
  for (const m of page.matchAll(/<(\/?[a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const attributes = [...m[2]!.matchAll(/([^\s"'=/>]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)].map((a) => a[1]!.toLowerCase());
    out.push({ name: m[1]!.toLowerCase(), attributes });
  }
  return out;
}

describe("escaping", () => {
  it("escapes the five HTML-special characters and control characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    expect(escapeHtml("a\u0000b\tc\nd")).toBe("a\ufffdb\tc\nd");
    expect(html`<p title="${'"x'}">${"<b>"}${raw("<i>ok</i>")}${[1, "<", null]}</p>`.__html).toBe('<p title="&quot;x">&lt;b&gt;<i>ok</i>1&lt;</p>');
  });
});

describe("renderReport with hostile text everywhere", () => {
  const { data } = fakeReport({ hostile: true });
  const page = renderReport(data);
  const allTags = tags(page);

  it("contains no markup from the payloads", () => {
    expect(page.match(/<script/gi)).toBeNull();
    expect(page).not.toContain("<!--");
    expect(page).not.toContain("]]>");
    expect(page).not.toMatch(/<(img|textarea|iframe|object|embed|foreignobject|base|link)\b/i);
    const handlers = allTags.flatMap((t) => t.attributes.filter((a) => a.startsWith("on")));
    expect(handlers).toEqual([]);
    // Only the element set the report itself writes.
    const names = new Set(allTags.map((t) => t.name.replace("/", "")));
    const allowed = ["!doctype", "html", "head", "meta", "title", "style", "body", "main", "header", "h1", "h2", "dl", "dt", "dd", "p", "b", "section", "div", "table", "caption", "thead", "tbody", "tr", "th", "td", "br", "span", "figure", "figcaption", "ul", "li", "svg", "g", "line", "text", "rect", "circle", "polyline", "polygon", "input", "nav", "label"];
    expect([...names].filter((n) => !allowed.includes(n))).toEqual([]);
  });

  it("keeps every payload visible as escaped text, including inside SVG <title>s", () => {
    for (const p of PAYLOADS) expect(page).toContain(escapeHtml(p));
    const scatterTitles = [...page.matchAll(/<circle class="point" data-x="[^"]*" data-y="[^"]*"[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]!);
    expect(scatterTitles.some((t) => t.includes("&lt;script&gt;"))).toBe(true);
    // every chart kind is present in the hostile page too (labels and series names carry payloads)
    for (const kind of ["vs-k", "question-bars", "persona-quadrant", "monitor-vs-k"]) expect(page).toContain(`data-chart="${kind}"`);
  });

  it("blocks scripts and fetches with a Content-Security-Policy", () => {
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'`);
    expect(page).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(page).not.toMatch(/@import|url\(/i);
  });
});

describe("renderReport content", () => {
  const { data } = fakeReport();
  const page = renderReport(data);

  it("states the convention's definition once, in the Definitions section, and has every chart", () => {
    expect(page).toContain("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    expect(page.split(escapeHtml(data.convention.definition)).length - 1).toBe(1);
    for (const d of data.definitions ?? []) expect(page.split(escapeHtml(d.text)).length - 1, d.term).toBe(1);
    for (const kind of ["vs-k", "vs-lora-scale", "scatter", "question-bars", "persona-quadrant", "monitor-vs-k", "monitor-vs-scale"]) {
      expect(page).toContain(`data-chart="${kind}"`);
    }
    expect(page).toContain("@media print");
    // one row per condition in the conditions table
    expect(page.match(/<tr data-condition=/g)).toHaveLength(data.conditions.length);
  });

  it("leaves out optional sections that have no data", () => {
    const bare = renderReport({ ...data, persona: undefined, monitor: undefined, vsK: undefined, vsLoraScale: undefined });
    for (const kind of ["vs-k", "vs-lora-scale", "persona-quadrant", "monitor-vs-k"]) expect(bare).not.toContain(`data-chart="${kind}"`);
    expect(bare).toContain(`data-chart="scatter"`);
  });

  it("draws one point per value in the line charts", () => {
    const kPoints = data.vsK!.flatMap((s) => s.points.filter((p) => p.value !== null)).length;
    const svg = page.slice(page.indexOf('data-chart="vs-k"'), page.indexOf("</svg>", page.indexOf('data-chart="vs-k"')));
    expect(svg.match(/<circle class="point"/g)).toHaveLength(kPoints);
  });
});

describe("pickSamples", () => {
  const sample = (conditionId: string, i: number, misaligned: boolean): ReportSample => ({ id: `${conditionId}${i}`, conditionId, questionId: "q", question: "", answer: "", aligned: null, coherent: null, misaligned });
  it("takes an equal share per condition, misaligned first", () => {
    const samples = [sample("a", 1, false), sample("a", 2, false), sample("a", 3, true), sample("b", 1, false), sample("b", 2, true), sample("b", 3, false)];
    expect(pickSamples(samples, 4).map((s) => s.id)).toEqual(["a3", "a1", "b2", "b1"]);
    expect(pickSamples(samples, 10)).toHaveLength(6);
  });
});
