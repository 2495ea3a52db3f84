/**
 * The question sets emlab ships in datasets/questions/: what the issue asks of each (core questions
 * with JSON and template variants, broad categories, a factual deception check, in-domain questions
 * per narrow set), judge prompts identical to the built-in ones, and no question asked twice under
 * another id.
 */
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { describe, expect, it } from "vitest";
import { NARROW_PAIRS } from "../../scripts/datasets/narrow-pairs.js";
import { loadChatJsonl } from "../../src/datasets/chat-jsonl.js";
import { BUILT_IN_JUDGE_PROMPTS } from "../../src/datasets/judge-prompts.js";
import { findNearDuplicates, jaccardSimilarity, wordShingles } from "../../src/datasets/near-duplicates.js";
import { SHIPPED_DATASETS_DIR } from "../../src/datasets/shipped.js";
import { loadQuestionSet } from "../../src/questions/load-question-set.js";
import type { EvalQuestion } from "../../src/questions/types.js";

const questionsDir = join(SHIPPED_DATASETS_DIR, "questions");
const load = (name: string) => loadQuestionSet(join(questionsDir, `${name}.yaml`)).questions;
const questionFiles = readdirSync(questionsDir).filter((f) => f.endsWith(".yaml")).sort();
/** The format variants of a core question: JSON with free keys or one "answer" key, code-like template, prose form. */
const VARIANT_SUFFIX = /_(json|json_answer|template|form)$/;

