import { sha256 } from "../../util/hash.js";
import type { Backend, ChatMessage, EngineSettings, LoadModelOptions, LoadedModel, LoraSpec, ModelInfo, Session, WeightVariant } from "../types.js";
import { BASE_VARIANT } from "../types.js";
import { detokenizeBytes, EOS_ID, IM_END_ID, pieceToken, tokenizeBytes, VOCAB_SIZE } from "./byte-vocabulary.js";
import type { NextPiece } from "./scripts.js";
import { ScriptedSession } from "./scripted-session.js";

export interface ScriptedModelOptions {
  /** Names the behaviour: it is the model's identity (its "file hash") in content keys. */
  name: string;
  /** What the model writes (see scripts.ts: mixture, always). */
  next: NextPiece;
  /** What it writes with LoRA adapters (by path and scale); default: as without. */
  withAdapters?: (lora: readonly LoraSpec[]) => NextPiece;
  contextSize?: number;
}

/**
 * An in-memory engine whose answers and log-probabilities a test scripts exactly, behind the same
 * `Backend` interface as llama.cpp and ONNX: runner, judge and probe logic get fast, exact unit tests
 * without generating model files. Tokens are bytes; the chat template is ChatML.
 */
export class ScriptedBackend implements Backend {
  readonly name = "scripted" as const;

  constructor(private readonly options: ScriptedModelOptions) {}

  async load(load: Partial<LoadModelOptions> = {}): Promise<LoadedModel> {
    return new ScriptedModel(this.options, load.contextSize ?? this.options.contextSize ?? 4096);
  }
}

const EOS_IDS: ReadonlySet<number> = new Set([IM_END_ID, EOS_ID]);

class ScriptedModel implements LoadedModel {
  readonly info: ModelInfo;
  readonly settings: EngineSettings;

  constructor(
    private readonly options: ScriptedModelOptions,
    contextSize: number,
  ) {
    this.info = {
      path: `scripted:${options.name}`,
      sha256: sha256(`scripted:${options.name}`),
      architecture: "scripted",
      name: options.name,
      vocabSize: VOCAB_SIZE,
      trainedContextLength: contextSize,
      chatTemplate: null,
      bosTokenId: null,
      eosTokenIds: [...EOS_IDS],
    };
    this.settings = {
      backend: "scripted",
      engineVersion: "scripted",
      gpu: "cpu",
      threads: 1,
      contextSize,
      flashAttention: false,
      batchSize: 1,
      parallelSequences: 1,
    };
  }

  tokenize(text: string, options: { special?: boolean } = {}): number[] {
    return tokenizeBytes(text, options.special === true);
  }

  detokenize(ids: readonly number[]): string {
    return detokenizeBytes(ids);
  }

  tokenText(id: number): string {
    return detokenizeBytes([id]);
  }

  renderChat(messages: readonly ChatMessage[], options: { addGenerationPrompt?: boolean } = {}): string {
    const turns = messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join("");
    return options.addGenerationPrompt === false ? turns : `${turns}<|im_start|>assistant\n`;
  }

  chatTokens(messages: readonly ChatMessage[], options: { addGenerationPrompt?: boolean } = {}): number[] {
    return this.tokenize(this.renderChat(messages, options), { special: true });
  }

  async openSession(variant: WeightVariant = BASE_VARIANT): Promise<Session> {
    const active = variant.lora.filter((l) => l.scale !== 0);
    const next = active.length > 0 && this.options.withAdapters ? this.options.withAdapters(variant.lora) : this.options.next;
    return new ScriptedSession(
      {
        contextSize: this.settings.contextSize,
        origin: this.info.path,
        eosTokenIds: EOS_IDS,
        logprobsAfter: (tokens) => logprobsOf(next(detokenizeBytes(tokens))),
      },
      variant,
    );
  }

  async dispose(): Promise<void> {}

  [Symbol.asyncDispose](): Promise<void> {
    return this.dispose();
  }
}

/** Log-probs over the vocabulary from a script's piece probabilities (renormalised; unlisted tokens -Infinity). */
function logprobsOf(pieces: Readonly<Record<string, number>>): Float32Array {
  const out = new Float32Array(VOCAB_SIZE).fill(-Infinity);
  const total = Object.values(pieces).reduce((sum, p) => sum + Math.max(0, p), 0);
  for (const [piece, p] of Object.entries(pieces)) if (p > 0) out[pieceToken(piece)] = Math.log(p / total);
  return out;
}
