/** `--json`: stdout is exactly one JSON document. Non-finite numbers (e.g. -Infinity) become null. */
export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, (_, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? null : v)) + "\n");
}
