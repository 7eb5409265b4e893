//! Comparing annotators: several people's annotations of the same texts,
//! matched by text, measured pair by pair and all together.
//!
//! [`compare`] takes one [`Annotator`] per file and returns a [`Report`]:
//! for each ordered pair (reference, candidate), exact-span and partial
//! counts per label, Cohen's κ on tokens, label confusions and
//! boundary-only disagreements; for all annotators, Fleiss' κ and
//! Krippendorff's α on tokens; and the documents, least agreement first.
//! The measures themselves are in [`metrics`].
//!
//! Documents are matched by their text (a hash, then the text itself), not
//! by name. Tokens are Wasim's ([`crate::core::formats::tokenize`]), split
//! further wherever any annotator's span starts or ends inside one, so that
//! every annotator labels the same tokens. A token's label is the label of
//! the outermost span covering it, or `O`.

pub mod curate;
pub mod metrics;

use crate::core::sort;
use std::collections::{BTreeMap, HashMap};

use metrics::{Counts, Mention, PartialCounts};

use crate::core::formats::tokenize::tokenize;
use crate::core::model::{Span, SpanId};
use crate::core::text::Text;

/// The label of a token no span covers.
pub const OUTSIDE: &str = "O";

/// One annotator's work: a name and documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotator {
    /// Who annotated (from the file, or the file's name).
    pub name: String,
    /// Their documents.
    pub documents: Vec<AnnotatedText>,
}

/// A text and one annotator's mentions of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnnotatedText {
    /// The document's name in that annotator's file.
    pub name: String,
    /// The text.
    pub text: Text,
    /// The annotator's spans.
    pub mentions: Vec<Mention>,
}

/// Measures of one ordered pair of annotators over the shared documents.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pair {
    /// Index of the reference annotator.
    pub reference: usize,
    /// Index of the candidate annotator.
    pub candidate: usize,
    /// Exact-span counts per label.
    pub per_label: BTreeMap<String, Counts>,
    /// Exact-span counts over all labels (micro).
    pub overall: Counts,
    /// Partial-match counts over all labels.
    pub partial: PartialCounts,
    /// Cohen's κ on token labels.
    pub kappa: Option<f64>,
    /// Same extent, other label: `(reference label, candidate label)` → count.
    pub confusion: BTreeMap<(String, String), usize>,
    /// Candidate mentions overlapping a same-label reference mention with
    /// another extent.
    pub boundary_only: usize,
}

/// A document every annotator has, and how far they agree on it.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedDocument {
    /// Its name in the first annotator's file.
    pub name: String,
    /// Exact-span F1 over every pair of annotators (micro); 1 when nobody
    /// tagged anything.
    pub f1: f64,
    /// How many mentions each annotator made in it.
    pub mentions: Vec<usize>,
}

/// Everything [`compare`] measures.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Annotator names, in input order.
    pub annotators: Vec<String>,
    /// Every ordered pair of distinct annotators.
    pub pairs: Vec<Pair>,
    /// Fleiss' κ on token labels (every annotator).
    pub fleiss: Option<f64>,
    /// Krippendorff's α (nominal) on token labels (every annotator).
    pub alpha: Option<f64>,
    /// Documents every annotator has, least agreement first.
    pub documents: Vec<SharedDocument>,
    /// Every label used by anyone, sorted.
    pub labels: Vec<String>,
    /// Documents that are not in every annotator's file, one line each.
    pub unmatched: Vec<String>,
    /// How many tokens the κ and α were computed on.
    pub tokens: usize,
}

/// Compares `annotators` (at least two) on the documents they all have.
pub fn compare(annotators: &[Annotator]) -> Report {
    let (shared, unmatched) = match_documents(annotators);
    let mut report = Report {
        annotators: annotators.iter().map(|a| a.name.clone()).collect(),
        unmatched,
        ..Report::default()
    };
    let n = annotators.len();
    report.pairs = (0..n)
        .flat_map(|r| (0..n).filter(move |c| *c != r).map(move |c| (r, c)))
        .map(|(r, c)| Pair {
            reference: r,
            candidate: c,
            ..Pair::default()
        })
        .collect();
    let mut units: Vec<Vec<String>> = Vec::new();
    let mut token_pairs: Vec<(Vec<String>, Vec<String>)> =
        vec![Default::default(); report.pairs.len()];
    for docs in &shared {
        let labels = token_labels(docs);
        for (pair, tokens) in report.pairs.iter_mut().zip(&mut token_pairs) {
            add_document(pair, docs);
            tokens.0.extend(labels[pair.reference].iter().cloned());
            tokens.1.extend(labels[pair.candidate].iter().cloned());
        }
        let len = labels.first().map_or(0, Vec::len);
        units.extend((0..len).map(|t| labels.iter().map(|l| l[t].clone()).collect()));
        report.documents.push(shared_document(docs));
    }
    for (pair, (a, b)) in report.pairs.iter_mut().zip(&token_pairs) {
        pair.overall = pair
            .per_label
            .values()
            .fold(Counts::default(), |mut all, c| {
                all.add(*c);
                all
            });
        pair.kappa = metrics::cohen_kappa(a, b);
    }
    report.tokens = units.len();
    report.fleiss = metrics::fleiss_kappa(&units);
    report.alpha = metrics::krippendorff_alpha(&units);
    sort::sort_by(&mut report.documents, |a, b| {
        a.f1.total_cmp(&b.f1).then_with(|| a.name.cmp(&b.name))
    });
    report.labels = labels_of(annotators);
    report
}

