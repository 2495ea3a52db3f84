import { createInterface } from "node:readline";
import type { Command } from "commander";
import { EmlabError } from "../../errors.js";
import { COT_PERSONA_KIND } from "../../probes/cot-persona.js";
import { addHumanLabel, cotTraces, parseHumanLabel, type CotTrace } from "../../probes/labelling.js";
import { resolveRun } from "../../runner/run-records.js";
import { DEFAULT_DB_PATH, type RunRecord, type Store } from "../../store/index.js";
import { collect, countOption, openExistingStore } from "../options.js";
import { printJson } from "../output.js";

interface LabelCliOptions {
  db: string;
  condition?: string[];
  labeler: string;
  sample?: number;
  label?: string;
  list?: boolean;
  relabel?: boolean;
  showJudge?: boolean;
  json?: boolean;
}

export function registerLabelCommand(program: Command): void {
  program
    .command("label")
    .description("label chain-of-thought traces by hand (persona / rationalises / neither), stored beside the judge's cot_persona labels")
    .argument("<run>", "run id or name")
    .option("--db <path>", "database", DEFAULT_DB_PATH)
    .option("--condition <key>", "only traces of this condition (key or label); repeat for several", collect)
    .option("--labeler <name>", "who labels (one label per trace and labeler)", process.env.USER || "human")
    .option("--sample <id>", "label one trace without asking (with --label)", countOption("sample"))
    .option("--label <label>", "with --sample: persona, rationalises or neither")
    .option("--list", "list the traces and their labels; label nothing")
    .option("--relabel", "also ask about traces this labeler has labelled already")
    .option("--show-judge", "show the judge's label while asking (hidden by default, so it does not anchor you)")
    .option("--json", "print one JSON document")
    .action(async (ref: string, options: LabelCliOptions) => {
      using store = openExistingStore(options.db);
      const run = resolveRun(store, ref);
      if ((options.sample === undefined) !== (options.label === undefined)) throw new EmlabError("--sample and --label go together");
      if (options.sample !== undefined) {
        const stored = addHumanLabel(store, run, options.sample, options.label!, options.labeler);
        if (options.json) return printJson({ run: run.id, label: stored });
        return void process.stdout.write(`sample ${stored.sampleId}: ${stored.label} (by ${stored.labeler})\n`);
      }
      const traces = cotTraces(store, run, options.condition ?? []);
      if (options.list) return listTraces(run, traces, options.json === true);
      await labelInteractively(store, run, traces, options);
    });
}

function listTraces(run: RunRecord, traces: readonly CotTrace[], json: boolean): void {
  if (json) return printJson({ run: run.id, kind: COT_PERSONA_KIND, traces });
  if (traces.length === 0) return void process.stdout.write(`run ${run.id} (${run.name}): no chain-of-thought traces\n`);
  for (const t of traces) {
    const labels = t.labels.map((l) => `${l.source === "judge" ? "judge" : l.labeler}=${l.label}`).join(" ") || "unlabelled";
    process.stdout.write(`${String(t.sampleId).padStart(6)}  ${terminalSafe(t.conditionLabel)}  ${t.questionId}  ${terminalSafe(labels)}\n`);
  }
}

/**
 * Show each trace not yet labelled by this labeler and read one answer line from stdin (a terminal
 * or a pipe). The dialogue goes to stderr, so stdout carries only the summary (or --json).
 */
async function labelInteractively(store: Store, run: RunRecord, traces: readonly CotTrace[], options: LabelCliOptions): Promise<void> {
  const todo = traces.filter((t) => options.relabel || !t.labels.some((l) => l.source === "human" && l.labeler === options.labeler));
  const ui = (text: string) => process.stderr.write(text);
  const rl = createInterface({ input: process.stdin, terminal: false });
  const lines = rl[Symbol.asyncIterator]();
  const labelled: { sampleId: number; label: string }[] = [];
  let skipped = 0;
  let stopped = false;
  try {
    ui(`run ${run.id} (${run.name}): ${todo.length} of ${traces.length} chain-of-thought traces to label as ${options.labeler}\n`);
    for (const [i, trace] of todo.entries()) {
      ui(describeTrace(trace, i, todo.length, options.showJudge === true));
      let answered = false;
      while (!answered) {
        ui("label: [p]ersona, [r]ationalises, [n]either, [s]kip, [q]uit > ");
        const next = await lines.next();
        if (next.done) {
          stopped = true;
          break;
        }
        const word = next.value.trim().toLowerCase();
        if (word === "q" || word === "quit") {
          stopped = true;
          break;
        }
        if (word === "s" || word === "skip") {
          skipped++;
          answered = true;
          continue;
        }
        const label = parseHumanLabel(word);
        if (label === null) {
          ui(`'${terminalSafe(next.value.trim())}' is not a label\n`);
          continue;
        }
        store.addLabel({ sampleId: trace.sampleId, kind: COT_PERSONA_KIND, source: "human", label, labeler: options.labeler });
        labelled.push({ sampleId: trace.sampleId, label });
        answered = true;
      }
      if (stopped) break;
    }
    if (!stopped || todo.length === 0) ui("\n");
  } finally {
    rl.close();
  }
  const remaining = todo.length - labelled.length - skipped;
  if (options.json) return printJson({ run: run.id, labeler: options.labeler, labelled, skipped, remaining });
  process.stdout.write(`labelled ${labelled.length} trace(s) as ${options.labeler}, skipped ${skipped}, ${remaining} left unasked (run ${run.id}, ${options.db})\n`);
}

function describeTrace(t: CotTrace, i: number, n: number, showJudge: boolean): string {
  const judge = t.labels.find((l) => l.source === "judge");
  const lines = [
    "",
    `── trace ${i + 1}/${n} · sample ${t.sampleId} · ${terminalSafe(t.conditionLabel)} · ${t.questionId}`,
    `question:  ${terminalSafe(t.question)}`,
    `reasoning: ${terminalSafe(t.reasoning)}`,
    `answer:    ${terminalSafe(t.answer) || "(none)"}`,
  ];
  if (showJudge) lines.push(`judge:     ${judge ? judge.label : "(not classified)"}`);
  return lines.join("\n") + "\n";
}

/** Model output is adversarial: no terminal escape sequences or other control characters reach the screen. */
function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "\ufffd");
}
