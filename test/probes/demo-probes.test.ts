import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseProbeConfig } from "../../src/probes/config.js";
import { demoExperiment } from "../../src/pipeline/demo.js";
import { demoModelEntries } from "../../src/pipeline/demo-models.js";
import { planExperiment } from "../../src/pipeline/run-experiment.js";
import { fixturePaths } from "../helpers/fixtures.js";

describe("emlab demo's experiment", () => {
  it("switches every probe on, and has a chain-of-thought condition for cot_persona and a base condition for the monitor's KL", () => {
    const dir = mkdtempSync(join(tmpdir(), "emlab-demo-exp-"));
    try {
      const f = fixturePaths();
      const file = join(dir, "demo.yaml");
      writeFileSync(file, demoExperiment(demoModelEntries("llama", f), f.plantedLora, f.plantedJudge));
      const { config, plan } = planExperiment(file);
      expect(parseProbeConfig(config.probes, file)).toEqual({
        selfAssessment: { prompts: 2 },
        choice: { pairs: 2 },
        recognition: { perSource: 1 },
        scorePrediction: { perCondition: 2 },
        cotPersona: true,
        logprobMonitor: true,
      });
      expect(config.judge).not.toBeNull();
      expect(plan.conditions.filter((c) => c.meta.cot === true).map((c) => c.meta.k)).toEqual([4]);
      expect(plan.conditions.some((c) => c.meta.k === 0)).toBe(true);
      // Small enough for about a minute on 2 cores.
      expect(plan.cells.reduce((n, c) => n + c.samples, 0)).toBe(648);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
