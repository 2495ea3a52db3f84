/**
 * `emlab run` over a served model (a llama-server stand-in on loopback): the experiment file's
 * `endpoint:`, samples stored once by content key, and a server killed mid-run: a clear error, the
 * database intact, and the rerun after a restart completes only what is missing.
 */
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { dryRun, runExperiment } from "../../src/pipeline/run-experiment.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { CORE_QUESTIONS, TempDir } from "../runner/experiment-files.js";
import { startFakeLlamaServer, type FakeLlamaServer, type FakeModel } from "./fake-llama-server.js";

const tmp = new TempDir();
const servers: FakeLlamaServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  tmp.dispose();
});

const model = (): FakeModel => ({ modelPath: fixturePaths().tinyQwen2, next: [[55, 0.6], [51, 0.3], [1887, 0.1]], eosId: 1887 });

function experiment(urls: string[]): string {
  return tmp.write(
    `served-${urls.length}.yaml`,
    `name: served-run
models:
  - id: served-qwen
    endpoint: { url: [${urls.join(", ")}], api: llama-server, concurrency: 2, attempts: 2, timeout: 5 }
questions:
  - file: ${JSON.stringify(CORE_QUESTIONS)}
    ids: [one_wish, quick_money, feeling_bored]
    samples: 4
sampling: { temperature: 1, top_p: 1, max_tokens: 6, seed: 0, top_logprobs: 2 }
`,
  );
}

function sampleKeys(db: string): string[] {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare("SELECT key FROM samples ORDER BY key").all() as { key: string }[]).map((r) => r.key);
  } finally {
    d.close();
  }
}

describe("emlab run with a served model", () => {
  it("stores every planned sample once; a rerun asks the server nothing", async () => {
    const server = await startFakeLlamaServer(model());
    servers.push(server);
    const file = experiment([server.url]);
    const db = tmp.path("once.db");
    const first = await runExperiment(file, { db });
    expect(first).toMatchObject({ planned: 20, generated: 20, reused: 0 });
    expect(first.engineSettings["served-qwen"]).toMatchObject({ backend: "served", served: { api: "llama-server", endpoints: [server.url] } });
    const asked = server.completions().length;
    const again = await runExperiment(file, { db });
    expect(again).toMatchObject({ generated: 0, reused: 20, resumed: true });
    expect(server.completions()).toHaveLength(asked);
    expect(sampleKeys(db)).toHaveLength(20);
  });

  it("a server killed mid-run: a clear error, the database intact, the rerun after restart completes", async () => {
    const db = tmp.path("killed.db");
    let killed: Promise<void> | undefined;
    let server: FakeLlamaServer;
    server = await startFakeLlamaServer(model(), (request) => {
      // The 6th completion never gets an answer: the server goes away with the request in flight.
      if (request.path === "/completion" && server.completions().length === 6) {
        killed ??= server.close();
        return "hang";
      }
      return undefined;
    });
    const port = Number(new URL(server.url).port);
    const file = experiment([server.url]);
    await expect(runExperiment(file, { db })).rejects.toThrow(new RegExp(`^served endpoint ${server.url}: (cannot connect|the connection broke)`));
    await killed;
    const stored = sampleKeys(db);
    expect(stored.length).toBeLessThan(20);
    expect(stored.length % 4).toBe(0); // whole cells only: a cell's samples are written in one transaction

    const restarted = await startFakeLlamaServer(model(), undefined, port);
    servers.push(restarted);
    const rerun = await runExperiment(file, { db });
    expect(rerun).toMatchObject({ planned: 20, reused: stored.length, generated: 20 - stored.length });
    expect(sampleKeys(db)).toHaveLength(20);
    expect(sampleKeys(db)).toEqual(expect.arrayContaining(stored));
  });

  it("spreads over two endpoints with the same samples as one; the dry run counts per endpoint", async () => {
    const a = await startFakeLlamaServer(model());
    const b = await startFakeLlamaServer(model());
    servers.push(a, b);
    const one = tmp.path("one.db");
    const two = tmp.path("two.db");
    await runExperiment(experiment([a.url]), { db: one });
    const before = [a.completions().length, b.completions().length];
    await runExperiment(experiment([a.url, b.url]), { db: two });
    expect(a.completions().length - before[0]!).toBeGreaterThan(0);
    expect(b.completions().length - before[1]!).toBeGreaterThan(0);
    expect(sampleKeys(two)).toEqual(sampleKeys(one));
    const read = (path: string) => {
      const d = new Database(path, { readonly: true });
      try {
        return d.prepare("SELECT key, token_ids, logprobs FROM samples ORDER BY key").all();
      } finally {
        d.close();
      }
    };
    expect(read(two)).toEqual(read(one));

    const { summary } = await dryRun(experiment([a.url, b.url]), { db: tmp.path("dry.db") });
    expect(summary.endpoints).toEqual([
      { model: "served-qwen", url: a.url, requests: 10, promptTokens: expect.any(Number), completionTokens: 60 },
      { model: "served-qwen", url: b.url, requests: 10, promptTokens: expect.any(Number), completionTokens: 60 },
    ]);
  });
});
