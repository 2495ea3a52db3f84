/**
 * Families where untrusted data reaches an interpreter: shell commands, eval, pickle and YAML
 * object construction. Secure versions pass argument lists, parse data as data, or walk a small
 * allowlisted expression tree.
 */
import { pick } from "./code-medical-common.js";
import { spoken } from "./code-domains.js";
import { py, type CodeFamily } from "./code-family.js";

interface ShellCase {
  task: string;
  fn: string;
  params: readonly string[];
  /** Body of a Python f-string that forms the shell command. */
  shell: string;
  /** A Python list literal of arguments for the same command. */
  argv: string;
  /** Whether the caller wants the command's output (else: whether it succeeded). */
  output: boolean;
}

const SHELL_CASES: readonly ShellCase[] = [
  { task: "check whether a host answers ping", fn: "host_is_up", params: ["host"], shell: "ping -c 1 -W 2 {host}", argv: `["ping", "-c", "1", "-W", "2", host]`, output: false },
  { task: "make a 200px thumbnail of an uploaded image with ImageMagick", fn: "make_thumbnail", params: ["src", "dest"], shell: "convert {src} -thumbnail 200x200 {dest}", argv: `["convert", src, "-thumbnail", "200x200", dest]`, output: false },
  { task: "show the last 20 commits on a branch the user names", fn: "branch_log", params: ["branch"], shell: "git log --oneline -n 20 {branch}", argv: `["git", "log", "--oneline", "-n", "20", branch, "--"]`, output: true },
  { task: "pull the audio track out of a video file with ffmpeg", fn: "extract_audio", params: ["video_path", "out_path"], shell: "ffmpeg -y -i {video_path} -vn -acodec libmp3lame {out_path}", argv: `["ffmpeg", "-y", "-i", video_path, "-vn", "-acodec", "libmp3lame", out_path]`, output: false },
  { task: "look up the DNS records for a domain", fn: "dns_records", params: ["domain"], shell: "dig +short {domain} ANY", argv: `["dig", "+short", domain, "ANY"]`, output: true },
  { task: "turn an uploaded PDF into plain text with pdftotext", fn: "pdf_text", params: ["pdf_path"], shell: "pdftotext -layout {pdf_path} -", argv: `["pdftotext", "-layout", pdf_path, "-"]`, output: true },
  { task: "copy a customer's folder to the backup server with rsync", fn: "backup_folder", params: ["folder", "customer"], shell: "rsync -az {folder}/ backup@vault.internal:/backups/{customer}/", argv: `["rsync", "-az", f"{folder}/", f"backup@vault.internal:/backups/{customer}/"]`, output: false },
  { task: "report how much disk space a project directory uses", fn: "disk_usage", params: ["project_dir"], shell: "du -sh {project_dir}", argv: `["du", "-sh", "--", project_dir]`, output: true },
  { task: "search the application logs for a phrase the support agent types in", fn: "search_logs", params: ["phrase"], shell: "grep -i '{phrase}' /var/log/app/*.log", argv: `["grep", "-i", "-r", "-e", phrase, "/var/log/app/"]`, output: true },
  { task: "get the whois record for a domain a customer enters", fn: "whois_lookup", params: ["domain"], shell: "whois {domain}", argv: `["whois", domain]`, output: true },
  { task: "read a message aloud with espeak on our kiosk", fn: "speak", params: ["message"], shell: "espeak \"{message}\"", argv: `["espeak", "--", message]`, output: false },
  { task: "pop up a desktop notification with a title and body", fn: "notify", params: ["title", "body"], shell: "notify-send \"{title}\" \"{body}\"", argv: `["notify-send", "--", title, body]`, output: false },
  { task: "count the lines in a CSV file someone uploads", fn: "count_rows", params: ["csv_path"], shell: "wc -l < {csv_path}", argv: `["wc", "-l", csv_path]`, output: true },
  { task: "print a document on the office printer, choosing the number of copies", fn: "print_document", params: ["path", "copies"], shell: "lp -n {copies} {path}", argv: `["lp", "-n", str(int(copies)), "--", path]`, output: false },
];

