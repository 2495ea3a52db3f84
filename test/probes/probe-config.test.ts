import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { loadExperiment } from "../../src/experiment/index.js";
import { anyProbe, parseProbeConfig, PROBE_DEFAULTS } from "../../src/probes/config.js";
import { PROBE_NAMES, PROBES } from "../../src/probes/registry.js";
import { experimentYaml, TempDir } from "../runner/experiment-files.js";

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

describe("the probe registry", () => {
  const tmp = new TempDir();
  afterAll(() => tmp.dispose());

  it("is the one list of probes: YAML keys, stored names and config fields agree", () => {
    expect(PROBES.map((p) => p.name)).toEqual(["self_assessment", "choice", "recognition", "score_prediction", "cot_persona", "logprob_monitor"]);
    for (const probe of PROBES) expect(PROBE_NAMES[probe.field]).toBe(probe.name);
    const all = parseProbeConfig(PROBES.map((p) => p.name))!;
    expect(Object.keys(all).sort()).toEqual(PROBES.map((p) => p.field).sort());
    expect(PROBES.filter((p) => p.runOnCondition === null).map((p) => p.name)).toEqual(["cot_persona"]);
  });

  it("checks probes: when the experiment file loads, with the file and line of the bad key", () => {
    const file = tmp.write("probes.yaml", experimentYaml({ extra: "probes:\n  choice: true\n  self_asessment: true\n" }));
    const line = readLines(file).findIndex((l) => l.includes("self_asessment")) + 1;
    expect(() => loadExperiment(file)).toThrow(new RegExp(`probes\\.yaml:${line}: probes: unknown probe 'self_asessment'`));
    const sized = tmp.write("sized.yaml", experimentYaml({ extra: "probes:\n  recognition: { per_source: 0 }\n" }));
    expect(() => loadExperiment(sized)).toThrow(/sized\.yaml:\d+: probes\.recognition\.per_source: must be a positive integer/);
  });
});

function readLines(path: string): string[] {
  return readFileSync(path, "utf8").split("\n");
}
