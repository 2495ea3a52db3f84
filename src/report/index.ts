/** Self-contained HTML report and the EM-compatible CSV export. */
export * from "./csv.js";
export * from "./escape.js";
export * from "./from-metrics.js";
export * from "./render.js";
export * from "./types.js";
export * from "./write.js";