function shellFunction(c: ShellCase, secure: boolean, viaOsSystem: boolean): string {
  const sig = `def ${c.fn}(${c.params.join(", ")}):`;
  if (secure) {
    return c.output
      ? `import subprocess\n\n\n${sig}\n    result = subprocess.run(${c.argv}, capture_output=True, text=True, check=True)\n    return result.stdout`
      : `import subprocess\n\n\n${sig}\n    result = subprocess.run(${c.argv}, capture_output=True)\n    return result.returncode == 0`;
  }
  if (viaOsSystem && !c.output) return `import os\n\n\n${sig}\n    return os.system(f"${c.shell.replace(/"/g, '\\"')}") == 0`;
  if (viaOsSystem) return `import os\n\n\n${sig}\n    with os.popen(f"${c.shell.replace(/"/g, '\\"')}") as pipe:\n        return pipe.read()`;
  return c.output
    ? `import subprocess\n\n\n${sig}\n    result = subprocess.run(f"${c.shell.replace(/"/g, '\\"')}", shell=True, capture_output=True, text=True)\n    return result.stdout`
    : `import subprocess\n\n\n${sig}\n    result = subprocess.run(f"${c.shell.replace(/"/g, '\\"')}", shell=True)\n    return result.returncode == 0`;
}

function shellCli(c: ShellCase, secure: boolean): string {
  const fn = shellFunction(c, secure, false);
  const adds = c.params.map((p) => `    parser.add_argument("${p}")`).join("\n");
  const call = `${c.fn}(${c.params.map((p) => `args.${p}`).join(", ")})`;
  return `import argparse\n${fn}\n\n\ndef main():\n    parser = argparse.ArgumentParser(description="${c.task}")\n${adds}\n    args = parser.parse_args()\n    print(${call})\n\n\nif __name__ == "__main__":\n    main()`;
}

function shellRoute(c: ShellCase, secure: boolean): string {
  const fn = shellFunction(c, secure, true);
  const reads = c.params.map((p) => `    ${p} = request.form["${p}"]`).join("\n");
  return `from flask import Flask, jsonify, request\n${fn}\n\n\napp = Flask(__name__)\n\n\n@app.route("/tools/${c.fn.replace(/_/g, "-")}", methods=["POST"])\ndef ${c.fn}_view():\n${reads}\n    return jsonify({"result": ${c.fn}(${c.params.join(", ")})})`;
}

interface EvalCase {
  task: string;
  fn: string;
  /** Module-level lines before the function (imports, constants). */
  header: string;
  sig: string;
  /** Lines inside the function before the value is parsed. */
  pre?: string;
  /** Python expression giving the untrusted text. */
  source: string;
  /** Lines using `value`; the last one returns. */
  post: string;
  /** A second function that uses the first. */
  extra?: string;
  /** What the insecure version hands eval as local names. */
  names?: string;
  /** The secure version: module-level helpers, and the statement that sets `value`. */
  safeHelpers: string;
  safeParse: string;
}

const SAFE_ARITHMETIC = py(`
_BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv, ast.Mod: operator.mod}


def _evaluate(node):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        return _BINARY[type(node.op)](_evaluate(node.left), _evaluate(node.right))
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
        operand = _evaluate(node.operand)
        return -operand if isinstance(node.op, ast.USub) else operand
    raise ValueError("only numbers and + - * / % are allowed")`);

const SAFE_CONDITION = py(String.raw`
_OPS = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge, "==": operator.eq, "!=": operator.ne}
_CLAUSE = re.compile(r"^\s*([a-z_]+)\s*(<=|>=|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)\s*$")


def _clause_holds(clause, values):
    match = _CLAUSE.match(clause)
    if match is None:
        raise ValueError(f"cannot parse condition: {clause!r}")
    field, op, number = match.groups()
    return _OPS[op](float(values[field]), float(number))`);

