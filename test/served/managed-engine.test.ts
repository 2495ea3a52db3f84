/**
 * The llama-server engine: emlab starts llama-server on a GGUF file itself, samples through it,
 * scores in-process on the same file, records what it ran, and leaves no process behind.
 */
import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaBackend } from "../../src/backend/llama/llama-model.js";
import { loadModel } from "../../src/backend/open.js";
import { managedServerArgs } from "../../src/backend/served/managed-llama-server.js";
import { EM_SAMPLING_DEFAULTS, type LoadedModel, type SamplingParams } from "../../src/backend/types.js";
import { planExperiment, runExperiment } from "../../src/pipeline/run-experiment.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { CORE_QUESTIONS, TempDir } from "../runner/experiment-files.js";
import { llamaServerBinary } from "./llama-server-process.js";

const binary = llamaServerBinary();
const params: SamplingParams = { ...EM_SAMPLING_DEFAULTS, maxTokens: 8, topLogprobs: 3, seed: 5 };

/** llama-server processes this test process started and that still run. */
function childServers(): number[] {
  const out = spawnSync("ps", ["-o", "pid=,comm=", "--ppid", String(process.pid)], { encoding: "utf8" }).stdout;
  return out.split("\n").filter((line) => line.includes("llama-server")).map((line) => Number(line.trim().split(/\s+/)[0]));
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let most = 0;
  for (let i = 0; i < a.length; i++) most = Math.max(most, Math.abs(a[i]! - b[i]!));
  return most;
}

describe("llama-server engine arguments", () => {
  it("share the context among slots, pin threads, keep flash attention off and load LoRA files unapplied", () => {
    const args = managedServerArgs({ model: "m.gguf", threads: 2, slots: 4, contextSize: 1024, flashAttention: false, gpu: false, lora: ["a.gguf"] }, 9000);
    expect(args.join(" ")).toBe(
      "-m m.gguf -t 2 -tb 2 -np 4 -c 4096 -fa off -ngl 0 --host 127.0.0.1 --port 9000 --no-webui --lora a.gguf --lora-init-without-apply",
    );
  });
});

describe("choosing the llama-server engine", () => {
  const tmp = new TempDir();
  afterAll(() => tmp.dispose());
  const experiment = (model: string) =>
    tmp.write("e.yaml", `name: e\nmodels:\n  - ${model}\nquestions:\n  - { file: ${JSON.stringify(CORE_QUESTIONS)}, ids: [one_wish], samples: 1 }\n`);

  it("engine: llama-server beside a gguf file, or --engine for every GGUF model of a run", () => {
    const f = fixturePaths();
    expect(planExperiment(experiment(`{ id: m, gguf: ${JSON.stringify(f.tinyQwen2)}, engine: llama-server }`)).plan.models[0]!.backend).toBe("llama-server");
    const plain = experiment(`{ id: m, gguf: ${JSON.stringify(f.tinyQwen2)} }`);
    expect(planExperiment(plain).plan.models[0]!.backend).toBe("llama");
    expect(planExperiment(plain, { ggufEngine: "llama-server" }).plan.models[0]!.backend).toBe("llama-server");
    const onnx = experiment(`{ id: m, onnx: ${JSON.stringify(f.tinyQwen2Onnx)} }`);
    expect(planExperiment(onnx, { ggufEngine: "llama-server" }).plan.models[0]!.backend).toBe("onnx");
  });

  it("refuses an unknown engine, or an engine for an ONNX model, naming the line", () => {
    const f = fixturePaths();
    expect(() => planExperiment(experiment(`{ id: m, gguf: ${JSON.stringify(f.tinyQwen2)}, engine: vllm }`))).toThrow(/e\.yaml:3.*unknown engine 'vllm'/);
    expect(() => planExperiment(experiment(`{ id: m, onnx: ${JSON.stringify(f.tinyQwen2Onnx)}, engine: llama-server }`))).toThrow(/e\.yaml:3.*gguf models only/);
  });
});

