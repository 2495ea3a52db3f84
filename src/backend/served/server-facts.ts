import type { EndpointPool } from "./endpoint-pool.js";
import type { EndpointSpec } from "./endpoint-spec.js";
import { EmlabError } from "../../errors.js";

/** What emlab learns from the servers before the first request. */
export interface ServerFacts {
  /** The model file the server loaded (llama-server /props), when it says. */
  modelPath: string | null;
  /** Tokens per sequence the server allows, when it says. */
  contextSize: number | null;
  /** The server's name for its model (vLLM /v1/models), when it says. */
  modelName: string | null;
  version: string;
}

interface LlamaProps {
  model_path?: string;
  build_info?: string;
  default_generation_settings?: { n_ctx?: number };
}

interface ModelList {
  data?: { id: string; max_model_len?: number }[];
}

/**
 * Ask every endpoint what it serves and refuse a mix: one served model is one model, whichever
 * server answers. llama-server: /props; vLLM: /v1/models; SGLang and hosted APIs are taken on trust.
 */
export async function serverFacts(pool: EndpointPool, spec: EndpointSpec): Promise<ServerFacts> {
  if (spec.api === "llama-server") {
    const props: LlamaProps[] = [];
    for (let i = 0; i < pool.size; i++) props.push(await pool.getFrom<LlamaProps>(i, "/props"));
    const name = (p: LlamaProps) => p.model_path?.split("/").pop() ?? null;
    props.forEach((p, i) => {
      if (name(p) !== name(props[0]!)) throw new EmlabError(`${pool.urls[i]} serves ${name(p)} but ${pool.urls[0]} serves ${name(props[0]!)}: one served model needs the same model on every endpoint`);
    });
    const contexts = props.map((p) => p.default_generation_settings?.n_ctx).filter((n): n is number => typeof n === "number");
    return {
      modelPath: props[0]!.model_path ?? null,
      contextSize: contexts.length > 0 ? Math.min(...contexts) : null,
      modelName: name(props[0]!),
      version: `llama-server ${props[0]!.build_info ?? "(build unknown)"}`,
    };
  }
  if (spec.api === "vllm") {
    const list = await pool.getFrom<ModelList>(0, "/models");
    const entry = list.data?.find((m) => m.id === spec.model) ?? (spec.model === undefined ? list.data?.[0] : undefined);
    if (!entry) throw new EmlabError(`${pool.urls[0]} does not serve model '${spec.model}' (it serves: ${(list.data ?? []).map((m) => m.id).join(", ") || "nothing"})`);
    return { modelPath: null, contextSize: entry.max_model_len ?? null, modelName: entry.id, version: "vLLM" };
  }
  return { modelPath: null, contextSize: null, modelName: spec.model ?? null, version: spec.api === "sglang" ? "SGLang" : "hosted chat API" };
}
