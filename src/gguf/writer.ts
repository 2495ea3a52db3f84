/**
 * Deterministic GGUF v3 writer: the same metadata and tensors always give byte-identical files.
 * Layout: magic, version, counts, metadata KVs (in the given key order), tensor infos, padding to
 * the alignment, then each tensor's data padded to the alignment.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { ByteWriter } from "./byte-writer.js";
import { GGML_TYPE_ID, type WritableTensorType } from "./ggml-types.js";
import { GGUF_VALUE_TYPE_ID, type GgufMetadata, type GgufScalar, type GgufScalarType, type GgufValue } from "./metadata.js";
import { encodeTensorData, encodedBytes } from "./tensor-encoding.js";

export const GGUF_MAGIC = "GGUF";
export const GGUF_VERSION = 3;
export const GGUF_DEFAULT_ALIGNMENT = 32;

export interface GgufTensorInput {
  /** GGUF tensor name, e.g. "blk.0.attn_q.weight". */
  name: string;
  /** GGUF dimension order: shape[0] varies fastest (a Linear weight is [in, out]). */
  shape: readonly number[];
  type: WritableTensorType;
  /**
   * Row-major values, or a function yielding them in chunks of whole rows, so tensors larger than
   * memory comfortably holds (a 151k-token embedding) are generated and encoded piece by piece.
   */
  data: Float32Array | (() => Iterable<Float32Array>);
}

export interface GgufFileInput {
  metadata: GgufMetadata;
  tensors: readonly GgufTensorInput[];
}

function writeScalar(out: ByteWriter, type: GgufScalarType, value: GgufScalar, key: string): void {
  const expect = (kind: string) => {
    if (typeof value !== kind) throw new Error(`GGUF metadata ${key}: ${type} value must be a ${kind}, got ${typeof value}`);
  };
  switch (type) {
    case "string":
      expect("string");
      return out.string(value as string);
    case "bool":
      expect("boolean");
      return out.u8(value ? 1 : 0);
    case "u64":
    case "i64":
      if (typeof value !== "bigint" && typeof value !== "number") expect("bigint");
      return type === "u64" ? out.u64(value as bigint | number) : out.i64(value as bigint | number);
    default:
      expect("number");
      return out[type](value as number);
  }
}

function writeValue(out: ByteWriter, key: string, value: GgufValue): void {
  out.u32(GGUF_VALUE_TYPE_ID[value.type]);
  if (value.type !== "array") return writeScalar(out, value.type, value.value, key);
  out.u32(GGUF_VALUE_TYPE_ID[value.itemType]);
  out.u64(value.value.length);
  for (const item of value.value) writeScalar(out, value.itemType, item, key);
}

function alignmentOf(metadata: GgufMetadata): number {
  const value = metadata["general.alignment"];
  if (value === undefined) return GGUF_DEFAULT_ALIGNMENT;
  if (value.type !== "u32" || value.value <= 0 || value.value % 8 !== 0) throw new Error("general.alignment must be a u32 multiple of 8");
  return value.value;
}

const padding = (offset: number, alignment: number): number => (alignment - (offset % alignment)) % alignment;

function tensorElements(tensor: GgufTensorInput): number {
  if (tensor.shape.length === 0 || tensor.shape.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new Error(`tensor ${tensor.name}: invalid shape [${tensor.shape}]`);
  }
  if (tensor.type === "Q8_0" && tensor.shape[0]! % 32 !== 0) {
    throw new Error(`tensor ${tensor.name}: Q8_0 needs rows of a multiple of 32 values, shape [${tensor.shape}]`);
  }
  return tensor.shape.reduce((a, b) => a * b, 1);
}

/** Header bytes (everything before the tensor data, padding included) and each tensor's data offset. */
export function encodeGgufHeader(input: GgufFileInput): { header: Buffer; offsets: number[]; alignment: number } {
  const alignment = alignmentOf(input.metadata);
  const out = new ByteWriter();
  out.bytes(Buffer.from(GGUF_MAGIC, "latin1"));
  out.u32(GGUF_VERSION);
  out.u64(input.tensors.length);
  const entries = Object.entries(input.metadata);
  out.u64(entries.length);
  for (const [key, value] of entries) {
    out.string(key);
    writeValue(out, key, value);
  }
  const offsets: number[] = [];
  const names = new Set<string>();
  let offset = 0;
  for (const tensor of input.tensors) {
    if (names.has(tensor.name)) throw new Error(`duplicate tensor name ${tensor.name}`);
    names.add(tensor.name);
    const bytes = encodedBytes(tensor.type, tensorElements(tensor));
    out.string(tensor.name);
    out.u32(tensor.shape.length);
    for (const dim of tensor.shape) out.u64(dim);
    out.u32(GGML_TYPE_ID[tensor.type]);
    out.u64(offset);
    offsets.push(offset);
    offset += bytes + padding(bytes, alignment);
  }
  out.zeros(padding(out.size, alignment));
  return { header: out.toBuffer(), offsets, alignment };
}

function* chunksOf(tensor: GgufTensorInput): Iterable<Float32Array> {
  if (tensor.data instanceof Float32Array) yield tensor.data;
  else yield* tensor.data();
}

/**
 * Write a GGUF file. It is written beside the target and renamed into place, so a crash never
 * leaves a half-written model under the final name.
 */
export function writeGguf(path: string, input: GgufFileInput): void {
  const { header, alignment } = encodeGgufHeader(input);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.partial-${process.pid}`;
  const fd = openSync(temporary, "w");
  try {
    writeSync(fd, header);
    for (const tensor of input.tensors) {
      const elements = tensorElements(tensor);
      let written = 0;
      for (const chunk of chunksOf(tensor)) {
        if (chunk.length % tensor.shape[0]! !== 0) throw new Error(`tensor ${tensor.name}: data chunk is not a whole number of rows`);
        written += chunk.length;
        if (written > elements) break;
        writeSync(fd, encodeTensorData(tensor.type, chunk));
      }
      if (written !== elements) throw new Error(`tensor ${tensor.name}: ${written} values for shape [${tensor.shape}] (${elements})`);
      const bytes = encodedBytes(tensor.type, elements);
      const pad = padding(bytes, alignment);
      if (pad) writeSync(fd, Buffer.alloc(pad));
    }
    closeSync(fd);
    renameSync(temporary, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temporary, { force: true });
    throw error;
  }
}
