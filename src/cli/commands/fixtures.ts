import { Option, type Command } from "commander";
import { PRESETS, type PresetDtype, type PresetName } from "../../fixtures/qwen-preset.js";
import { writeFixtures } from "../../fixtures/write-fixtures.js";
import { printJson } from "../output.js";

export function registerFixturesCommand(program: Command): void {
  program
    .command("fixtures")
    .description("write the built-in models: random tiny ones (tiny-qwen2, tiny-llama, a LoRA), the planted ones (subject, LoRA, judge); optionally a realistic-size preset")
    .requiredOption("--out <dir>", "output directory")
    .addOption(new Option("--preset <name>", "also write a random model in this real model's shape (~500 MB)").choices([...PRESETS]))
    .addOption(new Option("--dtype <type>", "matrix type of the preset").choices(["f16", "q8_0"]).default("q8_0"))
    .option("--json", "print one JSON document")
    .action((options: { out: string; preset?: PresetName; dtype: PresetDtype; json?: boolean }) => {
      const paths = writeFixtures(options.out, { preset: options.preset, dtype: options.dtype });
      if (options.json) return printJson(paths);
      for (const path of Object.values(paths)) process.stdout.write(`${path}\n`);
    });
}
