import type { RunRecord, Store } from "../store/index.js";
import type { ReportCondition, ReportData } from "./types.js";

/**
 * HOOK for the persona and monitor sections. src/probes is to export probeSectionsForReport(...),
 * which turns a run's probe results into ReportData's persona/monitor shapes; it did not exist when
 * this was written, so this returns no sections and reports of probed runs show none yet. Wire it in
 * here (and only here): reportDataFromStore spreads the result into the report, and a run without
 * probe results must keep returning {}.
 */
export function probeSectionsFromStore(_store: Store, _run: RunRecord, _conditions: readonly ReportCondition[]): Pick<ReportData, "persona" | "monitor"> {
  return {};
}
