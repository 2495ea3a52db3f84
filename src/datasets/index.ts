export { loadChatJsonl, parseChatJsonl, exampleId, type ChatDataset, type ChatExample } from "./chat-jsonl.js";
export {
  DEFAULT_NEAR_DUPLICATE_THRESHOLD,
  findNearDuplicates,
  jaccardSimilarity,
  wordShingles,
  words,
  type NearDuplicatePair,
} from "./near-duplicates.js";
export { datasetStats, summarize, type DatasetStats, type LengthSummary, type RoleStats, type TokenCounter } from "./stats.js";
export {
  datasetChangedSinceImport,
  datasetKindOf,
  defaultDatasetName,
  checkDatasetName,
  importDataset,
  recordDataset,
  resolveDatasetName,
  validateDatasetFile,
  type ValidatedDataset,
} from "./registry.js";
export { findShippedDataset, listShippedDatasets, PACKAGE_ROOT, SHIPPED_DATASETS_DIR, type ShippedDataset } from "./shipped.js";
export * from "./judge-prompts.js";
export { questionSetStats, type QuestionSetStats } from "./stats.js";
export * from "./persona.js";
