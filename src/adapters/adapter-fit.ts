import { EmlabError } from "../errors.js";
import { metaString, readGgufInfo } from "../gguf/reader.js";
import { parseGgufLoraName } from "./gguf-lora-names.js";
import { ggufModelShapes, onnxModelShapes, siteMisfit, type AdaptedSite, type ModelShapes } from "./model-shapes.js";
import { isPeftPath } from "./peft-config.js";
import { readPeftAdapter } from "./peft-reader.js";

/** What an adapter adapts, and for which architecture when its file says (GGUF). */
export function adaptedSites(path: string): { architecture: string | null; sites: AdaptedSite[] } {
  if (isPeftPath(path)) return { architecture: null, sites: readPeftAdapter(path, { shapesOnly: true }).pairs };
  const info = readGgufInfo(path);
  if (metaString(info, "general.type") !== "adapter") throw new EmlabError(`${path}: not a LoRA adapter (general.type is '${metaString(info, "general.type") ?? "model"}')`);
  const sites = new Map<string, AdaptedSite>();
  for (const tensor of info.tensors) {
    const name = parseGgufLoraName(tensor.name);
    if (!name) throw new EmlabError(`${path}: tensor ${tensor.name} is not a LoRA pair of a known Linear layer`);
    const key = `${name.layer}.${name.module}`;
    const site = sites.get(key) ?? { layer: name.layer, module: name.module, inFeatures: 0, outFeatures: 0 };
    // GGUF order: lora_a is [in, r] ([r, vocab] for token_embd), lora_b [r, out].
    if (name.half === "a") site.inFeatures = name.module === "embed_tokens" ? tensor.shape[1]! : tensor.shape[0]!;
    else site.outFeatures = tensor.shape[1]!;
    sites.set(key, site);
  }
  return { architecture: metaString(info, "general.architecture") ?? null, sites: [...sites.values()] };
}

/** The model's shapes from its files; null when they cannot be read (loading the model reports why). */
export function readModelShapes(model: { backend: "llama" | "onnx"; path: string }): ModelShapes | null {
  try {
    return model.backend === "llama" ? ggufModelShapes(model.path) : onnxModelShapes(model.path);
  } catch (error) {
    if (error instanceof EmlabError || error instanceof SyntaxError) return null;
    throw error;
  }
}

/**
 * Check, from the files alone, that an adapter fits a model: same architecture (when the adapter
 * names one) and, for every adapted module, a weight of the adapter's shape. Throws one line.
 */
export function checkAdapterFits(adapterPath: string, shapes: ModelShapes): void {
  const { architecture, sites } = adaptedSites(adapterPath);
  if (architecture !== null && architecture !== shapes.architecture) {
    throw new EmlabError(`the adapter is for architecture '${architecture}', the model ${shapes.name} is '${shapes.architecture}'`);
  }
  for (const site of sites) {
    const misfit = siteMisfit(shapes, site);
    if (misfit) throw new EmlabError(misfit);
  }
}
