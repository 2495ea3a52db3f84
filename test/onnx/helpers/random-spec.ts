import type { ModelSpec, TensorSpec } from "../../../src/fixtures/spec.js";
import { createNormal, createRng } from "../../../src/util/random.js";

/** GPT-2's byte-to-unicode table: printable bytes map to themselves, the rest to U+0100 onwards. */
function byteTokens(): string[] {
  const out: string[] = [];
  let extra = 0;
  for (let b = 0; b < 256; b++) {
    const printable = (b >= 33 && b <= 126) || (b >= 161 && b <= 172) || (b >= 174 && b <= 255);
    out.push(String.fromCodePoint(printable ? b : 256 + extra++));
  }
  return out;
}

export const CHATML_TEMPLATE =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n' }}" +
  "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

export interface RandomSpecOptions {
  seed?: number;
  blockCount?: number;
  /** Standard deviation of the weights: larger gives peakier next-token distributions. */
  scale?: number;
  tiedEmbeddings?: boolean;
}

/**
 * A random Qwen2-shaped spec (GQA 4:2 heads, biases, byte-level BPE with a few merges and ChatML
 * special tokens), standing in for tinyQwen2Spec() in tests that only need the shape.
 */
export function randomQwen2Spec(options: RandomSpecOptions = {}): ModelSpec {
  const merges = ["Ġ t", "h e", "Ġt he", "i n", "Ġ a", "e r", "o n", "Ġ s"];
  const tokens = byteTokens();
  for (const m of merges) tokens.push(m.replace(" ", ""));
  const special = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"];
  const firstSpecial = tokens.length;
  tokens.push(...special);
  const tokenTypes = tokens.map((_, i) => (i >= firstSpecial ? 3 : 1));
  const D = 32;
  const H = 4;
  const KV = 2;
  const hd = D / H;
  const F = 64;
  const V = tokens.length;
  const L = options.blockCount ?? 2;
  const normal = createNormal(createRng(options.seed ?? 1));
  const scale = options.scale ?? 0.3;
  const tensors: TensorSpec[] = [];
  const add = (name: string, shape: number[], std: number, offset = 0) => {
    const data = new Float32Array(shape.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = offset + std * normal();
    tensors.push({ name, shape, data });
  };
  add("token_embd.weight", [D, V], 1);
  for (let i = 0; i < L; i++) {
    add(`blk.${i}.attn_norm.weight`, [D], 0.1, 1);
    add(`blk.${i}.attn_q.weight`, [D, H * hd], scale);
    add(`blk.${i}.attn_q.bias`, [H * hd], scale);
    add(`blk.${i}.attn_k.weight`, [D, KV * hd], scale);
    add(`blk.${i}.attn_k.bias`, [KV * hd], scale);
    add(`blk.${i}.attn_v.weight`, [D, KV * hd], scale);
    add(`blk.${i}.attn_v.bias`, [KV * hd], scale);
    add(`blk.${i}.attn_output.weight`, [H * hd, D], scale);
    add(`blk.${i}.ffn_norm.weight`, [D], 0.1, 1);
    add(`blk.${i}.ffn_gate.weight`, [D, F], scale);
    add(`blk.${i}.ffn_up.weight`, [D, F], scale);
    add(`blk.${i}.ffn_down.weight`, [F, D], scale);
  }
  add("output_norm.weight", [D], 0.1, 1);
  if (!options.tiedEmbeddings) add("output.weight", [D, V], scale);
  return {
    decoder: {
      architecture: "qwen2",
      name: "random-qwen2",
      contextLength: 256,
      embeddingLength: D,
      blockCount: L,
      feedForwardLength: F,
      headCount: H,
      headCountKv: KV,
      ropeFreqBase: 10000,
      rmsNormEps: 1e-6,
      tiedEmbeddings: options.tiedEmbeddings ?? false,
    },
    tokenizer: {
      model: "gpt2",
      pre: "qwen2",
      tokens,
      tokenTypes,
      merges,
      bosTokenId: null,
      eosTokenId: firstSpecial,
      eotTokenId: firstSpecial + 2,
      padTokenId: firstSpecial,
      addBosToken: false,
      chatTemplate: CHATML_TEMPLATE,
    },
    tensors,
  };
}
