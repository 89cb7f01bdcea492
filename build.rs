//! Embeds the registry in the two forms the library reads.
//!
//! The repository keeps `registry.json` indented for people to read and
//! review. The library carries it compacted (about a third fewer bytes),
//! for the tools that show or export the file, and in the binary form of
//! `src/registry/compact.rs`, which is what it loads: a page that starts
//! from the binary form needs no JSON parser in its first load. The file is
//! parsed here with the library's own model, so a syntax error or a field
//! the model does not know stops the build with its place; the registry's
//! rules, and that both forms load to the same registry as the file, are
//! checked by the test suite.

use std::path::PathBuf;

/// The library's data model, compiled into this script as well.
#[path = "src/registry/model.rs"]
#[allow(dead_code)]
mod model;

/// The library's compact form, compiled into this script as well.
#[path = "src/registry/compact.rs"]
#[allow(dead_code)]
mod compact;

fn main() {
    println!("cargo::rerun-if-changed=registry.json");
    println!("cargo::rerun-if-changed=src/registry/model.rs");
    println!("cargo::rerun-if-changed=src/registry/compact.rs");
    let text = std::fs::read_to_string("registry.json")
        .unwrap_or_else(|e| panic!("cannot read registry.json: {e}"));
    let document: model::RegistryDocument = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("registry.json:{}:{}: {e}", e.line(), e.column()));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let value: serde_json::Value =
        serde_json::from_str(&text).expect("the file parsed as a registry above");
    let minified = serde_json::to_string(&value).expect("a parsed JSON value serialises");
    write(&out.join("registry.min.json"), minified.as_bytes());
    write(&out.join("registry.bin"), &compact::encode(&document));
}

fn write(path: &std::path::Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
