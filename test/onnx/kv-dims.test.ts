import { describe, expect, it } from "vitest";
import { resolveKvDims } from "../../src/backend/onnx/kv-dims.js";
import { EmlabError } from "../../src/errors.js";

const model = (config: Record<string, unknown>) => ({ dir: "/models/x", config });
const resolve = (shape: (number | string)[], config: Record<string, unknown>) => resolveKvDims(shape, model(config), "/models/x/onnx/model.onnx", "past_key_values.0.key");

describe("KV cache dimensions of an export", () => {
  it("are the graph's own when it fixes them (config.json is not consulted)", () => {
    expect(resolve(["batch_size", 2, "past_sequence_length", 64], { num_key_value_heads: 7, head_dim: 3 })).toEqual({ kvHeads: 2, headDim: 64 });
  });

  it("come from config.json where the graph leaves them symbolic, as Transformers reads it", () => {
    const config = { num_attention_heads: 14, num_key_value_heads: 2, hidden_size: 896 };
    expect(resolve(["batch_size", 2, "past_sequence_length", "kv_cache_dim"], config)).toEqual({ kvHeads: 2, headDim: 64 });
    expect(resolve(["batch_size", "num_kv_heads", "past_sequence_length", "kv_cache_dim"], { ...config, head_dim: 128 })).toEqual({ kvHeads: 2, headDim: 128 });
    // No num_key_value_heads: every head has its own keys and values.
    expect(resolve(["batch_size", "num_kv_heads", "past_sequence_length", 64], { num_attention_heads: 14 })).toEqual({ kvHeads: 14, headDim: 64 });
  });

  it("are an error naming config.json and what it lacks when neither gives them", () => {
    const call = () => resolve(["batch_size", "num_kv_heads", "past_sequence_length", "kv_cache_dim"], { hidden_size: 896 });
    expect(call).toThrow(EmlabError);
    expect(call).toThrow(
      "/models/x/onnx/model.onnx: past_key_values.0.key has symbolic dimensions [batch_size, num_kv_heads, past_sequence_length, kv_cache_dim] " +
        "and /models/x/config.json gives no kv heads (num_key_value_heads or num_attention_heads) and no head size (head_dim, or hidden_size / num_attention_heads)",
    );
    // hidden_size that heads do not divide gives no head size.
    expect(() => resolve(["b", 2, "p", "kv_cache_dim"], { hidden_size: 100, num_attention_heads: 3 })).toThrow(/gives no head size/);
  });
});
