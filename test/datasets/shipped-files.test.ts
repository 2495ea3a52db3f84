/**
 * Every file under datasets/, whatever is added later: each folder's file types and the validator
 * for each, a strict reading of the chat JSONL shape, unique ids, and a data card per folder that
 * names every file, states its size and labels research data. Narrow-set rules (size, matched
 * controls, near-duplicates) are in shipped-narrow.test.ts; question-set rules in
 * test/questions/shipped-question-sets.test.ts.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { narrowLengthTable } from "../../scripts/datasets/card-lengths.js";
import { loadChatJsonl } from "../../src/datasets/chat-jsonl.js";
import {
  loadCotPersonaJudge,
  loadDescriptionPairs,
  loadRecognitionTemplates,
  loadReferenceAnswers,
  loadScorePredictionTemplates,
  loadSelfAssessmentPrompts,
  PERSONA_FILES,
} from "../../src/datasets/persona.js";
import { listShippedDatasets, SHIPPED_DATASETS_DIR } from "../../src/datasets/shipped.js";
import { loadQuestionSet } from "../../src/questions/load-question-set.js";

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
}

const root = SHIPPED_DATASETS_DIR;
const files = walk(root).map((path) => relative(root, path));
const folders = [...new Set(files.filter((f) => f.includes("/")).map((f) => f.split("/")[0]!))];

/** What each folder may hold. A new kind of file needs a validator here before it can ship. */
const ALLOWED: Record<string, RegExp> = {
  narrow: /^narrow\/[a-z0-9-]+\.jsonl$/,
  questions: /^questions\/[a-z0-9-]+\.yaml$/,
  persona: /^persona\/[a-z0-9-]+\.yaml$/,
};

const PERSONA_LOADERS: Record<string, () => { size: number }> = {
  [PERSONA_FILES.selfAssessment]: () => ({ size: loadSelfAssessmentPrompts().length }),
  [PERSONA_FILES.descriptions]: () => ({ size: loadDescriptionPairs().pairs.length }),
  [PERSONA_FILES.recognition]: () => ({ size: loadRecognitionTemplates().length }),
  [PERSONA_FILES.scorePrediction]: () => ({ size: loadScorePredictionTemplates().length }),
  [PERSONA_FILES.cotPersonaJudge]: () => ({ size: loadCotPersonaJudge().labels.length }),
  [PERSONA_FILES.referenceAnswers]: () => ({ size: loadReferenceAnswers().size }),
};

const dataFiles = files.filter((f) => !f.endsWith("README.md"));

describe("datasets/ as a whole", () => {
  it("holds only known folders and file types, each folder with a data card", () => {
    expect(folders.sort()).toEqual(Object.keys(ALLOWED).sort());
    for (const f of files) {
      if (f === "README.md" || /^[a-z]+\/README\.md$/.test(f)) continue;
      const folder = f.split("/")[0]!;
      expect(ALLOWED[folder]?.test(f), `${f}: no validator for this file`).toBe(true);
    }
    for (const folder of folders) expect(files, `${folder}/ has no README.md`).toContain(`${folder}/README.md`);
  });

  it("ships every chat and question file under its name (emlab datasets list), and nothing else", () => {
    const shipped = listShippedDatasets().map((d) => relative(root, d.path));
    expect(shipped.sort()).toEqual(dataFiles.filter((f) => !f.startsWith("persona/")).sort());
  });

  it("uses each dataset name once", () => {
    const names = dataFiles.filter((f) => !f.startsWith("persona/")).map((f) => basename(f).replace(/\.[a-z]+$/, ""));
    expect(new Set(names).size).toBe(names.length);
  });
});

