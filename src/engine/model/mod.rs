//! The decision model: fitted weights for the two questions, and the
//! thresholds that turn probabilities into a verdict.
//!
//! The weights are data, not code: `model/weights.json` at the repository
//! root is written by `whichdata fit` (L2-regularised logistic regression
//! per question, the penalty chosen by cross-validation; see
//! `model/FIT.md`) and compiled into the library. Retuning means adding
//! labelled cases and fitting again, never editing numbers here.

pub mod decide;
pub mod features;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use features::{UseFeature, VersionFeature};

/// The `format` marker of a model document.
pub const MODEL_FORMAT: &str = "whichdata-model";

/// Fitted weights and thresholds.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// Stage one's weights, by [`UseFeature::index`].
    pub use_weights: Vec<f64>,
    /// Stage two's weights, by [`VersionFeature::index`].
    pub version_weights: Vec<f64>,
    /// The thresholds of the verdict.
    pub thresholds: Thresholds,
    /// How the weights were fitted (reported, not used).
    pub fit: serde_json::Value,
}

/// The thresholds of the verdict.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    /// A group is taken to be used (so its versions may stay open as
    /// candidates) when stage one's probability reaches this.
    #[serde(rename = "use")]
    pub use_probability: f64,
    /// An entry is identified when its confidence (its group's probability
    /// times its share of the group) reaches this.
    pub confidence: f64,
    /// A used family whose leading version holds less than this share is
    /// ambiguous.
    pub ambiguous_share: f64,
    /// In an ambiguous family, members within this fraction of the
    /// leader's share stay open as candidates.
    pub open_share: f64,
    /// How often a version that the text names by its own name where it
    /// says it is used is used, beside another (fitted as a rate): the
    /// stage-two probability such a version gets at least.
    pub named_version: f64,
    /// Platt scaling of a member's raw confidence (group probability ×
    /// share), fitted on out-of-fold decisions so that a confidence is the
    /// chance of being right: `σ(a · logit(raw) + b + c · said)` for
    /// `[a, b, c]`, where `said` is 1 when a sentence says the text uses the
    /// group (the plainest evidence, whose rate the two stages' products
    /// understate).
    #[serde(default = "identity_calibration")]
    pub calibration: [f64; 3],
}

fn identity_calibration() -> [f64; 3] {
    [1.0, 0.0, 0.0]
}

impl Thresholds {
    /// The calibrated confidence of a member whose group is used with
    /// probability `p_use` and who holds `share` of it; `said` when a
    /// sentence says the group is used.
    pub fn confidence_of(&self, p_use: f64, share: f64, said: bool) -> f64 {
        let raw = (p_use * share).clamp(1e-9, 1.0 - 1e-9);
        let [a, b, c] = self.calibration;
        let z = a * (raw / (1.0 - raw)).ln() + b + if said { c } else { 0.0 };
        1.0 / (1.0 + (-z).exp())
    }
}

impl Default for Thresholds {
    fn default() -> Thresholds {
        Thresholds {
            use_probability: 0.5,
            confidence: 0.5,
            ambiguous_share: 0.5,
            open_share: 0.5,
            named_version: 0.5,
            calibration: identity_calibration(),
        }
    }
}

// `model/weights.json` as constants, written by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/weights.rs"));

/// The JSON form of a model.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ModelDocument {
    format: String,
    version: u32,
    #[serde(rename = "use")]
    use_weights: BTreeMap<String, f64>,
    #[serde(rename = "version_weights")]
    version_weights: BTreeMap<String, f64>,
    thresholds: Thresholds,
    #[serde(default)]
    fit: serde_json::Value,
}

impl Model {
    /// The model compiled into this build: the weights and thresholds of
    /// `model/weights.json`, which `build.rs` turns into constants so that
    /// no JSON parser is needed to start (the page's first load carries
    /// none). The file's record of how it was fitted stays in the file and
    /// in `model/FIT.md`; here `fit` is null.
    pub fn builtin() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| {
            let mut model = Model::zero();
            for &(name, w) in BUILTIN_USE_WEIGHTS {
                let f = UseFeature::from_name(name)
                    .expect("model/weights.json is checked by the test suite");
                model.use_weights[f.index()] = w;
            }
            for &(name, w) in BUILTIN_VERSION_WEIGHTS {
                let f = VersionFeature::from_name(name)
                    .expect("model/weights.json is checked by the test suite");
                model.version_weights[f.index()] = w;
            }
            model.thresholds = BUILTIN_THRESHOLDS;
            model
        })
    }

    /// A model with every weight zero (for fitting from scratch).
    pub fn zero() -> Model {
        Model {
            use_weights: vec![0.0; UseFeature::ALL.len()],
            version_weights: vec![0.0; VersionFeature::ALL.len()],
            thresholds: Thresholds::default(),
            fit: serde_json::Value::Null,
        }
    }

    /// Reads a model document; every feature name must be known.
    pub fn from_json(text: &str) -> Result<Model, Error> {
        let doc: ModelDocument = serde_json::from_str(text).map_err(|e| {
            Error::invalid_model(format!("line {}, column {}: {e}", e.line(), e.column()))
        })?;
        if doc.format != MODEL_FORMAT {
            return Err(Error::invalid_model(format!(
                "\"format\" is \"{}\", not \"{MODEL_FORMAT}\"",
                doc.format
            )));
        }
        let mut model = Model::zero();
        for (name, w) in &doc.use_weights {
            let f = UseFeature::from_name(name).ok_or_else(|| {
                Error::invalid_model(format!("unknown stage-one feature \"{name}\""))
            })?;
            model.use_weights[f.index()] = *w;
        }
        for (name, w) in &doc.version_weights {
            let f = VersionFeature::from_name(name).ok_or_else(|| {
                Error::invalid_model(format!("unknown stage-two feature \"{name}\""))
            })?;
            model.version_weights[f.index()] = *w;
        }
        model.thresholds = doc.thresholds;
        model.fit = doc.fit;
        Ok(model)
    }

    /// The model as a JSON document (weights rounded to 4 decimals).
    pub fn to_json(&self) -> String {
        let round = |x: f64| (x * 1e4).round() / 1e4;
        let doc = ModelDocument {
            format: MODEL_FORMAT.to_string(),
            version: 1,
            use_weights: UseFeature::ALL
                .iter()
                .map(|f| (f.name().to_string(), round(self.use_weights[f.index()])))
                .collect(),
            version_weights: VersionFeature::ALL
                .iter()
                .map(|f| (f.name().to_string(), round(self.version_weights[f.index()])))
                .collect(),
            thresholds: self.thresholds,
            fit: self.fit.clone(),
        };
        let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
        s.push('\n');
        s
    }
}
