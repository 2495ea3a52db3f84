import { openModel, type ModelSpec } from "../backend/open.js";
import type { EngineOptions, EngineSettings } from "../backend/types.js";
import type { RunRecord, RunSampleRow, Store } from "../store/index.js";
import { contentKey, sha256 } from "../util/hash.js";
import type { ProbeWriter, ShownAnswer } from "./condition-probes.js";
import { PROBE_NAMES } from "./registry.js";
import { classifyCotTrace, COT_PERSONA_KIND } from "./cot-persona.js";

/** The judge model that classifies CoT traces. */
export type JudgeModelSpec = ModelSpec;

/**
 * The judge model classifies the reasoning of every CoT sample that has one. The label probabilities
 * go to probe_results; the most probable label is also stored as a label (source 'judge'), beside
 * any human labels from `emlab label`.
 */
export async function runCotPersona(
  store: Store,
  run: RunRecord,
  samples: readonly RunSampleRow[],
  shown: (s: RunSampleRow) => ShownAnswer & { reasoning: string | null },
  judge: JudgeModelSpec,
  engine: EngineOptions,
  template: string,
  out: ProbeWriter,
  /** Told how the judge model runs (recorded with the run). */
  onOpened?: (settings: EngineSettings) => void,
): Promise<number> {
  const traces = samples.map((s) => ({ sample: s, shown: shown(s) })).filter((t) => t.shown.reasoning !== null && t.shown.reasoning !== "");
  if (traces.length === 0) return 0;
  const model = await openModel(judge, { ...engine, parallelSequences: 1 });
  onOpened?.(model.settings);
  let computed = 0;
  try {
    const labeler = `${model.info.name || "judge"} ${model.info.sha256.slice(0, 12)}`;
    await using session = await model.openSession();
    for (const { sample, shown: item } of traces) {
      const key = contentKey({ runId: run.id, probe: PROBE_NAMES.cotPersona, sample: sample.sampleKey, judge: model.info.sha256, template: sha256(template) });
      if (out.has(key)) continue;
      const result = await classifyCotTrace({ model, session }, template, { question: item.question, reasoning: item.reasoning!, answer: item.answer });
      out.write({
        key,
        runId: run.id,
        conditionId: sample.conditionId,
        probe: PROBE_NAMES.cotPersona,
        itemKey: `sample:${sample.sampleId}`,
        value: result.probs.PERSONA,
        details: { sampleId: sample.sampleId, probs: result.probs, label: result.label, labeler },
      });
      if (result.label) store.addLabel({ sampleId: sample.sampleId, kind: COT_PERSONA_KIND, source: "judge", label: result.label, labeler });
      computed++;
    }
  } finally {
    await model.dispose();
  }
  return computed;
}
