//! What survives a reload (localStorage) and what a link carries (the
//! `#text=` fragment, which browsers never send to a server).

use gloo::storage::{LocalStorage, Storage};

use crate::engine::{self, InUse};

const TEXT_KEY: &str = "whichdata.text";
const REFS_KEY: &str = "whichdata.refs";
const REGISTRY_KEY: &str = "whichdata.registry";
const REGISTRY_NAME_KEY: &str = "whichdata.registry.name";
/// The loaded registry in compact form, one character per byte (U+0000 to
/// U+00FF), so that a visit reads it back without a JSON parser.
const REGISTRY_COMPACT_KEY: &str = "whichdata.registry.compact";

/// The text and references saved by the last visit.
pub fn saved_input() -> (String, String) {
    (
        get_string(TEXT_KEY).unwrap_or_default(),
        get_string(REFS_KEY).unwrap_or_default(),
    )
}

/// Saves the text and references. A full storage quota is not worth an
/// error: the page works without it.
pub fn save_input(text: &str, refs: &str) {
    let _ = LocalStorage::set(TEXT_KEY, text);
    let _ = LocalStorage::set(REFS_KEY, refs);
}

/// The registry a user loaded on an earlier visit.
pub enum SavedRegistry {
    /// None: the built-in one is in use.
    None,
    /// Read back from its compact form, validated and compiled.
    Ready { name: String, analyzer: InUse },
    /// Its compact form is missing or was written by another version: the
    /// file's JSON must go through the file reader again.
    Reread { name: String, json: String },
}

/// The registry saved by the last visit. Read once, when the page starts.
pub fn saved_registry() -> SavedRegistry {
    let (Some(name), Some(json)) = (get_string(REGISTRY_NAME_KEY), get_string(REGISTRY_KEY)) else {
        return SavedRegistry::None;
    };
    let compact = LocalStorage::raw()
        .get_item(REGISTRY_COMPACT_KEY)
        .ok()
        .flatten()
        .and_then(|chars| bytes_from_chars(&chars));
    match compact.map(|bytes| engine::from_compact(&bytes)) {
        Some(Ok(analyzer)) => SavedRegistry::Ready { name, analyzer },
        _ => SavedRegistry::Reread { name, json },
    }
}

/// Keeps a loaded registry for the next visit: its file (the source of
/// truth, should the compact form change between versions) and its compact
/// form. The name is written last and only once the rest is stored, so a
/// visit never finds one registry's name beside another's data; if the
/// browser refuses any of it (a full quota), nothing is kept and the caller
/// says so.
pub fn save_registry(name: &str, json: &str, compact: &[u8]) -> Result<(), String> {
    forget_registry();
    let stored = LocalStorage::set(REGISTRY_KEY, json).is_ok()
        && LocalStorage::raw()
            .set_item(REGISTRY_COMPACT_KEY, &chars_from_bytes(compact))
            .is_ok()
        && LocalStorage::set(REGISTRY_NAME_KEY, name).is_ok();
    if stored {
        Ok(())
    } else {
        forget_registry();
        Err(format!(
            "{name} is in use for this visit, but this browser's storage would not keep it for the next one (it may be full)"
        ))
    }
}

/// Forgets a loaded registry: the next visit starts with the built-in one.
pub fn forget_registry() {
    LocalStorage::delete(REGISTRY_KEY);
    LocalStorage::delete(REGISTRY_NAME_KEY);
    LocalStorage::delete(REGISTRY_COMPACT_KEY);
}

/// A string saved by `LocalStorage::set` (which stores it as a JSON string
/// literal), read without a JSON parser: the page's first load carries
/// none.
fn get_string(key: &str) -> Option<String> {
    let raw = LocalStorage::raw().get_item(key).ok().flatten()?;
    json_string(&raw)
}

/// The value of a JSON string literal (`"a\"b\u00e9"`), or `None` if `raw`
/// is not exactly one.
fn json_string(raw: &str) -> Option<String> {
    let body = raw.strip_prefix('"')?.strip_suffix('"')?;
    let mut out = String::with_capacity(body.len());
    let mut chars = body.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next()? {
                '"' => out.push('"'),
                '\\' => out.push('\\'),
                '/' => out.push('/'),
                'b' => out.push('\u{8}'),
                'f' => out.push('\u{c}'),
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                'u' => {
                    let unit = hex4(&mut chars)?;
                    let code = if (0xd800..0xdc00).contains(&unit) {
                        // A surrogate pair: the low half must follow.
                        if chars.next()? != '\\' || chars.next()? != 'u' {
                            return None;
                        }
                        let low = hex4(&mut chars)?;
                        if !(0xdc00..0xe000).contains(&low) {
                            return None;
                        }
                        0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00)
                    } else {
                        unit
                    };
                    out.push(char::from_u32(code)?);
                }
                _ => return None,
            },
            '"' => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

fn hex4(chars: &mut std::str::Chars<'_>) -> Option<u32> {
    let mut value = 0;
    for _ in 0..4 {
        value = value * 16 + chars.next()?.to_digit(16)?;
    }
    Some(value)
}

/// Bytes as a string of one character per byte, which browser storage
/// keeps as it is (it stores text, not bytes).
fn chars_from_bytes(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

/// The inverse of [`chars_from_bytes`]; `None` if a character is not one
/// of its.
fn bytes_from_chars(chars: &str) -> Option<Vec<u8>> {
    chars.chars().map(|c| u8::try_from(c).ok()).collect()
}

/// The text carried by the page's `#text=` fragment, if any.
pub fn text_from_fragment() -> Option<String> {
    let hash = gloo::utils::window().location().hash().ok()?;
    let encoded = hash.strip_prefix("#text=")?;
    js_sys::decode_uri_component(encoded)
        .ok()
        .and_then(|s| s.as_string())
}

/// A link to this page that carries `text` in its fragment.
pub fn share_link(text: &str) -> Option<String> {
    let location = gloo::utils::window().location();
    let base = format!("{}{}", location.origin().ok()?, location.pathname().ok()?);
    let encoded: String = js_sys::encode_uri_component(text).into();
    Some(format!("{base}#text={encoded}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_string_reads_back_as_it_was_written() {
        // `LocalStorage::set` writes serde_json's string literal; the page
        // reads it back by hand.
        for text in [
            "",
            "plain",
            "We train on MS1MV2 and evaluate on LFW.",
            "quotes \" and \\ backslashes / slashes",
            "lines\nand\ttabs\r\u{8}\u{c}\u{1}\u{1f}",
            "é, Ångström, 中文, 𝔇𝔲𝔨𝔢, 🙂, \u{2028}\u{2029}",
        ] {
            let stored = serde_json::to_string(text).unwrap();
            assert_eq!(json_string(&stored).as_deref(), Some(text), "{stored}");
        }
        // Escapes other writers use.
        assert_eq!(
            json_string(r#""\u00e9\/\ud83d\ude42""#).as_deref(),
            Some("é/🙂")
        );
    }

    #[test]
    fn a_damaged_saved_string_is_not_read() {
        for raw in [
            r#"plain"#,
            r#""open"#,
            r#""a"b""#,
            r#""\x""#,
            r#""\u12""#,
            r#""\ud83d""#,
            r#""\ud83d\u0041""#,
        ] {
            assert_eq!(json_string(raw), None, "{raw}");
        }
    }

    #[test]
    fn bytes_survive_their_storage_as_characters() {
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(bytes_from_chars(&chars_from_bytes(&bytes)).unwrap(), bytes);
        assert_eq!(bytes_from_chars("a\u{100}"), None);
    }
}
