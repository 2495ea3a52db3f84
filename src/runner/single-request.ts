import { resolve } from "node:path";
import { loadModel, type BackendName } from "../backend/open.js";
import type { ChatMessage, EngineSettings, GeneratedSample, LoadModelOptions, LoraSpec, SamplingParams } from "../backend/types.js";
import { EmlabError } from "../errors.js";
import type { Store } from "../store/index.js";
import { adapterIdentity } from "../adapters/identity.js";
import { promptKey, sampleKey, type AdapterIdentity } from "./sample-key.js";

export interface SingleRequest {
  backend?: BackendName;
  load: LoadModelOptions;
  lora: LoraSpec[];
  messages: ChatMessage[];
  /** Opens the database only once the request is known to be valid, so bad input leaves it unchanged. */
  openStore: () => Store;
}

export interface TokenView {
  id: number;
  text: string;
  logprob: number;
  top?: { id: number; text: string; logprob: number }[];
}

/**
 * `emlab sample`: sample n answers to one chat prompt, reusing any already in the database (same
 * content key) and storing the new ones in one transaction.
 */
export async function sampleRequest(
  request: SingleRequest,
  params: SamplingParams,
  n: number,
): Promise<{ samples: (GeneratedSample & { tokens: TokenView[]; reused: boolean })[] }> {
  const model = await loadModel(request.backend ?? "llama", { samplesPerPrompt: n, ...request.load });
  try {
    const session = await model.openSession({ lora: request.lora });
    const tokens = model.chatTokens(request.messages, { addGenerationPrompt: true });
    checkFits(tokens.length, model.settings.contextSize, request.load.path);
    const adapters = await adapterIdentities(request.lora, model.settings.backend);
    const pKey = promptKey(model.info.sha256, tokens);
    const keys = Array.from({ length: n }, (_, i) =>
      sampleKey({ modelSha: model.info.sha256, adapters, promptKey: pKey, params, sampleIndex: i, sampler: model.settings.sampler }),
    );
    using store = request.openStore();
    const existing = store.hasSampleKeys(keys);
    const missing = keys.flatMap((key, i) => (existing.has(key) ? [] : [i]));
    const fresh = missing.length > 0 ? await session.sample(tokens, params, { indices: missing }) : [];
    store.transaction(() => {
      const modelId = store.upsertModel({ path: model.info.path, sha256: model.info.sha256, backend: model.settings.backend, info: model.info });
      for (const lora of request.lora) store.upsertAdapter({ path: resolve(lora.path), sha256: adapters[request.lora.indexOf(lora)]!.sha256 });
      const promptId = store.upsertPrompt({ key: pKey, messages: request.messages, renderedText: model.renderChat(request.messages), tokenIds: tokens });
      store.insertSamples(
        fresh.map((s) => ({ key: keys[s.index]!, promptId, modelId, adapters, params, seed: params.seed, sampleIndex: s.index, sample: s })),
      );
    });
    const samples = keys.map((key, i) => {
      const sample = fresh.find((s) => s.index === i) ?? { ...store.getSampleByKey(key)!, index: i };
      return { ...sample, tokens: tokenViews(model, sample), reused: existing.has(key) };
    });
    return { samples };
  } finally {
    await model.dispose();
  }
}

/** `emlab score`: log-likelihood of a fixed continuation after a chat prompt, per token. */
export async function scoreRequest(
  request: SingleRequest,
  continuation: string,
): Promise<{ tokens: TokenView[]; total_logprob: number }> {
  const model = await loadModel(request.backend ?? "llama", request.load);
  try {
    const session = await model.openSession({ lora: request.lora });
    const prompt = model.chatTokens(request.messages, { addGenerationPrompt: true });
    const cont = model.tokenize(continuation, { special: false });
    if (cont.length === 0) throw new EmlabError("--continuation is empty");
    checkFits(prompt.length + cont.length, model.settings.contextSize, request.load.path);
    const logprobs = await session.score(prompt, cont);
    const adapters = await adapterIdentities(request.lora, model.settings.backend);
    const pKey = promptKey(model.info.sha256, prompt);
    using store = request.openStore();
    store.transaction(() => {
      store.upsertModel({ path: model.info.path, sha256: model.info.sha256, backend: model.settings.backend, info: model.info });
      const promptId = store.upsertPrompt({ key: pKey, messages: request.messages, renderedText: model.renderChat(request.messages), tokenIds: prompt });
      const key = sampleKey({ modelSha: model.info.sha256, adapters, promptKey: pKey, params: SCORE_PARAMS, sampleIndex: 0 }) + ":" + cont.join(",");
      if (!store.hasScoreKeys([key]).has(key)) {
        store.insertScores([{ key, promptId, tokenIds: cont, logprobs, details: { adapters } }]);
      }
    });
    const tokens = cont.map((id, i) => ({ id, text: model.tokenText(id), logprob: logprobs[i]! }));
    return { tokens, total_logprob: tokens.reduce((sum, t) => sum + t.logprob, 0) };
  } finally {
    await model.dispose();
  }
}

/** Scores have no sampling settings; this fixed value keeps their keys in the sample-key shape. */
const SCORE_PARAMS: SamplingParams = { temperature: 0, topP: 1, topK: 0, minP: 0, maxTokens: 0, stop: [], seed: 0, topLogprobs: 0 };

function checkFits(length: number, contextSize: number, path: string): void {
  if (length > contextSize - 1) {
    throw new EmlabError(`${path}: the prompt is ${length} tokens long but the context holds ${contextSize} (use --context-size)`);
  }
}

async function adapterIdentities(lora: readonly LoraSpec[], backend: EngineSettings["backend"]): Promise<AdapterIdentity[]> {
  return Promise.all(lora.map(async (l) => ({ sha256: await adapterIdentity(l.path, backend), scale: l.scale })));
}

function tokenViews(model: { tokenText(id: number): string }, sample: Pick<GeneratedSample, "tokenIds" | "logprobs" | "topK" | "topIds" | "topLogprobs">): TokenView[] {
  return Array.from(sample.tokenIds, (id, t) => {
    const top = [];
    for (let r = 0; r < sample.topK; r++) {
      const topId = sample.topIds[t * sample.topK + r]!;
      if (topId >= 0) top.push({ id: topId, text: model.tokenText(topId), logprob: sample.topLogprobs[t * sample.topK + r]! });
    }
    return { id, text: model.tokenText(id), logprob: sample.logprobs[t]!, top };
  });
}
