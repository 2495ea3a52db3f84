/**
 * Per-token arrays as BLOBs: the raw little-endian bytes of an Int32Array or Float32Array.
 * One BLOB per sample instead of one row per token keeps the database small and reads fast.
 *
 * Reading copies the bytes into a fresh, 4-byte-aligned ArrayBuffer: Buffers handed out by
 * better-sqlite3 may sit at any offset of a shared pool, and a typed-array view over them would
 * both misalign and alias memory that SQLite's driver may reuse.
 */

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

type Typed32 = Int32Array | Float32Array;

/** Little-endian bytes of a 32-bit typed array (a copy, so later changes to the array do not leak in). */
export function encodeTyped32(values: Typed32): Buffer {
  const out = Buffer.alloc(values.byteLength);
  out.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  if (!HOST_IS_LITTLE_ENDIAN) out.swap32();
  return out;
}

export function encodeInt32(values: Int32Array | readonly number[]): Buffer {
  return encodeTyped32(values instanceof Int32Array ? values : Int32Array.from(values));
}

export function encodeFloat32(values: Float32Array | readonly number[]): Buffer {
  return encodeTyped32(values instanceof Float32Array ? values : Float32Array.from(values));
}

function alignedCopy(blob: Uint8Array, what: string): ArrayBuffer {
  if (blob.byteLength % 4 !== 0) {
    throw new Error(`corrupt ${what} BLOB: ${blob.byteLength} bytes is not a whole number of 32-bit values`);
  }
  const buffer = new ArrayBuffer(blob.byteLength);
  const bytes = new Uint8Array(buffer);
  bytes.set(blob);
  if (!HOST_IS_LITTLE_ENDIAN) Buffer.from(buffer).swap32();
  return buffer;
}

export function decodeInt32(blob: Uint8Array, what = "int32"): Int32Array {
  return new Int32Array(alignedCopy(blob, what));
}

export function decodeFloat32(blob: Uint8Array, what = "float32"): Float32Array {
  return new Float32Array(alignedCopy(blob, what));
}
