import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../helpers/cli.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { tempDir } from "../store/helpers.js";
import { writeDemoDb } from "./view-fixture.js";

/** Start `emlab view` and wait for the line with its URL (or the process's end). */
function startView(args: string[]) {
  const child = spawnCli(["view", ...args]);
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (c: Buffer) => {
      stdout += c.toString();
      const match = /emlab view: (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.on("exit", (code) => reject(new Error(`emlab view exited with ${code}: ${stderr}`)));
  });
  const stopped = new Promise<number | null>((resolve) => child.on("exit", resolve));
  return { child, url, stopped, output: () => ({ stdout, stderr }) };
}

describe("emlab view (CLI)", () => {
  it("serves the database until interrupted, warning when told to listen beyond loopback", async () => {
    const db = join(tempDir(), "demo.db");
    writeDemoDb(db, fixturePaths().tinyQwen2);
    const view = startView(["--db", db, "--port", "0", "--host", "0.0.0.0", "--labeler", "bob"]);
    const port = new URL(await view.url).port;
    const runs = (await (await fetch(`http://127.0.0.1:${port}/api/runs`)).json()) as { runs: { name: string }[]; labeler: string };
    expect(runs).toMatchObject({ runs: [{ name: "viewer-demo" }], labeler: "bob" });
    view.child.kill("SIGINT");
    expect(await view.stopped).toBe(0);
    expect(view.output().stderr).toMatch(/^emlab: warning: listening on 0\.0\.0\.0: anyone who can reach this address can read every prompt and answer/);
  });

  it("refuses a missing database in one line, creating nothing", () => {
    const db = join(tempDir(), "absent.db");
    const out = runCli(["view", "--db", db, "--port", "0"]);
    expect(out.status).toBe(1);
    expect(out.stderr).toBe(`emlab: ${db}: no such database (emlab run EXPERIMENT.yaml --db ${db} creates it)\n`);
    expect(existsSync(db)).toBe(false);
  });
});
