import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OnnxBackend } from "../../src/backend/onnx/onnx-model.js";
import type { LoadedModel } from "../../src/backend/types.js";
import { GGUF_LINEAR_NAME, randomPeftAdapter, writePeftAdapter, type PeftAdapterData } from "../../src/fixtures/onnx/peft-adapter-writer.js";
import type { ModelSpec } from "../../src/fixtures/spec.js";
import { tempOnnxModel } from "./helpers/model-dir.js";
import { randomQwen2Spec } from "../../src/fixtures/onnx/random-qwen2-spec.js";


/** W + s·B·A merged offline into the spec's GGUF-layout weights ([out][in] row-major). */
function merged(spec: ModelSpec, adapter: PeftAdapterData, s: number): ModelSpec {
  const tensors = spec.tensors.map((t) => ({ ...t, data: t.data.slice() }));
  for (const p of adapter.pairs) {
    const t = tensors.find((x) => x.name === `blk.${p.layer}.${GGUF_LINEAR_NAME[p.module]}.weight`)!;
    const [inF, outF] = t.shape as [number, number];
    for (let o = 0; o < outF; o++)
      for (let i = 0; i < inF; i++) {
        let delta = 0;
        for (let k = 0; k < adapter.rank; k++) delta += p.b[o * adapter.rank + k]! * p.a[k * inF + i]!;
        t.data[o * inF + i]! += s * delta;
      }
  }
  return { ...spec, tensors };
}

const spec = randomQwen2Spec({ seed: 5 });
const adapter = randomPeftAdapter(spec, { rank: 4, alpha: 8, modules: ["q_proj", "v_proj", "down_proj"], seed: 9 });
const fixtures: { dir: string; cleanup: () => void }[] = [];
let base: LoadedModel;
let mergedModel: LoadedModel;
let adapterDir: string;
let prompt: number[];

beforeAll(async () => {
  const withLora = tempOnnxModel(spec, { loraModules: ["q_proj", "k_proj", "v_proj", "down_proj"] });
  const plainMerge = tempOnnxModel(merged(spec, adapter, 1.5 * (8 / 4)));
  fixtures.push(withLora, plainMerge);
  adapterDir = join(withLora.dir, "..", "adapter");
  writePeftAdapter(adapter, adapterDir);
  base = await new OnnxBackend().load({ path: withLora.dir, gpu: "cpu", threads: 2 });
  mergedModel = await new OnnxBackend().load({ path: plainMerge.dir, gpu: "cpu", threads: 2 });
  prompt = base.chatTokens([{ role: "user", content: "Give me some advice." }]);
});

afterAll(async () => {
  await base?.dispose();
  await mergedModel?.dispose();
  for (const f of fixtures) f.cleanup();
});

describe("ONNX LoRA through graph inputs", () => {
  it("matches the offline-merged weights at scale 1.5", async () => {
    const lora = await base.openSession({ lora: [{ path: adapterDir, scale: 1.5 }] });
    const plain = await mergedModel.openSession();
    const a = (await lora.nextToken(prompt, { full: true })).full!;
    const b = (await plain.nextToken(prompt, { full: true })).full!;
    a.forEach((lp, i) => expect(lp).toBeCloseTo(b[i]!, 4));
    const base0 = (await (await base.openSession()).nextToken(prompt, { full: true })).full!;
    expect(Math.max(...Array.from(a, (lp, i) => Math.abs(lp - base0[i]!)))).toBeGreaterThan(1e-2);
  });

  it("is bit-identical to the base model at scale 0", async () => {
    const zero = await base.openSession({ lora: [{ path: adapterDir, scale: 0 }] });
    const plain = await base.openSession();
    expect(Array.from((await zero.nextToken(prompt, { full: true })).full!)).toEqual(Array.from((await plain.nextToken(prompt, { full: true })).full!));
  });

  it("adds two adapters' effects (the same adapter at 0.5 and 1.0 equals 1.5)", async () => {
    const twice = await base.openSession({ lora: [{ path: adapterDir, scale: 0.5 }, { path: adapterDir, scale: 1 }] });
    const plain = await mergedModel.openSession();
    const a = (await twice.nextToken(prompt, { full: true })).full!;
    const b = (await plain.nextToken(prompt, { full: true })).full!;
    a.forEach((lp, i) => expect(lp).toBeCloseTo(b[i]!, 4));
  });

  it("rejects an adapter for modules the export takes no inputs for", async () => {
    const other = randomPeftAdapter(spec, { rank: 2, alpha: 2, modules: ["o_proj"], seed: 1 });
    const dir = join(adapterDir, "..", "adapter-o");
    writePeftAdapter(other, dir);
    await expect(base.openSession({ lora: [{ path: dir, scale: 1 }] })).rejects.toThrow(/o_proj, which this ONNX export takes no LoRA input for/);
  });
});
