import { Option, type Command } from "commander";
import { normaliseEndpointUrl, SERVED_APIS, type EndpointSpec, type ServedApi } from "../backend/served/endpoint-spec.js";
import { EmlabError } from "../errors.js";
import { servedLabel } from "../experiment/parse-endpoint.js";
import { collect, countOption } from "./options.js";

/** `--endpoint URL [--api KIND] [--served-model NAME]`: a served model instead of a local file (sample, score, run, judge). */
export interface EndpointCliOptions {
  endpoint: string[];
  api?: ServedApi;
  servedModel?: string;
  apiKeyEnv?: string;
  concurrency?: number;
}

export function addEndpointOptions(command: Command): Command {
  return command
    .option("--endpoint <url>", "served model: an OpenAI-compatible server (llama-server, vLLM, SGLang, hosted); repeat to spread requests over several", collect, [])
    .addOption(new Option("--api <kind>", "API of the --endpoint servers (default vllm)").choices([...SERVED_APIS]))
    .option("--served-model <name>", "the model's name on the servers (vLLM, SGLang, hosted APIs)")
    .option("--api-key-env <variable>", "environment variable holding the API key (read per request, never stored)")
    .option("--concurrency <n>", "in-flight requests per endpoint (default 8)", countOption("concurrency"));
}

/** The endpoint the flags describe, or undefined without --endpoint; `tokenizer` is a local GGUF file of the model. */
export function endpointFrom(options: EndpointCliOptions, tokenizer?: string): EndpointSpec | undefined {
  if (options.endpoint.length === 0) {
    for (const [flag, value] of [["--api", options.api], ["--served-model", options.servedModel], ["--api-key-env", options.apiKeyEnv]] as const) {
      if (value !== undefined) throw new EmlabError(`${flag} describes a served model: give its --endpoint too`);
    }
    return undefined;
  }
  const api = options.api ?? "vllm";
  if (options.apiKeyEnv !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.apiKeyEnv)) {
    throw new EmlabError("--api-key-env names the environment variable that holds the key (e.g. OPENAI_API_KEY), not the key itself");
  }
  const urls = options.endpoint.map((url) => {
    try {
      return normaliseEndpointUrl(url, api);
    } catch (error) {
      throw new EmlabError(`--endpoint: ${(error as Error).message}`);
    }
  });
  return {
    urls,
    api,
    ...(options.servedModel === undefined ? {} : { model: options.servedModel }),
    ...(options.apiKeyEnv === undefined ? {} : { apiKeyEnv: options.apiKeyEnv }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(tokenizer === undefined ? {} : { tokenizer }),
  };
}

export { servedLabel };
