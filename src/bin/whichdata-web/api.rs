//! The engine, callable from JavaScript: `wasmBindings.analyze(text,
//! references)` returns the same object as `whichdata check --format json`,
//! so a reviewer's userscript or another page can use it. It uses the
//! registry the page is using (the built-in one unless the user loaded one).

use wasm_bindgen::prelude::*;

use crate::engine;

/// Analyses `text` with `references` (an array of strings, a single string,
/// or nothing) and returns the report as a plain object.
#[wasm_bindgen]
pub fn analyze(text: &str, references: JsValue) -> Result<JsValue, JsValue> {
    let references = references_of(references)?;
    let report = engine::published()
        .0
        .analyze(text, &references)
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    // One JSON text handed to the browser's own parser: far fewer calls
    // across the wasm boundary than building the object field by field.
    let json = serde_json::to_string(&report).map_err(|e| JsValue::from_str(&e.to_string()))?;
    js_sys::JSON::parse(&json)
}

/// The reference list as given: nothing, one string, or an array of strings.
fn references_of(references: JsValue) -> Result<Vec<String>, JsValue> {
    if references.is_undefined() || references.is_null() {
        return Ok(Vec::new());
    }
    if let Some(s) = references.as_string() {
        return Ok(vec![s]);
    }
    let not_strings = || JsValue::from_str("references must be an array of strings");
    if !js_sys::Array::is_array(&references) {
        return Err(not_strings());
    }
    js_sys::Array::from(&references)
        .iter()
        .map(|r| r.as_string().ok_or_else(not_strings))
        .collect()
}

#[cfg(all(test, target_arch = "wasm32"))]
mod tests {
    use wasm_bindgen::JsValue;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn analyze_returns_the_report_object() {
        let refs = JsValue::from(js_sys::Array::new());
        let value =
            super::analyze("We evaluate on DukeMTMC-reID and report rank-1.", refs).unwrap();
        let json = String::from(js_sys::JSON::stringify(&value).unwrap());
        let report: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(report["status"], "identified");
        assert_eq!(report["suggestions"][0]["id"], "D2");
        assert!(report["suggestions"][0]["reasons"][0]["text"].is_string());
    }

    #[wasm_bindgen_test]
    fn references_may_be_a_string_or_missing_but_not_numbers() {
        assert!(super::analyze("We use LFW.", JsValue::UNDEFINED).is_ok());
        assert!(super::analyze("We use LFW.", JsValue::from_str("[1] A. B. Title. 2019.")).is_ok());
        let err =
            super::analyze("We use LFW.", js_sys::JSON::parse("[1, 2]").unwrap()).unwrap_err();
        assert!(err.as_string().unwrap().contains("array of strings"));
    }

    #[wasm_bindgen_test]
    fn too_large_text_is_an_error_not_a_freeze() {
        let text = "a".repeat(whichdata::MAX_TEXT_BYTES + 1);
        let err = super::analyze(&text, JsValue::UNDEFINED).unwrap_err();
        assert!(err.as_string().unwrap().contains("too large"));
    }
}
