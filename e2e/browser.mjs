// Debian's headless Chromium for the tests and benchmarks, as root on a
// machine with no network: a fresh empty profile each run
// (launchPersistentContext takes it as its first argument rather than as
// --user-data-dir), and nothing that phones home.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

/** Launches Chromium; resolves to a playwright BrowserContext. */
export function launchChromium(options = {}) {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "whichdata-chromium-")), {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
    ...options,
  });
}
