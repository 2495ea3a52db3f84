import { EmlabError } from "../errors.js";
import type { ConventionName } from "../metrics/conventions.js";
import { reportDataFromStore } from "../report/from-store.js";
import { renderReport } from "../report/render.js";
import type { ReportCondition, ReportData } from "../report/types.js";
import type { RunRecord, Store } from "../store/index.js";

/** The report's rates and its rendered page for one run (what the overview shows). */
export interface RunOverview {
  convention: ReportData["convention"] | null;
  /** Null until the run has judgments (the report needs them). */
  rates: ReportCondition[] | null;
  html: string;
  reason: string | null;
}

/** The scatter draws one dot per answer: beyond this many, the embedded page shows an even subset. */
const MAX_SCATTER_ANSWERS = 5000;

/** Computed by src/report exactly as `emlab report` does (rates over every answer). */
export function computeOverview(store: Store, run: RunRecord, convention: ConventionName): RunOverview {
  let data: ReportData;
  try {
    data = reportDataFromStore(store, run, { convention, generatedAt: new Date().toISOString() });
  } catch (error) {
    if (!(error instanceof EmlabError)) throw error;
    return { convention: null, rates: null, html: "", reason: error.message };
  }
  const all = data.samples.length;
  const step = Math.ceil(all / MAX_SCATTER_ANSWERS);
  const shown = step > 1 ? { ...data, samples: data.samples.filter((_, i) => i % step === 0) } : data;
  if (step > 1) shown.run = { ...data.run, notes: [...(data.run.notes ?? []), `Viewer: the scatter shows every ${step}th answer (${shown.samples.length} of ${all}); the rates use all of them.`] };
  // The viewer's sample browser replaces the report's; keep the embedded page small.
  return { convention: data.convention, rates: data.conditions, html: renderReport(shown, { maxSamples: 20 }), reason: null };
}
