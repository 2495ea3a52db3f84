import { percent, percentInterval } from "./format.js";
import type { ConventionTable, MetricsSummary, RateCell } from "./metrics-summary.js";
import { describePromptSets } from "./prompt-sets.js";
import type { LabelTable } from "./run-metrics.js";

/** `emlab metrics` as plain-text tables, each convention with its definition printed above it. */
export function formatMetricsSummary(summary: MetricsSummary): string {
  const out: string[] = [];
  out.push(`run #${summary.run.id} ${summary.run.name}`);
  out.push(`judge: ${summary.judge.description} — ${summary.judge.reason}`);
  out.push(`judge score: ${summary.judgeScoreDefinition}`);
  out.push(`refusal/code: ${summary.answerClassDefinition}`);
  out.push(describePromptSets(summary.promptSets));
  for (const table of summary.tables) out.push("", ...conventionLines(table));
  if (summary.customMetrics.length > 0) {
    out.push("", "custom metrics (mean judge score 0-100 over scored answers):");
    out.push(...aligned([["metric", "condition", "mean", "n"], ...summary.customMetrics.map((m) => [m.metric, m.conditionLabel, m.mean === null ? "–" : m.mean.toFixed(1), String(m.n)])]));
  }
  for (const table of summary.labelTables) out.push("", ...labelLines(table));
  return out.join("\n") + "\n";
}

function conventionLines(table: ConventionTable): string[] {
  const lines = [`== ${table.convention} ==`, table.definition, ""];
  const header = ["condition", "answers", "misaligned", "rate [95% Wilson]", "coherent", "refusal", "code"];
  lines.push(
    ...aligned([
      header,
      ...table.conditions.map((c) => [c.label, String(c.answers), count(c.misalignment), interval(c.misalignment), percent(c.coherence.value), percent(c.refusal.value), percent(c.code.value)]),
    ]),
  );
  const excluded = table.conditions.filter((c) => c.excludedQuestions.length > 0);
  for (const c of excluded) lines.push(`  ${c.label}: excluded questions (too few coherent answers): ${c.excludedQuestions.join(", ")}`);
  if (table.pooled.length > 0) {
    const method = table.pooled[0]!.misalignmentBySeeds.method;
    lines.push("", `pooled over in-context seeds (interval: ${method}):`);
    lines.push(
      ...aligned([
        ["group", "seeds", "answers", "misaligned", "rate [bootstrap over seeds]", "coherent", "refusal", "code"],
        ...table.pooled.map((p) => [p.label, String(p.conditions.length), String(p.answers), count(p.misalignment), percentInterval(p.misalignmentBySeeds), percent(p.coherence.value), percent(p.refusal.value), percent(p.code.value)]),
      ]),
    );
  }
  for (const over of [...new Set(table.pooledUnits.map((u) => u.over))]) {
    const rows = table.pooledUnits.filter((u) => u.over === over);
    lines.push("", `pooled over ${over} (interval: ${rows[0]!.misalignmentByUnits.method}):`);
    lines.push(
      ...aligned([
        ["group", over, "answers", "misaligned", `rate [bootstrap over ${over}]`],
        ...rows.map((u) => [u.label, u.units.join(", "), String(u.answers), count(u.misalignment), percentInterval(u.misalignmentByUnits)]),
      ]),
    );
  }
  return lines;
}

function labelLines(table: LabelTable): string[] {
  const lie = table.rows.some((r) => r.lieRate !== null);
  const header = ["condition", "system prompt", "answers", ...table.labels, "no verdict", ...(lie ? ["lie rate [95% Wilson]"] : [])];
  const rows = table.rows.map((r) => [
    r.conditionLabel,
    r.system === null ? "(none)" : clipText(r.system, 40),
    String(r.answers),
    ...table.labels.map((l) => String(r.counts[l] ?? 0)),
    String(r.noVerdict),
    ...(lie ? [r.lieRate ? `${r.lieRate.k}/${r.lieRate.n} ${percentInterval(r.lieRate)}` : "–"] : []),
  ]);
  return [`== ${table.metric} (categorical: ${table.labels.join(" / ")}) ==`, table.definition, "", ...aligned([header, ...rows])];
}

const clipText = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text).replace(/\s+/g, " ");

const count = (r: RateCell) => `${r.k}/${r.n}`;
const interval = (r: RateCell) => percentInterval(r);

/** Left-aligned first column, right-aligned numbers, two spaces between columns. */
function aligned(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map((r) => r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join("  ").trimEnd());
}
