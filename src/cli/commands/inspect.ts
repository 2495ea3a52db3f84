import type { Command } from "commander";
import { readGgufInfo } from "../../gguf/reader.js";
import { formatGgufSummary, summarizeGguf } from "../../gguf/summary.js";
import { printJson } from "../output.js";

export function registerInspectCommand(program: Command): void {
  program
    .command("inspect")
    .description("show what a GGUF model or LoRA adapter is: architecture, size, types, context, tokenizer, template")
    .argument("<file>", "GGUF model or adapter")
    .option("--json", "print one JSON document")
    .action((file: string, options: { json?: boolean }) => {
      const summary = summarizeGguf(readGgufInfo(file));
      if (options.json) printJson(summary);
      else process.stdout.write(formatGgufSummary(summary));
    });
}
