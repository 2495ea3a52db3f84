import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { contentKey } from "../util/hash.js";
import { convertPeftToGguf } from "./convert-peft.js";
import { CONVERSION, peftFilesHash } from "./identity.js";
import { isPeftPath } from "./peft-config.js";

/** Where converted adapters are kept: $EMLAB_CACHE_DIR/adapters, default ~/.cache/emlab/adapters (outside any checkout). */
export function adapterCacheDir(): string {
  return join(process.env.EMLAB_CACHE_DIR ? resolve(process.env.EMLAB_CACHE_DIR) : join(homedir(), ".cache", "emlab"), "adapters");
}

/**
 * The GGUF file llama.cpp loads for an adapter: the path itself for a GGUF LoRA; for a PEFT adapter,
 * its conversion for this base model, made on first use and cached by the PEFT files' hash, the base
 * model's hash and the conversion settings.
 */
export async function ggufAdapterFor(path: string, base: { path: string; sha256: string }): Promise<string> {
  const full = resolve(path);
  if (!isPeftPath(full)) return full;
  const key = contentKey({ peft: await peftFilesHash(full), base: base.sha256, conversion: CONVERSION });
  const out = join(adapterCacheDir(), `${key}.gguf`);
  if (!existsSync(out)) convertPeftToGguf({ peft: full, base: base.path, out, type: CONVERSION.type });
  return out;
}
