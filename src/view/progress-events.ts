import type { IncomingMessage, ServerResponse } from "node:http";
import { COMMON_HEADERS } from "./security.js";

/** How often the database is looked at for progress; the page never polls itself. */
export const PROGRESS_INTERVAL_MS = 1000;
const HEARTBEAT_MS = 15_000;

/**
 * Server-sent events: the current progress at once, then again whenever it changes. Reads are
 * cheap counts on the read-only handle, so a running `emlab run` is never held up.
 */
export function streamProgress(req: IncomingMessage, res: ServerResponse, read: () => unknown): void {
  res.writeHead(200, { ...COMMON_HEADERS, "content-type": "text/event-stream; charset=utf-8", connection: "keep-alive" });
  let last = "";
  let quiet = 0;
  const tick = () => {
    const data = JSON.stringify(read());
    if (data !== last) {
      last = data;
      quiet = 0;
      res.write(`event: progress\ndata: ${data}\n\n`);
    } else if ((quiet += PROGRESS_INTERVAL_MS) >= HEARTBEAT_MS) {
      quiet = 0;
      res.write(": still here\n\n");
    }
  };
  tick();
  const timer = setInterval(() => {
    try {
      tick();
    } catch {
      stop();
    }
  }, PROGRESS_INTERVAL_MS);
  const stop = () => {
    clearInterval(timer);
    res.end();
  };
  req.on("close", stop);
}
