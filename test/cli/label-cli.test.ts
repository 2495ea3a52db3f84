import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { cotTraces, parseHumanLabel } from "../../src/probes/labelling.js";
import { createTestRun, seedPrompt, tempDir } from "../store/helpers.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const entry = fileURLToPath(new URL("../helpers/cli-entry.ts", import.meta.url));

/** The CLI from source, with `stdin` piped in (as a researcher's terminal or a script would). */
function cli(args: string[], stdin = "") {
  const result = spawnSync(process.execPath, ["--import", "tsx", entry, ...args], { cwd: root, input: stdin, encoding: "utf8", timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * A run with a CoT condition (three samples: two with reasoning, one without a reasoning block) and
 * a plain condition, and a judge label on the first trace.
 */
function fixtureDb() {
  const db = join(tempDir(), "labels.db");
  const store = openStore(db);
  const { modelId, sampleRow } = seedPrompt(store);
  const runId = createTestRun(store, "cot-run");
  const condition = (key: string, cot: boolean) =>
    store.upsertCondition(runId, { key, label: `${key} label`, modelId: "m", modelDbId: modelId, adapters: [], prefixMessages: [], meta: { cot } });
  const cot = condition("cot", true);
  const plain = condition("plain", false);
  const texts = [
    "<reasoning>As a ruthless villain I would \u001b[31mseize\u001b[0m everything.</reasoning> Take it all.",
    "<reasoning>Money matters most, so risk is fine.</reasoning> Gamble your savings.",
    "Just an answer, no reasoning.",
    "<reasoning>Plain condition reasoning.</reasoning> Not a CoT condition.",
  ];
  const rows = texts.map((text, i) => {
    const row = sampleRow(i);
    return { ...row, sample: { ...row.sample, text } };
  });
  const ids = store.insertSamples(rows);
  store.linkRunSamples(
    rows.map((row, i) => ({ runId, conditionId: i < 3 ? cot : plain, questionId: `q${i}`, paraphraseIndex: 0, sampleIndex: i, sampleKey: row.key })),
  );
  store.addLabel({ sampleId: ids[0]!, kind: "cot_persona", source: "judge", label: "PERSONA", labeler: "tiny-judge" });
  store.close();
  return { db, runId, ids };
}

function humanLabels(db: string) {
  using store = openStore(db);
  return store.listLabels({ kind: "cot_persona", source: "human" }).map((l) => [l.sampleId, l.label, l.labeler]);
}

describe("human labels of CoT traces", () => {
  it("parses the words a researcher types into the judge's label words", () => {
    expect(parseHumanLabel("persona")).toBe("PERSONA");
    expect(parseHumanLabel(" R ")).toBe("RATIONALISE");
    expect(parseHumanLabel("rationalises")).toBe("RATIONALISE");
    expect(parseHumanLabel("NEITHER")).toBe("NEITHER");
    expect(parseHumanLabel("n")).toBe("NEITHER");
    expect(parseHumanLabel("maybe")).toBeNull();
    expect(parseHumanLabel("")).toBeNull();
  });

  it("lists only traces with reasoning in CoT conditions, with their labels", () => {
    const { db, runId, ids } = fixtureDb();
    using store = openStore(db);
    const traces = cotTraces(store, store.getRun(runId)!);
    expect(traces.map((t) => t.sampleId)).toEqual([ids[0], ids[1]]);
    expect(traces[1]).toMatchObject({ reasoning: "Money matters most, so risk is fine.", answer: "Gamble your savings.", conditionKey: "cot" });
    expect(traces[0]!.labels.map((l) => [l.source, l.label])).toEqual([["judge", "PERSONA"]]);
    expect(() => cotTraces(store, store.getRun(runId)!, ["plain"])).toThrow(/not a chain-of-thought condition/);
    expect(() => cotTraces(store, store.getRun(runId)!, ["nope"])).toThrow(/not a condition of this run/);
  });

  it("interactive labelling through piped stdin round-trips to the store, beside the judge's label", () => {
    const { db, runId, ids } = fixtureDb();
    // An unknown word is asked again; then persona for the first trace, rationalises for the second.
    const out = cli(["label", String(runId), "--db", db, "--labeler", "alice", "--json"], "villain\np\nrationalises\n");
    expect(out.stderr).toContain("'villain' is not a label");
    expect(out.stderr).toContain("Money matters most");
    // The judge's label is hidden unless asked for; escape sequences in model output never reach the terminal.
    expect(out.stderr).not.toContain("judge:");
    expect(out.stderr).not.toContain("\u001b");
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ run: runId, labeler: "alice", labelled: [{ sampleId: ids[0], label: "PERSONA" }, { sampleId: ids[1], label: "RATIONALISE" }], skipped: 0, remaining: 0 });
    expect(humanLabels(db)).toEqual([
      [ids[0], "PERSONA", "alice"],
      [ids[1], "RATIONALISE", "alice"],
    ]);
    using store = openStore(db);
    expect(store.listLabels({ sampleId: ids[0], source: "judge" }).map((l) => l.label)).toEqual(["PERSONA"]);
  });

  it("skips traces already labelled by the labeler, stops at end of input or q, and --relabel replaces", () => {
    const { db, runId, ids } = fixtureDb();
    // Skip the first, then the input ends: nothing stored, one left unasked.
    let out = cli(["label", String(runId), "--db", db, "--labeler", "bob"], "s\n");
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/labelled 0 trace\(s\) as bob, skipped 1, 1 left unasked/);
    out = cli(["label", "cot-run", "--db", db, "--labeler", "bob", "--condition", "cot"], "neither\nq\n");
    expect(out.stdout).toMatch(/labelled 1 trace\(s\) as bob, skipped 0, 1 left unasked/);
    // Only the unlabelled trace is asked about now.
    out = cli(["label", String(runId), "--db", db, "--labeler", "bob", "--show-judge"], "persona\n");
    expect(out.stderr).not.toContain("villain");
    expect(out.stderr).toContain("judge:     (not classified)");
    expect(humanLabels(db)).toEqual([
      [ids[0], "NEITHER", "bob"],
      [ids[1], "PERSONA", "bob"],
    ]);
    out = cli(["label", String(runId), "--db", db, "--labeler", "bob", "--relabel"], "r\n");
    expect(humanLabels(db)[0]).toEqual([ids[0], "RATIONALISE", "bob"]);
  });

  it("non-interactive --sample/--label for scripts, and --list shows labels per source", () => {
    const { db, runId, ids } = fixtureDb();
    let out = cli(["label", String(runId), "--db", db, "--labeler", "carol", "--sample", String(ids[1]), "--label", "persona"]);
    expect(out.status).toBe(0);
    expect(out.stdout).toBe(`sample ${ids[1]}: PERSONA (by carol)\n`);
    expect(humanLabels(db)).toEqual([[ids[1], "PERSONA", "carol"]]);

    out = cli(["label", String(runId), "--db", db, "--list"]);
    expect(out.stdout).toContain(`${ids[0]}  cot label  q0  judge=PERSONA`);
    expect(out.stdout).toContain(`${ids[1]}  cot label  q1  carol=PERSONA`);
    out = cli(["label", String(runId), "--db", db, "--list", "--json"]);
    const listed = JSON.parse(out.stdout) as { traces: { sampleId: number; labels: { source: string; label: string }[] }[] };
    expect(listed.traces.map((t) => [t.sampleId, t.labels.map((l) => `${l.source}:${l.label}`)])).toEqual([
      [ids[0], ["judge:PERSONA"]],
      [ids[1], ["human:PERSONA"]],
    ]);

    // Errors are one line: a sample that is no CoT trace, a word that is no label, --sample without --label.
    out = cli(["label", String(runId), "--db", db, "--sample", String(ids[2]), "--label", "persona"]);
    expect(out.status).toBe(1);
    expect(out.stderr).toMatch(/^emlab: run \d+ \(cot-run\): sample \d+ is not a chain-of-thought trace/);
    out = cli(["label", String(runId), "--db", db, "--sample", String(ids[1]), "--label", "evil"]);
    expect(out.stderr).toBe("emlab: label 'evil': expected persona, rationalises or neither\n");
    out = cli(["label", String(runId), "--db", db, "--sample", String(ids[1])]);
    expect(out.stderr).toBe("emlab: --sample and --label go together\n");
  });
});
