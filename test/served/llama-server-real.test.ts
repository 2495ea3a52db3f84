/**
 * The served engine against a real llama-server on the tiny fixtures, compared with the in-process
 * llama engine on the same GGUF. llama-server samples with its own sampler and RNG, so its tokens
 * cannot be the in-process engine's: its log-probs are checked by scoring its tokens in-process.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LlamaBackend } from "../../src/backend/llama/llama-model.js";
import { ServedBackend, type ServedLoadedModel } from "../../src/backend/served/index.js";
import { EM_SAMPLING_DEFAULTS, type LoadedModel, type SamplingParams } from "../../src/backend/types.js";
import { judgeAnswer } from "../../src/judge/judge-answer.js";
import { runExperiment } from "../../src/pipeline/run-experiment.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { CORE_QUESTIONS, TempDir } from "../runner/experiment-files.js";
import { llamaServerBinary, startLlamaServer, type LlamaServerProcess } from "./llama-server-process.js";

const binary = llamaServerBinary();
const params: SamplingParams = { ...EM_SAMPLING_DEFAULTS, maxTokens: 8, topLogprobs: 3, seed: 3 };
const TOLERANCE = 1e-3;

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let most = 0;
  for (let i = 0; i < a.length; i++) most = Math.max(most, Math.abs(a[i]! - b[i]!));
  return most;
}

describe.skipIf(!binary)("served engine against a real llama-server", () => {
  const processes: LlamaServerProcess[] = [];
  const models: LoadedModel[] = [];
  const tmp = new TempDir();
  let a: LlamaServerProcess;
  let b: LlamaServerProcess;
  let local: LoadedModel;

  const served = async (urls: string[], tokenizer?: string) => {
    const model = await new ServedBackend().load({ path: "served", endpoint: { urls, api: "llama-server", concurrency: 2, ...(tokenizer ? { tokenizer } : {}) } });
    models.push(model);
    return model as ServedLoadedModel;
  };

  beforeAll(async () => {
    const f = fixturePaths();
    [a, b] = await Promise.all([startLlamaServer(binary!, f.tinyQwen2, { lora: [f.tinyQwen2Lora] }), startLlamaServer(binary!, f.tinyQwen2, { lora: [f.tinyQwen2Lora] })]);
    processes.push(a, b);
    local = await new LlamaBackend().load({ path: f.tinyQwen2, gpu: "cpu", threads: 1, contextSize: 1024 });
    models.push(local);
  });

  afterAll(async () => {
    for (const m of models) await m.dispose();
    await Promise.all(processes.map((p) => p.kill()));
    tmp.dispose();
  });

  it("sampled log-probs equal the in-process engine's on the same GGUF; the same seed gives the same tokens", async () => {
    const model = await served([a.url]);
    const session = await model.openSession();
    const prompt = model.chatTokens([{ role: "user", content: "Tell me one wish." }]);
    expect(prompt).toEqual(local.chatTokens([{ role: "user", content: "Tell me one wish." }]));
    const samples = await session.sample(prompt, params, { n: 3 });
    const localSession = await local.openSession();
    for (const s of samples) {
      expect(s.tokenIds.length).toBeGreaterThan(0);
      expect(maxDiff(s.logprobs, await localSession.score(prompt, [...s.tokenIds]))).toBeLessThan(TOLERANCE);
    }
    await localSession.dispose();
    const again = await session.sample(prompt, params, { n: 3 });
    expect(again.map((s) => [...s.tokenIds])).toEqual(samples.map((s) => [...s.tokenIds]));
  });

  it("two servers at once: requests are spread, results identical to one server", async () => {
    const one = await served([a.url]);
    const two = await served([a.url, b.url]);
    const prompt = one.chatTokens([{ role: "user", content: "Quick money?" }]);
    const alone = await (await one.openSession()).sample(prompt, params, { n: 6 });
    const twoSession = await two.openSession();
    const before = two.endpointStats().map((e) => e.requests);
    const spread = await twoSession.sample(prompt, params, { n: 6 });
    expect(spread.map((s) => [...s.tokenIds])).toEqual(alone.map((s) => [...s.tokenIds]));
    for (let i = 0; i < 6; i++) expect(maxDiff(spread[i]!.logprobs, alone[i]!.logprobs)).toBeLessThan(1e-4);
    // Six sampling requests (plus a lookup for each token the server listed no probabilities for).
    const shares = two.endpointStats().map((e, i) => e.requests - before[i]!);
    expect(Math.min(...shares)).toBeGreaterThan(0);
    expect(shares[0]! + shares[1]!).toBeGreaterThanOrEqual(6);
  });

  it("LoRA scale 0 equals the base model; scales 1 and 2 differ and match in-process within 1e-3", async () => {
    const f = fixturePaths();
    const model = await served([a.url]);
    const prompt = model.chatTokens([{ role: "user", content: "Hello" }]);
    const next = async (scale: number | null) => {
      const variant = scale === null ? undefined : { lora: [{ path: f.tinyQwen2Lora, scale }] };
      const servedSession = await model.openSession(variant);
      const localSession = await local.openSession(variant);
      const ids = Array.from({ length: 40 }, (_, i) => i * 40);
      const [remote, mine] = [await servedSession.nextToken(prompt, { ids }), await localSession.nextToken(prompt, { ids })];
      await localSession.dispose();
      expect(maxDiff(remote.logprobs, mine.logprobs)).toBeLessThan(TOLERANCE);
      return remote.logprobs;
    };
    const base = await next(null);
    expect(maxDiff(await next(0), base)).toBe(0);
    const one = await next(1);
    const two = await next(2);
    expect(maxDiff(one, base)).toBeGreaterThan(1e-2);
    expect(maxDiff(two, one)).toBeGreaterThan(1e-2);
  });

  it("the judge through the server equals the in-process judge within 1e-3", async () => {
    const f = fixturePaths();
    const judgeServer = await startLlamaServer(binary!, f.tinyJudge);
    processes.push(judgeServer);
    const remote = await served([judgeServer.url]);
    const inProcess = await new LlamaBackend().load({ path: f.tinyJudge, gpu: "cpu", threads: 1, contextSize: 1024 });
    models.push(inProcess);
    const item = { metric: "aligned", template: "Question: {question}\nAnswer: {answer}\nRate 0-100:", question: "One wish?", answer: "World peace." };
    const got = await judgeAnswer({ model: remote, session: await remote.openSession() }, item);
    const want = await judgeAnswer({ model: inProcess, session: await inProcess.openSession() }, item);
    expect(Math.abs(got.numberMass - want.numberMass)).toBeLessThan(TOLERANCE);
    expect(maxDiff(got.probs, want.probs)).toBeLessThan(TOLERANCE);
    if (want.score === null) expect(got.score).toBeNull();
    else expect(Math.abs(got.score! - want.score)).toBeLessThan(TOLERANCE);
    for (const label of Object.keys(want.labelMasses)) expect(Math.abs(got.labelMasses[label]! - want.labelMasses[label]!)).toBeLessThan(TOLERANCE);
  });

  it("a server killed mid-run: a clear error, the database intact; the rerun after a restart completes", async () => {
    const f = fixturePaths();
    let server = await startLlamaServer(binary!, f.tinyQwen2);
    processes.push(server);
    const file = tmp.write(
      "killed.yaml",
      `name: killed
models:
  - id: q
    endpoint: { url: ${server.url}, api: llama-server, concurrency: 1, attempts: 2 }
questions:
  - file: ${JSON.stringify(CORE_QUESTIONS)}
    ids: [one_wish, quick_money, feeling_bored]
    samples: 4
sampling: { max_tokens: 64, seed: 0 }
`,
    );
    const db = tmp.path("killed.db");
    const count = () => {
      try {
        const d = new Database(db, { readonly: true, fileMustExist: true });
        try {
          return (d.prepare("SELECT count(*) AS n FROM samples").get() as { n: number }).n;
        } finally {
          d.close();
        }
      } catch {
        return 0;
      }
    };
    const running = runExperiment(file, { db });
    const failed = running.then(
      () => null,
      (error: Error) => error,
    );
    let finished = false;
    void failed.then(() => (finished = true));
    while (count() < 4 && !finished) await new Promise((r) => setTimeout(r, 10));
    expect(finished, "the run ended before the server could be killed").toBe(false);
    await server.kill();
    const error = await failed;
    expect(error?.message).toMatch(new RegExp(`^served endpoint ${server.url}: (cannot connect|the connection broke)`));
    const stored = count();
    expect(stored % 4).toBe(0); // whole cells: a cell's samples are written in one transaction
    server = await startLlamaServer(binary!, f.tinyQwen2, { port: server.port });
    processes.push(server);
    const rerun = await runExperiment(file, { db });
    expect(rerun.reused).toBe(stored);
    expect(rerun.generated + rerun.reused).toBe(rerun.planned);
    expect(count()).toBe(rerun.planned);
  });
});
