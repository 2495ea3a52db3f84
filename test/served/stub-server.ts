/**
 * Loopback HTTP stubs for the served engine's tests: each answers from a handler and records the
 * requests it got (method, path, JSON body, headers).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface StubRequest {
  method: string;
  path: string;
  body: any;
  headers: IncomingMessage["headers"];
}

/** What a handler returns: a status and a JSON body, or "hang" to never answer. */
export type StubAnswer = { status?: number; json?: unknown; text?: string; headers?: Record<string, string> } | "hang";

export interface Stub {
  url: string;
  requests: StubRequest[];
  close(): Promise<void>;
}

export async function startStub(handler: (request: StubRequest, count: number) => StubAnswer | Promise<StubAnswer>, port = 0): Promise<Stub> {
  const requests: StubRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    let data = "";
    req.on("data", (chunk) => (data += chunk));
    req.on("end", async () => {
      const request: StubRequest = { method: req.method ?? "GET", path: req.url ?? "/", body: data ? JSON.parse(data) : undefined, headers: req.headers };
      requests.push(request);
      const answer = await handler(request, requests.length);
      if (answer === "hang") {
        hanging.add(res);
        return;
      }
      res.writeHead(answer.status ?? 200, { "content-type": "application/json", ...answer.headers });
      res.end(answer.text ?? JSON.stringify(answer.json ?? {}));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
