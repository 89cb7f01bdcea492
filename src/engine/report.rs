//! The report: what the engine concluded, as plain data for every front end.
//!
//! Reasons are an enum whose `Display` is the sentence a user reads; tests
//! check the variant, front ends print the text. Serialised, a reason is
//! `{"kind", "text", "span", "weight"}` so the CLI's JSON and the browser's
//! JavaScript API carry the same object.

use std::fmt;

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use crate::registry::{Cue, Quantity, Split};

/// The overall verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every dataset the text uses could be told apart from its relatives.
    Identified,
    /// The text uses a dataset it does not pin down: candidates remain.
    Ambiguous,
    /// Nothing in the registry is used.
    None,
}

impl Verdict {
    /// The lowercase word used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Identified => "identified",
            Verdict::Ambiguous => "ambiguous",
            Verdict::None => "none",
        }
    }
}

/// Everything the engine found in one text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// The overall verdict.
    pub status: Verdict,
    /// Entries the text most likely uses, best first.
    pub suggestions: Vec<Suggestion>,
    /// Entries left open where the text is ambiguous, best first.
    pub candidates: Vec<Suggestion>,
    /// What would settle each ambiguity.
    pub settle: Vec<String>,
    /// Each decision by family of related entries, with its own verdict.
    pub groups: Vec<Group>,
    /// Every place the text names a registry entry.
    pub mentions: Vec<Mention>,
    /// The passages around those places (the study's own method).
    pub excerpts: Vec<Excerpt>,
}

/// One family's decision: which of related entries the text uses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// The family.
    pub family: String,
    /// Identified (one entry clearly ahead) or ambiguous.
    pub status: Verdict,
    /// The chosen entry, or the ones left open, best first.
    pub ids: Vec<String>,
    /// What would settle it, when ambiguous.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub settle: Option<String>,
}

/// An entry the text may use, with how sure the engine is and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    /// Registry id.
    pub id: String,
    /// Registry name.
    pub name: String,
    /// Its family.
    pub family: String,
    /// Probability that the text uses it (see ARCHITECTURE.md for the model).
    pub confidence: f64,
    /// The evidence, strongest first.
    pub reasons: Vec<Reason>,
}

/// Where the text names an entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// The words as written.
    pub text: String,
    /// Byte span in the text.
    pub span: (usize, usize),
    /// The entry it names (the first, when the name is shared).
    pub entry: String,
    /// Every entry the name may mean.
    pub entries: Vec<String>,
    /// Found as a near spelling rather than exactly.
    pub fuzzy: bool,
}

/// A passage around one or more mentions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Excerpt {
    /// Byte span of the passage.
    pub span: (usize, usize),
    /// The passage.
    pub text: String,
    /// Ids named in it.
    pub entries: Vec<String>,
}

/// One piece of evidence for or against an entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    /// What the evidence is.
    pub kind: ReasonKind,
    /// Byte span in the text it rests on; `None` for evidence from the
    /// reference list or the registry alone.
    pub span: Option<(usize, usize)>,
    /// Its weight in log-odds: positive supports, negative counts against.
    pub weight: f64,
}

