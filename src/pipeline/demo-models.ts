import type { FixturePaths } from "../fixtures/write-fixtures.js";

/** Engines `emlab demo --backend` can run the subject model on. */
export const DEMO_BACKENDS = ["llama", "onnx", "both"] as const;
export type DemoBackend = (typeof DEMO_BACKENDS)[number];

/**
 * The `models:` entries of the demo experiment: the built-in tiny model as GGUF (llama.cpp), as its
 * ONNX export (onnxruntime; same weights and tokenizer), or both, so the report compares the engines.
 */
export function demoModelEntries(backend: DemoBackend, models: Pick<FixturePaths, "tinyQwen2" | "tinyQwen2Onnx">): string {
  const entries: string[] = [];
  if (backend !== "onnx") entries.push(`  - { id: tiny-qwen2, gguf: ${JSON.stringify(models.tinyQwen2)} }`);
  if (backend !== "llama") entries.push(`  - { id: tiny-qwen2-onnx, onnx: ${JSON.stringify(models.tinyQwen2Onnx)} }`);
  return entries.join("\n");
}
