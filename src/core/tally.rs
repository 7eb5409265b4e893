//! Corpus totals kept current edit by edit: spans per label, documents done
//! and documents in all, as the document list's progress and the corpus
//! counts show them. The demo document is never counted.
//!
//! Counting them again over the whole corpus on every edit would make each
//! keystroke cost more as the corpus grows. Instead an edit is *watched*
//! ([`Tally::watch`]: the documents it touches are counted before it) and
//! *settled* ([`Tally::settle`]: the same documents counted after it), so an
//! edit costs what it touches. Edits that change which documents there are,
//! or rename a label, count everything again and move the
//! [`Tally::generation`], which also tells the UI that the list of documents
//! may have changed.
//!
//! The open disagreements of team documents ([`crate::core::curation`]) are
//! kept the same way: the documents an edit touches are counted again.

use super::curation::Disputes;
use super::edit::Edit;
use super::model::{DocId, Document, Workspace};
use crate::core::sort;
use std::sync::{Arc, Weak};

/// Span counts per label name, in first-seen order.
type LabelCounts = Vec<(String, usize)>;

/// The corpus totals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    labels: LabelCounts,
    done: usize,
    total: usize,
    generation: u64,
    disputes: Disputes,
    known: Known,
}

/// What the last settled edit's documents add to the totals, each with the
/// version of the document it was counted on, so that the next edit of the
/// same document need not count it again before it is applied.
///
/// A version is the document's allocation, held weakly: documents are shared
/// and copied on write, and while a weak reference exists a changed document
/// is always a new allocation (`Arc::make_mut` moves or copies it), so the
/// same live allocation means the same spans and flags.
#[derive(Clone, Default)]
struct Known(Vec<(Weak<Document>, Share)>);

impl Known {
    /// The share counted on exactly this version of a document, if known.
    fn of(&self, doc: &Arc<Document>) -> Option<Share> {
        self.0
            .iter()
            .find(|(version, _)| std::ptr::eq(version.as_ptr(), Arc::as_ptr(doc)))
            .map(|(_, share)| share.clone())
    }
}

/// A cache: it never makes two tallies differ.
impl PartialEq for Known {
    fn eq(&self, _: &Known) -> bool {
        true
    }
}

impl Eq for Known {}

impl std::fmt::Debug for Known {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Known({} documents)", self.0.len())
    }
}

/// What one document adds to the totals.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Share {
    labels: LabelCounts,
    done: usize,
    total: usize,
}

impl Share {
    fn of(doc: Option<&Document>) -> Share {
        let Some(doc) = doc.filter(|d| !d.demo) else {
            return Share::default();
        };
        let mut labels: LabelCounts = Vec::new();
        for span in &doc.spans {
            add(&mut labels, &span.label, 1);
        }
        Share {
            labels,
            done: usize::from(doc.done),
            total: 1,
        }
    }
}

fn add(counts: &mut LabelCounts, label: &str, delta: isize) {
    match counts.iter_mut().find(|(name, _)| name == label) {
        Some((_, count)) => *count = count.saturating_add_signed(delta),
        None if delta > 0 => counts.push((label.to_owned(), delta.unsigned_abs())),
        None => {}
    }
}

/// Which documents an edit touches.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Reach {
    /// These documents' spans or flags (none for a new label set).
    Documents(Vec<DocId>),
    /// Which documents there are, or every document (a renamed label).
    Everything,
}

impl Reach {
    fn of(edit: &Edit) -> Reach {
        match edit {
            Edit::AddSpans { doc, .. }
            | Edit::RemoveSpans { doc, .. }
            | Edit::SetSpanLabel { doc, .. }
            | Edit::SetSpanNote { doc, .. }
            | Edit::SetSpanAccepted { doc, .. }
            | Edit::SetDone { doc, .. } => Reach::Documents(vec![*doc]),
            Edit::SetLabels(_) | Edit::SetAnnotator(_) => Reach::Documents(Vec::new()),
            Edit::RenameLabel { .. }
            | Edit::InsertDocuments { .. }
            | Edit::RemoveDocuments { .. }
            | Edit::Replace { .. } => Reach::Everything,
            Edit::Batch(steps) => {
                let mut docs = Vec::new();
                for step in steps {
                    match Reach::of(step) {
                        Reach::Documents(more) => docs.extend(more),
                        Reach::Everything => return Reach::Everything,
                    }
                }
                sort::sort(&mut docs);
                docs.dedup();
                Reach::Documents(docs)
            }
        }
    }
}

/// An edit being watched: the touched documents' shares before it.
#[derive(Clone, Debug)]
pub struct Watch {
    before: Option<Vec<(DocId, Share)>>,
}

impl Tally {
    /// The totals of `ws`, counted over every document.
    pub fn of(ws: &Workspace) -> Tally {
        let mut tally = Tally::default();
        tally.recount(ws);
        tally
    }