/// The kinds of evidence.
#[derive(Clone, Debug, PartialEq)]
pub enum ReasonKind {
    /// The text names the entry.
    Named {
        /// As written.
        written: String,
    },
    /// The text names it with a small misspelling.
    NamedNearly {
        /// As written.
        written: String,
        /// The registry's spelling.
        name: String,
    },
    /// The text names a parent or relative, whose evidence passes to its family.
    NamedRelative {
        /// As written.
        written: String,
        /// The entry that name belongs to.
        relative: String,
    },
    /// The sentence naming it says it is used.
    UsedHere {
        /// The words that say so.
        words: String,
    },
    /// The text names it without saying it is used.
    OnlyMentioned,
    /// The reference list cites one of its papers.
    CitesPaper {
        /// The paper, cited short.
        paper: String,
        /// The entry's tie to the paper.
        role: &'static str,
    },
    /// The study's rate of use among papers citing that paper.
    CitationRate {
        /// Uses documented among papers citing it.
        uses: u32,
        /// Papers citing it that the study read.
        sampled: u32,
        /// Of the uses, those of derivatives whose users cite this paper too.
        derived: u32,
    },
    /// An in-text marker beside the name resolves to one of its papers.
    MarkerResolves {
        /// The marker as written.
        marker: String,
        /// The paper, cited short.
        paper: String,
    },
    /// The cited paper introduced another entry as well, which explains the citation.
    SharedPaper {
        /// The other entry.
        other: String,
    },
    /// A count in the text agrees with the entry's statistics.
    StatisticFits {
        /// As written.
        written: String,
        /// What is counted.
        quantity: Quantity,
        /// The split it matches.
        split: Split,
        /// The registry's value.
        value: u64,
        /// Exact agreement (rather than within rounding).
        exact: bool,
    },
    /// A count in the text contradicts the entry's statistics.
    StatisticConflicts {
        /// As written.
        written: String,
        /// What is counted.
        quantity: Quantity,
        /// The registry's values for it.
        values: String,
    },
    /// The text describes the data with a cue this entry has.
    CueFits {
        /// The cue.
        cue: Cue,
        /// As written.
        written: String,
    },
    /// The text describes the data with a cue this entry lacks.
    CueMissing {
        /// The cue.
        cue: Cue,
        /// As written.
        written: String,
    },
    /// The entry is a variant the text does not describe.
    VariantNotDescribed {
        /// The cue that makes it a variant.
        cue: Cue,
    },
    /// The paper's task is the one this entry benchmarks.
    TaskFits {
        /// The task cue.
        cue: Cue,
        /// As written.
        written: String,
    },
    /// The text reports experiments.
    Experiments {
        /// The words that say so.
        words: String,
    },
    /// Nothing in the text names or cites it.
    NoDirectEvidence,
    /// The text is a survey or discusses datasets rather than using one.
    Discussion {
        /// The words that say so.
        words: String,
    },
    /// The most used of the entries that fit equally (study's documented uses).
    MostUsed {
        /// Uses the study documented.
        uses: u32,
    },
}

impl ReasonKind {
    /// A stable snake_case name for programs.
    pub fn name(&self) -> &'static str {
        match self {
            ReasonKind::Named { .. } => "named",
            ReasonKind::NamedNearly { .. } => "named_nearly",
            ReasonKind::NamedRelative { .. } => "named_relative",
            ReasonKind::UsedHere { .. } => "used_here",
            ReasonKind::OnlyMentioned => "only_mentioned",
            ReasonKind::CitesPaper { .. } => "cites_paper",
            ReasonKind::CitationRate { .. } => "citation_rate",
            ReasonKind::MarkerResolves { .. } => "marker_resolves",
            ReasonKind::SharedPaper { .. } => "shared_paper",
            ReasonKind::StatisticFits { .. } => "statistic_fits",
            ReasonKind::StatisticConflicts { .. } => "statistic_conflicts",
            ReasonKind::CueFits { .. } => "cue_fits",
            ReasonKind::CueMissing { .. } => "cue_missing",
            ReasonKind::VariantNotDescribed { .. } => "variant_not_described",
            ReasonKind::TaskFits { .. } => "task_fits",
            ReasonKind::Experiments { .. } => "experiments",
            ReasonKind::NoDirectEvidence => "no_direct_evidence",
            ReasonKind::Discussion { .. } => "discussion",
            ReasonKind::MostUsed { .. } => "most_used",
        }
    }
}

