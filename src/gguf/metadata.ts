/**
 * GGUF metadata values. GGUF stores a type with every value, so values carry their type explicitly:
 * a number alone cannot say whether it is a u32 or an f32, and llama.cpp rejects the wrong one.
 */

export type GgufNumberType = "u8" | "i8" | "u16" | "i16" | "u32" | "i32" | "f32" | "f64";
export type GgufBigIntType = "u64" | "i64";
export type GgufScalarType = GgufNumberType | GgufBigIntType | "bool" | "string";

export type GgufScalar = number | bigint | boolean | string;

export type GgufValue =
  | { type: GgufNumberType; value: number }
  | { type: GgufBigIntType; value: bigint }
  | { type: "bool"; value: boolean }
  | { type: "string"; value: string }
  | { type: "array"; itemType: GgufScalarType; value: GgufScalar[] };

/** Keys in insertion order; the writer keeps that order, so equal inputs give equal files. */
export type GgufMetadata = Record<string, GgufValue>;

/** GGUF value type ids, as written in the file. */
export const GGUF_VALUE_TYPE_ID: Readonly<Record<GgufScalarType | "array", number>> = {
  u8: 0,
  i8: 1,
  u16: 2,
  i16: 3,
  u32: 4,
  i32: 5,
  f32: 6,
  bool: 7,
  string: 8,
  array: 9,
  u64: 10,
  i64: 11,
  f64: 12,
};

export const GGUF_VALUE_TYPE_NAME: ReadonlyMap<number, GgufScalarType | "array"> = new Map(
  Object.entries(GGUF_VALUE_TYPE_ID).map(([name, id]) => [id, name as GgufScalarType | "array"]),
);

export const gguf = {
  u32: (value: number): GgufValue => ({ type: "u32", value }),
  i32: (value: number): GgufValue => ({ type: "i32", value }),
  f32: (value: number): GgufValue => ({ type: "f32", value }),
  u64: (value: number | bigint): GgufValue => ({ type: "u64", value: BigInt(value) }),
  bool: (value: boolean): GgufValue => ({ type: "bool", value }),
  str: (value: string): GgufValue => ({ type: "string", value }),
  array: (itemType: GgufScalarType, value: GgufScalar[]): GgufValue => ({ type: "array", itemType, value }),
};

/** A plain JS view of a value (bigints that fit become numbers), for JSON output and lookups. */
export function plainValue(value: GgufValue): unknown {
  const plain = (v: GgufScalar): unknown =>
    typeof v === "bigint" && v <= BigInt(Number.MAX_SAFE_INTEGER) && v >= -BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : typeof v === "bigint" ? v.toString() : v;
  return value.type === "array" ? value.value.map(plain) : plain(value.value);
}
