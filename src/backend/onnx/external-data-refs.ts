import { closeSync, openSync, readSync } from "node:fs";

/** A StringStringEntryProto whose key is "location": field 1 (length 8, "location"), then field 2's tag. */
const LOCATION_ENTRY = Buffer.from([0x0a, 0x08, ...Buffer.from("location"), 0x12]);
const CHUNK = 8 << 20;
/** Longest location kept across a chunk boundary. */
const OVERLAP = 1024;

/**
 * The external-data file names a graph refers to (TensorProto.external_data "location" entries),
 * found by scanning the protobuf's bytes in chunks, so a multi-gigabyte graph is never parsed or
 * held whole. Returns names as written (relative to the graph's folder), each once, in order found.
 */
export function externalDataLocations(modelFile: string, chunkSize = CHUNK): string[] {
  const found = new Set<string>();
  const fd = openSync(modelFile, "r");
  try {
    let carry = Buffer.alloc(0);
    let position = 0;
    for (;;) {
      const chunk = Buffer.alloc(chunkSize);
      const read = readSync(fd, chunk, 0, chunkSize, position);
      position += read;
      const window = Buffer.concat([carry, chunk.subarray(0, read)]);
      const last = read < chunkSize;
      // Entries that start in the kept tail are read again with the next chunk.
      const limit = last ? window.length : Math.max(0, window.length - OVERLAP);
      for (let at = window.indexOf(LOCATION_ENTRY); at >= 0 && at < limit; at = window.indexOf(LOCATION_ENTRY, at + 1)) {
        const name = readLengthPrefixed(window, at + LOCATION_ENTRY.length);
        if (name) found.add(name);
      }
      if (last) break;
      carry = window.subarray(limit);
    }
  } finally {
    closeSync(fd);
  }
  return [...found];
}

function readLengthPrefixed(bytes: Buffer, at: number): string | null {
  let length = 0;
  let shift = 0;
  for (; at < bytes.length && shift < 28; shift += 7) {
    const b = bytes[at++]!;
    length |= (b & 0x7f) << shift;
    if (!(b & 0x80)) break;
  }
  if (length === 0 || length > OVERLAP / 2 || at + length > bytes.length) return null;
  return bytes.toString("utf8", at, at + length);
}
