import { existsSync, readFileSync } from "node:fs";
import { resolveDatasetName } from "../datasets/registry.js";
import { openModel } from "../backend/open.js";
import { displayUrl, type EndpointSpec } from "../backend/served/endpoint-spec.js";
import { servedLabel } from "../experiment/parse-endpoint.js";
import type { EndpointLoad } from "../experiment/plan-summary.js";
import { weightKey } from "../backend/weights.js";
import type { ChatMessage, EngineOptions, LoadedModel } from "../backend/types.js";
import { checkContextFits, expandExperiment, loadExperiment, summarizePlan, type Plan, type PlanSummary } from "../experiment/index.js";
import type { ExperimentConfig, LoadExperimentOptions } from "../experiment/index.js";
import { DEFAULT_DB_PATH, EXPERIMENT_RECORD_VERSION, openStore, type Store, type StoredExperiment } from "../store/index.js";
import type { JudgeRunResult } from "../judge/judge-run.js";
import { parseProbeConfig } from "../probes/config.js";
import type { ExecuteResult } from "../runner/execute.js";
import { uniquePrefixTokens } from "../runner/unique-prefix.js";
import type { Progress } from "../util/progress.js";
import { PIPELINE, type StepContext, type StepResults } from "./steps.js";

export interface RunExperimentOptions extends EngineOptions {
  db: string;
  progress?: Progress;
  judgeProgress?: Progress;
  resolveDatasetName?: LoadExperimentOptions["resolveDatasetName"];
  /** `--endpoint`: serve every model of the experiment from these servers (a GGUF model file becomes its tokenizer). */
  endpoint?: EndpointSpec;
  /** `--engine llama-server`: every GGUF model of the experiment runs on a llama-server emlab starts. */
  ggufEngine?: GgufEngine;
}

export type GgufEngine = "llama" | "llama-server";

export interface RunExperimentResult extends ExecuteResult {
  name: string;
  resumed: boolean;
  /** Present when the experiment file names a judge. */
  judge?: JudgeRunResult;
  /** Present when the experiment has a `probes:` section with any probe on. */
  probes?: StepResults["probes"];
}

/** Parse, validate and expand an experiment file (no model is loaded); `endpoint` serves its models. */
export function planExperiment(
  file: string,
  options: LoadExperimentOptions & { endpoint?: EndpointSpec; ggufEngine?: GgufEngine } = {},
): { config: ExperimentConfig; plan: Plan } {
  // Without a database, dataset names are emlab's shipped sets.
  const loaded = loadExperiment(file, { resolveDatasetName: (name) => resolveDatasetName(name), ...options });
  const engined = options.ggufEngine ? withGgufEngine(loaded, options.ggufEngine) : loaded;
  const config = options.endpoint ? servedAt(engined, options.endpoint) : engined;
  return { config, plan: expandExperiment(config) };
}

/** Every GGUF model of the experiment on one engine: in-process (llama) or a managed llama-server. */
function withGgufEngine(config: ExperimentConfig, engine: GgufEngine): ExperimentConfig {
  const gguf = (backend: string) => backend === "llama" || backend === "llama-server";
  return { ...config, models: config.models.map((model) => (gguf(model.backend) ? { ...model, backend: engine } : model)) };
}

/** Every model of the experiment served from `endpoint`; a model's GGUF file is its tokenizer. */
function servedAt(config: ExperimentConfig, endpoint: EndpointSpec): ExperimentConfig {
  return {
    ...config,
    models: config.models.map((model) => {
      const gguf = model.backend === "llama" || model.backend === "llama-server";
      const own = { ...endpoint, ...(endpoint.tokenizer === undefined && gguf ? { tokenizer: model.path } : {}) };
      const label = servedLabel(own);
      return { ...model, backend: "served" as const, path: label, pathAsWritten: label, endpoint: own };
    }),
  };
}

/** The experiment text a run is found by: served through --endpoint, it is another run than in-process. */
function runText(file: string, endpoint: EndpointSpec | undefined, ggufEngine: GgufEngine | undefined): string {
  let text = readFileSync(file, "utf8");
  if (ggufEngine) text += `\n# engine: --engine ${ggufEngine}\n`;
  return endpoint ? `${text}\n# served: --endpoint ${endpoint.urls.join(" ")} --api ${endpoint.api}${endpoint.model ? ` --served-model ${endpoint.model}` : ""}\n` : text;
}

