import type { LlamaContext, LlamaContextSequence, LlamaModel, Token } from "node-llama-cpp";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRng, llamaCppSeed, mix32 } from "../../util/random.js";
import { commonPrefixLength, isRawSampling, logprobFromLogit, logSoftmax } from "../logprobs.js";
import { sampleToken, topKIndices } from "../sampler.js";
import { evaluateWithReads, generateNextOf } from "./position-reads.js";
import { RawDraw } from "./raw-draw.js";
import { finishSample, newTrace, SessionBase, type SampleTrace } from "../session-base.js";
import { findStop } from "../stop-strings.js";
import type { GeneratedSample, NextTokenQuery, NextTokenResult, SamplingParams, WeightVariant } from "../types.js";

type GenerateNext = NonNullable<
  Extract<Parameters<LlamaContextSequence["controlledEvaluate"]>[0][number], unknown[]>[1]["generateNext"]
>;
type NextOutput = NonNullable<Awaited<ReturnType<LlamaContextSequence["controlledEvaluate"]>>[number]>["next"];

/** Below this many missing tokens, evaluating is cheaper than copying a sequence state. */
const COPY_THRESHOLD = 32;

/** One sequence of the context and a mirror of the tokens its KV cache holds. */
interface Slot {
  sequence: LlamaContextSequence;
  tokens: number[];
}

/**
 * A variant of a loaded GGUF model with its own KV cache. Every request states its full token
 * array; the slot keeps what it evaluated and only evaluates what differs from the previous request
 * (tail erase), so a shared in-context prefix is evaluated once for all questions and samples.
 *
 * Log-probs are raw: either read in the same pass as sampling (when the sampler leaves the
 * distribution untouched: T=1 with no truncation, or greedy) or, for other settings, by re-scoring
 * the sampled tokens in one batched pass after generation.
 */
export class LlamaSession extends SessionBase {
  private readonly slots: Slot[];

  constructor(
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    variant: WeightVariant,
    origin: string,
    private readonly vocabSize: number,
  ) {
    super(variant, origin);
    this.slots = [];
    for (let i = 0; i < context.totalSequences; i++) this.slots.push({ sequence: context.getSequence(), tokens: [] });
  }

  get contextSize(): number {
    return this.context.contextSize;
  }

  protected async sampleExclusive(prompt: readonly number[], params: SamplingParams, indices: readonly number[]): Promise<GeneratedSample[]> {
    // The prompt is evaluated once, on lane 0, and its next-token distribution read in full: every
    // sample's first token is drawn from it here. Lanes then get the whole prompt's KV state by a
    // sequence copy, so no prompt token is evaluated twice, however many samples and lanes.
    const lanes = this.slots.slice(0, Math.max(1, Math.min(this.slots.length, indices.length)));
    const first = await this.promptDistribution(lanes[0]!, prompt);
    await this.sharePrefix(lanes, prompt, prompt.length);
    const results = new Map<number, GeneratedSample>();
    await Promise.all(
      lanes.map(async (slot, lane) => {
        for (let i = lane; i < indices.length; i += lanes.length) {
          const index = indices[i]!;
          results.set(index, await this.sampleOne(slot, prompt, first, params, index));
        }
      }),
    );
    return indices.map((index) => results.get(index)!);
  }

  /** Evaluate the prompt's last token on `slot` (after what it lacks) and read the raw log-softmax of what comes next. */
  private async promptDistribution(slot: Slot, prompt: readonly number[]): Promise<Float32Array> {
    await this.prepare(slot, prompt);
    const next = await this.step(slot, prompt[prompt.length - 1]!, { logits: true, totalLogitWeight: true });
    const logits = new Float32Array(Math.max(this.vocabSize, maxKey(next.logits as Map<number, number>) + 1)).fill(-Infinity);
    for (const [id, logit] of next.logits as Map<number, number>) logits[id] = logit;
    return logSoftmax(logits);
  }

  protected async scoreExclusive(prompt: readonly number[], continuation: readonly number[]): Promise<Float32Array> {
    return (await this.scoreOn(this.slots[0]!, prompt, continuation, 0)).logprobs;
  }

