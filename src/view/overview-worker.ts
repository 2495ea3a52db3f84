import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import type { ConventionName } from "../metrics/conventions.js";
import { Store } from "../store/index.js";
import { computeOverview } from "./overview-compute.js";

/** A large run's overview, computed off the server's thread on its own read-only connection. */
const job = workerData as { path: string; runId: number; convention: ConventionName };
const store = new Store(new Database(job.path, { readonly: true, fileMustExist: true }), job.path);
try {
  parentPort!.postMessage(computeOverview(store, store.getRun(job.runId)!, job.convention));
} finally {
  store.close();
}