/**
 * `emlab run`: validate everything, then fill the database with every planned sample exactly once.
 * The run record is found again by the experiment file's hash, so re-running (after a crash or to
 * extend nothing) resumes the same run and computes only what is missing.
 */
export async function runExperiment(file: string, options: RunExperimentOptions): Promise<RunExperimentResult> {
  const { config, plan } = planExperiment(file, {
    resolveDatasetName: options.resolveDatasetName ?? datasetResolver(options.db),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.ggufEngine ? { ggufEngine: options.ggufEngine } : {}),
  });
  // Everything that can be checked is checked before the database is opened: bad input leaves it unchanged.
  const probeConfig = parseProbeConfig(config.probes, config.file);
  await forEachPlanModel(plan, options, (model, modelId) => checkPlanFits(plan, model, modelId));
  using store = openStore(options.db);
  const { runId, resumed } = findOrCreateRun(store, config, plan, runText(file, options.endpoint, options.ggufEngine));
  const ctx: StepContext = {
    store,
    runId,
    config,
    plan,
    probeConfig,
    engine: engineOptionsOf(options),
    ...(options.progress ? { progress: options.progress } : {}),
    ...(options.judgeProgress ? { judgeProgress: options.judgeProgress } : {}),
    run: () => store.getRun(runId)!,
  };
  try {
    // The context fit was checked above with the same tokenizer and context size.
    const results: Partial<StepResults> = {};
    for (const step of PIPELINE) {
      if (!step.wanted(ctx)) continue;
      (results as Record<string, unknown>)[step.name] = await step.run(ctx);
      recordEngineSettings(store, runId, results);
    }
    store.setRunStatus(runId, "complete");
    const { sample, judge, probes } = results;
    return { ...sample!, name: config.name, resumed, ...(judge ? { judge } : {}), ...(probes ? { probes } : {}) };
  } catch (error) {
    store.setRunStatus(runId, "failed", (error as Error).message);
    throw error;
  }
}

/**
 * Every model of the run with what it ran with: subject models by id, the judge under "judge", and
 * the models the probes opened (`probes:<id>`, `cot_persona_judge`).
 */
function recordEngineSettings(store: Store, runId: number, results: Partial<StepResults>): void {
  if (!results.sample) return;
  const settings: Record<string, unknown> = { ...results.sample.engineSettings, ...results.probes?.engineSettings };
  if (results.judge) settings.judge = results.judge.engineSettings;
  store.setRunEngineSettings(runId, settings);
}

function engineOptionsOf(options: EngineOptions): EngineOptions {
  const { gpu, threads, parallelSequences, flashAttention, kvCacheType } = options;
  return Object.fromEntries(Object.entries({ gpu, threads, parallelSequences, flashAttention, kvCacheType }).filter(([, v]) => v !== undefined));
}

function findOrCreateRun(store: Store, config: ExperimentConfig, plan: Plan, text: string): { runId: number; resumed: boolean } {
  return store.startRun({
    name: config.name,
    experiment: { parsed: experimentRecord(config, plan), text, path: config.file },
    plannedSamples: plan.cells.reduce((n, c) => n + c.samples, 0),
  });
}

/** Dataset names: those imported into the database (when it exists), then emlab's shipped ones. */
export function datasetResolver(db: string): (name: string) => string | undefined {
  return (name) => {
    if (!existsSync(db)) return resolveDatasetName(name);
    using store = openStore(db);
    return resolveDatasetName(name, store);
  };
}

/** What is stored with a run: the parsed experiment, with questions (judge prompts) resolved. */
function experimentRecord(config: ExperimentConfig, plan: Plan): StoredExperiment {
  return {
    formatVersion: EXPERIMENT_RECORD_VERSION,
    name: config.name,
    description: config.description,
    models: config.models.map((m) => ({ id: m.id, backend: m.backend, path: m.pathAsWritten })),
    sampling: config.sampling,
    judge: config.judge,
    probes: config.probes ?? null,
    questions: plan.questions.map((q) => ({ id: q.id, type: q.type, paraphrases: q.paraphrases, system: q.system, judgePrompts: q.judgePrompts })),
    cells: plan.cells.map((c) => ({ conditionKey: c.conditionKey, questionId: c.questionId, paraphraseIndex: c.paraphraseIndex, question: c.question })),
  };
}

