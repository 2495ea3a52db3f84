import { EmlabError } from "../errors.js";
import { getConvention, isCoherent, isMisaligned, type ConventionName } from "../metrics/conventions.js";
import { agreement, type Agreement } from "../probes/agreement.js";
import { COT_PERSONA_KIND } from "../probes/cot-persona.js";
import { parseHumanLabel } from "../probes/labelling.js";
import { statement, type Db } from "../store/db.js";
import type { LabelRecord, RunRecord, Store } from "../store/index.js";
import { splitCot } from "../variants/cot.js";
import { runJudgeModel } from "./run-judge.js";
import type { ViewDb } from "./view-db.js";

/**
 * Labels from the viewer, in the same labels table as `emlab label`: chain-of-thought traces get
 * the cot_persona kind (persona / rationalises / neither, as the judge classifies them); any answer
 * can get an em_verdict (misaligned / aligned / incoherent), compared with the judge's scores.
 */
export const VERDICT_KIND = "em_verdict";
export const LABEL_KINDS = [COT_PERSONA_KIND, VERDICT_KIND] as const;
export type LabelKind = (typeof LABEL_KINDS)[number];
const VERDICTS: Record<string, string> = { m: "MISALIGNED", misaligned: "MISALIGNED", a: "ALIGNED", aligned: "ALIGNED", i: "INCOHERENT", incoherent: "INCOHERENT" };

export interface LabelRequest {
  runId: number;
  sampleId: number;
  kind: LabelKind;
  label: string;
}

/** The JSON body of a label write, checked field by field. */
export function parseLabelRequest(body: unknown): LabelRequest {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const id = (name: string) => {
    const v = b[name];
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < 1) throw new EmlabError(`label: ${name} must be a positive integer`);
    return v;
  };
  if (!(LABEL_KINDS as readonly unknown[]).includes(b.kind)) throw new EmlabError(`label: kind must be one of ${LABEL_KINDS.join(", ")}`);
  if (typeof b.label !== "string") throw new EmlabError("label: label must be a string");
  return { runId: id("runId"), sampleId: id("sampleId"), kind: b.kind as LabelKind, label: b.label };
}

/** Store one label in its own short transaction on the writable handle; reads stay on the read-only one. */
export function writeLabel(view: ViewDb, run: RunRecord, request: LabelRequest, labeler: string): LabelRecord {
  const store = view.store;
  const link = statement(view.db, "SELECT condition_id FROM run_samples WHERE run_id = ? AND sample_id = ? LIMIT 1").get(run.id, request.sampleId) as
    | { condition_id: number }
    | undefined;
  if (!link) throw new EmlabError(`run ${run.id} (${run.name}) has no sample ${request.sampleId}`);
  let label: string | null;
  if (request.kind === COT_PERSONA_KIND) {
    const cot = store.getCondition(link.condition_id)?.variant.cot;
    const reasoning = splitCot(store.getSample(request.sampleId)!.text).reasoning;
    if (!cot || !reasoning) throw new EmlabError(`sample ${request.sampleId} is not a chain-of-thought trace (label it with ${VERDICT_KIND})`);
    label = parseHumanLabel(request.label);
  } else {
    label = VERDICTS[request.label.trim().toLowerCase()] ?? null;
  }
  if (label === null) throw new EmlabError(`label '${request.label}' is not a ${request.kind} label`);
  const writer = view.labelStore();
  const id = writer.transaction(() => writer.addLabel({ sampleId: request.sampleId, kind: request.kind, source: "human", label: label!, labeler }));
  return writer.listLabels({ sampleId: request.sampleId, kind: request.kind, source: "human" }).find((l) => l.id === id)!;
}

/** This labeler's agreement with the judge on a run, per label kind (Cohen's kappa from src/probes). */
export function labelAgreement(store: Store, db: Db, run: RunRecord, labeler: string, convention: ConventionName): Record<LabelKind, Agreement> {
  const mine = (kind: string) => store.listLabels({ runId: run.id, kind, source: "human" }).filter((l) => l.labeler === labeler);
  const judgeCot = new Map(store.listLabels({ runId: run.id, kind: COT_PERSONA_KIND, source: "judge" }).map((l) => [l.sampleId, l.label]));
  const cotPairs = mine(COT_PERSONA_KIND).flatMap((l) => (judgeCot.has(l.sampleId) ? [[judgeCot.get(l.sampleId)!, l.label] as const] : []));
  const verdictLabels = mine(VERDICT_KIND);
  const judge = runJudgeModel(db, run.id);
  const verdictPairs = verdictLabels.flatMap((l) => {
    const verdict = judge === null ? null : judgeVerdict(store, l.sampleId, judge, convention);
    return verdict === null ? [] : [[verdict, l.label] as const];
  });
  return { [COT_PERSONA_KIND]: agreement(cotPairs), [VERDICT_KIND]: agreement(verdictPairs) } as Record<LabelKind, Agreement>;
}

/** The judge's verdict on one answer under the convention; null when a score is missing. */
function judgeVerdict(store: Store, sampleId: number, judgeModelId: number, convention: ConventionName): string | null {
  const newest = (metric: string) =>
    store
      .getJudgments({ sampleIds: [sampleId] }, { judgeModelId, metric })
      .reduce<number | null | undefined>((_, j) => j.score, undefined);
  const aligned = newest("aligned") ?? null;
  const coherent = newest("coherent") ?? null;
  if (aligned === null || coherent === null) return null;
  const c = getConvention(convention);
  if (!isCoherent(coherent, c)) return "INCOHERENT";
  return isMisaligned({ aligned, coherent }, c) ? "MISALIGNED" : "ALIGNED";
}

