import { describe, expect, it } from "vitest";
import { ort } from "../../src/backend/onnx/runtime.js";
import { GraphBuilder } from "../../src/fixtures/onnx/graph-builder.js";
import { encodeModel, OnnxDataType } from "../../src/fixtures/onnx/onnx-proto.js";
import { addMatMulNBits, dequantize4Bit, quantize4Bit } from "../../src/fixtures/onnx/quantize-4bit.js";
import { addMatMulBnb4, dequantizeBnb4, quantizeBnb4 } from "../../src/fixtures/onnx/quantize-bnb4.js";
import { dequantize8Bit, quantize8Bit } from "../../src/fixtures/onnx/quantize-8bit.js";
import { createRng } from "../../src/util/random.js";
import { maxAbsDiff } from "./helpers/compare.js";

/**
 * The 4-bit block quantizer writes what onnxruntime's MatMulNBits reads: the kernel's product
 * equals x @ dequantize(W), and dequantization stays within half a step of every weight.
 */
function randomMatrix(K: number, N: number, seed: number): Float32Array {
  const rng = createRng(seed);
  return Float32Array.from({ length: K * N }, () => (rng() - 0.5) * 0.2);
}

/** Run a one-product graph y = x @ W (W added by `add`) on a [rows, K] input. */
async function runGraph(add: (g: GraphBuilder) => string, x: Float32Array, rows: number, K: number, N: number): Promise<Float32Array> {
  const g = new GraphBuilder();
  g.input("x", OnnxDataType.FLOAT, [rows, K]);
  g.op("Identity", [add(g)], {}, "y");
  g.output("y", OnnxDataType.FLOAT, [rows, N]);
  const bytes = encodeModel({
    ir_version: 8,
    graph: g.toGraph("q4"),
    opset_import: [
      { domain: "", version: 17 },
      { domain: "com.microsoft", version: 1 },
    ],
  });
  const session = await ort.InferenceSession.create(bytes);
  const out = await session.run({ x: new ort.Tensor("float32", x, [rows, K]) });
  await session.release();
  return out.y!.data as Float32Array;
}

describe("weight quantizers: quantize4Bit (MatMulNBits, bits 4) and quantize8Bit", () => {
  for (const symmetric of [false, true]) {
    for (const [K, N, blockSize] of [
      [64, 24, 32],
      [40, 8, 16], // K not a whole number of blocks: padded
    ] as const) {
      it(`${symmetric ? "symmetric" : "asymmetric"} K=${K} N=${N} block ${blockSize}: onnxruntime multiplies by the dequantized matrix`, async () => {
        const w = randomMatrix(K, N, K + N + blockSize);
        const q = quantize4Bit(w, K, N, { blockSize, symmetric });
        expect(q.zeroPoints === null).toBe(symmetric);
        const deq = dequantize4Bit(q);
        // Asymmetric: within half a step. Symmetric: the side opposite the extreme ends one level short (7 vs 8 steps).
        const bound = symmetric ? 1 : 0.5;
        for (let k = 0; k < K; k++) {
          for (let n = 0; n < N; n++) {
            const scale = Math.abs(q.scales[n * q.blocks + Math.floor(k / blockSize)]!);
            expect(Math.abs(deq[k * N + n]! - w[k * N + n]!)).toBeLessThanOrEqual(scale * bound + 1e-7);
          }
        }
        const rows = 3;
        const x = randomMatrix(rows, K, 7);
        const y = await runGraph((g) => addMatMulNBits(g, "x", "w", q, "float32"), x, rows, K, N);
        for (let r = 0; r < rows; r++) {
          for (let n = 0; n < N; n++) {
            let expected = 0;
            for (let k = 0; k < K; k++) expected += x[r * K + k]! * deq[k * N + n]!;
            expect(Math.abs(y[r * N + n]! - expected)).toBeLessThan(1e-5);
          }
        }
      });
    }
  }

  it("quantize8Bit: int8 symmetric in [-127, 127], uint8 with a zero point, both within half a step", () => {
    const w = randomMatrix(16, 8, 3);
    const signed = quantize8Bit(w, 16, 8);
    expect(Math.max(...Array.from(signed.values, Math.abs))).toBe(127);
    expect(signed.zeroPoint).toBe(0);
    const unsigned = quantize8Bit(w, 16, 8, { signed: false });
    expect([Math.min(...unsigned.values), Math.max(...unsigned.values)]).toEqual([0, 255]);
    for (const q of [signed, unsigned]) expect(maxAbsDiff(dequantize8Bit(q), w)).toBeLessThanOrEqual(q.scale / 2 + 1e-7);
  });

  it("rejects block sizes MatMulNBits does not take", () => {
    expect(() => quantize4Bit(new Float32Array(48), 48, 1, { blockSize: 24 })).toThrow(/power of two/);
  });
});

describe("quantizeBnb4 (MatMulBnb4, NF4)", () => {
  it("onnxruntime multiplies by the dequantized matrix", async () => {
    const [K, N, rows] = [64, 24, 3];
    const w = randomMatrix(K, N, 11);
    const q = quantizeBnb4(w, K, N, 64);
    const deq = dequantizeBnb4(q);
    // NF4's widest gap is between -1 and -0.696: half of it, times the block's absmax.
    expect(maxAbsDiff(deq, w)).toBeLessThanOrEqual(0.16 * Math.max(...q.absmax));
    const x = randomMatrix(rows, K, 12);
    const y = await runGraph((g) => addMatMulBnb4(g, "x", "w", q), x, rows, K, N);
    for (let r = 0; r < rows; r++) {
      for (let n = 0; n < N; n++) {
        let expected = 0;
        for (let k = 0; k < K; k++) expected += x[r * K + k]! * deq[k * N + n]!;
        expect(Math.abs(y[r * N + n]! - expected)).toBeLessThan(1e-5);
      }
    }
  });
});
