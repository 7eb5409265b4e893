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
//! the outermost span covering it, or `O`; when an annotator gave that
//! outermost extent several labels, the token's category is that set of
//! labels (`MISC+ORG`), a category of its own, so that no label's name or
//! place in the alphabet decides between them and renaming a label never
//! changes a κ or α.

pub mod curate;
pub mod metrics;

use crate::core::sort;
use std::collections::HashMap;

use crate::core::sorted::SortedMap;
use std::hash::{BuildHasherDefault, Hasher};

use metrics::{Counts, Mention, PartialCounts};

use crate::core::formats::tokenize::tokenize;
use crate::core::model::{LabelName, Span, SpanId};
use crate::core::text::Text;

/// A map keyed by texts, with a hash that reads eight bytes at a time:
/// documents are matched by their text, and SipHash (the default) over
/// every text of a corpus costs more than the rest of matching them.
pub type TextMap<'a, V> = HashMap<&'a str, V, BuildHasherDefault<TextHasher>>;

/// The hash of [`TextMap`] (multiply–rotate, as rustc's FxHash): fast and
/// good enough for texts, not for keys an adversary chooses to collide.
#[derive(Clone, Copy, Debug, Default)]
pub struct TextHasher(u64);

impl TextHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for TextHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

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
    pub per_label: SortedMap<String, Counts>,
    /// Exact-span counts over all labels (micro).
    pub overall: Counts,
    /// Partial-match counts over all labels.
    pub partial: PartialCounts,
    /// Cohen's κ on token labels.
    pub kappa: Option<f64>,
    /// Same extent, other label: `(reference label, candidate label)` → count.
    pub confusion: SortedMap<(String, String), usize>,
    /// Candidate mentions overlapping a same-label reference mention with
    /// another extent.
    pub boundary_only: usize,
    /// How many shared documents the pair was measured on; with none, its
    /// scores have no data ([`Pair::measured`]).
    pub documents: usize,
}

impl Pair {
    /// `score` of this pair, or `None` when it was measured on no document
    /// (nothing was compared: "—", not 0).
    pub fn measured(&self, score: f64) -> Option<f64> {
        (self.documents > 0).then_some(score)
    }
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
///
/// Costs about the size of the shared texts plus their mentions: token
/// labels are small numbers (one per label), and each annotator's labels
/// for every shared token are kept once, in one list.
pub fn compare(annotators: &[Annotator]) -> Report {
    let (shared, unmatched) = match_documents(annotators);
    let labels = labels_of(annotators);
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
    // Each annotator's label id for every shared token, in document order;
    // and the same, token by token (one unit of `n` labels each).
    let mut tokens: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut units: Vec<u32> = Vec::new();
    let mut ties = Vec::new();
    for docs in &shared {
        let ids = token_ids(docs, &labels, &mut ties);
        for (all, mine) in tokens.iter_mut().zip(&ids) {
            all.extend_from_slice(mine);
        }
        let len = ids.first().map_or(0, Vec::len);
        units.reserve(len * n);
        for t in 0..len {
            units.extend(ids.iter().map(|l| l[t]));
        }
        for pair in &mut report.pairs {
            add_document(pair, docs);
        }
        report.documents.push(shared_document(docs));
    }
    for pair in &mut report.pairs {
        pair.overall = pair
            .per_label
            .values()
            .fold(Counts::default(), |mut all, c| {
                all.add(*c);
                all
            });
        pair.kappa = metrics::cohen_kappa(&tokens[pair.reference], &tokens[pair.candidate]);
    }
    let units: Vec<&[u32]> = units.chunks(n.max(1)).collect();
    report.tokens = units.len();
    report.fleiss = metrics::fleiss_kappa(&units);
    report.alpha = metrics::krippendorff_alpha(&units);
    sort::sort_by(&mut report.documents, |a, b| {
        a.f1.total_cmp(&b.f1).then_with(|| a.name.cmp(&b.name))
    });
    report.labels = labels;
    report
}

/// One document as every annotator has it, in annotator order.
type Shared<'a> = Vec<&'a AnnotatedText>;

/// The documents every annotator has (matched by text), in the first
/// annotator's order, and a line for each document someone lacks. Each text
/// is hashed once.
fn match_documents(annotators: &[Annotator]) -> (Vec<Shared<'_>>, Vec<String>) {
    let n = annotators.len();
    // Each text once, in order of first appearance: who first has it, and
    // each annotator's document with it (their last, if they have two).
    let mut index: TextMap<'_, usize> = TextMap::default();
    let mut texts: Vec<(usize, &AnnotatedText, Vec<Option<&AnnotatedText>>)> = Vec::new();
    for (a, annotator) in annotators.iter().enumerate() {
        for doc in &annotator.documents {
            let i = *index.entry(doc.text.as_str()).or_insert_with(|| {
                texts.push((a, doc, vec![None; n]));
                texts.len() - 1
            });
            texts[i].2[a] = Some(doc);
        }
    }
    let mut shared = Vec::new();
    let mut unmatched = Vec::new();
    for (a, doc, holders) in texts {
        if let Some(all) = holders.iter().copied().collect::<Option<Shared<'_>>>() {
            shared.push(all);
            continue;
        }
        let missing: Vec<&str> = annotators
            .iter()
            .zip(&holders)
            .filter(|(_, h)| h.is_none())
            .map(|(other, _)| other.name.as_str())
            .collect();
        unmatched.push(format!(
            "{:?} of {} is not in the files of {}: it is left out of the comparison.",
            doc.name,
            annotators[a].name,
            missing.join(", ")
        ));
    }
    (shared, unmatched)
}

