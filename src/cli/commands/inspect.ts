import type { Command } from "commander";
import { backendForPath } from "../../backend/open.js";
import { formatOnnxSummary, summarizeOnnxDir } from "../../backend/onnx/summary.js";
import { readGgufInfo } from "../../gguf/reader.js";
import { formatGgufSummary, summarizeGguf } from "../../gguf/summary.js";
import { printJson } from "../output.js";

export function registerInspectCommand(program: Command): void {
  program
    .command("inspect")
    .description("show what a model or LoRA adapter is: architecture, size, types, context, tokenizer, template (GGUF file or ONNX directory)")
    .argument("<model>", "GGUF model or adapter, or an ONNX model directory")
    .option("--json", "print one JSON document")
    .action((path: string, options: { json?: boolean }) => {
      if (backendForPath(path) === "onnx") {
        const summary = summarizeOnnxDir(path);
        return options.json ? printJson(summary) : void process.stdout.write(formatOnnxSummary(summary));
      }
      const summary = summarizeGguf(readGgufInfo(path));
      if (options.json) printJson(summary);
      else process.stdout.write(formatGgufSummary(summary));
    });
}
