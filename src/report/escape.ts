/**
 * Escaping for HTML text and quoted attribute values, also inside inline SVG. Model outputs are
 * adversarial: every string that reaches the page goes through here. Escaping <, >, &, " and '
 * leaves no way to open a tag, comment, CDATA section or end an attribute.
 */
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  // NUL and other C0 controls (except tab/newline/CR) are not allowed in HTML text: show U+FFFD.
  return String(text)
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "\ufffd");
}

/** Tagged template: interpolated values are escaped unless wrapped with raw(). */
export interface RawHtml {
  readonly __html: string;
}

export function raw(html: string): RawHtml {
  return { __html: html };
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): RawHtml {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += toHtml(values[i]) + strings[i + 1]!;
  return raw(out);
}

function toHtml(value: unknown): string {
  if (value === null || value === undefined || value === false) return "";
  if (Array.isArray(value)) return value.map(toHtml).join("");
  if (typeof value === "object" && "__html" in value) return (value as RawHtml).__html;
  return escapeHtml(String(value));
}
