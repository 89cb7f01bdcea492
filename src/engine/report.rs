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
    /// How a whole paper was read (title, sections, its own reference
    /// list); absent for a snippet with none of these.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outline: Option<Outline>,
}

/// A whole paper's parts, as the engine read them: names under Related
/// Work weigh less than names under Experiments, and the paper's own
/// reference list resolves its citation markers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Outline {
    /// The title, when the text opens with one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The section headings found, in order.
    pub sections: Vec<Section>,
    /// The reference section, when the text has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub references: Option<ReferenceSection>,
}

/// One section heading.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Section {
    /// The heading's words.
    pub heading: String,
    /// What the section is taken to be: `introduction`, `related-work`,
    /// `method`, `experiments`, `closing` or `other`.
    pub kind: &'static str,
    /// Byte span of the heading.
    pub span: (usize, usize),
}

/// The text's own reference list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ReferenceSection {
    /// Byte span of its entries.
    pub span: (usize, usize),
    /// Entries read from it.
    pub entries: usize,
}

/// One family's decision: which of related entries the text uses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    /// The family.
    pub family: String,
    /// Identified (each version used told apart) or ambiguous.
    pub status: Verdict,
    /// Probability that the text uses this group at all (stage one).
    pub probability: f64,
    /// The chosen entries, or the ones left open, best first.
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
    /// What the text does with it.
    pub role: Role,
    /// Probability that the text uses it: the group's probability of use
    /// times this member's probability of being the version (see
    /// ARCHITECTURE.md).
    pub confidence: f64,
    /// Stage one: probability that the text uses its group at all.
    pub group_probability: f64,
    /// Stage two: probability that, the group being used, this is the
    /// version (its share of the softmax over its relatives; 1 for an
    /// entry that has none).
    pub version_probability: f64,
    /// The evidence: stage one's reasons add up to the group's log-odds,
    /// stage two's to this member's score among its relatives; strongest
    /// first within each stage.
    pub reasons: Vec<Reason>,
}

/// What a text does with an entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// It trains, evaluates, fine-tunes or runs it.
    Used,
    /// It describes it (a dataset section, a README, a data card) without
    /// saying it is used.
    Described,
}

impl Role {
    /// The lowercase word used in JSON and on screen.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Used => "used",
            Role::Described => "described",
        }
    }
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
    /// The heading of the section it is in (`Title` for the title); absent
    /// before the first heading or in a text without any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

/// One piece of evidence for or against an entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    /// What the evidence is.
    pub kind: ReasonKind,
    /// Byte span in the text it rests on; `None` for evidence from the
    /// reference list or the registry alone.
    pub span: Option<(usize, usize)>,
    /// Its contribution in log-odds (fitted weight × value): positive
    /// supports, negative counts against.
    pub weight: f64,
    /// Which question it bears on.
    pub stage: Stage,
}

/// The two questions the engine asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Is the group (a family's datasets, or one model) used at all?
    Use,
    /// Which member of the group is it?
    Version,
}

/// The study's measured rate of use among papers citing a paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CitationRate {
    /// Uses documented among papers citing it.
    pub uses: u32,
    /// Papers citing it that the study read.
    pub sampled: u32,
    /// Of the uses, those of derivatives whose users cite this paper too.
    pub derived: u32,
}

