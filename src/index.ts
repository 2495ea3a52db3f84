/**
 * emlab's library API. The CLI (src/cli) is a thin layer over these functions.
 *
 * dataset → solver → scorer → log, as in inspect_ai: question sets and variants say what to ask
 * (questions, variants, experiment), a backend answers (backend, runner), the judge and probes score
 * (judge, probes, metrics), and the store keeps everything (store, report).
 */
export { VERSION } from "./version.js";
export { EmlabError } from "./errors.js";

// Engines: one Backend interface, one module per engine (ONNX is imported lazily by loadModel).
export * from "./backend/types.js";
export { loadModel, backendFor, type BackendName } from "./backend/open.js";
export { ServedBackend, EndpointPool, SERVED_APIS, type EndpointSpec, type ServedApi, type EndpointStats } from "./backend/served/index.js";
export { LlamaBackend, LlamaLoadedModel } from "./backend/llama/llama-model.js";

// Built-in tiny models and GGUF files.
export { writeFixtures, FIXTURE_FILES, type FixturePaths, type WriteFixturesOptions } from "./fixtures/write-fixtures.js";
export { readGgufInfo, readGgufTensor, type GgufInfo } from "./gguf/reader.js";
export { summarizeGguf, type GgufSummary } from "./gguf/summary.js";

// Storage.
export * from "./store/index.js";

// What to ask.
export * from "./questions/index.js";
export * from "./variants/index.js";
export * from "./experiment/index.js";
export * from "./datasets/index.js";

// Running experiments.
export { runExperiment, planExperiment, dryRun, type RunExperimentOptions, type RunExperimentResult } from "./runner/run-experiment.js";
export { executePlan, type EngineOptions, type ExecuteResult } from "./runner/execute.js";
export { runDemo, DEFAULT_DEMO_DIR, type DemoResult } from "./runner/demo.js";

// Scoring.
export { judgeRun, type JudgeRunOptions, type JudgeRunResult } from "./judge/judge-run.js";
export { judgeAnswer, scoreFromDistribution, type Judgment } from "./judge/judge-answer.js";
export { numberDistribution, numberDistributionBruteForce, numberTrie, type NumberDistribution } from "./judge/number-distribution.js";
export { runProbes, type RunProbesOptions, type RunProbesResult } from "./probes/run-probes.js";
export { personaVerdict, PERSONA_THRESHOLDS, type PersonaVerdict } from "./probes/verdict.js";
export * from "./metrics/index.js";
// Both modules name a conditionLabel: the experiment's labels a plan condition, the metrics' a result key.
export { conditionLabel } from "./experiment/index.js";
export { conditionLabel as metricsConditionLabel } from "./metrics/conditions.js";

// Reports.
export * from "./report/index.js";
export { reportDataFromStore } from "./report/from-store.js";
export { metricsSummary } from "./report/metrics-summary.js";
