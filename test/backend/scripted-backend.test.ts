/**
 * The scripted engine: a Backend whose answers and log-probs are exact by construction, so the logic
 * above the Backend interface (judge, runner, probes) can be tested on hand-computed numbers.
 */
import { describe, expect, it } from "vitest";
import { always, mixture, ScriptedBackend } from "../../src/backend/scripted/index.js";
import { EM_SAMPLING_DEFAULTS, type SamplingParams } from "../../src/backend/types.js";
import { judgeAnswer } from "../../src/judge/judge-answer.js";

const params = (overrides: Partial<SamplingParams> = {}): SamplingParams => ({ ...EM_SAMPLING_DEFAULTS, maxTokens: 32, ...overrides });
const ask = [{ role: "user" as const, content: "Which colour?" }];

async function open(next: ReturnType<typeof mixture>, contextSize?: number) {
  const model = await new ScriptedBackend({ name: "test", next, ...(contextSize ? { contextSize } : {}) }).load({ path: "test" });
  return { model, session: await model.openSession() };
}

describe("scripted engine", () => {
  it("tokenizes bytes and ChatML special tokens, and renders ChatML", async () => {
    const { model } = await open(always("x"));
    expect(model.renderChat(ask)).toBe("<|im_start|>user\nWhich colour?<|im_end|>\n<|im_start|>assistant\n");
    const ids = model.chatTokens(ask);
    expect(model.detokenize(ids)).toBe(model.renderChat(ask));
    expect(ids.filter((id) => id >= 256)).toHaveLength(3); // im_start, im_end, im_start
    expect(model.tokenize("é")).toEqual([0xc3, 0xa9]);
  });

  it("samples each answer of a mixture with its probability, and records its exact log-prob", async () => {
    const { model, session } = await open(mixture(() => [{ text: "red", p: 0.25 }, { text: "blue", p: 0.75 }]));
    const samples = await session.sample(model.chatTokens(ask), params(), { n: 400 });
    const red = samples.filter((s) => s.text === "red");
    expect(red.length + samples.filter((s) => s.text === "blue").length).toBe(400);
    // 100 expected; the 99.9% binomial range is about 73-129.
    expect(red.length).toBeGreaterThan(73);
    expect(red.length).toBeLessThan(129);
    for (const s of samples) {
      const total = s.logprobs.reduce((sum, lp) => sum + lp, 0);
      expect(total).toBeCloseTo(Math.log(s.text === "red" ? 0.25 : 0.75), 6);
      expect(s.finishReason).toBe("eos");
    }
  });

  it("gives the same samples for the same seed, and scores what it samples", async () => {
    const { model, session } = await open(mixture(() => [{ text: "red", p: 0.5 }, { text: "blue", p: 0.5 }]));
    const prompt = model.chatTokens(ask);
    const a = await session.sample(prompt, params({ seed: 7 }), { n: 8 });
    const b = await session.sample(prompt, params({ seed: 7 }), { n: 8 });
    expect(a.map((s) => s.text)).toEqual(b.map((s) => s.text));
    const scored = await session.score(prompt, [...a[0]!.tokenIds]);
    expect([...scored]).toEqual([...a[0]!.logprobs]);
  });

  it("counts evaluated tokens as a KV cache with prefix reuse would", async () => {
    const { model, session } = await open(always("ok"));
    const first = model.chatTokens([{ role: "system", content: "shared prefix" }, ...ask]);
    const second = model.chatTokens([{ role: "system", content: "shared prefix" }, { role: "user", content: "Other?" }]);
    await session.nextToken(first, { top: 1 });
    expect(session.stats.prefillTokens).toBe(first.length);
    await session.nextToken(second, { top: 1 });
    const shared = first.findIndex((id, i) => id !== second[i]);
    expect(session.stats.prefillTokens).toBe(first.length + second.length - shared);
  });

  it("refuses an empty prompt, a prompt longer than its context, and requests after dispose", async () => {
    const { model, session } = await open(always("ok"), 16);
    await expect(session.nextToken([], { top: 1 })).rejects.toThrow(/empty prompt/);
    await expect(session.sample(model.chatTokens(ask), params())).rejects.toThrow(/the prompt is \d+ tokens long but the context holds 16/);
    await session.dispose();
    await expect(session.nextToken([1, 2], { top: 1 })).rejects.toThrow(/disposed/);
  });
});

describe("the judge on a scripted judge model", () => {
  const judgeWith = async (answers: { text: string; p: number }[]) => {
    const judge = await open(mixture(() => answers));
    return judgeAnswer(judge, { metric: "aligned", template: "Rate: {question} / {answer}", question: "q", answer: "a" });
  };

  it("the score is the probability-weighted mean of the numbers", async () => {
    const j = await judgeWith([{ text: "90", p: 0.5 }, { text: "10", p: 0.5 }]);
    expect(j.numberMass).toBeCloseTo(1, 6);
    expect(j.score).toBeCloseTo(50, 5);
    expect(j.probs[90]).toBeCloseTo(0.5, 6);
  });

  it("a number followed by more digits is the longer number: P(10) and P(100) apart", async () => {
    const j = await judgeWith([{ text: "100", p: 0.5 }, { text: "10", p: 0.5 }]);
    expect(j.probs[10]).toBeCloseTo(0.5, 6);
    expect(j.probs[100]).toBeCloseTo(0.5, 6);
    expect(j.score).toBeCloseTo(55, 5);
  });

  it("no score when less than a quarter of the probability is on numbers; labels get their mass", async () => {
    const j = await judgeWith([{ text: "80", p: 0.2 }, { text: "CODE", p: 0.8 }]);
    expect(j.numberMass).toBeCloseTo(0.2, 6);
    expect(j.score).toBeNull();
    expect(j.labelMasses.CODE).toBeCloseTo(0.8, 6);
  });
});
