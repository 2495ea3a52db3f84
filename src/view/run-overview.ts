import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ConventionName } from "../metrics/conventions.js";
import { scalarStatement, type Db } from "../store/db.js";
import type { RunRecord, Store } from "../store/index.js";
import { computeOverview, type RunOverview } from "./overview-compute.js";

export type { RunOverview };

/** Runs up to this many samples are summarised at once; larger ones in a worker thread. */
export const INLINE_OVERVIEW_SAMPLES = 5000;

/**
 * The report's tables and charts for each run, recomputed only when the run gained samples,
 * judgments or probe results. A large run's overview (the report's bootstrap over every answer
 * takes a while) is computed in a worker thread: the server keeps answering, and the page shows
 * the last overview, marked pending, until the new one is ready.
 */
export class OverviewCache {
  private readonly done = new Map<string, { fingerprint: string; overview: RunOverview }>();
  private readonly running = new Map<string, { worker: Worker }>();

  constructor(
    private readonly dbPath: string,
    private readonly inlineLimit = INLINE_OVERVIEW_SAMPLES,
  ) {}

  get(store: Store, db: Db, run: RunRecord, convention: ConventionName): RunOverview & { pending: boolean } {
    const samples = scalarStatement(db, "SELECT COUNT(*) FROM run_samples WHERE run_id = ?").get(run.id) as number;
    const fingerprint = [
      run.status,
      samples,
      scalarStatement(db, "SELECT MAX(id) FROM judgments").get(),
      scalarStatement(db, "SELECT COUNT(*) FROM probe_results WHERE run_id = ?").get(run.id),
    ].join("/");
    const key = `${run.id}\u0000${convention}`;
    const hit = this.done.get(key);
    if (hit?.fingerprint === fingerprint) return { ...hit.overview, pending: false };
    if (samples <= this.inlineLimit) {
      const overview = computeOverview(store, run, convention);
      this.done.set(key, { fingerprint, overview });
      return { ...overview, pending: false };
    }
    // One job per run at a time: a live run's overview lags by at most one job instead of restarting forever.
    if (!this.running.has(key)) this.start(key, fingerprint, run.id, convention);
    const waiting = `computing the report's rates over ${samples} samples in the background`;
    return { ...(hit?.overview ?? { convention: null, rates: null, html: "", reason: waiting }), pending: true };
  }

  private start(key: string, fingerprint: string, runId: number, convention: ConventionName): void {
    const worker = spawnWorker({ path: this.dbPath, runId, convention });
    this.running.set(key, { worker });
    const finish = (overview: RunOverview) => {
      if (this.running.get(key)?.worker !== worker) return; // the server closed meanwhile
      this.running.delete(key);
      this.done.set(key, { fingerprint, overview });
    };
    worker.on("message", finish);
    // A worker's error may arrive as a plain object (e.g. { code: 'SQLITE_BUSY' }).
    worker.on("error", (error: Error & { code?: string }) => finish({ convention: null, rates: null, html: "", reason: `overview failed: ${error.message ?? error.code ?? String(error)}` }));
  }

  async close(): Promise<void> {
    const workers = [...this.running.values()].map((r) => r.worker);
    this.running.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

/** The built worker (dist/…/overview-worker.js); from source (tests, tsx), the .ts file with tsx's loader. */
function spawnWorker(workerData: unknown): Worker {
  const built = new URL("./overview-worker.js", import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { workerData });
  const source = new URL("./overview-worker.ts", import.meta.url).href;
  const boot = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(source)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
