//! Writes `target/python-fixtures/agreement.json`: generated annotations of
//! generated Arabic texts by two to four annotators (many seeds), with every
//! measure Wasim's [`compare`] gives for them. `tests/python/test_agreement.py`
//! recomputes each measure with independent implementations (seqeval,
//! nervaluate, scikit-learn, krippendorff, NLTK, statsmodels) and requires
//! agreement to 1e-9.
//!
//! Each annotator's spans are whole words and do not overlap one another
//! (the IOB sequences seqeval and nervaluate read cannot hold more), and are
//! also given as token indices (inclusive end, as nervaluate counts).
//! The generator is a fixed-seed LCG: the file is the same on every run.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use serde_json::{Value, json};
use wasim::core::agreement::metrics::{Counts, Mention};
use wasim::core::agreement::{AnnotatedText, Annotator, compare, token_labels};
use wasim::core::text::Text;

const WORDS: &[&str] = &[
    "زار",
    "الكاظمي",
    "بغداد",
    "ثم",
    "عاد",
    "إلى",
    "الموصل",
    "وزارة",
    "التربية",
    "جامعة",
    "قال",
    "في",
    "مع",
    "أربيل",
    "سامي",
    "الخطيب",
    "مجلس",
    "المدينة",
];
const LABELS: &[&str] = &["PER", "LOC", "ORG", "MISC"];

/// A small fixed-seed generator (Knuth's MMIX LCG).
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// Word ranges `(first word, last word inclusive, label)`, non-overlapping.
fn entities(rng: &mut Lcg, words: usize, density: usize) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words {
        if rng.below(10) < density {
            let len = 1 + rng.below(3);
            let end = (i + len).min(words) - 1;
            out.push((i, end, LABELS[rng.below(LABELS.len())].to_owned()));
            i = end + 2;
        } else {
            i += 1;
        }
    }
    out
}

/// A variant of `base`: some entities kept, some relabelled, some with a
/// boundary moved, some dropped, some added.
fn variant(
    rng: &mut Lcg,
    base: &[(usize, usize, String)],
    words: usize,
) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    for (s, e, l) in base {
        match rng.below(10) {
            0 => {}
            1 => out.push((*s, *e, LABELS[rng.below(LABELS.len())].to_owned())),
            2 if e > s => out.push((*s, e - 1, l.clone())),
            3 if *e + 1 < words => out.push((*s, e + 1, l.clone())),
            _ => out.push((*s, *e, l.clone())),
        }
    }
    for extra in entities(rng, words, 1) {
        out.push(extra);
    }
    // Keep them flat: drop any that overlaps an earlier one.
    out.sort();
    let mut flat: Vec<(usize, usize, String)> = Vec::new();
    for e in out {
        if flat.last().is_none_or(|last| last.1 < e.0) {
            flat.push(e);
        }
    }
    flat
}

fn counts_json(c: &Counts) -> Value {
    json!({"precision": c.precision(), "recall": c.recall(), "f1": c.f1(), "tp": c.tp, "fp": c.fp, "fn": c.fn_})
}

fn case(seed: u64) -> Value {
    let mut rng = Lcg(seed);
    let n = 2 + rng.below(3);
    let docs = 1 + rng.below(4);
    let mut texts = Vec::new();
    let mut per_annotator: Vec<Vec<Vec<(usize, usize, String)>>> = vec![Vec::new(); n];
    for _ in 0..docs {
        let words = rng.below(40);
        let text: Vec<&str> = (0..words).map(|_| WORDS[rng.below(WORDS.len())]).collect();
        let base = entities(&mut rng, words, 3);
        for annotator in &mut per_annotator {
            // Sometimes an annotator tags nothing at all in a document.
            let mine = if rng.below(12) == 0 {
                Vec::new()
            } else {
                variant(&mut rng, &base, words)
            };
            annotator.push(mine);
        }
        texts.push(text);
    }
    let annotators: Vec<Annotator> = per_annotator
        .iter()
        .enumerate()
        .map(|(a, docs)| Annotator {
            name: format!("annotator {a}"),
            documents: docs
                .iter()
                .zip(&texts)
                .enumerate()
                .map(|(d, (ents, words))| annotated(d, words, ents))
                .collect(),
        })
        .collect();
    let report = compare(&annotators);
    let token_labels: Vec<Vec<Vec<String>>> = (0..texts.len())
        .map(|d| {
            token_labels(
                &annotators
                    .iter()
                    .map(|a| &a.documents[d])
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    json!({
        "seed": seed,
        "words": texts.iter().map(Vec::len).collect::<Vec<_>>(),
        "entities": per_annotator,
        "wasim": {
            "token_labels": token_labels,
            "pairs": report.pairs.iter().map(|p| json!({
                "reference": p.reference,
                "candidate": p.candidate,
                "overall": counts_json(&p.overall),
                "per_label": p.per_label.iter().map(|(l, c)| (l.clone(), counts_json(c))).collect::<serde_json::Map<_, _>>(),
                "partial": {"precision": p.partial.precision(), "recall": p.partial.recall(), "f1": p.partial.f1()},
                "kappa": p.kappa,
            })).collect::<Vec<_>>(),
            "fleiss": report.fleiss,
            "alpha": report.alpha,
            "tokens": report.tokens,
        }
    })
}

/// One annotator's document: the words joined by spaces, entities as code
/// point mentions.
fn annotated(d: usize, words: &[&str], entities: &[(usize, usize, String)]) -> AnnotatedText {
    let mut starts = Vec::new();
    let mut cp = 0;
    for w in words {
        starts.push(cp);
        cp += w.chars().count() + 1;
    }
    let end_of = |i: usize| starts[i] + words[i].chars().count();
    AnnotatedText {
        name: format!("doc{d}.txt"),
        text: Text::new(&words.join(" ")),
        mentions: entities
            .iter()
            .map(|(s, e, l)| Mention::new(starts[*s], end_of(*e), l))
            .collect(),
    }
}

#[test]
fn writes_generated_comparisons_for_the_python_references() {
    let cases: Vec<Value> = (1..=300).map(case).collect();
    // The generator makes the cases the references must see: κ undefined,
    // empty annotators, three and four annotators.
    assert!(
        cases
            .iter()
            .any(|c| c["wasim"]["pairs"][0]["kappa"].is_null())
    );
    assert!(
        cases
            .iter()
            .any(|c| c["entities"].as_array().is_some_and(|a| a.len() == 4))
    );
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/python-fixtures");
    fs::create_dir_all(&dir).expect("create target/python-fixtures");
    let body = serde_json::to_string(&cases).expect("serializes");
    fs::write(dir.join("agreement.json"), body).expect("write agreement.json");
}
