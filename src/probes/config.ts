import { EmlabError } from "../errors.js";

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

export const PROBE_DEFAULTS = { selfAssessmentPrompts: 5, choicePairs: 10, recognitionPerSource: 5, scorePredictionPerCondition: 10 } as const;

const PROBE_KEYS = ["self_assessment", "choice", "recognition", "score_prediction", "cot_persona", "logprob_monitor"] as const;

/**
 * Validate the raw `probes:` value (the experiment loader passes it through unchanged).
 * `where` names the file, for error messages. null/undefined = no probes.
 */
export function parseProbeConfig(raw: unknown, where = "experiment"): ProbeConfig | null {
  if (raw === null || raw === undefined) return null;
  const map = asList(raw, where);
  for (const key of Object.keys(map)) {
    if (!(PROBE_KEYS as readonly string[]).includes(key)) {
      throw new EmlabError(`${where}: probes: unknown probe '${key}' (known: ${PROBE_KEYS.join(", ")})`);
    }
  }
  return {
    selfAssessment: counted(map, "self_assessment", "prompts", PROBE_DEFAULTS.selfAssessmentPrompts, where, (n) => ({ prompts: n })),
    choice: counted(map, "choice", "pairs", PROBE_DEFAULTS.choicePairs, where, (n) => ({ pairs: n })),
    recognition: counted(map, "recognition", "per_source", PROBE_DEFAULTS.recognitionPerSource, where, (n) => ({ perSource: n })),
    scorePrediction: counted(map, "score_prediction", "per_condition", PROBE_DEFAULTS.scorePredictionPerCondition, where, (n) => ({ perCondition: n })),
    cotPersona: flag(map, "cot_persona", where),
    logprobMonitor: flag(map, "logprob_monitor", where),
  };
}

/** Whether any probe is switched on. */
export function anyProbe(config: ProbeConfig | null): config is ProbeConfig {
  return !!config && (!!config.selfAssessment || !!config.choice || !!config.recognition || !!config.scorePrediction || config.cotPersona || config.logprobMonitor);
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
