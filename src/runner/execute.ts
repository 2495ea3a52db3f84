import { resolve } from "node:path";
import { openModel } from "../backend/open.js";
import { groupByWeights } from "../backend/weights.js";
import type { EngineOptions, EngineSettings, GeneratedSample, LoadedModel, Session } from "../backend/types.js";
import { adapterIdentity } from "../adapters/identity.js";
import type { RunCell, RunCondition, RunModel, RunPlan } from "../experiment/run-plan.js";
import { promptKey, sampleKey, type AdapterIdentity } from "./sample-key.js";
import type { Progress } from "../util/progress.js";
import { compareTokens, uniquePrefixTokens } from "./unique-prefix.js";
import type { RunnerStore } from "./runner-store.js";

export interface ExecuteOptions extends EngineOptions {
  progress?: Progress;
  /** Called once a model (and so its tokenizer) is loaded, before any sampling on it. */
  onModelLoaded?: (model: LoadedModel, modelId: string) => void;
  /** How models are opened (default openModel); tests pass an in-memory engine (src/backend/scripted). */
  open?: typeof openModel;
}

export interface ExecuteResult {
  runId: number;
  planned: number;
  generated: number;
  reused: number;
  /** Tokens run through the model(s), prefill and decode. */
  evaluatedTokens: number;
  /** Of those, prompt tokens. */
  prefillTokens: number;
  /** Distinct prompt-prefix tokens per weight variant of the cells that needed sampling: the least a run must prefill. */
  uniquePromptTokens: number;
  /** prefillTokens ÷ uniquePromptTokens (1 = no prefix evaluated twice). */
  prefillAmplification: number;
  generatedTokens: number;
  seconds: number;
  engineSettings: Record<string, EngineSettings>;
}

/**
 * Fill the database with every planned sample, exactly once.
 *
 * Order matters for speed: conditions sharing a weight variant share one session (one KV cache);
 * within it, cells run in the order of their prompt tokens, so every shared prefix (system prompt,
 * in-context examples, the smaller k of nested k values) is evaluated once and every question and
 * sample continues from it. Each cell's missing samples are generated together
 * (a batch over the session's parallel sequences) and written in one transaction: a kill at any
 * moment loses at most the cell in flight, and a re-run computes only what is missing.
 */
export async function executePlan(
  plan: RunPlan,
  store: RunnerStore,
  runId: number,
  options: ExecuteOptions = {},
): Promise<ExecuteResult> {
  const started = performance.now();
  const result: ExecuteResult = {
    runId,
    planned: plan.cells.reduce((n, c) => n + c.samples, 0),
    generated: 0,
    reused: 0,
    evaluatedTokens: 0,
    prefillTokens: 0,
    uniquePromptTokens: 0,
    prefillAmplification: 0,
    generatedTokens: 0,
    seconds: 0,
    engineSettings: {},
  };
  options.progress?.start(result.planned);
  const cellsByCondition = groupBy(plan.cells, (c) => c.conditionKey);
  const adapterShas = new Map<string, string>();

  for (const runModel of plan.models) {
    const conditions = plan.conditions.filter((c) => c.modelId === runModel.id);
    if (conditions.length === 0) continue;
    const modelCells = conditions.flatMap((c) => cellsByCondition.get(c.key) ?? []);
    const model = await (options.open ?? openModel)(runModel, options, { samplesPerPrompt: Math.max(1, ...modelCells.map((c) => c.samples)) });
    try {
      options.onModelLoaded?.(model, runModel.id);
      result.engineSettings[runModel.id] = model.settings;
      const modelId = store.upsertModel({ path: model.info.path, sha256: model.info.sha256, backend: runModel.backend, info: model.info });
      for (const group of groupByWeights(conditions).values()) {
        // Opened on the first cell that needs sampling: a finished group costs no KV cache.
        let session: Session | undefined;
        const openSession = async () => (session ??= await model.openSession(group[0]!.weights));
        const sampledPrompts: number[][] = [];
        try {
          const adapters: AdapterIdentity[] = [];
          for (const lora of group[0]!.weights.lora) {
            const path = resolve(lora.path);
            let sha = adapterShas.get(path);
            if (!sha) adapterShas.set(path, (sha = await adapterIdentity(path, runModel.backend)));
            store.upsertAdapter({ path, sha256: sha });
            adapters.push({ sha256: sha, scale: lora.scale });
          }
          const jobs: CellJob[] = [];
          for (const condition of group) {
            const conditionId = store.upsertCondition(runId, { ...condition, modelDbId: modelId, adapters });
            for (const cell of cellsByCondition.get(condition.key) ?? []) {
              jobs.push({ condition, conditionId, cell, tokens: model.chatTokens(cell.messages, { addGenerationPrompt: true }) });
            }
          }
          // Token order is a depth-first walk of the prompts' token trie: with one KV cache that
          // keeps what it evaluated, every shared prefix is evaluated once, even when a question
          // with its own system prompt (no shared prefix) sits between questions that share one.
          jobs.sort((a, b) => compareTokens(a.tokens, b.tokens));
          for (const job of jobs) {
            await runCell({ plan, store, runId, model, modelId, openSession, adapters, ...job, sampledPrompts, result, progress: options.progress });
          }
        } finally {
          result.uniquePromptTokens += uniquePrefixTokens(sampledPrompts);
          if (session) {
            result.evaluatedTokens += session.stats.evaluatedTokens;
            result.prefillTokens += session.stats.prefillTokens;
            await session.dispose();
          }
        }
      }
    } finally {
      await model.dispose();
    }
  }
  result.seconds = (performance.now() - started) / 1000;
  result.prefillAmplification = result.uniquePromptTokens > 0 ? result.prefillTokens / result.uniquePromptTokens : 1;
  options.progress?.finish();
  return result;
}

