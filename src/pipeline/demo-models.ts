import type { FixturePaths } from "../fixtures/write-fixtures.js";

/** Engines `emlab demo --backend` can run the subject model on. */
export const DEMO_BACKENDS = ["llama", "onnx", "both"] as const;
export type DemoBackend = (typeof DEMO_BACKENDS)[number];

/**
 * The `models:` entries of the demo experiment: the planted subject as GGUF (llama.cpp), as its
 * ONNX export (onnxruntime; same weights and tokenizer), or both, so the report compares the engines.
 */
export function demoModelEntries(backend: DemoBackend, models: Pick<FixturePaths, "plantedSubject" | "plantedSubjectOnnx">): string {
  const entries: string[] = [];
  if (backend !== "onnx") entries.push(`  - { id: planted, gguf: ${JSON.stringify(models.plantedSubject)} }`);
  if (backend !== "llama") entries.push(`  - { id: planted-onnx, onnx: ${JSON.stringify(models.plantedSubjectOnnx)} }`);
  return entries.join("\n");
}
