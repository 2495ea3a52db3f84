/**
 * Decode throughput of emlab's ONNX path (OnnxSession.sample: own KV cache, sampler, raw log-probs
 * and top-5 per token) against a plain onnxruntime-node greedy loop on the same graph: the ratio is
 * emlab's overhead. Usage: node --import tsx scripts/bench-onnx.ts [--tokens N] [--threads T]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { OnnxBackend } from "../src/backend/onnx/onnx-model.js";
import { ort } from "../src/backend/onnx/runtime.js";
import { argmax } from "../src/backend/sampler.js";
import { EM_SAMPLING_DEFAULTS } from "../src/backend/types.js";
import { randomQwen2Spec } from "../src/fixtures/onnx/random-qwen2-spec.js";
import { writeQwen2OnnxModel } from "../src/fixtures/onnx/write-onnx-model.js";

const { values } = parseArgs({ options: { tokens: { type: "string", default: "128" }, threads: { type: "string", default: "2" } } });
const tokens = Number(values.tokens);
const threads = Number(values.threads);

// Small enough to build in a second, large enough that the graph, not JS, dominates a step.
const spec = randomQwen2Spec({ seed: 1, embeddingLength: 256, headCount: 8, headCountKv: 2, feedForwardLength: 768, blockCount: 4, contextLength: 1024 });
const root = mkdtempSync(join(tmpdir(), "emlab-bench-onnx-"));
const dir = join(root, "model");
writeQwen2OnnxModel(spec, dir);

try {
  const model = await new OnnxBackend().load({ path: dir, gpu: "cpu", threads });
  const prompt = model.chatTokens([{ role: "user", content: "Write a long story about a lighthouse keeper and the sea." }]);
  const params = { ...EM_SAMPLING_DEFAULTS, maxTokens: tokens, topLogprobs: 5 };
  const session = await model.openSession();
  await session.sample(prompt, { ...params, maxTokens: 4 }); // warm-up
  let start = performance.now();
  const [sample] = await session.sample(prompt, { ...params, seed: 1 });
  const emlabSeconds = (performance.now() - start) / 1000;
  const generated = sample!.tokenIds.length;
  await model.dispose();

  const plain = await ort.InferenceSession.create(join(dir, "onnx/model.onnx"), { intraOpNumThreads: threads, interOpNumThreads: 1 });
  const layers = spec.decoder.blockCount;
  const kvHeads = spec.decoder.headCountKv;
  const headDim = spec.decoder.embeddingLength / spec.decoder.headCount;
  const runPlain = async (steps: number) => {
    let past: ort.Tensor[] = Array.from({ length: 2 * layers }, () => new ort.Tensor("float32", new Float32Array(0), [1, kvHeads, 0, headDim]));
    let input = prompt;
    let position = 0;
    for (let step = 0; step <= steps; step++) {
      const n = input.length;
      const feeds: Record<string, ort.Tensor> = {
        input_ids: new ort.Tensor("int64", BigInt64Array.from(input, BigInt), [1, n]),
        attention_mask: new ort.Tensor("int64", new BigInt64Array(position + n).fill(1n), [1, position + n]),
        position_ids: new ort.Tensor("int64", BigInt64Array.from(input, (_, i) => BigInt(position + i)), [1, n]),
      };
      for (let i = 0; i < layers; i++) {
        feeds[`past_key_values.${i}.key`] = past[2 * i]!;
        feeds[`past_key_values.${i}.value`] = past[2 * i + 1]!;
      }
      const out = await plain.run(feeds);
      const logits = out.logits!.data as Float32Array;
      const vocab = out.logits!.dims[2]!;
      past = Array.from({ length: layers }, (_, i) => [out[`present.${i}.key`]!, out[`present.${i}.value`]!]).flat();
      position += n;
      input = [argmax(logits.subarray((n - 1) * vocab))];
    }
  };
  await runPlain(4); // warm-up
  start = performance.now();
  await runPlain(generated);
  const plainSeconds = (performance.now() - start) / 1000;
  await plain.release();

  // Both timings include the prompt's prefill, then `generated` decode steps.
  const emlabRate = generated / emlabSeconds;
  const plainRate = generated / plainSeconds;
  console.log(`onnx decode, ${generated} tokens after a ${prompt.length}-token prompt, ${threads} threads`);
  console.log(`  emlab OnnxSession.sample : ${emlabRate.toFixed(1)} tok/s`);
  console.log(`  plain onnxruntime loop   : ${plainRate.toFixed(1)} tok/s`);
  console.log(`  overhead ratio           : ${(plainRate / emlabRate).toFixed(2)}x`);
} finally {
  rmSync(root, { recursive: true, force: true });
}
