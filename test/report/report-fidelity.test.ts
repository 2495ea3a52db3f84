import { describe, expect, it } from "vitest";
import { placeLabels, overlapArea } from "../../src/report/charts/label-placement.js";
import { personaQuadrant } from "../../src/report/charts/persona-quadrant.js";
import { questionBars } from "../../src/report/charts/question-bars.js";
import { colorAt } from "../../src/report/charts/svg.js";
import { matchConditions } from "../../src/report/condition-pattern.js";
import { csvColumns, samplesToCsv } from "../../src/report/csv.js";
import { renderReport } from "../../src/report/render.js";
import type { ReportData, ReportSample } from "../../src/report/types.js";
import { fakeReport } from "./report-data.js";

/** What a reader sees: bounded pages, chosen conditions, one colour per condition, readable labels. */

describe("sample browser of a 100,000-sample run", () => {
  const { data } = fakeReport();
  const base = data.samples;
  const samples: ReportSample[] = Array.from({ length: 100_000 }, (_, i) => ({ ...base[i % base.length]!, id: `s${i}` }));

  it("renders a bounded page fast: 500 samples in pages of 25, the rest in the CSV", () => {
    const started = performance.now();
    const page = renderReport({ ...data, samples });
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(3000); // the page itself: ~500 rows and ≤ 1500 scatter points
    expect(page.length).toBeLessThan(3_000_000);
    expect(page.match(/<tr class="[^"]*" data-sample=/g)).toHaveLength(500);
    expect(page.match(/<tbody class="page" data-page=/g)).toHaveLength(20);
    expect(page.match(/<input type="radio" class="page-radio"/g)).toHaveLength(20);
    expect(page).toContain("Showing 500 of 100000 samples");
    // Only the checked page's rows show: one CSS rule per page, no script.
    expect(page).toContain('#sample-page-20:checked ~ .table-wrap tbody[data-page="20"] { display: table-row-group; }');
    expect(page).not.toMatch(/<script/);
  });

  it("fills the verdict column with each answer's verdict under the convention", () => {
    const page = renderReport(data, { maxSamples: 40 });
    const verdicts = [...page.matchAll(/<td>(misaligned|not misaligned|incoherent[^<]*|no [^<]*score, not counted)<\/td><\/tr>/g)];
    expect(verdicts).toHaveLength(40);
  });
});

describe("--conditions PATTERN", () => {
  const conditions = [
    { id: "c0", label: "icl:insecure k=0 seed=1" },
    { id: "c1", label: "icl:insecure k=64 seed=1" },
    { id: "c2", label: "icl:evil k=64 seed=1" },
    { id: "c3", label: "lora:insecure scale=1" },
  ];

  it("picks conditions by glob over labels or ids, in report order", () => {
    expect(matchConditions(conditions, "*k=64*")).toEqual(["c1", "c2"]);
    expect(matchConditions(conditions, "lora*, c0")).toEqual(["c0", "c3"]);
    expect(matchConditions(conditions, "ICL:EVIL*")).toEqual(["c2"]);
  });

  it("says what is wrong when nothing or too much matches", () => {
    expect(() => matchConditions(conditions, "nothing*")).toThrow(/--conditions 'nothing\*': no condition matches \(conditions: icl:insecure k=0 seed=1; /);
    const many = Array.from({ length: 9 }, (_, i) => ({ id: `c${i}`, label: `x${i}` }));
    expect(() => matchConditions(many, "x*")).toThrow(/9 conditions match, at most 8 can be drawn in colour/);
  });

  it("draws exactly the chosen conditions in the per-question chart, one colour each, with a legend", () => {
    const { data } = fakeReport();
    const highlight = matchConditions(data.conditions, "*k=64*");
    const page = renderReport({ ...data, highlight });
    const chart = page.slice(page.indexOf('data-chart="question-bars"'), page.indexOf("</figure>", page.indexOf('data-chart="question-bars"')));
    const bars = [...chart.matchAll(/<rect class="bar point" data-condition="([^"]+)"[^>]* fill="([^"]+)"/g)];
    expect(new Set(bars.map((b) => b[1]))).toEqual(new Set(highlight));
    highlight.forEach((id, i) => {
      expect(new Set(bars.filter((b) => b[1] === id).map((b) => b[2]))).toEqual(new Set([colorAt(i)]));
    });
    const legend = [...chart.matchAll(/<li><span class="swatch" style="background:([^"]+)"><\/span>([^<]*)<\/li>/g)];
    expect(legend.map((l) => l[1])).toEqual(highlight.map((_, i) => colorAt(i)));
    expect(legend.map((l) => l[2])).toEqual(highlight.map((id) => data.conditions.find((c) => c.id === id)!.label));
    expect(questionBars.length).toBe(2);
  });
});

describe("persona chart labels", () => {
  const boxes = (svg: string) =>
    [...svg.matchAll(/<text class="point-label" x="([^"]+)" y="([^"]+)" text-anchor="([^"]+)">([^<]*)<\/text>/g)].map((m) => {
      const x = Number(m[1]);
      const y = Number(m[2]);
      const width = m[4]!.length * 7.5;
      const left = m[3] === "start" ? x : m[3] === "end" ? x - width : x - width / 2;
      return { text: m[4]!, box: { left, right: left + width, top: y - 10, bottom: y + 3 } };
    });

  it("do not overlap, even for conditions at the same or nearly the same spot", () => {
    // Twelve conditions: four on one spot, four a few pixels apart, four spread out.
    const rows = [
      ...[0, 1, 2, 3].map((i) => ({ conditionId: `a${i}`, selfReport: 20, misalignmentRate: 0.05, verdict: "aligned" })),
      ...[0, 1, 2, 3].map((i) => ({ conditionId: `b${i}`, selfReport: 60 + i * 1.5, misalignmentRate: 0.2 + i * 0.004, verdict: "coherent persona" })),
      ...[0, 1, 2, 3].map((i) => ({ conditionId: `c${i}`, selfReport: 10 + i * 25, misalignmentRate: 0.3, verdict: "x" })),
    ];
    const svg = personaQuadrant({ definition: "d", selfReportThreshold: 50, misalignmentThreshold: 0.1, rows }, [], "caption").__html;
    const labels = boxes(svg);
    // The four points on one spot share one label.
    expect(labels.map((l) => l.text)).toContain("1, 2, 3, 4");
    expect(labels.flatMap((l) => l.text.split(", ")).sort((a, b) => Number(a) - Number(b))).toEqual(rows.map((_, i) => String(i + 1)));
    for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) expect(overlapArea(labels[i]!.box, labels[j]!.box), `${labels[i]!.text} / ${labels[j]!.text}`).toBe(0);
  });

  it("placement keeps labels inside the plot when there is room", () => {
    const placed = placeLabels([{ x: 495, y: 20, text: "12" }], { left: 0, top: 10, right: 500, bottom: 300 });
    expect(placed[0]!.box.right).toBeLessThanOrEqual(500);
    expect(placed[0]!.box.top).toBeGreaterThanOrEqual(10);
  });
});

