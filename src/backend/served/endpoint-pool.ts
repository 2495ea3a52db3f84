import { EmlabError } from "../../errors.js";
import { DEFAULT_ATTEMPTS, DEFAULT_CONCURRENCY, DEFAULT_TIMEOUT_SECONDS, displayUrl, type EndpointSpec } from "./endpoint-spec.js";

/** What emlab counts per endpoint (for dry runs, run records and tests of the spread). */
export interface EndpointStats {
  url: string;
  requests: number;
  failures: number;
  promptTokens: number;
  completionTokens: number;
  /** Taken out of the rotation after repeated failures. */
  dropped: boolean;
}

export interface PoolOptions {
  /** First retry delay in ms (doubles per attempt, capped at 5 s). Default 250. */
  backoffMs?: number;
  /** Consecutive failed attempts after which an endpoint leaves the rotation. Default 3. */
  dropAfter?: number;
}

interface Endpoint {
  base: string;
  stats: EndpointStats;
  inFlight: number;
  consecutiveFailures: number;
}

/** A failed attempt: retryable ones (connection, timeout, 429, 5xx) are tried again, the rest end the request. */
class AttemptError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * Requests spread over many servers of one model: at most `concurrency` in flight per endpoint, the
 * least-busy live endpoint first, retries with exponential backoff (on another endpoint when one is
 * free), a timeout per attempt, and an endpoint that fails `dropAfter` times in a row is dropped
 * while the others carry on. The servers batch and cache; this only spreads and retries.
 * The API key is read from the environment for each request and never kept, logged or shown.
 */
export class EndpointPool {
  private readonly endpoints: Endpoint[];
  private readonly waiters: (() => void)[] = [];
  private readonly limit: number;
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly dropAfter: number;
  private turn = 0;

