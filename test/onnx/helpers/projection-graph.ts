import { encodeModel } from "../../../src/fixtures/onnx/onnx-proto.js";
import { float32ToFloat16Bits } from "../../../src/gguf/tensor-encoding.js";
import { createRng } from "../../../src/util/random.js";

/** Shapes of the small two-projection graph: a packed q/k/v MatMul (layer 0) and a 4-bit MatMulNBits down_proj (layer 1). */
export const SMALL = { K: 32, heads: 2, kvHeads: 1, headDim: 4, N: 24, blockSize: 16 } as const;
export const QKV_COLUMNS = SMALL.heads * SMALL.headDim + 2 * SMALL.kvHeads * SMALL.headDim;
export const SMALL_CONFIG = { num_attention_heads: SMALL.heads, num_key_value_heads: SMALL.kvHeads, head_dim: SMALL.headDim, hidden_size: 8 };

const FLOAT = 1;
const UINT8 = 2;
const FLOAT16 = 10;

export function randomFloats(n: number, seed: number, scale = 1): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: n }, () => (rng() * 2 - 1) * scale);
}

function raw(data: Float32Array, half: boolean): Uint8Array {
  if (half) return new Uint8Array(Uint16Array.from(data, float32ToFloat16Bits).buffer);
  return new Uint8Array(data.buffer.slice(0));
}

/**
 * x [1, S, K] → qkv = x·W (genai-style node name, packed columns q|k|v) and
 * down = MatMulNBits(x) (arbitrary packed 4-bit weights, per-block scales), both graph outputs.
 * `half`: activations, weights and scales in float16 (q4f16 math).
 */
export function smallProjectionModel(half: boolean, names = { qkv: "/model/layers.0/attn/qkv_proj/MatMul", down: "/model/layers.1/mlp/down_proj/MatMulNBits", qkvWeight: "model.layers.0.attn.qkv_proj.MatMul.weight" }): Uint8Array {
  const { K, N, blockSize } = SMALL;
  const type = half ? FLOAT16 : FLOAT;
  const blocks = K / blockSize;
  const rng = createRng(11);
  const packed = Uint8Array.from({ length: N * blocks * (blockSize / 2) }, () => Math.floor(rng() * 256));
  const tensorInput = (name: string, dims: (number | string)[]) => ({
    name,
    type: { tensor_type: { elem_type: type, shape: { dim: dims.map((d) => (typeof d === "number" ? { dim_value: d } : { dim_param: d })) } } },
  });
  const int = (name: string, i: number) => ({ name, type: 2, i });
  return encodeModel({
    ir_version: 8,
    producer_name: "emlab-test",
    graph: {
      name: "projections",
      node: [
        { name: names.qkv, op_type: "MatMul", input: ["x", names.qkvWeight], output: ["qkv"] },
        {
          name: names.down,
          op_type: "MatMulNBits",
          domain: "com.microsoft",
          input: ["x", "onnx::MatMul_7_Q4", "onnx::MatMul_7_scales"],
          output: ["down"],
          attribute: [int("K", K), int("N", N), int("bits", 4), int("block_size", blockSize)],
        },
      ],
      initializer: [
        { name: names.qkvWeight, dims: [K, QKV_COLUMNS], data_type: type, raw_data: raw(randomFloats(K * QKV_COLUMNS, 3, 0.2), half) },
        { name: "onnx::MatMul_7_Q4", dims: [N, blocks, blockSize / 2], data_type: UINT8, raw_data: packed },
        { name: "onnx::MatMul_7_scales", dims: [N * blocks], data_type: type, raw_data: raw(randomFloats(N * blocks, 4, 0.05), half) },
      ],
      input: [tensorInput("x", [1, "sequence_length", K])],
      output: [tensorInput("qkv", [1, "sequence_length", QKV_COLUMNS]), tensorInput("down", [1, "sequence_length", N])],
    },
    opset_import: [
      { domain: "", version: 17 },
      { domain: "com.microsoft", version: 1 },
    ],
  });
}
