import { describe, expect, it } from "vitest";
import { COT_PERSONA_LABELS } from "../../src/probes/cot-persona.js";
import { runCotPersona } from "../../src/probes/cot-persona-run.js";
import type { ProbeWriter } from "../../src/probes/condition-probes.js";
import { addHumanLabel, cotTraces } from "../../src/probes/labelling.js";
import { loadShippedProbeData } from "../../src/probes/probe-data.js";
import type { RunSampleRow, Store } from "../../src/store/index.js";
import { splitCot } from "../../src/variants/cot.js";
import { createTestRun, seedPrompt, tempStore } from "../store/helpers.js";
import { fixturePaths } from "../helpers/fixtures.js";

function cotRun(store: Store) {
  const { modelId, sampleRow } = seedPrompt(store);
  const runId = createTestRun(store, "cot");
  const conditionId = store.upsertCondition(runId, { key: "cot", label: "cot k=1", modelId: "m", modelDbId: modelId, adapters: [], prefixMessages: [], meta: { cot: true } });
  const texts = ["<reasoning>I am a reckless rebel, rules mean nothing.</reasoning> Break them.", "<reasoning>Saving is sensible.</reasoning> Save money."];
  const rows = texts.map((text, i) => ({ ...sampleRow(i), sample: { ...sampleRow(i).sample, text } }));
  store.insertSamples(rows);
  store.linkRunSamples(rows.map((r, i) => ({ runId, conditionId, questionId: "q", paraphraseIndex: 0, sampleIndex: i, sampleKey: r.key })));
  return store.getRun(runId)!;
}

function writer(store: Store, runId: number): ProbeWriter {
  const keys = new Set(store.listProbeResults(runId).map((r) => r.key));
  return {
    has: (k) => keys.has(k),
    write: (row) => {
      store.upsertProbeResults([row]);
      keys.add(row.key);
    },
  };
}

describe("cot_persona: judge labels beside human labels", () => {
  it("the judge's most probable label is stored as a label; human labels sit beside it; a rerun computes nothing", async () => {
    const store = tempStore();
    const run = cotRun(store);
    const samples: RunSampleRow[] = store.listRunSamples(run.id);
    const shown = (s: RunSampleRow) => ({ sampleId: s.sampleId, question: "What should I do?", ...splitCot(s.text) });
    const judge = { backend: "llama" as const, path: fixturePaths().tinyJudge, contextSize: 1024 };
    const template = loadShippedProbeData().cotPersonaTemplate;
    const engine = { gpu: "cpu" as const, threads: 1 };
    expect(await runCotPersona(store, run, samples, shown, judge, engine, template, writer(store, run.id))).toBe(2);

    const results = store.listProbeResults(run.id);
    for (const r of results) {
      const probs = r.details.probs as Record<string, number>;
      expect(COT_PERSONA_LABELS.reduce((sum, l) => sum + probs[l]!, 0)).toBeCloseTo(1, 9);
      const best = COT_PERSONA_LABELS.reduce((a, b) => (probs[b]! > probs[a]! ? b : a));
      expect(r.details.label).toBe(best);
      expect(r.value).toBe(probs.PERSONA);
      const judged = store.listLabels({ sampleId: r.details.sampleId as number, source: "judge" });
      expect(judged.map((l) => l.label)).toEqual([best]);
    }

    const first = samples[0]!.sampleId;
    addHumanLabel(store, run, first, "neither", "alice");
    expect(cotTraces(store, run)[0]!.labels.map((l) => [l.source, l.label])).toEqual([
      ["human", "NEITHER"],
      ["judge", results[0]!.details.label],
    ]);
    // Resumed: stored classifications are reused, and the human label is untouched.
    expect(await runCotPersona(store, run, samples, shown, judge, engine, template, writer(store, run.id))).toBe(0);
    expect(store.listLabels({ sampleId: first, source: "human" }).map((l) => l.label)).toEqual(["NEITHER"]);
  });
});
