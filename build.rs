//! Embeds the registry without its indentation.
//!
//! The repository keeps `registry.json` indented for people to read and
//! review; the library (and so the page's first load) carries the same JSON
//! compacted, about a third fewer bytes. The file is parsed here, so a
//! syntax error stops the build with its place; the registry's rules, and
//! that the compact copy loads to the same registry as the file, are
//! checked by the test suite.

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=registry.json");
    let text = std::fs::read_to_string("registry.json")
        .unwrap_or_else(|e| panic!("cannot read registry.json: {e}"));
    let value: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("registry.json:{}:{}: {e}", e.line(), e.column()));
    let compact = serde_json::to_string(&value).expect("a parsed JSON value serialises");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("registry.min.json"), compact)
        .unwrap_or_else(|e| panic!("cannot write the compact registry: {e}"));
}