function checkPlanFits(plan: Plan, model: LoadedModel, modelId: string): void {
  const ownKeys = new Set(plan.conditions.filter((c) => c.modelId === modelId).map((c) => c.key));
  const own: Plan = {
    ...plan,
    conditions: plan.conditions.filter((c) => c.modelId === modelId),
    cells: plan.cells.filter((cell) => ownKeys.has(cell.conditionKey)),
  };
  checkContextFits(own, (messages) => model.chatTokens(messages).length, model.settings.contextSize);
}

/**
 * Load each model of the plan in turn for its tokenizer and context size (on the CPU: weights are
 * memory-mapped, nothing is evaluated), call `check`, and dispose of it.
 */
async function forEachPlanModel(plan: Plan, options: EngineOptions, check: (model: LoadedModel, modelId: string) => void): Promise<void> {
  for (const runModel of plan.models) {
    // The llama-server engine's tokenizer and context are its GGUF's: no server is started to count tokens.
    const spec = runModel.backend === "llama-server" ? { ...runModel, backend: "llama" as const } : runModel;
    const model = await openModel(spec, { gpu: "cpu", ...(options.threads !== undefined ? { threads: options.threads } : {}) });
    try {
      check(model, runModel.id);
    } finally {
      await model.dispose();
    }
  }
}

/** `emlab run --dry-run`: the plan, with prompt tokens counted by each model's own tokenizer. */
export async function dryRun(
  file: string,
  options: EngineOptions & Pick<RunExperimentOptions, "resolveDatasetName" | "endpoint" | "ggufEngine"> & { db?: string } = {},
): Promise<{ plan: Plan; summary: PlanSummary }> {
  const { plan } = planExperiment(file, {
    resolveDatasetName: options.resolveDatasetName ?? datasetResolver(options.db ?? DEFAULT_DB_PATH),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.ggufEngine ? { ggufEngine: options.ggufEngine } : {}),
  });
  const counts = new Map<string, number>();
  const keyOf = (messages: readonly ChatMessage[], modelId: string) => modelId + "\u0000" + JSON.stringify(messages);
  let distinctPrefixTokens = 0;
  await forEachPlanModel(plan, options, (model, modelId) => {
    checkPlanFits(plan, model, modelId);
    // The runner keeps one session per weight variant and walks its prompts in token order, so
    // it evaluates exactly the distinct prefixes of that group's prompts (their token trie).
    const promptsByWeights = new Map<string, number[][]>();
    for (const condition of plan.conditions.filter((c) => c.modelId === modelId)) {
      counts.set(keyOf(condition.prefixMessages, modelId), model.chatTokens(condition.prefixMessages, { addGenerationPrompt: false }).length);
      const prompts = promptsByWeights.get(weightKey(condition.weights)) ?? [];
      promptsByWeights.set(weightKey(condition.weights), prompts);
      for (const cell of plan.cells.filter((c) => c.conditionKey === condition.key)) {
        const tokens = model.chatTokens(cell.messages);
        counts.set(keyOf(cell.messages, modelId), tokens.length);
        prompts.push(tokens);
      }
    }
    for (const prompts of promptsByWeights.values()) distinctPrefixTokens += uniquePrefixTokens(prompts);
  });
  const summary = summarizePlan(plan, (messages, modelId) => counts.get(keyOf(messages, modelId)) ?? 0);
  if (summary.promptTokens) summary.promptTokens.withReuse = distinctPrefixTokens;
  const endpoints = endpointLoads(plan, (messages, modelId) => counts.get(keyOf(messages, modelId)) ?? 0);
  if (endpoints.length > 0) summary.endpoints = endpoints;
  return { plan, summary };
}

/** Each sample is one request; requests go round the endpoints, so each gets an even share. */
function endpointLoads(plan: Plan, promptTokens: (messages: readonly ChatMessage[], modelId: string) => number): EndpointLoad[] {
  const loads: EndpointLoad[] = [];
  for (const model of plan.models) {
    if (!model.endpoint) continue;
    const own = model.endpoint.urls.map((url) => ({ model: model.id, url: displayUrl(url), requests: 0, promptTokens: 0, completionTokens: 0 }));
    const conditions = new Set(plan.conditions.filter((c) => c.modelId === model.id).map((c) => c.key));
    let turn = 0;
    for (const cell of plan.cells.filter((c) => conditions.has(c.conditionKey))) {
      const tokens = promptTokens(cell.messages, model.id);
      for (let i = 0; i < cell.samples; i++) {
        const load = own[turn++ % own.length]!;
        load.requests++;
        load.promptTokens += tokens;
        load.completionTokens += plan.sampling.maxTokens;
      }
    }
    loads.push(...own);
  }
  return loads;
}
