import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { EndpointPool } from "../../src/backend/served/index.js";
import { startStub, type Stub } from "./stub-server.js";

const stubs: Stub[] = [];
afterEach(async () => {
  await Promise.all(stubs.splice(0).map((s) => s.close()));
  delete process.env.EMLAB_TEST_KEY;
});

/** A loopback URL nothing listens on (connection refused). */
async function closedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

async function stub(...args: Parameters<typeof startStub>): Promise<Stub> {
  const s = await startStub(...args);
  stubs.push(s);
  return s;
}

describe("EndpointPool", () => {
  it("retries 500 and 429 with backoff, then returns the answer", async () => {
    const server = await stub((_r, n) => (n === 1 ? { status: 500, json: { error: { message: "boom" } } } : n === 2 ? { status: 429, json: {} } : { json: { ok: n } }));
    const pool = new EndpointPool({ urls: [server.url], api: "vllm" }, { backoffMs: 5 });
    expect(await pool.post("/completions", { x: 1 })).toEqual({ ok: 3 });
    expect(server.requests).toHaveLength(3);
    expect(pool.stats()[0]).toMatchObject({ requests: 3, failures: 2, dropped: false });
  });

  it("a server that never answers ends in a timeout error naming the endpoint", async () => {
    const server = await stub(() => "hang");
    const pool = new EndpointPool({ urls: [server.url], api: "llama-server", timeoutSeconds: 0.2, attempts: 2 }, { backoffMs: 5 });
    await expect(pool.post("/completion", {})).rejects.toThrow(`served endpoint ${server.url}: no answer within 0.2 s (gave up after 2 attempts)`);
  });

  it("does not retry a request the server refuses (4xx) and shows the server's message", async () => {
    const server = await stub(() => ({ status: 400, json: { error: { message: "n_probs too large" } } }));
    const pool = new EndpointPool({ urls: [server.url], api: "llama-server" }, { backoffMs: 5 });
    await expect(pool.post("/completion", {})).rejects.toThrow(`served endpoint ${server.url}: POST /completion: HTTP 400: n_probs too large`);
    expect(server.requests).toHaveLength(1);
  });

  it("keeps at most `concurrency` requests in flight per endpoint and spreads them over endpoints", async () => {
    let inFlight = 0;
    let most = 0;
    const slow = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return { json: {} };
    };
    const a = await stub(slow);
    const b = await stub(slow);
    const pool = new EndpointPool({ urls: [a.url, b.url], api: "vllm", concurrency: 2 });
    await Promise.all(Array.from({ length: 12 }, () => pool.post("/completions", {})));
    expect(most).toBeLessThanOrEqual(4);
    // The least-busy endpoint takes each request: both get a share (the exact split depends on timing).
    expect(a.requests.length).toBeGreaterThanOrEqual(2);
    expect(b.requests.length).toBeGreaterThanOrEqual(2);
    expect(a.requests.length + b.requests.length).toBe(12);
  });

  it("takes an endpoint that keeps failing out of the rotation; the others carry on", async () => {
    const good = await stub(() => ({ json: { ok: true } }));
    const dead = await closedUrl();
    const pool = new EndpointPool({ urls: [dead, good.url], api: "vllm", concurrency: 1 }, { backoffMs: 1, dropAfter: 2 });
    const answers = await Promise.all(Array.from({ length: 8 }, () => pool.post("/completions", {})));
    expect(answers).toEqual(Array(8).fill({ ok: true }));
    expect(pool.stats()[0]).toMatchObject({ url: dead, dropped: true });
    expect(good.requests).toHaveLength(8);
  });

  it("fails with one line when every endpoint is out of the rotation", async () => {
    const dead = await closedUrl();
    const pool = new EndpointPool({ urls: [dead], api: "vllm", attempts: 5 }, { backoffMs: 1, dropAfter: 2 });
    await expect(pool.post("/completions", {})).rejects.toThrow(`served endpoint ${dead}: cannot connect (ECONNREFUSED) (gave up after 2 attempts)`);
    await expect(pool.post("/completions", {})).rejects.toThrow(`every served endpoint failed repeatedly and left the rotation: ${dead}`);
  });

  it("sends the API key from the environment and never shows it", async () => {
    process.env.EMLAB_TEST_KEY = "sk-secret-123";
    const server = await stub((r) => ({ status: 401, json: { error: { message: `bad key ${r.headers.authorization}` } } }));
    const pool = new EndpointPool({ urls: [server.url + "/"], api: "openai", apiKeyEnv: "EMLAB_TEST_KEY" });
    const error = await pool.post("/chat/completions", {}).catch((e: Error) => e);
    expect(server.requests[0]!.headers.authorization).toBe("Bearer sk-secret-123");
    expect((error as Error).message).toContain("bad key Bearer ***");
    expect((error as Error).message).not.toContain("sk-secret");
    expect(pool.urls).toEqual([server.url]);
  });

  it("refuses credentials in an endpoint URL without echoing them", () => {
    expect(() => new EndpointPool({ urls: ["http://user:pw@127.0.0.1:1/v1"], api: "vllm" })).toThrow(
      "http://127.0.0.1:1/v1: no credentials in endpoint URLs; name the variable that holds the key (api_key_env)",
    );
  });

  it("refuses to send a request when the key variable is unset", async () => {
    const server = await stub(() => ({ json: {} }));
    const pool = new EndpointPool({ urls: [server.url], api: "openai", apiKeyEnv: "EMLAB_TEST_KEY" });
    await expect(pool.post("/chat/completions", {})).rejects.toThrow("the API key variable EMLAB_TEST_KEY is not set");
    expect(server.requests).toHaveLength(0);
  });
});
