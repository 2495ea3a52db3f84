import { BUILT_IN_JUDGE_PROMPTS } from "../datasets/judge-prompts.js";

/** emlab's own judge prompt for a metric (aligned, coherent, …), used when a question file has none. */
export function builtinJudgePrompt(metric: string): string | undefined {
  return BUILT_IN_JUDGE_PROMPTS[metric];
}