fn add_document(pair: &mut Pair, docs: &Shared<'_>) {
    let (r, c) = (
        &docs[pair.reference].mentions,
        &docs[pair.candidate].mentions,
    );
    for (label, counts) in metrics::exact(r, c) {
        pair.per_label
            .get_or_insert_with(label, Counts::default)
            .add(counts);
    }
    pair.partial.add(metrics::partial(r, c));
    for (key, count) in metrics::confusion(r, c) {
        *pair.confusion.get_or_insert_with(key, || 0) += count;
    }
    pair.boundary_only += metrics::boundary_only(r, c);
    pair.documents += 1;
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
/// same tokens for all); a token whose outermost extent an annotator gave
/// several labels has them all, in name order, joined by `+` (`MISC+ORG`).
pub fn token_labels(docs: &[&AnnotatedText]) -> Vec<Vec<String>> {
    let mut labels: Vec<String> = docs
        .iter()
        .flat_map(|d| &d.mentions)
        .map(|m| m.label.clone())
        .collect();
    sort::sort(&mut labels);
    labels.dedup();
    let mut ties = Vec::new();
    let ids = token_ids(docs, &labels, &mut ties);
    let name = |id: u32| -> String {
        let Some(i) = (id as usize).checked_sub(1) else {
            return OUTSIDE.to_owned();
        };
        if let Some(label) = labels.get(i) {
            return label.clone();
        }
        let tied = ties.get(i - labels.len()).map_or(&[][..], Vec::as_slice);
        let names: Vec<&str> = tied.iter().map(|&t| name_of(&labels, t)).collect();
        names.join("+")
    };
    ids.into_iter()
        .map(|ids| ids.into_iter().map(name).collect())
        .collect()
}

/// [`token_labels`] as numbers: 0 for [`OUTSIDE`], `i + 1` for `labels[i]`
/// (`labels` sorted, holding every label of `docs`), and past those the
/// sets of labels an annotator gave one extent, numbered in `ties` (kept
/// from document to document, so a set has one number).
fn token_ids(
    docs: &[&AnnotatedText],
    labels: &[String],
    ties: &mut Vec<Vec<u32>>,
) -> Vec<Vec<u32>> {
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
            label: LabelName::default(),
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
    let id_of = |label: &str| {
        labels
            .binary_search_by(|l| l.as_str().cmp(label))
            .map_or(0, |i| i as u32 + 1)
    };
    docs.iter()
        .map(|d| {
            let mut mentions: Vec<&Mention> = d.mentions.iter().collect();
            // Outermost first: by start, then the longest. A token takes the
            // label of the first extent in this order that covers it.
            sort::sort_by_key(&mut mentions, |m| (m.start, std::cmp::Reverse(m.end)));
            let mut ids = vec![0; tokens.len()];
            let mut painted = vec![false; tokens.len()];
            for same in mentions.chunk_by(|a, b| (a.start, a.end) == (b.start, b.end)) {
                let mut tied: Vec<u32> = same.iter().map(|m| id_of(&m.label)).collect();
                sort::sort(&mut tied);
                tied.dedup();
                let id = tie_id(tied, labels.len(), ties);
                let Some(m) = same.first() else { continue };
                let first = tokens.partition_point(|t| t.start < m.start);
                for (t, token) in tokens.iter().enumerate().skip(first) {
                    if token.start >= m.end {
                        break;
                    }
                    if token.end <= m.end && !painted[t] {
                        painted[t] = true;
                        ids[t] = id;
                    }
                }
            }
            ids
        })
        .collect()
}

/// The id of an extent labelled `tied` (label ids, sorted, distinct): the
/// label's own id when there is one, else a category of its own for that
/// set of labels, `labels + 1 + i` for the `i`-th set in `ties`, so that
/// no label's name decides which of several a token takes.
fn tie_id(tied: Vec<u32>, labels: usize, ties: &mut Vec<Vec<u32>>) -> u32 {
    if let [one] = tied[..] {
        return one;
    }
    let i = match ties.iter().position(|t| *t == tied) {
        Some(i) => i,
        None => {
            ties.push(tied);
            ties.len() - 1
        }
    };
    (labels + 1 + i) as u32
}

/// The name of label id `id` (1-based) in `labels`.
fn name_of(labels: &[String], id: u32) -> &str {
    (id as usize)
        .checked_sub(1)
        .and_then(|i| labels.get(i))
        .map_or(OUTSIDE, String::as_str)
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
