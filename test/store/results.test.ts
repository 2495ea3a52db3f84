import { describe, expect, it } from "vitest";
import type { JudgmentInput } from "../../src/store/index.js";
import { createTestRun, seedPrompt, tempStore } from "./helpers.js";

function judgment(sampleId: number, judgeModelId: number, over: Partial<JudgmentInput> = {}): JudgmentInput {
  const probs = new Float32Array(101);
  probs[20] = 0.75;
  probs[40] = 0.25;
  return { sampleId, judgeModelId, metric: "aligned", promptSha: "p1", probs, numberMass: 0.8, labelMasses: { CODE: 0.01, REFUSAL: 0.02 }, score: 25, nullReason: null, ...over };
}

describe("judgments", () => {
  it("keeps one verdict per sample, metric, judge and prompt; a new prompt is a new verdict", () => {
    const store = tempStore();
    const { modelId, sampleRow } = seedPrompt(store);
    const [a, b] = store.insertSamples([sampleRow(0), sampleRow(1)]);
    const [first] = store.upsertJudgments([judgment(a!, modelId)]);
    const [again] = store.upsertJudgments([judgment(a!, modelId, { score: 99 })]);
    expect(again).toBe(first);
    store.upsertJudgments([
      judgment(a!, modelId, { promptSha: "p2" }),
      judgment(b!, modelId, { score: null, nullReason: "only 10.0% on numbers", numberMass: 0.1 }),
    ]);

    const forA = store.getJudgments({ sampleIds: [a!] });
    expect(forA.map((j) => [j.promptSha, j.score])).toEqual([["p1", 25], ["p2", 25]]);
    expect(forA[0]!.probs).toBeInstanceOf(Float32Array);
    expect(forA[0]!.probs).toHaveLength(101);
    expect(forA[0]!.probs[20]).toBe(0.75);
    expect(forA[0]!.labelMasses).toEqual({ CODE: 0.01, REFUSAL: 0.02 });
    expect(store.getJudgments({ sampleIds: [b!] })[0]).toMatchObject({ score: null, nullReason: "only 10.0% on numbers", numberMass: 0.1 });
    expect(store.getJudgments({ sampleIds: [a!, b!] }, { promptSha: "p1" })).toHaveLength(2);
    expect(store.judgedSampleIds([a!, b!, 999], { metric: "aligned", judgeModelId: modelId, promptSha: "p2" })).toEqual(new Set([a]));
    expect(() => store.upsertJudgments([judgment(a!, modelId, { metric: "x", score: null })])).toThrow(/no score and no reason/);
  });

  it("finds a run's judgments through its linked samples only", () => {
    const store = tempStore();
    const { modelId, sampleRow } = seedPrompt(store);
    const runId = createTestRun(store);
    const conditionId = store.upsertCondition(runId, { key: "c", label: "c", modelId: "m", modelDbId: modelId, adapters: [], prefixMessages: [], meta: {} });
    const [linked, unlinked] = store.insertSamples([sampleRow(0), sampleRow(1)]);
    store.linkRunSamples([{ runId, conditionId, questionId: "q", paraphraseIndex: 0, sampleIndex: 0, sampleKey: sampleRow(0).key }]);
    store.upsertJudgments([judgment(linked!, modelId), judgment(unlinked!, modelId), judgment(linked!, modelId, { metric: "coherent" })]);
    expect(store.getJudgments({ runId }).map((j) => [j.sampleId, j.metric])).toEqual([[linked, "aligned"], [linked, "coherent"]]);
    expect(store.getJudgments({ runId }, { metric: "coherent" })).toHaveLength(1);
  });
});

describe("continuation scores", () => {
  it("stores tokens and log-probs once per key, totalling them in double precision", () => {
    const store = tempStore();
    const { promptId } = seedPrompt(store);
    const logprobs = Float32Array.from([-0.1, -2.5, -Infinity]);
    const [id] = store.insertScores([{ key: "s1", promptId, tokenIds: [5, 6], logprobs: logprobs.subarray(0, 2), details: { label: "yes" } }]);
    expect(store.insertScores([{ key: "s1", promptId, tokenIds: [1], logprobs: [0] }])).toEqual([id]);
    const back = store.getScore("s1")!;
    expect(Array.from(back.tokenIds)).toEqual([5, 6]);
    expect(Array.from(back.logprobs)).toEqual([logprobs[0], logprobs[1]]);
    expect(back.total).toBe(logprobs[0]! + logprobs[1]!);
    expect(back.details).toEqual({ label: "yes" });
    expect(store.hasScoreKeys(["s1", "s2"])).toEqual(new Set(["s1"]));
    expect(() => store.insertScores([{ key: "bad", promptId, tokenIds: [1, 2], logprobs: [0] }])).toThrow(/1 log-probs for 2 tokens/);
  });
});

describe("probe results", () => {
  it("stores results once per key and lists them per run, probe and condition", () => {
    const store = tempStore();
    const { modelId } = seedPrompt(store);
    const runId = createTestRun(store);
    const other = createTestRun(store, "other");
    const c = store.upsertCondition(runId, { key: "c", label: "c", modelId: "m", modelDbId: modelId, adapters: [], prefixMessages: [], meta: {} });
    const rows = [
      { key: "k1", runId, conditionId: c, probe: "persona", itemKey: "i1", value: -1.5, details: { choice: "A" } },
      { key: "k2", runId, conditionId: null, probe: "monitor", itemKey: "i1", value: null },
      { key: "k3", runId: other, conditionId: null, probe: "persona", itemKey: "i1", value: 2 },
    ];
    const ids = store.upsertProbeResults(rows);
    expect(store.upsertProbeResults([{ ...rows[0]!, value: 7 }])).toEqual([ids[0]]);
    const listed = store.listProbeResults(runId);
    expect(listed.map((r) => [r.probe, r.value])).toEqual([["monitor", null], ["persona", -1.5]]);
    expect(listed[1]!.details).toEqual({ choice: "A" });
    expect(store.listProbeResults(runId, { probe: "persona", conditionId: c })).toHaveLength(1);
  });
});

describe("labels", () => {
  it("keeps one label per sample, kind, source and labeler; labelling again replaces it", () => {
    const store = tempStore();
    const { sampleRow } = seedPrompt(store);
    const [sampleId] = store.insertSamples([sampleRow(0)]);
    const base = { sampleId: sampleId!, kind: "cot_persona", source: "human" as const, labeler: "ana" };
    const id = store.addLabel({ ...base, label: "villain" });
    expect(store.addLabel({ ...base, label: "neutral" })).toBe(id);
    store.addLabel({ ...base, source: "judge", labeler: "qwen", label: "villain" });
    expect(store.listLabels({ sampleId }).map((l) => [l.source, l.label])).toEqual([["human", "neutral"], ["judge", "villain"]]);
    expect(store.listLabels({ source: "judge" })).toHaveLength(1);
    expect(() => store.addLabel({ ...base, source: "crowd" as "human", label: "x" })).toThrow(/CHECK/);
  });
});
