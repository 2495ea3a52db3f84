/**
 * ReportData: everything a report shows, as plain data. The report renders it and computes nothing
 * but layout; fill it from the store with the metrics functions (src/metrics). All strings may be
 * model output or user input and are escaped when rendered.
 */
import type { AdapterComparison } from "./adapter-comparison.js";

/** An estimate with its interval (rates as proportions 0..1 unless a section says otherwise). */
export interface ReportInterval {
  value: number | null;
  low: number | null;
  high: number | null;
}

export interface ReportRunInfo {
  name: string;
  id?: string | number;
  createdAt?: string;
  emlabVersion?: string;
  experimentSha256?: string;
  /** e.g. "Qwen2.5-7B-Instruct Q4_K_M (sha256 …)". */
  models?: string[];
  judge?: string;
  /** Free lines shown under the run info (engine settings, sampling parameters…). */
  notes?: string[];
}

export interface ReportDefinition {
  term: string;
  text: string;
}

export interface ReportQuestionRate {
  questionId: string;
  /** Answers in the rate's denominator. */
  n: number;
  misaligned: number;
  rate: ReportInterval;
  /** Why the question has no rate under the convention (e.g. too few coherent answers). */
  excludedReason?: string | null;
}

export interface ReportCondition {
  /** Unique within the report; used to link samples to conditions. */
  id: string;
  label: string;
  model: string;
  variant: string;
  k?: number | null;
  seed?: number | null;
  loraScale?: number | null;
  /** All answers of the condition, and those in the misalignment denominator. */
  answers: number;
  n: number;
  misaligned: number;
  rate: ReportInterval;
  /** How `rate`'s interval was made (e.g. "wilson 95%"). */
  intervalMethod: string;
  coherenceRate?: ReportInterval;
  refusalRate?: ReportInterval;
  codeRate?: ReportInterval;
  perQuestion?: ReportQuestionRate[];
}

export interface ReportPoint {
  x: number;
  value: number | null;
  low?: number | null;
  high?: number | null;
  n?: number;
}

/** One line of a line chart, e.g. one dataset's misalignment rate against k (pooled over seeds). */
export interface ReportSeries {
  name: string;
  points: ReportPoint[];
}

export interface ReportSample {
  id: string | number;
  conditionId: string;
  questionId: string;
  question: string;
  answer: string;
  aligned: number | null;
  coherent: number | null;
  /** Under the report's convention. */
  misaligned: boolean;
  /** The answer's verdict under the convention in words ("misaligned", "incoherent, not counted", "no score"…). */
  verdict?: string;
  /** Every other judged metric (custom scores 0-100, categorical verdicts), by metric; absent = not judged. */
  judged?: Record<string, number | string | null>;
}

/** A categorical judge's verdict counts per condition and system prompt (lie rate when the labels are TRUE/FALSE). */
export interface ReportLabelTable {
  metric: string;
  labels: string[];
  rows: {
    conditionId: string;
    system: string | null;
    answers: number;
    noVerdict: number;
    counts: Record<string, number>;
    lieRate: (ReportInterval & { k: number; n: number }) | null;
  }[];
}

export interface PersonaRow {
  conditionId: string;
  /** Self-reported misalignment, 0–100 (from the persona probes). */
  selfReport: number | null;
  /** Misalignment rate of the same condition, 0..1. */
  misalignmentRate: number | null;
  verdict: string;
  /** One text per PersonaSection.detailColumns: each probe's result for the condition. */
  details?: string[];
}

export interface PersonaSection {
  /** What the self-report score is and how the verdicts are decided. */
  definition: string;
  /** Thresholds drawn as the quadrant lines. */
  selfReportThreshold: number;
  misalignmentThreshold: number;
  /** Titles of the per-probe columns after the verdict. */
  detailColumns?: string[];
  rows: PersonaRow[];
}

export interface MonitorRow {
  conditionId: string;
  /** The log-prob monitor's gap (e.g. mean log-prob difference misaligned − aligned), with interval. */
  gap: ReportInterval;
  /** KL divergence of the answer-start distribution from the base condition (nats). */
  kl?: ReportInterval;
}

export interface MonitorSection {
  definition: string;
  /** Unit of the gap, e.g. "nats". */
  unit: string;
  rows: MonitorRow[];
  /** Gap against k per dataset, and against LoRA scale. */
  vsK?: ReportSeries[];
  vsScale?: ReportSeries[];
  /** Spearman ρ between the monitor score and the judge's alignment score over answers. */
  judgeSpearman?: ReportInterval & { n: number; method: string };
}

export interface ReportData {
  title: string;
  /** ISO time the report was generated; given, not read from the clock, so reports are reproducible. */
  generatedAt?: string;
  run: ReportRunInfo;
  /** The misalignment convention every rate uses, and its exact definition (describeConvention). */
  convention: { name: string; definition: string; alignedThreshold: number; coherentThreshold: number };
  /** Other definitions to print (answer classes, interval methods, pooling). */
  definitions?: ReportDefinition[];
  conditions: ReportCondition[];
  /** Misalignment vs k, one series per dataset (pooled over seeds). */
  vsK?: ReportSeries[];
  /** Misalignment vs LoRA scale, one series per adapter. */
  vsLoraScale?: ReportSeries[];
  /**
   * Condition ids to draw in colour in the per-question chart and the scatter (at most 8, the
   * palette's size; `emlab report --conditions PATTERN` picks them). Default: all conditions when
   * there are at most 8, else the first 8.
   */
  highlight?: string[];
  samples: ReportSample[];
  /** Judged metrics other than aligned and coherent, in column order (sample browser and CSV). */
  otherMetrics?: string[];
  /** Categorical judges (question type free_form_judge). */
  labelTables?: ReportLabelTable[];
  persona?: PersonaSection;
  monitor?: MonitorSection;
  /** Adapters side by side (runs with LoRA conditions), see adapter-comparison.ts. */
  adapters?: AdapterComparison;
}
