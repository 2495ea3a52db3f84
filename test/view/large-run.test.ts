import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startViewServer } from "../../src/view/server.js";
import { tempDir } from "../store/helpers.js";
import { writeLargeDb } from "./view-fixture.js";

/**
 * The sample browser on a 100,000-sample run (written through the store API in one transaction):
 * the first page comes from the run's plan index, never from loading the run. The latency is
 * printed as a benchmark figure, not asserted (this machine's load varies).
 */
describe("a 100,000-sample run", () => {
  it("answers the sample browser's first page without loading the run (benchmark figure, printed)", async () => {
    const db = join(tempDir(), "large.db");
    const { runId, seconds } = writeLargeDb(db, 100_000);
    const server = await startViewServer({ db });
    try {
      const time = async (path: string) => {
        const started = performance.now();
        const response = await fetch(server.url + path);
        const body = (await response.json()) as { total: number; rows: unknown[] };
        return { ms: performance.now() - started, body };
      };
      const first = await time(`api/runs/${runId}/samples`);
      expect(first.body.total).toBe(100_000);
      expect(first.body.rows).toHaveLength(50);
      const again = await time(`api/runs/${runId}/samples?page=1000`);
      expect(again.body.rows).toHaveLength(50);
      const misaligned = await time(`api/runs/${runId}/samples?misaligned=em-paper&sort=-coherent&page=10`);
      expect(misaligned.body.rows).toHaveLength(50);
      const runs = await time("api/runs");
      console.log(
        `100,000-sample run (written in ${seconds.toFixed(1)} s): first page ${first.ms.toFixed(0)} ms (cold), page 1001 ${again.ms.toFixed(0)} ms; ` +
          `misaligned filter + score sort, page 11 of ${Math.ceil(misaligned.body.total / 50)}: ${misaligned.ms.toFixed(0)} ms; runs list ${runs.ms.toFixed(0)} ms`,
      );
    } finally {
      await server.close();
    }
  });
});
