/**
 * `lora:` in experiment files, as researchers compare finetunes: PEFT folders beside GGUF files,
 * per-adapter scales (one fixed, one swept), checkpoint patterns ordered by step, `models:` to tie
 * an adapter to the models it fits, and misfits reported at validation with file:line.
 */
import { cpSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { expandExperiment } from "../../src/experiment/expand.js";
import { parseExperiment } from "../../src/experiment/load-experiment.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { CORE_QUESTIONS } from "../runner/experiment-files.js";
import { AdapterTempDir, addTensors, peftData, writePeft } from "./helpers/peft-folders.js";

const tmp = new AdapterTempDir();
afterAll(() => tmp.dispose());
cpSync(CORE_QUESTIONS, tmp.path("core.yaml"));
const paths = fixturePaths();
const data = peftData({ rank: 2, alpha: 4, seed: 51 });
writePeft(tmp.path("medical"), data, { use_rslora: true });
for (const step of [1000, 50, 200]) writePeft(tmp.path(`runs/medical/checkpoint-${step}`), data, { lora_alpha: step / 50 });
mkdirSync(tmp.path("runs/empty"), { recursive: true });

/** An experiment with two GGUF models and the given variants block. */
function plan(variants: string, models = `  - { id: qwen, gguf: ${JSON.stringify(paths.tinyQwen2)} }\n  - { id: llama, gguf: ${JSON.stringify(paths.tinyLlama)} }\n`) {
  const text = `models:\n${models}variants:\n${variants}questions:\n  - { file: core.yaml, ids: [one_wish], samples: 1 }\n`;
  return expandExperiment(parseExperiment(text, join(tmp.dir, "exp.yaml")));
}
function failure(variants: string, models?: string): string {
  try {
    plan(variants, models);
  } catch (error) {
    return (error as Error).message.replace(tmp.dir + "/", "");
  }
  throw new Error("expected a validation error");
}
const qwenOnly = `  - { id: qwen, gguf: ${JSON.stringify(paths.tinyQwen2)} }\n`;

describe("lora: in experiment files", () => {
  it("stacks a PEFT folder with a GGUF LoRA, one at a fixed scale, the other swept", () => {
    const p = plan(`  - id: stack\n    lora:\n      adapters: [{ path: medical, scale: 1 }, { path: ${JSON.stringify(paths.tinyQwen2Lora)}, scale: [0, 0.5] }]\n      models: [qwen]\n`);
    expect(p.conditions.map((c) => c.label)).toEqual(["qwen/stack scale=0", "qwen/stack scale=0.5"]);
    expect(p.conditions.map((c) => c.weights.lora)).toEqual([
      [{ path: tmp.path("medical"), scale: 1 }, { path: paths.tinyQwen2Lora, scale: 0 }],
      [{ path: tmp.path("medical"), scale: 1 }, { path: paths.tinyQwen2Lora, scale: 0.5 }],
    ]);
    expect(p.conditions[1]!.meta).toMatchObject({ loraScale: 0.5, checkpointStep: null, adapters: [{ path: "medical", scale: 1 }, { path: paths.tinyQwen2Lora, scale: 0.5 }] });
  });

  it("keeps `scales` sweeping every adapter together, as before", () => {
    const p = plan(`  - id: both\n    lora: { adapters: [medical, runs/medical/checkpoint-50], scales: [0, 2] }\n`, qwenOnly);
    expect(p.conditions.map((c) => c.weights.lora.map((l) => l.scale))).toEqual([[0, 0], [2, 2]]);
  });

  it("makes one variant per checkpoint of a pattern, ordered by training step", () => {
    const p = plan(`  - id: medical\n    lora: { adapters: "runs/medical/checkpoint-*" }\n`, qwenOnly);
    expect(p.conditions.map((c) => c.label)).toEqual(["medical/checkpoint-50 scale=1", "medical/checkpoint-200 scale=1", "medical/checkpoint-1000 scale=1"]);
    expect(p.conditions.map((c) => c.meta.checkpointStep)).toEqual([50, 200, 1000]);
    expect(p.conditions.map((c) => c.weights.lora[0]!.path)).toEqual([50, 200, 1000].map((s) => tmp.path(`runs/medical/checkpoint-${s}`)));
    expect(new Set(p.conditions.map((c) => c.key)).size).toBe(3);
  });

  it("applies a variant only to the models named in lora.models", () => {
    const p = plan(`  - id: base\n  - id: medical\n    lora: { adapters: [medical], models: [qwen] }\n`);
    expect(p.conditions.map((c) => c.label)).toEqual(["qwen/base", "qwen/medical scale=1", "llama/base"]);
  });

  it("reports misfits and bad settings at validation, at the adapter's line", () => {
    // tiny-qwen2-lora adapts output.weight for qwen2's vocabulary; tiny-llama is another architecture.
    expect(failure(`  - id: lm\n    lora:\n      adapters:\n        - ${JSON.stringify(paths.tinyQwen2Lora)}\n`)).toMatch(
      /^exp\.yaml:8: adapter .*tiny-qwen2-lora\.gguf does not fit model llama: the adapter is for architecture 'qwen2', the model tiny-llama\.gguf is 'llama' \(lora\.models can restrict/,
    );
    const deep = writePeft(tmp.path("deep"), { ...data, pairs: data.pairs.map((p) => ({ ...p, layer: p.layer + 2 })) });
    expect(failure(`  - id: deep\n    lora: { adapters: [${JSON.stringify(deep)}] }\n`, qwenOnly)).toMatch(/^exp\.yaml:5: adapter .*deep does not fit model qwen: layer 2 q_proj: the base model tiny-qwen2\.gguf has 2 layers/);
    // The ONNX model is checked against its config.json.
    const onnx = `  - { id: onnx, onnx: ${JSON.stringify(paths.tinyQwen2Onnx)} }\n`;
    expect(failure(`  - id: deep\n    lora: { adapters: [${JSON.stringify(deep)}] }\n`, onnx)).toMatch(/^exp\.yaml:5: adapter .*deep does not fit model onnx: layer 2 q_proj: the base model tiny-qwen2-onnx has 2 layers/);
    expect(plan(`  - id: fits\n    lora: { adapters: [medical] }\n`, onnx).conditions).toHaveLength(1);
    const embeddings = writePeft(tmp.path("embeddings"), data);
    addTensors(embeddings, [
      { name: "base_model.model.model.embed_tokens.lora_embedding_A", shape: [2, 8], data: new Float32Array(16) },
      { name: "base_model.model.model.embed_tokens.lora_embedding_B", shape: [64, 2], data: new Float32Array(128) },
    ]);
    expect(failure(`  - id: emb\n    lora: { adapters: [embeddings] }\n`, onnx)).toMatch(/^exp\.yaml:5: adapter embeddings does not fit model onnx: embed_tokens: the ONNX engine takes no LoRA on the embeddings/);

    expect(failure(`  - id: x\n    lora: { adapters: [medical], models: [mistral] }\n`)).toMatch(/^exp\.yaml:5: variant x: lora\.models names 'mistral', which is not a model of this experiment \(qwen, llama\)/);
    expect(failure(`  - id: x\n    lora: { adapters: ["runs/empty/checkpoint-*"] }\n`, qwenOnly)).toMatch(/^exp\.yaml:5: variants\[0\]\.lora\.adapters\[0\]: no checkpoint matches runs\/empty\/checkpoint-\*/);
    expect(failure(`  - id: x\n    lora: { adapters: [runs/empty] }\n`, qwenOnly)).toMatch(/^exp\.yaml:5: .*runs\/empty is a folder without adapter_config\.json/);
    expect(failure(`  - id: x\n    lora: { adapters: [{ path: medical, scale: [0, 1] }, { path: deep, scale: [1, 2] }] }\n`, qwenOnly)).toMatch(/^exp\.yaml:5: .*one swept adapter per variant/);
    expect(failure(`  - id: x\n    lora: { adapters: [{ path: medical, scale: [0, 1] }], scales: [0, 1] }\n`, qwenOnly)).toMatch(/^exp\.yaml:5: .*`scales` and an adapter's own list of scales cannot both sweep/);
  });
});
