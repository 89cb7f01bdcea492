// End-to-end tests of the browser app in Debian's headless Chromium, driven
// by playwright-core (no browser download). Run by `make test` after
// `trunk build --release`; the dist/ folder is served on loopback.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launchChromium } from "./browser.mjs";
import { serve } from "./server.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const PDFS = join(ROOT, "tests/fixtures/pdf");
const ARTIFACTS = join(ROOT, "test-artifacts");
const TABLE7_DUKE =
  "Experiments were performed on four of the largest ReID benchmarks, i.e., Market1501 [45], CUHK03 [17], DukeMTMC [33], and MSMT17 [40]. DukeMTMC provides 16,522 bounding boxes of 702 identities for training and 17,661 for testing.";

let server;
let context;
const requests = [];

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serve(join(ROOT, "dist"));
  context = await launchChromium({ viewport: { width: 1280, height: 900 } });
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

/**
 * The built-in registry's own file with DukeMTMC-reID renamed `d2Name`,
 * written as `fileName`: a registry that differs from the built-in one
 * where a user can see it.
 */
function renamedRegistry(fileName, d2Name) {
  const registry = JSON.parse(readFileSync(join(ROOT, "registry.json"), "utf8"));
  registry.entries.find((e) => e.id === "D2").name = d2Name;
  const file = join(mkdtempSync(join(tmpdir(), "whichdata-")), fileName);
  writeFileSync(file, JSON.stringify(registry));
  return file;
}

/** Reloads the page and checks that it starts with the built-in registry. */
async function assertBuiltinAfterReload(page) {
  await page.reload();
  await page.click("text=Registry");
  assert.match(await page.locator(".loader").innerText(), /In use: the built-in registry/);
}

test("a loaded registry is read by the file reader, kept for the next visit, and reset", async () => {
  const { page, errors } = await openApp();
  await page.click("text=Registry");
  const mine = renamedRegistry("mine.json", "DukeMTMC-reID (my copy)");
  const before = requests.length;
  await page.setInputFiles("#registry-file", mine);
  await page.locator(".loader", { hasText: "In use: your registry “mine.json”" }).waitFor();
  assert.ok(requests.slice(before).some((u) => u.includes("pdf-worker")), "parsed by the file reader");
  await page.click("text=Analyse a text");
  await paste(page, TABLE7_DUKE);
  await page.locator('article.card[data-dataset-id="D2"]', { hasText: "(my copy)" }).waitFor();

  // The next visit reads it back from storage, without the file reader.
  const beforeReload = requests.length;
  await page.reload();
  await page.locator('article.card[data-dataset-id="D2"]', { hasText: "(my copy)" }).waitFor();
  assert.ok(!requests.slice(beforeReload).some((u) => u.includes("pdf-worker")), "read from its compact form");

  // A compact form this version cannot read (as after an upgrade): the
  // saved file goes through the file reader again, and nothing is lost.
  await page.evaluate(() => localStorage.setItem("whichdata.registry.compact", "stale"));
  await page.reload();
  await page.locator('article.card[data-dataset-id="D2"]', { hasText: "(my copy)" }).waitFor();

  await page.click("text=Registry");
  await page.click("text=Back to the built-in registry");
  await page.locator(".loader", { hasText: "In use: the built-in registry" }).waitFor();
  await assertBuiltinAfterReload(page);
  assert.deepEqual(errors, []);
  await page.close();
});

test("a registry the browser will not store stays in use for the visit, says so, and leaves nothing half-kept", async () => {
  const { page, errors } = await openApp();
  // A storage that refuses the compact form, as a full quota would.
  await page.evaluate(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key === "whichdata.registry.compact") throw new DOMException("full", "QuotaExceededError");
      return setItem.call(this, key, value);
    };
  });
  await page.click("text=Registry");
  await page.setInputFiles("#registry-file", renamedRegistry("unkept.json", "DukeMTMC-reID (unkept)"));
  await page.locator(".loader", { hasText: "In use: your registry “unkept.json”" }).waitFor();
  assert.match(await page.locator("[data-registry-error]").innerText(), /would not keep it/);
  const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("whichdata.registry")));
  assert.deepEqual(kept, [], "no name without its data, no data without its name");
  await assertBuiltinAfterReload(page);
  assert.deepEqual(errors, []);
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

