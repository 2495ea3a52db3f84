import { readFileSync } from "node:fs";

/** emlab's version, stored with every run. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
