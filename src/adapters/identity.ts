import type { EngineSettings } from "../backend/types.js";
import { resolve } from "node:path";
import { contentKey, sha256File } from "../util/hash.js";
import { isPeftPath, peftFiles } from "./peft-config.js";

/**
 * Version of the PEFT → GGUF conversion (names, alpha, tensor type). Bump it when the converter's
 * output changes, so cached conversions and the samples made with them are not reused.
 */
export const CONVERSION = { to: "gguf", type: "f32", version: 1 } as const;

/**
 * Hash of a PEFT adapter: adapter_config.json (r, lora_alpha, use_rslora, layers_to_transform,
 * target modules… all change the numbers) and adapter_model.safetensors.
 */
export async function peftFilesHash(path: string): Promise<string> {
  const files = peftFiles(path);
  return contentKey({ peft: { config: await sha256File(files.config), weights: await sha256File(files.weights) } });
}

/**
 * The identity of an adapter in content keys: a GGUF file's sha256; for a PEFT adapter, the hash of
 * its files, plus the conversion settings when the engine applies a converted copy (llama.cpp, in
 * process or in the llama-server engine).
 * The base model's hash is part of every sample key already.
 */
export async function adapterIdentity(path: string, backend: EngineSettings["backend"]): Promise<string> {
  const full = resolve(path);
  if (!isPeftPath(full)) return sha256File(full);
  const files = await peftFilesHash(full);
  return backend === "llama" || backend === "llama-server" ? contentKey({ peft: files, conversion: CONVERSION }) : files;
}