/** Drops files on the input panel, as a user dragging them from a file manager would. */
async function dropFiles(page, names) {
  const files = names.map((name) => ({ name, b64: readFileSync(join(PDFS, name)).toString("base64") }));
  const dataTransfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const { name, b64 } of files) {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name, { type: "application/pdf" }));
    }
    return dt;
  }, files);
  await page.dispatchEvent(".input-panel", "dragover", { dataTransfer });
  await page.dispatchEvent(".input-panel", "drop", { dataTransfer });
}

test("the PDF reader is not loaded until a PDF is opened", async () => {
  const before = requests.length;
  const { page } = await openApp();
  await paste(page, TABLE7_DUKE);
  await page.locator('article.card[data-dataset-id="D2"]').waitFor();
  const loaded = requests.slice(before).filter((u) => u.includes("pdf-worker"));
  assert.deepEqual(loaded, [], "no worker script or wasm on first paint");
  await page.close();
});

test("a dropped two-column PDF is read in the page and comes out as DukeMTMC-reID", async () => {
  const { page, errors } = await openApp();
  await dropFiles(page, ["reid-two-column.pdf"]);
  await page.locator('.file.ready[aria-current="true"]').waitFor();
  assert.match(await page.locator(".file.ready").innerText(), /reid-two-column\.pdf\s+2 pages/);
  assert.match(await page.inputValue("textarea#text"), /16,522 training images of 702 identities/);
  // The analysis of the paper (not of the text restored from the last
  // visit) cites the reference list found in the PDF itself.
  const card = page.locator('article.card[data-dataset-id="D2"]', { hasText: "Ristani" });
  await card.waitFor();
  // The parent is named only in passing: it is not a finding.
  assert.equal(await page.locator('article.card[data-dataset-id="D1"]').count(), 0);
  assert.match(await page.locator(".attention").innerText(), /DukeMTMC-reID is derived from DukeMTMC \(retracted/);
  await page.screenshot({ path: join(ARTIFACTS, "pdf-dropped.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test("a face paper opened with the file button puts MS1MV2 first and flags its retracted parent", async () => {
  const { page, errors } = await openApp();
  await page.setInputFiles("#open-files", join(PDFS, "face-two-column.pdf"));
  await page.locator('article.card[data-dataset-id="D10"]').waitFor();
  const order = await page.locator(".cards article.card").evaluateAll((cards) => cards.map((c) => c.dataset.datasetId));
  assert.equal(order[0], "D10", `attention first: ${order}`);
  assert.ok(order.includes("D18"), `LFW is found: ${order}`);
  assert.ok(!order.includes("D9"), `not the MS-Celeb-1M of its related work: ${order}`);
  assert.equal(await page.getAttribute(".attention", "data-severity"), "withdrawn");
  assert.deepEqual(errors, []);
  await page.close();
});

test("several PDFs at once: broken ones say why, the first readable one is shown, the rest wait", async () => {
  const { page, errors } = await openApp();
  await dropFiles(page, ["no-text-layer.pdf", "encrypted.pdf", "reid-author-year.pdf", "face-two-column.pdf"]);
  await page.locator(".file.failed").nth(1).waitFor();
  await page.locator(".file.ready").nth(1).waitFor();
  const failed = await page.locator(".file.failed").allInnerTexts();
  assert.ok(failed.some((t) => /no text layer/.test(t)), failed.join("\n"));
  assert.ok(failed.some((t) => /encrypted with a password/.test(t)), failed.join("\n"));
  const shown = await page.locator('.file[aria-current="true"] .file-name').innerText();
  assert.ok(["reid-author-year.pdf", "face-two-column.pdf"].includes(shown), shown);
  // Switching to the other paper analyses it.
  await page.locator(".file.ready:not([aria-current]) button").click();
  await page.locator('.file[aria-current="true"]').waitFor();
  const other = await page.locator('.file[aria-current="true"] .file-name').innerText();
  assert.notEqual(other, shown);
  const want = other === "face-two-column.pdf" ? "D10" : "D2";
  await page.locator(`article.card[data-dataset-id="${want}"]`).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test("the batch report opens from disk and loads nothing", async () => {
  // A folder of 20 PDFs: every fixture, then copies of the two-column papers.
  const dir = mkdtempSync(join(tmpdir(), "whichdata-report-"));
  const papers = join(dir, "submissions");
  mkdirSync(papers);
  const fixtures = ["reid-two-column.pdf", "face-two-column.pdf", "reid-author-year.pdf", "long-10.pdf",
    "long-30.pdf", "encrypted.pdf", "no-text-layer.pdf", "owner-locked.pdf"];
  for (let i = 0; i < 20; i++) {
    const from = i < fixtures.length ? fixtures[i] : fixtures[i % 2];
    copyFileSync(join(PDFS, from), join(papers, `${String(i + 1).padStart(2, "0")}-${from}`));
  }
  const report = join(dir, "report.html");
  const run = spawnSync("cargo", ["run", "--locked", "--quiet", "--bin", "whichdata", "--", "batch", papers, "--html", report, "--no-fail"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr);
  const page = await context.newPage();
  const seen = [];
  page.on("request", (r) => seen.push(r.url()));
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto("file://" + report);
  await page.locator("#paper-table tbody tr").first().waitFor();
  // The script runs (allowed by its hash): filtering works.
  await page.selectOption("#show", "error");
  const shown = await page.locator("#paper-table tbody tr:not(.hidden)").count();
  assert.equal(shown, 2, "the encrypted PDF and the scan");
  assert.equal(await page.locator("#paper-table tbody tr").count(), 20);
  await page.selectOption("#show", "");
  await page.locator("button.pick", { hasText: "D2 DukeMTMC-reID" }).click();
  assert.match(await page.locator("#shown").innerText(), /using D2/);
  await page.screenshot({ path: join(ARTIFACTS, "batch-report.png"), fullPage: false });
  assert.deepEqual(seen.filter((u) => !u.startsWith("file://")), []);
  assert.deepEqual(errors, []);
  await page.close();
});

test("the exports are made in the page and downloaded: Scholix links with the paper's DOI, Croissant and DataCite records", async () => {
  const { page, errors } = await openApp();
  await paste(page, TABLE7_DUKE);
  await page.locator('article.card[data-dataset-id="D2"]').waitFor();
  const sent = requests.length;
  await page.locator("details.exports summary").click();
  await page.fill("input.paper-id", "https://doi.org/10.1000/review-42");
  const save = async (kind) => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click(`button[data-export="${kind}"]`),
    ]);
    const text = readFileSync(await download.path(), "utf8");
    const name = download.suggestedFilename();
    // Scholix: one JSON array; Croissant and DataCite: one record per line.
    const json = name.endsWith(".jsonl") ? text.trim().split("\n").map((l) => JSON.parse(l)) : JSON.parse(text);
    return { name, json };
  };
  const scholix = await save("scholix");
  assert.equal(scholix.name, "whichdata-scholix.json");
  const duke = scholix.json.find((l) => l["x-whichdata"].entry === "D2");
  assert.ok(duke, "a link to DukeMTMC-reID");
  assert.deepEqual(duke.Source.Identifier, { ID: "10.1000/review-42", IDScheme: "doi", IDURL: "https://doi.org/10.1000/review-42" });
  assert.equal(duke.RelationshipType.Name, "References");
  const croissant = await save("croissant");
  assert.equal(croissant.name, "whichdata-croissant.jsonl");
  const record = croissant.json.find((r) => r.name === "DukeMTMC-reID");
  assert.equal(record["prov:wasDerivedFrom"]["prov:label"], "DukeMTMC");
  assert.ok(record.conformsTo.includes("http://mlcommons.org/croissant/1.1"));
  const datacite = await save("datacite");
  assert.equal(datacite.json.find((r) => r.id === "D2").relatedIdentifiers[0].relationType, "IsDerivedFrom");
  // The files came from the page's memory: no request but blob: ones.
  assert.deepEqual(requests.slice(sent).filter((u) => !u.startsWith("blob:")), []);
  await page.screenshot({ path: join(ARTIFACTS, "exports.png"), fullPage: false });
  assert.deepEqual(errors, []);
  await page.close();
});

test("nothing left the page's origin", () => {
  assert.ok(requests.length > 0);
  // file:// is the batch report opened from disk (its own test checks it loads nothing else).
  const outside = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("data:") && !u.startsWith("blob:") && !u.startsWith("file://"));
  assert.deepEqual(outside, []);
});
