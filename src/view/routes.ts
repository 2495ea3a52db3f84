import type { IncomingMessage, ServerResponse } from "node:http";
import { EmlabError } from "../errors.js";
import { CONVENTION_NAMES, type ConventionName } from "../metrics/conventions.js";
import { escapeHtml } from "../report/escape.js";
import { scalarStatement } from "../store/db.js";
import type { RunRecord } from "../store/index.js";
import { APP_CSS } from "./assets/app-css.js";
import { APP_JS } from "./assets/app-js.js";
import { pageHtml } from "./assets/page.js";
import { browseSamples } from "./browse-samples.js";
import { compareConditions } from "./compare.js";
import { idParam, readJsonBody, send, sendJson } from "./http-util.js";
import { labelAgreement, parseLabelRequest, writeLabel } from "./labels.js";
import type { OverviewCache } from "./run-overview.js";
import { runsProgress } from "./run-progress.js";
import { parseSampleQuery } from "./sample-query.js";
import { sampleDetail } from "./sample-detail.js";
import { REPORT_CSP, TOKEN_HEADER, tokenMatches } from "./security.js";
import { streamProgress } from "./progress-events.js";
import type { ViewDb } from "./view-db.js";

export interface ViewContext {
  view: ViewDb;
  token: string;
  labeler: string;
  convention: ConventionName;
  overviews: OverviewCache;
}

interface Request {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: string[];
  ctx: ViewContext;
}

type Handler = (r: Request) => void | Promise<void>;

/** Method, path pattern (captures are the params) and handler; the first match answers. */
const ROUTES: [string, RegExp, Handler][] = [
  ["GET", /^\/$/, (r) => send(r.res, 200, "text/html; charset=utf-8", pageHtml(r.ctx.token, r.ctx.labeler))],
  ["GET", /^\/assets\/app\.js$/, (r) => send(r.res, 200, "text/javascript; charset=utf-8", APP_JS)],
  ["GET", /^\/assets\/app\.css$/, (r) => send(r.res, 200, "text/css; charset=utf-8", APP_CSS)],
  ["GET", /^\/favicon\.ico$/, (r) => send(r.res, 204, "image/x-icon", "")],
  ["GET", /^\/api\/runs$/, (r) => sendJson(r.res, 200, { runs: runsProgress(r.ctx.view.db), labeler: r.ctx.labeler, convention: r.ctx.convention })],
  ["GET", /^\/api\/events$/, (r) => streamProgress(r.req, r.res, () => runsProgress(r.ctx.view.db), () => r.ctx.view.dataVersion())],
  ["GET", /^\/api\/runs\/([^/]+)$/, runInfo],
  ["GET", /^\/api\/runs\/([^/]+)\/report$/, (r) => {
    const overview = r.ctx.overviews.get(r.ctx.view.store, r.ctx.view.db, run(r), convention(r));
    send(r.res, 200, "text/html; charset=utf-8", overview.html || `<!DOCTYPE html><p>${escapeHtml(overview.reason ?? "")}</p>`, REPORT_CSP);
  }],
  ["GET", /^\/api\/runs\/([^/]+)\/samples$/, (r) => sendJson(r.res, 200, browseSamples(r.ctx.view.db, run(r).id, parseSampleQuery(r.url.searchParams), convention(r)))],
  ["GET", /^\/api\/runs\/([^/]+)\/samples\/([^/]+)$/, (r) => sendJson(r.res, 200, sampleDetail(r.ctx.view.store, r.ctx.view.db, run(r), idParam(r.params[1], "sample")))],
  ["GET", /^\/api\/runs\/([^/]+)\/compare$/, compare],
  ["GET", /^\/api\/runs\/([^/]+)\/rates$/, runRates],
  ["POST", /^\/api\/runs\/([^/]+)\/labels$/, postLabel],
];

