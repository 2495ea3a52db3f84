import { existsSync, statSync } from "node:fs";
import { EmlabError } from "../../errors.js";
import { LlamaBackend } from "../llama/llama-model.js";
import { detokenizeBytes, EOS_ID, IM_END_ID, tokenizeBytes, VOCAB_SIZE } from "../scripted/byte-vocabulary.js";
import type { LoadedModel } from "../types.js";

/** What a served model takes from a local tokenizer: ids, text and the chat template. */
export type ServedTokenizer = Pick<LoadedModel, "tokenize" | "detokenize" | "tokenText" | "renderChat" | "chatTokens" | "dispose"> & {
  /** The GGUF's own engine, for scoring in-process what a server cannot (absent for the byte fallback). */
  openSession?: LoadedModel["openSession"];
  info: Pick<LoadedModel["info"], "path" | "sha256" | "architecture" | "vocabSize" | "trainedContextLength" | "chatTemplate" | "bosTokenId" | "eosTokenIds">;
};

/**
 * The tokenizer and chat template from a local GGUF file (the served model's own file, or its
 * vocabulary-only GGUF): emlab renders prompts and counts tokens itself, so the ids it sends and
 * stores are exactly the model's. The weights are memory-mapped, never evaluated.
 */
export async function loadServedTokenizer(path: string, origin: string): Promise<ServedTokenizer> {
  if (!existsSync(path)) throw new EmlabError(`${origin}: tokenizer ${path}: no such file`);
  if (statSync(path).isDirectory()) {
    throw new EmlabError(`${origin}: tokenizer ${path} is a directory; name a GGUF file of the model (or its vocabulary-only GGUF from llama.cpp's convert_hf_to_gguf.py --vocab-only)`);
  }
  return new LlamaBackend().load({ path, gpu: "cpu", threads: 1 });
}

/**
 * For hosted chat APIs with no local tokenizer: UTF-8 bytes of a ChatML rendering. Only a label for
 * the prompt and a way to count; such samples are stored with approximate ids.
 */
export function byteTokenizer(): ServedTokenizer {
  const render = (messages: readonly { role: string; content: string }[], options: { addGenerationPrompt?: boolean } = {}) =>
    messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join("") + (options.addGenerationPrompt === false ? "" : "<|im_start|>assistant\n");
  return {
    info: { path: "bytes", sha256: "bytes", architecture: "unknown", vocabSize: VOCAB_SIZE, trainedContextLength: 1 << 20, chatTemplate: null, bosTokenId: null, eosTokenIds: [IM_END_ID, EOS_ID] },
    tokenize: (text, options = {}) => tokenizeBytes(text, options.special === true),
    detokenize: (ids) => detokenizeBytes(ids),
    tokenText: (id) => detokenizeBytes([id]),
    renderChat: render,
    chatTokens: (messages, options) => tokenizeBytes(render(messages, options), true),
    dispose: async () => {},
  };
}
