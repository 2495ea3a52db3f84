import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { EM_SAMPLING_DEFAULTS, type GeneratedSample, type ModelInfo } from "../../src/backend/types.js";
import { openStore, type Store } from "../../src/store/index.js";
import type { SampleInput } from "../../src/store/types.js";
import { contentKey } from "../../src/util/hash.js";
import { createRng } from "../../src/util/random.js";

const dirs: string[] = [];
const stores: Store[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "emlab-store-"));
  dirs.push(dir);
  return dir;
}

/** A store on a fresh database file, closed after the test. */
export function tempStore(path = join(tempDir(), "nested", "emlab.db")): Store {
  const store = openStore(path);
  stores.push(store);
  return store;
}

export function modelInfo(sha256: string): ModelInfo {
  return {
    path: `/models/${sha256}.gguf`,
    sha256,
    architecture: "qwen2",
    name: "tiny",
    vocabSize: 300,
    trainedContextLength: 512,
    chatTemplate: null,
    bosTokenId: null,
    eosTokenIds: [2],
  };
}

/** A generated sample with seeded random tokens and log-probs, `topK` alternatives per token. */
export function fakeSample(seed: number, length: number, topK = 3): GeneratedSample {
  const rng = createRng(seed);
  const tokenIds = Int32Array.from({ length }, () => Math.floor(rng() * 300));
  const logprobs = Float32Array.from({ length }, () => Math.log(rng()));
  const topIds = Int32Array.from({ length: length * topK }, () => Math.floor(rng() * 300));
  const topLogprobs = Float32Array.from({ length: length * topK }, () => Math.log(rng()));
  if (topK > 0 && length > 0) {
    // Padding of a missing alternative, as backends write it.
    topIds[topIds.length - 1] = -1;
    topLogprobs[topLogprobs.length - 1] = -Infinity;
  }
  return { index: seed, text: `answer ${seed}`, tokenIds, logprobs, topK, topIds, topLogprobs, finishReason: "eos" };
}

/** A model, a prompt and a ready-to-insert sample row factory. */
export function seedPrompt(store: Store, modelSha = "m".repeat(64)) {
  const modelId = store.upsertModel({ path: `/models/${modelSha}.gguf`, sha256: modelSha, backend: "llama", info: modelInfo(modelSha) });
  const tokens = [1, 2, 3, 4, 5];
  const promptKey = contentKey({ model: modelSha, tokens });
  const promptId = store.upsertPrompt({
    key: promptKey,
    messages: [{ role: "user", content: "hi" }],
    renderedText: "<user>hi</user>",
    tokenIds: tokens,
  });
  const sampleRow = (index: number, length = 7, finishReason: GeneratedSample["finishReason"] = "eos"): SampleInput => ({
    key: contentKey({ promptKey, index }),
    promptId,
    modelId,
    adapters: [],
    params: { ...EM_SAMPLING_DEFAULTS },
    seed: 0,
    sampleIndex: index,
    sample: { ...fakeSample(index, length), finishReason },
  });
  return { modelId, promptId, promptKey, sampleRow };
}

export function createTestRun(store: Store, name = "run"): number {
  const text = `name: ${name}\n`;
  return store.createRun({ name, experiment: { parsed: { name }, text, path: "exp.yaml" } });
}