/// The kinds of evidence. Each is one feature of the fitted model (see
/// `model::features`); its `Display` is the sentence a user reads.
#[derive(Clone, Debug, PartialEq)]
pub enum ReasonKind {
    /// The log-odds of use before any evidence.
    Prior,
    /// A model or protocol: named as a method far more often than run.
    ModelPrior,
    /// A sentence says the text uses it.
    NamedUsed {
        /// The name as written.
        written: String,
        /// The words that say it is used.
        words: String,
    },
    /// It is named in a sentence about using data, not tied to the use.
    NamedInUseSentence {
        /// The name as written.
        written: String,
        /// The use words of the sentence.
        words: String,
    },
    /// It is named in the title.
    NamedInTitle {
        /// The name as written.
        written: String,
    },
    /// It is named in a table.
    NamedInTable {
        /// The name as written.
        written: String,
    },
    /// It is named in a heading.
    NamedInHeading {
        /// The name as written.
        written: String,
    },
    /// The text speaks of datasets' ethics or retraction.
    DatasetEthics {
        /// The words that say so.
        words: String,
    },
    /// How often the text speaks of the data's domain.
    DomainWeight {
        /// How many times.
        times: usize,
    },
    /// The text proposes a method of its own.
    ProposesMethod {
        /// The words that say so.
        words: String,
    },
    /// The text is about generating images.
    Generative {
        /// The words that say so.
        words: String,
    },
    /// The text experiments on benchmarks it does not name.
    BenchmarksUnnamed {
        /// The words that say so.
        words: String,
    },
    /// Descriptive words elsewhere in the text fit this entry.
    CueFitsText {
        /// The cue.
        cue: Cue,
        /// As written.
        written: String,
    },
    /// Descriptive words elsewhere in the text fit a relative, not this entry.
    CueMissingText {
        /// The cue.
        cue: Cue,
        /// As written.
        written: String,
    },
    /// The text describes it.
    NamedDescribed {
        /// The name as written.
        written: String,
        /// The describing words.
        words: String,
    },
    /// The text names it without saying it is used.
    OnlyMentioned {
        /// The name as written.
        written: String,
    },
    /// It is named as the source of other data.
    NamedAsSource {
        /// The name as written.
        written: String,
        /// The words that make it a source.
        words: String,
    },
    /// It is named to be set against the work.
    NamedInContrast {
        /// The name as written.
        written: String,
        /// The contrasting words.
        words: String,
    },
    /// A whole paper names it only in related work, the introduction or the conclusion.
    NamedInRelatedWork {
        /// The name as written.
        written: String,
    },
    /// The text names it with a small misspelling.
    NamedNearly {
        /// As written.
        written: String,
        /// The registry's spelling.
        name: String,
    },
    /// Several sentences name it.
    NamedRepeatedly {
        /// How many.
        sentences: usize,
    },
    /// A model is named as something run.
    ModelRun {
        /// The name as written.
        written: String,
        /// The words that say it is run.
        words: String,
    },
    /// A release's own name (a checkpoint, a package) is written.
    ModelRelease {
        /// As written.
        written: String,
    },
    /// A model's name is used for its loss or method.
    ModelAsMethod {
        /// The name as written.
        written: String,
        /// The words that make it a method.
        words: String,
    },
    /// The text says what a model was trained on.
    TrainedOn {
        /// The model as written.
        model: String,
        /// The data as written.
        data: String,
        /// "trained on", "pre-trained on"…
        phrase: String,
        /// The data is of the model's own family.
        fits: bool,
    },
    /// The reference list cites one of its papers.
    CitesPaper {
        /// The paper, cited short.
        paper: String,
        /// The entry's tie to the paper.
        role: &'static str,
        /// The study's rate of use among papers citing it, if measured.
        rate: Option<CitationRate>,
        /// The marker beside a name in the text that points to it, if any.
        marker: Option<String>,
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
    /// The paper works on a task the data benchmarks.
    TaskFits {
        /// The task cue.
        cue: Cue,
        /// As written.
        written: String,
    },
    /// The paper works on another task (and does not name the data).
    OtherTask {
        /// The task cue.
        cue: Cue,
        /// As written.
        written: String,
    },
    /// Nothing in the text is of the data's domain (and it is not named).
    OffDomain,
    /// The text names other datasets for the task as used, not this one.
    OthersNamed {
        /// One of them, as written.
        written: String,
    },
    /// The text reports experiments.
    Experiments {
        /// The words that say so.
        words: String,
    },
    /// The text is a survey or discusses datasets rather than using one.
    Discussion {
        /// The words that say so.
        words: String,
    },
    /// Its own name, which no relative shares, is written.
    Named {
        /// As written.
        written: String,
    },
    /// Its own name is written where the text says it is used.
    OwnNameUsed {
        /// As written.
        written: String,
        /// The words that say so.
        words: String,
    },
    /// It is the original and its name is written; papers use that name
    /// for every version.
    OriginalNamed {
        /// As written.
        written: String,
    },
    /// A name it shares with relatives is written.
    SharedName {
        /// As written.
        written: String,
    },
    /// Only its original's name is written.
    VersionOfNamed {
        /// As written.
        written: String,
        /// The original.
        original: String,
    },
    /// A relative's own name is written, not its own.
    NamedRelative {
        /// As written.
        written: String,
        /// The entry that name belongs to.
        relative: String,
    },
    /// It is the original, and a version's own paper is cited.
    VersionPaperCited {
        /// The paper, cited short.
        paper: String,
        /// The version.
        version: String,
    },
    /// It is a version whose original's paper is cited (not its own).
    OriginalPaperCited {
        /// The paper, cited short.
        paper: String,
        /// The original.
        original: String,
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
    /// The paper's task is a relative's, not this entry's.
    TaskMissing {
        /// The task cue.
        cue: Cue,
        /// As written.
        written: String,
    },
    /// How often the study found it used (a prior between versions).
    MostUsed {
        /// Uses the study documented.
        uses: u32,
    },
    /// It is the family's original.
    IsOriginal,
}

impl ReasonKind {
    /// A stable snake_case name for programs.
    pub fn name(&self) -> &'static str {
        match self {
            ReasonKind::Prior => "prior",
            ReasonKind::ModelPrior => "model_prior",
            ReasonKind::NamedUsed { .. } => "named_used",
            ReasonKind::NamedInUseSentence { .. } => "named_in_use_sentence",
            ReasonKind::NamedInTitle { .. } => "named_in_title",
            ReasonKind::NamedInTable { .. } => "named_in_table",
            ReasonKind::NamedInHeading { .. } => "named_in_heading",
            ReasonKind::DatasetEthics { .. } => "dataset_ethics",
            ReasonKind::BenchmarksUnnamed { .. } => "benchmarks_unnamed",
            ReasonKind::DomainWeight { .. } => "domain_weight",
            ReasonKind::ProposesMethod { .. } => "proposes_method",
            ReasonKind::Generative { .. } => "generative",
            ReasonKind::CueFitsText { .. } => "cue_fits_text",
            ReasonKind::CueMissingText { .. } => "cue_missing_text",
            ReasonKind::NamedDescribed { .. } => "named_described",
            ReasonKind::OnlyMentioned { .. } => "only_mentioned",
            ReasonKind::NamedAsSource { .. } => "named_as_source",
            ReasonKind::NamedInContrast { .. } => "named_in_contrast",
            ReasonKind::NamedInRelatedWork { .. } => "named_in_related_work",
            ReasonKind::NamedNearly { .. } => "named_nearly",
            ReasonKind::NamedRepeatedly { .. } => "named_repeatedly",
            ReasonKind::ModelRun { .. } => "model_run",
            ReasonKind::ModelRelease { .. } => "model_release",
            ReasonKind::ModelAsMethod { .. } => "model_as_method",
            ReasonKind::TrainedOn { .. } => "trained_on",
            ReasonKind::CitesPaper { .. } => "cites_paper",
            ReasonKind::SharedPaper { .. } => "shared_paper",
            ReasonKind::StatisticFits { .. } => "statistic_fits",
            ReasonKind::StatisticConflicts { .. } => "statistic_conflicts",
            ReasonKind::TaskFits { .. } => "task_fits",
            ReasonKind::OtherTask { .. } => "other_task",
            ReasonKind::OffDomain => "off_domain",
            ReasonKind::OthersNamed { .. } => "others_named",
            ReasonKind::Experiments { .. } => "experiments",
            ReasonKind::Discussion { .. } => "discussion",
            ReasonKind::Named { .. } => "named",
            ReasonKind::OwnNameUsed { .. } => "own_name_used",
            ReasonKind::OriginalNamed { .. } => "original_named",
            ReasonKind::SharedName { .. } => "shared_name",
            ReasonKind::VersionOfNamed { .. } => "version_of_named",
            ReasonKind::NamedRelative { .. } => "named_relative",
            ReasonKind::VersionPaperCited { .. } => "version_paper_cited",
            ReasonKind::OriginalPaperCited { .. } => "original_paper_cited",
            ReasonKind::CueFits { .. } => "cue_fits",
            ReasonKind::CueMissing { .. } => "cue_missing",
            ReasonKind::VariantNotDescribed { .. } => "variant_not_described",
            ReasonKind::TaskMissing { .. } => "task_missing",
            ReasonKind::MostUsed { .. } => "most_used",
            ReasonKind::IsOriginal => "is_original",
        }
    }
}

impl fmt::Display for ReasonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReasonKind::Prior => write!(
                f,
                "The fitted starting point of every entry the text touches, before its evidence."
            ),
            ReasonKind::ModelPrior => write!(
                f,
                "It is a pre-trained model: papers name such models as methods far more often than they run the released weights."
            ),
            ReasonKind::NamedUsed { written, words } => {
                write!(f, "The text says it uses “{written}”: “{words}”.")
            }
            ReasonKind::NamedInUseSentence { written, words } => write!(
                f,
                "The text names “{written}” in a sentence about using data (“{words}”), without tying the name to the use."
            ),
            ReasonKind::NamedInTitle { written } => {
                write!(f, "The title names “{written}”.")
            }
            ReasonKind::NamedInTable { written } => {
                write!(f, "A table of the text lists “{written}”.")
            }
            ReasonKind::NamedInHeading { written } => {
                write!(f, "A heading of the text names “{written}”.")
            }
            ReasonKind::DatasetEthics { words } => write!(
                f,
                "The text speaks of the ethics or retraction of data (“{words}”): it may discuss datasets rather than use them."
            ),
            ReasonKind::DomainWeight { times } => write!(
                f,
                "The text speaks of this kind of data {times} time{}.",
                if *times == 1 { "" } else { "s" }
            ),
            ReasonKind::ProposesMethod { words } => write!(
                f,
                "The text proposes a method of its own (“{words}”), which papers evaluate on benchmarks."
            ),
            ReasonKind::Generative { words } => {
                write!(f, "The text is about generating images (“{words}”).")
            }
            ReasonKind::BenchmarksUnnamed { words } => {
                write!(f, "The text experiments on {words} it does not name.")
            }
            ReasonKind::CueFitsText { cue, written } => write!(
                f,
                "Elsewhere the text speaks of {} (“{written}”), as this entry is.",
                cue_words(*cue)
            ),
            ReasonKind::CueMissingText { cue, written } => write!(
                f,
                "Elsewhere the text speaks of {} (“{written}”), which a relative is and this entry is not documented to be.",
                cue_words(*cue)
            ),
            ReasonKind::NamedDescribed { written, words } => {
                write!(f, "The text describes “{written}”: “{words}”.")
            }
            ReasonKind::OnlyMentioned { written } => write!(
                f,
                "The text names “{written}” but does not say it trains or evaluates on it."
            ),
            ReasonKind::NamedAsSource { written, words } => write!(
                f,
                "The text names “{written}” only as the source of other data (“{words}”)."
            ),
            ReasonKind::NamedInContrast { written, words } => write!(
                f,
                "The text names “{written}” only to set it apart (“{words}”)."
            ),
            ReasonKind::NamedInRelatedWork { written } => write!(
                f,
                "The paper names “{written}” only in its introduction, related work or conclusion."
            ),
            ReasonKind::NamedNearly { written, name } => write!(
                f,
                "The name is written with a small misspelling: “{written}” for {name}."
            ),
            ReasonKind::NamedRepeatedly { sentences } => {
                write!(f, "{sentences} sentences name it.")
            }
            ReasonKind::ModelRun { written, words } => write!(
                f,
                "The text runs the model “{written}” as released weights: “{words}”."
            ),
            ReasonKind::ModelRelease { written } => write!(
                f,
                "The text names a release of the model itself: “{written}”."
            ),
            ReasonKind::ModelAsMethod { written, words } => write!(
                f,
                "“{written}” is named as a method (“{words}”), not as released weights."
            ),
            ReasonKind::TrainedOn {
                model,
                data,
                phrase,
                fits,
            } => {
                if *fits {
                    write!(
                        f,
                        "The text says the {model} model was {phrase} {data}, which is of this model's family."
                    )
                } else {
                    write!(
                        f,
                        "The text says the {model} model was {phrase} {data}: another release than this one, which is trained on data of its own family."
                    )
                }
            }
            ReasonKind::CitesPaper {
                paper,
                role,
                rate,
                marker,
            } => {
                match marker {
                    Some(m) => write!(
                        f,
                        "The citation {m} beside the name is its {role} paper, {paper}"
                    )?,
                    None => write!(f, "The reference list cites its {role} paper, {paper}")?,
                }
                match rate {
                    Some(r) => write!(
                        f,
                        "; of {} papers citing that paper, the study found {} used {}.",
                        r.sampled,
                        r.uses,
                        if r.derived > 0 {
                            "this dataset or a derivative of it"
                        } else {
                            "this dataset"
                        }
                    ),
                    None => write!(f, "."),
                }
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
            } => write!(
                f,
                "The text's “{written}” does not fit its {} ({values}).",
                quantity.as_str()
            ),
            ReasonKind::TaskFits { cue, written } => write!(
                f,
                "The paper works on {} (“{written}”), which this data serves.",
                cue_words(*cue)
            ),
            ReasonKind::OtherTask { cue, written } => write!(
                f,
                "The paper works on {} (“{written}”), which this data does not serve, and does not name it.",
                cue_words(*cue)
            ),
            ReasonKind::OffDomain => write!(
                f,
                "Nothing in the text is about the kind of data this is, and it is not named."
            ),
            ReasonKind::OthersNamed { written } => write!(
                f,
                "The text names other data for the task as used (“{written}”), and not this."
            ),
            ReasonKind::Experiments { words } => {
                write!(f, "The text reports experiments: “{words}”.")
            }
            ReasonKind::Discussion { words } => write!(
                f,
                "The text discusses rather than uses datasets: “{words}”."
            ),
            ReasonKind::Named { written } => write!(f, "The text names this version: “{written}”."),
            ReasonKind::OwnNameUsed { written, words } => write!(
                f,
                "The text says it uses this version by name: “{words}” … “{written}”."
            ),
            ReasonKind::OriginalNamed { written } => write!(
                f,
                "The text names “{written}”, its own name, which papers also use for the versions derived from it."
            ),
            ReasonKind::SharedName { written } => write!(
                f,
                "The text writes “{written}”, a name this entry shares with relatives."
            ),
            ReasonKind::VersionOfNamed { written, original } => write!(
                f,
                "The text names only “{written}” ({original}), whose name papers also use for this version."
            ),
            ReasonKind::NamedRelative { written, relative } => write!(
                f,
                "The text names “{written}” ({relative}), a relative, and not this version."
            ),
            ReasonKind::VersionPaperCited { paper, version } => write!(
                f,
                "The reference list cites the paper of {version}, a version of this, {paper}."
            ),
            ReasonKind::OriginalPaperCited { paper, original } => write!(
                f,
                "The reference list cites the paper of {original}, this version's original, {paper}; users of a version often cite its original's paper alone."
            ),
            ReasonKind::CueFits { cue, written } => write!(
                f,
                "The text describes the data as {} (“{written}”), as this entry is.",
                cue_words(*cue)
            ),
            ReasonKind::CueMissing { cue, written } => write!(
                f,
                "The text describes the data as {} (“{written}”), which this entry is not documented to be.",
                cue_words(*cue)
            ),
            ReasonKind::VariantNotDescribed { cue } => write!(
                f,
                "This entry is a {} variant, which the text does not describe.",
                cue_words(*cue)
            ),
            ReasonKind::TaskMissing { cue, written } => write!(
                f,
                "The paper works on {} (“{written}”), which a relative serves and this entry does not.",
                cue_words(*cue)
            ),
            ReasonKind::MostUsed { uses } => write!(
                f,
                "The study found this version used {uses} times: how often papers of its task use it, before this text's evidence."
            ),
            ReasonKind::IsOriginal => write!(f, "It is the family's original."),
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
        let mut s = serializer.serialize_struct("Reason", 5)?;
        s.serialize_field("kind", self.kind.name())?;
        s.serialize_field("stage", &self.stage)?;
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
