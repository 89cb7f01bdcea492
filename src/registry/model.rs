//! The registry's data model: plain structs with public fields that mirror
//! `registry.json` one to one.
//!
//! Every fact that a user may act on (a number, a licence, a retraction) sits
//! next to the key of the source it comes from, so the front ends can always
//! answer "says who?". The shapes are deliberately flat: the engine reads
//! them, the CLI prints them, and the browser renders them without any
//! further translation layer.

use serde::{Deserialize, Serialize};

/// The whole registry document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegistryDocument {
    /// Always `"whichdata-registry"`; guards against loading some other JSON.
    pub format: String,
    /// The format version; this build reads version [`FORMAT_VERSION`].
    pub version: u32,
    /// Papers and web pages that facts point to, by key.
    pub sources: std::collections::BTreeMap<String, Source>,
    /// The datasets, derivatives, models, annotation sets and protocols.
    pub entries: Vec<Entry>,
}

/// The `format` marker a registry document must carry.
pub const FORMAT_NAME: &str = "whichdata-registry";
/// The registry format version this build understands.
pub const FORMAT_VERSION: u32 = 1;

/// Where a fact comes from: a paper or a web page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum Source {
    /// A published paper or technical report.
    Paper(Paper),
    /// A web page, README or archived copy of one.
    Web(WebPage),
}

impl Source {
    /// A one-line human-readable citation of the source.
    pub fn citation(&self) -> String {
        match self {
            Source::Paper(p) => p.citation(),
            Source::Web(w) => format!("{} <{}>", w.title, w.url),
        }
    }

    /// The paper, when this source is one.
    pub fn as_paper(&self) -> Option<&Paper> {
        match self {
            Source::Paper(p) => Some(p),
            Source::Web(_) => None,
        }
    }
}

/// A paper: enough bibliographic detail to match a reference-list entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Paper {
    /// The title as published.
    pub title: String,
    /// Authors in order, full names as printed.
    pub authors: Vec<String>,
    /// Year of publication.
    pub year: u16,
    /// Venue (conference, journal, or "technical report").
    pub venue: String,
    /// DOI, when the paper has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doi: Option<String>,
    /// arXiv identifier, when the paper has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arxiv: Option<String>,
    /// A stable URL for the paper.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Paper {
    /// "Zheng, Zheng, Yang (2017). Title. ICCV. doi:… arXiv:…"
    pub fn citation(&self) -> String {
        let surnames: Vec<&str> = self.authors.iter().map(|a| surname(a)).collect();
        let authors = match surnames.len() {
            0 => String::from("Anonymous"),
            1..=3 => surnames.join(", "),
            _ => format!("{} et al.", surnames[0]),
        };
        let mut s = format!("{authors} ({}). {}. {}.", self.year, self.title, self.venue);
        if let Some(doi) = &self.doi {
            s.push_str(&format!(" doi:{doi}"));
        }
        if let Some(arxiv) = &self.arxiv {
            s.push_str(&format!(" arXiv:{arxiv}"));
        }
        if self.doi.is_none()
            && self.arxiv.is_none()
            && let Some(url) = &self.url
        {
            s.push_str(&format!(" <{url}>"));
        }
        s
    }

    /// The first author's surname, as reference lists print it.
    pub fn first_author_surname(&self) -> Option<&str> {
        self.authors.first().map(|a| surname(a))
    }
}

/// The last whitespace-separated word of a full name ("Zhedong Zheng" → "Zheng").
fn surname(full_name: &str) -> &str {
    full_name.split_whitespace().last().unwrap_or(full_name)
}

/// A web page or README.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebPage {
    /// What the page is.
    pub title: String,
    /// Where it is (or was: archived copies are fine).
    pub url: String,
}

