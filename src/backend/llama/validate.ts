import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { readGgufFileInfo } from "node-llama-cpp";
import { EmlabError } from "../../errors.js";

export interface GgufHeader {
  architecture?: string;
  type?: string;
}

/**
 * Check a GGUF file before llama.cpp sees it, so a wrong path, a non-GGUF file, a truncated
 * download or a model passed as an adapter (or the reverse) gives a clear message, not a crash.
 */
export async function validateGgufFile(path: string, expected: "model" | "adapter"): Promise<GgufHeader> {
  if (!existsSync(path)) throw new EmlabError(`${path}: file not found`);
  if (!statSync(path).isFile()) throw new EmlabError(`${path}: not a file`);
  const magic = Buffer.alloc(4);
  const fd = openSync(path, "r");
  try {
    readSync(fd, magic, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  if (magic.toString("latin1") !== "GGUF") throw new EmlabError(`${path}: not a GGUF file (bad magic bytes)`);
  let info;
  try {
    info = await readGgufFileInfo(path, { logWarnings: false, sourceType: "filesystem" });
  } catch (error) {
    throw new EmlabError(`${path}: invalid or truncated GGUF file (${(error as Error).message})`);
  }
  const general = (info.metadata as { general?: { architecture?: string; type?: string } }).general ?? {};
  const isAdapter = general.type === "adapter";
  if (expected === "adapter" && !isAdapter) throw new EmlabError(`${path}: not a LoRA adapter (general.type is '${general.type ?? "model"}')`);
  if (expected === "model" && isAdapter) throw new EmlabError(`${path}: this is a LoRA adapter, not a model (pass it with --lora)`);
  return { architecture: general.architecture, type: general.type };
}