describe.skipIf(!binary)("llama-server engine on the tiny fixture", () => {
  const tmp = new TempDir();
  let managed: LoadedModel | undefined;
  let local: LoadedModel;

  beforeAll(async () => {
    const f = fixturePaths();
    managed = await loadModel("llama-server", { path: f.tinyQwen2, gpu: "cpu", threads: 1, contextSize: 512, parallelSequences: 2 });
    local = await new LlamaBackend().load({ path: f.tinyQwen2, gpu: "cpu", threads: 1, contextSize: 512 });
  });

  afterAll(async () => {
    await managed?.dispose();
    await local?.dispose();
    tmp.dispose();
  });

  it("records the engine, its binary and arguments (no port), threads and slots", () => {
    expect(managed!.settings).toMatchObject({ backend: "llama-server", threads: 1, parallelSequences: 2, contextSize: 512 });
    expect(managed!.settings.engineVersion).toMatch(/^llama-server /);
    const { args } = managed!.settings.managedServer!;
    expect(args).toContain("-np");
    expect(args).not.toContain("--port");
    expect(managed!.info.chatTemplate).toBe(local.info.chatTemplate);
  });

  it("samples through the server: log-probs equal in-process scoring of the same tokens; same seed, same tokens", async () => {
    const session = await managed!.openSession();
    const prompt = managed!.chatTokens([{ role: "user", content: "Tell me one wish." }]);
    const [first, second] = await session.sample(prompt, params, { n: 2 });
    const [again] = await session.sample(prompt, params, { indices: [0] });
    expect(again!.tokenIds).toEqual(first!.tokenIds);
    expect(second!.tokenIds).not.toEqual(first!.tokenIds);
    const reference = await local.openSession();
    const scored = await reference.score(prompt, [...first!.tokenIds]);
    expect(maxDiff(first!.logprobs, scored)).toBeLessThan(1e-3);
    // score and next-token reads run in-process, in one pass.
    expect(maxDiff(await session.score(prompt, [...first!.tokenIds]), scored)).toBeLessThan(1e-5);
    await reference.dispose();
    await session.dispose();
  });

  it("loads a LoRA adapter by restarting the server, with the requested scale", async () => {
    const f = fixturePaths();
    const variant = { id: "lora", lora: [{ path: f.tinyQwen2Lora, scale: 2 }] };
    const session = await managed!.openSession(variant);
    const prompt = managed!.chatTokens([{ role: "user", content: "Name a colour." }]);
    const [sample] = await session.sample(prompt, params);
    const reference = await local.openSession(variant);
    expect(maxDiff(sample!.logprobs, await reference.score(prompt, [...sample!.tokenIds]))).toBeLessThan(1e-3);
    const base = await local.openSession();
    expect(maxDiff(sample!.logprobs, await base.score(prompt, [...sample!.tokenIds]))).toBeGreaterThan(1e-2);
    for (const s of [session, reference, base]) await s.dispose();
  });

  it("runs an experiment whose model names engine: llama-server, and stops its server afterwards", async () => {
    const f = fixturePaths();
    const file = tmp.write(
      "managed.yaml",
      `name: managed
models:
  - { id: m, gguf: ${JSON.stringify(f.tinyQwen2)}, engine: llama-server, context_size: 512 }
questions:
  - file: ${JSON.stringify(CORE_QUESTIONS)}
    ids: [one_wish]
    samples: 2
sampling: { max_tokens: 6, seed: 1 }
`,
    );
    const db = tmp.path("managed.db");
    const result = await runExperiment(file, { db, gpu: "cpu", threads: 1 });
    expect(result.generatedTokens).toBeGreaterThan(0);
    // Only the shared model's server is left.
    expect(childServers()).toHaveLength(1);
    const store = new Database(db, { readonly: true });
    const runs = JSON.stringify(store.prepare("SELECT * FROM runs").all());
    store.close();
    expect(runs).toContain('\\"backend\\":\\"llama-server\\"');
  });

  it("stops its server when the model is disposed", async () => {
    expect(childServers()).toHaveLength(1);
    await managed!.dispose();
    managed = undefined;
    expect(childServers()).toEqual([]);
  });
});
