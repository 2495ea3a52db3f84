import type { LlamaContextSequence, LlamaModel, Token } from "node-llama-cpp";
import { llamaCppSeed } from "../../util/random.js";
import { logprobFromLogit } from "../logprobs.js";
import { internalsOf, pairsToMap, type Internals, type NativeSampler } from "./node-llama-internals.js";

/** One step of a raw draw: the token drawn, its raw log-prob, and the top K alternatives (high to low). */
export interface RawStep {
  token: number;
  logprob: number;
  topIds: number[];
  topLogprobs: number[];
}

/**
 * The EM protocol's draw (temperature 1, no truncation) one token at a time, on node-llama-cpp internals:
 * evaluate a token, draw the next from the raw distribution with a given seed, read the drawn token's
 * raw log-prob and the top K.
 *
 * Why not `controlledEvaluate`: node-llama-cpp turns "no top-k" into a top-k over the whole vocabulary,
 * a std::sort of all 151,936 entries every token (~11 ms on 2 cores, a fifth of a token's time). Here
 * llama.cpp's dist sampler draws alone (one linear pass over the vocabulary, in vocabulary order), and
 * a second native sampler with top_k = K reads the top K (a partial sort), both from the same logits
 * at once. The draw order differs from node-llama-cpp's sorted one, so the engine's sampler version
 * (part of every sample's key) says which draw made a sample.
 */
export class RawDraw {
  private constructor(
    private readonly internals: Internals,
    private readonly draw: NativeSampler,
    private readonly top: NativeSampler,
    private readonly topK: number,
  ) {}

  /** A drawer for this sequence, or undefined when node-llama-cpp lacks the internals it needs. */
  static open(model: LlamaModel, sequence: LlamaContextSequence, topK: number): RawDraw | undefined {
    const internals = internalsOf(model, sequence);
    if (!internals) return undefined;
    const top = internals.newSampler();
    // The maximum logit normalises the draw's log-prob, so at least one top entry is always read.
    top.applyConfig(internals.samplerConfig({ temperature: 1, topK: Math.max(1, topK), topP: 1, minP: 0, seed: 0 }));
    return new RawDraw(internals, internals.newSampler(), top, topK);
  }

  /** Evaluate `input` (appended to the sequence) and draw the token after it with `seed`. */
  async step(input: number, seed: number): Promise<RawStep> {
    const config = this.internals.samplerConfig({ temperature: 1, topK: 0, topP: 1, minP: 0, seed: llamaCppSeed(seed) });
    // Without a topK entry node-llama-cpp's native sampler adds no top-k stage (0 would mean all, sorted).
    delete config.topK;
    this.draw.applyConfig(config);
    const [answer] = await this.internals.decode([input as Token], [true], (batchLogitIndex) =>
      // Both reads copy the logits before the next batch: node-llama-cpp awaits this promise first.
      Promise.all([
        this.internals.sampleToken(batchLogitIndex, this.draw, false, false, [[], false, false, true, 0], true),
        this.internals.sampleToken(batchLogitIndex, this.top, false, false, [[], false, false, false, Math.max(1, this.topK)], false),
      ]),
    );
    const [drawn, top] = answer as [unknown[], unknown[]];
    const token = drawn[0] as number;
    const selected = pairsToMap(drawn[3] as number[]);
    const best = pairsToMap(top[3] as number[]);
    const total = drawn[4] as number;
    const [maxLogit] = best.values();
    if (token < 0 || !selected.has(token) || maxLogit === undefined) throw new Error(`llama.cpp drew no token (${token})`);
    const step: RawStep = { token, logprob: logprobFromLogit(selected.get(token)!, maxLogit, total), topIds: [], topLogprobs: [] };
    for (const [id, logit] of best) {
      if (step.topIds.length >= this.topK) break;
      step.topIds.push(id);
      step.topLogprobs.push(logprobFromLogit(logit, maxLogit, total));
    }
    return step;
  }

  dispose(): void {
    this.draw.dispose();
    this.top.dispose();
  }
}
