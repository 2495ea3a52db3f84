import type { YamlValue } from "../questions/located-yaml.js";
import type { ModelSpec } from "./config-types.js";
import { resolveExistingPath } from "./resolve-path.js";
import { uniqueId } from "./unique-id.js";

const MODEL_KEYS = ["id", "gguf", "onnx", "context_size"];

/** `models:` a list of `{ id, gguf: file }` or `{ id, onnx: directory }`, optionally with context_size. */
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
    if (gguf && onnx) throw entry.error(`model "${id}" has both gguf and onnx: give one`);
    if (!gguf && !onnx) throw entry.error(`model "${id}" needs a gguf file or an onnx directory`);
    const backend = gguf ? "llama" : "onnx";
    const { path, asWritten } = resolveExistingPath((gguf ?? onnx)!, baseDir, gguf ? "file" : "directory");
    const contextSize = map.get("context_size")?.integer(16);
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
