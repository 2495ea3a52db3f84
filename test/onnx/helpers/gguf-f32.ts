import { writeFileSync } from "node:fs";
import type { ModelSpec } from "../../../src/fixtures/spec.js";

/**
 * A minimal GGUF v3 writer (all tensors F32) for the cross-backend test, so the ONNX graph can be
 * checked against llama.cpp on identical weights while src/gguf's writer is not yet available.
 */
const T = { UINT32: 4, INT32: 5, FLOAT32: 6, BOOL: 7, STRING: 8, ARRAY: 9 } as const;
const ALIGN = 32;

class Bytes {
  private chunks: Buffer[] = [];
  length = 0;
  push(b: Buffer) {
    this.chunks.push(b);
    this.length += b.length;
  }
  u32(v: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v);
    this.push(b);
  }
  i32(v: number) {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    this.push(b);
  }
  u64(v: number) {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(v));
    this.push(b);
  }
  f32(v: number) {
    const b = Buffer.alloc(4);
    b.writeFloatLE(v);
    this.push(b);
  }
  str(s: string) {
    const b = Buffer.from(s, "utf8");
    this.u64(b.length);
    this.push(b);
  }
  pad() {
    const extra = (ALIGN - (this.length % ALIGN)) % ALIGN;
    if (extra) this.push(Buffer.alloc(extra));
  }
  concat() {
    return Buffer.concat(this.chunks);
  }
}

type Value = { type: "u32" | "f32" | "bool" | "str"; v: number | boolean | string } | { type: "strs"; v: string[] } | { type: "i32s"; v: number[] };

export function writeGgufF32(spec: ModelSpec, path: string): void {
  const d = spec.decoder;
  const t = spec.tokenizer;
  const a = d.architecture;
  const kv: [string, Value][] = [
    ["general.architecture", { type: "str", v: a }],
    ["general.name", { type: "str", v: d.name }],
    [`${a}.context_length`, { type: "u32", v: d.contextLength }],
    [`${a}.embedding_length`, { type: "u32", v: d.embeddingLength }],
    [`${a}.block_count`, { type: "u32", v: d.blockCount }],
    [`${a}.feed_forward_length`, { type: "u32", v: d.feedForwardLength }],
    [`${a}.attention.head_count`, { type: "u32", v: d.headCount }],
    [`${a}.attention.head_count_kv`, { type: "u32", v: d.headCountKv }],
    [`${a}.rope.freq_base`, { type: "f32", v: d.ropeFreqBase }],
    [`${a}.attention.layer_norm_rms_epsilon`, { type: "f32", v: d.rmsNormEps }],
    ["tokenizer.ggml.model", { type: "str", v: t.model }],
    ["tokenizer.ggml.pre", { type: "str", v: t.pre }],
    ["tokenizer.ggml.tokens", { type: "strs", v: t.tokens }],
    ["tokenizer.ggml.token_type", { type: "i32s", v: t.tokenTypes }],
    ["tokenizer.ggml.merges", { type: "strs", v: t.merges }],
    ["tokenizer.ggml.eos_token_id", { type: "u32", v: t.eosTokenId }],
    ["tokenizer.ggml.padding_token_id", { type: "u32", v: t.padTokenId ?? t.eosTokenId }],
    ["tokenizer.ggml.add_bos_token", { type: "bool", v: t.addBosToken }],
    ["tokenizer.chat_template", { type: "str", v: t.chatTemplate }],
  ];
  if (t.eotTokenId !== undefined) kv.push(["tokenizer.ggml.eot_token_id", { type: "u32", v: t.eotTokenId }]);
  const out = new Bytes();
  out.push(Buffer.from("GGUF", "latin1"));
  out.u32(3);
  out.u64(spec.tensors.length);
  out.u64(kv.length);
  for (const [key, value] of kv) {
    out.str(key);
    switch (value.type) {
      case "u32":
        out.u32(T.UINT32);
        out.u32(value.v as number);
        break;
      case "f32":
        out.u32(T.FLOAT32);
        out.f32(value.v as number);
        break;
      case "bool":
        out.u32(T.BOOL);
        out.push(Buffer.of(value.v ? 1 : 0));
        break;
      case "str":
        out.u32(T.STRING);
        out.str(value.v as string);
        break;
      case "strs":
        out.u32(T.ARRAY);
        out.u32(T.STRING);
        out.u64(value.v.length);
        for (const s of value.v) out.str(s);
        break;
      case "i32s":
        out.u32(T.ARRAY);
        out.u32(T.INT32);
        out.u64(value.v.length);
        for (const n of value.v) out.i32(n);
        break;
    }
  }
  let offset = 0;
  for (const tensor of spec.tensors) {
    out.str(tensor.name);
    out.u32(tensor.shape.length);
    for (const dim of tensor.shape) out.u64(dim);
    out.u32(0); // GGML_TYPE_F32
    out.u64(offset);
    offset += Math.ceil((tensor.data.length * 4) / ALIGN) * ALIGN;
  }
  out.pad();
  for (const tensor of spec.tensors) {
    out.push(Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    out.pad();
  }
  writeFileSync(path, out.concat());
}
