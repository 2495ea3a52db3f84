import { existsSync, statSync } from "node:fs";
import { EmlabError } from "../errors.js";
import { LlamaBackend } from "./llama/llama-model.js";
import { ServedBackend } from "./served/index.js";
import type { Backend, LoadModelOptions, LoadedModel } from "./types.js";

export type BackendName = "llama" | "onnx" | "served";

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
    default:
      throw new EmlabError(`unknown backend '${String(name)}' (use llama, onnx or served)`);
  }
}

export async function loadModel(backend: BackendName, options: LoadModelOptions): Promise<LoadedModel> {
  return (await backendFor(backend)).load(options);
}

/** The engine a model path needs: an ONNX export is a directory, a GGUF model is one file. */
export function backendForPath(path: string): BackendName {
  if (!existsSync(path)) throw new EmlabError(`${path}: no such model file or directory`);
  return statSync(path).isDirectory() ? "onnx" : "llama";
}
