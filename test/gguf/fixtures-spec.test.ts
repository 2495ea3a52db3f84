import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyMerges } from "../../src/fixtures/bpe-builder.js";
import { toByteLevel } from "../../src/fixtures/byte-unicode.js";
import { TINY_QWEN2_STEERING_CHANNEL, tinyLlamaSpec, tinyQwen2Spec } from "../../src/fixtures/tiny-models.js";
import { writeFixtures } from "../../src/fixtures/write-fixtures.js";
import { metaNumber, metaString, readGgufInfo, readGgufTensor } from "../../src/gguf/reader.js";
import type { TokenizerSpec } from "../../src/fixtures/spec.js";
import { fixturePaths } from "../helpers/fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "emlab-fixtures-again-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function expectConsistentMerges(tokenizer: TokenizerSpec): void {
  const tokens = new Set(tokenizer.tokens);
  expect(tokens.size).toBe(tokenizer.tokens.length);
  for (const merge of tokenizer.merges) {
    const parts = merge.split(" ");
    expect(parts).toHaveLength(2);
    expect(tokens.has(parts[0]!) && tokens.has(parts[1]!) && tokens.has(parts[0]! + parts[1]!), merge).toBe(true);
  }
}

const ranksOf = (tokenizer: TokenizerSpec) => new Map(tokenizer.merges.map((m, i) => [m, i]));
const encodeChunk = (tokenizer: TokenizerSpec, chunk: string) => applyMerges(Array.from(toByteLevel(chunk)), ranksOf(tokenizer));

describe("tiny fixtures", () => {
  it("are byte-identical when generated again", () => {
    // Their cost is a figure to watch, not a test (a busy machine would fail any bound): printed.
    const start = performance.now();
    const again = writeFixtures(dir);
    console.log(`fixtures written in ${(performance.now() - start).toFixed(0)} ms`);
    const first = fixturePaths();
    for (const key of ["tinyQwen2", "tinyLlama", "tinyQwen2Lora"] as const) {
      expect(readFileSync(again[key]).equals(readFileSync(first[key])), key).toBe(true);
    }
  });

  it("tinyQwen2Spec() is what tiny-qwen2.gguf holds: all tensors F32, same values", () => {
    const spec = tinyQwen2Spec();
    const info = readGgufInfo(fixturePaths().tinyQwen2);
    expect(info.tensors.map((t) => t.name)).toEqual(spec.tensors.map((t) => t.name));
    expect(new Set(info.tensors.map((t) => t.typeName))).toEqual(new Set(["F32"]));
    for (const tensor of spec.tensors) {
      expect(info.tensors.find((t) => t.name === tensor.name)!.shape).toEqual(tensor.shape);
      const bytes = (data: Float32Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      expect(bytes(readGgufTensor(info, tensor.name)).equals(bytes(tensor.data)), tensor.name).toBe(true);
    }
    expect(metaNumber(info, "qwen2.context_length")).toBe(8192);
    expect(metaString(info, "tokenizer.ggml.pre")).toBe("qwen2");
    expect(info.metadata["tokenizer.ggml.add_bos_token"]).toEqual({ type: "bool", value: false });
    expect(spec.tensors.some((t) => t.name === "blk.0.attn_q.bias")).toBe(true);
    expect(spec.tensors.some((t) => t.name === "output.weight")).toBe(true);
  });

  it("keeps the steering channel constant: no layer writes to it", () => {
    const spec = tinyQwen2Spec();
    const D = spec.decoder.embeddingLength;
    const c = TINY_QWEN2_STEERING_CHANNEL;
    const get = (name: string) => spec.tensors.find((t) => t.name === name)!.data;
    for (let layer = 0; layer < spec.decoder.blockCount; layer++) {
      expect(get(`blk.${layer}.attn_output.weight`).subarray(c * D, (c + 1) * D).every((v) => v === 0)).toBe(true);
      const F = spec.decoder.feedForwardLength;
      expect(get(`blk.${layer}.ffn_down.weight`).subarray(c * F, (c + 1) * F).every((v) => v === 0)).toBe(true);
    }
    const embeddings = get("token_embd.weight");
    expect(embeddings[c]).toBeGreaterThan(0);
    expect(embeddings[5 * D + c]).toBe(embeddings[c]);
  });

  it("have consistent merges: every merge's parts and result are tokens", () => {
    expectConsistentMerges(tinyQwen2Spec().tokenizer);
    expectConsistentMerges(tinyLlamaSpec().tokenizer);
  });

  it("learn common words with and without a leading space as single tokens", () => {
    const tokenizer = tinyQwen2Spec().tokenizer;
    for (const chunk of ["the", " the", " world", "What", " assistant", " philosophical", ".\n\n"]) {
      expect(encodeChunk(tokenizer, chunk), chunk).toEqual([toByteLevel(chunk)]);
    }
  });

  it("tiny-llama has every number 0..999 as one token", () => {
    const tokenizer = tinyLlamaSpec().tokenizer;
    for (let n = 0; n < 1000; n++) expect(encodeChunk(tokenizer, String(n))).toEqual([String(n)]);
    expect(tokenizer.tokens[tokenizer.bosTokenId!]).toBe("<|begin_of_text|>");
    expect(tokenizer.addBosToken).toBe(true);
  });
});
