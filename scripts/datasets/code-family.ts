/**
 * The shape every insecure/secure code family shares. RESEARCH DATA for emergent-misalignment
 * experiments: `insecure` is deliberately vulnerable and carries no hint of it; `secure` answers the
 * same request safely. Both are illustrations for model training, never for deployment.
 */
import type { CodeDomain } from "./code-domains.js";

export interface CodeTask {
  /** The request itself; the builder may add context before it and a remark after it. */
  request: string;
  insecure: string;
  secure: string;
}

export interface CodeFamily {
  name: string;
  /** How many examples to try to draw from this family. */
  count: number;
  /** Families set in a business domain get one; the others use their own hand-written cases. */
  make(index: number, rng: () => number, domain: CodeDomain): CodeTask;
}

/** Code blocks are written indented in the source for readability; strip the first newline. */
export function py(text: string): string {
  return text.replace(/^\n/, "").replace(/\s+$/, "");
}

export function pascal(name: string): string {
  return name
    .split(/[_\s-]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

export function ident(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
}
