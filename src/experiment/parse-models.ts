import type { YamlValue } from "../questions/located-yaml.js";
import type { ModelSpec } from "./config-types.js";
import { parseEndpoint, servedLabel } from "./parse-endpoint.js";
import { resolveExistingPath } from "./resolve-path.js";
import { uniqueId } from "./unique-id.js";

const MODEL_KEYS = ["id", "gguf", "onnx", "endpoint", "engine", "context_size"];
/** `engine:` beside a gguf file: llama (in-process, the default) or llama-server (started and stopped by emlab). */
const GGUF_ENGINES = ["llama", "llama-server"] as const;

/**
 * `models:` a list of `{ id, gguf: file }`, `{ id, onnx: directory }` or `{ id, endpoint: {...} }` (a served
 * model; a `gguf:` beside it is its tokenizer), optionally with context_size. A gguf model may name its
 * `engine:` (llama, the default, or llama-server).
 */
export function parseModels(value: YamlValue, baseDir: string): ModelSpec[] {
  const entries = value.list("a list of models");
  if (entries.length === 0) throw value.error("needs at least one model");
  const seen = new Map<string, number | undefined>();
  return entries.map((entry) => {
    const map = entry.map("a model ({ id, gguf: file } or { id, onnx: directory })");
    map.allowOnly(MODEL_KEYS);
    const id = uniqueId(map.require("id"), seen, "model");
    const gguf = map.get("gguf");
    const onnx = map.get("onnx");
    const endpointValue = map.get("endpoint");
    const contextSizeValue = map.get("context_size");
    if (endpointValue) {
      if (onnx) throw entry.error(`model "${id}" has both an endpoint and onnx: a served model's tokenizer is a GGUF file (gguf: or endpoint.tokenizer)`);
      const tokenizer = gguf ? resolveExistingPath(gguf, baseDir, "file").path : undefined;
      const endpoint = parseEndpoint(endpointValue, baseDir, tokenizer);
      const label = servedLabel(endpoint);
      const contextSize = contextSizeValue?.integer(16);
      return {
        id,
        backend: "served" as const,
        path: label,
        pathAsWritten: label,
        endpoint,
        ...(contextSize === undefined ? {} : { contextSize }),
        source: { file: entry.file, line: entry.line },
      };
    }
    if (gguf && onnx) throw entry.error(`model "${id}" has both gguf and onnx: give one`);
    if (!gguf && !onnx) throw entry.error(`model "${id}" needs a gguf file, an onnx directory or an endpoint`);
    const engineValue = map.get("engine");
    const engine = engineValue?.string("an engine name");
    if (engineValue && (!gguf || !(GGUF_ENGINES as readonly string[]).includes(engine!))) {
      throw engineValue.error(gguf ? `unknown engine '${engine}' for a gguf model (use ${GGUF_ENGINES.join(" or ")})` : `engine: applies to gguf models only`);
    }
    const backend = gguf ? (engine === "llama-server" ? "llama-server" : "llama") : "onnx";
    const { path, asWritten } = resolveExistingPath((gguf ?? onnx)!, baseDir, gguf ? "file" : "directory");
    const contextSize = contextSizeValue?.integer(16);
    return {
      id,
      backend,
      path,
      pathAsWritten: asWritten,
      ...(contextSize === undefined ? {} : { contextSize }),
      source: { file: entry.file, line: entry.line },
    };
  });
}
