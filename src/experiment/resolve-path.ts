import { existsSync, statSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import type { YamlValue } from "../questions/located-yaml.js";

export type PathKind = "file" | "directory";

/**
 * Resolve a path written in the experiment file (relative to that file's folder) and check that it
 * exists with the expected kind. A registered name is tried when no such path exists.
 */
export function resolveExistingPath(
  value: YamlValue,
  baseDir: string,
  kind: PathKind,
  resolveName?: (name: string) => string | undefined,
): { path: string; asWritten: string } {
  const asWritten = value.nonEmptyString(kind === "file" ? "a file path" : "a directory path");
  const path = isAbsolute(asWritten) ? asWritten : resolve(baseDir, asWritten);
  if (existsSync(path)) {
    checkKind(value, path, asWritten, kind);
    return { path, asWritten };
  }
  const registered = resolveName?.(asWritten);
  if (registered !== undefined) {
    if (!existsSync(registered)) throw value.error(`registered dataset "${asWritten}" points to ${registered}, which does not exist`);
    checkKind(value, registered, asWritten, kind);
    return { path: registered, asWritten };
  }
  const also = resolveName ? " (and no registered dataset has that name)" : "";
  throw value.error(`no such ${kind}: ${asWritten}${asWritten === path ? "" : ` (resolved to ${path})`}${also}`);
}

function checkKind(value: YamlValue, path: string, asWritten: string, kind: PathKind): void {
  const isDirectory = statSync(path).isDirectory();
  if (kind === "file" && isDirectory) throw value.error(`${asWritten} is a directory, expected a file`);
  if (kind === "directory" && !isDirectory) throw value.error(`${asWritten} is a file, expected a directory`);
}