  protected async nextTokenExclusive(prompt: readonly number[], query: NextTokenQuery): Promise<NextTokenResult> {
    const slot = this.slots[0]!;
    await this.prepare(slot, prompt);
    const ids = query.ids ?? [];
    const next = await this.step(slot, prompt[prompt.length - 1]!, query.full ? { logits: true, totalLogitWeight: true } : generateNextOf({ ids, top: query.top ?? 0 }));
    const logits = next.logits as Map<number, number>;
    const [, maxLogit] = logits.entries().next().value as [number, number];
    const total = next.totalLogitWeight!;
    const result: NextTokenResult = {
      ids: Int32Array.from(ids),
      logprobs: Float32Array.from(ids, (id) => {
        const logit = logits.get(id);
        return logit === undefined ? -Infinity : logprobFromLogit(logit, maxLogit, total);
      }),
      topIds: new Int32Array(query.top ?? 0),
      topLogprobs: new Float32Array(query.top ?? 0),
    };
    let rank = 0;
    for (const [id, logit] of logits as Map<number, number>) {
      if (rank >= (query.top ?? 0)) break;
      result.topIds[rank] = id;
      result.topLogprobs[rank] = logprobFromLogit(logit, maxLogit, total);
      rank++;
    }
    if (query.full) {
      const full = new Float32Array(this.vocabSize).fill(-Infinity);
      for (const [id, logit] of logits) if (id < full.length) full[id] = logprobFromLogit(logit, maxLogit, total);
      result.full = full;
    }
    return result;
  }

  protected async release(): Promise<void> {
    await this.context.dispose();
  }

