import { basename } from "node:path";
import { metaNumber, metaString, readGgufInfo } from "../gguf/reader.js";
import { parseGgufLoraName } from "./gguf-lora-names.js";
import { isPeftPath } from "./peft-config.js";
import { readPeftAdapter } from "./peft-reader.js";

/** What `emlab adapters inspect` shows about a PEFT or GGUF LoRA adapter. */
export interface AdapterDescription {
  path: string;
  format: "peft" | "gguf";
  rank: number;
  alpha: number;
  useRslora: boolean;
  /** The factor on B·A at scale 1. */
  scaling: number;
  /** Adapted modules (Hugging Face names), sorted. */
  targets: string[];
  /** Adapted layer indices; lm_head is not a layer. */
  layers: number[];
  pairs: number;
  /** The base model named in adapter_config.json (PEFT) or the architecture (GGUF); null if unknown. */
  baseModel: string | null;
  architecture: string | null;
}

export function describeAdapter(path: string): AdapterDescription {
  if (isPeftPath(path)) {
    const adapter = readPeftAdapter(path);
    return {
      path: adapter.path,
      format: "peft",
      rank: adapter.config.rank,
      alpha: adapter.config.alpha,
      useRslora: adapter.config.useRslora,
      scaling: adapter.scaling,
      ...sites(adapter.pairs),
      baseModel: adapter.config.baseModel,
      architecture: null,
    };
  }
  const info = readGgufInfo(path);
  const parsed = info.tensors.flatMap((t) => {
    const name = parseGgufLoraName(t.name);
    return name ? [{ ...name, rank: name.half === "a" ? t.shape[1]! : t.shape[0]! }] : [];
  });
  const rank = parsed[0]?.rank ?? 0;
  const alpha = metaNumber(info, "adapter.lora.alpha") ?? 0;
  return {
    path,
    format: "gguf",
    rank,
    alpha,
    useRslora: false,
    scaling: alpha === 0 || rank === 0 ? 1 : alpha / rank,
    ...sites(parsed.filter((p) => p.half === "a")),
    baseModel: metaString(info, "general.base_model.0.name") ?? null,
    architecture: metaString(info, "general.architecture") ?? null,
  };
}

function sites(pairs: readonly { layer: number | null; module: string }[]): { targets: string[]; layers: number[]; pairs: number } {
  return {
    targets: [...new Set(pairs.map((p) => p.module))].sort(),
    layers: [...new Set(pairs.flatMap((p) => (p.layer === null ? [] : [p.layer])))].sort((a, b) => a - b),
    pairs: pairs.length,
  };
}

/** Human-readable lines for the terminal. */
export function formatAdapterDescription(d: AdapterDescription): string {
  const lines = [
    `${basename(d.path)} (${d.format === "peft" ? "PEFT LoRA" : "GGUF LoRA"})`,
    `  rank ${d.rank}, alpha ${d.alpha}${d.useRslora ? ", rsLoRA" : ""}: scaling ${round(d.scaling)} (× scale)`,
    `  targets: ${d.targets.join(", ") || "none"}`,
    `  layers: ${compactRanges(d.layers)} (${d.pairs} pairs)`,
  ];
  if (d.architecture) lines.push(`  architecture: ${d.architecture}`);
  if (d.baseModel) lines.push(`  base model: ${d.baseModel}`);
  return lines.join("\n") + "\n";
}

function round(x: number): string {
  return Number(x.toPrecision(6)).toString();
}

/** [0,1,2,5] → "0-2, 5". */
function compactRanges(values: readonly number[]): string {
  if (values.length === 0) return "none";
  const parts: string[] = [];
  let start = values[0]!;
  for (let i = 1; i <= values.length; i++) {
    if (values[i] === values[i - 1]! + 1) continue;
    parts.push(start === values[i - 1] ? `${start}` : `${start}-${values[i - 1]}`);
    start = values[i]!;
  }
  return parts.join(", ");
}