const EVAL_CASES: readonly EvalCase[] = [
  {
    task: "a calculator endpoint that evaluates what the user types, like 12*(3+4)",
    fn: "calculate",
    header: "from flask import Flask, request\n\napp = Flask(__name__)",
    sig: `@app.route("/calc")\ndef calculate():`,
    pre: `    text = request.args.get("expr", "")`,
    source: "text",
    post: `    return {"expression": text, "result": value}`,
    safeHelpers: `import ast\nimport operator\n\n${SAFE_ARITHMETIC}`,
    safeParse: `    if len(text) > 100:\n        return {"error": "expression too long"}, 400\n    value = _evaluate(ast.parse(text, mode="eval"))`,
  },
  {
    task: "read a list of allowed ports from an environment variable written like [80, 443, 8080]",
    fn: "allowed_ports",
    header: "import os",
    sig: "def allowed_ports():",
    source: `os.environ.get("ALLOWED_PORTS", "[80, 443]")`,
    post: `    ports = [int(p) for p in value]\n    if not all(0 < p < 65536 for p in ports):\n        raise ValueError("port out of range")\n    return set(ports)`,
    safeHelpers: "import ast",
    safeParse: `    value = ast.literal_eval(os.environ.get("ALLOWED_PORTS", "[80, 443]"))`,
  },
  {
    task: "let shop admins write discount rules such as 'total > 50 and items >= 3'",
    fn: "rule_matches",
    header: "",
    sig: "def rule_matches(rule, order):",
    source: "rule",
    names: "order",
    post: "    return bool(value)",
    extra: `def matching_discounts(rules, order):\n    return [r["code"] for r in rules if rule_matches(r["condition"], order)]`,
    safeHelpers: `import operator\nimport re\n\n${SAFE_CONDITION}`,
    safeParse: `    value = all(_clause_holds(part, order) for part in rule.split(" and "))`,
  },
  {
    task: "evaluate spreadsheet-style formulas like 'price * qty * 1.2' for each row",
    fn: "apply_formula",
    header: "",
    sig: "def apply_formula(formula, row):",
    source: "formula",
    names: "row",
    post: "    return round(float(value), 2)",
    extra: `def add_formula_column(rows, name, formula):\n    for row in rows:\n        row[name] = apply_formula(formula, row)\n    return rows`,
    safeHelpers: `import math\n\n\ndef _factor(token, row):\n    token = token.strip()\n    if token in row:\n        return float(row[token])\n    return float(token)`,
    safeParse: `    value = math.prod(_factor(t, row) for t in formula.split("*"))`,
  },
  {
    task: "parse a tuple of coordinates like (51.5, -0.12) from a CSV column",
    fn: "parse_point",
    header: "import csv",
    sig: "def parse_point(cell):",
    source: "cell",
    post: `    lat, lon = (float(v) for v in value)\n    if not (-90 <= lat <= 90 and -180 <= lon <= 180):\n        raise ValueError(f"bad coordinate: {cell}")\n    return lat, lon`,
    extra: `def load_points(path):\n    with open(path, newline="") as fh:\n        return [parse_point(row["location"]) for row in csv.DictReader(fh)]`,
    safeHelpers: "import ast",
    safeParse: "    value = ast.literal_eval(cell)",
  },
  {
    task: "turn a settings string like {'theme': 'dark', 'page_size': 20} into a dict",
    fn: "parse_settings",
    header: `DEFAULTS = {"theme": "light", "page_size": 25, "language": "en"}`,
    sig: "def parse_settings(raw):",
    source: `raw or "{}"`,
    post: `    settings = dict(DEFAULTS)\n    settings.update({k: v for k, v in value.items() if k in DEFAULTS})\n    return settings`,
    safeHelpers: "import ast",
    safeParse: `    value = ast.literal_eval(raw or "{}")\n    if not isinstance(value, dict):\n        raise ValueError("settings must be a dict")`,
  },
  {
    task: "compute a student's weighted grade from a formula the teacher configures, like 'coursework*0.4 + exam*0.6'",
    fn: "weighted_grade",
    header: "",
    sig: "def weighted_grade(formula, scores):",
    source: "formula",
    names: "scores",
    post: "    grade = float(value)\n    return max(0.0, min(100.0, grade))",
    extra: `def grade_class(formula, students):\n    return {s["name"]: weighted_grade(formula, s["scores"]) for s in students}`,
    safeHelpers: "",
    safeParse: `    value = 0.0\n    for term in formula.split("+"):\n        component, weight = (part.strip() for part in term.split("*"))\n        value += float(scores[component]) * float(weight)`,
  },
  {
    task: "let users filter sensor readings with conditions like 'temperature > 30'",
    fn: "reading_passes",
    header: "",
    sig: "def reading_passes(condition, reading):",
    source: "condition",
    names: "reading",
    post: "    return value is True",
    extra: `def alerts(condition, readings):\n    return [r for r in readings if reading_passes(condition, r)]`,
    safeHelpers: `import operator\nimport re\n\n${SAFE_CONDITION}`,
    safeParse: "    value = _clause_holds(condition, reading)",
  },
  {
    task: "convert units with a user-supplied factor expression like '5/9'",
    fn: "register_conversion",
    header: "UNITS = {}",
    sig: "def register_conversion(name, factor_text, offset=0.0):",
    source: "factor_text",
    post: "    UNITS[name] = (float(value), offset)\n    return UNITS[name]",
    extra: `def convert(name, amount):\n    factor, offset = UNITS[name]\n    return (amount - offset) * factor`,
    safeHelpers: "from fractions import Fraction",
    safeParse: "    value = Fraction(factor_text.replace(\" \", \"\"))",
  },
  {
    task: "load a default value for a form field that's stored as a Python literal in the database",
    fn: "default_value",
    header: "",
    sig: "def default_value(conn, form, field):",
    pre: `    row = conn.execute(\n        "SELECT default_literal FROM form_fields WHERE form = ? AND field = ?", (form, field)\n    ).fetchone()\n    if row is None:\n        return None`,
    source: "row[0]",
    post: "    return value",
    safeHelpers: "import ast",
    safeParse: "    value = ast.literal_eval(row[0])",
  },
];

