/** Next-token log-probs of one prompt on either engine, for comparing adapters across engines. */
import type { LoadedModel, WeightVariant } from "../../../src/backend/types.js";

export async function fullLogprobs(model: LoadedModel, prompt: readonly number[], variant: WeightVariant): Promise<Float32Array> {
  const session = await model.openSession(variant);
  try {
    return (await session.nextToken(prompt, { full: true })).full!;
  } finally {
    await session.dispose();
  }
}

export function maxDiff(a: Float32Array, b: Float32Array): number {
  return a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0);
}
