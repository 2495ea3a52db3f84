import type { IncomingMessage, ServerResponse } from "node:http";
import { EmlabError } from "../errors.js";
import { COMMON_HEADERS, PAGE_CSP } from "./security.js";

/** Small helpers over node:http: the viewer's few routes need no framework. */

export function send(res: ServerResponse, status: number, type: string, body: string, csp = PAGE_CSP): void {
  res.writeHead(status, { ...COMMON_HEADERS, "content-security-policy": csp, "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** JSON with non-finite numbers (a -Infinity log-prob) as null, served as data the browser never renders. */
export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value, (_, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v));
  send(res, status, "application/json; charset=utf-8", body);
}

const MAX_BODY_BYTES = 16 * 1024;

export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers["content-type"] ?? "")) throw new EmlabError("expected a JSON body (content-type: application/json)");
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new EmlabError(`request body over ${MAX_BODY_BYTES} bytes`);
    parts.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(parts).toString("utf8"));
  } catch {
    throw new EmlabError("request body is not valid JSON");
  }
}

/** A path segment that must be a row id. */
export function idParam(value: string | undefined, what: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new EmlabError(`${what}: '${value}' is not an id`);
  return n;
}
