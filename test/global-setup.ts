/**
 * Generates the tiny model set once per test run into a temporary directory and hands its path to
 * every test file (read it through test/helpers/fixtures.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { writeFixtures } from "../src/fixtures/write-fixtures.js";

declare module "vitest" {
  export interface ProvidedContext {
    emlabFixtureDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), "emlab-fixtures-"));
  writeFixtures(dir);
  project.provide("emlabFixtureDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