impl fmt::Display for ReasonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReasonKind::Named { written } => write!(f, "The text names it: “{written}”."),
            ReasonKind::NamedNearly { written, name } => {
                write!(
                    f,
                    "The text names it with a small misspelling: “{written}” for {name}."
                )
            }
            ReasonKind::NamedRelative { written, relative } => write!(
                f,
                "The text names “{written}” ({relative}), a relative in the same family; the name alone does not say which version was used."
            ),
            ReasonKind::UsedHere { words } => {
                write!(f, "The sentence that names it says it is used: “{words}”.")
            }
            ReasonKind::OnlyMentioned => write!(
                f,
                "The text names it but does not say it trains or evaluates on it."
            ),
            ReasonKind::CitesPaper { paper, role } => {
                write!(f, "The reference list cites its {role} paper, {paper}.")
            }
            ReasonKind::CitationRate {
                uses,
                sampled,
                derived,
            } => write!(
                f,
                "Of {sampled} papers citing that paper, the study found {uses} used {}, so a citation alone is {} evidence.",
                if *derived > 0 {
                    "this dataset or a derivative of it"
                } else {
                    "this dataset"
                },
                if *uses * 2 >= *sampled {
                    "fair"
                } else {
                    "weak"
                }
            ),
            ReasonKind::MarkerResolves { marker, paper } => {
                write!(f, "The citation {marker} beside the name is {paper}.")
            }
            ReasonKind::SharedPaper { other } => write!(
                f,
                "The cited paper also introduced {other}, which the text names, so the citation may be for that instead."
            ),
            ReasonKind::StatisticFits {
                written,
                quantity,
                split,
                value,
                exact,
            } => write!(
                f,
                "The text's “{written}” {} its {} {} ({}).",
                if *exact {
                    "matches exactly"
                } else {
                    "is close to"
                },
                split.as_str(),
                quantity.as_str(),
                thousands(*value)
            ),
            ReasonKind::StatisticConflicts {
                written,
                quantity,
                values,
            } => {
                write!(
                    f,
                    "The text's “{written}” does not fit its {} ({values}).",
                    quantity.as_str()
                )
            }
            ReasonKind::CueFits { cue, written } => {
                write!(
                    f,
                    "The text describes the data as {} (“{written}”), as this entry is.",
                    cue_words(*cue)
                )
            }
            ReasonKind::CueMissing { cue, written } => write!(
                f,
                "The text describes the data as {} (“{written}”), which this entry is not documented to be.",
                cue_words(*cue)
            ),
            ReasonKind::VariantNotDescribed { cue } => {
                write!(
                    f,
                    "This entry is a {} variant, which the text does not describe.",
                    cue_words(*cue)
                )
            }
            ReasonKind::TaskFits { cue, written } => {
                write!(
                    f,
                    "The paper works on {} (“{written}”), which this dataset benchmarks.",
                    cue_words(*cue)
                )
            }
            ReasonKind::Experiments { words } => {
                write!(f, "The text reports experiments: “{words}”.")
            }
            ReasonKind::NoDirectEvidence => {
                write!(f, "The text neither names it nor cites its paper.")
            }
            ReasonKind::Discussion { words } => {
                write!(
                    f,
                    "The text discusses rather than uses datasets: “{words}”."
                )
            }
            ReasonKind::MostUsed { uses } => write!(
                f,
                "Of the versions that fit the text equally, this is the one the study found most used ({uses} documented uses)."
            ),
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.kind.fmt(f)
    }
}

impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Reason", 4)?;
        s.serialize_field("kind", self.kind.name())?;
        s.serialize_field("text", &self.kind.to_string())?;
        s.serialize_field("span", &self.span.map(|(a, b)| [a, b]))?;
        s.serialize_field("weight", &((self.weight * 100.0).round() / 100.0))?;
        s.end()
    }
}

/// How a cue reads in a sentence.
pub(crate) fn cue_words(cue: Cue) -> &'static str {
    match cue {
        Cue::Reid => "person re-identification",
        Cue::Video => "video",
        Cue::Tracking => "tracking",
        Cue::Detection => "detection",
        Cue::MultiCamera => "multi-camera",
        Cue::Attributes => "attribute-labelled",
        Cue::Landmarks => "landmark-annotated",
        Cue::Aligned => "aligned",
        Cue::Funneled => "funneled",
        Cue::Frontalized => "frontalized",
        Cue::Cropped => "cropped",
        Cue::Occluded => "occluded",
        Cue::Masked => "masked",
        Cue::Cleaned => "cleaned",
        Cue::LowShot => "low-shot",
        Cue::PretrainedModel => "a pre-trained model",
        Cue::FaceVerification => "face verification",
        Cue::FaceIdentification => "face recognition",
        Cue::Demographics => "demographically labelled",
        Cue::Age => "age-labelled",
        Cue::Gender => "gender-labelled",
        Cue::Ethnicity => "ethnicity-labelled",
        Cue::ThreeD => "3D",
        Cue::Group => "group",
        Cue::LargeScale => "large-scale",
        Cue::Expression => "facial expression",
        Cue::AntiSpoofing => "anti-spoofing",
        Cue::Heterogeneous => "heterogeneous (NIR or sketch)",
        Cue::VideoFaces => "video faces",
        Cue::Pose => "pose-varied",
    }
}

/// A count with thousands separators, as reasons print it: 16522 → "16,522".
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
