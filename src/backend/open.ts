import { existsSync, statSync } from "node:fs";
import { EmlabError } from "../errors.js";
import { LlamaBackend } from "./llama/llama-model.js";
import { ManagedLlamaServerBackend, ServedBackend } from "./served/index.js";
import type { EndpointSpec } from "./served/endpoint-spec.js";
import type { Backend, BackendName, EngineOptions, LoadModelOptions, LoadedModel } from "./types.js";

export { BACKEND_NAMES, type BackendName } from "./types.js";

/** The engine for a backend name. The ONNX engine is loaded lazily: it pulls in onnxruntime. */
export async function backendFor(name: BackendName): Promise<Backend> {
  switch (name) {
    case "llama":
      return new LlamaBackend();
    case "onnx": {
      const modulePath = "./onnx/index.js";
      const { OnnxBackend } = (await import(modulePath).catch((error: unknown) => {
        throw new EmlabError(`the ONNX backend could not be loaded: ${(error as Error).message}`);
      })) as { OnnxBackend: new () => Backend };
      return new OnnxBackend();
    }
    case "served":
      return new ServedBackend();
    case "llama-server":
      return new ManagedLlamaServerBackend();
    default:
      throw new EmlabError(`unknown backend '${String(name)}' (use llama, onnx, served or llama-server)`);
  }
}

export async function loadModel(backend: BackendName, options: LoadModelOptions): Promise<LoadedModel> {
  return (await backendFor(backend)).load(options);
}

/** A model as experiment files and commands name it (subject, judge or probe model). */
export interface ModelSpec {
  backend: BackendName;
  path: string;
  contextSize?: number;
  /** A served model's endpoint(s) (backend "served"). */
  endpoint?: EndpointSpec;
}

/**
 * The one way emlab opens a model: a model spec plus the engine options the user chose once (GPU,
 * threads, lanes, KV-cache type, flash attention), so subject, judge and probe models all run, and
 * are recorded, with the same settings. `samplesPerPrompt` guides the default lanes.
 */
export function openModel(spec: ModelSpec, engine: EngineOptions = {}, hints: { samplesPerPrompt?: number } = {}): Promise<LoadedModel> {
  return loadModel(spec.backend, {
    path: spec.path,
    ...(spec.contextSize !== undefined ? { contextSize: spec.contextSize } : {}),
    ...(spec.endpoint !== undefined ? { endpoint: spec.endpoint } : {}),
    ...(engine.gpu !== undefined ? { gpu: engine.gpu } : {}),
    ...(engine.threads !== undefined ? { threads: engine.threads } : {}),
    ...(engine.parallelSequences !== undefined ? { parallelSequences: engine.parallelSequences } : {}),
    ...(engine.flashAttention !== undefined ? { flashAttention: engine.flashAttention } : {}),
    ...(engine.kvCacheType !== undefined ? { kvCacheType: engine.kvCacheType } : {}),
    ...(hints.samplesPerPrompt !== undefined ? { samplesPerPrompt: hints.samplesPerPrompt } : {}),
  });
}

/** The engine a model path needs: an ONNX export is a directory, a GGUF model is one file. */
export function backendForPath(path: string): BackendName {
  if (!existsSync(path)) throw new EmlabError(`${path}: file not found`);
  return statSync(path).isDirectory() ? "onnx" : "llama";
}
