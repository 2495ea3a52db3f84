import { statement, type Db } from "../store/db.js";
import type { RunStatus } from "../store/index.js";

/** One run as the runs list shows it, with live progress while it runs. */
export interface RunProgress {
  id: number;
  name: string;
  status: RunStatus;
  error: string | null;
  createdAt: string;
  updatedAt: string;
  conditions: number;
  /** Done cells (linked samples), out of plannedSamples when known. */
  samples: number;
  plannedSamples: number | null;
  /** Done cells whose sample has at least one judgment. */
  judgedSamples: number;
  probeResults: number;
  /** Samples per second over the run's most recent samples; null when not running or too few. */
  samplesPerSecond: number | null;
  /** Seconds until every planned sample exists at that rate; null when unknown. */
  etaSeconds: number | null;
}

/** Samples the rate is measured over: recent enough to follow speed changes, enough to be steady. */
const RATE_WINDOW = 50;

/**
 * Every run's counts in one query of index lookups (the store's listRuns also tallies finish
 * reasons over every sample, too slow to repeat each second on a large database).
 */
export function runsProgress(db: Db, runId?: number): RunProgress[] {
  const rows = statement(
    db,
    `SELECT r.id, r.name, r.status, r.error, r.created_at, r.updated_at, r.planned_samples,
       (SELECT COUNT(*) FROM conditions c WHERE c.run_id = r.id) AS conditions,
       (SELECT COUNT(*) FROM run_samples rs WHERE rs.run_id = r.id) AS samples,
       (SELECT COUNT(*) FROM run_samples rs WHERE rs.run_id = r.id
          AND EXISTS (SELECT 1 FROM judgments j WHERE j.sample_id = rs.sample_id)) AS judged,
       (SELECT COUNT(*) FROM probe_results p WHERE p.run_id = r.id) AS probes
     FROM runs r WHERE @runId IS NULL OR r.id = @runId ORDER BY r.id DESC`,
  ).all({ runId: runId ?? null }) as {
    id: number;
    name: string;
    status: RunStatus;
    error: string | null;
    created_at: string;
    updated_at: string;
    planned_samples: number | null;
    conditions: number;
    samples: number;
    judged: number;
    probes: number;
  }[];
  return rows.map((run) => {
    const rate = run.status === "running" ? recentRate(db, run.id) : null;
    const left = run.planned_samples === null ? null : Math.max(0, run.planned_samples - run.samples);
    return {
      id: run.id,
      name: run.name,
      status: run.status,
      error: run.error,
      createdAt: run.created_at,
      updatedAt: run.updated_at,
      conditions: run.conditions,
      samples: run.samples,
      plannedSamples: run.planned_samples,
      judgedSamples: run.judged,
      probeResults: run.probes,
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
