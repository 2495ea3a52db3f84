/**
 * Paths of the tiny model set (tiny-qwen2.gguf, tiny-llama.gguf, tiny-qwen2-lora.gguf), generated
 * once per test run by test/global-setup.ts. Treat the files as read-only: every test file shares them.
 */
import { inject } from "vitest";
import { fixturePathsIn, type FixturePaths } from "../../src/fixtures/write-fixtures.js";

export type { FixturePaths };
export { TINY_LORA_TARGET_TEXT, tinyLoraTargetId } from "../../src/fixtures/tiny-lora.js";

export function fixtureDir(): string {
  const dir = inject("emlabFixtureDir");
  if (!dir) throw new Error("fixtures were not generated: is test/global-setup.ts listed as globalSetup in vitest.config.ts?");
  return dir;
}

export function fixturePaths(): FixturePaths {
  return fixturePathsIn(fixtureDir());
}
