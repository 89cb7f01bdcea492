#!/usr/bin/env bash
# Installs what the web app's build needs, skipping whatever is already
# there: the wasm target, Trunk, wasm-bindgen's CLI (the same version as the
# wasm-bindgen crate in Cargo.lock) and wasm-opt (from npm's binaryen). Every
# piece comes from crates.io or npm through their own clients: nothing is
# downloaded from anywhere else, so the build also works offline once set up.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen version pinned in Cargo.toml / Cargo.lock.
WASM_BINDGEN_VERSION=0.2.130

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  # 0.22 needs a newer rustc; without --locked it does not compile.
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  # Not --locked: one of its locked dependencies is no longer on crates.io.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund
fi
