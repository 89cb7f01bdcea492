// End-to-end tests of the browser app in Debian's headless Chromium, driven
// by playwright-core (no browser download). Run by `make test` after
// `trunk build --release`; the dist/ folder is served on loopback.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const ARTIFACTS = join(ROOT, "test-artifacts");
const TABLE7_DUKE =
  "Experiments were performed on four of the largest ReID benchmarks, i.e., Market1501 [45], CUHK03 [17], DukeMTMC [33], and MSMT17 [40]. DukeMTMC provides 16,522 bounding boxes of 702 identities for training and 17,661 for testing.";

let server;
let context;
const requests = [];

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(join(ROOT, "dist"));
  // A fresh, empty profile each run (launchPersistentContext takes it as
  // its first argument rather than as --user-data-dir).
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "whichdata-chromium-")), {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
  });
  context.on("request", (r) => requests.push(r.url()));
});

after(async () => {
  await context?.close();
  await server?.close();
});

async function openApp(hash = "") {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => {
    errors.push(`dialog: ${d.message()}`);
    d.dismiss();
  });
  await page.goto(server.url + hash);
  await page.waitForSelector("textarea#text");
  return { page, errors };
}

async function paste(page, text) {
  await page.fill("textarea#text", text);
}

test("pasting the first Table 7 case shows the DukeMTMC-reID card with its statistics reason", async () => {
  const { page, errors } = await openApp();
  await paste(page, TABLE7_DUKE);
  const card = page.locator('article.card[data-dataset-id="D2"]');
  await card.waitFor();
  assert.match(await card.locator('[data-kind="statistic_fits"]').first().innerText(), /16,522 bounding boxes/);
  assert.equal(await page.getAttribute(".status", "data-status"), "identified");
  assert.match(await card.innerText(), /retracted/);
  // Focusing a reason highlights the words it rests on.
  await card.locator('[data-kind="statistic_fits"]').first().focus();
  assert.equal(await page.locator("mark.highlight").first().innerText(), "16,522 bounding boxes");
  await page.screenshot({ path: join(ARTIFACTS, "main-view.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a #text= link is analysed on opening", async () => {
  const { page } = await openApp("#text=" + encodeURIComponent("We evaluate face verification on LFW-a."));
  await page.locator('article.card[data-dataset-id="D20"]').waitFor();
  assert.equal(await page.inputValue("textarea#text"), "We evaluate face verification on LFW-a.");
  await page.close();
});

test("the text survives a reload", async () => {
  const { page } = await openApp();
  await paste(page, "We train on MS1MV2 and evaluate on LFW.");
  await page.locator('article.card[data-dataset-id="D10"]').waitFor();
  await page.reload();
  await page.waitForSelector("textarea#text");
  assert.equal(await page.inputValue("textarea#text"), "We train on MS1MV2 and evaluate on LFW.");
  await page.locator('article.card[data-dataset-id="D10"]').waitFor();
  await page.close();
});

test("pasted markup is shown as text, never run", async () => {
  const { page, errors } = await openApp();
  const markup = '<img src=x onerror=alert(1)> on LFW';
  await paste(page, markup);
  await page.waitForSelector(".text-body");
  await page.waitForTimeout(400);
  assert.match(await page.locator(".text-body").innerText(), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.locator(".text-body img").count(), 0);
  assert.deepEqual(errors, [], "no alert, no error");
  await page.close();
});

test("a broken registry file is refused with its place, and the built-in one stays", async () => {
  const { page } = await openApp();
  await page.click("text=Registry");
  const broken = join(mkdtempSync(join(tmpdir(), "whichdata-")), "broken.json");
  writeFileSync(broken, '{\n  "format": "whichdata-registry",\n  "version": 1,,\n}\n');
  await page.setInputFiles("#registry-file", broken);
  const error = page.locator("[data-registry-error]");
  await error.waitFor();
  assert.match(await error.innerText(), /broken\.json: .*line 3, column 16/);
  assert.match(await page.locator(".loader").innerText(), /In use: the built-in registry/);
  await page.close();
});

test("the engine is callable from JavaScript and returns the CLI's object", async () => {
  const { page } = await openApp();
  await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.analyze);
  const report = await page.evaluate((t) => window.wasmBindings.analyze(t, []), TABLE7_DUKE);
  assert.ok(["identified", "ambiguous", "none"].includes(report.status));
  assert.ok(report.suggestions.some((s) => s.id === "D2"));
  assert.ok(Array.isArray(report.mentions) && Array.isArray(report.excerpts));
  await page.close();
});

test("nothing left the page's origin", () => {
  assert.ok(requests.length > 0);
  const outside = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("data:") && !u.startsWith("blob:"));
  assert.deepEqual(outside, []);
});
