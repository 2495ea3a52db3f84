/** Pure metric functions: judge scores, misalignment conventions, rates with intervals, correlations. */
export * from "./answer-classes.js";
export * from "./bootstrap.js";
export * from "./categorical.js";
export * from "./conditions.js";
export * from "./conventions.js";
export * from "./correlation.js";
export * from "./interval.js";
export * from "./judge-score.js";
export * from "./pool-units.js";
export * from "./python-int.js";
export * from "./rates.js";
export * from "./wilson.js";
