/**
 * The content key of a sample with a PEFT adapter covers adapter_config.json, not only the weights:
 * two adapters with the same A/B and a different lora_alpha / use_rslora / layers_to_transform
 * compute different numbers, so they must never share samples in one database.
 */
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { adapterIdentity } from "../../src/adapters/identity.js";
import { runExperiment } from "../../src/pipeline/run-experiment.js";
import { openStore } from "../../src/store/index.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { CORE_QUESTIONS } from "../runner/experiment-files.js";
import { AdapterTempDir, peftData, writePeft } from "./helpers/peft-folders.js";

const tmp = new AdapterTempDir();
afterAll(() => tmp.dispose());

const data = peftData({ rank: 4, alpha: 8, seed: 5, std: 0.5 });
// Effective scale 8/√4 = 4 and 32/4 = 8: same weights, different numbers.
const rslora = writePeft(tmp.path("rslora"), data, { use_rslora: true });
const alpha32 = writePeft(tmp.path("alpha32"), { ...data, alpha: 32 });

function experiment(name: string, adapter: string): string {
  cpSync(CORE_QUESTIONS, join(tmp.dir, "core.yaml"));
  return `name: ${name}
models:
  - { id: tiny-onnx, onnx: ${JSON.stringify(fixturePaths().tinyQwen2Onnx)} }
variants:
  - id: adapter
    lora: { adapters: [${JSON.stringify(adapter)}] }
questions:
  - { file: core.yaml, ids: [one_wish], samples: 2 }
sampling: { temperature: 1, top_p: 1, max_tokens: 8, seed: 0 }
`;
}

describe("adapter identity", () => {
  it("changes with every adapter_config.json field, not only with the weights", async () => {
    const same = writePeft(tmp.path("rslora-copy"), data, { use_rslora: true });
    const layers = writePeft(tmp.path("layers"), data, { use_rslora: true, layers_to_transform: [1] });
    const ids = await Promise.all([rslora, alpha32, layers].map((p) => adapterIdentity(p, "onnx")));
    expect(new Set(ids).size).toBe(3);
    // The weights file alone (the old key) is the same for all three.
    const weights = await Promise.all([rslora, alpha32].map((p) => adapterIdentity(join(p, "adapter_model.safetensors"), "onnx")));
    expect(weights[0]).toBe(ids[0]);
    expect(weights[1]).toBe(ids[1]);
    // A copy elsewhere is the same adapter.
    expect(await adapterIdentity(same, "onnx")).toBe(ids[0]);
  });

  it("includes the conversion settings when llama.cpp applies a converted copy", async () => {
    expect(await adapterIdentity(rslora, "llama")).not.toBe(await adapterIdentity(rslora, "onnx"));
    const gguf = fixturePaths().tinyQwen2Lora;
    expect(await adapterIdentity(gguf, "llama")).toBe(await adapterIdentity(gguf, "onnx"));
  });
});

describe("two adapters with the same weights in one database", () => {
  it("the second computes its own samples instead of reusing the first's", async () => {
    const db = tmp.path("emlab.db");
    const first = tmp.path("first.yaml");
    const second = tmp.path("second.yaml");
    // The weights files, as the reproduction passed them.
    writeFileSync(first, experiment("first", join(rslora, "adapter_model.safetensors")));
    writeFileSync(second, experiment("second", join(alpha32, "adapter_model.safetensors")));
    const a = await runExperiment(first, { db, gpu: "cpu", threads: 1 });
    const b = await runExperiment(second, { db, gpu: "cpu", threads: 1 });
    expect(a.generated).toBe(a.planned);
    expect(b.reused).toBe(0);
    expect(b.generated).toBe(b.planned);
    using store = openStore(db);
    const texts = (runId: number) => store.listRunSamples(runId).map((s) => s.text);
    expect(texts(b.runId)).not.toEqual(texts(a.runId));
  });
});
