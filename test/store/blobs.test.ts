import { describe, expect, it } from "vitest";
import { decodeFloat32, decodeInt32, encodeFloat32, encodeInt32 } from "../../src/store/blobs.js";

function bits(values: Float32Array): number[] {
  return Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
}

describe("typed-array BLOBs", () => {
  it("round-trips float32 values bit for bit, including -Infinity, -0, subnormals and extremes", () => {
    const values = Float32Array.from([0, -0, -Infinity, Infinity, 1e-45, -3.4028234663852886e38, Math.fround(-0.1), 1 / 3]);
    const back = decodeFloat32(encodeFloat32(values));
    expect(bits(back)).toEqual(bits(values));
    expect(Object.is(back[1], -0)).toBe(true);
    expect(back[2]).toBe(-Infinity);
  });

  it("round-trips int32 ids at the edges of the range, and odd lengths", () => {
    for (const length of [0, 1, 3, 7, 101]) {
      const values = Int32Array.from({ length }, (_, i) => (i % 2 ? -1 : 2 ** 31 - 1 - i));
      expect(Array.from(decodeInt32(encodeInt32(values)))).toEqual(Array.from(values));
    }
    expect(Array.from(decodeInt32(encodeInt32([-(2 ** 31), 0, 151643])))).toEqual([-(2 ** 31), 0, 151643]);
  });

  it("writes little-endian bytes", () => {
    expect(Array.from(encodeInt32([1, -2]))).toEqual([1, 0, 0, 0, 0xfe, 0xff, 0xff, 0xff]);
    expect(Array.from(encodeFloat32([1]))).toEqual([0, 0, 0x80, 0x3f]);
  });

  it("encodes only the viewed part of a subarray", () => {
    const whole = Int32Array.from([10, 20, 30, 40]);
    expect(Array.from(decodeInt32(encodeInt32(whole.subarray(1, 3))))).toEqual([20, 30]);
  });

  it("reads bytes that sit at an unaligned offset into an aligned copy", () => {
    const encoded = encodeFloat32(Float32Array.from([1.5, -Infinity, 2.25]));
    const pool = Buffer.alloc(encoded.length + 1);
    encoded.copy(pool, 1);
    const unaligned = pool.subarray(1);
    expect(unaligned.byteOffset % 4).not.toBe(0);
    const back = decodeFloat32(unaligned);
    expect(back.byteOffset).toBe(0);
    expect(Array.from(back)).toEqual([1.5, -Infinity, 2.25]);
    // A copy, not a view: changing the source leaves the result alone.
    pool.fill(0);
    expect(back[0]).toBe(1.5);
  });

  it("refuses a BLOB that is not a whole number of 32-bit values", () => {
    expect(() => decodeInt32(Buffer.alloc(6), "sample x token_ids")).toThrow(/sample x token_ids.*6 bytes/);
  });
});
