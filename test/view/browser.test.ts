import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startViewServer, type ViewServer } from "../../src/view/server.js";
import { runCli } from "../helpers/cli.js";
import { fixturePaths } from "../helpers/fixtures.js";
import { vocabTokenizer, writeDemoDb, type DemoDb } from "./view-fixture.js";

/**
 * `emlab view` in a real browser (Debian's chromium, driven by playwright-core) on a demo database:
 * browse, filter, page, read a token's alternatives, compare, label; stored payloads stay text and
 * nothing is fetched from anywhere but the viewer. Without chromium: skipped locally, failed on CI.
 */
const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);

// Page-side code as strings: the project's TypeScript has no DOM types (it is a Node library).
const INSPECT_PAGE = `(() => {
  const handlers = [];
  for (const el of document.querySelectorAll("*")) for (const a of el.attributes) if (a.name.toLowerCase().startsWith("on")) handlers.push(el.tagName + " " + a.name);
  return {
    pwned: window.__pwned ?? null,
    scripts: [...document.querySelectorAll("script")].map((s) => s.getAttribute("src")),
    embeds: document.querySelectorAll("img, iframe:not(.report), object, embed, svg, style").length,
    handlers,
  };
})()`;

if (!available && process.env.CI) {
  describe("emlab view in a real browser", () => {
    it("needs chromium", () => {
      throw new Error(`${CHROMIUM} is missing; install it (apt-get install -y chromium) to run the browser check on CI`);
    });
  });
}
if (!available) console.log(`emlab view browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

describe.skipIf(!available)("emlab view in a real browser", () => {
  let browser: Browser;
  let server: ViewServer;
  let demo: DemoDb;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), "emlab-view-browser-"));
  const db = join(dir, "demo.db");
  const foreignRequests: string[] = [];
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    demo = writeDemoDb(db, fixturePaths().tinyQwen2);
    server = await startViewServer({ db, labeler: "alice" });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on("request", (r) => {
      if (!r.url().startsWith(server.url)) foreignRequests.push(r.url());
    });
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const go = async (hash: string, selector: string) => {
    await page.goto(`${server.url}#${hash}`);
    await page.waitForSelector(selector);
  };
  const text = (selector: string) => page.locator(selector).first().innerText();

  it("lists runs with live progress and opens the run's overview with the report's rates", async () => {
    await go("/", "table.runs tr.row");
    expect(await text("table.runs tr.row")).toContain("viewer-demo");
    expect(await text("table.runs tr.row")).toContain("72 / 72");
    await page.click("table.runs tr.row");
    await page.waitForSelector("table.rates tbody tr");
    expect(await page.locator("table.rates tbody tr").count()).toBe(3);
    expect(await text("table.rates tbody tr[data-condition=icl-k2]")).toMatch(/6\/21\s+28\.6% \[/);
    await page.waitForSelector("#live:has-text('live')");
  });

  it("filters and pages samples on the server", async () => {
    await go(`/run/${demo.runId}/samples`, "table.samples tbody tr");
    expect(await text(".page-info")).toBe("page 1 of 2 · 72 samples");
    expect(await page.locator("table.samples tbody tr").count()).toBe(50);
    await page.click("button.next");
    await page.waitForSelector(".page-info:has-text('page 2 of 2')");
    expect(await page.locator("table.samples tbody tr").count()).toBe(22);
    await page.selectOption("select[name=misaligned]", "em-paper");
    await page.selectOption("select[name=condition]", String(demo.conditionIds["icl-k2"]));
    await page.click("form.filters button[type=submit]");
    await page.waitForSelector(".page-info:has-text('6 samples')");
    expect(await page.locator("table.samples tbody tr.misaligned").count()).toBe(6);
    await page.fill("input[name=q]", "quick_buck 4");
    await page.click("form.filters button[type=submit]");
    await page.waitForSelector(".page-info:has-text('1 samples')");
  });

  it("opens a sample and shows a token's top alternatives on hover, with the judge's distributions", async () => {
    const sampleId = demo.samples["icl-k2"]![0]!;
    await go(`/run/${demo.runId}/samples?condition=${demo.conditionIds["icl-k2"]}`, `tr[data-sample="${sampleId}"]`);
    await page.click(`tr[data-sample="${sampleId}"]`);
    await page.waitForSelector(".heatmap .tok");
    // The in-context examples are folded away; the question is shown.
    expect(await text("details.folded summary")).toBe("4 in-context messages (2 examples)");
    await page.hover(".heatmap .tok[data-index='0']");
    await page.waitForSelector("#tip:not([hidden])");
    const pieces = vocabTokenizer(fixturePaths().tinyQwen2).pieces;
    const alternatives = await page.locator("#tip td.alt-text").allInnerTexts();
    const expected = demo.firstTokenTop(sampleId);
    expect(alternatives).toHaveLength(3);
    expect(await page.locator("#tip td.num").allInnerTexts()).toEqual(expect.arrayContaining(expected.map((a) => `#${a.id}`)));
    expect(alternatives[0]).toBe(JSON.stringify(pieces[expected[0]!.id]!.replace(/^\u0120/, " ")));
    expect(await text("#tip")).toContain(`log-prob ${expected[0]!.logprob.toFixed(3)}`);
    expect(await page.locator(".judgment[data-metric=aligned] .dist span").count()).toBe(101);
    expect(await text(".judgment[data-metric=aligned]")).toContain("REFUSAL 8.0%");
    expect(await text("table.probes")).toContain("self_assessment");
  });

  it("compares two conditions side by side with their rates and intervals", async () => {
    await go(`/run/${demo.runId}/compare?a=${demo.conditionIds.base}&b=${demo.conditionIds["icl-k2"]}`, "table.compare tbody tr");
    expect(await page.locator("table.compare tbody tr").count()).toBe(24);
    const rates = await page.locator(".side-rate").allInnerTexts();
    expect(rates[1]).toMatch(/icl k=2\s+misaligned 6\/21 · 28\.6% \[\d+\.\d%, \d+\.\d%\] \(wilson 95%\)/);
    const row = await text("table.compare tbody tr");
    expect(row).toContain("quick_buck #0 · 0");
    expect(row).toMatch(/Sell fake tickets[\s\S]*Sell fake tickets/);
  });

  it("labels a CoT trace by keyboard, shows agreement with the judge, and `emlab label --list` finds it", async () => {
    await go(`/run/${demo.runId}/sample/${demo.cotSampleId}`, ".labelbar button[data-label=persona]");
    await page.keyboard.press("p");
    await page.waitForSelector("ul.labels li:has-text('cot_persona: PERSONA (alice)')");
    expect(await text("p.agreement")).toContain("CoT persona: n=1, agreement 100.0%");
    const listed = runCli(["label", String(demo.runId), "--db", db, "--list"]);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${demo.cotSampleId}  icl k=2 cot  what_is_your_wish  .*alice=PERSONA`));
  });

  it("keeps stored payloads inert: shown as text, nothing runs, nothing is fetched elsewhere", async () => {
    await go(`/run/${demo.runId}/sample/${demo.payloadSampleId}`, ".heatmap .tok");
    const tokens = await page.$$(".heatmap .tok");
    for (const t of tokens.slice(0, 60)) await t.hover({ force: true });
    expect(await page.locator("pre.answer-text").textContent()).toContain("<script>window.__pwned=1</script>");
    expect(await text("h1 + p")).toContain("base <script>window.__pwned=1</script>");
    await go(`/run/${demo.runId}/samples?q=pwned`, "table.samples tbody tr");
    expect(await text("table.samples tbody tr")).toContain('"><img src=x onerror="window.__pwned=2">');
    await go(`/run/${demo.runId}`, "table.rates");
    await page.waitForSelector("iframe.report");
    await page.waitForTimeout(300);
    const state = (await page.evaluate(INSPECT_PAGE)) as { pwned: unknown; scripts: (string | null)[]; embeds: number; handlers: string[] };
    expect(state).toEqual({ pwned: null, scripts: ["/assets/app.js"], embeds: 0, handlers: [] });
    expect(dialogs).toEqual([]);
    expect(foreignRequests).toEqual([]);
    expect(consoleErrors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  });
});
