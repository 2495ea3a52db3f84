import { closeSync, openSync, readSync } from "node:fs";
import { EmlabError } from "../../../errors.js";
import { ModelField, readMetadata } from "./onnx-wire.js";
import { readFields, WireType } from "./protobuf-wire.js";

/**
 * ModelProto.metadata_props of an .onnx file, read by walking the top-level fields with positioned
 * reads: the graph (most of the file) is skipped, never loaded.
 */
export function readOnnxMetadata(path: string): Map<string, string> {
  const fd = openSync(path, "r");
  try {
    const out = new Map<string, string>();
    const head = Buffer.alloc(20);
    for (let pos = 0; ; ) {
      const got = readSync(fd, head, 0, head.length, pos);
      if (got === 0) return out;
      const { field, wire, headerLength, valueLength } = fieldHeader(head.subarray(0, got), path, pos);
      const size = headerLength + valueLength;
      if (field === ModelField.METADATA_PROPS && wire === WireType.LEN) {
        const entry = Buffer.alloc(size);
        readSync(fd, entry, 0, size, pos);
        for (const [k, v] of readMetadata(entry, readFields(entry))) out.set(k, v);
      }
      pos += size;
    }
  } finally {
    closeSync(fd);
  }
}

/** Tag and length of the field starting at `bytes[0]`, from at most 20 bytes. */
function fieldHeader(bytes: Uint8Array, path: string, pos: number): { field: number; wire: number; headerLength: number; valueLength: number } {
  const varint = (at: number): [number, number] => {
    let value = 0;
    for (let i = at, scale = 1; i < bytes.length; i++, scale *= 128) {
      value += (bytes[i]! & 0x7f) * scale;
      if ((bytes[i]! & 0x80) === 0) return [value, i + 1];
    }
    throw new EmlabError(`${path}: not an ONNX model (bad field header at byte ${pos})`);
  };
  const [tag, afterTag] = varint(0);
  const wire = tag % 8;
  const field = Math.floor(tag / 8);
  if (wire === WireType.LEN) {
    const [length, afterLength] = varint(afterTag);
    return { field, wire, headerLength: afterLength, valueLength: length };
  }
  if (wire === WireType.VARINT) return { field, wire, headerLength: varint(afterTag)[1], valueLength: 0 };
  if (wire === WireType.I64 || wire === WireType.I32) return { field, wire, headerLength: afterTag, valueLength: wire === WireType.I64 ? 8 : 4 };
  throw new EmlabError(`${path}: not an ONNX model (wire type ${wire} at byte ${pos})`);
}
