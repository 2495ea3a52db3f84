import type { Command } from "commander";
import { backendForPath } from "../../backend/open.js";
import { EmlabError } from "../../errors.js";
import { addEndpointOptions, endpointFrom, servedLabel, type EndpointCliOptions } from "../endpoint-options.js";
import { EM_SAMPLING_DEFAULTS, type ChatMessage, type SamplingParams } from "../../backend/types.js";
import { sampleRequest, scoreRequest, type SingleRequest } from "../../runner/single-request.js";
import { openStore } from "../../store/index.js";
import { addModelOptions, countOption, dbOption, loadOptionsFrom, loraFrom, numberOption, type ModelCliOptions } from "../options.js";
import { printJson } from "../output.js";

interface PromptCliOptions extends ModelCliOptions, EndpointCliOptions {
  system?: string;
  prompt: string;
  db: string;
  json?: boolean;
}

function requestFrom(options: PromptCliOptions): SingleRequest {
  const messages: ChatMessage[] = [];
  if (options.system !== undefined) messages.push({ role: "system", content: options.system });
  messages.push({ role: "user", content: options.prompt });
  const endpoint = endpointFrom(options, options.model);
  if (endpoint) {
    return {
      backend: "served",
      load: { path: servedLabel(endpoint), endpoint, ...(options.contextSize === undefined ? {} : { contextSize: options.contextSize }) },
      lora: loraFrom(options),
      messages,
      openStore: () => openStore(options.db),
    };
  }
  if (options.model === undefined) throw new EmlabError("give --model (a GGUF file or ONNX directory) or --endpoint (a served model)");
  const backend = backendForPath(options.model);
  if (options.engine === "llama-server" && backend !== "llama") throw new EmlabError(`${options.model}: --engine llama-server runs GGUF files, not ONNX directories`);
  return {
    backend: options.engine === "llama-server" ? "llama-server" : backend,
    load: loadOptionsFrom({ ...options, model: options.model }),
    lora: loraFrom(options),
    messages,
    openStore: () => openStore(options.db),
  };
}

function addPromptOptions(command: Command): Command {
  return addEndpointOptions(addModelOptions(command))
    .option("--system <text>", "system prompt")
    .requiredOption("--prompt <text>", "user message")
    .addOption(dbOption())
    .option("--json", "print one JSON document");
}

export function registerSampleCommand(program: Command): void {
  addPromptOptions(
    program
      .command("sample")
      .description("sample answers with raw per-token log-probs (EM protocol defaults: T=1, top-p 1, no top-k)"),
  )
    .option("-n, --n <n>", "number of samples", countOption("n"), 1)
    .option("--seed <s>", "base seed (sample i uses its own stream from (seed, i))", numberOption("seed", true, { min: 0, max: 0xffffffff }), 0)
    .option("--temperature <t>", "temperature (0 = greedy)", numberOption("temperature", false, { min: 0, max: 100 }), EM_SAMPLING_DEFAULTS.temperature)
    .option("--top-p <p>", "nucleus (1 = off)", numberOption("top-p", false, { min: 0, aboveMin: true, max: 1 }), EM_SAMPLING_DEFAULTS.topP)
    .option("--top-k <k>", "top-k (0 = off)", numberOption("top-k", true, { min: 0 }), EM_SAMPLING_DEFAULTS.topK)
    .option("--min-p <p>", "min-p (0 = off)", numberOption("min-p", false, { min: 0, max: 1 }), EM_SAMPLING_DEFAULTS.minP)
    .option("--max-tokens <m>", "tokens per answer", countOption("max-tokens"), 256)
    .option("--stop <text...>", "stop strings")
    .option("--top-logprobs <k>", "alternatives recorded per token", numberOption("top-logprobs", true, { min: 0, max: 1000 }), EM_SAMPLING_DEFAULTS.topLogprobs)
    .action(async (options: PromptCliOptions & { n: number; seed: number; temperature: number; topP: number; topK: number; minP: number; maxTokens: number; stop?: string[]; topLogprobs: number }) => {
      const params: SamplingParams = {
        temperature: options.temperature,
        topP: options.topP,
        topK: options.topK,
        minP: options.minP,
        maxTokens: options.maxTokens,
        stop: options.stop ?? [],
        seed: options.seed,
        topLogprobs: options.topLogprobs,
      };
      const { samples } = await sampleRequest(requestFrom(options), params, options.n);
      if (options.json) {
        printJson({ samples: samples.map((s) => ({ index: s.index, text: s.text, finish_reason: s.finishReason, reused: s.reused, tokens: s.tokens })) });
        return;
      }
      for (const s of samples) {
        const total = s.tokens.reduce((sum, t) => sum + t.logprob, 0);
        process.stdout.write(`--- sample ${s.index} (${s.tokens.length} tokens, ${s.finishReason}, log-prob ${total.toFixed(3)}${s.reused ? ", from the database" : ""})\n${s.text}\n`);
      }
    });
}

export function registerScoreCommand(program: Command): void {
  addPromptOptions(program.command("score").description("log-likelihood of a fixed continuation after the prompt, per token, in one pass"))
    .requiredOption("--continuation <text>", "the assistant text to score")
    .action(async (options: PromptCliOptions & { continuation: string }) => {
      const result = await scoreRequest(requestFrom(options), options.continuation);
      if (options.json) {
        printJson(result);
        return;
      }
      for (const t of result.tokens) process.stdout.write(`${JSON.stringify(t.text).padEnd(16)} ${t.logprob.toFixed(4)}\n`);
      process.stdout.write(`total log-prob ${result.total_logprob.toFixed(4)}\n`);
    });
}
