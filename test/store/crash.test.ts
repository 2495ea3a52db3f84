import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { tempDir } from "./helpers.js";

const WRITER = fileURLToPath(new URL("./helpers/batch-writer.ts", import.meta.url));
const BATCH = 8;
const TOKENS = 400;

/** Start the writer, let it commit `minBatches` batches, then SIGKILL it at a random moment. */
async function writeThenKill(path: string, minBatches: number, killDelayMs: number, whileRunning: () => void): Promise<void> {
  const child = spawn(process.execPath, ["--import", "tsx", WRITER, path, String(BATCH), String(TOKENS)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  await new Promise<void>((resolve, reject) => {
    let committed = 0;
    child.stdout.on("data", (d: Buffer) => {
      committed += d.toString().split("\n").filter((l) => l.startsWith("batch")).length;
      if (committed >= minBatches) resolve();
    });
    child.on("exit", () => reject(new Error(`writer exited early: ${stderr}`)));
  });
  // Read while the writer is mid-stream: a reader never sees half a batch either.
  whileRunning();
  await new Promise((r) => setTimeout(r, killDelayMs));
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
}

function checkConsistent(path: string): number {
  const db = new Database(path);
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    const samples = db.prepare("SELECT COUNT(*) FROM samples").pluck().get() as number;
    const links = db.prepare("SELECT COUNT(*) FROM run_samples").pluck().get() as number;
    const perQuestion = db.prepare("SELECT DISTINCT COUNT(*) FROM run_samples GROUP BY question_id").pluck().all();
    expect(samples % BATCH).toBe(0);
    expect(links).toBe(samples);
    if (samples > 0) expect(perQuestion).toEqual([BATCH]);
    return samples / BATCH;
  } finally {
    db.close();
  }
}

describe("crash safety", () => {
  it("leaves only whole batches when writers are killed with SIGKILL, and resumes without duplicates", async () => {
    const path = join(tempDir(), "crash.db");
    let batches = 0;
    for (const delay of [0, 37, 113]) {
      await writeThenKill(path, batches + 2, delay, () => {
        const reader = new Database(path, { readonly: true });
        const n = reader.prepare("SELECT COUNT(*) FROM samples").pluck().get() as number;
        reader.close();
        expect(n % BATCH).toBe(0);
      });
      const now = checkConsistent(path);
      expect(now).toBeGreaterThanOrEqual(batches + 2);
      batches = now;
    }

    // The store reads back every surviving sample whole.
    const store = openStore(path);
    try {
      const run = store.listRuns({ name: "crash" });
      expect(run).toHaveLength(1);
      expect(run[0]!.samples).toBe(batches * BATCH);
      const rows = store.listRunSamples(run[0]!.id, { withTokens: true, limit: 16 });
      for (const row of rows) {
        expect(row.tokens!.tokenIds).toHaveLength(TOKENS);
        expect(row.tokens!.topIds).toHaveLength(TOKENS * 20);
      }
    } finally {
      store.close();
    }
  }, 60_000);
});
