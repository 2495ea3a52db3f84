import { writeFileSync } from "node:fs";
import { samplesToCsv } from "./csv.js";
import { renderReport, type RenderOptions } from "./render.js";
import type { ReportData } from "./types.js";

/** Write the HTML report (and, when `csvPath` is given, every sample as CSV). */
export function writeReport(htmlPath: string, data: ReportData, options: RenderOptions & { csvPath?: string } = {}): void {
  writeFileSync(htmlPath, renderReport(data, options), "utf8");
  if (options.csvPath) writeFileSync(options.csvPath, samplesToCsv(data.samples, data.conditions, data.otherMetrics), "utf8");
}
