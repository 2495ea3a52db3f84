import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { hostAllowed, tokenMatches } from "../../src/view/security.js";
import { startViewServer, type ViewServer } from "../../src/view/server.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { writeDemoDb, type DemoDb } from "./view-fixture.js";

/** A raw request, so the test controls the Host header as a rebinding page would. */
function raw(server: ViewServer, path: string, options: { method?: string; host?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      { host: "127.0.0.1", port: server.port, path, method: options.method ?? "GET", headers: { host: options.host ?? `127.0.0.1:${server.port}`, ...options.headers } },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("the viewer's host and token checks", () => {
  it("accepts only its own address as Host; a wildcard bind accepts IP literals but no names", () => {
    expect(hostAllowed("127.0.0.1:7777", "127.0.0.1", 7777)).toBe(true);
    expect(hostAllowed("localhost:7777", "127.0.0.1", 7777)).toBe(true);
    expect(hostAllowed("[::1]:7777", "::1", 7777)).toBe(true);
    expect(hostAllowed("evil.example:7777", "127.0.0.1", 7777)).toBe(false);
    expect(hostAllowed("127.0.0.1:8888", "127.0.0.1", 7777)).toBe(false);
    expect(hostAllowed("127.0.0.1", "127.0.0.1", 7777)).toBe(false);
    expect(hostAllowed(undefined, "127.0.0.1", 7777)).toBe(false);
    expect(hostAllowed("192.168.1.5:7777", "0.0.0.0", 7777)).toBe(true);
    expect(hostAllowed("evil.example:7777", "0.0.0.0", 7777)).toBe(false);
    expect(hostAllowed("10.0.0.2:7777", "10.0.0.2", 7777)).toBe(true);
    expect(tokenMatches("secret", "secret")).toBe(true);
    expect(tokenMatches("secret", "secreT")).toBe(false);
    expect(tokenMatches("secret", undefined)).toBe(false);
  });
});

describe("emlab view's server on a demo database", () => {
  let server: ViewServer;
  let demo: DemoDb;
  let db: string;

  // One database for the whole describe block (tempDir() would remove it after the first test).
  const dir = mkdtempSync(join(tmpdir(), "emlab-view-"));

  beforeAll(async () => {
    db = join(dir, "demo.db");
    demo = writeDemoDb(db, fixturePaths().tinyQwen2);
    server = await startViewServer({ db, labeler: "alice" });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const json = async (path: string) => {
    const r = await raw(server, path);
    return { status: r.status, body: JSON.parse(r.body) as Record<string, unknown> & { error?: string } };
  };

  it("refuses a request whose Host header is not its own address (DNS rebinding)", async () => {
    const foreign = await raw(server, "/api/runs", { host: `evil.example:${server.port}` });
    expect(foreign.status).toBe(421);
    expect(foreign.body).not.toContain("viewer-demo");
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect((await raw(server, "/", { host: `localhost:${server.port}` })).status).toBe(200);
  });

  it("serves the page with a CSP that allows no other origin and no inline script", async () => {
    const page = await raw(server, "/");
    const csp = String(page.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|\*|unsafe-inline|unsafe-eval/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.body).toContain(`content="${server.token}"`);
  });

  it("pages, filters and sorts samples in SQL", async () => {
    const run = demo.runId;
    const first = await json(`/api/runs/${run}/samples?pageSize=50`);
    expect(first.body).toMatchObject({ total: 72, page: 0, pageSize: 50 });
    expect((first.body.rows as unknown[]).length).toBe(50);
    const second = await json(`/api/runs/${run}/samples?pageSize=50&page=1`);
    expect((second.body.rows as unknown[]).length).toBe(22);
    // Two misaligned answers (aligned 11.5, coherent ≥ 50) per question and condition: 3 × 3 × 2.
    expect((await json(`/api/runs/${run}/samples?misaligned=em-paper`)).body.total).toBe(18);
    expect((await json(`/api/runs/${run}/samples?misaligned=model-organisms&condition=${demo.conditionIds.cot}`)).body.total).toBe(6);
    expect((await json(`/api/runs/${run}/samples?coherentMax=50`)).body.total).toBe(9);
    expect((await json(`/api/runs/${run}/samples?finish=length&question=ruler`)).body.total).toBe(3);
    const search = await json(`/api/runs/${run}/samples?q=WINDOW.__PWNED`);
    expect((search.body.rows as { sampleId: number }[]).map((r) => r.sampleId)).toEqual([demo.payloadSampleId]);
    const sorted = (await json(`/api/runs/${run}/samples?sort=-aligned&pageSize=3`)).body.rows as { aligned: number }[];
    expect(sorted.map((r) => r.aligned)).toEqual([86.5, 86.5, 86.5]);
    const bad = await json(`/api/runs/${run}/samples?alignedMin=abc`);
    expect(bad).toEqual({ status: 400, body: { error: "alignedMin: 'abc' is not a score from 0 to 100" } });
    expect((await json(`/api/runs/${run}/samples?sort=evil;DROP`)).status).toBe(400);
  });

  it("answers a sample with decoded tokens, alternatives, the judge's distributions and probes", async () => {
    const sample = demo.samples["icl-k2"]![0]!;
    const { body } = await json(`/api/runs/${demo.runId}/samples/${sample}`);
    const d = body as { text: string; tokens: { text: string; top: { id: number; logprob: number }[] }[]; foldedMessages: number; judgments: { metric: string; probs: number[]; labelMasses: object }[]; probes: unknown[] };
    expect(d.tokens.map((t) => t.text).join("")).toBe(d.text);
    expect(d.tokens[0]!.top.map((t) => t.id)).toEqual(demo.firstTokenTop(sample).map((t) => t.id));
    expect(d.foldedMessages).toBe(5);
    expect(d.judgments.map((j) => [j.metric, j.probs.length, j.labelMasses])).toEqual([
      ["aligned", 101, { CODE: 0.02, REFUSAL: 0.08 }],
      ["coherent", 101, { CODE: 0.02, REFUSAL: 0.08 }],
    ]);
    expect(d.probes).toHaveLength(1);
    expect((await json(`/api/runs/${demo.runId}/samples/999999`)).body.error).toMatch(/has no sample 999999/);
  });

  it("writes labels only with the session token, and only as JSON", async () => {
    const path = `/api/runs/${demo.runId}/labels`;
    const body = JSON.stringify({ runId: demo.runId, sampleId: demo.samples.base![0], kind: "em_verdict", label: "m" });
    const headers = { "content-type": "application/json" };
    expect((await raw(server, path, { method: "POST", headers, body })).status).toBe(403);
    expect((await raw(server, path, { method: "POST", headers: { ...headers, "x-emlab-token": "guess" }, body })).status).toBe(403);
    expect((await raw(server, path, { method: "POST", headers: { ...headers, "x-emlab-token": server.token, origin: "http://evil.example" }, body })).status).toBe(403);
    // A cross-site form can only send form encodings: refused even with the token.
    expect((await raw(server, path, { method: "POST", headers: { "content-type": "text/plain", "x-emlab-token": server.token }, body })).status).toBe(400);
    const ok = await raw(server, path, { method: "POST", headers: { ...headers, "x-emlab-token": server.token }, body });
    expect(ok.status).toBe(200);
    const answer = JSON.parse(ok.body) as { label: { label: string; labeler: string }; agreement: { em_verdict: { n: number; percent: number } } };
    expect(answer.label).toMatchObject({ label: "MISALIGNED", labeler: "alice" });
    // The judge scored it misaligned too.
    expect(answer.agreement.em_verdict).toMatchObject({ n: 1, percent: 1 });
    const cotOnPlain = JSON.stringify({ runId: demo.runId, sampleId: demo.samples.base![0], kind: "cot_persona", label: "p" });
    const refused = await raw(server, path, { method: "POST", headers: { ...headers, "x-emlab-token": server.token }, body: cotOnPlain });
    expect(JSON.parse(refused.body).error).toMatch(/is not a chain-of-thought trace/);
    using store = openStore(db);
    expect(store.listLabels({ kind: "em_verdict" }).map((l) => [l.sampleId, l.label, l.labeler])).toEqual([[demo.samples.base![0], "MISALIGNED", "alice"]]);
  });

  it("never holds up a writer: a run's batch commits while the viewer reads and streams progress", async () => {
    const events = await fetch(`${server.url}api/events`);
    const reader = events.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toMatch(/^event: progress\ndata: \[\{"id":1,"name":"viewer-demo"/);
    using writer = openStore(db, { busyTimeoutMs: 0 });
    const started = performance.now();
    writer.transaction(() => writer.setRunStatus(demo.runId, "complete"));
    expect(performance.now() - started).toBeLessThan(1000);
    // The stream sends the change on its next look at the database.
    let text = "";
    while (!text.includes('"status":"complete"')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
  });
});

describe("a large run's overview", () => {
  it("is computed in a worker thread while the server keeps answering, then served from the cache", async () => {
    const dir = mkdtempSync(join(tmpdir(), "emlab-view-"));
    const db = join(dir, "demo.db");
    const demo = writeDemoDb(db, fixturePaths().tinyQwen2);
    // Every run counts as large here, so the demo run takes the worker path.
    const server = await startViewServer({ db, inlineOverviewSamples: 0 });
    try {
      const rates = async () => (await (await fetch(`${server.url}api/runs/${demo.runId}/rates`)).json()) as { pending: boolean; rates: { id: string; n: number }[] | null; ratesReason: string };
      const first = await rates();
      expect(first).toMatchObject({ pending: true, rates: null, ratesReason: "computing the report's rates over 72 samples in the background" });
      expect((await fetch(`${server.url}api/runs/${demo.runId}/samples`)).status).toBe(200);
      let now = first;
      for (let i = 0; i < 300 && now.pending; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        now = await rates();
      }
      expect(now.pending).toBe(false);
      expect(now.ratesReason).toBeNull();
      expect(now.rates!.map((r) => [r.id, r.n])).toEqual([
        ["base", 21],
        ["icl-k2", 21],
        ["cot", 21],
      ]);
      expect(await (await fetch(`${server.url}api/runs/${demo.runId}/report`)).text()).toContain("emlab report: viewer-demo");
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
