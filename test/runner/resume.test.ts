/**
 * `emlab run` as users run it: killed mid-way and run again, it ends with exactly the samples an
 * uninterrupted run stores; a finished run re-run generates nothing; the log-probs it stores after
 * reusing prefixes are those of a fresh evaluation.
 */
import type { ChildProcess } from "node:child_process";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/backend/open.js";
import { openStore } from "../../src/store/index.js";
import { runCli, spawnCli } from "../helpers/cli.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { experimentYaml, TempDir } from "./experiment-files.js";

interface StoredSample {
  key: string;
  text: string;
  tokenIds: Buffer;
  logprobs: Float32Array;
}

function storedSamples(path: string): Map<string, StoredSample> {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare("SELECT key, text, token_ids, logprobs FROM samples").all() as { key: string; text: string; token_ids: Buffer; logprobs: Buffer }[];
    return new Map(rows.map((r) => [r.key, { key: r.key, text: r.text, tokenIds: r.token_ids, logprobs: new Float32Array(new Uint8Array(r.logprobs).buffer) }]));
  } finally {
    db.close();
  }
}

function countRows(path: string, sql: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Poll the database until at least `min` samples are stored, then SIGKILL the run; samples left. */
async function killOnceStored(child: ChildProcess, db: string, min: number): Promise<number> {
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  let exitedEarly = false;
  void exited.then(() => (exitedEarly = true));
  for (;;) {
    if (exitedEarly) throw new Error(`the run ended before it could be killed: ${stderr}`);
    let stored = 0;
    try {
      stored = countRows(db, "SELECT count(*) AS n FROM samples");
    } catch {
      // Not created or not migrated yet.
    }
    if (stored >= min) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill("SIGKILL");
  expect(await exited).toBe("SIGKILL");
  return countRows(db, "SELECT count(*) AS n FROM samples");
}

const ENGINE = ["--threads", "1", "--kv-cache", "f32"];

describe("emlab run: kill and resume", () => {
  const tmp = new TempDir();
  afterAll(() => tmp.dispose());
  const experiment = tmp.write("resume.yaml", experimentYaml({ name: "resume", k: [0, 4], scales: [0, 1], samples: 3, maxTokens: 24 }));
  const killed = tmp.path("killed.db");
  const straight = tmp.path("straight.db");
  let planned = 0;
  const run = (db: string) => {
    const result = runCli(["run", experiment, "--db", db, ...ENGINE, "--json"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout) as { runId: number; planned: number; generated: number; reused: number; resumed: boolean; evaluatedTokens: number };
  };

  it("a run killed mid-way and run again stores exactly what an uninterrupted run stores", async () => {
    const uninterrupted = run(straight);
    // 2 LoRA scales × k in {0, 4} = 4 conditions, each with every paraphrase of 3 questions × 3 samples.
    planned = uninterrupted.planned;
    expect(planned % 12).toBe(0);
    expect(uninterrupted).toMatchObject({ resumed: false, reused: 0, generated: planned });

    const leftByKill = await killOnceStored(spawnCli(["run", experiment, "--db", killed, ...ENGINE, "--json"]), killed, 6);
    expect(leftByKill).toBeGreaterThanOrEqual(6);
    expect(leftByKill).toBeLessThan(planned);
    const resumed = run(killed);
    expect(resumed).toMatchObject({ planned, resumed: true, reused: leftByKill, generated: planned - leftByKill });

    const a = storedSamples(killed);
    const b = storedSamples(straight);
    expect(a.size).toBe(planned);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [key, sample] of a) {
      const other = b.get(key)!;
      expect(sample.text).toBe(other.text);
      expect(sample.tokenIds.equals(other.tokenIds)).toBe(true);
      // Lanes batch a resumed cell's missing samples differently: float rounding, within 1e-4 with an
      // f32 KV cache (the default f16 cache rounds each batch's keys and values a little differently).
      sample.logprobs.forEach((lp, i) => expect(Math.abs(lp - other.logprobs[i]!)).toBeLessThan(1e-4));
    }
    // One run, every planned cell linked once to its own sample.
    expect(countRows(killed, "SELECT count(*) AS n FROM runs")).toBe(1);
    expect(countRows(killed, "SELECT count(*) AS n FROM run_samples")).toBe(planned);
    expect(countRows(killed, "SELECT count(DISTINCT sample_id) AS n FROM run_samples")).toBe(planned);
    using store = openStore(killed);
    expect(store.listRuns()[0]).toMatchObject({ status: "complete", samples: planned });
  });

  it("re-running a completed experiment generates nothing", () => {
    const again = run(killed);
    expect(again).toMatchObject({ planned: planned, resumed: true, reused: planned, generated: 0, evaluatedTokens: 0 });
    expect(countRows(killed, "SELECT count(*) AS n FROM samples")).toBe(planned);
    expect(countRows(killed, "SELECT count(*) AS n FROM run_samples")).toBe(planned);
  });

  it("log-probs stored after prefix reuse equal a fresh evaluation of the whole prompt", async () => {
    using store = openStore(straight);
    const runId = store.listRuns()[0]!.id;
    const conditions = new Map(store.listConditions(runId).map((c) => [c.id, c]));
    const rows = store.listRunSamples(runId, { withTokens: true });
    // The last sample of each condition's last question: generated after the most reuse.
    const picked = [...conditions.keys()].map((id) => rows.filter((r) => r.conditionId === id).at(-1)!);
    expect(picked).toHaveLength(4);
    const model = await loadModel("llama", { path: fixturePaths().tinyQwen2, gpu: "cpu", threads: 1, kvCacheType: "f32" });
    try {
      for (const row of picked) {
        const scale = conditions.get(row.conditionId)!.adapters[0]!.scale;
        const session = await model.openSession({ lora: [{ path: fixturePaths().tinyQwen2Lora, scale }] });
        try {
          const prompt = Array.from(store.getPrompt({ id: row.promptId })!.tokenIds);
          const tokens = Array.from(row.tokens!.tokenIds);
          expect(tokens.length).toBeGreaterThan(0);
          const fresh = await session.score(prompt, tokens);
          fresh.forEach((lp, i) => expect(Math.abs(lp - row.tokens!.logprobs[i]!)).toBeLessThan(1e-4));
        } finally {
          await session.dispose();
        }
      }
    } finally {
      await model.dispose();
    }
  });
});