/** A cell with its prompt tokens (rendered with the model's chat template). */
interface CellJob {
  condition: RunCondition;
  conditionId: number;
  cell: RunCell;
  tokens: number[];
}

interface CellContext extends CellJob {
  plan: RunPlan;
  store: RunnerStore;
  runId: number;
  model: LoadedModel;
  modelId: number;
  openSession: () => Promise<Session>;
  adapters: AdapterIdentity[];
  /** Prompts sampled in this session (for the unique-prefix count). */
  sampledPrompts: number[][];
  result: ExecuteResult;
  progress?: Progress;
}

async function runCell(ctx: CellContext): Promise<void> {
  const { plan, store, model, cell, tokens } = ctx;
  const pKey = promptKey(model.info.sha256, tokens);
  const promptId = store.upsertPrompt({ key: pKey, messages: cell.messages, renderedText: model.renderChat(cell.messages), tokenIds: tokens });
  const keys = Array.from({ length: cell.samples }, (_, i) =>
    sampleKey({ modelSha: model.info.sha256, adapters: ctx.adapters, promptKey: pKey, params: plan.sampling, sampleIndex: i, sampler: model.settings.sampler }),
  );
  const existing = store.hasSampleKeys(keys);
  const missing = keys.flatMap((key, i) => (existing.has(key) ? [] : [i]));
  const link = (key: string, index: number) => ({
    runId: ctx.runId,
    conditionId: ctx.conditionId,
    questionId: cell.questionId,
    paraphraseIndex: cell.paraphraseIndex,
    sampleIndex: index,
    sampleKey: key,
  });

  // Samples computed before (by this run before a crash, or by another run) are only linked.
  const reused = keys.flatMap((key, i) => (existing.has(key) ? [link(key, i)] : []));
  if (reused.length > 0) store.linkRunSamples(reused);
  ctx.result.reused += reused.length;
  ctx.progress?.skip(reused.length);
  if (missing.length === 0) return;

  ctx.sampledPrompts.push(tokens);
  const samples = await (await ctx.openSession()).sample(tokens, plan.sampling, { indices: missing });
  const generatedTokens = samples.reduce((n, s) => n + s.tokenIds.length, 0);
  store.transaction(() => {
    store.insertSamples(samples.map((s) => sampleRow(s, keys[s.index]!, promptId, ctx)));
    store.linkRunSamples(samples.map((s) => link(keys[s.index]!, s.index)));
  });
  ctx.result.generated += samples.length;
  ctx.result.generatedTokens += generatedTokens;
  ctx.progress?.advance(samples.length, generatedTokens);
}

function sampleRow(sample: GeneratedSample, key: string, promptId: number, ctx: CellContext) {
  return {
    key,
    promptId,
    modelId: ctx.modelId,
    adapters: ctx.adapters,
    params: ctx.plan.sampling,
    seed: ctx.plan.sampling.seed,
    sampleIndex: sample.index,
    sample,
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
