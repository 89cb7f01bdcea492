//! The fitted model shipped inside the library (`model/weights.json`),
//! checked like the registry: it loads, names every feature, keeps every
//! weight on the side its meaning allows, and has thresholds that are
//! probabilities.

use whichdata::{Model, Sign, UseFeature, VersionFeature};

fn weights_file() -> serde_json::Value {
    let text =
        std::fs::read_to_string(format!("{}/model/weights.json", env!("CARGO_MANIFEST_DIR")))
            .expect("model/weights.json");
    serde_json::from_str(&text).expect("JSON")
}

#[test]
fn the_built_in_model_names_every_feature() {
    let doc = weights_file();
    for f in UseFeature::ALL {
        assert!(
            doc["use"][f.name()].is_number(),
            "stage one lacks {}",
            f.name()
        );
    }
    for f in VersionFeature::ALL {
        assert!(
            doc["version_weights"][f.name()].is_number(),
            "stage two lacks {}",
            f.name()
        );
    }
}

#[test]
fn every_weight_keeps_the_sign_its_meaning_allows() {
    let m = Model::builtin();
    let ok = |sign: Sign, w: f64| match sign {
        Sign::Positive => w >= 0.0,
        Sign::Negative => w <= 0.0,
        Sign::Free => true,
    };
    for f in UseFeature::ALL {
        assert!(ok(f.sign(), m.use_weights[f.index()]), "{}", f.name());
    }
    for f in VersionFeature::ALL {
        assert!(ok(f.sign(), m.version_weights[f.index()]), "{}", f.name());
    }
}

#[test]
fn thresholds_are_probabilities_and_the_fit_is_recorded() {
    let t = Model::builtin().thresholds;
    for x in [
        t.use_probability,
        t.confidence,
        t.ambiguous_share,
        t.open_share,
        t.named_version,
    ] {
        assert!((0.0..=1.0).contains(&x), "{t:?}");
    }
    let fit = &weights_file()["fit"];
    assert!(fit["folds"].as_u64().unwrap_or(0) >= 2, "{fit}");
    assert!(fit["files"].as_array().is_some_and(|f| !f.is_empty()));
}

#[test]
fn a_model_file_with_an_unknown_feature_is_refused() {
    let mut doc = weights_file();
    doc["use"]["no_such_feature"] = serde_json::json!(1.0);
    let err = Model::from_json(&doc.to_string()).unwrap_err();
    assert!(err.to_string().contains("no_such_feature"), "{err}");
}

#[test]
fn the_compiled_in_model_is_the_file() {
    // build.rs turns the file into constants; they must say what
    // `Model::from_json` reads from it (the fitting record aside).
    let text =
        std::fs::read_to_string(format!("{}/model/weights.json", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    let mut from_file = Model::from_json(&text).unwrap();
    from_file.fit = serde_json::Value::Null;
    assert_eq!(Model::builtin(), &from_file);
}
