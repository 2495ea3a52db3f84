import { join } from "node:path";
import { EmlabError } from "../../errors.js";

const positiveInt = (value: unknown): number | undefined => (typeof value === "number" && Number.isInteger(value) && value > 0 ? value : undefined);

/**
 * The kv-head count and head size of a cache input [batch, kvHeads, length, headDim]. Exports may
 * leave them symbolic (onnxruntime-genai's builder writes `kv_cache_dim` for the head size); then
 * config.json gives them: num_key_value_heads (default num_attention_heads) and head_dim (default
 * hidden_size / num_attention_heads), as Transformers does.
 */
export function resolveKvDims(
  shape: readonly (number | string)[],
  model: { dir: string; config: Record<string, unknown> },
  origin: string,
  inputName: string,
): { kvHeads: number; headDim: number } {
  const c = model.config;
  const heads = positiveInt(c.num_attention_heads);
  const hidden = positiveInt(c.hidden_size);
  const fromConfig = {
    kvHeads: positiveInt(c.num_key_value_heads) ?? heads,
    headDim: positiveInt(c.head_dim) ?? (heads && hidden && hidden % heads === 0 ? hidden / heads : undefined),
  };
  const [, graphKvHeads, , graphHeadDim] = shape;
  const kvHeads = typeof graphKvHeads === "number" ? graphKvHeads : fromConfig.kvHeads;
  const headDim = typeof graphHeadDim === "number" ? graphHeadDim : fromConfig.headDim;
  if (kvHeads === undefined || headDim === undefined) {
    const missing = [
      kvHeads === undefined ? "kv heads (num_key_value_heads or num_attention_heads)" : "",
      headDim === undefined ? "head size (head_dim, or hidden_size / num_attention_heads)" : "",
    ].filter(Boolean);
    throw new EmlabError(
      `${origin}: ${inputName} has symbolic dimensions [${shape.join(", ")}] and ${join(model.dir, "config.json")} gives no ${missing.join(" and no ")}`,
    );
  }
  return { kvHeads, headDim };
}
