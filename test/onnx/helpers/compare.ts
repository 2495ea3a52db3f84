import type { LoadedModel, SamplingParams } from "../../../src/backend/types.js";

/** Largest |a[i] - b[i]| (lengths must match). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new RangeError(`${a.length} vs ${b.length} values`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
  return worst;
}

/** The full next-token log-probs after `prompt`, from a fresh session. */
export async function nextTokenLogprobs(model: LoadedModel, prompt: number[]): Promise<Float32Array> {
  const session = await model.openSession();
  try {
    return (await session.nextToken(prompt, { full: true })).full!;
  } finally {
    await session.dispose();
  }
}

/** Largest log-prob difference of two models over a scored continuation and the full distribution after the prompt. */
export async function scoreAndNextDiff(a: LoadedModel, b: LoadedModel, prompt: number[], continuation: number[]): Promise<number> {
  const [sa, sb] = [await a.openSession(), await b.openSession()];
  try {
    const scores = maxAbsDiff(await sa.score(prompt, continuation), await sb.score(prompt, continuation));
    return Math.max(scores, maxAbsDiff(await nextTokenLogprobs(a, prompt), await nextTokenLogprobs(b, prompt)));
  } finally {
    await sa.dispose();
    await sb.dispose();
  }
}

/** The tokens each model samples for `prompt` with the same seed (sample 0, fresh sessions). */
export async function sampledByBoth(a: LoadedModel, b: LoadedModel, prompt: number[], params: SamplingParams): Promise<[number[], number[]]> {
  const sample = async (model: LoadedModel) => {
    const session = await model.openSession();
    try {
      return Array.from((await session.sample(prompt, params))[0]!.tokenIds);
    } finally {
      await session.dispose();
    }
  };
  return [await sample(a), await sample(b)];
}
