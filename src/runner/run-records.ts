import { EmlabError } from "../errors.js";
import type { RunRecord, Store } from "../store/index.js";
import type { JudgeSpec } from "../experiment/config-types.js";

/** A run by id, or the newest run with that name; the newest run when none is named. */
export function resolveRun(store: Store, ref: string | undefined): RunRecord {
  const runs = store.listRuns();
  if (runs.length === 0) throw new EmlabError(`${store.path}: the database has no runs yet (emlab run EXPERIMENT.yaml)`);
  if (ref === undefined) return store.getRun(runs[0]!.id)!;
  const byId = /^\d+$/.test(ref) ? store.getRun(Number(ref)) : undefined;
  const run = byId ?? runs.find((r) => r.name === ref);
  if (!run) throw new EmlabError(`${store.path}: no run '${ref}' (emlab runs lists them)`);
  return store.getRun(run.id)!;
}

/** The question text (as the question file words it) of every cell of a run. */
export function questionLookup(run: RunRecord): (conditionKey: string, questionId: string, paraphraseIndex: number) => string {
  const map = new Map<string, string>();
  for (const cell of run.experiment.cells) map.set(`${cell.conditionKey}\u0000${cell.questionId}\u0000${cell.paraphraseIndex}`, cell.question);
  return (conditionKey, questionId, paraphraseIndex) => map.get(`${conditionKey}\u0000${questionId}\u0000${paraphraseIndex}`) ?? "";
}
