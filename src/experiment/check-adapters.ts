import { checkAdapterFits, readModelShapes } from "../adapters/adapter-fit.js";
import type { ModelShapes } from "../adapters/model-shapes.js";
import { errorAt, EmlabError } from "../errors.js";
import type { ModelSpec, VariantSpec } from "./config-types.js";

/**
 * LoRA against models, at validation rather than at run time: `lora.models` names known models,
 * and every adapter fits (architecture, modules, shapes) every model its variant applies to.
 */
export function checkLoraAgainstModels(variants: readonly VariantSpec[], models: readonly ModelSpec[]): void {
  const ids = models.map((m) => m.id);
  const checked = new Set<string>();
  const shapesByModel = new Map<string, ModelShapes | null>();
  const modelShapes = (model: ModelSpec) => {
    // A served model's weights are on its server, which loads and checks its own adapters; the
    // llama-server engine runs a local GGUF, checked as the in-process engine would.
    if (model.backend === "served") return null;
    if (!shapesByModel.has(model.path)) shapesByModel.set(model.path, readModelShapes({ backend: model.backend === "llama-server" ? "llama" : model.backend, path: model.path }));
    return shapesByModel.get(model.path)!;
  };
  for (const variant of variants) {
    const lora = variant.lora;
    if (!lora) continue;
    for (const id of lora.models ?? []) {
      if (!ids.includes(id)) throw errorAt(variant.source.file, variant.source.line, `variant ${variant.id}: lora.models names '${id}', which is not a model of this experiment (${ids.join(", ")})`);
    }
    for (const model of models.filter((m) => !lora.models || lora.models.includes(m.id))) {
      const shapes = modelShapes(model);
      if (!shapes) continue;
      lora.adapters.forEach((adapter, i) => {
        const key = `${adapter}\n${model.path}`;
        if (checked.has(key)) return;
        checked.add(key);
        try {
          checkAdapterFits(adapter, shapes);
        } catch (error) {
          if (!(error instanceof EmlabError)) throw error;
          const at = lora.sources[i]!;
          const hint = lora.models ? "" : " (lora.models can restrict the variant to the models it fits)";
          throw errorAt(at.file, at.line, `adapter ${lora.adaptersAsWritten[i]} does not fit model ${model.id}: ${error.message}${hint}`);
        }
      });
    }
  }
}