    /// Counts everything again (after a restore or an import) and moves the
    /// generation.
    pub fn recount(&mut self, ws: &Workspace) {
        let mut fresh = Share::default();
        for doc in &ws.documents {
            fresh.absorb(&Share::of(Some(doc)), 1);
        }
        self.labels = fresh.labels;
        self.done = fresh.done;
        self.total = fresh.total;
        self.disputes = Disputes::of(ws);
        self.generation += 1;
    }

    /// Counts what `edit` touches in `ws`, before it is applied (or takes
    /// the counts from the last settle, when they were of the same versions
    /// of those documents).
    pub fn watch(&self, ws: &Workspace, edit: &Edit) -> Watch {
        let before = match Reach::of(edit) {
            Reach::Documents(ids) => Some(
                ids.into_iter()
                    .map(|id| {
                        let doc = ws.documents.by_id(id);
                        let known = doc.and_then(|doc| self.known.of(doc));
                        (id, known.unwrap_or_else(|| Share::of(doc.map(|d| &**d))))
                    })
                    .collect(),
            ),
            Reach::Everything => None,
        };
        Watch { before }
    }

    /// Brings the totals up to date once the watched edit is applied to
    /// `ws` (or undone: the same documents are touched).
    pub fn settle(&mut self, ws: &Workspace, watch: Watch) {
        let Some(before) = watch.before else {
            self.recount(ws);
            return;
        };
        let mut delta = Share {
            labels: std::mem::take(&mut self.labels),
            done: self.done,
            total: self.total,
        };
        let mut known = Vec::with_capacity(before.len());
        for (id, old) in before {
            let doc = ws.documents.by_id(id);
            let new = Share::of(doc.map(|d| &**d));
            delta.absorb(&old, -1);
            delta.absorb(&new, 1);
            self.disputes.refresh(id, doc.map(|d| &**d));
            if let Some(doc) = doc {
                known.push((Arc::downgrade(doc), new));
            }
        }
        self.known = Known(known);
        self.labels = delta.labels;
        self.done = delta.done;
        self.total = delta.total;
    }

    /// Spans labelled `label` in the corpus.
    pub fn spans(&self, label: &str) -> usize {
        self.labels
            .iter()
            .find(|(name, _)| name == label)
            .map_or(0, |(_, count)| *count)
    }

    /// Documents marked done.
    pub fn done(&self) -> usize {
        self.done
    }

    /// Documents in the corpus.
    pub fn total(&self) -> usize {
        self.total
    }

    /// Open disagreements per team document and in all.
    pub fn disputes(&self) -> &Disputes {
        &self.disputes
    }

