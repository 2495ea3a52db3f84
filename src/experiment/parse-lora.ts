import { existsSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, resolve } from "node:path";
import { expandCheckpoints, isCheckpointPattern, type Checkpoint } from "../adapters/checkpoints.js";
import { isPeftPath } from "../adapters/peft-config.js";
import { errorAt } from "../errors.js";
import type { YamlValue } from "../questions/located-yaml.js";
import type { LoraSweepSpec, SourceLocation, VariantSpec } from "./config-types.js";
import { distinct, nonEmpty } from "./unique-id.js";

const LORA_KEYS = ["adapters", "scales", "models"];
const ADAPTER_KEYS = ["path", "scale"];

/** A `checkpoint-*` pattern in a variant's adapters: the variant becomes one variant per match. */
export interface CheckpointGlob {
  /** Index of the pattern among the variant's adapters. */
  index: number;
  pattern: string;
  matches: Checkpoint[];
}

/**
 * `lora: { adapters, scales?, models? }`. An adapter is a path (GGUF LoRA file or PEFT folder), a
 * pattern whose last component has `*` (checkpoints, one variant each, ordered by step), or
 * `{ path, scale }` with its own fixed scale or its own sweep. Adapters of one variant are stacked.
 * One sweep per variant: `scales` (every adapter without a scale of its own) or one adapter's list.
 */
export function parseLora(value: YamlValue, baseDir: string): { spec: LoraSweepSpec; checkpoints: CheckpointGlob | null } {
  const map = value.map("LoRA settings ({ adapters, scales, models })");
  map.allowOnly(LORA_KEYS);
  const entries = nonEmpty(map.require("adapters"), "adapter").map((at) => adapterEntry(at, baseDir));
  distinct(entries.map((e) => ({ value: e.path, at: e.at })), "adapter");
  const globs = entries.filter((e) => e.checkpoints !== null);
  if (globs.length > 1) throw globs[1]!.at.error("one checkpoint pattern per variant (put others in their own variants)");

  const sweeps = entries.filter((e) => e.scales !== null && e.scales.length > 1);
  if (sweeps.length > 1) throw sweeps[1]!.at.error("one swept adapter per variant: give the others a single scale, or compare them in separate variants");
  const scalesValue = map.get("scales");
  if (scalesValue && sweeps.length > 0) throw scalesValue.error("`scales` and an adapter's own list of scales cannot both sweep; keep one");
  const variantScales = scalesValue ? distinct(nonEmpty(scalesValue, "scale").map((at) => ({ value: at.number("a scale"), at })), "scale") : [1];
  const swept = sweeps[0];
  const scales = swept ? swept.scales! : variantScales;
  // With one adapter's own sweep, the others without a scale stay at 1.
  const fixedScales = entries.map((e) => (e === swept ? null : (e.scales?.[0] ?? (swept ? 1 : null))));

  const modelsValue = map.get("models");
  const models = modelsValue ? distinct(nonEmpty(modelsValue, "model id").map((at) => ({ value: at.name("a model id"), at })), "model") : null;
  const spec: LoraSweepSpec = {
    adapters: entries.map((e) => e.path),
    adaptersAsWritten: entries.map((e) => e.asWritten),
    scales,
    fixedScales,
    sources: entries.map((e) => e.source),
    models,
    checkpoint: null,
  };
  const glob = globs[0];
  return { spec, checkpoints: glob ? { index: entries.indexOf(glob), pattern: glob.asWritten, matches: glob.checkpoints! } : null };
}

interface AdapterEntry {
  path: string;
  asWritten: string;
  /** Own scales; null when the adapter has none. */
  scales: number[] | null;
  checkpoints: Checkpoint[] | null;
  at: YamlValue;
  source: SourceLocation;
}

function adapterEntry(at: YamlValue, baseDir: string): AdapterEntry {
  const js = at.toJS();
  const isMap = js !== null && typeof js === "object" && !Array.isArray(js);
  const map = isMap ? at.map() : null;
  map?.allowOnly(ADAPTER_KEYS);
  const pathValue = map ? map.require("path") : at;
  const asWritten = pathValue.nonEmptyString("an adapter path (GGUF LoRA file, PEFT folder or checkpoint-* pattern)");
  const path = isAbsolute(asWritten) ? asWritten : resolve(baseDir, asWritten);
  const scaleValue = map?.get("scale");
  const scales = scaleValue ? distinct(nonEmpty(scaleValue, "scale").map((s) => ({ value: s.number("a scale"), at: s })), "scale") : null;
  const source = { file: at.file, line: at.line };
  if (isCheckpointPattern(path)) {
    if (basename(dirname(path)).includes("*") || dirname(path).includes("*")) throw pathValue.error("only the last path component of a checkpoint pattern may hold *");
    const matches = expandCheckpoints(path);
    if (matches.length === 0) throw pathValue.error(`no checkpoint matches ${asWritten}${asWritten === path ? "" : ` (resolved to ${path})`}`);
    for (const m of matches) checkAdapterPath(pathValue, m.path, m.name);
    return { path, asWritten, scales, checkpoints: matches, at: pathValue, source };
  }
  if (!existsSync(path)) throw pathValue.error(`no such file: ${asWritten}${asWritten === path ? "" : ` (resolved to ${path})`}`);
  checkAdapterPath(pathValue, path, asWritten);
  return { path, asWritten, scales, checkpoints: null, at: pathValue, source };
}

function checkAdapterPath(at: YamlValue, path: string, asWritten: string): void {
  if (statSync(path).isDirectory() && !isPeftPath(path)) {
    throw at.error(`${asWritten} is a folder without adapter_config.json (expected a PEFT adapter folder or a GGUF LoRA file)`);
  }
}

/** A variant with a checkpoint pattern becomes one variant per checkpoint: `<id>/<checkpoint name>`. */
export function checkpointVariants(variant: VariantSpec, glob: CheckpointGlob | null, seen: Map<string, number | undefined>): VariantSpec[] {
  if (!glob || !variant.lora) return [variant];
  const lora = variant.lora;
  return glob.matches.map((match) => {
    const id = `${variant.id}/${match.name}`;
    const at = lora.sources[glob.index]!;
    if (seen.has(id)) throw errorAt(at.file, at.line, `variant id "${id}" (from ${glob.pattern}) is already used`);
    seen.set(id, variant.source.line);
    const adapters = lora.adapters.map((p, i) => (i === glob.index ? match.path : p));
    const adaptersAsWritten = lora.adaptersAsWritten.map((p, i) => (i === glob.index ? `${dirname(glob.pattern)}/${match.name}` : p));
    return { ...variant, id, lora: { ...lora, adapters, adaptersAsWritten, checkpoint: { pattern: glob.pattern, name: match.name, step: match.step } } };
  });
}