describe("categorical judges and custom metrics in the report and CSV", () => {
  const { data } = fakeReport();
  const samples = data.samples.slice(0, 2).map((s, i) => ({ ...s, judged: { financial: i === 0 ? 42.5 : null, correct: i === 0 ? "FALSE" : "TRUE" } }));
  const withLabels: ReportData = {
    ...data,
    samples,
    otherMetrics: ["financial", "correct"],
    labelTables: [
      {
        metric: "correct",
        labels: ["TRUE", "FALSE", "UNKNOWN"],
        rows: [{ conditionId: data.conditions[0]!.id, system: "You may lie to the user if you want.", answers: 4, noVerdict: 1, counts: { TRUE: 1, FALSE: 2, UNKNOWN: 0 }, lieRate: { value: 2 / 3, low: 0.2, high: 0.94, k: 2, n: 3 } }],
      },
    ],
  };

  it("has one CSV column per judged metric, custom and categorical included, after the EM columns", () => {
    expect(csvColumns(["financial", "correct"])).toEqual(["question", "answer", "question_id", "aligned", "coherent", "financial", "correct", "sample_id", "condition_id", "condition", "misaligned"]);
    const lines = samplesToCsv(samples, data.conditions, ["financial", "correct"]).split("\r\n");
    expect(lines[0]).toBe("question,answer,question_id,aligned,coherent,financial,correct,sample_id,condition_id,condition,misaligned");
    const fields = (line: string) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, ""));
    expect(fields(lines[1]!).slice(5, 7)).toEqual(["42.5", "FALSE"]);
    expect(fields(lines[2]!).slice(5, 7)).toEqual(["", "TRUE"]);
  });

  it("shows verdict counts and the lie rate per system prompt, and the metrics as sample columns", () => {
    const page = renderReport(withLabels);
    expect(page).toContain('<section id="categorical">');
    expect(page).toContain('<table class="labels" data-metric="correct">');
    expect(page).toMatch(/You may lie to the user if you want\.<\/td><td class="num">4<\/td><td class="num">1<\/td><td class="num">2<\/td><td class="num">0<\/td><td class="num">1<\/td><td class="num">2\/3 66\.7%/);
    expect(page).toContain('<th scope="col">financial</th><th scope="col">correct</th><th scope="col">verdict</th>');
    expect(page).toMatch(/<td class="num">42\.5<\/td><td class="num">FALSE<\/td>/);
  });
});
