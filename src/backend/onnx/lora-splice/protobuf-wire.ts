/**
 * Protocol-buffer wire format at the level of field boundaries: enough to find, copy and replace
 * fields of a message without decoding it, so every byte not touched (unknown fields included)
 * survives as it was.
 */

/** Wire types of the protobuf encoding. */
export const WireType = { VARINT: 0, I64: 1, LEN: 2, I32: 5 } as const;

/** One field occurrence in a message: `bytes.subarray(start, end)` is the whole field (tag included). */
export interface WireField {
  field: number;
  wire: number;
  start: number;
  end: number;
  /** The payload of a length-delimited field (its bytes), or the varint's value. */
  valueStart: number;
  valueEnd: number;
  varint: bigint;
}

export class WireError extends Error {}

function readVarint(bytes: Uint8Array, pos: number, end: number): { value: bigint; next: number } {
  let value = 0n;
  let shift = 0n;
  for (let i = pos; i < end && i < pos + 10; i++) {
    const b = bytes[i]!;
    value |= BigInt(b & 0x7f) << shift;
    if ((b & 0x80) === 0) return { value, next: i + 1 };
    shift += 7n;
  }
  throw new WireError(`truncated or overlong varint at byte ${pos}`);
}

/** The fields of the message in `bytes[start, end)`, in order. Throws WireError on malformed input. */
export function readFields(bytes: Uint8Array, start = 0, end = bytes.length): WireField[] {
  const fields: WireField[] = [];
  let pos = start;
  while (pos < end) {
    const tag = readVarint(bytes, pos, end);
    const field = Number(tag.value >> 3n);
    const wire = Number(tag.value & 7n);
    if (field === 0) throw new WireError(`field number 0 at byte ${pos}`);
    let valueStart = tag.next;
    let valueEnd: number;
    let varint = 0n;
    if (wire === WireType.VARINT) {
      const v = readVarint(bytes, valueStart, end);
      varint = v.value;
      valueEnd = v.next;
    } else if (wire === WireType.I64) {
      valueEnd = valueStart + 8;
    } else if (wire === WireType.I32) {
      valueEnd = valueStart + 4;
    } else if (wire === WireType.LEN) {
      const length = readVarint(bytes, valueStart, end);
      valueStart = length.next;
      valueEnd = valueStart + Number(length.value);
    } else {
      throw new WireError(`unsupported wire type ${wire} (field ${field}) at byte ${pos}`);
    }
    if (valueEnd > end) throw new WireError(`field ${field} at byte ${pos} runs past the end of its message`);
    fields.push({ field, wire, start: pos, end: valueEnd, valueStart, valueEnd, varint });
    pos = valueEnd;
  }
  return fields;
}

/** The payload bytes of a length-delimited field. */
export function payload(bytes: Uint8Array, f: WireField): Uint8Array {
  return bytes.subarray(f.valueStart, f.valueEnd);
}

export function payloadText(bytes: Uint8Array, f: WireField): string {
  return new TextDecoder().decode(payload(bytes, f));
}

/** Values of a repeated varint field, packed (one LEN field) or not. */
export function repeatedVarints(bytes: Uint8Array, fields: readonly WireField[], field: number): bigint[] {
  const out: bigint[] = [];
  for (const f of fields.filter((x) => x.field === field)) {
    if (f.wire === WireType.VARINT) {
      out.push(f.varint);
      continue;
    }
    for (let pos = f.valueStart; pos < f.valueEnd; ) {
      const v = readVarint(bytes, pos, f.valueEnd);
      out.push(v.value);
      pos = v.next;
    }
  }
  return out;
}

export function encodeVarint(value: number | bigint): Uint8Array {
  let v = BigInt(value);
  // Negative int64 values take ten bytes in two's complement.
  if (v < 0n) v += 1n << 64n;
  const out: number[] = [];
  do {
    const b = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v === 0n ? b : b | 0x80);
  } while (v !== 0n);
  return Uint8Array.from(out);
}

function tag(field: number, wire: number): Uint8Array {
  return encodeVarint((field << 3) | wire);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** A length-delimited field (a sub-message, string or bytes). */
export function lenField(field: number, content: Uint8Array | readonly Uint8Array[]): Uint8Array {
  return concatBytes(lenFieldChunks(field, content instanceof Uint8Array ? [content] : content));
}

/** The same field as chunks (its header, then the content as given), so a large message is never copied into one buffer. */
export function lenFieldChunks(field: number, content: readonly Uint8Array[]): Uint8Array[] {
  const length = content.reduce((n, c) => n + c.length, 0);
  return [concatBytes([tag(field, WireType.LEN), encodeVarint(length)]), ...content];
}

export function stringField(field: number, text: string): Uint8Array {
  return lenField(field, new TextEncoder().encode(text));
}

export function varintField(field: number, value: number | bigint): Uint8Array {
  return concatBytes([tag(field, WireType.VARINT), encodeVarint(value)]);
}
