import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";

/**
 * The viewer's defences for a server on the researcher's own machine: a page from another site
 * must not read it (DNS rebinding: the Host header names the attacker's domain) nor write labels
 * through it (cross-site requests carry no session token).
 */

export const TOKEN_HEADER = "x-emlab-token";

/** A fresh per-server secret; the page carries it and label writes send it back. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Constant-time comparison (hashing first makes the lengths equal). */
export function tokenMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== "string") return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(expected), digest(given));
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);
const WILDCARD = new Set(["0.0.0.0", "::"]);

export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host);
}

/**
 * Whether a request's Host header names this server. Loopback servers answer to their address and
 * "localhost"; a server on another address to that address. A wildcard bind answers to any IP
 * literal: rebinding needs a domain name, so only names are refused.
 */
export function hostAllowed(header: string | undefined, boundHost: string, port: number): boolean {
  if (!header) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(header.trim().toLowerCase());
  if (!match) return false;
  const name = match[1]!.replace(/^\[|\]$/g, "");
  if (match[2] !== undefined && Number(match[2]) !== port) return false;
  if (match[2] === undefined && port !== 80) return false;
  if (WILDCARD.has(boundHost)) return isIP(name) !== 0 || name === "localhost";
  if (isLoopback(boundHost)) return isLoopback(name);
  return name === boundHost.toLowerCase();
}

/** The page and its API: scripts and styles from this server only, no other origin at all. */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The embedded static report: no script at all, inline styles as the report writes them. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
  "cross-origin-resource-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
};