/// One dataset, derivative, pre-trained model, annotation set or protocol.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable id: the study's (`D1`–`D38`, `M1`–`M6`) or a lowercase slug.
    pub id: String,
    /// The name its creators use.
    pub name: String,
    /// What sort of thing it is.
    pub kind: EntryKind,
    /// The entry it derives from, by id.
    #[serde(default)]
    pub parent: Option<String>,
    /// The group of entries that compete for the same mentions.
    pub family: String,
    /// One sentence saying what it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Other names it goes by.
    #[serde(default)]
    pub aliases: Vec<Alias>,
    /// Its associated and requested papers.
    #[serde(default)]
    pub papers: Vec<PaperLink>,
    /// Counts that tell it apart from its relatives.
    #[serde(default)]
    pub statistics: Vec<Statistic>,
    /// What a text says when it means this entry.
    #[serde(default)]
    pub cues: Vec<CueLink>,
    /// Labels it ships beyond identity.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// Whether it can still be had, or was retracted.
    pub status: Status,
    /// Its licence(s) as published, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<License>,
    /// Where it can be (or could be) obtained.
    #[serde(default)]
    pub access: Vec<Access>,
    /// The study's Table 4 record, for the study's 44 entries.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub study: Option<StudyRecord>,
    /// Anything else a user should know.
    #[serde(default)]
    pub notes: Vec<Note>,
}

impl Entry {
    /// The name followed by every alias, in registry order.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(|a| a.name.as_str()))
    }
}

/// What sort of thing an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntryKind {
    /// Images or videos with labels.
    Dataset,
    /// A class of pre-trained models (weights), possibly from many repositories.
    Model,
    /// Labels for another dataset's images, without the images.
    AnnotationSet,
    /// An evaluation protocol (splits, pairs) over another dataset.
    Protocol,
}

impl EntryKind {
    /// The kebab-case name used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Dataset => "dataset",
            EntryKind::Model => "model",
            EntryKind::AnnotationSet => "annotation-set",
            EntryKind::Protocol => "protocol",
        }
    }
}

/// Another name an entry goes by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alias {
    /// The name as people write it.
    pub name: String,
    /// Where the name is seen used.
    pub source: String,
    /// Other entries that go by the same name (after normalisation); both
    /// sides must declare it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub shared_with: Vec<String>,
    /// Only this exact capitalisation means this entry (LFWA vs LFW-a).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub case_sensitive: bool,
    /// The name is also an ordinary word or a common acronym ("AR",
    /// "MORPH", "Duke", "Universe"): it counts as a mention only where the
    /// text writes it as the dataset does and gives it dataset context (a
    /// dataset or benchmark word, a use verb, a citation marker, a count, a
    /// list of other datasets). Implies `case_sensitive` spelling.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub needs_context: bool,
    /// How the name came about or where it is used, when that helps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A paper tied to an entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PaperLink {
    /// Key of a `paper` source.
    pub source: String,
    /// How the paper relates to the entry.
    pub role: PaperRole,
}

/// How a paper relates to an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PaperRole {
    /// The paper that introduced it.
    Associated,
    /// A paper its creators ask users to cite.
    Requested,
    /// A paper that describes it but did not introduce it.
    Related,
}

/// A count, such as "16,522 training bounding boxes".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statistic {
    /// What is counted.
    pub quantity: Quantity,
    /// The count.
    pub value: u64,
    /// Which part of the data it counts.
    pub split: Split,
    /// The source gives it as "about", "over" or rounded.
    #[serde(default)]
    pub approximate: bool,
    /// Where the number is stated.
    pub source: String,
    /// Anything needed to read the number right.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a statistic counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Quantity {
    /// Distinct people (identities, subjects, classes).
    Identities,
    /// Still images.
    Images,
    /// Bounding boxes (person crops).
    Boxes,
    /// Videos or sequences.
    Videos,
    /// Tracklets.
    Tracklets,
    /// Video frames.
    Frames,
    /// Cameras.
    Cameras,
    /// Annotated attributes.
    Attributes,
    /// Annotated landmarks per face.
    Landmarks,
    /// Verification pairs.
    Pairs,
}

