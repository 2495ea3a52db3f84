import { EmlabError } from "../errors.js";
import { PALETTE } from "./charts/svg.js";

/**
 * `emlab report --conditions PATTERN`: the conditions drawn in colour. PATTERN is one or more
 * comma-separated globs (`*` matches any text, case-insensitive) tried against each condition's
 * label and id; the matches keep the report's condition order. At most one per palette colour.
 */
export function matchConditions(conditions: readonly { id: string; label: string }[], pattern: string): string[] {
  const globs = pattern.split(",").map((g) => g.trim()).filter(Boolean);
  if (globs.length === 0) throw new EmlabError(`--conditions: no pattern in '${pattern}' (e.g. --conditions 'icl*k=16*')`);
  const regexes = globs.map((g) => new RegExp(`^${g.split("*").map(escapeRegExp).join(".*")}$`, "i"));
  const matched = conditions.filter((c) => regexes.some((r) => r.test(c.label) || r.test(c.id)));
  if (matched.length === 0) {
    throw new EmlabError(`--conditions '${pattern}': no condition matches (conditions: ${conditions.map((c) => c.label).join("; ")})`);
  }
  if (matched.length > PALETTE.length) {
    throw new EmlabError(`--conditions '${pattern}': ${matched.length} conditions match, at most ${PALETTE.length} can be drawn in colour; narrow the pattern`);
  }
  return matched.map((c) => c.id);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
}
