//! The normal form of a dataset name.
//!
//! People write the same name many ways: "DukeMTMC-reID", "DukeMTMC ReID",
//! "dukemtmc_reid", "Duke MTMC re-ID". Two names are the same name when their
//! keys are equal: lowercase letters, digits and `+`, everything else dropped.
//! The `+` stays because it names a different dataset: CK+ is not CK, LFW+ is
//! not LFW.
//! The registry uses this to find aliases that two entries share; the engine
//! uses it to match mentions.

/// The comparison key of a name: its letters, digits and `+`, lowercased.
pub(crate) fn name_key(name: &str) -> String {
    name.chars()
        .filter(|&c| c.is_alphanumeric() || c == '+')
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::name_key;

    #[test]
    fn variants_share_a_key() {
        for (a, b) in [
            ("DukeMTMC-reID", "dukemtmc_ReID"),
            ("Duke MTMC re-ID", "DukeMTMC-reID"),
            ("MS1M_v2", "ms1m-v2"),
            ("LFW-a", "LFWA"),
        ] {
            assert_eq!(name_key(a), name_key(b), "{a} vs {b}");
        }
        assert_ne!(name_key("VGGFace2"), name_key("VGGFace"));
        assert_ne!(name_key("CelebA"), name_key("MS-Celeb"));
        assert_ne!(name_key("CK+"), name_key("CK"));
        assert_ne!(name_key("LFW+"), name_key("LFW"));
    }
}
