/** The SQLite store: open a database and read/write emlab's results through typed methods. */
export { DEFAULT_DB_PATH, openStore, Store, type OpenStoreOptions } from "./store.js";
export { LATEST_SCHEMA_VERSION } from "./migrations.js";
export type { DatasetChange } from "./catalog.js";
export type { RunListFilter } from "./runs.js";
export type { JudgmentFilter } from "./judgments.js";
export type { ProbeResultFilter } from "./probe-results.js";
export type { LabelFilter } from "./labels.js";
export type * from "./types.js";
export { decodeConditionMeta, decodeStoredExperiment, EXPERIMENT_RECORD_VERSION } from "./run-record-types.js";
export type { StoredCell, StoredConditionMeta, StoredExperiment, StoredJudge, StoredQuestion } from "./run-record-types.js";