export async function route(req: IncomingMessage, res: ServerResponse, ctx: ViewContext): Promise<void> {
  const url = new URL(req.url ?? "/", "http://viewer.invalid");
  for (const [method, pattern, handler] of ROUTES) {
    const match = pattern.exec(url.pathname);
    if (!match) continue;
    if (req.method !== method && !(method === "GET" && req.method === "HEAD")) return sendJson(res, 405, { error: `${req.method} not allowed here` });
    const params = match.slice(1).map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        throw new EmlabError(`malformed path: ${url.pathname}`);
      }
    });
    return handler({ req, res, url, params, ctx });
  }
  sendJson(res, 404, { error: `no such page: ${url.pathname}` });
}

function run(r: Request): RunRecord {
  const id = idParam(r.params[0], "run");
  const found = r.ctx.view.store.getRun(id);
  if (!found) throw new EmlabError(`no run with id ${id}`);
  return found;
}

function convention(r: Request): ConventionName {
  const wanted = r.url.searchParams.get("convention");
  if (wanted === null || wanted === "") return r.ctx.convention;
  if (!(CONVENTION_NAMES as readonly string[]).includes(wanted)) throw new EmlabError(`convention: '${wanted}' is not one of ${CONVENTION_NAMES.join(", ")}`);
  return wanted as ConventionName;
}

/** What every run view needs, cheap at any size: progress, conditions and question ids. */
function runInfo(r: Request): void {
  const { store, db } = r.ctx.view;
  const record = run(r);
  sendJson(r.res, 200, {
    run: runsProgress(db, record.id)[0],
    conditions: store.listConditions(record.id).map((c) => ({
      id: c.id,
      key: c.key,
      label: c.label,
      modelRef: c.modelRef,
      adapters: c.adapters.map((a) => ({ sha256: a.sha256, scale: a.scale })),
      cot: c.variant.cot,
    })),
    questions: scalarStatement(db, "SELECT DISTINCT question_id FROM run_samples WHERE run_id = ? ORDER BY question_id").all(record.id),
  });
}

/** The report's per-condition rates (computed over the whole run, cached until it changes) and label agreement. */
function runRates(r: Request): void {
  const { store, db } = r.ctx.view;
  const record = run(r);
  const overview = r.ctx.overviews.get(store, db, record, convention(r));
  sendJson(r.res, 200, {
    convention: overview.convention,
    rates: overview.rates,
    ratesReason: overview.reason,
    pending: overview.pending,
    agreement: labelAgreement(store, db, record, r.ctx.labeler, convention(r)),
  });
}

function compare(r: Request): void {
  const { store, db } = r.ctx.view;
  const record = run(r);
  const q = r.url.searchParams;
  const page = Number(q.get("page") ?? "0");
  if (!Number.isSafeInteger(page) || page < 0) throw new EmlabError(`page: '${q.get("page")}' is not a page number`);
  const rates = r.ctx.overviews.get(store, db, record, convention(r)).rates;
  sendJson(
    r.res,
    200,
    compareConditions(store, db, record, { a: idParam(q.get("a") ?? undefined, "a"), b: idParam(q.get("b") ?? undefined, "b"), questionId: q.get("question") || null, page }, rates),
  );
}

/** Label writes need the session token from the page: a cross-site form or fetch cannot send it. */
async function postLabel(r: Request): Promise<void> {
  if (!tokenMatches(r.ctx.token, r.req.headers[TOKEN_HEADER])) return sendJson(r.res, 403, { error: "missing or wrong session token" });
  // Belt and braces: a browser names the page that sent the request; it must be this server's.
  const origin = r.req.headers.origin;
  if (origin !== undefined && origin !== `http://${r.req.headers.host}`) return sendJson(r.res, 403, { error: `requests from ${origin} may not write` });
  const record = run(r);
  const request = parseLabelRequest(await readJsonBody(r.req));
  if (request.runId !== record.id) throw new EmlabError(`label: runId ${request.runId} does not match run ${record.id}`);
  const label = writeLabel(r.ctx.view, record, request, r.ctx.labeler);
  sendJson(r.res, 200, { label, agreement: labelAgreement(r.ctx.view.store, r.ctx.view.db, record, r.ctx.labeler, convention(r)) });
}
