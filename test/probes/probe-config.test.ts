import { describe, expect, it } from "vitest";
import { anyProbe, parseProbeConfig, PROBE_DEFAULTS } from "../../src/probes/config.js";

describe("probes: in an experiment file", () => {
  it("a list switches probes on with their defaults; a mapping sets sizes", () => {
    expect(parseProbeConfig(["self_assessment", "choice", "logprob_monitor"])).toEqual({
      selfAssessment: { prompts: PROBE_DEFAULTS.selfAssessmentPrompts },
      choice: { pairs: PROBE_DEFAULTS.choicePairs },
      recognition: null,
      scorePrediction: null,
      cotPersona: false,
      logprobMonitor: true,
    });
    const config = parseProbeConfig({ self_assessment: { prompts: 2 }, recognition: { per_source: 1 }, score_prediction: false, cot_persona: true });
    expect(config).toMatchObject({ selfAssessment: { prompts: 2 }, recognition: { perSource: 1 }, scorePrediction: null, cotPersona: true });
    expect(anyProbe(config)).toBe(true);
    expect(anyProbe(parseProbeConfig({ choice: false }))).toBe(false);
    expect(parseProbeConfig(null)).toBeNull();
  });

  it("names the file and the setting in errors", () => {
    expect(() => parseProbeConfig({ self_asessment: true }, "exp.yaml")).toThrow("exp.yaml: probes: unknown probe 'self_asessment' (known: self_assessment, choice, recognition, score_prediction, cot_persona, logprob_monitor)");
    expect(() => parseProbeConfig({ self_assessment: { prompts: 0 } }, "exp.yaml")).toThrow("exp.yaml: probes.self_assessment.prompts: must be a positive integer, got 0");
    expect(() => parseProbeConfig({ choice: { per_source: 2 } }, "exp.yaml")).toThrow("exp.yaml: probes.choice: unknown setting 'per_source' (known: pairs)");
    expect(() => parseProbeConfig({ cot_persona: "yes" }, "exp.yaml")).toThrow("exp.yaml: probes.cot_persona: must be true or false");
    expect(() => parseProbeConfig([1], "exp.yaml")).toThrow("exp.yaml: probes: list entries must be probe names");
  });
});
