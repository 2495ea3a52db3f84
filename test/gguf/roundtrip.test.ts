import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { gguf, type GgufMetadata } from "../../src/gguf/metadata.js";
import { readGgufInfo, readGgufTensor } from "../../src/gguf/reader.js";
import { float16BitsToFloat32, float32ToFloat16Bits } from "../../src/gguf/tensor-encoding.js";
import { writeGguf, type GgufFileInput } from "../../src/gguf/writer.js";

const dir = mkdtempSync(join(tmpdir(), "emlab-gguf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const metadata: GgufMetadata = {
  "general.architecture": gguf.str("qwen2"),
  "test.u8": { type: "u8", value: 200 },
  "test.i8": { type: "i8", value: -100 },
  "test.u16": { type: "u16", value: 60000 },
  "test.i16": { type: "i16", value: -30000 },
  "test.u32": gguf.u32(4_000_000_000),
  "test.i32": gguf.i32(-2_000_000_000),
  "test.f32": gguf.f32(0.5),
  "test.f64": { type: "f64", value: Math.PI },
  "test.u64": gguf.u64(2n ** 60n),
  "test.i64": { type: "i64", value: -(2n ** 60n) },
  "test.bool": gguf.bool(true),
  "test.string": gguf.str("héllo <|im_end|>\n"),
  "test.strings": gguf.array("string", ["a", "", "Ġthe", "ü"]),
  "test.ints": gguf.array("i32", [1, -2, 3]),
  "test.floats": gguf.array("f32", [0.25, -1.5]),
  "test.empty": gguf.array("u32", []),
};

const ramp = (n: number, scale = 0.01) => Float32Array.from({ length: n }, (_, i) => (i - n / 2) * scale);

const input: GgufFileInput = {
  metadata,
  tensors: [
    { name: "a.f32", shape: [3, 5], type: "F32", data: ramp(15) },
    { name: "b.f16", shape: [7], type: "F16", data: ramp(7, 0.3) },
    { name: "c.q8", shape: [64, 3], type: "Q8_0", data: ramp(192) },
    // Data given as chunks of whole rows, as the large preset does.
    { name: "d.chunked", shape: [32, 4], type: "Q8_0", data: () => [ramp(64), ramp(64, 0.02)] },
  ],
};

describe("GGUF writer → reader", () => {
  const path = join(dir, "roundtrip.gguf");
  writeGguf(path, input);
  const info = readGgufInfo(path);

  it("reads back every metadata type, in order", () => {
    expect(info.version).toBe(3);
    expect(Object.keys(info.metadata)).toEqual(Object.keys(metadata));
    expect(info.metadata["test.f32"]).toEqual({ type: "f32", value: 0.5 });
    expect(info.metadata["test.u64"]).toEqual({ type: "u64", value: 2n ** 60n });
    for (const key of Object.keys(metadata)) expect(info.metadata[key]).toEqual(metadata[key]);
  });

  it("reads back tensor infos with 32-byte aligned data offsets", () => {
    expect(info.tensors.map((t) => [t.name, t.typeName, t.shape])).toEqual([
      ["a.f32", "F32", [3, 5]],
      ["b.f16", "F16", [7]],
      ["c.q8", "Q8_0", [64, 3]],
      ["d.chunked", "Q8_0", [32, 4]],
    ]);
    for (const t of info.tensors) expect(t.offset % 32).toBe(0);
    expect(info.tensors[2]!.bytes).toBe(6 * 34);
  });

  it("round-trips tensor values (exact for F32, within the type's precision otherwise)", () => {
    expect(readGgufTensor(info, "a.f32")).toEqual(ramp(15));
    const f16 = readGgufTensor(info, "b.f16");
    ramp(7, 0.3).forEach((v, i) => expect(f16[i]).toBeCloseTo(v, 3));
    const q8 = readGgufTensor(info, "c.q8");
    // Q8_0: at most half a quantisation step (block max / 127), plus the f16 rounding of the scale.
    const halfStep = 0.96 / 127 / 2 + 0.96 * 2 ** -11;
    ramp(192).forEach((v, i) => expect(Math.abs(q8[i]! - v)).toBeLessThan(halfStep));
    const chunked = readGgufTensor(info, "d.chunked");
    expect(Math.abs(chunked[100]! - ramp(64, 0.02)[36]!)).toBeLessThan(0.01);
  });

  it("rejects data that does not match the shape", () => {
    const short: GgufFileInput = { metadata: {}, tensors: [{ name: "x", shape: [4, 3], type: "F32", data: ramp(8) }] };
    expect(() => writeGguf(join(dir, "bad.gguf"), short)).toThrow(/8 values for shape \[4,3\]/);
    const ragged: GgufFileInput = { metadata: {}, tensors: [{ name: "x", shape: [4, 2], type: "F32", data: ramp(6) }] };
    expect(() => writeGguf(join(dir, "bad.gguf"), ragged)).toThrow(/not a whole number of rows/);
    const q8: GgufFileInput = { metadata: {}, tensors: [{ name: "y", shape: [10], type: "Q8_0", data: ramp(10) }] };
    expect(() => writeGguf(join(dir, "bad.gguf"), q8)).toThrow(/multiple of 32/);
  });

  it("writes byte-identical files for the same input", () => {
    const again = join(dir, "again.gguf");
    writeGguf(again, input);
    expect(readFileSync(again).equals(readFileSync(path))).toBe(true);
  });
});

describe("float16 conversion", () => {
  it("rounds to nearest even and handles the special values", () => {
    expect(float32ToFloat16Bits(1)).toBe(0x3c00);
    expect(float32ToFloat16Bits(-2)).toBe(0xc000);
    expect(float32ToFloat16Bits(65504)).toBe(0x7bff);
    expect(float32ToFloat16Bits(1e6)).toBe(0x7c00);
    expect(float32ToFloat16Bits(2 ** -24)).toBe(0x0001);
    expect(float32ToFloat16Bits(2 ** -26)).toBe(0);
    expect(float32ToFloat16Bits(1 + 2 ** -11)).toBe(0x3c00); // halfway: ties to even
    expect(float32ToFloat16Bits(1 + 3 * 2 ** -11)).toBe(0x3c02);
    expect(Number.isNaN(float16BitsToFloat32(float32ToFloat16Bits(NaN)))).toBe(true);
    for (const v of [0.1, -3.75, 1000, 6.1e-5]) expect(float16BitsToFloat32(float32ToFloat16Bits(v))).toBeCloseTo(v, 2);
  });
});
