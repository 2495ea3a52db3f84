import type { Command } from "commander";
import { addLoraToExport, DEFAULT_RANK_MAX } from "../../backend/onnx/lora-splice/add-lora.js";
import { countOption } from "../options.js";
import { printJson } from "../output.js";

export function registerOnnxCommand(program: Command): void {
  const onnx = program.command("onnx").description("tools for ONNX model exports (Optimum / Transformers.js layout)");
  onnx
    .command("add-lora")
    .description(
      "write onnx/model{suffix}_lora.onnx: the export's graph with a LoRA branch x·A·B beside each attention and MLP projection " +
        "(MatMul or MatMulNBits, packed qkv_proj too), so PEFT and GGUF LoRA adapters run on it; the graph file is spliced, " +
        "initializers and external data are kept byte for byte",
    )
    .argument("<model-dir>", "ONNX model directory (config.json, onnx/model*.onnx)")
    .option("--dtype <dtype>", "which weight file to rewrite: fp32, fp16, q4, q4f16, … (onnx/model{suffix}.onnx)", "fp32")
    .option("--rank-max <n>", "largest total LoRA rank per module the engine will feed (stacked adapters add up)", countOption("rank-max"), DEFAULT_RANK_MAX)
    .option("--modules <list>", "comma-separated projections to adapt (default: q_proj,k_proj,v_proj,o_proj,gate_proj,up_proj,down_proj; lm_head when listed)")
    .option("--json", "print one JSON document")
    .action((dir: string, options: { dtype: string; rankMax: number; modules?: string; json?: boolean }) => {
      const rankMax = options.rankMax;
      const modules = options.modules?.split(",").map((m) => m.trim()).filter((m) => m.length > 0);
      const result = addLoraToExport(dir, { dtype: options.dtype, rankMax, ...(modules ? { modules } : {}) });
      if (options.json) return printJson(result);
      const layers = new Set(result.sites.filter((s) => s.includes(".")).map((s) => s.split(".")[0]));
      const modulesSeen = [...new Set(result.sites.map((s) => s.split(".").pop()))];
      process.stdout.write(
        `${result.file}: LoRA inputs on ${result.sites.length} projections (${modulesSeen.join(", ")}; ${layers.size} layers), ` +
          `${result.types.join("/")}, rank up to ${rankMax}\n`,
      );
    });
}