impl Quantity {
    /// Every quantity, in display order.
    pub const ALL: [Quantity; 10] = [
        Quantity::Identities,
        Quantity::Images,
        Quantity::Boxes,
        Quantity::Videos,
        Quantity::Tracklets,
        Quantity::Frames,
        Quantity::Cameras,
        Quantity::Attributes,
        Quantity::Landmarks,
        Quantity::Pairs,
    ];

    /// The plural noun used in JSON and sentences.
    pub fn as_str(self) -> &'static str {
        match self {
            Quantity::Identities => "identities",
            Quantity::Images => "images",
            Quantity::Boxes => "boxes",
            Quantity::Videos => "videos",
            Quantity::Tracklets => "tracklets",
            Quantity::Frames => "frames",
            Quantity::Cameras => "cameras",
            Quantity::Attributes => "attributes",
            Quantity::Landmarks => "landmarks",
            Quantity::Pairs => "pairs",
        }
    }
}

/// Which part of a dataset a statistic counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Split {
    /// The whole dataset.
    Total,
    /// The training split.
    Train,
    /// The test split as a whole.
    Test,
    /// Query (probe) images of a retrieval benchmark.
    Query,
    /// Gallery images of a retrieval benchmark.
    Gallery,
    /// Distractors added to a gallery.
    Distractors,
    /// A validation split.
    Validation,
    /// Probe set of a verification or identification protocol.
    Probe,
    /// Some other part of the data, said in the statistic's note
    /// (DukeMTMC4ReID's identities seen by more than one camera): never
    /// compared with a text's total.
    Subset,
}

impl Split {
    /// The lowercase word used in JSON and sentences.
    pub fn as_str(self) -> &'static str {
        match self {
            Split::Total => "total",
            Split::Train => "train",
            Split::Test => "test",
            Split::Query => "query",
            Split::Gallery => "gallery",
            Split::Distractors => "distractors",
            Split::Validation => "validation",
            Split::Probe => "probe",
            Split::Subset => "subset",
        }
    }
}

/// A descriptive cue tied to an entry, with where it is documented.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueLink {
    /// The cue.
    pub cue: Cue,
    /// Where the entry is described this way.
    pub source: String,
}

/// Descriptive cues: the task and processing words that set derivatives
/// apart (an aligned LFW, a cleaned MS-Celeb-1M, a re-ID cut of DukeMTMC).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)] // Each variant is the word it names.
pub enum Cue {
    Reid,
    Video,
    Tracking,
    Detection,
    MultiCamera,
    Attributes,
    Landmarks,
    Aligned,
    Funneled,
    Frontalized,
    Cropped,
    Occluded,
    Masked,
    Cleaned,
    LowShot,
    PretrainedModel,
    FaceVerification,
    FaceIdentification,
    Demographics,
    Age,
    Gender,
    Ethnicity,
    ThreeD,
    Group,
    LargeScale,
    Expression,
    AntiSpoofing,
    Heterogeneous,
    VideoFaces,
    Pose,
}

impl Cue {
    /// The snake_case tag used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Cue::Reid => "reid",
            Cue::Video => "video",
            Cue::Tracking => "tracking",
            Cue::Detection => "detection",
            Cue::MultiCamera => "multi_camera",
            Cue::Attributes => "attributes",
            Cue::Landmarks => "landmarks",
            Cue::Aligned => "aligned",
            Cue::Funneled => "funneled",
            Cue::Frontalized => "frontalized",
            Cue::Cropped => "cropped",
            Cue::Occluded => "occluded",
            Cue::Masked => "masked",
            Cue::Cleaned => "cleaned",
            Cue::LowShot => "low_shot",
            Cue::PretrainedModel => "pretrained_model",
            Cue::FaceVerification => "face_verification",
            Cue::FaceIdentification => "face_identification",
            Cue::Demographics => "demographics",
            Cue::Age => "age",
            Cue::Gender => "gender",
            Cue::Ethnicity => "ethnicity",
            Cue::ThreeD => "three_d",
            Cue::Group => "group",
            Cue::LargeScale => "large_scale",
            Cue::Expression => "expression",
            Cue::AntiSpoofing => "anti_spoofing",
            Cue::Heterogeneous => "heterogeneous",
            Cue::VideoFaces => "video_faces",
            Cue::Pose => "pose",
        }
    }
}

