//! The features of the two questions the engine asks, by name.
//!
//! Each feature is one kind of evidence a careful reader weighs. Its value
//! is 1 when the evidence is there (or a small count, capped), 0 when it is
//! not; its weight is fitted (see `fit` and `model/FIT.md`). A report's
//! reasons are the features with a non-zero value, each with its weight ×
//! value as the contribution it made, so the reasons of a question add up to
//! its score: stage one's to the group's log-odds of use, stage two's to the
//! member's score in the softmax over its group (a conditional logit, so a
//! feature counts only as far as it sets a member apart from its relatives;
//! it has no intercept).
//!
//! Where what a piece of evidence means says which way it must count (a
//! name in a sentence that says it is used cannot count against use; "unlike
//! X" cannot count for it), the feature carries that sign and the fit keeps
//! its weight on that side of zero (an active-set fit: a weight that would
//! cross is held at zero). The data set the size; the meaning sets the
//! direction, so no reason ever says the opposite of what it shows.

/// Which way a feature's weight may go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// At least zero: the evidence supports.
    Positive,
    /// At most zero: the evidence counts against.
    Negative,
    /// Either way (intercepts, and evidence whose direction the data must say).
    Free,
}

/// Defines a feature enum with its stable names (used in `model/weights.json`).
macro_rules! features {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $key:literal, $sign:ident;)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)*
        }

        impl $name {
            /// Every feature, in the order of a feature vector.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The stable snake_case name.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)*
                }
            }

            /// The feature with this name.
            pub fn from_name(name: &str) -> Option<$name> {
                match name {
                    $($key => Some($name::$variant),)*
                    _ => None,
                }
            }

            /// Its position in a feature vector.
            pub fn index(self) -> usize {
                self as usize
            }

            /// Which way its weight may go.
            pub fn sign(self) -> Sign {
                match self {
                    $($name::$variant => Sign::$sign,)*
                }
            }
        }
    };
}

features! {
    /// Evidence that a group of related entries (a family's datasets, or one
    /// model or protocol) is used by the text at all.
    UseFeature {
        /// Always 1: the log-odds before any evidence.
        Bias = "bias", Free;
        /// A model or protocol rather than a dataset (they are named as
        /// methods far more often than run).
        IsModel = "is_model", Free;
        /// The reference list cites a member's paper (in the text, a marker
        /// beside its name may point to it); the value is the log-odds of
        /// the study's rate of use among papers citing it (a documented
        /// default rate for papers the study did not sample).
        CitedRate = "cited_rate", Positive;
        /// A sentence says the work uses it: "we evaluate on X".
        NamedUsed = "named_used", Positive;
        /// It is named in a sentence about using data, without a frame that
        /// ties the name to the use.
        NamedInUseSentence = "named_in_use_sentence", Positive;
        /// It is named in the title.
        NamedInTitle = "named_in_title", Positive;
        /// It is named in a table.
        NamedInTable = "named_in_table", Positive;
        /// It is named in a heading (a README's "### DukeMTMC" over its results).
        NamedInHeading = "named_in_heading", Positive;
        /// It is described: "X contains 1,404 identities".
        NamedDescribed = "named_described", Positive;
        /// It is named, but no sentence says it is used.
        NamedOnly = "named_only", Free;
        /// It is named only to be set against the work: "unlike X".
        NamedInContrast = "named_in_contrast", Negative;
        /// It is named only in related work or the introduction of a whole paper.
        NamedInRelatedWork = "named_in_related_work", Negative;
        /// The best name is a near spelling.
        NamedNearly = "named_nearly", Free;
        /// ln(1 + sentences that name it).
        NameRepeats = "name_repeats", Positive;
        /// A model is named with words that say it is run: "pre-trained
        /// FaceNet", "the ArcFace model", "we use"; the value is how many
        /// such signals its best mention has (1–3).
        ModelRun = "model_run", Positive;
        /// The text writes a release's own name (a checkpoint such as
        /// "20170512-110547", a package such as "arcface_torch").
        ModelRelease = "model_release", Positive;
        /// The text says the model was trained on data of its own family.
        ModelTrainedOnFamily = "model_trained_on_family", Positive;
        /// The text says the model was trained on other data (a FaceNet
        /// trained on VGGFace2 is not the MS-Celeb-1M release: where it
        /// says nothing of the family's data too, the model is ruled out).
        ModelTrainedOnOther = "model_trained_on_other", Negative;
        /// The model's name is used for its loss or method: "ArcFace loss".
        ModelAsMethod = "model_as_method", Negative;
        /// Counts about it that fit a member exactly (at most 6).
        StatExact = "stat_exact", Positive;
        /// Counts about it that fit a member within rounding (at most 6).
        StatApprox = "stat_approx", Positive;
        /// The text works on a task the group benchmarks.
        TaskFits = "task_fits", Positive;
        /// The text names a task, but none the group benchmarks.
        TaskOther = "task_other", Negative;
        /// Nothing in the text is of the group's domain (faces, people…).
        OffDomain = "off_domain", Negative;
        /// ln(1 + times the text uses the group's domain words), for a
        /// text that does not name it: how central its kind of data is.
        DomainWeight = "domain_weight", Positive;
        /// The text proposes a method of its own (and so evaluates it).
        ProposesMethod = "proposes_method", Free;
        /// The text is about generating images.
        Generative = "generative", Free;
        /// Other datasets for the same task are named as used, none of this group.
        OthersNamed = "others_named", Negative;
        /// The text reports experiments.
        Experiments = "experiments", Positive;
        /// The text is a survey or discussion of datasets.
        Discussion = "discussion", Negative;
        /// The text speaks of retractions, ethics or consent: it may be
        /// about datasets rather than using them.
        DatasetEthics = "dataset_ethics", Negative;
        /// The text says it experiments on benchmarks or datasets it does
        /// not name ("on three public benchmarks").
        BenchmarksUnnamed = "benchmarks_unnamed", Free;
        /// The cited paper introduced another entry that the text names.
        SharedPaper = "shared_paper", Negative;
    }
}

