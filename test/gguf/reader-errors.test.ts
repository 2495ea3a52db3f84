import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EmlabError } from "../../src/errors.js";
import { gguf } from "../../src/gguf/metadata.js";
import { readGgufInfo } from "../../src/gguf/reader.js";
import { encodeGgufHeader, writeGguf, type GgufFileInput } from "../../src/gguf/writer.js";

const dir = mkdtempSync(join(tmpdir(), "emlab-gguf-errors-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input: GgufFileInput = {
  metadata: { "general.architecture": gguf.str("llama"), "tokenizer.ggml.tokens": gguf.array("string", ["a", "b", "c"]) },
  tensors: [{ name: "w", shape: [32, 4], type: "F32", data: new Float32Array(128).fill(1) }],
};
const good = join(dir, "good.gguf");
writeGguf(good, input);
const bytes = readFileSync(good);
const { header } = encodeGgufHeader(input);

function variant(name: string, data: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

function errorOf(path: string): EmlabError {
  try {
    readGgufInfo(path);
  } catch (error) {
    expect(error).toBeInstanceOf(EmlabError);
    return error as EmlabError;
  }
  throw new Error(`${path} was read without error`);
}

describe("readGgufInfo errors name the file and the problem", () => {
  it("missing file", () => {
    const path = join(dir, "nope.gguf");
    expect(errorOf(path).message).toBe(`${path}: file not found`);
  });

  it("not a GGUF file", () => {
    const path = variant("text.gguf", Buffer.from("hello, this is not a model"));
    expect(errorOf(path).message).toMatch(new RegExp(`^${path}: not a GGUF file \\(bad magic`));
    expect(errorOf(variant("tiny.gguf", Buffer.from("GG"))).message).toMatch(/not a GGUF file/);
  });

  it("unsupported version", () => {
    const v1 = Buffer.from(bytes);
    v1.writeUInt32LE(1, 4);
    const path = variant("v1.gguf", v1);
    expect(errorOf(path).message).toBe(`${path}: unsupported GGUF version 1; emlab reads versions 2 and 3`);
  });

  it("truncated header", () => {
    const path = variant("cut-header.gguf", bytes.subarray(0, 10));
    expect(errorOf(path).message).toMatch(new RegExp(`^${path}: truncated GGUF file: header`));
  });

  it("truncated metadata (inside the token list)", () => {
    const at = bytes.indexOf(Buffer.from("tokenizer.ggml.tokens")) + 30;
    const path = variant("cut-metadata.gguf", bytes.subarray(0, at));
    expect(errorOf(path).message).toMatch(new RegExp(`^${path}: truncated GGUF file: metadata \\(tokenizer.ggml.tokens\\)`));
  });

  it("truncated tensor infos", () => {
    const at = bytes.lastIndexOf(Buffer.from([1, 0, 0, 0, 0, 0, 0, 0, 0x77])); // the tensor name "w"
    const path = variant("cut-infos.gguf", bytes.subarray(0, at + 10));
    expect(errorOf(path).message).toMatch(/truncated GGUF file: tensor infos/);
  });

  it("truncated tensor data", () => {
    const path = variant("cut-data.gguf", bytes.subarray(0, header.length + 100));
    expect(errorOf(path).message).toBe(`${path}: truncated GGUF file: tensor w needs bytes up to ${header.length + 512}, the file has ${header.length + 100}`);
  });

  it("a count larger than the file is reported as truncation, not an allocation", () => {
    const huge = Buffer.from(bytes);
    huge.writeBigUInt64LE(2n ** 40n, 8); // tensor count
    expect(errorOf(variant("huge-count.gguf", huge)).message).toMatch(/truncated GGUF file: header declares a size of 1099511627776/);
  });

  it("the intact file reads", () => {
    const info = readGgufInfo(good);
    expect(info.tensors).toHaveLength(1);
    expect(info.fileSize).toBe(bytes.length);
  });
});
