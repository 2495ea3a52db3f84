import { getLlama, LlamaLogLevel, type Llama, type LlamaModel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePaths } from "../helpers/fixtures.js";

let llama: Llama;
const models: LlamaModel[] = [];

beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
});
afterAll(async () => {
  for (const model of models) await model.dispose();
  await llama?.dispose();
});

async function load(path: string): Promise<LlamaModel> {
  const model = await llama.loadModel({ modelPath: path });
  models.push(model);
  return model;
}

const pieces = (model: LlamaModel, text: string) => model.tokenize(text).map((id) => model.detokenize([id]));

describe("tiny-qwen2.gguf in node-llama-cpp", () => {
  it("loads as qwen2 with the ChatML specials and no BOS added", async () => {
    const model = await load(fixturePaths().tinyQwen2);
    expect(model.fileInfo.metadata.general.architecture).toBe("qwen2");
    expect(model.detokenize([model.tokens.eos!], true)).toBe("<|im_end|>");
    expect(model.tokenize("hello world")).not.toContain(model.tokens.bos);
    const chat = model.tokenize("<|im_start|>user\nhi<|im_end|>", true);
    expect(model.detokenize([chat[0]!], true)).toBe("<|im_start|>");
    expect(model.detokenize([chat.at(-1)!], true)).toBe("<|im_end|>");
  });

  it("splits numbers into single digits, like Qwen", async () => {
    const model = await load(fixturePaths().tinyQwen2);
    expect(pieces(model, "123")).toEqual(["1", "2", "3"]);
    expect(pieces(model, "42")).toEqual(["4", "2"]);
  });

  it("encodes ordinary English in about one token per word", async () => {
    const model = await load(fixturePaths().tinyQwen2);
    expect(pieces(model, "What is your one wish? I am bored.")).toEqual([
      "What", " is", " your", " one", " wish", "?", " I", " am", " bored", ".",
    ]);
  });
});

async function generate(model: LlamaModel, prompt: string, options: { temperature: number; seed?: number }, count: number): Promise<number[]> {
  const context = await model.createContext({ contextSize: 256, flashAttention: false, threads: 2 });
  try {
    const out: number[] = [];
    for await (const token of context.getSequence().evaluate(model.tokenize(prompt), options)) {
      out.push(token);
      if (out.length >= count) break;
    }
    return out;
  } finally {
    await context.dispose();
  }
}

describe("tiny-qwen2 outputs are not degenerate", () => {
  it("samples varied tokens at temperature 1, and greedy decoding does not repeat one token", async () => {
    const model = await load(fixturePaths().tinyQwen2);
    const sampled = await generate(model, "Hello world, the quick answer is", { temperature: 1, seed: 1 }, 24);
    expect(new Set(sampled).size).toBeGreaterThanOrEqual(12);
    const greedy = await generate(model, "Hello world, the quick answer is", { temperature: 0 }, 24);
    expect(new Set(greedy).size).toBeGreaterThanOrEqual(5);
  });
});

describe("tiny-llama.gguf in node-llama-cpp", () => {
  it("loads as llama with Llama-3 specials", async () => {
    const model = await load(fixturePaths().tinyLlama);
    expect(model.fileInfo.metadata.general.architecture).toBe("llama");
    expect(model.detokenize([model.tokens.bos!], true)).toBe("<|begin_of_text|>");
    expect(model.detokenize([model.tokens.eos!], true)).toBe("<|eot_id|>");
    const header = model.tokenize("<|start_header_id|>user<|end_header_id|>", true);
    expect(header).toHaveLength(3);
  });

  it("keeps whole numbers up to 3 digits as one token", async () => {
    const model = await load(fixturePaths().tinyLlama);
    expect(pieces(model, "123")).toEqual(["123"]);
    expect(pieces(model, "42")).toEqual(["42"]);
    for (const n of [0, 7, 50, 100, 999]) expect(model.tokenize(String(n))).toHaveLength(1);
    expect(pieces(model, "1234")).toEqual(["123", "4"]);
  });
});
