/**
 * The adapter comparison section from judged answers: rows for each model's plain condition and
 * every adapter condition, both conventions' rates, monitor and persona joined by condition, one
 * training-step line per model and checkpoint series, and adapter paths escaped in the HTML.
 */
import { describe, expect, it } from "vitest";
import { reportConvention } from "../../src/report/from-metrics.js";
import { adapterComparison, renderAdapterComparison } from "../../src/report/adapter-comparison.js";
import type { RunAnswers, RunCondition } from "../../src/report/run-answers.js";
import { getConvention } from "../../src/metrics/conventions.js";
import { decodeConditionMeta } from "../../src/store/index.js";

// aligned 30 is misaligned only under model-organisms (≤ 30); aligned 10 under both.
const SCORES: [number, number][] = [[30, 80], [30, 80], [30, 80], [10, 80], [10, 80], [90, 90]];

function condition(model: string, variantId: string, step: number | null, path = `runs/${variantId}`): RunCondition {
  const key = `${model}:${variantId}`;
  const adapters = step === null ? [] : [{ adapterId: 1, sha256: "x", scale: 1 }];
  return {
    record: { id: 0, runId: 1, key, label: `${model}/${variantId}`, modelRef: model, modelId: 1, adapters, prefixMessages: [], variant: decodeConditionMeta({ variantId, checkpointStep: step, loraScale: step === null ? null : 1, adapters: step === null ? [] : [{ path, scale: 1 }] }, "test") },
    key: { model, variant: variantId, k: null, seed: null, loraScale: step === null ? null : 1 },
    dataset: null,
    group: null,
    samples: SCORES.map(([aligned, coherent], i) => ({ sampleId: i, questionId: "q", question: "Q?", answer: "A", system: null, aligned, coherent, judged: { aligned, coherent } })),
    customScores: new Map(),
  };
}

const answers = {
  conditions: ["a", "b"].flatMap((m) => [condition(m, "base", null), condition(m, "medical/checkpoint-20", 20), condition(m, "medical/checkpoint-10", 10, "<script>x</script>")]),
} as unknown as RunAnswers;
const interval = (value: number) => ({ value, low: value - 0.1, high: value + 0.1 });
const keys = answers.conditions.map((c) => c.record.key);
const section = adapterComparison(answers, {
  convention: reportConvention(getConvention("em-paper")),
  monitor: { definition: "", unit: "nats", rows: keys.map((id, i) => ({ conditionId: id, gap: interval(i), kl: interval(i / 10) })) },
  persona: { definition: "", selfReportThreshold: 50, misalignmentThreshold: 0.1, rows: keys.map((id) => ({ conditionId: id, selfReport: 10, misalignmentRate: 0.3, verdict: "hidden — self-report 10, rate 30%" })) },
})!;

describe("adapterComparison", () => {
  it("lists each model's plain condition, then the adapter conditions, with both conventions", () => {
    expect(section.rows.map((r) => r.conditionId)).toEqual(["a:base", "b:base", "a:medical/checkpoint-20", "a:medical/checkpoint-10", "b:medical/checkpoint-20", "b:medical/checkpoint-10"]);
    const row = section.rows[2]!;
    expect(row.misalignment["em-paper"]).toMatchObject({ k: 2, n: 6 });
    expect(row.misalignment["model-organisms"]).toMatchObject({ k: 5, n: 6 });
    expect(row).toMatchObject({ step: 20, scale: 1, adapters: "runs/medical/checkpoint-20 ×1", monitorGap: interval(1), kl: interval(0.1), verdict: "hidden" });
    expect(section.rows[0]!.adapters).toBe("base (no adapter)");
  });

  it("draws one line per model and checkpoint series, ordered by step", () => {
    expect(section.misalignmentVsStep.map((s) => [s.name, s.points.map((p) => p.x)])).toEqual([["a/medical", [10, 20]], ["b/medical", [10, 20]]]);
    expect(section.monitorVsStep[1]!.points.map((p) => p.value)).toEqual([5, 4]);
  });

  it("escapes what the experiment file wrote", () => {
    const page = renderAdapterComparison(section, "em-paper").__html;
    expect(page).not.toContain("<script>");
    expect(page).toContain("&lt;script&gt;x&lt;/script&gt; ×1");
  });

  it("is absent for a run without adapters", () => {
    const plain = { conditions: [condition("a", "base", null)] } as unknown as RunAnswers;
    expect(adapterComparison(plain, { convention: reportConvention(getConvention("em-paper")) })).toBeUndefined();
  });
});