features! {
    /// Evidence that one member of a used group is the version used.
    VersionFeature {
        /// Its own name, which no relative shares, is written.
        OwnName = "own_name", Positive;
        /// Its own name is written in a sentence that says it is used.
        OwnNameUsed = "own_name_used", Positive;
        /// It is the original that others derive from, and its name is
        /// written (papers use the original's name for every version).
        OriginalNamed = "original_named", Positive;
        /// A name it shares with relatives is written ("lfwa").
        SharedName = "shared_name", Positive;
        /// Only the original's name is written, and this is a version of it.
        VersionOfNamed = "version_of_named", Free;
        /// A relative's own name is written, and its own is not.
        RelativeNamed = "relative_named", Negative;
        /// It is named only as the source of other data.
        NamedAsSource = "named_as_source", Negative;
        /// The reference list cites its own paper (or a marker beside a
        /// family name points to it).
        OwnPaper = "own_paper", Positive;
        /// It is the original, and a version's own paper is cited.
        VersionPaperCited = "version_paper_cited", Negative;
        /// It is a version, its own paper is not cited, and its original's
        /// is (users of DukeMTMC-reID cite DukeMTMC's paper).
        OriginalPaperCited = "original_paper_cited", Positive;
        /// Small or round counts that fit its statistics exactly ("8
        /// cameras", "1,000 identities"; at most 6): many datasets share them.
        StatExact = "stat_exact", Positive;
        /// Distinctive counts that fit its statistics exactly ("16,522
        /// boxes", "5,822,653 images"; at most 6): few datasets share one.
        StatExactDistinctive = "stat_exact_distinctive", Positive;
        /// Counts that fit its statistics within rounding (at most 6).
        StatApprox = "stat_approx", Positive;
        /// Counts of a quantity it records that contradict it (at most 6).
        StatConflict = "stat_conflict", Negative;
        /// Descriptive words near the names: +1 for each it has, −1 for
        /// each it lacks and a relative has (at most 3 of each).
        Cue = "cue", Positive;
        /// The same for descriptive words elsewhere in the text.
        CueText = "cue_text", Positive;
        /// It is a variant (video, occluded, attributes…) the text does not describe.
        VariantUndescribed = "variant_undescribed", Negative;
        /// The text's task: +1 if it serves it, −1 if only a relative does.
        Task = "task", Positive;
        /// ln(1 + uses the study documented).
        Popularity = "popularity", Positive;
        /// It is the group's original.
        IsOriginal = "is_original", Free;
    }
}

/// A dense feature vector from sparse (feature index, value) pairs.
pub(crate) fn dense(len: usize, pairs: impl IntoIterator<Item = (usize, f64)>) -> Vec<f64> {
    let mut v = vec![0.0; len];
    for (i, x) in pairs {
        v[i] += x;
    }
    v
}
