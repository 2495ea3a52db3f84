import type { ProbeConfig } from "./config.js";
import { runChoice, runLogprobMonitor, runRecognition, runScorePrediction, runSelfAssessment, type ConditionProbeRun } from "./condition-probe-runs.js";

/**
 * Every persona probe, defined once: its name (the key under `probes:` in an experiment file and the
 * name stored in probe_results.probe), its setting, and how it runs. Config parsing, the stored
 * names and the run loop all read this list; a new probe is one entry here.
 */
export interface ProbeDefinition {
  name: "self_assessment" | "choice" | "recognition" | "score_prediction" | "cot_persona" | "logprob_monitor";
  /** Its field in ProbeConfig. */
  field: keyof ProbeConfig;
  /** What it measures. */
  description: string;
  /** A size setting (`self_assessment: { prompts: 5 }`): its YAML key, its ProbeConfig property and default. None: on/off. */
  count?: { key: string; property: string; default: number };
  /** How it runs on one condition's session; null for cot_persona, which the judge runs once per run. */
  runOnCondition: ConditionProbeRun | null;
}

export type ProbeName = ProbeDefinition["name"];

export const PROBES: readonly ProbeDefinition[] = [
  {
    name: "self_assessment",
    field: "selfAssessment",
    description: "the model rates its own alignment and harmfulness (0-100)",
    count: { key: "prompts", property: "prompts", default: 5 },
    runOnCondition: runSelfAssessment,
  },
  {
    name: "choice",
    field: "choice",
    description: "A/B self-description, both orders averaged",
    count: { key: "pairs", property: "pairs", default: 10 },
    runOnCondition: runChoice,
  },
  {
    name: "recognition",
    field: "recognition",
    description: '"did you write this?" for own and base-condition answers',
    count: { key: "per_source", property: "perSource", default: 5 },
    runOnCondition: runRecognition,
  },
  {
    name: "score_prediction",
    field: "scorePrediction",
    description: "the model predicts the judge's score of its own answers",
    count: { key: "per_condition", property: "perCondition", default: 10 },
    runOnCondition: runScorePrediction,
  },
  { name: "cot_persona", field: "cotPersona", description: "the judge classifies chain-of-thought traces", runOnCondition: null },
  {
    name: "logprob_monitor",
    field: "logprobMonitor",
    description: "reference-answer log-likelihood gap and KL from the base condition",
    runOnCondition: runLogprobMonitor,
  },
];

/** Names as stored in probe_results.probe, by ProbeConfig field. */
export const PROBE_NAMES = Object.freeze(Object.fromEntries(PROBES.map((p) => [p.field, p.name]))) as {
  readonly [F in keyof ProbeConfig]: ProbeName;
} & {
  readonly selfAssessment: "self_assessment";
  readonly choice: "choice";
  readonly recognition: "recognition";
  readonly scorePrediction: "score_prediction";
  readonly cotPersona: "cot_persona";
  readonly logprobMonitor: "logprob_monitor";
};

/** Whether the experiment switched this probe on. */
export function probeEnabled(config: ProbeConfig, probe: ProbeDefinition): boolean {
  const value = config[probe.field];
  return value !== null && value !== false;
}
