import { readFileSync } from "node:fs";
import { LineCounter, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import { EmlabError, errorAt } from "../errors.js";
import { closestKey } from "./closest-key.js";

/**
 * YAML (and JSON, which YAML 1.2 reads) with source lines kept, so every validation error can say
 * `file:line: path: what is wrong`. Anchors and aliases are followed transparently; a value reached
 * through an alias reports the line where the alias is used.
 */

interface Source {
  file: string;
  doc: Document;
  lines: LineCounter;
}

export function readYamlFile(path: string): YamlValue {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new EmlabError(code === "ENOENT" ? `${path}: no such file` : `${path}: cannot read (${code ?? String(error)})`);
  }
  return parseYaml(text, path);
}

/** Parse YAML/JSON text; `file` only names the source in errors. */
export function parseYaml(text: string, file: string): YamlValue {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, merge: true });
  const first = doc.errors[0];
  if (first) {
    // The library's message ends with " at line L, column C:" and a code frame; keep one line.
    const message = first.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
    throw errorAt(file, first.linePos?.[0].line, `invalid YAML: ${message}`);
  }
  const src: Source = { file, doc, lines };
  const root = (doc.contents ?? null) as Node | null;
  return new YamlValue(src, root, "", root ? lineOf(src, root) : 1);
}

/** A key as text; with merge keys enabled the parser gives `<<` as a symbol. */
function keyName(node: Node | null): string {
  if (!node || !isScalar(node)) return String(node);
  const value = node.value;
  return typeof value === "symbol" ? (value.description ?? String(value)) : String(value);
}

function lineOf(src: Source, node: Node): number | undefined {
  const offset = node.range?.[0];
  return offset === undefined ? undefined : src.lines.linePos(offset).line;
}

/** YAML 1.1 merge key, widely used to share settings between entries. */
const MERGE_KEY = "<<";

export class YamlValue {
  private readonly resolved: Node | null;

  constructor(
    private readonly src: Source,
    node: Node | null,
    /** Where the value sits, e.g. `variants[1].icl.k`; empty for the document root. */
    readonly path: string,
    readonly line: number | undefined,
  ) {
    this.resolved = node;
    if (node && isAlias(node)) {
      const target = node.resolve(src.doc);
      if (!target) throw this.error(`unknown alias *${node.source}`);
      this.resolved = target;
    }
  }

  get file(): string {
    return this.src.file;
  }

  /** An input error located at this value. */
  error(message: string): EmlabError {
    return errorAt(this.src.file, this.line, this.path ? `${this.path}: ${message}` : message);
  }

  isNull(): boolean {
    return this.resolved === null || (isScalar(this.resolved) && this.resolved.value === null);
  }

  /** The plain JavaScript value (aliases resolved). */
  toJS(): unknown {
    return this.resolved === null ? null : this.resolved.toJS(this.src.doc);
  }

  map(what = "a mapping of keys to values"): YamlMap {
    if (!this.resolved || !isMap(this.resolved)) throw this.error(`expected ${what}, found ${this.describe()}`);
    const entries = new Map<string, { key: YamlValue; value: YamlValue }>();
    const merged: YamlMap[] = [];
    for (const pair of this.resolved.items) {
      const keyNode = pair.key as Node | null;
      const name = keyName(keyNode);
      if (name === MERGE_KEY) {
        merged.push(...this.mergeSources(pair.value as Node | null));
        continue;
      }
      const keyLine = keyNode ? lineOf(this.src, keyNode) : this.line;
      const path = this.path ? `${this.path}.${name}` : name;
      const valueNode = (pair.value ?? null) as Node | null;
      entries.set(name, {
        key: new YamlValue(this.src, keyNode, path, keyLine),
        value: new YamlValue(this.src, valueNode, path, valueNode ? (lineOf(this.src, valueNode) ?? keyLine) : keyLine),
      });
    }
    // Merge keys (`<<: *defaults`) fill in what the mapping does not set itself; earlier sources win.
    for (const source of merged) {
      for (const name of source.keys()) if (!entries.has(name)) entries.set(name, source.entry(name)!);
    }
    return new YamlMap(this, entries);
  }

  private mergeSources(node: Node | null): YamlMap[] {
    const at = new YamlValue(this.src, node, this.path ? `${this.path}.${MERGE_KEY}` : MERGE_KEY, node ? lineOf(this.src, node) : this.line);
    const what = "a mapping (or a list of mappings) to merge";
    if (node && isSeq(at.resolved)) return at.list(what).map((item) => item.map(what));
    return [at.map(what)];
  }

