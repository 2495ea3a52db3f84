/**
 * llama.cpp's tensor names for the Linear layers a LoRA adapts, for the architectures emlab converts
 * (qwen2 and llama name their blocks alike). A GGUF LoRA holds `<tensor>.lora_a` and `.lora_b`.
 */
export const CONVERTIBLE_ARCHITECTURES: readonly string[] = ["qwen2", "llama"];

/** Hugging Face module name → GGUF block tensor name (without `blk.N.` and `.weight`). */
export const GGUF_BLOCK_MODULE: Readonly<Record<string, string>> = {
  q_proj: "attn_q",
  k_proj: "attn_k",
  v_proj: "attn_v",
  o_proj: "attn_output",
  gate_proj: "ffn_gate",
  up_proj: "ffn_up",
  down_proj: "ffn_down",
};

/** Modules outside the blocks: the output projection and the input embeddings. */
const GGUF_TOP_MODULE: Readonly<Record<string, string>> = { lm_head: "output.weight", embed_tokens: "token_embd.weight" };

/**
 * The base-model weight a pair adapts: `blk.3.attn_q.weight`, `output.weight` for lm_head,
 * `token_embd.weight` for embed_tokens (whose lora_a llama.cpp stores transposed, [r, vocab]).
 */
export function ggufWeightName(layer: number | null, module: string): string | undefined {
  if (layer === null) return GGUF_TOP_MODULE[module];
  const name = GGUF_BLOCK_MODULE[module];
  return name === undefined ? undefined : `blk.${layer}.${name}.weight`;
}

const GGUF_LORA_KEY = /^(?:blk\.(\d+)\.([a-z_]+)|(output|token_embd))\.weight\.lora_(a|b)$/;

/** A GGUF LoRA tensor name back to (layer, Hugging Face module, half); undefined when unknown. */
export function parseGgufLoraName(name: string): { layer: number | null; module: string; half: "a" | "b" } | undefined {
  const match = GGUF_LORA_KEY.exec(name);
  if (!match) return undefined;
  const half = match[4] as "a" | "b";
  if (match[3]) return { layer: null, module: match[3] === "output" ? "lm_head" : "embed_tokens", half };
  const module = Object.keys(GGUF_BLOCK_MODULE).find((m) => GGUF_BLOCK_MODULE[m] === match[2]);
  return module === undefined ? undefined : { layer: Number(match[1]), module, half };
}
