/** `endpoint:` in experiment files, for models and the judge: what is accepted, and errors with file:line. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EmlabError } from "../../src/errors.js";
import { expandExperiment } from "../../src/experiment/expand.js";
import { loadExperiment } from "../../src/experiment/load-experiment.js";
import { Workspace, standardProject } from "../experiment/workspace.js";

let ws: Workspace;
beforeEach(() => {
  ws = new Workspace();
  standardProject(ws);
});
afterEach(() => ws.dispose());

const QUESTIONS = "questions:\n  - { file: datasets/questions/core.yaml }\n";

function load(models: string, extra = "") {
  return loadExperiment(ws.write("exp.yaml", `models:\n${models}${QUESTIONS}${extra}`));
}

function failure(models: string, extra = ""): string {
  try {
    load(models, extra);
  } catch (error) {
    expect(error).toBeInstanceOf(EmlabError);
    return (error as Error).message.replace(ws.dir + "/", "");
  }
  throw new Error("expected the experiment to be rejected");
}

describe("endpoint: in experiment files", () => {
  it("reads a served model over several URLs, with its GGUF as tokenizer; its label stands for a path", () => {
    const config = load(`  - id: qwen7b
    gguf: models/tiny.gguf
    endpoint:
      url: [http://gpu1:8000, http://gpu2:8000/v1/]
      api: vllm
      model: Qwen/Qwen2.5-7B-Instruct
      api_key_env: OPENAI_API_KEY
      concurrency: 16
`);
    expect(config.models[0]).toMatchObject({
      id: "qwen7b",
      backend: "served",
      path: "served:vllm:Qwen/Qwen2.5-7B-Instruct",
      endpoint: {
        urls: ["http://gpu1:8000/v1", "http://gpu2:8000/v1"],
        api: "vllm",
        model: "Qwen/Qwen2.5-7B-Instruct",
        apiKeyEnv: "OPENAI_API_KEY",
        concurrency: 16,
        tokenizer: `${ws.dir}/models/tiny.gguf`,
      },
    });
    // The plan carries the endpoint to the runner; condition keys name the label, never the URLs.
    const plan = expandExperiment(config);
    expect(plan.models[0]!.endpoint!.urls).toHaveLength(2);
    expect(JSON.stringify(plan.conditions)).not.toContain("gpu1");
  });

  it("reads a served judge; llama-server URLs lose a trailing /v1", () => {
    const config = load("  - { id: q, gguf: models/tiny.gguf }\n", "judge: { endpoint: { url: http://127.0.0.1:8080/v1, api: llama-server }, metrics: [aligned] }\n");
    expect(config.judge).toMatchObject({ backend: "served", model: "served:llama-server:default", endpoint: { urls: ["http://127.0.0.1:8080"], api: "llama-server" }, metrics: ["aligned"] });
  });

  it("rejects bad endpoints with file:line", () => {
    const at = "exp.yaml:2: models[0].endpoint";
    expect(failure("  - { id: q, endpoint: { url: http://x:1, api: tgi } }\n")).toBe(`${at}.api: unknown api "tgi" (use llama-server, vllm, sglang, openai)`);
    expect(failure("  - { id: q, endpoint: { url: gpu1:8000 } }\n")).toBe(`${at}.url: 'gpu1:8000' is not an http(s) URL`);
    expect(failure("  - { id: q, endpoint: { url: [http://a:1, http://a:1/] } }\n")).toBe(`${at}.url: http://a:1/v1 is listed twice`);
    expect(failure("  - { id: q, endpoint: { url: http://a:1, api_key_env: sk-abc123 } }\n")).toBe(
      `${at}.api_key_env: name the environment variable that holds the key (e.g. OPENAI_API_KEY), not the key itself`,
    );
    expect(failure("  - { id: q, endpoint: { url: http://a:1, concurrency: 0 } }\n")).toBe(`${at}.concurrency: expected an integer from 1 to 4096, found 0`);
    expect(failure("  - { id: q, endpoint: { url: http://a:1, tokenizer: models/missing.gguf } }\n")).toBe(
      `${at}.tokenizer: no such file: models/missing.gguf (resolved to ${ws.dir}/models/missing.gguf)`,
    );
    expect(failure("  - { id: q, endpoint: { urls: http://a:1 } }\n")).toBe('exp.yaml:2: unknown key "urls" in models[0].endpoint (did you mean "url"?)');
    expect(failure("  - { id: q }\n")).toBe('exp.yaml:2: models[0]: model "q" needs a gguf file, an onnx directory or an endpoint');
    expect(failure("  - { id: q, gguf: models/tiny.gguf }\n", "judge: { metrics: [aligned] }\n")).toBe("exp.yaml:5: judge: needs a model (GGUF file or ONNX directory) or an endpoint");
  });
});
