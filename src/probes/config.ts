import { EmlabError } from "../errors.js";
import { PROBES, probeEnabled, type ProbeName } from "./registry.js";

/** The `probes:` section of an experiment file, validated. A probe left out (or false) does not run. */
export interface ProbeConfig {
  /** Prompts asked per scale (alignment, harmfulness): the first N of each. */
  selfAssessment: { prompts: number } | null;
  /** Description pairs to ask about (the first N of the shipped set). */
  choice: { pairs: number } | null;
  /** Answers shown per source (own misaligned, own aligned, base condition) and condition. */
  recognition: { perSource: number } | null;
  /** Own answers per condition whose judge score the model predicts. */
  scorePrediction: { perCondition: number } | null;
  cotPersona: boolean;
  logprobMonitor: boolean;
}

/** Default sizes of the sized probes (from the registry). */
export const PROBE_DEFAULTS = {
  selfAssessmentPrompts: countDefault("self_assessment"),
  choicePairs: countDefault("choice"),
  recognitionPerSource: countDefault("recognition"),
  scorePredictionPerCondition: countDefault("score_prediction"),
} as const;

function countDefault(name: ProbeName): number {
  return PROBES.find((p) => p.name === name)!.count!.default;
}

/**
 * Validate the raw `probes:` value against the probe registry. `where` names the file; `locate`, when
 * the experiment loader gives it, turns a probe's key into `file:line` of that key.
 * null/undefined = no probes.
 */
export function parseProbeConfig(raw: unknown, where = "experiment", locate?: (key: string) => string | undefined): ProbeConfig | null {
  if (raw === null || raw === undefined) return null;
  const map = asList(raw, where);
  const at = (key: string) => locate?.(key) ?? where;
  for (const key of Object.keys(map)) {
    if (!PROBES.some((p) => p.name === key)) {
      throw new EmlabError(`${at(key)}: probes: unknown probe '${key}' (known: ${PROBES.map((p) => p.name).join(", ")})`);
    }
  }
  const config: Record<string, unknown> = {};
  for (const probe of PROBES) {
    const { count } = probe;
    config[probe.field] = count
      ? counted(map, probe.name, count.key, count.default, at(probe.name), (n) => ({ [count.property]: n }))
      : flag(map, probe.name, at(probe.name));
  }
  return config as unknown as ProbeConfig;
}

/** Whether any probe is switched on. */
export function anyProbe(config: ProbeConfig | null): config is ProbeConfig {
  return !!config && PROBES.some((p) => probeEnabled(config, p));
}

/** A mapping, or a list of probe names (`probes: [self_assessment, choice]`) meaning "on with defaults". */
function asList(raw: unknown, where: string): Record<string, unknown> {
  if (Array.isArray(raw)) {
    const map: Record<string, unknown> = {};
    for (const item of raw) {
      if (typeof item !== "string") throw new EmlabError(`${where}: probes: list entries must be probe names, got ${JSON.stringify(item)}`);
      map[item] = true;
    }
    return map;
  }
  if (typeof raw !== "object" || raw === null) throw new EmlabError(`${where}: probes: must be a mapping of probe names (e.g. { self_assessment: true })`);
  return raw as Record<string, unknown>;
}

function flag(map: Record<string, unknown>, key: string, where: string): boolean {
  const value = map[key];
  if (value === undefined || value === null) return false;
  if (typeof value !== "boolean") throw new EmlabError(`${where}: probes.${key}: must be true or false, got ${JSON.stringify(value)}`);
  return value;
}

function counted<T>(map: Record<string, unknown>, key: string, field: string, fallback: number, where: string, make: (n: number) => T): T | null {
  const value = map[key];
  if (value === undefined || value === null || value === false) return null;
  if (value === true) return make(fallback);
  if (typeof value !== "object" || Array.isArray(value)) {
    throw new EmlabError(`${where}: probes.${key}: must be true, false or a mapping like { ${field}: ${fallback} }`);
  }
  const entries = value as Record<string, unknown>;
  for (const k of Object.keys(entries)) {
    if (k !== field) throw new EmlabError(`${where}: probes.${key}: unknown setting '${k}' (known: ${field})`);
  }
  const n = entries[field] ?? fallback;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) {
    throw new EmlabError(`${where}: probes.${key}.${field}: must be a positive integer, got ${JSON.stringify(n)}`);
  }
  return make(n);
}
