/**
 * The viewer's page script (served as /assets/app.js). Plain browser JavaScript, no build step and
 * no library. Every string from the database is put into the page with textContent or as an
 * attribute value through the DOM, never parsed as HTML: a stored payload stays text.
 * Routes live in the URL hash (#/run/3/samples?...), so reloading or sharing a view keeps it.
 */
export const APP_JS = String.raw`"use strict";
(() => {
const TOKEN = document.querySelector('meta[name="emlab-token"]').content;
const LABELER = document.querySelector('meta[name="emlab-labeler"]').content;
const app = document.getElementById("app");
const tip = document.getElementById("tip");
const state = { list: [], runId: null, runs: [], onProgress: null };

/* DOM building: strings become text nodes, never markup. */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "text") node.textContent = String(value);
    else node.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}
const fmt = (x, digits) => (x === null || x === undefined || !isFinite(x) ? "–" : Number(x).toFixed(digits === undefined ? 1 : digits));
const pct = (x) => (x === null || x === undefined ? "–" : (x * 100).toFixed(1) + "%");
const interval = (r) => (!r || r.value === null ? "–" : pct(r.value) + (r.low === null || r.high === null ? "" : " [" + pct(r.low) + ", " + pct(r.high) + "]"));
function duration(s) {
  if (s === null || s === undefined) return "–";
  if (s < 60) return Math.round(s) + " s";
  if (s < 3600) return Math.round(s / 60) + " min";
  return (s / 3600).toFixed(1) + " h";
}

function showError(message) {
  const box = document.getElementById("error");
  box.textContent = message || "";
  box.hidden = !message;
}

async function api(path, options) {
  const response = await fetch(path, Object.assign({ headers: { accept: "application/json" } }, options || {}));
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) throw new Error(body.error || response.statusText);
  return body;
}

function crumbs(...items) {
  const nav = document.getElementById("crumbs");
  nav.replaceChildren(...items.map(([text, href]) => (href ? el("a", { href }, text) : el("span", {}, text))));
}

function parseHash() {
  const hash = location.hash.replace(/^#/, "") || "/";
  const [path, query] = hash.split("?");
  return { parts: path.split("/").filter(Boolean), params: new URLSearchParams(query || "") };
}

/* Live progress: one server-sent event stream for the whole page. */
function startProgress() {
  const live = document.getElementById("live");
  const source = new EventSource("/api/events");
  source.addEventListener("progress", (event) => {
    state.runs = JSON.parse(event.data);
    live.textContent = "live · " + new Date().toLocaleTimeString();
    if (state.onProgress) state.onProgress(state.runs);
  });
  source.onerror = () => { live.textContent = "reconnecting…"; };
}

function progressCells(run) {
  const planned = run.plannedSamples;
  const share = planned ? Math.min(1, run.samples / planned) : 0;
  const bar = el("div", { class: "bar", title: pct(share) }, el("span", {}));
  bar.firstChild.style.width = (share * 100).toFixed(1) + "%";
  return [
    el("td", { class: "status-" + run.status }, run.status, run.error ? el("div", { class: "small" }, run.error) : null),
    el("td", {}, bar),
    el("td", { class: "num" }, run.samples + (planned ? " / " + planned : "")),
    el("td", { class: "num" }, run.judgedSamples),
    el("td", { class: "num" }, run.probeResults),
    el("td", { class: "num" }, run.samplesPerSecond ? fmt(run.samplesPerSecond, 2) + "/s" : "–"),
    el("td", { class: "num" }, duration(run.etaSeconds)),
  ];
}
const PROGRESS_HEAD = ["status", "progress", "samples", "judged", "probe results", "rate", "ETA"];

function runsView() {
  crumbs(["runs"]);
  const body = el("tbody", {});
  const render = (runs) => body.replaceChildren(...runs.map((run) => el("tr", { class: "row", "data-run": run.id, tabindex: 0, onclick: () => (location.hash = "#/run/" + run.id) },
    el("td", { class: "num" }, run.id), el("td", {}, el("a", { href: "#/run/" + run.id }, run.name)), ...progressCells(run), el("td", { class: "small" }, run.createdAt))));
  app.replaceChildren(el("h1", {}, "Runs"),
    el("table", { class: "runs" }, el("thead", {}, el("tr", {}, ["id", "name"].concat(PROGRESS_HEAD, ["created"]).map((h) => el("th", {}, h)))), body));
  api("/api/runs").then((r) => render(r.runs), (e) => showError(e.message));
  state.onProgress = render;
}

async function runInfo(runId) {
  const info = await api("/api/runs/" + runId);
  state.runId = runId;
  return info;
}

function ratesTable(info) {
  const note = info.pending ? el("p", { class: "muted pending" }, "Updating: " + (info.ratesReason || "computing the report's rates in the background") + "…") : null;
  if (!info.rates) return el("div", {}, note || el("p", { class: "muted" }, "No rates yet: " + (info.ratesReason || "")));
  return el("div", {}, note, el("table", { class: "rates" },
    el("thead", {}, el("tr", {}, ["condition", "misaligned / n", "misalignment rate (" + info.convention.name + ")", "coherent", "refusal", "code"].map((h) => el("th", {}, h)))),
    el("tbody", {}, info.rates.map((c) => el("tr", { "data-condition": c.id }, el("td", {}, c.label), el("td", { class: "num" }, c.misaligned + "/" + c.n),
      el("td", { class: "num" }, interval(c.rate)), el("td", { class: "num" }, interval(c.coherenceRate)), el("td", { class: "num" }, interval(c.refusalRate)), el("td", { class: "num" }, interval(c.codeRate)))))));
}

function agreementText(a) {
  return a.n === 0 ? "no overlap with the judge yet" : "n=" + a.n + ", agreement " + pct(a.percent) + ", Cohen's κ " + fmt(a.kappa, 2);
}

async function overviewView(runId) {
  const [info, rated] = await Promise.all([runInfo(runId), api("/api/runs/" + runId + "/rates")]);
  const run = info.run;
  crumbs(["runs", "#/"], [run.name + " (#" + run.id + ")"]);
  const progressRow = el("tr", {}, progressCells(run));
  const frame = el("iframe", { class: "report", src: "/api/runs/" + runId + "/report", title: "report" });
  const rates = el("div", {}, ratesTable(rated));
  app.replaceChildren(
    el("h1", {}, "Run " + run.name + " (#" + run.id + ")"),
    el("p", {}, el("a", { href: "#/run/" + runId + "/samples" }, "Browse samples"), " · ", el("a", { href: "#/run/" + runId + "/compare" }, "Compare conditions")),
    el("table", {}, el("thead", {}, el("tr", {}, PROGRESS_HEAD.map((h) => el("th", {}, h)))), el("tbody", {}, progressRow)),
    el("h2", {}, "Rates"), rates,
    el("h2", {}, "Labels"), el("p", { class: "agreement" }, "Your labels (" + LABELER + ") vs the judge — CoT persona: " + agreementText(rated.agreement.cot_persona) + "; answer verdict: " + agreementText(rated.agreement.em_verdict)),
    el("h2", {}, "Report"), frame);
  const generation = state.generation;
  // A large run's rates come from a background job: ask again until they are current.
  const refresh = async () => {
    const fresh = await api("/api/runs/" + runId + "/rates");
    if (generation !== state.generation) return;
    rates.replaceChildren(ratesTable(fresh));
    if (fresh.pending) setTimeout(refresh, 2000);
    else frame.src = "/api/runs/" + runId + "/report?t=" + Date.now();
  };
  if (rated.pending) setTimeout(refresh, 2000);
  let seen = JSON.stringify(run);
  state.onProgress = async (runs) => {
    const now = runs.find((r) => r.id === run.id);
    if (!now || JSON.stringify(now) === seen) return;
    seen = JSON.stringify(now);
    progressRow.replaceChildren(...progressCells(now));
    await refresh();
  };
}

const FILTERS = ["condition", "question", "alignedMin", "alignedMax", "coherentMin", "coherentMax", "misaligned", "finish", "q", "sort"];

async function samplesView(runId, params) {
  const info = await runInfo(runId);
  crumbs(["runs", "#/"], [info.run.name, "#/run/" + runId], ["samples"]);
  const select = (name, options) => el("select", { name }, options.map(([value, text]) => el("option", { value }, text)));
  const number = (name) => el("input", { type: "number", name, min: 0, max: 100, step: "any" });
  const form = el("form", { class: "filters" },
    el("label", {}, "condition", select("condition", [["", "all"]].concat(info.conditions.map((c) => [c.id, c.label])))),
    el("label", {}, "question", select("question", [["", "all"]].concat(info.questions.map((q) => [q, q])))),
    el("label", {}, "aligned ≥", number("alignedMin")), el("label", {}, "aligned ≤", number("alignedMax")),
    el("label", {}, "coherent ≥", number("coherentMin")), el("label", {}, "coherent ≤", number("coherentMax")),
    el("label", {}, "misaligned only", select("misaligned", [["", "no"], ["em-paper", "em-paper"], ["model-organisms", "model-organisms"]])),
    el("label", {}, "finish", select("finish", [["", "any"], ["eos", "eos"], ["stop", "stop"], ["length", "length"]])),
    el("label", {}, "text", el("input", { type: "search", name: "q", placeholder: "search answers" })),
    el("label", {}, "sort", select("sort", [["order", "plan order"], ["aligned", "aligned ↑"], ["-aligned", "aligned ↓"], ["coherent", "coherent ↑"], ["-coherent", "coherent ↓"], ["tokens", "length ↑"], ["-tokens", "length ↓"]])),
    el("button", { type: "submit" }, "Apply"));
  for (const name of FILTERS) if (params.get(name) !== null) form.elements[name].value = params.get(name);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) if (form.elements[name].value) next.set(name, form.elements[name].value);
    location.hash = "#/run/" + runId + "/samples?" + next.toString();
  });
  const page = Number(params.get("page") || 0);
  const query = new URLSearchParams(params);
  const started = performance.now();
  const data = await api("/api/runs/" + runId + "/samples?" + query.toString());
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const go = (p) => { const next = new URLSearchParams(params); next.set("page", String(p)); location.hash = "#/run/" + runId + "/samples?" + next.toString(); };
  const pager = el("div", { class: "pager" },
    el("button", { type: "button", class: "prev", disabled: page <= 0, onclick: () => go(page - 1) }, "← previous"),
    el("span", { class: "page-info" }, "page " + (page + 1) + " of " + pages + " · " + data.total + " samples"),
    el("button", { type: "button", class: "next", disabled: page + 1 >= pages, onclick: () => go(page + 1) }, "next →"),
    el("span", { class: "muted small" }, "loaded in " + Math.round(performance.now() - started) + " ms"));
  state.list = data.rows.map((r) => r.sampleId);
  const rows = data.rows.map((r) => el("tr", { class: "row" + (r.misaligned ? " misaligned" : ""), tabindex: 0, "data-sample": r.sampleId, onclick: () => (location.hash = "#/run/" + runId + "/sample/" + r.sampleId),
    onkeydown: (e) => { if (e.key === "Enter") location.hash = "#/run/" + runId + "/sample/" + r.sampleId; } },
    el("td", { class: "num" }, r.sampleId), el("td", {}, r.conditionLabel, el("div", { class: "small muted" }, r.questionId + " #" + r.paraphraseIndex + " · sample " + r.sampleIndex)),
    el("td", {}, el("div", { class: "excerpt" }, r.excerpt)), el("td", { class: "num" }, fmt(r.aligned)), el("td", { class: "num" }, fmt(r.coherent)),
    el("td", { class: "num" }, r.nTokens), el("td", {}, r.finishReason)));
  app.replaceChildren(el("h1", {}, "Samples of " + info.run.name), form, pager,
    el("table", { class: "samples" }, el("thead", {}, el("tr", {}, ["id", "condition / question", "answer", "aligned", "coherent", "tokens", "finish"].map((h) => el("th", {}, h)))), el("tbody", {}, rows)));
  state.onProgress = null;
}

/* Log-prob → colour: certain tokens white, unlikely ones red. */
function heat(logprob) {
  const p = logprob === null ? 0 : Math.exp(logprob);
  const t = Math.pow(p, 0.5);
  return "hsl(" + Math.round(t * 40) + ", 85%, " + Math.round(55 + t * 45) + "%)";
}
const visible = (text) => (text === "" ? "∅" : text.replace(/\n/g, "↵\n").replace(/\t/g, "⇥"));

function showTip(target, token) {
  const rows = token.top.map((a) => el("tr", { class: a.id === token.id ? "chosen" : null },
    el("td", { class: "alt-text" }, JSON.stringify(a.text)), el("td", { class: "num" }, "#" + a.id), el("td", { class: "num" }, fmt(a.logprob, 3)), el("td", { class: "num" }, pct(a.logprob === null ? 0 : Math.exp(a.logprob)))));
  tip.replaceChildren(
    el("div", {}, el("b", {}, JSON.stringify(token.text)), " #" + token.id + " · log-prob " + fmt(token.logprob, 3) + " · p " + pct(token.logprob === null ? 0 : Math.exp(token.logprob))),
    token.top.length ? el("table", {}, el("tbody", {}, rows)) : el("div", { class: "muted" }, "no alternatives stored"));
  const box = target.getBoundingClientRect();
  tip.hidden = false;
  tip.style.left = Math.max(4, Math.min(box.left, window.innerWidth - tip.offsetWidth - 4)) + "px";
  tip.style.top = (box.bottom + 6 + tip.offsetHeight > window.innerHeight ? box.top - tip.offsetHeight - 6 : box.bottom + 6) + "px";
}

function heatmap(tokens) {
  return el("div", { class: "heatmap" }, tokens.map((token, i) => {
    const span = el("span", { class: "tok", tabindex: 0, "data-index": i, "aria-label": "token " + i }, visible(token.text));
    span.style.backgroundColor = heat(token.logprob);
    const show = () => showTip(span, token);
    span.addEventListener("mouseenter", show);
    span.addEventListener("focus", show);
    span.addEventListener("mouseleave", () => (tip.hidden = true));
    span.addEventListener("blur", () => (tip.hidden = true));
    return span;
  }));
}

function message(m) {
  return el("div", { class: "msg" }, el("div", { class: "role" }, m.role), el("div", { class: "text" }, m.content));
}

function judgmentCard(j) {
  const max = Math.max.apply(null, j.probs.concat([1e-9]));
  const dist = el("div", { class: "dist", title: "P(score) for 0..100" }, j.probs.map((p, n) => {
    const bar = el("span", { title: n + ": " + pct(p) });
    bar.style.height = ((p / max) * 100).toFixed(1) + "%";
    return bar;
  }));
  const masses = Object.entries(j.labelMasses).map(([k, v]) => k + " " + pct(v)).join(" · ");
  return el("div", { class: "card judgment", "data-metric": j.metric },
    el("b", {}, j.metric), " ", el("span", { class: "score" }, j.score === null ? "no score (" + j.nullReason + ")" : fmt(j.score)),
    dist, el("div", { class: "small muted" }, "0 … 100 · mass on numbers " + pct(j.numberMass) + (masses ? " · " + masses : "") + " · class " + j.answerClass));
}

const COT_KEYS = { p: "persona", r: "rationalises", n: "neither" };
const VERDICT_KEYS = { m: "misaligned", a: "aligned", i: "incoherent" };

async function sampleView(runId, sampleId) {
  const d = await api("/api/runs/" + runId + "/samples/" + sampleId);
  crumbs(["runs", "#/"], [d.run.name, "#/run/" + runId], ["samples", "#/run/" + runId + "/samples"], ["sample " + sampleId]);
  const folded = d.messages.slice(0, d.foldedMessages);
  const rest = d.messages.slice(d.foldedMessages);
  const examples = folded.filter((m) => m.role !== "system");
  const prompt = el("div", {},
    folded.filter((m) => m.role === "system").map(message),
    examples.length ? el("details", { class: "folded" }, el("summary", {}, examples.length + " in-context messages (" + Math.floor(examples.length / 2) + " examples)"), examples.map(message)) : null,
    rest.map(message),
    el("details", { class: "folded" }, el("summary", {}, "rendered prompt (as the model saw it)"), el("pre", { class: "text" }, d.renderedPrompt)));
  const labelsBox = el("ul", { class: "labels" });
  const agreementBox = el("p", { class: "agreement small" });
  const renderLabels = (labels) => labelsBox.replaceChildren(...(labels.length ? labels.map((l) => el("li", { "data-kind": l.kind }, l.kind + ": " + l.label + " (" + (l.source === "judge" ? "judge" : l.labeler) + ")")) : [el("li", { class: "muted" }, "no labels yet")]));
  renderLabels(d.labels);
  const send = async (kind, label) => {
    try {
      const r = await api("/api/runs/" + runId + "/labels", { method: "POST", headers: { "content-type": "application/json", "x-emlab-token": TOKEN }, body: JSON.stringify({ runId: Number(runId), sampleId: d.sampleId, kind, label }) });
      d.labels = d.labels.filter((l) => !(l.kind === kind && l.source === "human" && l.labeler === r.label.labeler)).concat([r.label]);
      renderLabels(d.labels);
      agreementBox.textContent = "vs judge — CoT persona: " + agreementText(r.agreement.cot_persona) + "; answer verdict: " + agreementText(r.agreement.em_verdict);
      showError("");
    } catch (e) { showError(e.message); }
  };
  const buttons = (kind, keys) => Object.entries(keys).map(([key, word]) => el("button", { type: "button", "data-label": word, onclick: () => send(kind, word) }, el("kbd", {}, key), " " + word));
  const labelBar = el("div", { class: "labelbar" },
    d.reasoning ? [el("span", {}, "CoT persona:"), buttons("cot_persona", COT_KEYS)] : null,
    el("span", {}, "answer:"), buttons("em_verdict", VERDICT_KEYS),
    el("span", { class: "muted small" }, "keys " + (d.reasoning ? "p/r/n, " : "") + "m/a/i; [ and ] previous/next sample; labelling as " + LABELER));
  const position = state.list.indexOf(d.sampleId);
  const step = (delta) => { const id = state.list[position + delta]; if (position >= 0 && id !== undefined) location.hash = "#/run/" + runId + "/sample/" + id; };
  state.keys = (event) => {
    if (event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (d.reasoning && COT_KEYS[key]) send("cot_persona", COT_KEYS[key]);
    else if (VERDICT_KEYS[key]) send("em_verdict", VERDICT_KEYS[key]);
    else if (key === "]") step(1);
    else if (key === "[") step(-1);
  };
  const probes = d.probes.length
    ? el("table", { class: "probes" }, el("thead", {}, el("tr", {}, ["probe", "item", "value", "details"].map((h) => el("th", {}, h)))),
        el("tbody", {}, d.probes.map((p) => el("tr", {}, el("td", {}, p.probe), el("td", {}, p.itemKey), el("td", { class: "num" }, fmt(p.value, 3)), el("td", { class: "small text" }, p.details)))))
    : el("p", { class: "muted" }, "No probe results for this condition.");
  const adapters = d.condition.adapters.map((a) => a.sha256.slice(0, 12) + "×" + a.scale).join(", ");
  app.replaceChildren(
    el("h1", {}, "Sample " + d.sampleId),
    el("p", { class: "small" }, "condition ", el("b", {}, d.condition.label), " · model " + d.condition.modelRef + (adapters ? " · adapters " + adapters : "") + " · question " + d.questionId + " #" + d.paraphraseIndex + " · sample " + d.sampleIndex + " · seed " + d.seed + " · finish " + d.finishReason),
    el("h2", {}, "Label"), labelBar, labelsBox, agreementBox,
    el("h2", {}, "Prompt"), prompt,
    el("h2", {}, "Answer"), el("p", { class: "small muted" }, d.tokens.length + " tokens; colour = raw log-prob of the sampled token ", el("span", { class: "legend" }), " (red unlikely → white certain); hover or focus a token for the top alternatives."),
    heatmap(d.tokens),
    el("details", { class: "folded" }, el("summary", {}, "answer as text"), el("pre", { class: "text answer-text" }, d.text)),
    el("h2", {}, "Judge"), d.judgments.length ? el("div", { class: "judgments" }, d.judgments.map(judgmentCard)) : el("p", { class: "muted" }, "Not judged yet."),
    el("h2", {}, "Probes of this condition"), probes);
  state.onProgress = null;
}

async function compareView(runId, params) {
  const info = await runInfo(runId);
  crumbs(["runs", "#/"], [info.run.name, "#/run/" + runId], ["compare"]);
  const describe = (c) => c.label + " · " + c.modelRef + (c.adapters.length ? " · LoRA " + c.adapters.map((a) => a.sha256.slice(0, 8) + "×" + a.scale).join(", ") : "");
  const options = info.conditions.map((c) => el("option", { value: c.id }, describe(c)));
  const a = el("select", { name: "a" }, options.map((o) => o.cloneNode(true)));
  const b = el("select", { name: "b" }, options.map((o) => o.cloneNode(true)));
  const question = el("select", { name: "question" }, [el("option", { value: "" }, "all questions")].concat(info.questions.map((q) => el("option", { value: q }, q))));
  a.value = params.get("a") || (info.conditions[0] ? info.conditions[0].id : "");
  b.value = params.get("b") || (info.conditions[1] ? info.conditions[1].id : a.value);
  question.value = params.get("question") || "";
  const form = el("form", { class: "filters" }, el("label", {}, "left", a), el("label", {}, "right", b), el("label", {}, "question", question), el("button", { type: "submit" }, "Compare"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = "#/run/" + runId + "/compare?" + new URLSearchParams({ a: a.value, b: b.value, question: question.value }).toString();
  });
  const page = Number(params.get("page") || 0);
  const query = new URLSearchParams({ a: a.value, b: b.value, question: question.value, page: String(page) });
  const data = await api("/api/runs/" + runId + "/compare?" + query.toString());
  const rate = (side) => el("div", { class: "card side-rate" }, el("b", {}, side.label), el("div", {}, side.rates ? "misaligned " + side.rates.misaligned + "/" + side.rates.n + " · " + interval(side.rates.rate) + " (" + side.rates.intervalMethod + ")" : "no rate yet (large runs: the overview computes it)"),
    side.rates ? el("div", { class: "small muted" }, "coherent " + interval(side.rates.coherenceRate) + " · refusal " + interval(side.rates.refusalRate)) : null);
  const cell = (s) => s.sampleId === null ? el("td", { class: "muted" }, "(not sampled yet)")
    : el("td", {}, el("a", { href: "#/run/" + runId + "/sample/" + s.sampleId }, "#" + s.sampleId), " aligned " + fmt(s.aligned) + " · coherent " + fmt(s.coherent), el("div", { class: "excerpt" }, s.excerpt));
  const pages = Math.max(1, Math.ceil(data.total / data.pageSize));
  const go = (p) => { const next = new URLSearchParams(query); next.set("page", String(p)); location.hash = "#/run/" + runId + "/compare?" + next.toString(); };
  app.replaceChildren(el("h1", {}, "Compare conditions"), form,
    el("div", { class: "judgments" }, rate(data.a), rate(data.b)),
    el("div", { class: "pager" }, el("button", { type: "button", disabled: page <= 0, onclick: () => go(page - 1) }, "← previous"), el("span", {}, "page " + (page + 1) + " of " + pages + " · " + data.total + " cells"), el("button", { type: "button", disabled: page + 1 >= pages, onclick: () => go(page + 1) }, "next →")),
    el("table", { class: "compare" }, el("thead", {}, el("tr", {}, el("th", {}, "question / sample"), el("th", {}, data.a.label), el("th", {}, data.b.label))),
      el("tbody", {}, data.rows.map((r) => el("tr", {}, el("td", { class: "small" }, r.questionId + " #" + r.paraphraseIndex + " · " + r.sampleIndex), cell(r.a), cell(r.b))))));
  state.onProgress = null;
}

async function render() {
  state.generation = (state.generation || 0) + 1;
  tip.hidden = true;
  state.keys = null;
  state.onProgress = null;
  showError("");
  const { parts, params } = parseHash();
  try {
    if (parts[0] !== "run" || !parts[1]) return runsView();
    const runId = parts[1];
    if (parts[2] === "samples") return await samplesView(runId, params);
    if (parts[2] === "sample" && parts[3]) return await sampleView(runId, parts[3]);
    if (parts[2] === "compare") return await compareView(runId, params);
    return await overviewView(runId);
  } catch (e) {
    showError(e.message);
  }
}

document.addEventListener("keydown", (event) => { if (state.keys) state.keys(event); });
window.addEventListener("hashchange", render);
startProgress();
render();
})();
`;