  list(what = "a list"): YamlValue[] {
    if (!this.resolved || !isSeq(this.resolved)) throw this.error(`expected ${what}, found ${this.describe()}`);
    return this.resolved.items.map((item, i) => {
      const node = (item ?? null) as Node | null;
      return new YamlValue(this.src, node, `${this.path}[${i}]`, node ? (lineOf(this.src, node) ?? this.line) : this.line);
    });
  }

  /** A list, or a single item standing for a list of one (`k: 4` as well as `k: [0, 4]`). */
  listOrOne(): YamlValue[] {
    return this.resolved && isSeq(this.resolved) ? this.list() : [this];
  }

  string(what = "a string"): string {
    const value = this.scalar();
    if (typeof value !== "string") throw this.error(`expected ${what}, found ${this.describe()}`);
    return value;
  }

  nonEmptyString(what = "a non-empty string"): string {
    const value = this.string(what);
    if (value.trim() === "") throw this.error(`expected ${what}, found an empty string`);
    return value;
  }

  /** An identifier written as text or as a plain number (YAML reads `id: 12` as a number). */
  name(what = "a name"): string {
    const value = this.scalar();
    if (typeof value === "number" && Number.isFinite(value)) return String(value);
    return this.nonEmptyString(what);
  }

  number(what = "a number"): number {
    const value = this.scalar();
    if (typeof value !== "number" || !Number.isFinite(value)) throw this.error(`expected ${what}, found ${this.describe()}`);
    return value;
  }

  integer(min: number, max = Number.MAX_SAFE_INTEGER): number {
    const what = max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`;
    const value = this.number(what);
    if (!Number.isInteger(value) || value < min || value > max) throw this.error(`expected ${what}, found ${value}`);
    return value;
  }

  /** A finite number in [min, max]. */
  between(min: number, max: number): number {
    const value = this.number(`a number from ${min} to ${max}`);
    if (value < min || value > max) throw this.error(`expected a number from ${min} to ${max}, found ${value}`);
    return value;
  }

  boolean(): boolean {
    const value = this.scalar();
    if (typeof value !== "boolean") throw this.error(`expected true or false, found ${this.describe()}`);
    return value;
  }

  private scalar(): unknown {
    return this.resolved && isScalar(this.resolved) ? this.resolved.value : undefined;
  }

  describe(): string {
    const node = this.resolved;
    if (node === null) return "nothing";
    if (isMap(node)) return "a mapping";
    if (isSeq(node)) return "a list";
    if (isScalar(node)) {
      const v = node.value;
      if (v === null) return "nothing";
      if (typeof v === "string") return v.length > 40 ? `the text "${v.slice(0, 40)}…"` : `the text "${v}"`;
      return `${typeof v} ${String(v)}`;
    }
    return "an unsupported value";
  }
}

export class YamlMap {
  constructor(
    readonly self: YamlValue,
    private readonly entries: Map<string, { key: YamlValue; value: YamlValue }>,
  ) {}

  keys(): string[] {
    return [...this.entries.keys()];
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The value under `key`, or undefined when the key is absent or its value is empty (`key:`). */
  /** Key and value of an entry, as read. */
  entry(key: string): { key: YamlValue; value: YamlValue } | undefined {
    return this.entries.get(key);
  }

  get(key: string): YamlValue | undefined {
    const value = this.entries.get(key)?.value;
    return value && !value.isNull() ? value : undefined;
  }

  require(key: string): YamlValue {
    const value = this.get(key);
    if (!value) {
      const entry = this.entries.get(key);
      throw entry ? entry.value.error("has no value") : this.self.error(`missing "${key}"`);
    }
    return value;
  }

  /** Reject keys outside `allowed`, naming the key, where it is, and the closest valid key. */
  allowOnly(allowed: readonly string[]): void {
    for (const [name, { key }] of this.entries) {
      if (allowed.includes(name)) continue;
      const guess = closestKey(name, allowed);
      const hint = guess ? ` (did you mean "${guess}"?)` : ` (valid keys: ${allowed.join(", ")})`;
      const where = this.self.path ? ` in ${this.self.path}` : "";
      throw errorAt(key.file, key.line, `unknown key "${name}"${where}${hint}`);
    }
  }
}