    /// Moves whenever everything was counted again: when documents came or
    /// went (or a label was renamed). Equal generations mean the same list
    /// of documents.
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

impl Share {
    /// Adds `other` to these counts (`sign` 1), or takes it away (`-1`).
    fn absorb(&mut self, other: &Share, sign: isize) {
        for (label, count) in &other.labels {
            add(&mut self.labels, label, sign * (*count as isize));
        }
        self.done = self.done.saturating_add_signed(sign * other.done as isize);
        self.total = self
            .total
            .saturating_add_signed(sign * other.total as isize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::History;

    fn corpus(n: usize) -> Workspace {
        let mut ws = Workspace::default();
        for i in 0..n {
            let doc = ws.new_document(&format!("{i}.txt"), "زار علي بغداد");
            ws.documents.push(std::sync::Arc::new(doc));
        }
        ws
    }

    /// The totals counted edit by edit always equal those counted afresh.
    fn check(tally: &Tally, ws: &Workspace) {
        let fresh = Tally::of(ws);
        for label in ["PER", "LOC", "ORG", "MISC"] {
            assert_eq!(tally.spans(label), fresh.spans(label), "{label}");
        }
        assert_eq!((tally.done(), tally.total()), (fresh.done(), fresh.total()));
        assert_eq!(tally.disputes(), fresh.disputes());
    }

    #[test]
    fn edits_undo_and_redo_keep_the_totals_exact() {
        let mut ws = corpus(3);
        let (a, b) = (ws.documents[0].id, ws.documents[1].id);
        let mut tally = Tally::of(&ws);
        let mut history = History::default();
        let generation = tally.generation();
        let add = Edit::add_span(&mut ws, a, 4, 7, "PER").expect("valid");
        let span = match &add {
            Edit::AddSpans { spans, .. } => spans[0].id,
            _ => unreachable!(),
        };
        let more = Edit::Batch(vec![
            Edit::add_span(&mut ws, b, 8, 13, "LOC").expect("valid"),
            Edit::SetDone { doc: b, done: true },
        ]);
        for edit in [
            add,
            more,
            Edit::SetSpanLabel {
                doc: a,
                span,
                label: "ORG".into(),
            },
        ] {
            let watch = tally.watch(&ws, &edit);
            history.apply(&mut ws, edit).expect("applies");
            tally.settle(&ws, watch);
            check(&tally, &ws);
        }
        assert_eq!(
            (tally.spans("ORG"), tally.spans("LOC"), tally.done()),
            (1, 1, 1)
        );
        assert_eq!(tally.generation(), generation, "the same documents");
        while let Some(step) = history.next_undo().cloned() {
            let watch = tally.watch(&ws, &step);
            history.undo(&mut ws);
            tally.settle(&ws, watch);
            check(&tally, &ws);
        }
        assert_eq!((tally.spans("PER"), tally.spans("ORG")), (0, 0));
        let step = history.next_redo().cloned().expect("a step to redo");
        let watch = tally.watch(&ws, &step);
        history.redo(&mut ws);
        tally.settle(&ws, watch);
        check(&tally, &ws);
        assert_eq!(tally.spans("PER"), 1);
    }

    #[test]
    fn counts_kept_from_the_last_edit_are_used_only_for_the_same_version() {
        let mut ws = corpus(1);
        let a = ws.documents[0].id;
        let mut tally = Tally::of(&ws);
        let add = Edit::add_span(&mut ws, a, 4, 7, "PER").expect("valid");
        let watch = tally.watch(&ws, &add);
        add.apply(&mut ws).expect("applies");
        tally.settle(&ws, watch);
        // Unchanged since: the next edit starts from the kept counts.
        let edit = Edit::add_span(&mut ws, a, 8, 13, "LOC").expect("valid");
        let before = tally.watch(&ws, &edit).before.expect("one document");
        assert_eq!(before[0].1, Share::of(ws.document(a)));
        // Changed in place, this workspace holding the only copy: the
        // version is another, and the document is counted again.
        let doc = ws.document_mut(a).expect("a");
        let mut span = doc.spans[0].clone();
        span.label = "ORG".into();
        doc.spans.push(span);
        let before = tally.watch(&ws, &edit).before.expect("one document");
        assert_eq!(before[0].1, Share::of(ws.document(a)));
        assert_eq!(
            before[0].1.labels,
            [("PER".to_owned(), 1), ("ORG".to_owned(), 1)]
        );
    }

    #[test]
    fn open_disagreements_follow_decisions_undo_and_redo() {
        use crate::core::curation::{Choice, decide, groups};
        let mut ws = corpus(3);
        for doc in ws.documents.iter_mut().take(2) {
            let doc = std::sync::Arc::make_mut(doc);
            doc.team = vec!["A".into(), "B".into()];
        }
        let (a, b) = (ws.documents[0].id, ws.documents[1].id);
        for (doc, label, who) in [(a, "PER", "A"), (a, "LOC", "B"), (b, "PER", "A")] {
            let mut span = ws.new_span(4, 7, label);
            span.annotators = vec![who.into()];
            Edit::AddSpans {
                doc,
                spans: vec![span],
            }
            .apply(&mut ws)
            .expect("applies");
        }
        let mut tally = Tally::of(&ws);
        assert_eq!(
            (tally.disputes().total(), tally.disputes().documents()),
            (2, 2)
        );
        let mut history = History::default();
        let doc = ws.document(a).expect("a");
        let group = groups(doc).remove(0);
        let edit = decide(doc, &group, &Choice::Version(1)).expect("changes");
        let watch = tally.watch(&ws, &edit);
        history.apply(&mut ws, edit).expect("applies");
        tally.settle(&ws, watch);
        check(&tally, &ws);
        assert_eq!(tally.disputes().open_in(a), 0);
        let step = history.next_undo().cloned().expect("a step");
        let watch = tally.watch(&ws, &step);
        history.undo(&mut ws);
        tally.settle(&ws, watch);
        check(&tally, &ws);
        assert_eq!(tally.disputes().total(), 2);
    }

    #[test]
    fn documents_coming_and_going_count_again_and_move_the_generation() {
        let mut ws = corpus(2);
        let mut tally = Tally::of(&ws);
        let generation = tally.generation();
        let edit = Edit::RemoveDocuments {
            ids: vec![ws.documents[0].id],
        };
        let watch = tally.watch(&ws, &edit);
        edit.apply(&mut ws).expect("applies");
        tally.settle(&ws, watch);
        check(&tally, &ws);
        assert_eq!(tally.total(), 1);
        assert!(tally.generation() > generation);
    }

    #[test]
    fn the_demo_is_not_counted() {
        let mut ws = crate::core::demo::demo_workspace();
        let tally = Tally::of(&ws);
        assert_eq!((tally.total(), tally.done()), (0, 0));
        let demo = ws.documents[0].id;
        let edit = Edit::add_span(&mut ws, demo, 0, 3, "PER").expect("valid");
        let mut tally = tally;
        let watch = tally.watch(&ws, &edit);
        edit.apply(&mut ws).expect("applies");
        tally.settle(&ws, watch);
        assert_eq!(tally.spans("PER"), 0);
    }
}
