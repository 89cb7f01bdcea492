//! Embeds the registry in the two forms the library reads, and the fitted
//! model's weights as constants.
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
//!
//! `model/weights.json` (written by `whichdata fit`) becomes Rust constants
//! for the same reason: the model compiled in is read without a JSON parser.
//! A test checks that they equal the file as `Model::from_json` reads it.

use std::path::PathBuf;

/// The library's data model, compiled into this script as well.
#[path = "src/registry/model.rs"]
#[allow(dead_code)]
mod model;

/// The library's compact form, compiled into this script as well.
#[path = "src/registry/compact.rs"]
#[allow(dead_code)]
mod compact;

/// The library's stable hash, for the compact form's id.
#[path = "src/text/hash.rs"]
#[allow(dead_code)]
mod hash;

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
    let form = compact_form();
    write(
        &out.join("compact_form.rs"),
        format!("{form:#018x}").as_bytes(),
    );
    write(&out.join("registry.bin"), &compact::encode(&document, form));
    write(&out.join("weights.rs"), model_constants().as_bytes());
}

/// `model/weights.json` as the constants `src/engine/model/mod.rs`
/// includes: each stage's weights by feature name, and the thresholds.
fn model_constants() -> String {
    println!("cargo::rerun-if-changed=model/weights.json");
    let text = std::fs::read_to_string("model/weights.json")
        .unwrap_or_else(|e| panic!("cannot read model/weights.json: {e}"));
    let doc: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("model/weights.json:{}:{}: {e}", e.line(), e.column()));
    let number = |v: &serde_json::Value, place: &str| {
        v.as_f64()
            .unwrap_or_else(|| panic!("model/weights.json: {place} is not a number"))
    };
    let weights = |key: &str| {
        let map = doc[key]
            .as_object()
            .unwrap_or_else(|| panic!("model/weights.json: \"{key}\" is not an object"));
        let pairs: Vec<String> = map
            .iter()
            .map(|(name, w)| format!("({name:?}, {:?})", number(w, name)))
            .collect();
        format!("&[{}]", pairs.join(", "))
    };
    // The thresholds' JSON keys and the fields they fill; a key not listed
    // stops the build, as `deny_unknown_fields` refuses it at run time.
    let thresholds = doc["thresholds"]
        .as_object()
        .expect("model/weights.json: \"thresholds\" is an object");
    let mut fields = vec![String::from("calibration: [1.0, 0.0, 0.0]")];
    for (key, value) in thresholds {
        let field = match key.as_str() {
            "use" => "use_probability",
            "confidence" | "ambiguous_share" | "open_share" | "named_version" => key,
            "calibration" => {
                let c: Vec<String> = value
                    .as_array()
                    .expect("calibration is an array")
                    .iter()
                    .map(|x| format!("{:?}", number(x, "calibration")))
                    .collect();
                fields[0] = format!("calibration: [{}]", c.join(", "));
                continue;
            }
            other => panic!("model/weights.json: unknown threshold \"{other}\""),
        };
        fields.push(format!("{field}: {:?}", number(value, key)));
    }
    format!(
        "/// Stage one's weights, by feature name.\n\
         const BUILTIN_USE_WEIGHTS: &[(&str, f64)] = {};\n\
         /// Stage two's weights, by feature name.\n\
         const BUILTIN_VERSION_WEIGHTS: &[(&str, f64)] = {};\n\
         /// The thresholds.\n\
         const BUILTIN_THRESHOLDS: Thresholds = Thresholds {{ {} }};\n",
        weights("use"),
        weights("version_weights"),
        fields.join(", ")
    )
}

/// The compact form's id: a hash (FNV-1a, the library's stable hash) of the
/// two files that define its layout, so that any change to them (a field, a
/// variant, their order) gives a new id, and a registry stored by another
/// build is refused instead of read wrongly.
fn compact_form() -> u64 {
    let mut layout = Vec::new();
    for path in ["src/registry/model.rs", "src/registry/compact.rs"] {
        layout.extend(std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}")));
    }
    hash::fnv1a(&layout)
}

fn write(path: &std::path::Path, bytes: &[u8]) {
    std::fs::write(path, bytes).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
