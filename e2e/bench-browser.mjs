// Measures (does not test) how long the engine takes on a 10 KB snippet in
// headless Chromium, through the page's own JavaScript API. Run after
// `trunk build --release`:  node e2e/bench-browser.mjs
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "./server.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const PARAGRAPH =
  "We train the backbone on MS1MV2 and evaluate face verification on LFW, CFP-FP and AgeDB-30. " +
  "For person re-identification we report rank-1 and mAP on Market-1501 and DukeMTMC-reID, whose training split " +
  "holds 16,522 bounding boxes of 702 identities [12]. Ablations study the margin, the batch size and the learning rate. ";

const server = await serve(join(ROOT, "dist"));
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "whichdata-bench-")), {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const page = await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.analyze);
let text = "";
while (text.length < 10 * 1024) text += PARAGRAPH;
text = text.slice(0, 10 * 1024);
const result = await page.evaluate((t) => {
  const times = [];
  window.wasmBindings.analyze(t, []); // warm: builds the analyzer once
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    window.wasmBindings.analyze(t, []);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { runs: times.length, median_ms: times[times.length >> 1], p90_ms: times[Math.floor(times.length * 0.9)], min_ms: times[0] };
}, text);
console.log(JSON.stringify({ bytes: text.length, ...result, chromium: context.browser()?.version() ?? "debian chromium" }));
await context.close();
await server.close();
