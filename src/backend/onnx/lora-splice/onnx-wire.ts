import { concatBytes, lenField, payloadText, readFields, repeatedVarints, stringField, varintField, WireType, type WireField } from "./protobuf-wire.js";

/** Field numbers of the ONNX messages spliced here (published ONNX IR specification, onnx.proto). */
export const ModelField = { GRAPH: 7, METADATA_PROPS: 14 } as const;
export const GraphField = { NODE: 1, INITIALIZER: 5, INPUT: 11 } as const;
const NodeField = { INPUT: 1, OUTPUT: 2, NAME: 3, OP_TYPE: 4, ATTRIBUTE: 5, DOMAIN: 7 } as const;
const AttributeField = { NAME: 1, I: 3, TYPE: 20 } as const;
const TensorField = { DIMS: 1, DATA_TYPE: 2, NAME: 8 } as const;
const ATTRIBUTE_INT = 2;

/** ONNX TensorProto.DataType codes of the activation types a LoRA branch can take. */
export const ElemType = { FLOAT: 1, FLOAT16: 10 } as const;

/** What a NodeProto says, read without decoding its attributes' tensors or graphs. */
export interface WireNode {
  inputs: string[];
  outputs: string[];
  name: string;
  opType: string;
  domain: string;
  /** Integer attributes (K, N, bits, block_size of MatMulNBits). */
  ints: Map<string, bigint>;
}

export function readNode(bytes: Uint8Array): WireNode {
  const fields = readFields(bytes);
  const texts = (n: number) => fields.filter((f) => f.field === n).map((f) => payloadText(bytes, f));
  const ints = new Map<string, bigint>();
  for (const f of fields.filter((x) => x.field === NodeField.ATTRIBUTE)) {
    const attr = readFields(bytes, f.valueStart, f.valueEnd);
    const name = attr.find((a) => a.field === AttributeField.NAME);
    const i = attr.find((a) => a.field === AttributeField.I && a.wire === WireType.VARINT);
    if (name && i) ints.set(payloadText(bytes, name), BigInt.asIntN(64, i.varint));
  }
  return {
    inputs: texts(NodeField.INPUT),
    outputs: texts(NodeField.OUTPUT),
    name: texts(NodeField.NAME)[0] ?? "",
    opType: texts(NodeField.OP_TYPE)[0] ?? "",
    domain: texts(NodeField.DOMAIN)[0] ?? "",
    ints,
  };
}

/** Name, element type and dims of a TensorProto, without touching its data. */
export interface WireTensorHeader {
  name: string;
  dataType: number;
  dims: number[];
}

export function readTensorHeader(bytes: Uint8Array): WireTensorHeader {
  const fields = readFields(bytes);
  const name = fields.find((f) => f.field === TensorField.NAME);
  const type = fields.find((f) => f.field === TensorField.DATA_TYPE);
  return {
    name: name ? payloadText(bytes, name) : "",
    dataType: type ? Number(type.varint) : 0,
    dims: repeatedVarints(bytes, fields, TensorField.DIMS).map(Number),
  };
}

/** The name of a ValueInfoProto (a graph input). */
export function readValueInfoName(bytes: Uint8Array): string {
  const name = readFields(bytes).find((f) => f.field === 1);
  return name ? payloadText(bytes, name) : "";
}

/**
 * A NodeProto with its first output renamed, every other field copied byte for byte (attributes,
 * unknown fields, field order).
 */
export function renameFirstOutput(bytes: Uint8Array, output: string): Uint8Array {
  const fields = readFields(bytes);
  const first = fields.find((f) => f.field === NodeField.OUTPUT);
  if (!first) throw new Error("node has no output");
  return spliceField(bytes, first, stringField(NodeField.OUTPUT, output));
}

function spliceField(bytes: Uint8Array, f: WireField, replacement: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length - (f.end - f.start) + replacement.length);
  out.set(bytes.subarray(0, f.start), 0);
  out.set(replacement, f.start);
  out.set(bytes.subarray(f.end), f.start + replacement.length);
  return out;
}

/** A NodeProto message (the payload, without its field tag). */
export function encodeNode(node: { name: string; opType: string; inputs: string[]; outputs: string[]; ints?: Record<string, number> }): Uint8Array {
  const parts = [
    ...node.inputs.map((i) => stringField(NodeField.INPUT, i)),
    ...node.outputs.map((o) => stringField(NodeField.OUTPUT, o)),
    stringField(NodeField.NAME, node.name),
    stringField(NodeField.OP_TYPE, node.opType),
    ...Object.entries(node.ints ?? {}).map(([name, value]) =>
      lenField(NodeField.ATTRIBUTE, [stringField(AttributeField.NAME, name), varintField(AttributeField.I, value), varintField(AttributeField.TYPE, ATTRIBUTE_INT)]),
    ),
  ];
  return concatBytes(parts);
}

/** A ValueInfoProto payload for a tensor input: fixed sizes or symbolic names per dimension. */
export function encodeTensorValueInfo(name: string, elemType: number, dims: readonly (number | string)[]): Uint8Array {
  const dimensions = dims.map((d) => lenField(1, typeof d === "number" ? varintField(1, d) : stringField(2, d)));
  const tensorType = lenField(1, [varintField(1, elemType), lenField(2, dimensions)]);
  return concatBytes([stringField(1, name), lenField(2, tensorType)]);
}

/** A StringStringEntryProto payload (ModelProto.metadata_props). */
export function encodeMetadataEntry(key: string, value: string): Uint8Array {
  return concatBytes([stringField(1, key), stringField(2, value)]);
}

/** Entries of ModelProto.metadata_props, read from already-parsed top-level fields. */
export function readMetadata(bytes: Uint8Array, modelFields: readonly WireField[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of modelFields.filter((x) => x.field === ModelField.METADATA_PROPS)) {
    const entry = readFields(bytes, f.valueStart, f.valueEnd);
    const key = entry.find((e) => e.field === 1);
    const value = entry.find((e) => e.field === 2);
    if (key) out.set(payloadText(bytes, key), value ? payloadText(bytes, value) : "");
  }
  return out;
}
