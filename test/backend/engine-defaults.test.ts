/** Threads and lanes without flags: fast for tiny models, not oversubscribing a busy machine, within memory. */
import { describe, expect, it } from "vitest";
import { defaultLanes, defaultThreads, kvBytesPerToken, MAX_DEFAULT_LANES } from "../../src/backend/engine-defaults.js";

const MiB = 1024 * 1024;

describe("default threads", () => {
  it("one thread for a tiny model (thread sync would dominate)", () => {
    expect(defaultThreads(2 * MiB, 8, 0)).toBe(1);
  });
  it("the idle cores for a real model", () => {
    expect(defaultThreads(500 * MiB, 2, 0)).toBe(2);
    expect(defaultThreads(500 * MiB, 8, 2.6)).toBe(5);
  });
  it("at least one on a machine busier than its cores", () => {
    expect(defaultThreads(500 * MiB, 2, 15)).toBe(1);
  });
});

describe("default lanes", () => {
  it("one per sample of a prompt, up to the maximum", () => {
    expect(defaultLanes(1, 12 * 1024, 8 * 1024 * MiB)).toBe(1);
    expect(defaultLanes(3, 12 * 1024, 8 * 1024 * MiB)).toBe(3);
    expect(defaultLanes(100, 12 * 1024, 8 * 1024 * MiB)).toBe(MAX_DEFAULT_LANES);
  });
  it("no more than half the free memory holds KV caches for", () => {
    // 48 MiB per lane (Qwen2.5-0.5B, f16, 4096 tokens), 200 MiB free: 100 MiB for caches = 2 lanes.
    expect(defaultLanes(8, 48 * MiB, 200 * MiB)).toBe(2);
    expect(defaultLanes(8, 48 * MiB, 10 * MiB)).toBe(1);
  });
  it("a Qwen2.5-0.5B token costs 12 KiB of f16 KV cache", () => {
    expect(kvBytesPerToken({ layers: 24, kvHeads: 2, headDim: 64 }, 2)).toBe(12 * 1024);
  });
});