  /**
   * Give every lane lane 0's KV state of the prompt's first `target` tokens (lane 0 holds exactly
   * them): every other lane that lacks part of it gets lane 0's state by an in-context sequence copy
   * (llama.cpp's seq_cp: cells are shared, nothing is evaluated or moved). Where that copy is not
   * available, a lane far behind gets a state file (a few ms) and a lane slightly behind evaluates.
   */
  private async sharePrefix(lanes: Slot[], prompt: readonly number[], target: number): Promise<void> {
    const first = lanes[0]!;
    const missing = (lane: Slot) => target - Math.min(commonPrefixLength(lane.tokens, prompt), target);
    const behind = lanes.slice(1).filter((lane) => missing(lane) > 0 || lane.tokens.length > target);
    const viaFile: Slot[] = [];
    for (const lane of behind) {
      if (await copySequence(lane.sequence, first.sequence, target)) lane.tokens = first.tokens.slice();
      else if (missing(lane) > COPY_THRESHOLD) viaFile.push(lane);
    }
    if (viaFile.length === 0) return;
    const dir = await mkdtemp(join(tmpdir(), "emlab-state-"));
    const file = join(dir, "prefix.state");
    try {
      await first.sequence.saveStateToFile(file);
      for (const lane of viaFile) {
        await lane.sequence.clearHistory();
        await lane.sequence.loadStateFromFile(file, { acceptRisk: true });
        lane.tokens = first.tokens.slice();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Make the slot's KV cache hold exactly prompt[0 .. target-1] (default: all but the last token), evaluating only what is missing. */
  private async prepare(slot: Slot, prompt: readonly number[], target = prompt.length - 1): Promise<void> {
    const keep = Math.min(commonPrefixLength(slot.tokens, prompt), target);
    if (keep < slot.tokens.length) {
      await slot.sequence.eraseContextTokenRanges([{ start: keep, end: slot.sequence.nextTokenIndex }]);
      slot.tokens.length = keep;
    }
    if (target > keep) {
      const missing = prompt.slice(keep, target);
      await slot.sequence.controlledEvaluate(asTokens(missing));
      slot.tokens.push(...missing);
      this.stats.evaluatedTokens += missing.length;
      this.stats.prefillTokens += missing.length;
    }
  }

  /** Evaluate one token and read what comes next. */
  private async step(slot: Slot, token: number, generateNext: GenerateNext, prefill = true): Promise<NextOutput> {
    const [result] = await slot.sequence.controlledEvaluate([[token as Token, { generateNext }]]);
    slot.tokens.push(token);
    this.stats.evaluatedTokens += 1;
    if (prefill) this.stats.prefillTokens += 1;
    if (!result) throw new Error("llama.cpp returned no output for an evaluated token");
    return result.next;
  }

  private async sampleOne(slot: Slot, prompt: readonly number[], first: Float32Array, params: SamplingParams, index: number): Promise<GeneratedSample> {
    const greedy = params.temperature <= 0;
    const rawInPass = greedy || isRawSampling(params);
    const topK = Math.max(0, params.topLogprobs);
    await this.prepare(slot, prompt, prompt.length);

    const trace = newTrace(index);
    const { tokens, logprobs, topIds, topLogprobs } = trace;
    // The first token: drawn by emlab's sampler (llama.cpp's order of truncations) from the prompt's
    // distribution, with the stream of step 0; later steps draw inside llama.cpp.
    const token0 = sampleToken(first, params, createRng(mix32(params.seed, index, 0)));
    tokens.push(token0);
    if (rawInPass) {
      logprobs.push(first[token0]!);
      for (const id of topKIndices(first, topK)) {
        topIds.push(id);
        topLogprobs.push(first[id]!);
      }
    }
    if (this.ends(trace, params.stop)) return this.finishOne(slot, prompt, trace, rawInPass, topK);
    if (rawInPass && !greedy) await this.drawRaw(slot, trace, params, index, topK);
    else await this.drawWithOptions(slot, trace, params, index, rawInPass, topK);
    return this.finishOne(slot, prompt, trace, rawInPass, topK);
  }

  /** Steps 1.. of a raw T=1 draw (see RawDraw); each step draws from its own seed, as below. */
  private async drawRaw(slot: Slot, trace: SampleTrace, params: SamplingParams, index: number, topK: number): Promise<void> {
    const drawer = RawDraw.open(this.model, slot.sequence, topK);
    if (!drawer) throw new Error("this node-llama-cpp lacks the internals emlab's raw draw uses (emlab pins node-llama-cpp 3.22.1)");
    try {
      let input = trace.tokens[0]!;
      for (let t = 1; t < params.maxTokens; t++) {
        if (slot.tokens.length + 1 >= this.context.contextSize - 1) break;
        const step = await drawer.step(input, mix32(params.seed, index, t));
        slot.tokens.push(input);
        this.stats.evaluatedTokens += 1;
        trace.tokens.push(step.token);
        trace.logprobs.push(step.logprob);
        trace.topIds.push(...step.topIds);
        trace.topLogprobs.push(...step.topLogprobs);
        if (this.ends(trace, params.stop)) break;
        input = step.token;
      }
    } finally {
      drawer.dispose();
    }
  }

  /** Steps 1.. through node-llama-cpp's sampler (greedy, or a truncated or tempered distribution). */
  private async drawWithOptions(slot: Slot, trace: SampleTrace, params: SamplingParams, index: number, rawInPass: boolean, topK: number): Promise<void> {
    const greedy = params.temperature <= 0;
    const { tokens, logprobs, topIds, topLogprobs } = trace;
    let input = tokens[0]!;
    for (let t = 1; t < params.maxTokens; t++) {
      if (slot.tokens.length + 1 >= this.context.contextSize - 1) break;
      const next = await this.step(slot, input, {
        token: true,
        options: {
          temperature: greedy ? 0 : params.temperature,
          topK: params.topK,
          topP: params.topP,
          minP: params.minP,
          // Each step draws from its own seed, derived from (seed, sample index, step): sample i is
          // the same whether it is generated alone or in a batch, and steps are independent draws.
          seed: llamaCppSeed(mix32(params.seed, index, t)),
        },
        ...(rawInPass
          ? { logits: { filter: { tokens: [], includeSelected: true, includeTop: Math.max(1, topK) } }, totalLogitWeight: true }
          : {}),
      }, false);
      const token = next.token as number | null | undefined;
      if (token == null) {
        trace.finishReason = "eos";
        break;
      }
      tokens.push(token);
      if (rawInPass) this.readRaw(next, token, topK, logprobs, topIds, topLogprobs);
      if (this.ends(trace, params.stop)) break;
      input = token;
    }
  }

  /** Whether the last token ends the sample (end of generation, or a stop string in the text), and why. */
  private ends(trace: SampleTrace, stop: readonly string[]): boolean {
    if (this.model.isEogToken(trace.tokens[trace.tokens.length - 1]! as Token)) {
      trace.finishReason = "eos";
      return true;
    }
    if (stop.length > 0) {
      trace.stopAt = findStop(this.model.detokenize(asTokens(trace.tokens)), stop);
      if (trace.stopAt >= 0) {
        trace.finishReason = "stop";
        return true;
      }
    }
    return false;
  }

  /** Raw log-probs by re-scoring when the sampler changed the distribution, then the stored form. */
  private async finishOne(slot: Slot, prompt: readonly number[], trace: SampleTrace, rawInPass: boolean, topK: number): Promise<GeneratedSample> {
    const { tokens, logprobs, topIds, topLogprobs } = trace;
    if (!rawInPass && tokens.length > 0) {
      const rescored = await this.scoreOn(slot, prompt, tokens, topK);
      logprobs.push(...rescored.logprobs);
      topIds.push(...rescored.topIds);
      topLogprobs.push(...rescored.topLogprobs);
    }

    return finishSample(trace, topK, (ids) => this.model.detokenize(asTokens(ids)));
  }

  private readRaw(next: NextOutput, token: number, topK: number, logprobs: number[], topIds: number[], topLogprobs: number[]): void {
    const logits = next.logits as Map<number, number>;
    const total = next.totalLogitWeight!;
    const [, maxLogit] = logits.entries().next().value as [number, number];
    logprobs.push(logprobFromLogit(logits.get(token)!, maxLogit, total));
    pushTop(logits, maxLogit, total, topK, topIds, topLogprobs);
  }

  /** Raw log-probs of `continuation` after `prompt` in one batched pass (and top-K per position). */
  private async scoreOn(slot: Slot, prompt: readonly number[], continuation: readonly number[], topK: number) {
    await this.prepare(slot, prompt);
    const inputs = [prompt[prompt.length - 1]!, ...continuation.slice(0, -1)];
    const outputs = await evaluateWithReads(this.model, slot.sequence, inputs, continuation.map((id) => ({ ids: [id], top: topK })));
    slot.tokens.push(...inputs);
    this.stats.evaluatedTokens += inputs.length;
    this.stats.prefillTokens += 1;
    const logprobs = new Float32Array(continuation.length);
    const topIds: number[] = [];
    const topLogprobs: number[] = [];
    outputs.forEach((output, i) => {
      const { logits, totalLogitWeight } = output!;
      const [, maxLogit] = logits.entries().next().value as [number, number];
      logprobs[i] = logprobFromLogit(logits.get(continuation[i]!)!, maxLogit, totalLogitWeight);
      pushTop(logits, maxLogit, totalLogitWeight, topK, topIds, topLogprobs);
    });
    return { logprobs, topIds, topLogprobs };
  }
}

/**
 * Copy `source`'s first `length` tokens of KV state into `target`, inside the context. node-llama-cpp
 * 3.22 has this (llama.cpp's seq_cp) only as an internal method; emlab pins that version. False when
 * the method is missing or the copy did not end at `length`: the caller then falls back.
 */
async function copySequence(target: LlamaContextSequence, source: LlamaContextSequence, length: number): Promise<boolean> {
  const copy = (target as unknown as { _copyStateFromOtherSequence?: (other: LlamaContextSequence, upTo: number) => Promise<boolean> })
    ._copyStateFromOtherSequence;
  if (typeof copy !== "function" || source.nextTokenIndex !== length) return false;
  // seq_cp adds the source's cells to the target; the target's own cells must go first.
  if (target.nextTokenIndex > 0) await target.clearHistory();
  return (await copy.call(target, source, length)) === true;
}

function maxKey(map: Map<number, number>): number {
  let max = -1;
  for (const id of map.keys()) if (id > max) max = id;
  return max;
}

/** node-llama-cpp brands token ids; emlab's arrays are plain numbers. */
function asTokens(ids: readonly number[]): Token[] {
  return ids as unknown as Token[];
}

/** Append the top-K entries of a logit map (sorted high to low), padded to exactly K. */
function pushTop(logits: Map<number, number>, maxLogit: number, total: number, topK: number, ids: number[], lps: number[]): void {
  let rank = 0;
  for (const [id, logit] of logits) {
    if (rank >= topK) break;
    ids.push(id);
    lps.push(logprobFromLogit(logit, maxLogit, total));
    rank++;
  }
  for (; rank < topK; rank++) {
    ids.push(-1);
    lps.push(-Infinity);
  }
}
