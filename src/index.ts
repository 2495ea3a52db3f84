/**
 * emlab's library API. The CLI (src/cli) is a thin layer over these functions.
 *
 * dataset → solver → scorer → log, as in inspect_ai: question sets and variants say what to ask
 * (questions, variants, experiment), a backend answers (backend, runner), the judge and probes score
 * (judge, probes, metrics), and the store keeps everything (store, report).
 *
 * Every name is listed explicitly (as node-llama-cpp does): what is public is a decision, not a side
 * effect of a module gaining an export.
 */
export { VERSION } from "./version.js";
export { EmlabError } from "./errors.js";

// Engines: one Backend interface, one module per engine (ONNX is imported lazily by loadModel).
export {
  BASE_VARIANT, EM_SAMPLING_DEFAULTS, type Backend, type ChatMessage, type EngineOptions, type EngineSettings, type
  FinishReason, type GeneratedSample, type GpuChoice, type KvCacheType, type LoadModelOptions, type LoadedModel, type
  LoraSpec, type ModelInfo, type NextTokenQuery, type NextTokenResult, type Role, type SampleRequestOptions, type
  SamplingParams, type Session, type SessionStats, type WeightVariant
} from "./backend/types.js";
export { loadModel, openModel, backendFor, backendForPath, type BackendName, type ModelSpec as EngineModelSpec } from "./backend/open.js";
export { ScriptedBackend, always, mixture, type ScriptedModelOptions, type NextPiece, type AnswerMixture } from "./backend/scripted/index.js";
export { ServedBackend, EndpointPool, SERVED_APIS, type EndpointSpec, type ServedApi, type EndpointStats } from "./backend/served/index.js";
export { LlamaBackend, LlamaLoadedModel } from "./backend/llama/llama-model.js";

// Built-in tiny models and GGUF files.
export { writeFixtures, FIXTURE_FILES, type FixturePaths, type WriteFixturesOptions } from "./fixtures/write-fixtures.js";
export { readGgufInfo, readGgufTensor, type GgufInfo } from "./gguf/reader.js";
export { summarizeGguf, type GgufSummary } from "./gguf/summary.js";
export { convertPeftToGguf, type ConvertOptions, type ConvertResult } from "./adapters/convert-peft.js";
export { describeAdapter, type AdapterDescription } from "./adapters/describe-adapter.js";
export { adapterIdentity } from "./adapters/identity.js";
export { adapterCacheDir, ggufAdapterFor } from "./adapters/cache.js";

// Storage.
export {
  DEFAULT_DB_PATH, LATEST_SCHEMA_VERSION, Store, openStore, type AdapterInput, type AdapterRecord, type AdapterRef,
  type ConditionInput, type ConditionRecord, type DatasetChange, type DatasetInput, type DatasetKind, type
  DatasetRecord, type JudgmentFilter, type JudgmentInput, type JudgmentRecord, type LabelFilter, type LabelInput, type
  LabelRecord, type LabelSource, type ModelInput, type ModelRecord, type OpenStoreOptions, type ProbeResultFilter,
  type ProbeResultInput, type ProbeResultRecord, type PromptInput, type PromptRecord, type RunInput, type
  RunListFilter, type RunOwner, type RunRecord, type RunSampleFilter, type RunSampleLink, type RunSampleRow, type
  RunStatus, type RunSummary, type SampleInput, type SampleOutput, type SampleRecord, type ScoreInput, type
  ScoreRecord, type StoredRunStatus
} from "./store/index.js";

