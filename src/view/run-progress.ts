import { scalarStatement, statement, type Db } from "../store/db.js";
import type { RunStatus, Store } from "../store/index.js";

/** One run as the runs list shows it, with live progress while it runs. */
export interface RunProgress {
  id: number;
  name: string;
  status: RunStatus;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  conditions: number;
  samples: number;
  plannedSamples: number | null;
  judgedSamples: number;
  probeResults: number;
  /** Samples per second over the run's most recent samples; null when not running or too few. */
  samplesPerSecond: number | null;
  /** Seconds until every planned sample exists at that rate; null when unknown. */
  etaSeconds: number | null;
}

/** Samples the rate is measured over: recent enough to follow speed changes, enough to be steady. */
const RATE_WINDOW = 50;

export function runsProgress(store: Store, db: Db): RunProgress[] {
  return store.listRuns().map((run) => {
    const rate = run.status === "running" ? recentRate(db, run.id) : null;
    const left = run.plannedSamples === null ? null : Math.max(0, run.plannedSamples - run.samples);
    return {
      id: run.id,
      name: run.name,
      status: run.status,
      error: run.error,
      createdAt: run.createdAt,
      updatedAt: run.updatedAt,
      conditions: run.conditions,
      samples: run.samples,
      plannedSamples: run.plannedSamples,
      judgedSamples: run.judgedSamples,
      probeResults: scalarStatement(db, "SELECT COUNT(*) FROM probe_results WHERE run_id = ?").get(run.id) as number,
      samplesPerSecond: rate,
      etaSeconds: rate && left !== null ? left / rate : null,
    };
  });
}

/** From the creation times of the run's last linked samples (no state kept between requests). */
function recentRate(db: Db, runId: number): number | null {
  const times = statement(
    db,
    `SELECT s.created_at AS t FROM run_samples rs JOIN samples s ON s.id = rs.sample_id
     WHERE rs.run_id = ? ORDER BY rs.id DESC LIMIT ${RATE_WINDOW}`,
  ).all(runId) as { t: string }[];
  if (times.length < 2) return null;
  const seconds = (Date.parse(times[0]!.t) - Date.parse(times[times.length - 1]!.t)) / 1000;
  return seconds > 0 ? (times.length - 1) / seconds : null;
}
