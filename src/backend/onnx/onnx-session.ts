import { createRng, mix32 } from "../../util/random.js";
import { commonPrefixLength, logSoftmax } from "../logprobs.js";
import { finishSample, SessionBase, type SampleTrace } from "../session-base.js";
import { findStop } from "../stop-strings.js";
import type { GeneratedSample, NextTokenQuery, NextTokenResult, SamplingParams, WeightVariant } from "../types.js";
import { logitsAt, type DecoderGraph } from "./decoder-graph.js";
import { emptyKv, selectKvRows, truncateKv, type KvState } from "./kv-cache.js";
import type { ort } from "./runtime.js";
import { sampleToken, topKIndices } from "../sampler.js";

/** What a session needs from its loaded model. */
export interface OnnxSessionSetup {
  graph: DecoderGraph;
  /** Constant inputs of every run (LoRA matrices). */
  feeds: Record<string, ort.Tensor>;
  contextSize: number;
  /** Most tokens per forward pass while evaluating a prompt (bounds the [tokens × vocab] logits). */
  chunkSize: number;
  /** False when the load-time check found the graph wrong for several tokens on a non-empty cache: feed those one at a time. */
  multiTokenOnCache: boolean;
  /** Samples decoded together in one batch. */
  parallelSequences: number;
  eosTokenIds: ReadonlySet<number>;
  decode: (ids: readonly number[]) => string;
  origin: string;
}

/** One sample being generated. */
interface Lane extends SampleTrace {
  rng: () => number;
}

/**
 * A variant of an ONNX model with its own KV cache. The session keeps the state of the last prompt
 * it evaluated (tokens, cache, logits after the last token) and re-uses the longest common prefix
 * with the next request, so a shared in-context prefix is evaluated once. Decoding and scoring
 * branch off that state without changing it (onnxruntime returns new cache arrays), so every
 * sample and continuation starts from exactly the same prompt state.
 *
 * Sampling never goes through Transformers.js generate(): emlab's own sampler runs over the raw
 * logits, sample i draws from its own stream seeded by mix32(seed, i), and the recorded log-probs
 * are the raw log-softmax, whatever the sampler settings.
 */
export class OnnxSession extends SessionBase {
  private tokens: number[] = [];
  private kv: KvState;
  private lastLogits: Float32Array | null = null;

  constructor(
    private readonly setup: OnnxSessionSetup,
    variant: WeightVariant,
    private readonly onDispose: () => void = () => undefined,
  ) {
    super(variant, setup.origin);
    this.kv = emptyKv(setup.graph.kv);
  }

  get contextSize(): number {
    return this.setup.contextSize;
  }

  protected async sampleExclusive(prompt: readonly number[], params: SamplingParams, indices: readonly number[]): Promise<GeneratedSample[]> {
    const first = await this.prepare(prompt);
    const width = Math.max(1, Math.min(this.setup.parallelSequences, indices.length));
    const out: GeneratedSample[] = [];
    for (let g = 0; g < indices.length; g += width) {
      out.push(...(await this.sampleGroup(prompt.length, first, indices.slice(g, g + width), params)));
    }
    return out;
  }

  protected async scoreExclusive(prompt: readonly number[], continuation: readonly number[]): Promise<Float32Array> {
    const out = new Float32Array(continuation.length);
    const first = await this.prepare(prompt);
    out[0] = logSoftmax(first)[continuation[0]!] ?? -Infinity;
    // The continuation (all but its last token) in one pass from the prompt's state.
    let state = this.kv;
    const inputs = continuation.slice(0, -1);
    for (let start = 0; start < inputs.length; ) {
      const piece = inputs.slice(start, start + this.pieceSize(state.length));
      const result = await this.setup.graph.forward(piece, 1, piece.length, state, this.setup.feeds, "all");
      this.stats.evaluatedTokens += piece.length;
      state = result.present;
      for (let j = 0; j < piece.length; j++) {
        out[start + j + 1] = logSoftmax(logitsAt(result, piece.length, 0, j))[continuation[start + j + 1]!] ?? -Infinity;
      }
      start += piece.length;
    }
    return out;
  }

  protected async nextTokenExclusive(prompt: readonly number[], query: NextTokenQuery): Promise<NextTokenResult> {
    const logprobs = logSoftmax(await this.prepare(prompt));
    const ids = query.ids ?? [];
    const top = topKIndices(logprobs, Math.max(0, query.top ?? 0));
    const result: NextTokenResult = {
      ids: Int32Array.from(ids),
      logprobs: Float32Array.from(ids, (id) => logprobs[id] ?? -Infinity),
      topIds: top,
      topLogprobs: Float32Array.from(top, (id) => logprobs[id]!),
    };
    if (query.full) result.full = logprobs;
    return result;
  }

