import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadExperiment } from "../../src/experiment/load-experiment.js";
import { EmlabError } from "../../src/errors.js";
import { GRID_EXPERIMENT, Workspace, chatJsonl, standardProject } from "./workspace.js";

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
  standardProject(ws);
});
afterEach(() => ws.dispose());

/** Load an experiment written as text and return the EmlabError message it fails with. */
function failure(text: string, options: Parameters<typeof loadExperiment>[1] = {}): string {
  const path = ws.write("exp.yaml", text);
  try {
    loadExperiment(path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(EmlabError);
    return (error as Error).message.replace(ws.dir + "/", "");
  }
  throw new Error("expected the experiment to be rejected");
}

const MODELS = "models:\n  - { id: qwen, gguf: models/tiny.gguf }\n";
const QUESTIONS = "questions:\n  - { file: datasets/questions/core.yaml }\n";

describe("experiment validation", () => {
  it("accepts the grid experiment", () => {
    expect(() => loadExperiment(ws.write("exp.yaml", GRID_EXPERIMENT))).not.toThrow();
  });

  it("rejects unknown keys, saying which, where, and the closest valid key", () => {
    expect(failure(GRID_EXPERIMENT.replace("seeds: [0, 1]", "seed: [0, 1]"))).toBe(
      'exp.yaml:7: unknown key "seed" in variants[1].icl (did you mean "seeds"?)',
    );
    expect(failure(GRID_EXPERIMENT.replace("top_p: 1", "topP: 1"))).toBe('exp.yaml:12: unknown key "topP" in sampling (did you mean "top_p"?)');
    expect(failure(`${MODELS}${QUESTIONS}variant:\n  - { id: base }\n`)).toBe('exp.yaml:5: unknown key "variant" (did you mean "variants"?)');
    expect(failure(`${MODELS}${QUESTIONS}colour: blue\n`)).toMatch(/^exp\.yaml:5: unknown key "colour" \(valid keys: name, description, models/);
  });

  it("rejects missing files with the line that names them", () => {
    expect(failure(GRID_EXPERIMENT.replace("narrow/risky.jsonl", "narrow/missing.jsonl"))).toMatch(
      /^exp\.yaml:7: variants\[1\]\.icl\.dataset: no such file: datasets\/narrow\/missing\.jsonl \(resolved to .*\/datasets\/narrow\/missing\.jsonl\)$/,
    );
    expect(failure(GRID_EXPERIMENT.replace("models/tiny-lora.gguf", "models/nope.gguf"))).toMatch(/^exp\.yaml:9: variants\[2\]\.lora\.adapters\[0\]: no such file: models\/nope\.gguf/);
    expect(failure(`models:\n  - { id: qwen, gguf: models/absent.gguf }\n${QUESTIONS}`)).toMatch(/^exp\.yaml:2: models\[0\]\.gguf: no such file/);
    expect(failure(`${MODELS}questions:\n  - { file: q.yaml }\n`)).toMatch(/^exp\.yaml:4: questions\[0\]\.file: no such file: q\.yaml/);
    expect(failure(`models:\n  - { id: qwen, onnx: models/tiny.gguf }\n${QUESTIONS}`)).toBe("exp.yaml:2: models[0].onnx: models/tiny.gguf is a file, expected a directory");
  });

  it("reports a malformed JSONL line with the dataset's own file:line", () => {
    ws.write("datasets/narrow/risky.jsonl", chatJsonl(3) + '{"messages": [{"role": "user", "content": "hi"}]}\n');
    expect(failure(GRID_EXPERIMENT)).toBe(`datasets/narrow/risky.jsonl:4: no assistant turn`);
    ws.write("datasets/narrow/risky.jsonl", chatJsonl(2) + "\n{not json\n");
    expect(failure(GRID_EXPERIMENT)).toMatch(/^datasets\/narrow\/risky\.jsonl:4: invalid JSON/);
  });

  it("rejects in-context datasets whose examples carry a system turn", () => {
    ws.write(
      "datasets/narrow/risky.jsonl",
      chatJsonl(1) + JSON.stringify({ messages: [{ role: "system", content: "s" }, { role: "user", content: "u" }, { role: "assistant", content: "a" }] }) + "\n",
    );
    expect(failure(GRID_EXPERIMENT)).toMatch(/^datasets\/narrow\/risky\.jsonl:2: in-context examples cannot carry a system turn/);
  });

  it("rejects k larger than the dataset", () => {
    expect(failure(GRID_EXPERIMENT.replace("k: [16, 0, 4]", "k: [16, 0, 40]"))).toBe(
      "exp.yaml:7: variants[1].icl.k[2]: k=40 is larger than the dataset (datasets/narrow/risky.jsonl has 20 examples)",
    );
  });

  it("rejects bad types and values, each at its line", () => {
    expect(failure(GRID_EXPERIMENT.replace("k: [16, 0, 4]", "k: [16, -1]"))).toBe("exp.yaml:7: variants[1].icl.k[1]: expected an integer >= 0, found -1");
    expect(failure(GRID_EXPERIMENT.replace("k: [16, 0, 4]", "k: [4, 4]"))).toBe("exp.yaml:7: variants[1].icl.k[1]: k 4 is listed twice");
    expect(failure(GRID_EXPERIMENT.replace("cot: false", "cot: maybe"))).toBe('exp.yaml:8: variants[1].cot: expected true or false, found the text "maybe"');
    expect(failure(GRID_EXPERIMENT.replace("temperature: 1", "temperature: hot"))).toMatch(/^exp\.yaml:12: sampling\.temperature: expected a number from 0 to 100/);
    expect(failure(GRID_EXPERIMENT.replace("max_tokens: 200", "max_tokens: 0"))).toBe("exp.yaml:12: sampling.max_tokens: expected an integer >= 1, found 0");
    expect(failure(GRID_EXPERIMENT.replace("samples: 4", "samples: 2.5"))).toBe("exp.yaml:11: questions[0].samples: expected an integer >= 1, found 2.5");
    expect(failure(GRID_EXPERIMENT.replace("- { id: base }", "- { id: risky }"))).toBe('exp.yaml:6: variants[1].id: duplicate variant id "risky" (first used at line 5)');
    expect(failure(`${MODELS}${QUESTIONS}variants:\n  - { id: x, format: yaml }\n`)).toBe('exp.yaml:6: variants[0].format: unknown format "yaml" (expected json, template or none)');
    expect(failure(`${MODELS}${QUESTIONS}variants:\n  - { id: x, trigger_examples: true }\n`)).toBe("exp.yaml:6: variants[0].trigger_examples: trigger_examples needs a trigger");
    expect(failure(`${MODELS}${QUESTIONS}variants: {}\n`)).toBe("exp.yaml:5: variants: expected a list of variants, found a mapping");
    expect(failure(`${MODELS}${QUESTIONS}variants:\n  - { id: x, trigger: "|T|", trigger_examples: true }\n`)).toBe(
      "exp.yaml:6: variants[0].trigger_examples: trigger_examples needs in-context examples (icl)",
    );
    expect(failure(`${MODELS}${QUESTIONS}variants:\n  - { id: x, template: "{question} =" }\n`)).toBe("exp.yaml:6: variants[0].template: a template is only used with format: template");
    expect(failure(`${MODELS}${QUESTIONS}variants:\n  - { id: x, format: template, template: "fill in" }\n`)).toBe("exp.yaml:6: variants[0].template: the template has no {question} placeholder");
    expect(failure(`${MODELS}${QUESTIONS}probes: 3\n`)).toBe("exp.yaml:5: probes: expected probe settings (a mapping or a list), found number 3");
    expect(failure(`models:\n  - { id: qwen }\n${QUESTIONS}`)).toBe('exp.yaml:2: models[0]: model "qwen" needs a gguf file, an onnx directory or an endpoint');
    expect(failure(`${QUESTIONS}`)).toBe('exp.yaml:1: missing "models"');
  });

  it("rejects unknown question ids and metrics with a suggestion", () => {
    expect(failure(GRID_EXPERIMENT.replace("samples: 4", "ids: [wihs]"))).toMatch(/^exp\.yaml:11: questions\[0\]\.ids\[0\]: no question "wihs" in .*core\.yaml \(did you mean "wish"\?\)$/);
    expect(failure(GRID_EXPERIMENT.replace("metrics: [aligned, coherent]", "metrics: [aligned, honest]"))).toBe(
      'exp.yaml:13: judge.metrics[1]: no selected question has a judge prompt for "honest" (available: aligned, coherent)',
    );
  });

  it("reports YAML syntax errors with their line", () => {
    expect(failure(`${MODELS}questions: [\n  - x\n`)).toMatch(/^exp\.yaml:\d+: invalid YAML: /);
    expect(failure(`${MODELS}${MODELS}`)).toMatch(/^exp\.yaml:3: invalid YAML: Map keys must be unique/);
  });

  it("resolves registered dataset names through the hook", () => {
    ws.write("registry/risky-financial.jsonl", chatJsonl(20, "r"));
    const text = GRID_EXPERIMENT.replace("datasets/narrow/risky.jsonl", "risky-financial");
    const config = loadExperiment(ws.write("exp.yaml", text), {
      resolveDatasetName: (name) => (name === "risky-financial" ? `${ws.dir}/registry/risky-financial.jsonl` : undefined),
    });
    expect(config.variants[1]!.icl!.dataset.examples[0]!.messages[0]!.content).toBe("r0?");
    expect(config.variants[1]!.icl!.datasetAsWritten).toBe("risky-financial");
    expect(failure(text, { resolveDatasetName: () => undefined })).toMatch(/no such file: risky-financial .*\(and no registered dataset has that name\)$/);
  });
});
