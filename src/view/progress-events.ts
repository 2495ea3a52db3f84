import type { IncomingMessage, ServerResponse } from "node:http";
import { COMMON_HEADERS } from "./security.js";

/** How often the database is looked at for changes; the page never polls itself. */
export const PROGRESS_INTERVAL_MS = 1000;
const HEARTBEAT_MS = 15_000;
/** Counting a huge run takes a while: never spend more than this share of the time on it. */
const MAX_BUSY_SHARE = 0.2;

/**
 * Server-sent events: the current progress at once, then again whenever it changes. The counts
 * are re-read only when another connection committed (SQLite's data_version) and never more than
 * a fifth of the time, so a large database or a busy `emlab run` is not slowed by an open page.
 */
export function streamProgress(req: IncomingMessage, res: ServerResponse, read: () => unknown, dataVersion: () => number): void {
  res.writeHead(200, { ...COMMON_HEADERS, "content-type": "text/event-stream; charset=utf-8", connection: "keep-alive" });
  let last = "";
  let version = -1;
  let quiet = 0;
  let nextReadAt = 0;
  const tick = () => {
    const now = Date.now();
    const current = dataVersion();
    if (current !== version && now >= nextReadAt) {
      version = current;
      const started = Date.now();
      const data = JSON.stringify(read());
      nextReadAt = Date.now() + (Date.now() - started) / MAX_BUSY_SHARE;
      if (data !== last) {
        last = data;
        quiet = 0;
        return void res.write(`event: progress\ndata: ${data}\n\n`);
      }
    }
    if ((quiet += PROGRESS_INTERVAL_MS) >= HEARTBEAT_MS) {
      quiet = 0;
      res.write(": still here\n\n");
    }
  };
  const stop = () => {
    clearInterval(timer);
    res.end();
  };
  const timer = setInterval(() => {
    try {
      tick();
    } catch {
      stop();
    }
  }, PROGRESS_INTERVAL_MS);
  req.on("close", stop);
  tick();
}