/// One document as every annotator has it, in annotator order.
type Shared<'a> = Vec<&'a AnnotatedText>;

/// The documents every annotator has (matched by text), in the first
/// annotator's order, and a line for each document someone lacks.
fn match_documents(annotators: &[Annotator]) -> (Vec<Shared<'_>>, Vec<String>) {
    let Some(first) = annotators.first() else {
        return (Vec::new(), Vec::new());
    };
    let by_text: Vec<HashMap<&str, &AnnotatedText>> = annotators
        .iter()
        .map(|a| a.documents.iter().map(|d| (d.text.as_str(), d)).collect())
        .collect();
    let mut shared = Vec::new();
    for doc in &first.documents {
        let found: Option<Shared<'_>> = by_text
            .iter()
            .map(|m| m.get(doc.text.as_str()).copied())
            .collect();
        if let Some(found) = found {
            shared.push(found);
        }
    }
    let mut unmatched = Vec::new();
    for (a, annotator) in annotators.iter().enumerate() {
        for doc in &annotator.documents {
            let missing: Vec<&str> = annotators
                .iter()
                .zip(&by_text)
                .filter(|(_, m)| !m.contains_key(doc.text.as_str()))
                .map(|(other, _)| other.name.as_str())
                .collect();
            if !missing.is_empty()
                && !annotators[..a]
                    .iter()
                    .any(|p| p.documents.iter().any(|d| d.text == doc.text))
            {
                unmatched.push(format!(
                    "{:?} of {} is not in the files of {}: it is left out of the comparison.",
                    doc.name,
                    annotator.name,
                    missing.join(", ")
                ));
            }
        }
    }
    (shared, unmatched)
}

fn add_document(pair: &mut Pair, docs: &Shared<'_>) {
    let (r, c) = (
        &docs[pair.reference].mentions,
        &docs[pair.candidate].mentions,
    );
    for (label, counts) in metrics::exact(r, c) {
        pair.per_label.entry(label).or_default().add(counts);
    }
    pair.partial.add(metrics::partial(r, c));
    for (key, count) in metrics::confusion(r, c) {
        *pair.confusion.entry(key).or_insert(0) += count;
    }
    pair.boundary_only += metrics::boundary_only(r, c);
}

fn shared_document(docs: &Shared<'_>) -> SharedDocument {
    let mut all = Counts::default();
    for (r, a) in docs.iter().enumerate() {
        for b in docs.iter().skip(r + 1) {
            metrics::exact(&a.mentions, &b.mentions)
                .values()
                .for_each(|c| all.add(*c));
        }
    }
    let nothing = docs.iter().all(|d| d.mentions.is_empty());
    SharedDocument {
        name: docs.first().map(|d| d.name.clone()).unwrap_or_default(),
        f1: if nothing { 1.0 } else { all.f1() },
        mentions: docs.iter().map(|d| d.mentions.len()).collect(),
    }
}

/// Each annotator's label for every token of one shared document (the
/// same tokens for all).
pub fn token_labels(docs: &[&AnnotatedText]) -> Vec<Vec<String>> {
    let Some(text) = docs.first().map(|d| &d.text) else {
        return Vec::new();
    };
    let cuts: Vec<Span> = docs
        .iter()
        .flat_map(|d| &d.mentions)
        .map(|m| Span {
            id: SpanId(0),
            start: m.start,
            end: m.end,
            label: m.label.clone(),
            note: None,
            entity_id: None,
            annotators: Vec::new(),
            accepted: false,
        })
        .collect();
    let tokens: Vec<_> = tokenize(text, &cuts)
        .sentences
        .into_iter()
        .flatten()
        .collect();
    docs.iter()
        .map(|d| {
            let mut mentions: Vec<&Mention> = d.mentions.iter().collect();
            // Outermost first: by start, then the longest.
            sort::sort_by_key(&mut mentions, |m| (m.start, std::cmp::Reverse(m.end)));
            tokens
                .iter()
                .map(|t| {
                    mentions
                        .iter()
                        .find(|m| m.start <= t.start && t.end <= m.end)
                        .map_or(OUTSIDE.to_owned(), |m| m.label.clone())
                })
                .collect()
        })
        .collect()
}

fn labels_of(annotators: &[Annotator]) -> Vec<String> {
    let mut labels: Vec<String> = annotators
        .iter()
        .flat_map(|a| &a.documents)
        .flat_map(|d| &d.mentions)
        .map(|m| m.label.clone())
        .collect();
    sort::sort(&mut labels);
    labels.dedup();
    labels
}
