//! The registry in a compact binary form, read without a JSON parser.
//!
//! `build.rs` writes the built-in registry in this form, so the page's first
//! load carries neither the JSON text nor serde_json's deserializers (issue
//! 11: about 27 KB of gzipped wasm for the parser alone). The page also keeps
//! a registry a user loaded in this form, so a later visit reads it back
//! without the parser, which lives in the lazily loaded worker.
//!
//! The layout is the model's fields in declaration order: lengths and
//! numbers as LEB128 varints, strings as a length and UTF-8 bytes, `Option`
//! as a 0/1 tag, enums as their variant's index. That layout changes with
//! the model, so a header names the form and its *form id*, which `build.rs`
//! derives from the text of this file and `model.rs`: a build reads only
//! registries written by a build of the same form, and refuses the others
//! rather than read their fields wrongly. Anything else (a truncated or
//! foreign byte string) is an error with the byte where it failed, never a
//! panic or an allocation the input cannot back.
//!
//! This file is also compiled into `build.rs` (beside `model.rs`), so it
//! uses nothing from the rest of the crate.

use std::collections::BTreeMap;

use super::model::*;

/// The first bytes of the form, before its form id.
const MAGIC: &[u8; 6] = b"WDREG\x00";
/// The header's length: the magic bytes and the form id.
const HEADER: usize = MAGIC.len() + 8;

/// Why a byte string is not a registry in this build's compact form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompactError {
    /// The byte offset where reading failed.
    pub at: usize,
    /// What was expected there.
    pub what: &'static str,
}

impl std::fmt::Display for CompactError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {}", self.what, self.at)
    }
}

/// The document in compact form, marked with `form` (the library's is
/// `COMPACT_FORM`).
pub fn encode(document: &RegistryDocument, form: u64) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&form.to_le_bytes());
    document.put(&mut out);
    out
}

/// Reads a document that [`encode`] wrote with the same `form`. It is not
/// validated here: the caller checks the registry's rules as for any file.
pub fn decode(bytes: &[u8], form: u64) -> Result<RegistryDocument, CompactError> {
    let Some(rest) = bytes.strip_prefix(MAGIC) else {
        return Err(CompactError {
            at: 0,
            what: "not a registry in compact form",
        });
    };
    if rest.get(..8) != Some(&form.to_le_bytes()[..]) {
        return Err(CompactError {
            at: MAGIC.len(),
            what: "a registry written by another version, whose compact form differs",
        });
    }
    let mut reader = Reader {
        bytes: &rest[8..],
        at: 0,
        offset: HEADER,
    };
    let document = RegistryDocument::take(&mut reader)?;
    if reader.at != reader.bytes.len() {
        return Err(reader.error("the end of the registry"));
    }
    Ok(document)
}

/// A cursor over the bytes being decoded.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// Bytes before `bytes` (the header), for error offsets.
    offset: usize,
}

impl Reader<'_> {
    /// An error at the current position.
    fn error(&self, what: &'static str) -> CompactError {
        self.error_at(self.at, what)
    }

    /// An error at `at`, where the value that failed began.
    fn error_at(&self, at: usize, what: &'static str) -> CompactError {
        CompactError {
            at: self.offset + at,
            what,
        }
    }

    fn byte(&mut self, what: &'static str) -> Result<u8, CompactError> {
        let b = *self.bytes.get(self.at).ok_or_else(|| self.error(what))?;
        self.at += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<u64, CompactError> {
        let start = self.at;
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte("a number")?;
            // The tenth byte holds only the 64th bit.
            if shift == 63 && b > 1 {
                break;
            }
            value |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(value);
            }
        }
        Err(self.error_at(start, "a number of at most 64 bits"))
    }

    /// A count of items still to read, each at least one byte long, so it
    /// cannot exceed the bytes left: a corrupt length fails here instead of
    /// reserving memory it cannot fill.
    fn count(&mut self) -> Result<usize, CompactError> {
        let start = self.at;
        let n = self.varint()?;
        let left = (self.bytes.len() - self.at) as u64;
        if n > left {
            return Err(self.error_at(start, "a length within the data"));
        }
        Ok(n as usize)
    }
}

fn put_varint(mut value: u64, out: &mut Vec<u8>) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// A value with a compact form.
trait Compact: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(r: &mut Reader<'_>) -> Result<Self, CompactError>;
}

impl Compact for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CompactError> {
        match r.byte("a flag")? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(r.error_at(r.at - 1, "a flag (0 or 1)")),
        }
    }
}

/// Unsigned integers, as varints.
macro_rules! compact_unsigned {
    ($($ty:ty),*) => {$(
        impl Compact for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                put_varint(u64::from(*self), out);
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, CompactError> {
                let start = r.at;
                let v = r.varint()?;
                <$ty>::try_from(v).map_err(|_| r.error_at(start, concat!("a number that fits ", stringify!($ty))))
            }
        }
    )*};
}
compact_unsigned!(u16, u32, u64);

impl Compact for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CompactError> {
        let n = r.count()?;
        let bytes = &r.bytes[r.at..r.at + n];
        let s = std::str::from_utf8(bytes).map_err(|_| r.error("UTF-8 text"))?;
        r.at += n;
        Ok(s.to_owned())
    }
}

impl<T: Compact> Compact for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            None => out.push(0),
            Some(v) => {
                out.push(1);
                v.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CompactError> {
        match r.byte("an optional value")? {
            0 => Ok(None),
            1 => T::take(r).map(Some),
            _ => Err(r.error_at(r.at - 1, "an optional value's tag (0 or 1)")),
        }
    }
}

