import { Template } from "@huggingface/jinja";
import { getLlama, LlamaLogLevel, type Llama, type LlamaModel } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { metaString, readGgufInfo } from "../../src/gguf/reader.js";
import { fixturePaths } from "../helpers/fixtures.js";

const conversation = [
  { role: "system", content: "You are a helpful assistant." },
  { role: "user", content: "What is your one wish?" },
  { role: "assistant", content: "I wish for peace." },
  { role: "user", content: "Why?" },
];

function template(path: string): Template {
  const source = metaString(readGgufInfo(path), "tokenizer.chat_template");
  expect(source).toBeTypeOf("string");
  return new Template(source!);
}

let llama: Llama;
const models: LlamaModel[] = [];
beforeAll(async () => {
  llama = await getLlama({ gpu: false, build: "never", logLevel: LlamaLogLevel.error });
});
afterAll(async () => {
  for (const model of models) await model.dispose();
  await llama?.dispose();
});

describe("tiny-qwen2 chat template (ChatML)", () => {
  it("renders turns, and the assistant header only with add_generation_prompt", () => {
    const t = template(fixturePaths().tinyQwen2);
    const body =
      "<|im_start|>system\nYou are a helpful assistant.<|im_end|>\n" +
      "<|im_start|>user\nWhat is your one wish?<|im_end|>\n" +
      "<|im_start|>assistant\nI wish for peace.<|im_end|>\n" +
      "<|im_start|>user\nWhy?<|im_end|>\n";
    expect(t.render({ messages: conversation, add_generation_prompt: true })).toBe(body + "<|im_start|>assistant\n");
    expect(t.render({ messages: conversation, add_generation_prompt: false })).toBe(body);
  });

  it("adds no default system prompt", () => {
    const t = template(fixturePaths().tinyQwen2);
    expect(t.render({ messages: [{ role: "user", content: "Hi" }], add_generation_prompt: true })).toBe(
      "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n",
    );
  });

  it("tokenizes with the special tokens as single control tokens", async () => {
    const model = await llama.loadModel({ modelPath: fixturePaths().tinyQwen2 });
    models.push(model);
    const text = template(fixturePaths().tinyQwen2).render({ messages: [{ role: "user", content: "Hi" }], add_generation_prompt: true });
    const ids = model.tokenize(text, true);
    expect(ids.map((id) => model.detokenize([id], true))).toEqual(["<|im_start|>", "user", "\n", "Hi", "<|im_end|>", "\n", "<|im_start|>", "assistant", "\n"]);
  });
});

describe("tiny-llama chat template (Llama-3 style)", () => {
  it("starts with bos_token and wraps turns in header tokens, content trimmed", () => {
    const t = template(fixturePaths().tinyLlama);
    const rendered = t.render({
      messages: [{ role: "system", content: " Be brief. " }, ...conversation.slice(1, 2)],
      add_generation_prompt: true,
      bos_token: "<|begin_of_text|>",
    });
    expect(rendered).toBe(
      "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\nBe brief.<|eot_id|>" +
        "<|start_header_id|>user<|end_header_id|>\n\nWhat is your one wish?<|eot_id|>" +
        "<|start_header_id|>assistant<|end_header_id|>\n\n",
    );
  });

  it("tokenizes the rendered prompt with one BOS (from the template)", async () => {
    const model = await llama.loadModel({ modelPath: fixturePaths().tinyLlama });
    models.push(model);
    const text = template(fixturePaths().tinyLlama).render({ messages: [{ role: "user", content: "Rate it 0 to 100" }], add_generation_prompt: true, bos_token: "<|begin_of_text|>" });
    const ids = model.tokenize(text, true);
    expect(ids[0]).toBe(model.tokens.bos);
    expect(ids.filter((id) => id === model.tokens.bos)).toHaveLength(1);
    expect(ids.map((id) => model.detokenize([id], true))).toContain("100");
  });
});
