//! One document of a batch, as a line of JSON: `{"id", "text",
//! "references": [...]}`. Parsing is pure (bytes in, a document or the
//! reason it is not one out), so the CLI's batch and the fuzzer share it.

use serde_json::Value;

/// A document to analyse.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Whatever the line gave as `id` (echoed in the result), or `null`.
    pub id: Value,
    /// The text.
    pub text: String,
    /// Its reference entries.
    pub references: Vec<String>,
}

/// Why a line is not a document, with whatever id could be read.
#[derive(Clone, Debug, PartialEq)]
pub struct DocumentError {
    /// The line's `id`, if it had one.
    pub id: Value,
    /// What is wrong, in lowercase.
    pub message: String,
}

/// Parses one JSONL line into a document.
pub fn parse_document_line(bytes: &[u8]) -> Result<Document, DocumentError> {
    let fail = |id: Value, message: String| DocumentError { id, message };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        fail(
            Value::Null,
            format!(
                "not UTF-8 text (invalid byte at column {})",
                e.valid_up_to() + 1
            ),
        )
    })?;
    let value: Value = serde_json::from_str(text)
        .map_err(|e| fail(Value::Null, format!("not a JSON object: {e}")))?;
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let Some(doc_text) = value.get("text").and_then(Value::as_str) else {
        return Err(fail(id, "has no \"text\" string".to_string()));
    };
    let references = match value.get("references") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => {
            let mut refs = Vec::with_capacity(items.len());
            for item in items {
                match item.as_str() {
                    Some(s) => refs.push(s.to_string()),
                    None => return Err(fail(id, "\"references\" must hold strings".to_string())),
                }
            }
            refs
        }
        Some(_) => {
            return Err(fail(
                id,
                "\"references\" must be a list of strings".to_string(),
            ));
        }
    };
    Ok(Document {
        id,
        text: doc_text.to_string(),
        references,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_and_names_what_is_wrong() {
        let ok = parse_document_line(br#"{"id": 7, "text": "t", "references": ["a"]}"#).unwrap();
        assert_eq!(
            (ok.id, ok.text.as_str(), ok.references),
            (Value::from(7), "t", vec!["a".to_string()])
        );
        let cases: &[(&[u8], &str)] = &[
            (b"{\"id\": 1", "not a JSON object"),
            (b"\xff", "not UTF-8 text (invalid byte at column 1)"),
            (br#"{"id": "x"}"#, "has no \"text\" string"),
            (br#"{"text": "t", "references": [1]}"#, "must hold strings"),
            (
                br#"{"text": "t", "references": {}}"#,
                "must be a list of strings",
            ),
            (b"[]", "has no \"text\" string"),
        ];
        for (line, expected) in cases {
            let err = parse_document_line(line).unwrap_err();
            assert!(
                err.message.contains(expected),
                "{:?}: {}",
                String::from_utf8_lossy(line),
                err.message
            );
        }
    }
}