  constructor(
    private readonly spec: EndpointSpec,
    options: PoolOptions = {},
  ) {
    if (spec.urls.length === 0) throw new EmlabError("a served model needs at least one endpoint URL");
    for (const url of spec.urls) {
      if (/^https?:\/\/[^/]*@/.test(url)) throw new EmlabError(`${displayUrl(url)}: no credentials in endpoint URLs; name the variable that holds the key (api_key_env)`);
    }
    this.endpoints = spec.urls.map((url) => ({
      base: url.replace(/\/+$/, ""),
      stats: { url: displayUrl(url), requests: 0, failures: 0, promptTokens: 0, completionTokens: 0, dropped: false },
      inFlight: 0,
      consecutiveFailures: 0,
    }));
    this.limit = Math.max(1, spec.concurrency ?? DEFAULT_CONCURRENCY);
    this.timeoutMs = (spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
    this.attempts = Math.max(1, spec.attempts ?? DEFAULT_ATTEMPTS);
    this.backoffMs = options.backoffMs ?? 250;
    this.dropAfter = Math.max(1, options.dropAfter ?? 3);
  }

  get size(): number {
    return this.endpoints.length;
  }

  /** Endpoint URLs as errors and records show them (no credentials). */
  get urls(): string[] {
    return this.endpoints.map((e) => e.stats.url);
  }

  stats(): EndpointStats[] {
    return this.endpoints.map((e) => ({ ...e.stats }));
  }

  /** POST JSON to `path` on whichever endpoint is free; `count` reads token usage from the answer. */
  post<T>(path: string, body: unknown, count?: (answer: T) => { prompt: number; completion: number }): Promise<T> {
    return this.request<T>("POST", path, body, count);
  }

  /** GET `path` from one given endpoint (server facts such as /props), with the same retries. */
  async getFrom<T>(index: number, path: string): Promise<T> {
    const endpoint = this.endpoints[index]!;
    let last: AttemptError | undefined;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        return await this.attempt<T>(endpoint, "GET", path, undefined);
      } catch (error) {
        last = asAttemptError(error);
        if (!last.retryable) break;
        if (attempt < this.attempts) await sleep(this.delay(attempt, last));
      }
    }
    throw new EmlabError(`served endpoint ${endpoint.stats.url}: ${last!.message}`);
  }

  private async request<T>(method: string, path: string, body: unknown, count?: (answer: T) => { prompt: number; completion: number }): Promise<T> {
    const tried = new Set<Endpoint>();
    let last: { endpoint: Endpoint; error: AttemptError } | undefined;
    let made = 0;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      made = attempt;
      const endpoint = await this.acquire(tried);
      tried.add(endpoint);
      try {
        const answer = await this.attempt<T>(endpoint, method, path, body);
        endpoint.consecutiveFailures = 0;
        if (count) {
          const used = count(answer);
          endpoint.stats.promptTokens += used.prompt;
          endpoint.stats.completionTokens += used.completion;
        }
        return answer;
      } catch (error) {
        const failure = asAttemptError(error);
        last = { endpoint, error: failure };
        endpoint.stats.failures++;
        if (!failure.retryable) break;
        if (++endpoint.consecutiveFailures >= this.dropAfter && !endpoint.stats.dropped) {
          endpoint.stats.dropped = true;
          process.stderr.write(`emlab: ${endpoint.stats.url} failed ${endpoint.consecutiveFailures} times in a row (${failure.message}); it is out of the rotation\n`);
        }
      } finally {
        this.release(endpoint);
      }
      if (attempt < this.attempts && this.live().length > 0) await sleep(this.delay(attempt, last.error));
      else break;
    }
    const { endpoint, error } = last!;
    throw new EmlabError(`served endpoint ${endpoint.stats.url}: ${error.message}${error.retryable ? ` (gave up after ${made} attempt${made === 1 ? "" : "s"})` : ""}`);
  }

  private async attempt<T>(endpoint: Endpoint, method: string, path: string, body: unknown): Promise<T> {
    endpoint.stats.requests++;
    const headers: Record<string, string> = { "content-type": "application/json" };
    const key = this.spec.apiKeyEnv ? process.env[this.spec.apiKeyEnv] : undefined;
    if (this.spec.apiKeyEnv && !key) throw new AttemptError(`the API key variable ${this.spec.apiKeyEnv} is not set`, false);
    if (key) headers.authorization = `Bearer ${key}`;
    let response: Response;
    try {
      response = await fetch(endpoint.base + path, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const e = error as Error & { cause?: { code?: string; message?: string } };
      if (e.name === "TimeoutError" || e.name === "AbortError") throw new AttemptError(`no answer within ${this.timeoutMs / 1000} s`, true);
      throw new AttemptError(`cannot connect (${e.cause?.code ?? e.cause?.message ?? e.message})`, true);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      const e = error as Error;
      if (e.name === "TimeoutError" || e.name === "AbortError") throw new AttemptError(`no answer within ${this.timeoutMs / 1000} s`, true);
      throw new AttemptError(`the connection broke while reading the answer (${e.message})`, true);
    }
    if (!response.ok) {
      const retryable = response.status === 429 || response.status >= 500;
      const after = Number(response.headers.get("retry-after"));
      throw new AttemptError(`${method} ${path}: HTTP ${response.status}: ${redact(serverMessage(text), key)}`, retryable, Number.isFinite(after) && after > 0 ? after * 1000 : undefined);
    }
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new AttemptError(`${method} ${path}: the answer is not JSON: ${redact(text.slice(0, 200), key)}`, false);
    }
  }

  private live(): Endpoint[] {
    return this.endpoints.filter((e) => !e.stats.dropped);
  }

  /** The least-busy live endpoint with a free slot (preferring ones this request has not tried); waits when all are busy. */
  private async acquire(avoid: ReadonlySet<Endpoint>): Promise<Endpoint> {
    for (;;) {
      const live = this.live();
      if (live.length === 0) throw new EmlabError(`every served endpoint failed repeatedly and left the rotation: ${this.urls.join(", ")}`);
      const free = live.filter((e) => e.inFlight < this.limit);
      if (free.length > 0) {
        const fresh = free.filter((e) => !avoid.has(e));
        const pool = fresh.length > 0 ? fresh : free;
        const least = Math.min(...pool.map((e) => e.inFlight));
        const candidates = pool.filter((e) => e.inFlight === least);
        const chosen = candidates[this.turn++ % candidates.length]!;
        chosen.inFlight++;
        return chosen;
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private release(endpoint: Endpoint): void {
    endpoint.inFlight--;
    this.waiters.shift()?.();
  }

  private delay(attempt: number, error: AttemptError): number {
    return Math.min(5000, error.retryAfterMs ?? this.backoffMs * 2 ** (attempt - 1));
  }
}

function asAttemptError(error: unknown): AttemptError {
  if (error instanceof AttemptError) return error;
  return new AttemptError((error as Error).message, false);
}

/** The message of an error answer: OpenAI-style `{error: {message}}`, llama-server's, or the text. */
function serverMessage(text: string): string {
  try {
    const json = JSON.parse(text) as { error?: { message?: string } | string; message?: string; detail?: unknown };
    const message = typeof json.error === "string" ? json.error : (json.error?.message ?? json.message ?? (json.detail === undefined ? undefined : JSON.stringify(json.detail)));
    if (message) return message.slice(0, 300);
  } catch {
    // not JSON: show the start of the text
  }
  return text.trim().slice(0, 300) || "(empty answer)";
}

/** Servers sometimes echo request headers in errors: the key must never reach a message. */
function redact(text: string, key: string | undefined): string {
  return key ? text.split(key).join("***") : text;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
