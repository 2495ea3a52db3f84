/**
 * PEFT adapter folders written by the tests: seeded random A/B pairs in PEFT's tensor naming
 * (base_model.model.model.layers.N.self_attn.q_proj.lora_A.weight…), with any adapter_config.json.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSafetensors } from "../../../src/adapters/safetensors.js";
import { randomPeftAdapter, safetensorsBytes, writePeftAdapter, type PeftAdapterData } from "../../../src/fixtures/onnx/peft-adapter-writer.js";
import type { Qwen2LoraModule } from "../../../src/fixtures/onnx/qwen2-graph.js";
import { tinyQwen2Spec } from "../../../src/fixtures/tiny-models.js";

export interface PeftShape {
  rank: number;
  alpha: number;
  modules?: Qwen2LoraModule[];
  seed?: number;
  std?: number;
}

/** Seeded random pairs on every layer of tiny-qwen2 (q/v by default: the shared ONNX fixture's LoRA inputs). */
export function peftData(shape: PeftShape): PeftAdapterData {
  return randomPeftAdapter(tinyQwen2Spec(), { rank: shape.rank, alpha: shape.alpha, modules: shape.modules ?? ["q_proj", "v_proj"], seed: shape.seed ?? 11, std: shape.std ?? 0.3 });
}

/** Write the pairs as a PEFT folder, with extra adapter_config.json fields (use_rslora, layers_to_transform…). */
export function writePeft(dir: string, data: PeftAdapterData, config: Record<string, unknown> = {}): string {
  writePeftAdapter(data, dir);
  const path = join(dir, "adapter_config.json");
  writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, "utf8")), ...config }, null, 2));
  return dir;
}

/** Rename the tensors of a written folder (e.g. to another architecture's naming), and add some. */
export function renameTensors(dir: string, rename: (name: string) => string, extra: { name: string; shape: number[]; data: Float32Array }[] = []): void {
  const path = join(dir, "adapter_model.safetensors");
  const tensors = [...readSafetensors(path)].map(([name, t]) => ({ name: rename(name), shape: t.shape, data: t.data }));
  writeFileSync(path, safetensorsBytes([...tensors, ...extra]));
}

export function addTensors(dir: string, extra: { name: string; shape: number[]; data: Float32Array }[]): void {
  renameTensors(dir, (name) => name, extra);
}

/** A temp folder for a test file, with EMLAB_CACHE_DIR pointing inside it. */
export class AdapterTempDir {
  readonly dir = mkdtempSync(join(tmpdir(), "emlab-adapters-"));
  private readonly previousCache = process.env.EMLAB_CACHE_DIR;

  constructor() {
    process.env.EMLAB_CACHE_DIR = join(this.dir, "cache");
  }

  path(name: string): string {
    return join(this.dir, name);
  }

  dispose(): void {
    if (this.previousCache === undefined) delete process.env.EMLAB_CACHE_DIR;
    else process.env.EMLAB_CACHE_DIR = this.previousCache;
    rmSync(this.dir, { recursive: true, force: true });
  }
}
