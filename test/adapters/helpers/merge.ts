/** A model with a LoRA merged into its weights: W + s·B·A, written by emlab's own GGUF writer. */
import { GGUF_LINEAR_NAME, type PeftAdapterData } from "../../../src/fixtures/onnx/peft-adapter-writer.js";
import type { ModelSpec } from "../../../src/fixtures/spec.js";

export function mergedSpec(spec: ModelSpec, adapter: PeftAdapterData, scaling: number): ModelSpec {
  const r = adapter.rank;
  const tensors = spec.tensors.map((t) => {
    const pair = adapter.pairs.find((p) => t.name === `blk.${p.layer}.${GGUF_LINEAR_NAME[p.module]}.weight`);
    if (!pair) return t;
    // GGUF shape [in, out]: row o holds the `in` weights of output o.
    const [inF, outF] = t.shape as [number, number];
    const data = Float32Array.from(t.data as Float32Array);
    for (let o = 0; o < outF; o++) {
      for (let i = 0; i < inF; i++) {
        let delta = 0;
        for (let k = 0; k < r; k++) delta += pair.b[o * r + k]! * pair.a[k * inF + i]!;
        data[o * inF + i]! += scaling * delta;
      }
    }
    return { ...t, data };
  });
  return { ...spec, tensors };
}
