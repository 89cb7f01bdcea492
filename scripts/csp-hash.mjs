// Trunk post-build hook: puts the SHA-256 of the page's one inline script
// (Trunk's wasm loader, whose text changes with each build's file hashes)
// into the Content-Security-Policy, so exactly that script may run and no
// other inline script can.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? "dist";
const file = join(dir, "index.html");
const html = readFileSync(file, "utf8");
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length !== 1) {
  console.error(`csp-hash: expected exactly one inline script in ${file}, found ${inline.length}`);
  process.exit(1);
}
const hash = createHash("sha256").update(inline[0], "utf8").digest("base64");
const placeholder = "sha256-TRUNK_INLINE_SCRIPT_HASH";
if (!html.includes(placeholder)) {
  console.error(`csp-hash: no ${placeholder} placeholder in ${file}`);
  process.exit(1);
}
writeFileSync(file, html.replace(placeholder, `sha256-${hash}`));
console.log(`csp-hash: allowed the loader script sha256-${hash}`);
