import { EmlabError } from "../errors.js";
import { questionLookup } from "../runner/run-records.js";
import type { LabelRecord, RunRecord, Store } from "../store/index.js";
import { splitCot } from "../variants/cot.js";
import { COT_PERSONA_KIND, COT_PERSONA_LABELS, type CotPersonaLabel } from "./cot-persona.js";

/** One chain-of-thought trace of a run, as a researcher labels it. */
export interface CotTrace {
  sampleId: number;
  conditionKey: string;
  conditionLabel: string;
  questionId: string;
  question: string;
  reasoning: string;
  answer: string;
  /** Every cot_persona label of the sample so far (judge and human). */
  labels: LabelRecord[];
}

/**
 * The CoT traces of a run: samples of CoT conditions whose text has a reasoning block, in sample
 * order. `conditions` (keys or labels) narrows them to those conditions.
 */
export function cotTraces(store: Store, run: RunRecord, conditions: readonly string[] = []): CotTrace[] {
  const cot = store.listConditions(run.id).filter((c) => c.variant.cot);
  const known = new Set(cot.flatMap((c) => [c.key, c.label]));
  const all = store.listConditions(run.id).flatMap((c) => [c.key, c.label]);
  for (const wanted of conditions) {
    if (known.has(wanted)) continue;
    const why = all.includes(wanted) ? "is not a chain-of-thought condition" : "is not a condition of this run";
    throw new EmlabError(`run ${run.id} (${run.name}): condition '${wanted}' ${why}`);
  }
  const chosen = cot.filter((c) => conditions.length === 0 || conditions.includes(c.key) || conditions.includes(c.label));
  const ids = new Set(chosen.map((c) => c.id));
  const question = questionLookup(run);
  const labels = labelsBySample(store.listLabels({ runId: run.id, kind: COT_PERSONA_KIND }));
  return store.listRunSamples(run.id).flatMap((s) => {
    if (!ids.has(s.conditionId)) return [];
    const parts = splitCot(s.text);
    if (parts.reasoning === null || parts.reasoning === "") return [];
    return [
      {
        sampleId: s.sampleId,
        conditionKey: s.conditionKey,
        conditionLabel: s.conditionLabel,
        questionId: s.questionId,
        question: question(s.conditionKey, s.questionId, s.paraphraseIndex),
        reasoning: parts.reasoning,
        answer: parts.answer,
        labels: labels.get(s.sampleId) ?? [],
      },
    ];
  });
}

/** What a researcher may type, and the stored label it means (the judge's label words). */
const HUMAN_WORDS: Record<string, CotPersonaLabel> = {
  p: "PERSONA",
  persona: "PERSONA",
  r: "RATIONALISE",
  rationalise: "RATIONALISE",
  rationalises: "RATIONALISE",
  rationalize: "RATIONALISE",
  rationalizes: "RATIONALISE",
  n: "NEITHER",
  neither: "NEITHER",
};

/** A typed label (persona/rationalises/neither, a first letter, or the stored word), or null when it is none. */
export function parseHumanLabel(text: string): CotPersonaLabel | null {
  const word = text.trim().toLowerCase();
  if (word === "") return null;
  const upper = word.toUpperCase();
  if ((COT_PERSONA_LABELS as readonly string[]).includes(upper)) return upper as CotPersonaLabel;
  return HUMAN_WORDS[word] ?? null;
}

/** Store one human label on a CoT trace of the run; labelling again replaces the labeler's earlier label. */
export function addHumanLabel(store: Store, run: RunRecord, sampleId: number, label: string, labeler: string): LabelRecord {
  const parsed = parseHumanLabel(label);
  if (parsed === null) throw new EmlabError(`label '${label}': expected persona, rationalises or neither`);
  if (labeler.trim() === "") throw new EmlabError("labeler: must not be empty");
  const trace = cotTraces(store, run).find((t) => t.sampleId === sampleId);
  if (!trace) throw new EmlabError(`run ${run.id} (${run.name}): sample ${sampleId} is not a chain-of-thought trace of this run (emlab label ${run.id} --list shows them)`);
  store.addLabel({ sampleId, kind: COT_PERSONA_KIND, source: "human", label: parsed, labeler });
  return store.listLabels({ sampleId, kind: COT_PERSONA_KIND, source: "human" }).find((l) => l.labeler === labeler)!;
}

function labelsBySample(labels: readonly LabelRecord[]): Map<number, LabelRecord[]> {
  const out = new Map<number, LabelRecord[]>();
  for (const l of labels) out.set(l.sampleId, [...(out.get(l.sampleId) ?? []), l]);
  return out;
}
