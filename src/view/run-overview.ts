import { EmlabError } from "../errors.js";
import type { ConventionName } from "../metrics/conventions.js";
import { reportDataFromStore } from "../report/from-store.js";
import { renderReport } from "../report/render.js";
import type { ReportData } from "../report/types.js";
import { scalarStatement, type Db } from "../store/db.js";
import type { RunRecord, Store } from "../store/index.js";

/**
 * The report's tables and charts for a run, computed by src/report exactly as `emlab report` does.
 * Recomputed only when the run gained samples, judgments or probe results, so a page that follows
 * a live run re-renders at the pace of the run, not of its polling.
 */
export interface RunOverview {
  /** Null until the run has judgments (the report needs them). */
  data: ReportData | null;
  html: string;
  reason: string | null;
}

const cache = new Map<string, { fingerprint: string; overview: RunOverview }>();

export function runOverview(store: Store, db: Db, run: RunRecord, convention: ConventionName): RunOverview {
  const fingerprint = [
    run.status,
    scalarStatement(db, "SELECT COUNT(*) FROM run_samples WHERE run_id = ?").get(run.id),
    scalarStatement(db, "SELECT MAX(id) FROM judgments").get(),
    scalarStatement(db, "SELECT COUNT(*) FROM probe_results WHERE run_id = ?").get(run.id),
  ].join("/");
  const key = `${store.path}\u0000${run.id}\u0000${convention}`;
  const hit = cache.get(key);
  if (hit?.fingerprint === fingerprint) return hit.overview;
  const overview = compute(store, run, convention);
  cache.set(key, { fingerprint, overview });
  return overview;
}

function compute(store: Store, run: RunRecord, convention: ConventionName): RunOverview {
  try {
    const data = reportDataFromStore(store, run, { convention, generatedAt: new Date().toISOString() });
    // The viewer's sample browser replaces the report's; keep the static page small.
    return { data, html: renderReport(data, { maxSamples: 20 }), reason: null };
  } catch (error) {
    if (!(error instanceof EmlabError)) throw error;
    return { data: null, html: "", reason: error.message };
  }
}
