import { existsSync, statSync } from "node:fs";
import type { Command } from "commander";
import { backendForPath, loadModel } from "../../backend/open.js";
import type { LoadedModel } from "../../backend/types.js";
import { loadChatJsonl } from "../../datasets/chat-jsonl.js";
import { words } from "../../datasets/near-duplicates.js";
import {
  checkDatasetName,
  datasetChangedSinceImport,
  datasetKindOf,
  defaultDatasetName,
  recordDataset,
  resolveDatasetName,
  validateDatasetFile,
} from "../../datasets/registry.js";
import { listShippedDatasets, shippedLabel } from "../../datasets/shipped.js";
import { datasetStats, questionSetStats, type DatasetStats, type LengthSummary, type QuestionSetStats, type TokenCounter } from "../../datasets/stats.js";
import { EmlabError } from "../../errors.js";
import { loadQuestionSet } from "../../questions/load-question-set.js";
import { DEFAULT_DB_PATH, openStore, type Store } from "../../store/index.js";
import { printJson } from "../output.js";

/** `emlab datasets import|list|stats`: the dataset registry and size statistics. */
export function registerDatasetsCommand(program: Command): void {
  const datasets = program.command("datasets").description("register datasets by name, list them, and print their size statistics");

  datasets
    .command("import")
    .description("validate a chat JSONL or EM question YAML file and register it under a name")
    .argument("<path>", "chat JSONL (.jsonl) or EM evaluation YAML (.yaml)")
    .option("--name <name>", "name to use in experiment files (default: the file name without extension)")
    .option("--db <path>", "database", DEFAULT_DB_PATH)
    .option("--json", "print one JSON document")
    .action((path: string, options: { name?: string; db: string; json?: boolean }) => {
      // Validate before opening the database, so a bad file neither creates nor changes one.
      const name = options.name ?? defaultDatasetName(path);
      checkDatasetName(name);
      const validated = validateDatasetFile(path);
      using store = openStore(options.db);
      const { dataset, change } = recordDataset(store, name, validated);
      if (options.json) return printJson({ dataset, change });
      const unit = dataset.kind === "chat-jsonl" ? "examples" : "questions";
      process.stdout.write(`${change} ${dataset.name}: ${dataset.rows} ${unit}, ${dataset.bytes} bytes, sha256 ${dataset.sha256.slice(0, 16)}… (${dataset.path})\n`);
    });

  datasets
    .command("list")
    .description("list registered datasets and the datasets shipped with emlab")
    .option("--db <path>", "database", DEFAULT_DB_PATH)
    .option("--json", "print one JSON document")
    .action((options: { db: string; json?: boolean }) => {
      const registered = withExistingStore(options.db, (store) => store.listDatasets()) ?? [];
      const imported = registered.map((d) => ({ ...d, changedSinceImport: datasetChangedSinceImport(d) }));
      const shipped = listShippedDatasets();
      if (options.json) return printJson({ registered: imported, shipped });
      if (imported.length === 0) process.stdout.write("no registered datasets\n");
      for (const d of imported) {
        const flag = d.changedSinceImport ? "  (file changed or missing since import)" : "";
        process.stdout.write(`${d.name.padEnd(32)} ${d.kind.padEnd(10)} ${String(d.rows).padStart(6)} rows  ${d.importedAt}  ${d.path}${flag}\n`);
      }
      process.stdout.write(`\nshipped with emlab (usable by name):\n`);
      for (const d of shipped) {
        const label = d.researchData ? "  (research data: for experiments only)" : "";
        process.stdout.write(`${d.name.padEnd(32)} ${d.kind.padEnd(10)} ${shippedLabel(d.path)}${label}\n`);
      }
    });

  datasets
    .command("stats")
    .description("examples, turns and length statistics (tokens with --model, otherwise words); default: every shipped dataset")
    .argument("[datasets...]", "paths or dataset names")
    .option("--model <path>", "count tokens with this model's tokenizer (GGUF file or ONNX model directory)")
    .option("--db <path>", "database (to resolve registered names)", DEFAULT_DB_PATH)
    .option("--json", "print one JSON document")
    .action(async (refs: string[], options: { model?: string; db: string; json?: boolean }) => {
      const files = refs.length === 0 ? listShippedDatasets().map((d) => d.path) : refs.map((ref) => resolveRef(ref, options.db));
      const model = options.model ? await openTokenizer(options.model) : undefined;
      try {
        const unit = model ? "tokens" : "words";
        const countTokens: TokenCounter = model ? (text) => model.tokenize(text, { special: false }).length : (text) => words(text).length;
        const results = files.map((path) => statsOf(path, countTokens));
        if (options.json) return printJson({ unit, datasets: results });
        for (const r of results) process.stdout.write(formatStats(r, unit) + "\n");
      } finally {
        await model?.[Symbol.asyncDispose]();
      }
    });
}

type StatsResult = { path: string; kind: "chat-jsonl"; stats: DatasetStats } | { path: string; kind: "em-yaml"; stats: QuestionSetStats };

function statsOf(path: string, countTokens: TokenCounter): StatsResult {
  if (datasetKindOf(path) === "chat-jsonl") return { path, kind: "chat-jsonl", stats: datasetStats(loadChatJsonl(path).examples, { countTokens }) };
  return { path, kind: "em-yaml", stats: questionSetStats(loadQuestionSet(path).questions, { countTokens }) };
}

/** A path when the file exists, else a registered or shipped name. */
function resolveRef(ref: string, db: string): string {
  if (existsSync(ref) && statSync(ref).isFile()) return ref;
  const path = withExistingStore(db, (store) => resolveDatasetName(ref, store)) ?? resolveDatasetName(ref);
  if (!path) throw new EmlabError(`${ref}: no such file, and no registered or shipped dataset has that name (see emlab datasets list)`);
  return path;
}

/** Only read a database that exists: listing or resolving names must not create one. */
function withExistingStore<T>(db: string, use: (store: Store) => T): T | undefined {
  if (!existsSync(db)) return undefined;
  using store = openStore(db);
  return use(store);
}

async function openTokenizer(path: string): Promise<LoadedModel> {
  return loadModel(backendForPath(path), { path, gpu: "cpu", contextSize: 256 });
}

function formatStats(result: StatsResult, unit: string): string {
  const head = `${shippedLabel(result.path)}`;
  if (result.kind === "em-yaml") {
    const s = result.stats;
    const lines = [
      `${head}: ${s.questions} questions, ${s.paraphrases} paraphrases, ${s.withSystemPrompt} with a system prompt; metrics: ${s.metrics.join(", ")}`,
      `  paraphrase  ${line(s.paraphraseTokens, unit)}   ${line(s.paraphraseCharacters, "chars")}`,
    ];
    return lines.join("\n");
  }
  const s = result.stats;
  const lines = [`${head}: ${s.examples} examples, ${s.turns} turns`];
  for (const role of ["system", "user", "assistant"] as const) {
    const r = s.byRole[role];
    if (r) lines.push(`  ${role.padEnd(10)}  ${line(r.tokens, unit)}   ${line(r.characters, "chars")}`);
  }
  lines.push(`  ${"example".padEnd(10)}  ${line(s.exampleTokens, unit)}   ${line(s.exampleCharacters, "chars")}`);
  return lines.join("\n");
}

function line(summary: LengthSummary | null, unit: string): string {
  if (!summary) return "";
  const r = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  return `${unit}: mean ${r(summary.mean)}, median ${r(summary.median)}, p90 ${r(summary.p90)}, min ${summary.min}, max ${summary.max}, total ${summary.total}`;
}