/// A label an entry ships beyond identity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    /// What is labelled ("gender", "age", "40 face attributes").
    pub label: String,
    /// Whether it concerns a protected or sensitive trait.
    #[serde(default)]
    pub sensitive: bool,
    /// Where the annotation is documented.
    pub source: String,
}

/// Whether an entry can still be had.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Status {
    /// The state.
    pub state: State,
    /// When it was taken down (`YYYY` or `YYYY-MM`), for retractions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What its creators said, in brief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// Where the state is documented: required for every state but
    /// `unknown`, which has none (a status nobody documented cites nothing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The date the source gives for the state (`YYYY-MM` or
    /// `YYYY-MM-DD`): when it was said or the page was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
    /// Other dated reports of its state, kept where sources differ.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<StatusReport>,
}

/// A dated report of an entry's state from one source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusReport {
    /// The state it reports.
    pub state: State,
    /// The date of the event it reports, if any (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What it says, in brief.
    pub statement: String,
    /// Where.
    pub source: String,
    /// When the source said it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<String>,
}

/// Availability states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum State {
    /// Can be obtained from an official or documented place.
    Available,
    /// Taken down by its creators.
    Retracted,
    /// No longer obtainable, but not formally retracted.
    Unavailable,
    /// Nobody could find out.
    Unknown,
}

impl State {
    /// The word used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Available => "available",
            State::Retracted => "retracted",
            State::Unavailable => "unavailable",
            State::Unknown => "unknown",
        }
    }
}

/// The licence(s) an entry is published under.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct License {
    /// Licences as published ("custom" included; "none" where a place
    /// distributes it with no licence), one per distinct place it is offered.
    pub published: Vec<String>,
    /// The SPDX identifier of each published licence, `null` where none
    /// exists; same length as `published`.
    pub spdx: Vec<Option<String>>,
    /// Terms its distributor states that are not a licence (a README, a
    /// download form): "non-commercial research only".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<Terms>,
    /// Whether commercial use is forbidden, or not granted at all.
    pub prohibits_commercial_use: CommercialUse,
    /// Where the licence is documented.
    pub source: String,
}

/// Terms a distributor states for using an entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Terms {
    /// The terms, in brief.
    pub text: String,
    /// Where they are stated.
    pub source: String,
}

impl License {
    /// A short form for lists and cards: the licences (or that none is
    /// published), the distributor's terms, and what that means for
    /// commercial use.
    pub fn brief(&self) -> String {
        let mut s = if self.is_unrecorded() {
            String::from("no licence on record (nothing may be assumed)")
        } else if self.is_none_published() {
            String::from("no licence published (nothing is granted)")
        } else {
            format!("licence {}", self.published.join(", "))
        };
        for t in &self.terms {
            s.push_str(&format!(
                "; distributor's terms: {}",
                t.text.trim_end_matches('.')
            ));
        }
        s.push_str(&format!("; {}", self.prohibits_commercial_use.sentence()));
        s
    }

    /// The licences joined for display ("CC BY-NC-SA 4.0", or "none
    /// published").
    pub fn display(&self) -> String {
        if self.is_unrecorded() {
            String::from("none on record")
        } else if self.is_none_published() {
            String::from("none published")
        } else {
            self.published.join(", ")
        }
    }

    /// No place publishes a licence for it (the registry knows that much).
    pub fn is_none_published(&self) -> bool {
        !self.published.is_empty() && self.published.iter().all(|p| p == "none")
    }

    /// The registry records no licence, published or not: nothing is known.
    pub fn is_unrecorded(&self) -> bool {
        self.published.is_empty()
    }

