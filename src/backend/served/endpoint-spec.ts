/** How emlab reaches a served model: one or many OpenAI-compatible servers of one API kind. */

export const SERVED_APIS = ["llama-server", "vllm", "sglang", "openai"] as const;
export type ServedApi = (typeof SERVED_APIS)[number];

export interface EndpointSpec {
  /** Base URLs; requests are spread over all of them (e.g. http://gpu1:8000/v1, or http://host:8080 for llama-server). */
  urls: string[];
  api: ServedApi;
  /** The model name the server knows (vLLM/SGLang/openai `model`); llama-server serves one model and ignores it. */
  model?: string;
  /** Environment variable holding the API key. The key is read per request and never stored. */
  apiKeyEnv?: string;
  /** In-flight requests per endpoint. Default 8. */
  concurrency?: number;
  /**
   * Local tokenizer: the GGUF file or a Hugging Face directory (tokenizer.json, tokenizer_config.json).
   * Default for llama-server: the server's own model file (/props model_path) when it exists on this machine.
   */
  tokenizer?: string;
  /** Seconds before a request is abandoned. Default 600. */
  timeoutSeconds?: number;
  /** Attempts per request (connection errors, 429 and 5xx are retried with backoff). Default 4. */
  attempts?: number;
}

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_TIMEOUT_SECONDS = 600;
export const DEFAULT_ATTEMPTS = 4;

/** A URL without credentials, query or trailing slash: what errors, logs and the database may show. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
  } catch {
    return url.replace(/\/\/[^@/]*@/, "//");
  }
}

export function isServedApi(value: string): value is ServedApi {
  return (SERVED_APIS as readonly string[]).includes(value);
}

/**
 * The base URL each API's paths hang off: vLLM and hosted APIs answer under /v1 (added when the
 * URL has no path); llama-server's /completion and SGLang's /generate sit at the root (a /v1 is dropped).
 */
export function normaliseEndpointUrl(url: string, api: ServedApi): string {
  const trimmed = url.trim().replace(/\/+$/, "");
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new Error(`'${url}' is not a URL (e.g. http://127.0.0.1:8000/v1)`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new Error(`'${url}' is not an http(s) URL`);
  if (api === "vllm" || api === "openai") return parsed.pathname === "/" ? `${trimmed}/v1` : trimmed;
  return trimmed.replace(/\/v1$/, "");
}
