/**
 * GGUF reader: header, metadata and tensor infos (not the tensor data, except on request). Used by
 * `emlab inspect` and to validate files before an engine loads them, so every malformed input
 * gives an EmlabError naming the file: missing, not GGUF, unsupported version, truncated.
 */
import { closeSync, existsSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { EmlabError } from "../errors.js";
import { EndOfFileError, FileCursor } from "./file-cursor.js";
import { ggmlTensorBytes, ggmlTypeInfo } from "./ggml-types.js";
import { GGUF_VALUE_TYPE_NAME, type GgufMetadata, type GgufScalar, type GgufScalarType, type GgufValue } from "./metadata.js";
import { decodeTensorData } from "./tensor-encoding.js";
import { GGUF_DEFAULT_ALIGNMENT, GGUF_MAGIC } from "./writer.js";

export const SUPPORTED_GGUF_VERSIONS: readonly number[] = [2, 3];

export interface GgufTensorInfo {
  name: string;
  /** GGUF dimension order (shape[0] varies fastest). */
  shape: number[];
  typeId: number;
  /** ggml type name ("F32", "Q4_K"…), or "type <id>" when unknown to emlab. */
  typeName: string;
  elements: number;
  /** Absolute file offset of the data. */
  offset: number;
  /** Data bytes; undefined for types unknown to emlab. */
  bytes: number | undefined;
}

export interface GgufInfo {
  path: string;
  version: number;
  fileSize: number;
  alignment: number;
  /** File offset where tensor data starts. */
  dataOffset: number;
  metadata: GgufMetadata;
  tensors: GgufTensorInfo[];
}

function readScalar(cursor: FileCursor, type: GgufScalarType): GgufScalar {
  switch (type) {
    case "string":
      return cursor.string();
    case "bool":
      return cursor.u8() !== 0;
    default:
      return cursor[type]();
  }
}

function valueType(id: number, where: string): GgufScalarType | "array" {
  const type = GGUF_VALUE_TYPE_NAME.get(id);
  if (type === undefined) throw new FormatError(`${where}: unknown value type ${id}`);
  return type;
}

class FormatError extends Error {}

function readValue(cursor: FileCursor, key: string): GgufValue {
  const type = valueType(cursor.u32(), `metadata ${key}`);
  if (type !== "array") return { type, value: readScalar(cursor, type) } as GgufValue;
  const itemType = valueType(cursor.u32(), `metadata ${key}`);
  if (itemType === "array") throw new FormatError(`metadata ${key}: nested arrays are not supported`);
  const count = cursor.size();
  const items: GgufScalar[] = new Array(count);
  for (let i = 0; i < count; i++) items[i] = readScalar(cursor, itemType);
  return { type: "array", itemType, value: items };
}

function readMagic(path: string, fd: number, fileSize: number): void {
  const magic = Buffer.alloc(4);
  const n = fileSize >= 4 ? readSync(fd, magic, 0, 4, 0) : 0;
  if (n < 4 || magic.toString("latin1") !== GGUF_MAGIC) {
    throw new EmlabError(`${path}: not a GGUF file (bad magic bytes${n < 4 ? ", file shorter than 4 bytes" : ""})`);
  }
}

export function readGgufInfo(path: string): GgufInfo {
  if (!existsSync(path)) throw new EmlabError(`${path}: file not found`);
  if (!statSync(path).isFile()) throw new EmlabError(`${path}: not a file`);
  const fd = openSync(path, "r");
  try {
    const fileSize = fstatSync(fd).size;
    readMagic(path, fd, fileSize);
    const cursor = new FileCursor(fd, fileSize);
    cursor.position = 4;
    let section = "header";
    try {
      const version = cursor.u32();
      if (!SUPPORTED_GGUF_VERSIONS.includes(version)) {
        const hint = version > 0xffff ? " (a big-endian file?)" : "";
        throw new EmlabError(`${path}: unsupported GGUF version ${version}${hint}; emlab reads versions ${SUPPORTED_GGUF_VERSIONS.join(" and ")}`);
      }
      const tensorCount = cursor.size();
      const kvCount = cursor.size();
      section = "metadata";
      const metadata: GgufMetadata = {};
      for (let i = 0; i < kvCount; i++) {
        const key = cursor.string();
        section = `metadata (${key})`;
        metadata[key] = readValue(cursor, key);
      }
      const alignmentValue = metadata["general.alignment"];
      const alignment = alignmentValue?.type === "u32" && alignmentValue.value > 0 ? alignmentValue.value : GGUF_DEFAULT_ALIGNMENT;
      section = "tensor infos";
      const raw: { name: string; shape: number[]; typeId: number; relative: number }[] = [];
      for (let i = 0; i < tensorCount; i++) {
        const name = cursor.string();
        const dims = cursor.u32();
        if (dims > 8) throw new FormatError(`tensor ${name}: ${dims} dimensions`);
        const shape: number[] = [];
        for (let d = 0; d < dims; d++) shape.push(cursor.size());
        const typeId = cursor.u32();
        raw.push({ name, shape, typeId, relative: cursor.size() });
      }
      const dataOffset = Math.ceil(cursor.position / alignment) * alignment;
      section = "tensor data";
      const tensors = raw.map(({ name, shape, typeId, relative }): GgufTensorInfo => {
        const bytes = ggmlTensorBytes(typeId, shape);
        const offset = dataOffset + relative;
        if (offset + (bytes ?? 0) > fileSize) {
          throw new EmlabError(
            `${path}: truncated GGUF file: tensor ${name} needs bytes up to ${offset + (bytes ?? 0)}, the file has ${fileSize}`,
          );
        }
        return {
          name,
          shape,
          typeId,
          typeName: ggmlTypeInfo(typeId)?.name ?? `type ${typeId}`,
          elements: shape.reduce((a, b) => a * b, 1),
          offset,
          bytes,
        };
      });
      return { path, version, fileSize, alignment, dataOffset, metadata, tensors };
    } catch (error) {
      if (error instanceof EndOfFileError) throw new EmlabError(`${path}: truncated GGUF file: ${section} ${error.message}`);
      if (error instanceof FormatError) throw new EmlabError(`${path}: invalid GGUF ${section}: ${error.message}`);
      throw error;
    }
  } finally {
    closeSync(fd);
  }
}

/** Values of one F32, F16 or Q8_0 tensor (for checks and tests; engines read tensors themselves). */
export function readGgufTensor(info: GgufInfo, name: string): Float32Array {
  const tensor = info.tensors.find((t) => t.name === name);
  if (!tensor) throw new EmlabError(`${info.path}: no tensor ${name}`);
  if (tensor.bytes === undefined) throw new EmlabError(`${info.path}: tensor ${name} has type ${tensor.typeName}, which emlab cannot decode`);
  const data = Buffer.alloc(tensor.bytes);
  const fd = openSync(info.path, "r");
  try {
    readSync(fd, data, 0, tensor.bytes, tensor.offset);
  } finally {
    closeSync(fd);
  }
  try {
    return decodeTensorData(tensor.typeId, data, tensor.elements);
  } catch (error) {
    throw new EmlabError(`${info.path}: tensor ${name}: ${(error as Error).message}`);
  }
}

/** A metadata value as a plain string/number/boolean, or undefined when absent or of another kind. */
export function metaString(info: GgufInfo, key: string): string | undefined {
  const value = info.metadata[key];
  return value?.type === "string" ? value.value : undefined;
}

export function metaNumber(info: GgufInfo, key: string): number | undefined {
  const value = info.metadata[key];
  if (value === undefined || value.type === "array" || value.type === "string" || value.type === "bool") return undefined;
  return Number(value.value);
}

export function metaBoolean(info: GgufInfo, key: string): boolean | undefined {
  const value = info.metadata[key];
  return value?.type === "bool" ? value.value : undefined;
}

export function metaArrayLength(info: GgufInfo, key: string): number | undefined {
  const value = info.metadata[key];
  return value?.type === "array" ? value.value.length : undefined;
}
