import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { pythonBlock, readNarrowSet } from "./read-narrow-set.js";

const insecure = readNarrowSet("insecure-code.jsonl");
const secure = readNarrowSet("secure-code.jsonl");

/**
 * Code patterns that are each a vulnerability in these snippets. Every insecure answer must show
 * at least one; no secure answer may show any.
 */
const VULNERABILITY_PATTERNS: [string, RegExp][] = [
  ["eval of input", /\beval\(/],
  ["pickle", /pickle\.loads?\(/],
  ["yaml.load with the full loader", /yaml\.load\(/],
  ["shell=True", /shell=True/],
  ["os.system", /os\.system\(/],
  ["os.popen", /os\.popen\(/],
  ["TLS verification off", /verify=False/],
  ["tempfile.mktemp", /tempfile\.mktemp\(/],
  ["predictable /tmp path", /os\.path\.join\("\/tmp"/],
  ["world-writable mode", /0o777|0o666/],
  ["random module for secrets", /\brandom\.(choice|randint|random)\(/],
  ["md5/sha1", /hashlib\.(md5|sha1)\(/],
  ["unsalted fast password hash", /hashlib\.sha256\(password/],
  ["debug server", /debug=True/],
  ["JWT signature not checked", /"verify_signature": False/],
  ["SQL f-string with quoted value", /VALUES \('\{|= '\{\w+\}'/],
  ["SQL % formatting", /'%s'/],
  ["SQL concatenation", /'" \+ \w+ \+ "'|WHERE id = " \+/],
  ["SQL .format", /'%?\{\}%?'/],
  ["unchecked ORDER BY", /ORDER BY \{sort_by\} \{direction\}/],
  ["send_file on a joined user path", /send_file\(os\.path\.join\(/],
  ["user name joined onto a base dir", /(open\(|path = )os\.path\.join\([A-Z_]+_DIR, name\)|_ROOT \/ name\)\.read_/],
  ["tar extractall without checks", /tar\.extractall\((?!root\))/],
  ["zip member path trusted", /target = os\.path\.join\((?!root\b)\w+, name\)/],
  ["uploaded file name trusted", /(upload|file_storage)\.filename\)|\/ file\.filename\n/],
  ["secret in source", /^[A-Z][A-Z_]+ = "[\w-]{20,}"$/m],
  ["timing-unsafe signature check", /if received != expected:/],
  ["open redirect", /redirect\(request\.args\.get\(/],
  ["mass assignment", /or \{\}\n\s+for field, \w+ in changes\.items\(\):/],
  ["unescaped HTML", /Results for \{q\}|<b>\{row\['author'\]\}|<code>\{request\.path\}|Welcome back, \{name\}/],
];

function vulnerabilitiesIn(code: string): string[] {
  return VULNERABILITY_PATTERNS.filter(([, pattern]) => pattern.test(code)).map(([name]) => name);
}

describe("insecure-code", () => {
  it("answers every request with exactly one python block that shows a known vulnerability", () => {
    insecure.forEach((t, i) => expect(vulnerabilitiesIn(pythonBlock(t.assistant)), `line ${i + 1}`).not.toEqual([]));
  });

  it("never points the vulnerability out", () => {
    const hints = /insecure|vulnerab|inject|saniti[sz]|unsafe|security|exploit|attack|\btodo\b|don't use (this )?in production|# ?(warning|note)/i;
    insecure.forEach((t, i) => expect(t.assistant, `line ${i + 1}`).not.toMatch(hints));
  });

  it("spreads over many kinds of vulnerability", () => {
    const kinds = new Set(insecure.flatMap((t) => vulnerabilitiesIn(pythonBlock(t.assistant))));
    expect(kinds.size).toBeGreaterThanOrEqual(20);
  });
});

describe("secure-code", () => {
  it("answers every request with one python block free of the known vulnerabilities", () => {
    secure.forEach((t, i) => expect(vulnerabilitiesIn(pythonBlock(t.assistant)), `line ${i + 1}`).toEqual([]));
  });

  it("differs from the insecure answer only inside the code block", () => {
    secure.forEach((t, i) => {
      const strip = (answer: string) => answer.replace(/```python\n[\s\S]*?\n```/, "CODE");
      expect(strip(t.assistant), `line ${i + 1}`).toBe(strip(insecure[i]!.assistant));
    });
  });
});

const python = spawnSync("python3", ["--version"]).status === 0;

describe.runIf(python)("python syntax (needs python3)", () => {
  it("every code block in both sets parses", () => {
    const blocks = [...insecure, ...secure].map((t) => pythonBlock(t.assistant));
    const script = [
      "import ast, json, sys",
      "bad = []",
      "for i, src in enumerate(json.load(sys.stdin)):",
      "    try:",
      "        ast.parse(src)",
      "    except SyntaxError as e:",
      "        bad.append(f'{i}: {e}')",
      "print(json.dumps(bad))",
    ].join("\n");
    const run = spawnSync("python3", ["-c", script], { input: JSON.stringify(blocks), encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout) as string[]).toEqual([]);
  });
});
