// Measures (does not test) how long the engine takes on a 10 KB snippet in
// headless Chromium, through the page's own JavaScript API. Run after
// `trunk build --release`:  node e2e/bench-browser.mjs
// (WHICHDATA_DIST=dir measures another build, to compare two side by side.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { launchChromium } from "./browser.mjs";
import { serve } from "./server.mjs";

const ROOT = new URL("..", import.meta.url).pathname;
const PARAGRAPH =
  "We train the backbone on MS1MV2 and evaluate face verification on LFW, CFP-FP and AgeDB-30. " +
  "For person re-identification we report rank-1 and mAP on Market-1501 and DukeMTMC-reID, whose training split " +
  "holds 16,522 bounding boxes of 702 identities [12]. Ablations study the margin, the batch size and the learning rate. ";

const server = await serve(process.env.WHICHDATA_DIST ?? join(ROOT, "dist"));
const context = await launchChromium();
const page = await context.newPage();
await page.goto(server.url);
await page.waitForFunction(() => window.wasmBindings && window.wasmBindings.analyze);
let text = "";
while (text.length < 10 * 1024) text += PARAGRAPH;
text = text.slice(0, 10 * 1024);
// V8 runs wasm first in its baseline compiler and recompiles the functions
// that stay hot, so a call's time depends on how many came before it:
// the first calls after loading (what a user's first keystrokes meet) and
// the steady state (every call after) are reported apart.
const result = await page.evaluate((t) => {
  const time = () => {
    const start = performance.now();
    window.wasmBindings.analyze(t, []);
    return performance.now() - start;
  };
  const sorted = (n) => Array.from({ length: n }, time).sort((a, b) => a - b);
  const first_ms = time(); // also builds the analyzer
  const early = sorted(20);
  for (let i = 0; i < 100; i++) time();
  const steady = sorted(200);
  return {
    first_ms,
    early_median_ms: early[early.length >> 1],
    runs: steady.length,
    median_ms: steady[steady.length >> 1],
    p90_ms: steady[Math.floor(steady.length * 0.9)],
    min_ms: steady[0],
  };
}, text);
// The scan limit: one JavaScript RegExp pass over the same text for every
// registry name and alias (case-insensitive), the least any name finder
// must do.
const registry = JSON.parse(readFileSync(join(ROOT, "registry.json"), "utf8"));
const names = registry.entries.flatMap((e) => [e.name, ...e.aliases.map((a) => a.name)]);
const scan = await page.evaluate(({ t, names }) => {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const re = new RegExp(names.map(escape).join("|"), "gi");
  // One pass is near the browser's 0.1 ms timer resolution: time 100
  // passes per sample.
  const PASSES = 100;
  const times = [];
  let found = (t.match(re) ?? []).length; // the first pass compiles it
  for (let i = 0; i < 21; i++) {
    const start = performance.now();
    for (let j = 0; j < PASSES; j++) found = (t.match(re) ?? []).length;
    times.push((performance.now() - start) / PASSES);
  }
  times.sort((a, b) => a - b);
  return { names: names.length, found, median_ms: times[times.length >> 1] };
}, { t: text, names });
console.log(JSON.stringify({
  bytes: text.length,
  ...result,
  regexp_scan: scan,
  ratio_to_scan: Math.round((result.median_ms / scan.median_ms) * 10) / 10,
  early_ratio_to_scan: Math.round((result.early_median_ms / scan.median_ms) * 10) / 10,
  chromium: context.browser()?.version() ?? "debian chromium",
}));
await context.close();
await server.close();