  protected release(): void {
    this.kv = emptyKv(this.setup.graph.kv);
    this.lastLogits = null;
    this.onDispose();
  }

  /**
   * Make the session's state hold exactly `prompt` and return the raw logits after its last token,
   * evaluating only what differs from the previous prompt (at least the last token, whose logits
   * are not kept for shorter prefixes).
   */
  private async prepare(prompt: readonly number[]): Promise<Float32Array> {
    const common = commonPrefixLength(this.tokens, prompt);
    if (common === prompt.length && this.tokens.length === prompt.length && this.lastLogits) return this.lastLogits;
    const keep = Math.min(common, prompt.length - 1);
    let state = truncateKv(this.kv, this.setup.graph.kv, keep);
    // Until the new state is complete, the session holds nothing it could wrongly re-use.
    this.tokens = [];
    this.lastLogits = null;
    let logits: Float32Array | null = null;
    for (let start = keep; start < prompt.length; ) {
      const piece = prompt.slice(start, start + this.pieceSize(state.length));
      start += piece.length;
      // Only the last position's logits are needed: graphs with num_logits_to_keep skip the rest.
      const result = await this.setup.graph.forward(piece, 1, piece.length, state, this.setup.feeds, "last");
      this.stats.evaluatedTokens += piece.length;
      this.stats.prefillTokens += piece.length;
      state = result.present;
      logits = logitsAt(result, piece.length, 0, piece.length - 1).slice();
    }
    this.kv = state;
    this.tokens = prompt.slice();
    this.lastLogits = logits!;
    return logits!;
  }

  /** Tokens for the next forward pass on a cache of `pastLength`. */
  private pieceSize(pastLength: number): number {
    return pastLength === 0 || this.setup.multiTokenOnCache ? this.setup.chunkSize : 1;
  }

  /** Decode a group of samples together: one batch row each, all branching off the prompt's state. */
  private async sampleGroup(promptLength: number, first: Float32Array, indices: readonly number[], params: SamplingParams): Promise<GeneratedSample[]> {
    const topK = Math.max(0, params.topLogprobs);
    const lanes: Lane[] = indices.map((index) => ({
      index,
      rng: createRng(mix32(params.seed, index)),
      tokens: [],
      logprobs: [],
      topIds: [],
      topLogprobs: [],
      finishReason: "length",
      stopAt: -1,
    }));
    const shape = this.setup.graph.kv;
    let active = params.maxTokens > 0 ? lanes.slice() : [];
    let rows: Float32Array[] = active.map(() => first);
    let state = active.length === 1 ? this.kv : selectKvRows(this.kv, shape, active.map(() => 0));
    while (active.length > 0) {
      const continuing: number[] = [];
      active.forEach((lane, r) => {
        const logits = rows[r]!;
        const token = sampleToken(logits, params, lane.rng);
        const logprobs = logSoftmax(logits);
        lane.tokens.push(token);
        lane.logprobs.push(logprobs[token] ?? -Infinity);
        const top = topKIndices(logprobs, topK);
        for (let k = 0; k < topK; k++) {
          const id = top[k];
          lane.topIds.push(id ?? -1);
          lane.topLogprobs.push(id === undefined ? -Infinity : logprobs[id]!);
        }
        if (this.setup.eosTokenIds.has(token)) {
          lane.finishReason = "eos";
          return;
        }
        if (params.stop.length > 0) {
          lane.stopAt = findStop(this.setup.decode(lane.tokens), params.stop);
          if (lane.stopAt >= 0) {
            lane.finishReason = "stop";
            return;
          }
        }
        if (lane.tokens.length >= params.maxTokens || promptLength + lane.tokens.length >= this.setup.contextSize) return;
        continuing.push(r);
      });
      if (continuing.length === 0) break;
      if (continuing.length < active.length) state = selectKvRows(state, shape, continuing);
      active = continuing.map((r) => active[r]!);
      const result = await this.setup.graph.forward(
        active.map((lane) => lane.tokens[lane.tokens.length - 1]!),
        active.length,
        1,
        state,
        this.setup.feeds,
        "last",
      );
      this.stats.evaluatedTokens += active.length;
      state = result.present;
      rows = active.map((_, r) => logitsAt(result, 1, r, 0));
    }
    return lanes.map((lane) => finishSample(lane, topK, this.setup.decode));
  }
}
