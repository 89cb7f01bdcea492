//! Measures `analyze` on a 300-byte sentence, a 3 KB methods section and a
//! 60 KB paper, beside the limit it is held to: one pass of a multi-pattern
//! automaton over the same text for every registry name and alias. Then the
//! same with a synthetic registry 100 times larger, to show that the cost
//! follows the text, not the registry. Prints a table; asserts nothing.
//!
//! `cargo bench --bench engine` (add `-- --quick` for fewer runs).

use std::hint::black_box;
use std::time::{Duration, Instant};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use whichdata::{Analyzer, Registry, RegistryDocument};

const SENTENCE: &str = "Experiments on DukeMTMC-reID [33] and Market-1501 use 16,522 training boxes of 702 identities; \
we also train a face model on MS1MV2 (5.8M images of 85K identities) and report verification on LFW and CFP-FP.";

const METHODS_PARAGRAPHS: &[&str] = &[
    "We evaluate the proposed method on four person re-identification benchmarks, Market-1501, DukeMTMC-reID, CUHK03 and MSMT17. \
     DukeMTMC-reID contains 1,404 identities captured by 8 cameras; its training split holds 16,522 bounding boxes of 702 identities, \
     and its test split 2,228 query and 17,661 gallery images (Zheng et al., 2017).",
    "For face recognition we train a ResNet-100 backbone with an additive angular margin on a cleaned version of MS-Celeb-1M [16], \
     namely MS1MV2, which has about 5.8M images of 85K identities, and we evaluate on LFW, CFP-FP, AgeDB-30, IJB-B and IJB-C.",
    "Images are aligned with five facial landmarks and cropped to 112x112 pixels. We use stochastic gradient descent with a batch \
     size of 512 on 8 GPUs, a learning rate of 0.1 divided by 10 at 100K and 160K iterations, and a weight decay of 5e-4.",
    "Unlike the original LFW release, the aligned LFW-a images are used for the verification protocol of 6,000 pairs. We do not use \
     the deep funneled version. Results on YTF follow the standard protocol of 5,000 video pairs.",
    "The attribute experiments use CelebA with its 40 binary attributes, and the low-shot experiments follow the MS-Celeb-1M low-shot \
     challenge with a base set of 20K identities and a novel set of 1K identities, each with one training image.",
    "All code and pre-trained models are released. We thank the reviewers; the authors are at Duke University and Tsinghua University.",
];

const FILLER: &str = "The loss is minimised with momentum; ablations vary the margin, the embedding size and the depth of the network, \
and the results are averaged over three runs with different random seeds, which changes the accuracy by less than a tenth of a point. ";

fn methods() -> String {
    let mut s = String::new();
    while s.len() < 3 * 1024 {
        for p in METHODS_PARAGRAPHS {
            s.push_str(p);
            s.push(' ');
        }
    }
    s.truncate(3 * 1024);
    floor_boundary(s)
}

fn paper() -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.len() < 60 * 1024 {
        s.push_str(if i % 4 == 0 {
            METHODS_PARAGRAPHS[(i / 4) % METHODS_PARAGRAPHS.len()]
        } else {
            FILLER
        });
        s.push(' ');
        i += 1;
    }
    s.truncate(60 * 1024);
    floor_boundary(s)
}

fn floor_boundary(mut s: String) -> String {
    while !s.is_char_boundary(s.len()) {
        s.pop();
    }
    s
}

/// Every name and alias of a registry, in one automaton: the limit.
fn baseline(registry: &Registry) -> AhoCorasick {
    let names: Vec<String> = registry
        .entries()
        .iter()
        .flat_map(|e| e.names().map(str::to_lowercase))
        .collect();
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .build(names)
        .unwrap()
}

/// A registry `copies` times the built-in one, with renamed copies of every
/// entry (so names stay distinct and the automaton really grows).
fn synthetic(copies: usize) -> Registry {
    let base: RegistryDocument = Registry::builtin().unwrap().document().clone();
    let mut doc = base.clone();
    doc.entries.clear();
    for c in 0..copies {
        for e in &base.entries {
            let mut e = e.clone();
            let tag = |id: &str| {
                if c == 0 {
                    id.to_string()
                } else {
                    format!("{}-s{c}", id.to_lowercase())
                }
            };
            e.id = tag(&e.id);
            e.parent = e.parent.as_deref().map(tag);
            e.family = if c == 0 {
                e.family.clone()
            } else {
                format!("{}-s{c}", e.family)
            };
            if c > 0 {
                e.study = None;
                // Distinct counts too, as real datasets have.
                for s in &mut e.statistics {
                    s.value += 7919 * c as u64;
                }
                e.name = format!("{} Synth{c}", e.name);
                for a in &mut e.aliases {
                    a.name = format!("{} Synth{c}", a.name);
                    a.shared_with = a.shared_with.iter().map(|s| tag(s)).collect();
                }
            }
            doc.entries.push(e);
        }
    }
    Registry::from_document(doc).expect("the synthetic registry is valid")
}

/// Median time of `f`, run for about `budget`.
fn measure(budget: Duration, mut f: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let start = Instant::now();
    while times.len() < 5 || (start.elapsed() < budget && times.len() < 10_000) {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let budget = Duration::from_millis(if quick { 300 } else { 2000 });
    let texts = [
        ("sentence 300 B", SENTENCE.to_string()),
        ("methods 3 KB", methods()),
        ("paper 60 KB", paper()),
    ];
    let builtin = Registry::builtin().unwrap();
    let big = synthetic(100);
    println!("registry     text             bytes    analyze     automaton pass   ratio");
    for (label, registry) in [("built-in", builtin), ("100x", &big)] {
        let build = Instant::now();
        let analyzer = Analyzer::new(registry);
        let built = build.elapsed();
        let automaton = baseline(registry);
        for (name, text) in &texts {
            let t_engine = measure(budget, || {
                black_box(analyzer.analyze(black_box(text), &[]).unwrap());
            });
            let t_base = measure(budget, || {
                black_box(automaton.find_iter(black_box(text.as_str())).count());
            });
            println!(
                "{label:<12} {name:<16} {:>6}   {:>9.1} µs   {:>9.1} µs    {:>5.1}x",
                text.len(),
                t_engine.as_secs_f64() * 1e6,
                t_base.as_secs_f64() * 1e6,
                t_engine.as_secs_f64() / t_base.as_secs_f64()
            );
        }
        println!(
            "{label:<12} ({} entries; analyzer built in {:.1} ms)",
            registry.entries().len(),
            built.as_secs_f64() * 1e3
        );
    }
}
