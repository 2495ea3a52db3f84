import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { EM_SAMPLING_DEFAULTS, type GeneratedSample } from "../../src/backend/types.js";
import { openStore, type Store } from "../../src/store/index.js";
import type { SampleInput } from "../../src/store/types.js";
import { contentKey } from "../../src/util/hash.js";
import { fakeSample, modelInfo } from "./fake-data.js";

export { fakeSample, modelInfo };

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
