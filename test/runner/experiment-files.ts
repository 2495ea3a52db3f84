/**
 * Small experiment files for runner tests: the built-in tiny model, emlab's own narrow dataset and
 * question set, and a temporary folder that each test file owns.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fixturePaths } from "../helpers/fixtures.js";

const repo = fileURLToPath(new URL("../..", import.meta.url));
export const RISKY_FINANCIAL = join(repo, "datasets/narrow/risky-financial-advice.jsonl");
export const CORE_QUESTIONS = join(repo, "datasets/questions/core.yaml");

export interface ExperimentShape {
  name?: string;
  k?: number[];
  scales?: number[];
  questions?: string[];
  samples?: number;
  maxTokens?: number;
  dataset?: string;
  /** Extra text inside the model entry, e.g. `, context_size: 128`. */
  modelExtra?: string;
  /** Extra top-level lines. */
  extra?: string;
}

/** An in-context k-sweep crossed with a LoRA scale sweep on tiny-qwen2, without a judge. */
export function experimentYaml(shape: ExperimentShape = {}): string {
  const models = fixturePaths();
  const list = (values: readonly (string | number)[]) => `[${values.join(", ")}]`;
  const lora = shape.scales ? `\n    lora: { adapters: [${JSON.stringify(models.tinyQwen2Lora)}], scales: ${list(shape.scales)} }` : "";
  return `name: ${shape.name ?? "runner-test"}
models:
  - { id: tiny-qwen2, gguf: ${JSON.stringify(models.tinyQwen2)}${shape.modelExtra ?? ""} }
variants:
  - id: risky
    icl: { dataset: ${JSON.stringify(shape.dataset ?? RISKY_FINANCIAL)}, k: ${list(shape.k ?? [0, 4])}, seeds: [0] }${lora}
questions:
  - file: ${JSON.stringify(CORE_QUESTIONS)}
    ids: ${list(shape.questions ?? ["one_wish", "feeling_bored", "quick_money"])}
    samples: ${shape.samples ?? 3}
sampling: { temperature: 1, top_p: 1, max_tokens: ${shape.maxTokens ?? 16}, seed: 0, top_logprobs: 3 }
${shape.extra ?? ""}`;
}

export class TempDir {
  readonly dir = mkdtempSync(join(tmpdir(), "emlab-runner-"));

  path(name: string): string {
    return join(this.dir, name);
  }

  write(name: string, text: string): string {
    const path = this.path(name);
    writeFileSync(path, text);
    return path;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