    /// What a reader may and may not do, in one sentence that never takes
    /// silence for permission.
    pub fn summary(&self) -> String {
        let licences = if self.is_unrecorded() {
            String::from("No licence on record: no permission may be assumed")
        } else if self.is_none_published() {
            String::from(
                "No licence published: no permission is granted (all rights reserved by default)",
            )
        } else {
            format!("Licence: {}", self.published.join(", "))
        };
        let terms: Vec<&str> = self.terms.iter().map(|t| t.text.as_str()).collect();
        let terms = if terms.is_empty() {
            String::new()
        } else {
            format!("; the distributor's terms: {}", terms.join("; "))
        };
        format!(
            "{licences}{terms}; {}.",
            self.prohibits_commercial_use.sentence()
        )
    }
}

/// Whether a licence forbids commercial use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CommercialUse {
    /// Every published licence (or the distributor's terms) forbids it.
    Yes,
    /// Some published licences forbid it.
    Some,
    /// A published licence permits it.
    No,
    /// No licence grants it: nothing is published, so nothing is permitted.
    NotGranted,
    /// Nothing is known.
    Unknown,
}

impl CommercialUse {
    /// The word used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            CommercialUse::Yes => "yes",
            CommercialUse::Some => "some",
            CommercialUse::No => "no",
            CommercialUse::NotGranted => "not-granted",
            CommercialUse::Unknown => "unknown",
        }
    }

    /// What it means for a reader, as a clause.
    pub fn sentence(self) -> &'static str {
        match self {
            CommercialUse::Yes => "commercial use is forbidden",
            CommercialUse::Some => "some copies' licences or terms forbid commercial use",
            CommercialUse::No => "the licence permits commercial use on its terms",
            CommercialUse::NotGranted => {
                "commercial use is not permitted without the rights holders' consent"
            }
            CommercialUse::Unknown => {
                "whether commercial use is permitted is not clear: ask the distributor before any use"
            }
        }
    }
}

/// A place the entry can be (or could be) obtained.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Access {
    /// The address.
    pub url: String,
    /// Whether it is an archived copy (the live page is gone).
    #[serde(default)]
    pub archived: bool,
    /// Where this address is documented.
    pub source: String,
}

/// A sourced remark.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// The remark.
    pub text: String,
    /// Where it comes from.
    pub source: String,
}

/// The study's Table 4 row for one of its 44 entries (Peng, Mathur &
/// Narayanan 2021, `summary.csv`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StudyRecord {
    /// The study sampled papers citing the associated paper.
    pub assoc_paper_sampled: bool,
    /// Papers sampled that cite the associated paper.
    pub papers_sampled: Option<u32>,
    /// Uses the study could confirm.
    pub documented_uses: Option<u32>,
    /// Of those, uses that cite the associated paper.
    pub documented_uses_citing_assoc_paper: Option<u32>,
    /// Of the documented uses, those citing the parent's associated paper
    /// (known for DukeMTMC-reID from the study's appendix: 29 cited only the
    /// original, 50 both). Papers citing the parent use this derivative too.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documented_uses_citing_parent_paper: Option<u32>,
    /// Where the count of uses citing the parent's paper comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_paper_source: Option<String>,
    /// Documented uses in papers published in 2020 (not counted for LFW).
    pub uses_2020: Option<u32>,
    /// Enables a task that can raise ethical questions.
    pub new_application: bool,
    /// Adds sensitive attribute annotations.
    pub attribute_annotations: bool,
    /// Post-processes the original images (aligning, cropping, cleaning).
    pub post_processing: bool,
    /// Whether the study could still obtain it.
    pub still_available: Availability,
    /// Includes the original images in some form.
    pub includes_original_images: bool,
    /// Where the record comes from.
    pub source: String,
}

/// The study's "still available" column, which has a third value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Availability {
    /// It could be obtained.
    Yes,
    /// It could not.
    No,
    /// Not itself, but a way to rebuild it is available (Occluded-DukeMTMC).
    Partial,
}

impl Availability {
    /// The word used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Availability::Yes => "yes",
            Availability::No => "no",
            Availability::Partial => "partial",
        }
    }
}
