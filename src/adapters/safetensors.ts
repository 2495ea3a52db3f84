import { closeSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { EmlabError } from "../errors.js";
import { float16ToFloat32 } from "../util/float16.js";

export interface SafetensorsTensor {
  shape: number[];
  data: Float32Array;
}

type SafetensorsHeader = Record<string, { dtype: string; shape: number[]; data_offsets: [number, number] }>;

/** The JSON header (names, dtypes, shapes, offsets) from the file's first bytes. */
function parseHeader(path: string, head: Buffer, fileSize: number): { header: SafetensorsHeader; headerLength: number } {
  if (fileSize < 8 || head.length < 8) throw new EmlabError(`${path}: not a safetensors file (too short)`);
  const headerLength = Number(head.readBigUInt64LE(0));
  if (headerLength <= 0 || 8 + headerLength > fileSize || 8 + headerLength > head.length) throw new EmlabError(`${path}: not a safetensors file (bad header length)`);
  try {
    return { header: JSON.parse(head.subarray(8, 8 + headerLength).toString("utf8")) as SafetensorsHeader, headerLength };
  } catch {
    throw new EmlabError(`${path}: not a safetensors file (header is not JSON)`);
  }
}

/** Tensor shapes only, from the header (the weights stay on disk): `data` is empty. For checks before a run. */
export function readSafetensorsShapes(path: string): Map<string, SafetensorsTensor> {
  let head: Buffer;
  let size: number;
  try {
    size = statSync(path).size;
    const fd = openSync(path, "r");
    try {
      const prefix = Buffer.alloc(8);
      readSync(fd, prefix, 0, 8, 0);
      const length = size >= 8 ? Math.min(Number(prefix.readBigUInt64LE(0)), size - 8) : 0;
      head = Buffer.alloc(8 + length);
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new EmlabError(`${path}: cannot read (${(error as Error).message})`);
  }
  const { header } = parseHeader(path, head, size);
  const out = new Map<string, SafetensorsTensor>();
  for (const [name, entry] of Object.entries(header)) if (name !== "__metadata__") out.set(name, { shape: entry.shape, data: new Float32Array(0) });
  return out;
}

/** Read every tensor of a .safetensors file as float32 (F32, F16 and BF16 are accepted). */
export function readSafetensors(path: string): Map<string, SafetensorsTensor> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new EmlabError(`${path}: cannot read (${(error as Error).message})`);
  }
  const { header, headerLength } = parseHeader(path, bytes, bytes.length);
  const base = 8 + headerLength;
  const out = new Map<string, SafetensorsTensor>();
  for (const [name, entry] of Object.entries(header)) {
    if (name === "__metadata__") continue;
    const [begin, end] = entry.data_offsets;
    if (base + end > bytes.length || begin > end) throw new EmlabError(`${path}: tensor ${name} lies outside the file (truncated?)`);
    const raw = bytes.subarray(base + begin, base + end);
    // Copy into an aligned buffer: typed-array views need offsets that are multiples of the element size.
    const aligned = new Uint8Array(raw.length);
    aligned.set(raw);
    let data: Float32Array;
    switch (entry.dtype) {
      case "F32":
        data = new Float32Array(aligned.buffer);
        break;
      case "F16":
        data = float16ToFloat32(new Uint16Array(aligned.buffer));
        break;
      case "BF16": {
        const halves = new Uint16Array(aligned.buffer);
        const words = new Uint32Array(halves.length);
        for (let i = 0; i < halves.length; i++) words[i] = halves[i]! << 16;
        data = new Float32Array(words.buffer);
        break;
      }
      default:
        throw new EmlabError(`${path}: tensor ${name} has dtype ${entry.dtype}; emlab reads F32, F16 and BF16`);
    }
    const expected = entry.shape.reduce((a, b) => a * b, 1);
    if (data.length !== expected) throw new EmlabError(`${path}: tensor ${name} has ${data.length} values for shape [${entry.shape}]`);
    out.set(name, { shape: entry.shape, data });
  }
  return out;
}
