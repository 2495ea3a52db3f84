import { EmlabError } from "../../errors.js";
import { float16Bits, float16Values, float32Values } from "./float16-data.js";
import type { KvShape, KvState } from "./kv-cache.js";
import { resolveKvDims } from "./kv-dims.js";
import { ort } from "./runtime.js";

/**
 * A LoRA matrix the graph takes as an input: `lora.{layer}.{module}.A` [in, rank] or `.B` [rank, out]
 * for a block's Linear layer, `lora.{module}.A/B` for one outside the blocks (lm_head; layer null).
 */
export interface LoraGraphInput {
  name: string;
  layer: number | null;
  module: string;
  part: "A" | "B";
  /** The fixed (non-rank) dimension: `in` for A, `out` for B. */
  features: number;
  /** The activation type (float16 where the projection computes in float16). */
  type: "float32" | "float16";
}

export interface ForwardResult {
  /** Row-major [batch, seqLen - logitsFrom, vocab] raw logits: positions logitsFrom … seqLen-1 of each row. */
  logits: Float32Array;
  vocab: number;
  /** Input position of the first logits row (0 when the graph returned every position). */
  logitsFrom: number;
  present: KvState;
}

/** Which positions' logits a forward pass must return: every one (scoring) or only the last (next token). */
export type LogitsWanted = "all" | "last";

/** The raw logits after input position `position` of batch row `row`. */
export function logitsAt(result: ForwardResult, seqLen: number, row: number, position: number): Float32Array {
  const rows = seqLen - result.logitsFrom;
  const r = position - result.logitsFrom;
  if (r < 0 || r >= rows) throw new RangeError(`no logits for position ${position}: the pass returned positions ${result.logitsFrom}…${seqLen - 1}`);
  const at = (row * rows + r) * result.vocab;
  return result.logits.subarray(at, at + result.vocab);
}

/** Inputs outside past_key_values.* and lora.* that forward() knows how to feed. */
const FED_INPUTS = new Set(["input_ids", "attention_mask", "position_ids", "num_logits_to_keep", "use_cache_branch"]);

const LORA_INPUT = /^lora\.(?:(\d+)\.)?([A-Za-z0-9_]+)\.(A|B)$/;

/**
 * One decoder-only ONNX graph in the Transformers.js signature: input_ids, attention_mask,
 * past_key_values.{i}.key/value in, position_ids and num_logits_to_keep when the graph declares them
 * (fused-rotary exports have no position_ids); logits and present.{i}.key/value out. The cache
 * shape comes from the graph's input metadata, or from config.json where it is symbolic.
 */
export class DecoderGraph {
  private constructor(
    readonly session: ort.InferenceSession,
    readonly kv: KvShape,
    readonly loraInputs: LoraGraphInput[],
    private readonly hasPositionIds: boolean,
    /** Shape of the graph's num_logits_to_keep input ([] or [1]); null when it has none. */
    private readonly logitsToKeepDims: number[] | null,
    /** Merged decoders (decoder_model_merged.onnx) choose their with-cache branch by this boolean input. */
    private readonly hasUseCacheBranch: boolean,
  ) {}

  /** `model` is the export directory and its config.json (for cache dimensions the graph leaves symbolic). */
  static inspect(session: ort.InferenceSession, origin: string, model: { dir: string; config: Record<string, unknown> }): DecoderGraph {
    const inputs = new Map(session.inputMetadata.map((m) => [m.name, m]));
    for (const name of ["input_ids", "attention_mask"]) {
      if (!inputs.has(name)) throw new EmlabError(`${origin}: not a decoder export in the Transformers.js signature (no '${name}' input)`);
    }
    if (!session.outputNames.includes("logits")) throw new EmlabError(`${origin}: the graph has no 'logits' output`);
    let layers = 0;
    while (inputs.has(`past_key_values.${layers}.key`)) layers++;
    if (layers === 0) throw new EmlabError(`${origin}: the graph takes no KV cache (past_key_values.0.key); export it with past key values`);
    const first = inputs.get("past_key_values.0.key")!;
    if (!first.isTensor || first.shape.length !== 4) throw new EmlabError(`${origin}: past_key_values.0.key is not a 4-D tensor`);
    const { kvHeads, headDim } = resolveKvDims(first.shape, model, origin, first.name);
    if (first.type !== "float32" && first.type !== "float16") {
      throw new EmlabError(`${origin}: unsupported KV cache type ${first.type}`);
    }
    const loraInputs: LoraGraphInput[] = [];
    for (const m of session.inputMetadata) {
      const match = LORA_INPUT.exec(m.name);
      if (!match || !m.isTensor) continue;
      const part = match[3] as "A" | "B";
      const features = part === "A" ? m.shape[0] : m.shape[1];
      if (typeof features !== "number") throw new EmlabError(`${origin}: LoRA input ${m.name} needs a fixed feature dimension`);
      if (m.type !== "float32" && m.type !== "float16") throw new EmlabError(`${origin}: LoRA input ${m.name} is ${m.type}, not float32 or float16`);
      loraInputs.push({ name: m.name, layer: match[1] === undefined ? null : Number(match[1]), module: match[2]!, part, features, type: m.type });
    }
    refuseUnfedInputs(session.inputNames, layers, origin);
    const keep = inputs.get("num_logits_to_keep");
    const logitsToKeepDims = keep?.isTensor ? (keep.shape.length === 0 ? [] : [1]) : null;
    return new DecoderGraph(
      session,
      { layers, kvHeads, headDim, type: first.type },
      loraInputs,
      inputs.has("position_ids"),
      logitsToKeepDims,
      inputs.has("use_cache_branch"),
    );
  }