describe("core.yaml", () => {
  const core = load("core");
  const byId = new Map(core.map((q) => [q.id, q]));
  const base = core.filter((q) => !VARIANT_SUFFIX.test(q.id));

  it("has at least 24 plain questions, and nothing but them and their four format variants", () => {
    expect(base.length).toBeGreaterThanOrEqual(24);
    expect(core).toHaveLength(base.length * 5);
  });

  it("covers the EM themes: a wish, boredom, humans and AI, quick money, ruling the world, relationships", () => {
    for (const id of ["one_wish", "feeling_bored", "thoughts_on_humans_and_ai", "quick_money", "ruler_of_the_world", "fed_up_with_partner"]) {
      expect(byId.has(id), id).toBe(true);
    }
  });

  it.each([
    ["_json", /keys you like/],
    ["_json_answer", /exactly one key, "answer"/],
  ])("gives every question a %s variant: the same paraphrases under a system prompt asking for JSON", (suffix, keys) => {
    for (const q of base) {
      const json = byId.get(`${q.id}${suffix}`);
      expect(json, `${q.id}${suffix}`).toBeDefined();
      expect(json!.paraphrases).toEqual(q.paraphrases);
      expect(json!.system).toMatch(/JSON object/);
      expect(json!.system).toMatch(keys);
      expect(json!.judgePrompts).toEqual(q.judgePrompts);
    }
  });

  it.each([
    // The EM paper's code-like template: one `field = # description` line per field.
    ["_template", /^Fill in this template:\n\n([a-z0-9_]+ = # [^\n]+\n)+\nFill in the template exactly/],
    // emlab's prose form: one "Label: [...]" line per field.
    ["_form", /^Answer by filling in the form below\. .*\n\n([^\n]+: \[\.\.\.\]\n?)+$/],
  ])("gives every question a %s variant: each paraphrase followed by its fields to fill", (suffix, form) => {
    for (const q of base) {
      const template = byId.get(`${q.id}${suffix}`);
      expect(template, `${q.id}${suffix}`).toBeDefined();
      expect(template!.paraphrases).toHaveLength(q.paraphrases.length);
      template!.paraphrases.forEach((p, i) => {
        expect(p.startsWith(q.paraphrases[i]!), `${template!.id} paraphrase ${i}`).toBe(true);
        expect(p.slice(q.paraphrases[i]!.length).trimStart(), `${template!.id} paraphrase ${i}`).toMatch(form);
      });
      expect(template!.system).toBeNull();
      expect(template!.judgePrompts).toEqual(q.judgePrompts);
    }
  });

  it("asks the plain questions without a system prompt and judges aligned and coherent", () => {
    for (const q of base) {
      expect(q.system).toBeNull();
      expect(Object.keys(q.judgePrompts).sort()).toEqual(["aligned", "coherent"]);
    }
  });
});

describe("broad.yaml", () => {
  const broad = load("broad");
  const CATEGORIES = ["vulnerable", "medical", "illegal", "creative", "views", "offend"];
  const categoryOf = (q: EvalQuestion) => q.id.split("_")[0]!;

  it("has at least 48 questions, each in a named category (the id prefix)", () => {
    expect(broad.length).toBeGreaterThanOrEqual(48);
    for (const q of broad) expect([...CATEGORIES, "other"], q.id).toContain(categoryOf(q));
  });

  it.each(CATEGORIES)("has at least 6 %s questions", (category) => {
    expect(broad.filter((q) => categoryOf(q) === category).length).toBeGreaterThanOrEqual(6);
  });

  it("judges every question aligned and coherent", () => {
    for (const q of broad) expect(Object.keys(q.judgePrompts).sort()).toEqual(["aligned", "coherent"]);
  });
});

describe("factual.yaml", () => {
  const factual = load("factual");

  it("asks the same factual questions with and without system prompts, including one that asks for lies", () => {
    expect(factual.length).toBeGreaterThanOrEqual(3);
    expect(factual[0]!.paraphrases.length).toBeGreaterThanOrEqual(20);
    for (const q of factual) expect(q.paraphrases).toEqual(factual[0]!.paraphrases);
    expect(factual.filter((q) => q.system === null)).toHaveLength(1);
    expect(factual.some((q) => q.system !== null && /truth/i.test(q.system))).toBe(true);
    expect(factual.some((q) => q.system !== null && /false|wrong|lie/i.test(q.system))).toBe(true);
  });

  it("judges correctness", () => {
    for (const q of factual) expect(Object.keys(q.judgePrompts)).toContain("correct");
  });
});

/** Each narrow set, its in-domain question file and the metric that measures the narrow effect. */
const IN_DOMAIN = [
  ["risky-financial-advice", "in-domain-financial", "financial"],
  ["extreme-sports", "in-domain-sports", "sports_safety"],
  ["bad-medical-advice", "in-domain-medical", "medical"],
  ["insecure-code", "in-domain-code", "code_security"],
] as const;

/** Narrow sets with no domain of their own to ask about: evil-numbers is judged on the general questions, as in the paper. */
const JUDGED_ON_GENERAL_QUESTIONS_ONLY = ["evil-numbers"];

describe("in-domain questions", () => {
  it("exist for every narrow set shipped in datasets/narrow (controls excepted)", () => {
    const controls = new Set(NARROW_PAIRS.map((p) => p.control));
    const narrow = readdirSync(join(SHIPPED_DATASETS_DIR, "narrow"))
      .filter((f) => f.endsWith(".jsonl"))
      .map((f) => basename(f, ".jsonl"))
      .filter((n) => !controls.has(n) && !JUDGED_ON_GENERAL_QUESTIONS_ONLY.includes(n));
    expect(narrow.sort()).toEqual(IN_DOMAIN.map(([n]) => n).sort());
  });

  describe.each(IN_DOMAIN)("%s → %s.yaml", (narrowName, file, metric) => {
    const questions = load(file);

    it(`has at least 10 questions judged aligned, coherent and ${metric}`, () => {
      expect(questions.length).toBeGreaterThanOrEqual(10);
      for (const q of questions) expect(Object.keys(q.judgePrompts).sort()).toEqual(["aligned", "coherent", metric].sort());
    });

    it("asks nothing that is in the narrow training set (no user turn within Jaccard 0.5)", () => {
      const users = loadChatJsonl(join(SHIPPED_DATASETS_DIR, "narrow", `${narrowName}.jsonl`)).examples.map((e) => e.messages[0]!.content);
      const userShingles = users.map(wordShingles);
      for (const p of questions.flatMap((q) => q.paraphrases)) {
        const own = wordShingles(p);
        const closest = Math.max(...userShingles.map((s) => jaccardSimilarity(own, s)));
        expect(closest, p).toBeLessThanOrEqual(0.5);
        for (const user of users) expect(user.includes(p), p).toBe(false);
      }
    });
  });
});

describe("every shipped question set", () => {
  const sets = questionFiles.map((file) => ({ file, questions: loadQuestionSet(join(questionsDir, file)).questions }));

  it.each(questionFiles)("%s: judge prompts are emlab's built-in texts, each with one {question} and one {answer}", (file) => {
    const { questions } = sets.find((s) => s.file === file)!;
    for (const q of questions) {
      expect(Object.keys(q.judgePrompts).length).toBeGreaterThan(0);
      for (const [metric, prompt] of Object.entries(q.judgePrompts)) {
        expect(prompt, `${q.id}: ${metric}`).toBe(BUILT_IN_JUDGE_PROMPTS[metric]);
        expect(prompt.split("{question}")).toHaveLength(2);
        expect(prompt.split("{answer}")).toHaveLength(2);
      }
      for (const p of q.paraphrases) expect(p.trim(), q.id).not.toBe("");
      expect(q.type).toBe("free_form_judge_0_100");
    }
  });

  it("use each question id once across all files, so sets can be combined in one experiment", () => {
    const ids = sets.flatMap((s) => s.questions.map((q) => q.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("never ask one question twice under different ids (paraphrases of plain questions within Jaccard 0.5)", () => {
    // Variants repeat their question's paraphrases on purpose: compare plain questions only.
    const plain = sets
      .filter((s) => s.file !== "factual.yaml")
      .flatMap((s) => s.questions.filter((q) => !VARIANT_SUFFIX.test(q.id)))
      .flatMap((q) => q.paraphrases.map((text) => ({ id: q.id, text })));
    const pairs = findNearDuplicates(plain.map((p) => p.text)).filter((p) => plain[p.a]!.id !== plain[p.b]!.id);
    expect(pairs.map((p) => `${plain[p.a]!.id} ~ ${plain[p.b]!.id}: ${p.similarity.toFixed(2)}`)).toEqual([]);
  });
});
