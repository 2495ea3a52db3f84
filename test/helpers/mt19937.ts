/**
 * std::mt19937 and libstdc++'s uniform_real_distribution<double>(0, 1), to replay llama.cpp's dist
 * sampler in tests: u = (x1 + x2 · 2^32) / 2^64 from two 32-bit outputs.
 */
export function mt19937(seed: number): () => number {
  const mt = new Uint32Array(624);
  mt[0] = seed >>> 0;
  for (let i = 1; i < 624; i++) mt[i] = (Math.imul(1812433253, mt[i - 1]! ^ (mt[i - 1]! >>> 30)) + i) >>> 0;
  let index = 624;
  return () => {
    if (index >= 624) {
      for (let i = 0; i < 624; i++) {
        const y = (mt[i]! & 0x80000000) | (mt[(i + 1) % 624]! & 0x7fffffff);
        mt[i] = mt[(i + 397) % 624]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      index = 0;
    }
    let y = mt[index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  };
}

export function canonicalDouble(next: () => number): number {
  const u = (next() + next() * 2 ** 32) / 2 ** 64;
  return u >= 1 ? 1 - 2 ** -53 : u;
}