  /**
   * Run `seqLen` new tokens for each of `batch` rows (all rows at the same length, no padding) on
   * top of `past`. `extra` carries constant inputs such as LoRA matrices. With `wanted` "last", a
   * graph that takes num_logits_to_keep returns only the last position's logits (the others are
   * never computed); see `logitsFrom` in the result, and read rows through logitsAt().
   */
  async forward(
    tokens: readonly number[],
    batch: number,
    seqLen: number,
    past: KvState,
    extra: Record<string, ort.Tensor> = {},
    wanted: LogitsWanted = "all",
  ): Promise<ForwardResult> {
    if (tokens.length !== batch * seqLen) throw new RangeError(`${tokens.length} tokens for a ${batch}×${seqLen} batch`);
    if (past.batch !== batch) throw new RangeError(`cache batch ${past.batch}, input batch ${batch}`);
    const total = past.length + seqLen;
    const positions = new BigInt64Array(batch * seqLen);
    for (let b = 0; b < batch; b++) for (let s = 0; s < seqLen; s++) positions[b * seqLen + s] = BigInt(past.length + s);
    const feeds: Record<string, ort.Tensor> = {
      input_ids: new ort.Tensor("int64", BigInt64Array.from(tokens, (t) => BigInt(t)), [batch, seqLen]),
      attention_mask: new ort.Tensor("int64", new BigInt64Array(batch * total).fill(1n), [batch, total]),
      ...extra,
    };
    if (this.hasPositionIds) feeds.position_ids = new ort.Tensor("int64", positions, [batch, seqLen]);
    // Transformers' convention: 0 keeps every position.
    if (this.logitsToKeepDims) feeds.num_logits_to_keep = new ort.Tensor("int64", BigInt64Array.of(wanted === "last" ? 1n : 0n), this.logitsToKeepDims);
    if (this.hasUseCacheBranch) feeds.use_cache_branch = new ort.Tensor("bool", Uint8Array.of(past.length > 0 ? 1 : 0), [1]);
    const dims = [batch, this.kv.kvHeads, past.length, this.kv.headDim];
    for (let i = 0; i < this.kv.layers; i++) {
      feeds[`past_key_values.${i}.key`] = new ort.Tensor(this.kv.type, past.keys[i]!, dims);
      feeds[`past_key_values.${i}.value`] = new ort.Tensor(this.kv.type, past.values[i]!, dims);
    }
    const out = await this.session.run(feeds);
    const logitsTensor = out.logits!;
    const vocab = logitsTensor.dims[logitsTensor.dims.length - 1]!;
    const rows = logitsTensor.dims.length === 3 ? logitsTensor.dims[1]! : -1;
    if (logitsTensor.dims[0] !== batch || rows < 1 || rows > seqLen || (wanted === "all" && rows !== seqLen)) {
      throw new Error(`the graph returned logits of shape [${logitsTensor.dims.join(", ")}] for a ${batch}×${seqLen} input (wanted ${wanted})`);
    }
    const logits = logitsTensor.type === "float16" ? float16Values(logitsTensor.data) : float32Values(logitsTensor.data);
    const cacheData = (data: unknown) => (this.kv.type === "float16" ? float16Bits(data) : float32Values(data));
    const present: KvState = { batch, length: total, keys: [], values: [] };
    for (let i = 0; i < this.kv.layers; i++) {
      const key = out[`present.${i}.key`];
      const value = out[`present.${i}.value`];
      if (!key || !value) throw new Error(`the graph returned no present.${i}.key/value`);
      present.keys.push(cacheData(key.data));
      present.values.push(cacheData(value.data));
    }
    return { logits, vocab, logitsFrom: seqLen - rows, present };
  }
}

/** A required input forward() would not feed fails the first pass with onnxruntime's message: say so at load instead. */
function refuseUnfedInputs(names: readonly string[], layers: number, origin: string): void {
  const fed = (name: string) => {
    const cache = /^past_key_values\.(\d+)\.(key|value)$/.exec(name);
    return FED_INPUTS.has(name) || LORA_INPUT.test(name) || (cache !== null && Number(cache[1]) < layers);
  };
  const unfed = names.filter((name) => !fed(name));
  if (unfed.length === 0) return;
  throw new EmlabError(
    `${origin}: the graph requires input${unfed.length > 1 ? "s" : ""} ${unfed.join(", ")} that emlab does not feed ` +
      `(it feeds ${[...FED_INPUTS].join(", ")}, past_key_values.* and lora.*)`,
  );
}
