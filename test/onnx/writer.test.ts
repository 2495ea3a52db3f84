import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ort } from "../../src/backend/onnx/runtime.js";
import { decodeModel } from "../../src/fixtures/onnx/onnx-proto.js";
import { tempOnnxModel } from "./helpers/model-dir.js";
import { randomQwen2Spec } from "../../src/fixtures/onnx/random-qwen2-spec.js";

const spec = randomQwen2Spec({ seed: 2 });
const first = tempOnnxModel(spec, { loraModules: ["q_proj", "v_proj"] });
const second = tempOnnxModel(spec, { loraModules: ["q_proj", "v_proj"] });
afterAll(() => {
  first.cleanup();
  second.cleanup();
});

describe("ONNX writer", () => {
  const files = ["config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json", "onnx/model.onnx", "onnx/model_lora.onnx"];

  it("writes byte-identical files for the same spec", () => {
    for (const f of files) expect(readFileSync(join(first.dir, f)).equals(readFileSync(join(second.dir, f))), f).toBe(true);
  });

  it("stores every weight as raw_data (keepCase: the field is not dropped)", () => {
    const model = decodeModel(readFileSync(join(first.dir, "onnx/model.onnx"))) as { graph: { initializer: { name: string; raw_data?: number[]; int64_data?: number[] }[] } };
    const embed = model.graph.initializer.find((t) => t.name === "model.embed_tokens.weight")!;
    expect(embed.raw_data?.length).toBe(spec.tensors[0]!.data.length * 4);
    expect(Buffer.from(embed.raw_data!).equals(Buffer.from(spec.tensors[0]!.data.buffer))).toBe(true);
  });

  it("loads in onnxruntime-node with the Transformers.js decoder signature", async () => {
    const session = await ort.InferenceSession.create(join(first.dir, "onnx/model.onnx"));
    expect(session.inputNames).toEqual([
      "input_ids",
      "attention_mask",
      "position_ids",
      "past_key_values.0.key",
      "past_key_values.0.value",
      "past_key_values.1.key",
      "past_key_values.1.value",
    ]);
    expect(session.outputNames).toEqual(["logits", "present.0.key", "present.0.value", "present.1.key", "present.1.value"]);
    const past = session.inputMetadata.find((m) => m.name === "past_key_values.0.key")!;
    expect(past.isTensor && past.shape).toEqual(["batch_size", 2, "past_sequence_length", 8]);
    await session.release();
    const lora = await ort.InferenceSession.create(join(first.dir, "onnx/model_lora.onnx"));
    expect(lora.inputNames).toContain("lora.1.v_proj.B");
    await lora.release();
  });

  it("masks left padding: a padded row gives the same logits as the unpadded one", async () => {
    const session = await ort.InferenceSession.create(join(first.dir, "onnx/model.onnx"));
    const tokens = [265, 117, 115, 261, 10, 257];
    const run = async (ids: number[], mask: number[], positions: number[]) => {
      const n = ids.length;
      const feeds: Record<string, ort.Tensor> = {
        input_ids: new ort.Tensor("int64", BigInt64Array.from(ids, BigInt), [1, n]),
        attention_mask: new ort.Tensor("int64", BigInt64Array.from(mask, BigInt), [1, n]),
        position_ids: new ort.Tensor("int64", BigInt64Array.from(positions, BigInt), [1, n]),
      };
      for (let i = 0; i < 2; i++) for (const kv of ["key", "value"]) feeds[`past_key_values.${i}.${kv}`] = new ort.Tensor("float32", new Float32Array(0), [1, 2, 0, 8]);
      const logits = (await session.run(feeds)).logits!;
      const V = logits.dims[2]!;
      return (logits.data as Float32Array).slice((n - 1) * V);
    };
    const plain = await run(tokens, tokens.map(() => 1), tokens.map((_, i) => i));
    const padded = await run([264, 264, ...tokens], [0, 0, ...tokens.map(() => 1)], [0, 0, ...tokens.map((_, i) => i)]);
    plain.forEach((v, i) => expect(padded[i]).toBeCloseTo(v, 4));
    await session.release();
  });

  it("writes an HF tokenizer whose special tokens are added tokens and whose config carries the chat template", () => {
    const tokenizer = JSON.parse(readFileSync(join(first.dir, "tokenizer.json"), "utf8"));
    expect(tokenizer.added_tokens.map((t: { content: string }) => t.content)).toEqual(["<|endoftext|>", "<|im_start|>", "<|im_end|>"]);
    expect(tokenizer.model.type).toBe("BPE");
    expect(tokenizer.pre_tokenizer.pretokenizers[0].pattern.Regex).toContain("\\p{N}|");
    const config = JSON.parse(readFileSync(join(first.dir, "tokenizer_config.json"), "utf8"));
    expect(config.chat_template).toBe(spec.tokenizer.chatTemplate);
    expect(config.eos_token).toBe("<|im_end|>");
    expect(config.add_bos_token).toBe(false);
  });
});