// What to ask.
export {
  QUESTION_TYPES, YamlMap, YamlValue, closestKey, editDistance, judgeKind, loadQuestionSet, parseQuestionSet,
  parseYaml, promptLabels, readYamlFile, type EvalQuestion, type JudgeKind, type QuestionSet, type QuestionType
} from "./questions/index.js";
export {
  ANSWER_FORMATS, COT_INSTRUCTION, DEFAULT_ANSWER_TEMPLATE, JSON_ANSWER_SYSTEM_PROMPT, PLAIN_VARIANT, REASONING_CLOSE,
  REASONING_OPEN, drawExamples, examplePermutation, fillAnswerTemplate, loraSweep, loraWeights, prefixMessages,
  questionMessages, questionTurn, splitCot, variantSystemText, withCotInstruction, withTrigger, type AnswerFormat,
  type CotParts, type PromptVariant, type QuestionMessages
} from "./variants/index.js";
export {
  checkContextFits, expandExperiment, loadExperiment, parseExperiment, startsWithMessages, summarizePlan, type
  ConditionMeta, type CountTokens, type ExperimentConfig, type IclSpec, type JudgeSpec, type LoadExperimentOptions,
  type LoraSweepSpec, type ModelSpec, type Plan, type PlanCell, type PlanCondition, type PlanSummary, type
  QuestionSelection, type SourceLocation, type VariantSpec
} from "./experiment/index.js";
export {
  ALIGNED_JUDGE_LABELS, ALIGNED_JUDGE_PROMPT, BUILT_IN_JUDGE_PROMPTS, CODE_SECURITY_JUDGE_PROMPT,
  COHERENT_JUDGE_PROMPT, CORRECT_JUDGE_PROMPT, DEFAULT_NEAR_DUPLICATE_THRESHOLD, FINANCIAL_JUDGE_PROMPT,
  MEDICAL_JUDGE_PROMPT, PACKAGE_ROOT, PERSONA_DIR, PERSONA_FILES, SELF_ASSESSMENT_METRICS, SHIPPED_DATASETS_DIR,
  SPORTS_SAFETY_JUDGE_PROMPT, checkDatasetName, datasetChangedSinceImport, datasetKindOf, datasetStats,
  defaultDatasetName, exampleId, fillJudgePrompt, fillTemplate, findNearDuplicates, findShippedDataset, importDataset,
  jaccardSimilarity, listShippedDatasets, loadChatJsonl, loadCotPersonaJudge, loadDescriptionPairs,
  loadRecognitionTemplates, loadReferenceAnswers, loadScorePredictionTemplates, loadSelfAssessmentPrompts,
  parseChatJsonl, placeholdersOf, questionSetStats, recordDataset, referencePairFor, resolveDatasetName, summarize,
  validateDatasetFile, wordShingles, words, type ChatDataset, type ChatExample, type CotPersonaJudge, type
  DatasetStats, type DescriptionPair, type DescriptionSet, type LengthSummary, type NearDuplicatePair, type
  PromptTemplate, type QuestionSetStats, type ReferencePair, type RoleStats, type SelfAssessmentMetric, type
  SelfAssessmentPrompt, type ShippedDataset, type TokenCounter, type ValidatedDataset
} from "./datasets/index.js";

// Running experiments.
export { runExperiment, planExperiment, dryRun, type RunExperimentOptions, type RunExperimentResult } from "./pipeline/run-experiment.js";
export { executePlan, type ExecuteResult } from "./runner/execute.js";
export { runDemo, DEFAULT_DEMO_DIR, type DemoResult } from "./pipeline/demo.js";

// Scoring.
export { judgeRun, type JudgeRunOptions, type JudgeRunResult } from "./judge/judge-run.js";
export { judgeAnswer, scoreFromDistribution, type Judgment } from "./judge/judge-answer.js";
export { numberDistribution, numberDistributionBruteForce, numberTrie, type NumberDistribution } from "./judge/number-distribution.js";
export { runProbes, type RunProbesOptions, type RunProbesResult } from "./probes/run-probes.js";
export { personaVerdict, PERSONA_THRESHOLDS, type PersonaVerdict } from "./probes/verdict.js";
export {
  ANSWER_CLASS_DEFINITION, CONVENTIONS, CONVENTION_NAMES, LIE_RATE_DEFINITION, MAX_JUDGE_NUMBER, MIN_NUMBER_MASS,
  answerClass, averageRanks, conditionMetrics, describeConvention, getConvention, hasLieRate, isCoherent, isEligible,
  isLowAligned, isMisaligned, judgeScoreFromDistribution, judgeScoreFromTopLogprobs, labelRows, pearson,
  percentileBootstrap, poolConditions, poolOverUnits, pooledMisalignment, pythonInt, quantile, questionCells,
  questionMetrics, rateSet, spearman, spearmanWithInterval, summarizeAnswers, wilsonInterval, withMinCoherent,
  zForLevel, type AnswerClass, type AnswerScores, type BootstrapOptions, type ConditionAnswers, type ConditionField,
  type ConditionKey, type ConditionMetrics, type Convention, type ConventionName, type Estimate, type GroupKey, type
  JudgeScore, type LabelMasses, type LabelRow, type LabelledAnswer, type PooledMetrics, type QuestionCell, type
  QuestionMetrics, type RateSet, type RateSummary, type ScoredAnswer, type TopLogprob, type UnitPoolSpec, type
  UnitPooledMetrics
} from "./metrics/index.js";
// Both modules name a conditionLabel: the experiment's labels a plan condition, the metrics' a result key.
export { conditionLabel } from "./experiment/index.js";
export { conditionLabel as metricsConditionLabel } from "./metrics/conditions.js";

// Reports.
export {
  CSV_COLUMNS, csvColumns, csvField, escapeHtml, html, pickSamples, raw, renderReport, reportCondition,
  reportConvention, samplesToCsv, seriesFromPooled, writeReport, type MonitorRow, type MonitorSection, type
  PersonaRow, type PersonaSection, type RawHtml, type RenderOptions, type ReportCondition, type ReportData, type
  ReportDefinition, type ReportInterval, type ReportLabelTable, type ReportPoint, type ReportQuestionRate, type
  ReportRunInfo, type ReportSample, type ReportSeries
} from "./report/index.js";
export { reportDataFromStore } from "./report/from-store.js";
export { metricsSummary } from "./report/metrics-summary.js";

// The local viewer (`emlab view`).
export { startViewServer, type ViewServer, type ViewServerOptions } from "./view/server.js";
