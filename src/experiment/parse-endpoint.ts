import { normaliseEndpointUrl, SERVED_APIS, isServedApi, type EndpointSpec } from "../backend/served/endpoint-spec.js";
import type { YamlValue } from "../questions/located-yaml.js";
import { resolveExistingPath } from "./resolve-path.js";

const ENDPOINT_KEYS = ["url", "api", "model", "api_key_env", "concurrency", "tokenizer", "timeout", "attempts"];

/**
 * `endpoint:` a served model: `{ url: one or a list, api, model, api_key_env, concurrency, tokenizer,
 * timeout (seconds), attempts }`. `tokenizer` (or the model's `gguf:`) is a local GGUF file, relative to the experiment file.
 */
export function parseEndpoint(value: YamlValue, baseDir: string, fallbackTokenizer?: string): EndpointSpec {
  const map = value.map("an endpoint ({ url, api, model })");
  map.allowOnly(ENDPOINT_KEYS);
  const apiValue = map.get("api");
  const api = apiValue ? apiValue.name("an API kind") : "vllm";
  if (!isServedApi(api)) throw apiValue!.error(`unknown api "${api}" (use ${SERVED_APIS.join(", ")})`);
  const urlValue = map.require("url");
  const items = urlValue.listOrOne();
  if (items.length === 0) throw urlValue.error("needs at least one URL");
  const urls = items.map((item) => {
    try {
      return normaliseEndpointUrl(item.nonEmptyString("a URL"), api);
    } catch (error) {
      throw item.error((error as Error).message);
    }
  });
  const duplicate = urls.find((u, i) => urls.indexOf(u) !== i);
  if (duplicate) throw urlValue.error(`${duplicate} is listed twice`);
  const keyEnv = map.get("api_key_env");
  const tokenizer = map.get("tokenizer");
  return {
    urls,
    api,
    ...optional("model", map.get("model")?.nonEmptyString("the served model's name")),
    ...optional("apiKeyEnv", keyEnv ? envName(keyEnv) : undefined),
    ...optional("concurrency", map.get("concurrency")?.integer(1, 4096)),
    ...optional("tokenizer", tokenizer ? resolveExistingPath(tokenizer, baseDir, "file").path : fallbackTokenizer),
    ...optional("timeoutSeconds", map.get("timeout")?.between(0.001, 86_400)),
    ...optional("attempts", map.get("attempts")?.integer(1, 100)),
  };
}

/** The variable's name only: a key written here would end up in the database with the experiment. */
function envName(value: YamlValue): string {
  const name = value.nonEmptyString("an environment variable name");
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw value.error(`name the environment variable that holds the key (e.g. OPENAI_API_KEY), not the key itself`);
  return name;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The label a served model has where a file path would be (condition keys, the database): never its URLs. */
export function servedLabel(spec: EndpointSpec): string {
  return `served:${spec.api}:${spec.model ?? "default"}`;
}