impl<T: Compact> Compact for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        for item in self {
            item.put(out);
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CompactError> {
        let n = r.count()?;
        // Reserve for at most a few items up front: a count within the data
        // can still promise more items than their decoded size allows.
        let mut items = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            items.push(T::take(r)?);
        }
        Ok(items)
    }
}

impl<V: Compact> Compact for BTreeMap<String, V> {
    fn put(&self, out: &mut Vec<u8>) {
        put_varint(self.len() as u64, out);
        for (k, v) in self {
            k.put(out);
            v.put(out);
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CompactError> {
        let n = r.count()?;
        let mut map = BTreeMap::new();
        for _ in 0..n {
            let k = String::take(r)?;
            let v = V::take(r)?;
            map.insert(k, v);
        }
        Ok(map)
    }
}

/// A struct as its fields in order. Naming every field in the struct
/// literal makes a field added to the model and forgotten here a compile
/// error.
macro_rules! compact_struct {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {$(
        impl Compact for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                $( self.$field.put(out); )*
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, CompactError> {
                Ok($ty { $( $field: Compact::take(r)?, )* })
            }
        }
    )*};
}

compact_struct! {
    RegistryDocument { format, version, sources, entries }
    Paper { title, authors, year, venue, doi, arxiv, url }
    WebPage { title, url }
    Entry {
        id, name, kind, parent, family, summary, aliases, papers, statistics, cues,
        annotations, status, license, access, study, notes,
    }
    Alias { name, source, shared_with, case_sensitive, needs_context, note }
    PaperLink { source, role }
    Statistic { quantity, value, split, approximate, source, note }
    CueLink { cue, source }
    Annotation { label, sensitive, source }
    Status { state, date, statement, source, as_of, reports }
    StatusReport { state, date, statement, source, as_of }
    License { published, spdx, terms, prohibits_commercial_use, source }
    Terms { text, source }
    Access { url, archived, source }
    Note { text, source }
    StudyRecord {
        assoc_paper_sampled, papers_sampled, documented_uses, documented_uses_citing_assoc_paper,
        documented_uses_citing_parent_paper, parent_paper_source, uses_2020, new_application,
        attribute_annotations, post_processing, still_available, includes_original_images, source,
    }
}

/// A fieldless enum as its variant's index. The match in `put` names every
/// variant, so one added to the model and forgotten here does not compile.
macro_rules! compact_enum {
    ($($ty:ident [$($variant:ident),* $(,)?])*) => {$(
        impl Compact for $ty {
            fn put(&self, out: &mut Vec<u8>) {
                out.push(match self { $( $ty::$variant => $ty::$variant as u8, )* });
            }
            fn take(r: &mut Reader<'_>) -> Result<Self, CompactError> {
                let b = r.byte(concat!("a ", stringify!($ty)))?;
                $( if b == $ty::$variant as u8 { return Ok($ty::$variant); } )*
                Err(r.error_at(r.at - 1, concat!("a known ", stringify!($ty))))
            }
        }
    )*};
}

compact_enum! {
    EntryKind [Dataset, Model, AnnotationSet, Protocol]
    PaperRole [Associated, Requested, Related]
    Quantity [Identities, Images, Boxes, Videos, Tracklets, Frames, Cameras, Attributes, Landmarks, Pairs]
    Split [Total, Train, Test, Query, Gallery, Distractors, Validation, Probe, Subset]
    Cue [
        Reid, Video, Tracking, Detection, MultiCamera, Attributes, Landmarks, Aligned, Funneled,
        Frontalized, Cropped, Occluded, Masked, Cleaned, LowShot, PretrainedModel,
        FaceVerification, FaceIdentification, Demographics, Age, Gender, Ethnicity, ThreeD, Group,
        LargeScale, Expression, AntiSpoofing, Heterogeneous, VideoFaces, Pose,
    ]
    State [Available, Retracted, Unavailable, Unknown]
    CommercialUse [Yes, Some, No, NotGranted, Unknown]
    Availability [Yes, No, Partial]
}

impl Compact for Source {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Source::Paper(p) => {
                out.push(0);
                p.put(out);
            }
            Source::Web(w) => {
                out.push(1);
                w.put(out);
            }
        }
    }
    fn take(r: &mut Reader<'_>) -> Result<Self, CompactError> {
        match r.byte("a source")? {
            0 => Paper::take(r).map(Source::Paper),
            1 => WebPage::take(r).map(Source::Web),
            _ => Err(r.error_at(r.at - 1, "a known kind of source")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_header(body: &[u8]) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&7u64.to_le_bytes());
        bytes.extend_from_slice(body);
        bytes
    }

    #[test]
    fn a_number_past_64_bits_is_refused_where_it_begins() {
        // The format's length as a varint whose tenth byte holds more than
        // the 64th bit.
        let mut body = vec![0xff; 9];
        body.push(0x02);
        let err = decode(&with_header(&body), 7).unwrap_err();
        assert_eq!((err.at, err.what), (HEADER, "a number of at most 64 bits"));
        // The largest number that fits reads (and then is too long a
        // length for the data).
        let mut body = vec![0xff; 9];
        body.push(0x01);
        let err = decode(&with_header(&body), 7).unwrap_err();
        assert_eq!((err.at, err.what), (HEADER, "a length within the data"));
    }
}
