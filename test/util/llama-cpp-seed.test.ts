import { describe, expect, it } from "vitest";
import { llamaCppSeed } from "../../src/util/random.js";

describe("seeds handed to llama.cpp", () => {
  it("never pass 0xFFFFFFFF, which llama.cpp reads as 'a random seed'; every other value passes unchanged", () => {
    expect(llamaCppSeed(0xffffffff)).toBe(0xfffffffe);
    expect(llamaCppSeed(-1)).toBe(0xfffffffe);
    for (const seed of [0, 1, 42, 0xfffffffe, 0x80000000]) expect(llamaCppSeed(seed)).toBe(seed);
  });
});
