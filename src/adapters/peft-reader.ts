import { EmlabError } from "../errors.js";
import { PairCollector, type LoraPairs } from "./lora-pairs.js";
import { MERGE_ADVICE, peftFiles, readPeftConfig, type PeftConfig, type PeftFiles } from "./peft-config.js";
import { readSafetensors, readSafetensorsShapes } from "./safetensors.js";

/** A PEFT LoRA adapter read into plain pairs, with its config. */
export interface PeftAdapter extends LoraPairs {
  files: PeftFiles;
  config: PeftConfig;
  /** Pairs in the file on layers outside layers_to_transform (PEFT never applies them), dropped. */
  skippedLayers: number[];
}

/** `…layers.N.self_attn.q_proj.lora_A.weight` (optionally `.default`), or `…lm_head.lora_B.weight`. */
const PEFT_KEY = /(?:layers\.(\d+)\.(?:self_attn|mlp)\.([A-Za-z0-9_]+)|(lm_head))\.lora_(A|B)(?:\.default)?\.weight$/;
const EMBEDDING_KEY = /\.lora_embedding_(A|B)/;
/** PEFT's LoRA on the input embeddings: lora_embedding_A [r, vocab], lora_embedding_B [dim, r] (no `.weight`). */
const EMBED_TOKENS_KEY = /\.embed_tokens\.lora_embedding_(A|B)(?:\.default)?$/;
const ANY_LORA_KEY = /\.lora_(A|B)(?:\.default)?\.weight$/;

/**
 * Read a PEFT LoRA (a directory with adapter_config.json + adapter_model.safetensors, or the
 * .safetensors file with the config beside it). A/B keep PyTorch's layout, which fan_in_fan_out does
 * not change (PEFT's lora_A is a Linear either way, and PEFT resets the flag for Linear targets).
 */
export function readPeftAdapter(path: string, options: { shapesOnly?: boolean } = {}): PeftAdapter {
  const files = peftFiles(path);
  const config = readPeftConfig(files.config);
  const keep = config.layersToTransform ? new Set(config.layersToTransform) : null;
  const collector = new PairCollector();
  const skipped = new Set<number>();
  // Shapes only: the pairs get empty data (enough to check an adapter against a model).
  const tensors = options.shapesOnly ? readSafetensorsShapes(files.weights) : readSafetensors(files.weights);
  for (const [name, tensor] of tensors) {
    const embedding = EMBED_TOKENS_KEY.exec(name);
    if (embedding) {
      collector.add(null, "embed_tokens", embedding[1] === "A" ? "a" : "b", tensor);
      continue;
    }
    if (EMBEDDING_KEY.test(name)) {
      throw new EmlabError(`${files.weights}: ${name}: LoRA on an embedding other than embed_tokens is not supported; ${MERGE_ADVICE}`);
    }
    const match = PEFT_KEY.exec(name);
    if (!match && ANY_LORA_KEY.test(name)) {
      throw new EmlabError(`${files.weights}: tensor ${name} is named for another architecture (emlab reads …layers.N.self_attn|mlp.<module>…, as in qwen2 and llama)`);
    }
    if (!match) {
      throw new EmlabError(
        `${files.weights}: tensor ${name} is not half of a LoRA pair (…layers.N.<module>.lora_A/B.weight or lm_head.lora_A/B.weight): ` +
          `whole trained modules (modules_to_save) or biases are not supported; ${MERGE_ADVICE}`,
      );
    }
    const layer = match[1] === undefined ? null : Number(match[1]);
    if (keep && layer !== null && !keep.has(layer)) {
      skipped.add(layer);
      continue;
    }
    collector.add(layer, match[2] ?? match[3]!, match[4] === "A" ? "a" : "b", tensor);
  }
  const pairs = collector.pairs(files.weights);
  if (pairs.length === 0) throw new EmlabError(`${files.weights}: holds no LoRA pairs${keep ? ` on layers_to_transform [${[...keep]}]` : ""}`);
  return { path: files.path, files, config, scaling: config.scaling, pairs, skippedLayers: [...skipped].sort((a, b) => a - b) };
}