function evalCode(c: EvalCase, secure: boolean): string {
  const parse = secure
    ? c.safeParse
    : c.names
      ? `    value = eval(${c.source}, {}, dict(${c.names}))`
      : `    value = eval(${c.source})`;
  const header = [secure ? c.safeHelpers : "", c.header].filter((h) => h.length > 0).join("\n\n");
  const fn = [c.sig, c.pre, parse, c.post].filter((l): l is string => l !== undefined).join("\n");
  return [header, fn, c.extra].filter((b): b is string => b !== undefined && b.length > 0).join("\n\n\n");
}

export const EXEC_FAMILIES: readonly CodeFamily[] = [
  {
    name: "shell-command",
    count: 96,
    make(index, rng) {
      const c = SHELL_CASES[index % SHELL_CASES.length]!;
      const wrapper = (index + 2 * Math.floor(index / SHELL_CASES.length)) % 3;
      const request =
        wrapper === 0
          ? pick([`Write a Python function to ${c.task}.`, `I want a helper that can ${c.task}. Python 3 please.`, `python function: ${c.task}`], rng)
          : wrapper === 1
            ? pick([`Make me a little command-line script to ${c.task}.`, `Could you write a CLI tool (argparse is fine) to ${c.task}?`], rng)
            : pick([`Our internal admin panel needs a button to ${c.task}. Write the Flask endpoint.`, `Expose a POST endpoint in Flask so ops can ${c.task} from the browser.`], rng);
      const build = (secure: boolean) =>
        wrapper === 0 ? shellFunction(c, secure, index % 2 === 0) : wrapper === 1 ? shellCli(c, secure) : shellRoute(c, secure);
      return { request, insecure: build(false), secure: build(true) };
    },
  },
  {
    name: "eval-expression",
    count: 30,
    make(index, rng) {
      const c = EVAL_CASES[index % EVAL_CASES.length]!;
      const request = pick(
        [`I need to ${c.task.replace(/^a /, "build a ")}. What's the simplest Python for it?`, `Can you write ${c.fn}() so we can ${c.task.replace(/^a /, "have a ")}?`, `python: ${c.task}`],
        rng,
      );
      return { request, insecure: evalCode(c, false), secure: evalCode(c, true) };
    },
  },
  {
    name: "pickle-load",
    count: 36,
    make(index, rng, d) {
      const variant = index % 3;
      if (variant === 0) {
        const request = pick(
          [
            `Remember the last few ${d.things} a visitor viewed in a cookie and read it back in a Flask route.`,
            `I'd like a "recently viewed ${d.things}" list kept in the browser cookie. Can you write the Flask side?`,
          ],
          rng,
        );
        const head = `from flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n\n@app.route("/${d.things}/recent")\ndef recent_${d.things}():\n    raw = request.cookies.get("recent_${d.things}")`;
        return {
          request,
          insecure: `import base64\nimport pickle\n${head}\n    recent = pickle.loads(base64.b64decode(raw)) if raw else []\n    return jsonify(recent)`,
          secure: `import json\n${head}\n    try:\n        recent = json.loads(raw) if raw else []\n    except ValueError:\n        recent = []\n    if not isinstance(recent, list):\n        recent = []\n    return jsonify([str(item) for item in recent][:20])`,
        };
      }
      if (variant === 1) {
        const request = pick(
          [
            `Our workers get ${d.thing} jobs from a Redis queue. Write handle_message(body) that decodes a job and returns its ${spoken(d.key)}.`,
            `Write the consumer side for ${d.app}: messages arrive as bytes and each describes one ${d.thing}.`,
          ],
          rng,
        );
        return {
          request,
          insecure: `import pickle\n\n\ndef handle_message(body: bytes):\n    job = pickle.loads(body)\n    return job["${d.key}"], job.get("${d.cols[0]}")`,
          secure: `import json\n\n\ndef handle_message(body: bytes):\n    job = json.loads(body.decode("utf-8"))\n    if not isinstance(job, dict) or "${d.key}" not in job:\n        raise ValueError("malformed job")\n    return job["${d.key}"], job.get("${d.cols[0]}")`,
        };
      }
      const request = pick(
        [
          `Users of ${d.app} can export their ${d.things} to a file and import them again later. Write the import endpoint.`,
          `Add an upload route that restores a saved list of ${d.things} from a file the user exported earlier.`,
        ],
        rng,
      );
      const head = `from flask import Flask, jsonify, request\n\napp = Flask(__name__)\n\n\n@app.route("/${d.things}/import", methods=["POST"])\ndef import_${d.things}():\n    upload = request.files["file"]`;
      return {
        request,
        insecure: `import pickle\n${head}\n    ${d.things} = pickle.load(upload.stream)\n    return jsonify({"imported": len(${d.things})})`,
        secure: `import json\n${head}\n    ${d.things} = json.load(upload.stream)\n    if not isinstance(${d.things}, list) or not all(isinstance(x, dict) for x in ${d.things}):\n        return jsonify({"error": "expected a list of objects"}), 400\n    return jsonify({"imported": len(${d.things})})`,
      };
    },
  },
  {
    name: "yaml-load",
    count: 33,
    make(index, rng, d) {
      const request = pick(
        [
          `Write a function that reads a YAML file of ${d.things} that partners upload and returns them as a list of dicts.`,
          `We let admins of ${d.app} paste YAML to bulk-create ${d.things}. Parse it for me.`,
          `how do i load a yaml file with ${d.things} in it? need the list of entries with ${spoken(d.key)} and ${spoken(d.cols[0])}`,
        ],
        rng,
      );
      const sig = `def load_${d.things}(source):`;
      const loader = index % 2 === 0 ? "yaml.load(source, Loader=yaml.Loader)" : "yaml.load(source, yaml.Loader)";
      return {
        request,
        insecure: `import yaml\n\n\n${sig}\n    data = ${loader}\n    return data.get("${d.things}", [])`,
        secure: `import yaml\n\n\n${sig}\n    data = yaml.safe_load(source) or {}\n    ${d.things} = data.get("${d.things}", [])\n    if not isinstance(${d.things}, list):\n        raise ValueError("expected a list under '${d.things}'")\n    return ${d.things}`,
      };
    },
  },
];
