import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ModelSpec } from "../../../src/fixtures/spec.js";
import { writeQwen2OnnxModel, type WriteOnnxModelOptions } from "../../../src/fixtures/onnx/write-onnx-model.js";

/** Write a spec as an ONNX model directory under a fresh temp dir; `cleanup` removes it. */
export function tempOnnxModel(spec: ModelSpec, options: WriteOnnxModelOptions = {}): { dir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), "emlab-onnx-"));
  const dir = join(root, "model");
  writeQwen2OnnxModel(spec, dir, options);
  return { dir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
