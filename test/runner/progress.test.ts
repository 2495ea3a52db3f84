/** The ETA is measured from the first finished item (not model loading) over work done in this process. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { createProgress } from "../../src/util/progress.js";

function terminal() {
  const lines: string[] = [];
  const stream = { isTTY: true, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, last: () => lines.at(-1) ?? "" };
}

describe("progress ETA", () => {
  afterEach(() => vi.restoreAllMocks());

  it("leaves model loading and already-stored items out of the rate", () => {
    let now = 0;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const { stream, last } = terminal();
    const progress = createProgress(stream, "samples");
    progress.start(20);
    progress.skip(10); // resumed: half was stored before
    expect(last()).toContain("ETA ?");
    now = 60_000; // a minute of model loading before the first sample
    progress.advance(1, 10);
    expect(last()).toMatch(/11\/20 samples .*ETA \?/);
    now = 62_000; // then 2 s per sample
    progress.advance(1, 10);
    expect(last()).toMatch(/12\/20 samples .*ETA 16s/);
    now = 66_000;
    progress.advance(2, 20);
    expect(last()).toMatch(/14\/20 samples .*ETA 12s/);
  });
});
