// Measures (does not test) opening a PDF in the page, in headless Chromium:
// the worker's extraction time, the engine's analysis time and the wall
// time from choosing the file to the result (which includes the page's
// 150 ms typing debounce and rendering). The first PDF also pays for
// fetching and compiling the worker. Run after `trunk build --release`:
//   node e2e/bench-pdf.mjs
import { join } from "node:path";
import { launchChromium } from "./browser.mjs";
import { serve } from "./server.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const PDFS = join(ROOT, "tests/fixtures/pdf");
const RUNS = 5;

const server = await serve(join(ROOT, "dist"));
const context = await launchChromium();
const page = await context.newPage();
await page.goto(server.url);
await page.waitForSelector("#open-files", { state: "attached" });

/** Opens `name` as the `count`-th file; resolves to its timings. */
async function open(name, count) {
  const start = Date.now();
  await page.setInputFiles("#open-files", join(PDFS, name));
  await page.waitForFunction((n) => document.querySelectorAll(".file.ready").length === n, count);
  const ready_ms = Date.now() - start;
  // The list shows the newest file first.
  const item = page.locator(".file.ready").first();
  const extract_ms = Number((await item.innerText()).match(/read in (\d+) ms/)[1]);
  const text = await page.inputValue("textarea#text");
  // The engine on the same text, through the page's own JavaScript API.
  const analyse_ms = await page.evaluate((t) => {
    const start = performance.now();
    window.wasmBindings.analyze(t, []);
    return performance.now() - start;
  }, text);
  return { bytes: text.length, extract_ms, ready_ms, analyse_ms };
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1];
const runs = { "long-10.pdf": [], "long-30.pdf": [] };
let count = 0;
for (let i = 0; i < RUNS; i++) {
  for (const name of Object.keys(runs)) runs[name].push(await open(name, ++count));
}
const results = {};
for (const [name, rs] of Object.entries(runs)) {
  results[name] = {
    text_bytes: rs[0].bytes,
    first_open_ms: rs[0].ready_ms,
    median_extract_ms: median(rs.map((r) => r.extract_ms)),
    median_file_to_text_ms: median(rs.map((r) => r.ready_ms)),
    median_analyse_ms: Math.round(median(rs.map((r) => r.analyse_ms)) * 10) / 10,
  };
}
console.log(JSON.stringify(results, null, 2));
await context.close();
await server.close();
