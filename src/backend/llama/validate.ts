import { EmlabError } from "../../errors.js";
import { metaString, readGgufInfo } from "../../gguf/reader.js";

export interface GgufHeader {
  architecture?: string;
  type?: string;
}

/**
 * Check a GGUF file before llama.cpp sees it, so a wrong path, a non-GGUF file, a truncated
 * download or a model passed as an adapter (or the reverse) gives a clear message, not a crash.
 * (The reader checks magic, version, metadata and that every tensor's data lies inside the file.)
 */
export async function validateGgufFile(path: string, expected: "model" | "adapter"): Promise<GgufHeader> {
  const info = readGgufInfo(path);
  const type = metaString(info, "general.type");
  const architecture = metaString(info, "general.architecture");
  const isAdapter = type === "adapter";
  if (expected === "adapter" && !isAdapter) throw new EmlabError(`${path}: not a LoRA adapter (general.type is '${type ?? "model"}')`);
  if (expected === "model" && isAdapter) throw new EmlabError(`${path}: this is a LoRA adapter, not a model (pass it with --lora)`);
  return { architecture, type };
}
