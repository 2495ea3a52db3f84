import { float16ToFloat32 } from "../../util/float16.js";

type Float16ArrayLike = ArrayBufferView & { length: number };

/**
 * The IEEE half-precision bit patterns of a float16 tensor's data, whatever typed array the runtime
 * handed over: onnxruntime gives Uint16Array bit patterns where the JavaScript engine has no
 * Float16Array, and Float16Array values (numbers, same bytes) where it has one. Reading the latter
 * as bit patterns, or the former as values, silently gives wrong numbers.
 */
export function float16Bits(data: unknown): Uint16Array {
  if (data instanceof Uint16Array) return data;
  const Float16 = (globalThis as { Float16Array?: new (...args: never[]) => Float16ArrayLike }).Float16Array;
  if (Float16 && data instanceof Float16) return new Uint16Array(data.buffer, data.byteOffset, data.length);
  const kind = (data as { constructor?: { name?: string } } | null)?.constructor?.name ?? typeof data;
  throw new TypeError(`a float16 tensor came back as ${kind}, neither Uint16Array bit patterns nor a Float16Array`);
}

/** A float16 tensor's values as float32 (logits). */
export function float16Values(data: unknown): Float32Array {
  return float16ToFloat32(float16Bits(data));
}

/** A float32 tensor's data, checked. */
export function float32Values(data: unknown): Float32Array {
  if (data instanceof Float32Array) return data;
  throw new TypeError(`a float32 tensor came back as ${(data as { constructor?: { name?: string } } | null)?.constructor?.name ?? typeof data}`);
}
