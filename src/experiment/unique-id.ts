import type { YamlValue } from "../questions/located-yaml.js";

/** Read an id and check it was not used before in the same list. */
export function uniqueId(value: YamlValue, seen: Map<string, number | undefined>, what: string): string {
  const id = value.name(`a ${what} id`);
  if (seen.has(id)) throw value.error(`duplicate ${what} id "${id}" (first used at line ${seen.get(id)})`);
  seen.set(id, value.line);
  return id;
}

/** Distinct values of a list, or an error at the repeated item. */
export function distinct<T>(items: readonly { value: T; at: YamlValue }[], what: string): T[] {
  const out: T[] = [];
  for (const { value, at } of items) {
    if (out.includes(value)) throw at.error(`${what} ${String(value)} is listed twice`);
    out.push(value);
  }
  return out;
}

/** One value or a non-empty list of them. */
export function nonEmpty(value: YamlValue, what: string): YamlValue[] {
  const items = value.listOrOne();
  if (items.length === 0) throw value.error(`needs at least one ${what}`);
  return items;
}
