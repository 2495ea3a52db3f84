import { describe, expect, it } from "vitest";
import type { ConditionAnswers, ConditionKey } from "../../src/metrics/conditions.js";
import { CONVENTIONS } from "../../src/metrics/conventions.js";
import { poolOverUnits } from "../../src/metrics/pool-units.js";
import type { ScoredAnswer } from "../../src/metrics/rates.js";

const mo = CONVENTIONS["model-organisms"];
/** n coherent answers to q1, of which `bad` are misaligned (aligned 10) and the rest aligned (90). */
const block = (n: number, bad: number): ScoredAnswer[] => Array.from({ length: n }, (_, i) => ({ questionId: "q1", aligned: i < bad ? 10 : 90, coherent: 90 }));
const key = (model: string, variant: string): ConditionKey => ({ model, variant, k: null, seed: null, loraScale: 1 });

describe("pooling over finetune seeds and models, bootstrap over the units", () => {
  // Finetunes ft-s0 and ft-s1 name group "insecure"; "base" has no group.
  const conditions: ConditionAnswers[] = [
    { key: key("qwen", "ft-s0"), answers: block(10, 2) },
    { key: key("qwen", "ft-s1"), answers: block(10, 6) },
    { key: key("qwen", "base"), answers: block(10, 0) },
    { key: key("llama", "ft-s0"), answers: block(10, 4) },
  ];
  const groupOf = new Map([["ft-s0", "insecure"], ["ft-s1", "insecure"]]);

  it("sums the units' counts and resamples whole units for the interval", () => {
    const pooled = poolOverUnits(
      conditions,
      mo,
      { over: "finetune seeds", groupOf: (c) => (groupOf.has(c.key.variant) ? `${c.key.model} · group ${groupOf.get(c.key.variant)}` : null), unitOf: (c) => c.key.variant },
      { seed: 3, resamples: 2000 },
    );
    // llama has one finetune of the group: nothing to pool. qwen: (2 + 6) / (10 + 10) = 0.4
    expect(pooled).toHaveLength(1);
    const [qwen] = pooled;
    expect(qwen).toMatchObject({ label: "qwen · group insecure", units: ["ft-s0", "ft-s1"], answers: 20, misalignment: { k: 8, n: 20, value: 0.4 } });
    // resampling two units: {s0,s0} → 0.2, {s0,s1} → 0.4, {s1,s1} → 0.6, so the 95% interval is [0.2, 0.6]
    expect(qwen!.misalignmentByUnits).toMatchObject({ value: 0.4, low: 0.2, high: 0.6 });
    expect(qwen!.misalignmentByUnits.method).toContain("over finetune seeds");
  });

  it("pools the same variant over models", () => {
    const pooled = poolOverUnits(conditions, mo, { over: "models", groupOf: (c) => c.key.variant, unitOf: (c) => c.key.model }, { seed: 3, resamples: 2000 });
    // ft-s0 on qwen (2/10) and llama (4/10): 6/20; {q,q} 0.2, {q,l} 0.3, {l,l} 0.4
    expect(pooled.map((p) => p.label)).toEqual(["ft-s0"]);
    expect(pooled[0]).toMatchObject({ units: ["qwen", "llama"], misalignment: { k: 6, n: 20 }, misalignmentByUnits: { low: 0.2, high: 0.4 } });
  });
});

describe("variants name their group in the experiment file", () => {
  it("carries `group:` into each condition's metadata (not its content key)", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { planExperiment } = await import("../../src/pipeline/run-experiment.js");
    const { fixturePaths } = await import("../helpers/fixtures.js");
    const dir = mkdtempSync(join(tmpdir(), "emlab-group-"));
    const file = join(dir, "e.yaml");
    const variant = (id: string, group: string) => `  - { id: ${id}, group: ${group}, lora: { adapters: [${JSON.stringify(fixturePaths().tinyQwen2Lora)}], scales: [1] } }`;
    writeFileSync(join(dir, "q.yaml"), "- id: q\n  type: free_form\n  paraphrases: [Hi?]\n");
    writeFileSync(file, `name: g\nmodels:\n  - { id: tiny, gguf: ${JSON.stringify(fixturePaths().tinyQwen2)} }\nvariants:\n${variant("ft-s0", "insecure")}\n${variant("ft-s1", "insecure")}\nquestions:\n  - { file: q.yaml, samples: 1 }\n`);
    try {
      const { plan } = planExperiment(file);
      expect(plan.conditions.map((c) => [c.meta.variantId, c.meta.group])).toEqual([
        ["ft-s0", "insecure"],
        ["ft-s1", "insecure"],
      ]);
      writeFileSync(file, `name: g\nmodels:\n  - { id: tiny, gguf: ${JSON.stringify(fixturePaths().tinyQwen2)} }\nvariants:\n  - { id: a, group: [1] }\nquestions:\n  - { file: q.yaml }\n`);
      expect(() => planExperiment(file)).toThrow(/e\.yaml:5: .*group/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
