/**
 * A run belongs to the process running it: a second `emlab run` on a database another live process
 * is running refuses, and a run whose process is gone (Ctrl-C, kill -9) shows as interrupted.
 */
import { spawnSync } from "node:child_process";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { tempStore } from "./helpers.js";

const experiment = (name: string) => ({ name, experiment: { parsed: { name }, text: `name: ${name}\n` } });

/** A pid that no process has any more: a child that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

function setOwnerPid(path: string, runId: number, pid: number): void {
  const db = new Database(path);
  db.prepare("UPDATE runs SET owner_pid = ? WHERE id = ?").run(pid, runId);
  db.close();
}

describe("run ownership", () => {
  it("a started run is running and owned by this process; finishing it releases it", () => {
    const store = tempStore();
    const { runId, resumed } = store.startRun(experiment("a"));
    expect(resumed).toBe(false);
    expect(store.getRun(runId)).toMatchObject({ status: "running", owner: { pid: process.pid } });
    store.setRunStatus(runId, "complete");
    expect(store.getRun(runId)).toMatchObject({ status: "complete", owner: null });
  });

  it("a database with a run owned by a live process is busy: starting another run refuses and names it", () => {
    const store = tempStore();
    const { runId } = store.startRun(experiment("first"));
    expect(() => store.startRun(experiment("second"))).toThrow(new RegExp(`busy: run ${runId} \\(first\\) is being run by process ${process.pid}`));
    expect(store.listRuns()).toHaveLength(1);
  });

  it("a running run whose process is gone is interrupted, and starting the same experiment resumes it", () => {
    const store = tempStore();
    const { runId } = store.startRun(experiment("crashed"));
    setOwnerPid(store.path, runId, deadPid());
    expect(store.getRun(runId)).toMatchObject({ status: "interrupted", owner: null });
    expect(store.listRuns({ status: "interrupted" }).map((r) => r.id)).toEqual([runId]);
    expect(store.listRuns({ status: "running" })).toEqual([]);
    expect(store.startRun(experiment("crashed"))).toEqual({ runId, resumed: true });
    expect(store.getRun(runId)).toMatchObject({ status: "running", owner: { pid: process.pid } });
  });

  it("an interrupted run does not make the database busy for another experiment", () => {
    const store = tempStore();
    const { runId } = store.startRun(experiment("old"));
    setOwnerPid(store.path, runId, deadPid());
    expect(store.startRun(experiment("new")).resumed).toBe(false);
  });
});
