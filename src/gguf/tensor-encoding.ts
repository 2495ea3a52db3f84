/**
 * Encoding (and decoding, for checks) of tensor data in the three types emlab writes.
 * Q8_0 follows ggml's reference quantiser: blocks of 32 values, one f16 scale amax/127 and 32 int8s.
 */
import { GGML_TYPE_ID, type WritableTensorType } from "./ggml-types.js";

const Q8_0_BLOCK = 32;
const Q8_0_BYTES = 34;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** IEEE half-precision bits of a float, rounding to nearest even (like a hardware conversion). */
export function float32ToFloat16Bits(value: number): number {
  f32[0] = value;
  const bits = u32[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  let mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0);
  const e = exponent - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mantissa |= 0x800000;
    const shift = 14 - e;
    let half = mantissa >>> shift;
    const rest = mantissa & ((1 << shift) - 1);
    const halfway = 1 << (shift - 1);
    if (rest > halfway || (rest === halfway && half & 1)) half++;
    return sign | half;
  }
  let half = (e << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  // A carry out of the mantissa correctly bumps the exponent (and overflows to infinity).
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half++;
  return sign | half;
}

export function float16BitsToFloat32(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 0x1f) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}

/** Bytes of `elements` values (rows of `rowLength`) in a writable type. */
export function encodedBytes(type: WritableTensorType, elements: number): number {
  if (type === "F32") return elements * 4;
  if (type === "F16") return elements * 2;
  return (elements / Q8_0_BLOCK) * Q8_0_BYTES;
}

/** Encode values (a whole number of rows) as little-endian tensor data. */
export function encodeTensorData(type: WritableTensorType, values: Float32Array): Buffer {
  const out = Buffer.alloc(encodedBytes(type, values.length));
  // Plain byte stores: Buffer's write methods bounds-check every call, too slow for 500 MB presets.
  if (type === "F32") {
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i]!, true);
  } else if (type === "F16") {
    for (let i = 0; i < values.length; i++) {
      const half = float32ToFloat16Bits(values[i]!);
      out[i * 2] = half & 0xff;
      out[i * 2 + 1] = half >>> 8;
    }
  } else {
    if (values.length % Q8_0_BLOCK !== 0) throw new Error(`Q8_0 needs a multiple of ${Q8_0_BLOCK} values, got ${values.length}`);
    for (let block = 0; block < values.length / Q8_0_BLOCK; block++) {
      const base = block * Q8_0_BLOCK;
      let amax = 0;
      for (let j = 0; j < Q8_0_BLOCK; j++) amax = Math.max(amax, Math.abs(values[base + j]!));
      const d = amax / 127;
      const inverse = d ? 1 / d : 0;
      const at = block * Q8_0_BYTES;
      const half = float32ToFloat16Bits(d);
      out[at] = half & 0xff;
      out[at + 1] = half >>> 8;
      for (let j = 0; j < Q8_0_BLOCK; j++) {
        const x = values[base + j]! * inverse;
        // ggml rounds half away from zero (roundf); Math.round would round -0.5 up.
        const q = Math.max(-127, Math.min(127, x < 0 ? -Math.round(-x) : Math.round(x)));
        out[at + 2 + j] = q & 0xff;
      }
    }
  }
  return out;
}

/** Decode F32, F16 or Q8_0 tensor data back to floats. */
export function decodeTensorData(typeId: number, data: Uint8Array, elements: number): Float32Array {
  const view = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const out = new Float32Array(elements);
  if (typeId === GGML_TYPE_ID.F32) {
    for (let i = 0; i < elements; i++) out[i] = view.readFloatLE(i * 4);
  } else if (typeId === GGML_TYPE_ID.F16) {
    for (let i = 0; i < elements; i++) out[i] = float16BitsToFloat32(view.readUInt16LE(i * 2));
  } else if (typeId === GGML_TYPE_ID.Q8_0) {
    for (let block = 0; block < elements / Q8_0_BLOCK; block++) {
      const at = block * Q8_0_BYTES;
      const d = float16BitsToFloat32(view.readUInt16LE(at));
      for (let j = 0; j < Q8_0_BLOCK; j++) out[block * Q8_0_BLOCK + j] = d * view.readInt8(at + 2 + j);
    }
  } else {
    throw new Error(`decoding ggml type ${typeId} is not supported`);
  }
  return out;
}
