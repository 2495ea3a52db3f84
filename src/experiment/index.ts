export { loadExperiment, parseExperiment } from "./load-experiment.js";
export { expandExperiment, conditionLabel, startsWithMessages } from "./expand.js";
export { checkContextFits, type CountTokens } from "./context-fit.js";
export { summarizePlan, type PlanSummary } from "./plan-summary.js";
export type {
  ExperimentConfig,
  IclSpec,
  JudgeSpec,
  LoadExperimentOptions,
  LoraSweepSpec,
  ModelSpec,
  QuestionSelection,
  SourceLocation,
  VariantSpec,
} from "./config-types.js";
export type { ConditionMeta, Plan, PlanCell, PlanCondition } from "./plan-types.js";
