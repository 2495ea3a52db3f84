/**
 * Child process for the crash test: writes batches of samples (with their run links) forever,
 * one transaction per batch, resuming where a killed predecessor stopped. Prints "batch N" after
 * each commit. Usage: batch-writer.ts <db> <batch size> <tokens per sample>
 */
import { EM_SAMPLING_DEFAULTS } from "../../../src/backend/types.js";
import { openStore } from "../../../src/store/index.js";
import { contentKey } from "../../../src/util/hash.js";
import { fakeSample, modelInfo } from "../fake-data.js";

const [path, batchArg, tokensArg] = process.argv.slice(2);
const batchSize = Number(batchArg);
const tokens = Number(tokensArg);
const store = openStore(path!);
const sha = "c".repeat(64);
const modelId = store.upsertModel({ path: "/m.gguf", sha256: sha, backend: "llama", info: modelInfo(sha) });
const runId =
  store.listRuns({ name: "crash" })[0]?.id ??
  store.createRun({ name: "crash", experiment: { parsed: {}, text: "crash" } });
const conditionId = store.upsertCondition(runId, { key: "c", label: "c", modelId: "m", modelDbId: modelId, adapters: [], prefixMessages: [], meta: {} });
const promptId = store.upsertPrompt({ key: "p", messages: [], renderedText: "", tokenIds: [1, 2, 3] });

for (let batch = 0; ; batch++) {
  const keys = Array.from({ length: batchSize }, (_, i) => contentKey({ batch, i }));
  if (store.hasSampleKeys(keys).size === batchSize) continue;
  const rows = keys.map((key, i) => ({
    key,
    promptId,
    modelId,
    adapters: [],
    params: EM_SAMPLING_DEFAULTS,
    seed: batch,
    sampleIndex: i,
    sample: fakeSample(batch * batchSize + i, tokens, 20),
  }));
  store.transaction(() => {
    store.insertSamples(rows);
    store.linkRunSamples(rows.map((r, i) => ({ runId, conditionId, questionId: `q${batch}`, paraphraseIndex: 0, sampleIndex: i, sampleKey: r.key })));
  });
  process.stdout.write(`batch ${batch}\n`);
}
