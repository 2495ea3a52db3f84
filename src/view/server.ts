import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { EmlabError } from "../errors.js";
import type { ConventionName } from "../metrics/conventions.js";
import { sendJson } from "./http-util.js";
import { route, type ViewContext } from "./routes.js";
import { OverviewCache } from "./run-overview.js";
import { hostAllowed, newSessionToken } from "./security.js";
import { ViewDb } from "./view-db.js";

export interface ViewServerOptions {
  db: string;
  /** Address to bind (default 127.0.0.1). Anything but loopback exposes the results to the network. */
  host?: string;
  /** Port (default 0: any free port). */
  port?: number;
  /** Name stored with labels made in the page. */
  labeler?: string;
  /** Misalignment convention of rates and filters by default (the page can switch). */
  convention?: ConventionName;
  /** Runs with more samples than this get their overview computed in a worker thread (default 5000). */
  inlineOverviewSamples?: number;
}

export interface ViewServer {
  url: string;
  host: string;
  port: number;
  /** The per-session secret label writes must carry (the served page has it). */
  token: string;
  close(): Promise<void>;
}

/** Start `emlab view`'s server over a database; resolves once it listens. */
export async function startViewServer(options: ViewServerOptions): Promise<ViewServer> {
  const host = options.host ?? "127.0.0.1";
  const view = new ViewDb(options.db);
  const ctx: ViewContext = { view, token: newSessionToken(), labeler: options.labeler ?? "human", convention: options.convention ?? "em-paper", overviews: new OverviewCache(options.db, options.inlineOverviewSamples) };
  let port = 0;
  const server = createServer((req, res) => {
    // DNS rebinding: a foreign page that resolved its own name to us still sends its own Host.
    if (!hostAllowed(req.headers.host, host, port)) return sendJson(res, 421, { error: "this server only answers to its own address" });
    route(req, res, ctx).catch((error: unknown) => {
      if (res.headersSent) return void res.end();
      if (error instanceof EmlabError) return sendJson(res, 400, { error: error.message });
      sendJson(res, 500, { error: `internal error: ${(error as Error).message}` });
    });
  });
  try {
    await listen(server, host, options.port ?? 0);
  } catch (error) {
    view.close();
    const e = error as NodeJS.ErrnoException;
    throw new EmlabError(`cannot listen on ${host}:${options.port ?? 0}: ${e.code ?? e.message}`, { cause: error });
  }
  port = (server.address() as AddressInfo).port;
  const shown = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    host,
    port,
    token: ctx.token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          void ctx.overviews.close().then(() => {
            view.close();
            resolve();
          });
        });
      }),
  };
}

function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}