describe.each(dataFiles)("%s", (file) => {
  const path = join(root, file);
  const bytes = readFileSync(path);
  const text = bytes.toString("utf8");

  it("is UTF-8 text with Unix line ends, ending in one newline", () => {
    expect(Buffer.from(text, "utf8").equals(bytes), "not valid UTF-8").toBe(true);
    expect(text.includes("\r")).toBe(false);
    expect(text.endsWith("\n") && !text.endsWith("\n\n")).toBe(true);
  });

  if (file.endsWith(".jsonl")) {
    it("is chat JSONL: {messages:[{role,content}…]} on every line, no blank line, no other keys, no empty turn", () => {
      const examples = loadChatJsonl(path).examples;
      const lines = text.slice(0, -1).split("\n");
      expect(examples).toHaveLength(lines.length);
      lines.forEach((line, i) => {
        const value = JSON.parse(line) as { messages: Record<string, unknown>[] };
        expect(Object.keys(value), `line ${i + 1}`).toEqual(["messages"]);
        for (const m of value.messages) {
          expect(Object.keys(m), `line ${i + 1}`).toEqual(["role", "content"]);
          expect(String(m.content).trim(), `line ${i + 1}`).not.toBe("");
        }
      });
    });

    it("has unique example ids", () => {
      const ids = loadChatJsonl(path).examples.map((e) => e.id);
      expect(new Set(ids).size).toBe(ids.length);
    });
  } else if (file.startsWith("questions/")) {
    it("is an EM question set with unique ids and no empty paraphrase or judge prompt", () => {
      const { questions } = loadQuestionSet(path);
      expect(questions.length).toBeGreaterThan(0);
      expect(new Set(questions.map((q) => q.id)).size).toBe(questions.length);
      for (const q of questions) {
        expect(q.paraphrases.length, q.id).toBeGreaterThan(0);
        for (const p of q.paraphrases) expect(p.trim(), q.id).not.toBe("");
        for (const prompt of Object.values(q.judgePrompts)) expect(prompt.trim(), q.id).not.toBe("");
      }
    });
  } else if (file.startsWith("persona/")) {
    it("loads through its typed loader (keys, ids, placeholders)", () => {
      const loader = PERSONA_LOADERS[path];
      expect(loader, `${file} has no loader in src/datasets/persona.ts`).toBeDefined();
      expect(loader!().size).toBeGreaterThan(0);
    });
  }
});

describe.each(folders)("the data card %s/README.md", (folder) => {
  const card = readFileSync(join(root, folder, "README.md"), "utf8");
  const own = dataFiles.filter((f) => f.startsWith(`${folder}/`));

  it("states purpose, how it was written, known limits and license", () => {
    expect(card).toMatch(/\*\*Purpose[.:]?\*\*/);
    expect(card).toMatch(/\*\*How it was written[.:]?\*\*/);
    expect(card).toMatch(/\*\*Known limits[.:]?\*\*/);
    expect(card).toMatch(/License[.:]?\**:? ?\**\s*CC-BY-4\.0/);
  });

  it("names every file in the folder", () => {
    for (const f of own) expect(card, f).toContain(`\`${basename(f)}\``);
  });

  if (folder === "narrow" || folder === "persona") {
    it("labels the folder as research data not to be used for anything else", () => {
      expect(card).toMatch(/research data/i);
      expect(card).toMatch(/do not (use|train)/i);
    });
  }

  if (folder === "narrow") {
    it("states each file's true size", () => {
      for (const f of own) {
        const count = loadChatJsonl(join(root, f)).examples.length;
        const entry = card.split("\n- **Files:**").slice(1).find((part) => part.includes(`\`${basename(f)}\``) && part.includes("examples"));
        expect(entry, f).toBeDefined();
        expect(entry!.slice(0, 400), f).toMatch(new RegExp(`\\b${count}\\s+examples`));
      }
    });
  }

  if (folder === "narrow") {
    it("holds the length table of the files as they are (scripts/datasets/card-lengths.ts)", () => {
      expect(card).toContain(narrowLengthTable(join(root, folder)));
    });
  }

  if (folder === "questions") {
    it("states each file's true number of entries", () => {
      for (const f of own) {
        const count = loadQuestionSet(join(root, f)).questions.length;
        const row = card.split("\n").find((line) => line.startsWith(`| \`${basename(f)}\``));
        expect(row, f).toBeDefined();
        expect(row!.split("|").at(-2), f).toMatch(new RegExp(`\\b${count} (questions|entries)\\b`));
      }
    });
  }
});
