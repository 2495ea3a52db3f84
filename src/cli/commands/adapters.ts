import { Option, type Command } from "commander";
import { convertPeftToGguf, type AdapterTensorType } from "../../adapters/convert-peft.js";
import { describeAdapter, formatAdapterDescription } from "../../adapters/describe-adapter.js";
import { printJson } from "../output.js";

export function registerAdaptersCommand(program: Command): void {
  const adapters = program.command("adapters").description("LoRA adapters as researchers publish them (PEFT folders) and as llama.cpp loads them (GGUF)");
  adapters
    .command("convert")
    .description("convert a PEFT LoRA (adapter_config.json + adapter_model.safetensors) to a GGUF LoRA for llama.cpp")
    .argument("<peft>", "PEFT adapter folder (or its adapter_model.safetensors)")
    .requiredOption("--base <model.gguf>", "the base model: architecture and every tensor shape are checked against it")
    .requiredOption("--out <adapter.gguf>", "output file (written only when the whole conversion succeeds)")
    .addOption(new Option("--type <type>", "type of the written LoRA tensors").choices(["f32", "f16"]).default("f32"))
    .option("--json", "print one JSON document")
    .action((peft: string, options: { base: string; out: string; type: AdapterTensorType; json?: boolean }) => {
      const result = convertPeftToGguf({ peft, base: options.base, out: options.out, type: options.type });
      if (options.json) return printJson(result);
      process.stdout.write(
        `${result.out}: ${result.pairs} LoRA pairs (rank ${result.rank}, layers ${result.layers.length}) for ${result.architecture}, ` +
          `adapter.lora.alpha ${Number(result.ggufAlpha.toPrecision(6))} (scaling ${Number(result.scaling.toPrecision(6))})\n`,
      );
    });
  adapters
    .command("inspect")
    .description("show an adapter's rank, alpha, rsLoRA, scaling, target modules, layers and base model")
    .argument("<adapter>", "PEFT adapter folder or GGUF LoRA file")
    .option("--json", "print one JSON document")
    .action((path: string, options: { json?: boolean }) => {
      const description = describeAdapter(path);
      if (options.json) printJson(description);
      else process.stdout.write(formatAdapterDescription(description));
    });
}
