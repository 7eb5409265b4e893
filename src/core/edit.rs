//! Edit operations on a [`Workspace`], each with an exact inverse, and the
//! bounded undo/redo [`History`] built on them.
//!
//! Every change the user makes goes through [`History::apply`], so every change
//! can be undone. [`Edit::apply`] checks its preconditions before touching the
//! workspace: a failed edit leaves the workspace unchanged.

use crate::core::sort;
use std::collections::HashSet;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::change::{Change, describe};
use super::doclist::DocList;
use super::i18n::{Counted, Key, Msg};
use super::model::{
    DocId, Document, DocumentBody, Label, LabelName, Span, SpanId, Workspace, validate_labels,
};

/// One reversible change to a workspace.
///
/// Documents inside edits serialize without their texts; see
/// [`History::hydrate`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Edit {
    /// Insert spans (with their ids) into a document.
    AddSpans {
        /// Target document.
        doc: DocId,
        /// Spans to insert.
        spans: Vec<Span>,
    },
    /// Remove the spans with these ids from a document.
    RemoveSpans {
        /// Target document.
        doc: DocId,
        /// Ids of the spans to remove.
        ids: Vec<SpanId>,
    },
    /// Give a span another label.
    SetSpanLabel {
        /// Target document.
        doc: DocId,
        /// The span.
        span: SpanId,
        /// The new label name.
        label: String,
    },
    /// Set a span's note and entity link.
    SetSpanNote {
        /// Target document.
        doc: DocId,
        /// The span.
        span: SpanId,
        /// The new note (`None` clears it).
        note: Option<String>,
        /// The new entity id, such as a Wikidata QID (`None` clears it).
        entity_id: Option<String>,
    },
    /// Mark a span accepted (or not) by the curator adjudicating it.
    SetSpanAccepted {
        /// Target document.
        doc: DocId,
        /// The span.
        span: SpanId,
        /// Whether it is accepted.
        accepted: bool,
    },
    /// Name the person annotating in this workspace (`None` clears it).
    SetAnnotator(Option<String>),
    /// Mark a document done or not done.
    SetDone {
        /// Target document.
        doc: DocId,
        /// Whether it is finished.
        done: bool,
    },
    /// Replace the label set (add, recolour, re-key, describe, reorder). Names
    /// that spans use must stay; see [`Edit::RenameLabel`] and
    /// [`Edit::delete_label`].
    SetLabels(Vec<Label>),
    /// Rename a label and every span that carries it.
    RenameLabel {
        /// The current name.
        from: String,
        /// The new name.
        to: String,
    },
    /// Insert documents at a position of the document list.
    InsertDocuments {
        /// Index in the document list.
        at: usize,
        /// The documents.
        documents: Vec<Arc<Document>>,
    },
    /// Remove documents from the workspace.
    RemoveDocuments {
        /// Ids of the documents.
        ids: Vec<DocId>,
    },
    /// Replace labels and documents wholesale (an import).
    Replace {
        /// The new label set.
        labels: Vec<Label>,
        /// The new documents.
        documents: Vec<Arc<Document>>,
    },
    /// Several edits applied in order and undone as one step.
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// No document has this id.
    NoSuchDocument,
    /// No span has this id in the document.
    NoSuchSpan,
    /// The label is not in the label set.
    UnknownLabel(String),
    /// The range is empty or outside the text.
    BadRange {
        /// Requested start.
        start: usize,
        /// Requested end.
        end: usize,
        /// Text length in code points.
        len: usize,
    },
    /// The same range already carries this label.
    Duplicate,
    /// The replacement workspace or label set breaks an invariant.
    Invalid(Msg),
}

/// What to do with the spans of a label being deleted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrphanSpans {
    /// Delete them.
    Delete,
    /// Give them this other label.
    Relabel(String),
}

impl EditError {
    /// Why the edit could not be applied, as a message for the user.
    pub fn msg(&self) -> Msg {
        match self {
            EditError::NoSuchDocument => Msg::new(Key::NoSuchDocument),
            EditError::NoSuchSpan => Msg::new(Key::NoSuchSpan),
            EditError::UnknownLabel(label) => {
                Msg::new(Key::NoSuchLabel).quoted("label", label.as_str())
            }
            EditError::BadRange { start, end, len } => Msg::new(Key::BadRange)
                .msg(
                    "range",
                    Msg::new(Key::Range).num("start", *start).num("end", *end),
                )
                .msg("length", Msg::counted(Counted::Characters, *len)),
            EditError::Duplicate => Msg::new(Key::DuplicateSpan),
            EditError::Invalid(why) => why.clone(),
        }
    }

    /// The message shown when an edit the user asked for is refused: says
    /// that nothing changed, and why ([`EditError::msg`]).
    pub fn notice(&self) -> Msg {
        Msg::new(Key::NotChanged).msg("why", self.msg())
    }
}

impl std::fmt::Display for EditError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.msg().fmt(f)
    }
}

/// Puts `added` into `spans`, which stay sorted by [`Span::sort_key`]. A few
/// are inserted one by one; many (*Tag all*, an undone deletion) are sorted
/// and merged in one pass, not moved past the others once each.
fn insert_spans(document: &mut Document, mut added: Vec<Span>) {
    if added.len() <= 16 {
        for span in added {
            let at = document.insertion_index(&span);
            document.spans.insert(at, span);
        }
        return;
    }
    sort::sort_by(&mut added, |a, b| a.sort_key().cmp(&b.sort_key()));
    let spans = &mut document.spans;
    let old = std::mem::take(spans);
    spans.reserve(old.len() + added.len());
    let mut old = old.into_iter().peekable();
    for span in added {
        while let Some(before) = old.next_if(|s| s.sort_key() < span.sort_key()) {
            spans.push(before);
        }
        spans.push(span);
    }
    spans.extend(old);
}

impl Edit {
    /// An edit that adds one span labelled `label` over `[start, end)`.
    ///
    /// # Errors
    /// The document is missing, the range is empty or out of bounds, the label
    /// is unknown, or the identical span exists.
    pub fn add_span(
        ws: &mut Workspace,
        doc: DocId,
        start: usize,
        end: usize,
        label: &str,
    ) -> Result<Edit, EditError> {
        let document = ws.document(doc).ok_or(EditError::NoSuchDocument)?;
        check_range(document, start, end)?;
        if ws.label(label).is_none() {
            return Err(EditError::UnknownLabel(label.to_owned()));
        }
        if document.has_span(start, end, label) {
            return Err(EditError::Duplicate);
        }
        let span = ws.new_span(start, end, label);
        Ok(Edit::AddSpans {
            doc,
            spans: vec![span],
        })
    }

    /// An edit that deletes label `name`, deleting or relabelling its spans
    /// across all documents; undone as one step.
    ///
    /// # Errors
    /// The label, or the relabel target, does not exist or is the same label.
    pub fn delete_label(ws: &Workspace, name: &str, spans: OrphanSpans) -> Result<Edit, EditError> {
        if ws.label(name).is_none() {
            return Err(EditError::UnknownLabel(name.to_owned()));
        }
        let mut edits = Vec::new();
        for doc in &ws.documents {
            let ids: Vec<SpanId> = doc
                .spans
                .iter()
                .filter(|s| s.label == name)
                .map(|s| s.id)
                .collect();
            if ids.is_empty() {
                continue;
            }
            match &spans {
                OrphanSpans::Delete => edits.push(Edit::RemoveSpans { doc: doc.id, ids }),
                OrphanSpans::Relabel(target) => {
                    if target == name || ws.label(target).is_none() {
                        return Err(EditError::UnknownLabel(target.clone()));
                    }
                    edits.extend(ids.into_iter().map(|span| Edit::SetSpanLabel {
                        doc: doc.id,
                        span,
                        label: target.clone(),
                    }));
                }
            }
        }
        let remaining = ws
            .labels
            .iter()
            .filter(|l| l.name != name)
            .cloned()
            .collect();
        edits.push(Edit::SetLabels(remaining));
        Ok(Edit::Batch(edits))
    }

    /// Applies the edit and returns its inverse.
    ///
    /// # Errors
    /// Any [`EditError`]; the workspace is then unchanged.
    pub fn apply(self, ws: &mut Workspace) -> Result<Edit, EditError> {
        match self {
            Edit::AddSpans { doc, spans } => {
                let labels_known = spans.iter().all(|s| ws.label(&s.label).is_some());
                let document = ws.document_mut(doc).ok_or(EditError::NoSuchDocument)?;
                for span in &spans {
                    check_range(document, span.start, span.end)?;
                }
                if !labels_known {
                    let unknown = spans
                        .iter()
                        .map(|s| s.label.to_string())
                        .next()
                        .unwrap_or_default();
                    return Err(EditError::UnknownLabel(unknown));
                }
                let ids = spans.iter().map(|s| s.id).collect();
                insert_spans(document, spans);
                Ok(Edit::RemoveSpans { doc, ids })
            }
            Edit::RemoveSpans { doc, ids } => {
                let document = ws.document_mut(doc).ok_or(EditError::NoSuchDocument)?;
                // A set: undoing *Tag all* removes thousands of spans from
                // thousands (a list made it spans × ids steps, twice).
                let wanted: HashSet<SpanId> = ids.iter().copied().collect();
                let found = document.spans.iter().filter(|s| wanted.contains(&s.id));
                if found.count() != wanted.len() {
                    return Err(EditError::NoSuchSpan);
                }
                let (removed, kept) = std::mem::take(&mut document.spans)
                    .into_iter()
                    .partition(|s| wanted.contains(&s.id));
                document.spans = kept;
                Ok(Edit::AddSpans {
                    doc,
                    spans: removed,
                })
            }
            Edit::SetSpanLabel { doc, span, label } => {
                if ws.label(&label).is_none() {
                    return Err(EditError::UnknownLabel(label));
                }
                let document = ws.document_mut(doc).ok_or(EditError::NoSuchDocument)?;
                let index = document
                    .spans
                    .iter()
                    .position(|s| s.id == span)
                    .ok_or(EditError::NoSuchSpan)?;
                let mut moved = document.spans.remove(index);
                let previous = std::mem::replace(&mut moved.label, label.into());
                let at = document.insertion_index(&moved);
                document.spans.insert(at, moved);
                Ok(Edit::SetSpanLabel {
                    doc,
                    span,
                    label: previous.into(),
                })
            }
            Edit::SetSpanNote {
                doc,
                span,
                note,
                entity_id,
            } => {
                let target = span_mut(ws, doc, span)?;
                let note = std::mem::replace(&mut target.note, note);
                let entity_id = std::mem::replace(&mut target.entity_id, entity_id);
                Ok(Edit::SetSpanNote {
                    doc,
                    span,
                    note,
                    entity_id,
                })
            }
            Edit::SetDone { doc, done } => {
                let document = ws.document_mut(doc).ok_or(EditError::NoSuchDocument)?;
                let previous = std::mem::replace(&mut document.done, done);
                Ok(Edit::SetDone {
                    doc,
                    done: previous,
                })
            }
            Edit::SetSpanAccepted {
                doc,
                span,
                accepted,
            } => {
                let target = span_mut(ws, doc, span)?;
                let accepted = std::mem::replace(&mut target.accepted, accepted);
                Ok(Edit::SetSpanAccepted {
                    doc,
                    span,
                    accepted,
                })
            }
            Edit::SetAnnotator(name) => {
                let name = name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
                Ok(Edit::SetAnnotator(std::mem::replace(
                    &mut ws.annotator,
                    name,
                )))
            }
            Edit::SetLabels(labels) => {
                validate_labels(&labels).map_err(EditError::Invalid)?;
                let used = ws
                    .documents
                    .iter()
                    .flat_map(|d| &d.spans)
                    .find(|s| labels.iter().all(|l| l.name != s.label));
                if let Some(span) = used {
                    return Err(EditError::Invalid(
                        Msg::new(Key::LabelStillUsed).quoted("label", span.label.as_str()),
                    ));
                }
                Ok(Edit::SetLabels(std::mem::replace(&mut ws.labels, labels)))
            }
            Edit::RenameLabel { from, to } => {
                if from == to {
                    return Ok(Edit::RenameLabel { from: to, to: from });
                }
                let mut labels = ws.labels.clone();
                let label = labels
                    .iter_mut()
                    .find(|l| l.name == from)
                    .ok_or_else(|| EditError::UnknownLabel(from.clone()))?;
                label.name = to.clone();
                validate_labels(&labels).map_err(EditError::Invalid)?;
                ws.labels = labels;
                // One name, shared by every renamed span.
                let renamed = LabelName::from(to.as_str());
                for doc in ws.documents.iter_mut().filter(|d| d.count_label(&from) > 0) {
                    let doc = Arc::make_mut(doc);
                    let mut touched = false;
                    for span in doc.spans.iter_mut().filter(|s| s.label == from) {
                        span.label = renamed.clone();
                        touched = true;
                    }
                    if touched {
                        sort::sort_by(&mut doc.spans, |a, b| a.sort_key().cmp(&b.sort_key()));
                    }
                }
                Ok(Edit::RenameLabel { from: to, to: from })
            }
            Edit::InsertDocuments { at, documents } => {
                let at = at.min(ws.documents.len());
                let ids = documents.iter().map(|d| d.id).collect();
                ws.documents.insert_many(at, documents);
                Ok(Edit::RemoveDocuments { ids })
            }
            Edit::RemoveDocuments { ids } => {
                let Some(at) = ws.documents.iter().position(|d| ids.contains(&d.id)) else {
                    return Err(EditError::NoSuchDocument);
                };
                let removed = ws.documents.retain(|d| !ids.contains(&d.id));
                if ws.open.is_some_and(|open| ids.contains(&open)) {
                    ws.open = ws
                        .documents
                        .get(at.min(ws.documents.len().saturating_sub(1)))
                        .map(|d| d.id);
                }
                Ok(Edit::InsertDocuments {
                    at,
                    documents: removed,
                })
            }
            Edit::Replace { labels, documents } => {
                let candidate = Workspace {
                    labels,
                    documents: DocList::from(documents),
                    open: None,
                    next_id: ws.next_id,
                    annotator: None,
                };
                candidate.validate().map_err(EditError::Invalid)?;
                let labels = std::mem::replace(&mut ws.labels, candidate.labels);
                let documents = std::mem::replace(&mut ws.documents, candidate.documents).to_vec();
                if ws.open.is_none_or(|open| ws.document(open).is_none()) {
                    ws.open = ws.documents.first().map(|d| d.id);
                }
                Ok(Edit::Replace { labels, documents })
            }
            Edit::Batch(edits) => {
                let before = ws.clone();
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(ws) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            *ws = before;
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::Batch(inverses))
            }
        }
    }
}

impl Edit {
    /// The documents this edit carries (inserted, or the whole new set of
    /// a replacement), in order.
    pub fn documents(&self) -> Vec<&Document> {
        match self {
            Edit::InsertDocuments { documents, .. } | Edit::Replace { documents, .. } => {
                documents.iter().map(|d| &**d).collect()
            }
            Edit::Batch(edits) => edits.iter().flat_map(Edit::documents).collect(),
            _ => Vec::new(),
        }
    }

    /// The documents this edit carries, mutably.
    fn documents_mut(&mut self) -> Vec<&mut Document> {
        match self {
            Edit::InsertDocuments { documents, .. } | Edit::Replace { documents, .. } => {
                documents.iter_mut().map(Arc::make_mut).collect()
            }
            Edit::Batch(edits) => edits.iter_mut().flat_map(Edit::documents_mut).collect(),
            _ => Vec::new(),
        }
    }

    /// Puts the texts and sources back into the documents this edit
    /// carries (documents serialize without them). Returns `false`, leaving
    /// the edit unusable, when `body_of` has no body for one of them.
    pub fn hydrate(&mut self, mut body_of: impl FnMut(DocId) -> Option<DocumentBody>) -> bool {
        let mut complete = true;
        for doc in self.documents_mut() {
            match body_of(doc.id) {
                Some(body) => {
                    doc.text = body.text;
                    doc.source = body.source;
                }
                None => complete = false,
            }
        }
        complete
    }
}

/// The span `span` of document `doc`, to change in place (a change that
/// leaves its place in the sorted spans as it is: not its range or label).
///
/// # Errors
/// [`EditError::NoSuchDocument`] or [`EditError::NoSuchSpan`].
fn span_mut(ws: &mut Workspace, doc: DocId, span: SpanId) -> Result<&mut Span, EditError> {
    ws.document_mut(doc)
        .ok_or(EditError::NoSuchDocument)?
        .spans
        .iter_mut()
        .find(|s| s.id == span)
        .ok_or(EditError::NoSuchSpan)
}

fn check_range(document: &Document, start: usize, end: usize) -> Result<(), EditError> {
    let len = document.text.char_len();
    if start < end && end <= len {
        Ok(())
    } else {
        Err(EditError::BadRange { start, end, len })
    }
}

/// How many steps [`History`] keeps by default.
pub const DEFAULT_HISTORY_LIMIT: usize = 200;

/// Bounded undo and redo stacks of inverse edits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    // Shared, so that copying a history (every UI state keeps one) copies
    // pointers, not the spans and documents its steps carry.
    undo: Vec<Arc<Edit>>,
    redo: Vec<Arc<Edit>>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        History::with_limit(DEFAULT_HISTORY_LIMIT)
    }
}

impl History {
    /// An empty history that keeps at most `limit` undo steps.
    pub fn with_limit(limit: usize) -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// Applies `edit` as a new step: it can be undone, and the redo stack is
    /// cleared.
    ///
    /// # Errors
    /// The edit's [`EditError`]; the workspace and history are then unchanged.
    pub fn apply(&mut self, ws: &mut Workspace, edit: Edit) -> Result<(), EditError> {
        let inverse = edit.apply(ws)?;
        self.undo.push(Arc::new(inverse));
        if self.undo.len() > self.limit {
            self.undo.remove(0);
        }
        self.redo.clear();
        Ok(())
    }

    /// Undoes the last step; says what the undone edit did and where, or
    /// `None` when there was nothing to undo.
    pub fn undo(&mut self, ws: &mut Workspace) -> Option<Change> {
        let original = Self::step(ws, &mut self.undo, &mut self.redo)?;
        Some(describe(&original, ws))
    }

    /// Redoes the last undone step; says what it did and where, or `None`
    /// when there was nothing to redo.
    pub fn redo(&mut self, ws: &mut Workspace) -> Option<Change> {
        let change = describe(self.redo.last()?.as_ref(), ws);
        Self::step(ws, &mut self.redo, &mut self.undo).map(|_| change)
    }

    /// Applies the top edit of `from` and pushes its inverse on `to`, which
    /// it also returns.
    fn step(
        ws: &mut Workspace,
        from: &mut Vec<Arc<Edit>>,
        to: &mut Vec<Arc<Edit>>,
    ) -> Option<Edit> {
        let edit = from.pop()?;
        match Edit::clone(&edit).apply(ws) {
            Ok(inverse) => {
                to.push(Arc::new(inverse.clone()));
                Some(inverse)
            }
            Err(_) => {
                from.push(edit);
                None
            }
        }
    }

    /// The documents the history carries (removed documents that undo would
    /// bring back, replaced workspaces), one per id. Their texts must stay
    /// stored. Cheap: texts are shared, not copied.
    pub fn carried_documents(&self) -> Vec<Document> {
        let mut documents: Vec<Document> = self
            .undo
            .iter()
            .chain(&self.redo)
            .flat_map(|edit| edit.documents())
            .cloned()
            .collect();
        sort::sort_by_key(&mut documents, |d| d.id);
        documents.dedup_by_key(|d| d.id);
        documents
    }

    /// Puts the texts and sources back into a deserialized history's documents. A step
    /// whose text is missing is dropped with every older step of its stack,
    /// so what remains can always be applied.
    pub fn hydrate(&mut self, mut body_of: impl FnMut(DocId) -> Option<DocumentBody>) {
        for stack in [&mut self.undo, &mut self.redo] {
            let mut keep_from = 0;
            for (i, edit) in stack.iter_mut().enumerate() {
                if !Arc::make_mut(edit).hydrate(&mut body_of) {
                    keep_from = i + 1;
                }
            }
            stack.drain(..keep_from);
        }
    }

    /// A history with these stacks, oldest step first, keeping at most
    /// [`DEFAULT_HISTORY_LIMIT`] undo steps (the newest).
    pub fn from_stacks(undo: Vec<Edit>, redo: Vec<Edit>) -> Self {
        let mut history = History::default();
        let skip = undo.len().saturating_sub(history.limit);
        history.undo = undo.into_iter().skip(skip).map(Arc::new).collect();
        history.redo = redo.into_iter().map(Arc::new).collect();
        history
    }

    /// The undo stack, oldest step first (each step is the edit that undoes
    /// it).
    pub fn undo_steps(&self) -> &[Arc<Edit>] {
        &self.undo
    }

    /// The redo stack, oldest step first.
    pub fn redo_steps(&self) -> &[Arc<Edit>] {
        &self.redo
    }

    /// The edit [`History::undo`] would apply.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.last().map(|e| &**e)
    }

    /// The edit [`History::redo`] would apply.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last().map(|e| &**e)
    }

    /// Whether [`History::undo`] would do something.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether [`History::redo`] would do something.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn many_spans_merge_where_one_by_one_would_put_them() {
        let mut seed = 7_u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((seed >> 33) % n) as usize
        };
        let labels = ["PER", "LOC", "ORG"];
        let mut spans = |count: usize, first_id: u64| -> Vec<Span> {
            (0..count)
                .map(|i| {
                    let start = next(50);
                    Span {
                        id: SpanId(first_id + i as u64),
                        start,
                        end: start + 1 + next(5),
                        label: labels[next(3)].into(),
                        note: None,
                        entity_id: None,
                        annotators: Vec::new(),
                        accepted: false,
                    }
                })
                .collect()
        };
        let mut existing = spans(40, 0);
        sort::sort_by(&mut existing, |a, b| a.sort_key().cmp(&b.sort_key()));
        for count in [3, 17, 200] {
            let added = spans(count, 1000);
            let mut one_by_one = existing.clone();
            for span in added.clone() {
                let at = one_by_one.partition_point(|s| s.sort_key() < span.sort_key());
                one_by_one.insert(at, span);
            }
            let mut ws = Workspace::default();
            let mut merged = ws.new_document("t.txt", &"ن".repeat(60));
            merged.spans = existing.clone();
            insert_spans(&mut merged, added);
            let merged = merged.spans;
            let keys = |v: &[Span]| {
                v.iter()
                    .map(|s| (s.sort_key().0, s.sort_key().1, s.label.to_string()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(keys(&merged), keys(&one_by_one), "{count}");
            assert_eq!(merged.len(), existing.len() + count);
        }
    }

    fn workspace() -> (Workspace, DocId) {
        let mut ws = Workspace::default();
        let doc = ws.new_document("a.txt", "زار الكاظمي بغداد");
        let id = doc.id;
        ws.documents.push(doc.into());
        ws.open = Some(id);
        (ws, id)
    }

    #[test]
    fn add_relabel_remove_and_undo_everything() {
        let (mut ws, doc) = workspace();
        let original = ws.clone();
        let mut history = History::default();
        let add = Edit::add_span(&mut ws, doc, 4, 11, "PER").expect("valid");
        history.apply(&mut ws, add).expect("applies");
        let add = Edit::add_span(&mut ws, doc, 12, 17, "LOC").expect("valid");
        history.apply(&mut ws, add).expect("applies");
        let spans = &ws.documents[0].spans;
        assert_eq!(spans.len(), 2);
        assert_eq!(
            ws.documents[0].text.slice(spans[0].start, spans[0].end),
            Some("الكاظمي")
        );
        let id = spans[1].id;
        history
            .apply(
                &mut ws,
                Edit::SetSpanLabel {
                    doc,
                    span: id,
                    label: "ORG".into(),
                },
            )
            .expect("relabel");
        assert_eq!(ws.documents[0].spans[1].label, "ORG");
        history
            .apply(&mut ws, Edit::RemoveSpans { doc, ids: vec![id] })
            .expect("remove");
        assert_eq!(ws.documents[0].spans.len(), 1);
        let after_all = ws.clone();
        while history.undo(&mut ws).is_some() {}
        assert_eq!(ws.documents, original.documents);
        while history.redo(&mut ws).is_some() {}
        assert_eq!(ws.documents, after_all.documents);
    }

    #[test]
    fn new_edit_clears_redo_and_history_is_bounded() {
        let (mut ws, doc) = workspace();
        let mut history = History::with_limit(2);
        for (start, end) in [(0, 3), (4, 11), (12, 17)] {
            let add = Edit::add_span(&mut ws, doc, start, end, "MISC").expect("valid");
            history.apply(&mut ws, add).expect("applies");
        }
        assert!(history.undo(&mut ws).is_some());
        assert!(history.can_redo());
        let add = Edit::add_span(&mut ws, doc, 0, 17, "MISC").expect("valid");
        history.apply(&mut ws, add).expect("applies");
        assert!(!history.can_redo());
        assert!(history.undo(&mut ws).is_some());
        assert!(history.undo(&mut ws).is_some());
        assert!(history.undo(&mut ws).is_none(), "only two steps kept");
        assert_eq!(ws.documents[0].spans.len(), 1);
    }

    #[test]
    fn invalid_edits_leave_the_workspace_unchanged() {
        let (mut ws, doc) = workspace();
        assert!(matches!(
            Edit::add_span(&mut ws, doc, 3, 3, "PER"),
            Err(EditError::BadRange { .. })
        ));
        assert!(matches!(
            Edit::add_span(&mut ws, doc, 0, 99, "PER"),
            Err(EditError::BadRange { .. })
        ));
        assert_eq!(
            Edit::add_span(&mut ws, doc, 0, 3, "XYZ"),
            Err(EditError::UnknownLabel("XYZ".into()))
        );
        assert_eq!(
            Edit::add_span(&mut ws, DocId(999), 0, 3, "PER"),
            Err(EditError::NoSuchDocument)
        );
        let add = Edit::add_span(&mut ws, doc, 0, 3, "PER").expect("valid");
        add.apply(&mut ws).expect("applies");
        assert_eq!(
            Edit::add_span(&mut ws, doc, 0, 3, "PER"),
            Err(EditError::Duplicate)
        );
        let bad_batch = Edit::Batch(vec![
            Edit::add_span(&mut ws, doc, 4, 11, "LOC").expect("valid"),
            Edit::RemoveSpans {
                doc,
                ids: vec![SpanId(12345)],
            },
        ]);
        let before = ws.clone();
        assert_eq!(bad_batch.apply(&mut ws), Err(EditError::NoSuchSpan));
        assert_eq!(ws, before);
        let bad_replace = Edit::Replace {
            labels: vec![],
            documents: ws.documents.to_vec(),
        };
        assert!(matches!(
            bad_replace.apply(&mut ws),
            Err(EditError::Invalid(_))
        ));
        assert_eq!(ws, before);
    }

    #[test]
    fn overlapping_and_nested_spans_are_kept_sorted() {
        let (mut ws, doc) = workspace();
        for (start, end, label) in [
            (12, 17, "LOC"),
            (0, 17, "MISC"),
            (4, 11, "PER"),
            (4, 17, "ORG"),
        ] {
            let add = Edit::add_span(&mut ws, doc, start, end, label).expect("valid");
            add.apply(&mut ws).expect("applies");
        }
        let ranges: Vec<_> = ws.documents[0]
            .spans
            .iter()
            .map(|s| (s.start, s.end))
            .collect();
        assert_eq!(ranges, [(0, 17), (4, 17), (4, 11), (12, 17)]);
        assert!(ws.validate().is_ok());
    }

    #[test]
    fn label_rename_delete_and_set_are_undoable() {
        let (mut ws, doc) = workspace();
        let mut history = History::default();
        for (start, end, label) in [(4, 11, "PER"), (12, 17, "LOC"), (0, 3, "PER")] {
            let add = Edit::add_span(&mut ws, doc, start, end, label).expect("valid");
            history.apply(&mut ws, add).expect("applies");
        }
        let original = ws.clone();
        history
            .apply(
                &mut ws,
                Edit::RenameLabel {
                    from: "PER".into(),
                    to: "PERSON".into(),
                },
            )
            .expect("rename");
        assert!(
            ws.documents[0]
                .spans
                .iter()
                .filter(|s| s.label == "PERSON")
                .count()
                == 2
        );
        assert_eq!(ws.labels[0].name, "PERSON");
        assert!(matches!(
            Edit::RenameLabel {
                from: "LOC".into(),
                to: "ORG".into()
            }
            .apply(&mut ws.clone()),
            Err(EditError::Invalid(_))
        ));
        let delete =
            Edit::delete_label(&ws, "PERSON", OrphanSpans::Relabel("MISC".into())).expect("valid");
        history.apply(&mut ws, delete).expect("delete relabelling");
        assert!(ws.label("PERSON").is_none());
        assert_eq!(
            ws.documents[0]
                .spans
                .iter()
                .filter(|s| s.label == "MISC")
                .count(),
            2
        );
        let delete = Edit::delete_label(&ws, "LOC", OrphanSpans::Delete).expect("valid");
        history.apply(&mut ws, delete).expect("delete with spans");
        assert_eq!(ws.documents[0].spans.len(), 2);
        assert!(ws.validate().is_ok());
        assert!(
            history.undo(&mut ws).is_some()
                && history.undo(&mut ws).is_some()
                && history.undo(&mut ws).is_some()
        );
        assert_eq!(ws, original);
    }

    #[test]
    fn set_labels_refuses_clashes_and_labels_in_use() {
        let (mut ws, doc) = workspace();
        let add = Edit::add_span(&mut ws, doc, 4, 11, "PER").expect("valid");
        add.apply(&mut ws).expect("applies");
        let mut labels = ws.labels.clone();
        labels[1].key = Some('1');
        assert!(
            matches!(Edit::SetLabels(labels).apply(&mut ws), Err(EditError::Invalid(m)) if m.contains("hotkey"))
        );
        let mut labels = ws.labels.clone();
        labels[1].key = Some(']');
        assert!(
            matches!(Edit::SetLabels(labels).apply(&mut ws), Err(EditError::Invalid(m)) if m.contains("shortcuts"))
        );
        let mut labels = ws.labels.clone();
        labels[1].key = Some('?');
        assert!(
            matches!(Edit::SetLabels(labels).apply(&mut ws), Err(EditError::Invalid(m)) if m.contains("shortcuts"))
        );
        let without_per: Vec<_> = ws
            .labels
            .iter()
            .filter(|l| l.name != "PER")
            .cloned()
            .collect();
        assert!(
            matches!(Edit::SetLabels(without_per).apply(&mut ws), Err(EditError::Invalid(m)) if m.contains("still used"))
        );
        let mut reordered = ws.labels.clone();
        reordered.reverse();
        reordered[0].color = "#zzzzzz".into();
        assert!(Edit::SetLabels(reordered.clone()).apply(&mut ws).is_err());
        reordered[0].color = "#ffeeaa".into();
        let inverse = Edit::SetLabels(reordered.clone())
            .apply(&mut ws)
            .expect("valid");
        assert_eq!(ws.labels, reordered);
        inverse.apply(&mut ws).expect("undo");
        assert_eq!(ws.labels[0].name, "PER");
    }

    #[test]
    fn notes_and_done_flags_round_trip_through_undo() {
        let (mut ws, doc) = workspace();
        let add = Edit::add_span(&mut ws, doc, 4, 11, "PER").expect("valid");
        add.apply(&mut ws).expect("applies");
        let span = ws.documents[0].spans[0].id;
        let mut history = History::default();
        history
            .apply(
                &mut ws,
                Edit::SetSpanNote {
                    doc,
                    span,
                    note: Some("رئيس الوزراء".into()),
                    entity_id: Some("Q123".into()),
                },
            )
            .expect("note");
        history
            .apply(&mut ws, Edit::SetDone { doc, done: true })
            .expect("done");
        assert_eq!(ws.documents[0].spans[0].entity_id.as_deref(), Some("Q123"));
        assert!(ws.documents[0].done);
        assert!(history.undo(&mut ws).is_some() && history.undo(&mut ws).is_some());
        assert_eq!(ws.documents[0].spans[0].note, None);
        assert!(!ws.documents[0].done);
    }

    #[test]
    fn history_survives_serialization_with_texts_stored_apart() {
        let (mut ws, doc) = workspace();
        let mut history = History::default();
        let add = Edit::add_span(&mut ws, doc, 0, 3, "PER").expect("valid");
        history.apply(&mut ws, add).expect("applies");
        let extra = ws.new_document("b.txt", "لندن 😀");
        let extra_id = extra.id;
        history
            .apply(
                &mut ws,
                Edit::InsertDocuments {
                    at: 1,
                    documents: vec![extra.clone().into()],
                },
            )
            .expect("insert");
        history
            .apply(
                &mut ws,
                Edit::RemoveDocuments {
                    ids: vec![extra_id],
                },
            )
            .expect("remove");
        let add = Edit::add_span(&mut ws, doc, 4, 11, "PER").expect("valid");
        history.apply(&mut ws, add).expect("applies");
        let relabel = Edit::SetSpanLabel {
            doc,
            span: ws.documents[0].spans[1].id,
            label: "ORG".into(),
        };
        history.apply(&mut ws, relabel).expect("applies");
        assert!(history.undo(&mut ws).is_some());
        let carried: Vec<DocId> = history.carried_documents().iter().map(|d| d.id).collect();
        assert_eq!(carried, vec![extra_id]);
        let json = serde_json::to_string(&history).expect("serializes");
        assert!(
            !json.contains("لندن"),
            "texts are not in the serialized history"
        );

        let mut restored: History = serde_json::from_str(&json).expect("parses");
        restored.hydrate(|id| (id == extra_id).then(|| extra.body()));
        assert_eq!(restored, history);
        let mut copy = ws.clone();
        assert!(restored.redo(&mut copy).is_some(), "redo survives");
        assert_eq!(copy.documents[0].spans[1].label, "ORG");
        assert!(
            restored.undo(&mut copy).is_some()
                && restored.undo(&mut copy).is_some()
                && restored.undo(&mut copy).is_some()
        );
        assert_eq!(
            copy.documents[1].text.as_str(),
            "لندن 😀",
            "a removed document comes back with its text"
        );
        while restored.undo(&mut copy).is_some() {}
        assert_eq!(copy.documents.len(), 1);
        assert!(copy.documents[0].spans.is_empty());

        // A missing text drops that step and everything older.
        let mut partial: History = serde_json::from_str(&json).expect("parses");
        partial.hydrate(|_| None);
        let mut copy = ws.clone();
        assert!(partial.undo(&mut copy).is_some(), "the newest step is kept");
        assert!(
            partial.undo(&mut copy).is_none(),
            "older steps went with the missing text"
        );
    }

    #[test]
    fn removing_the_open_document_opens_a_neighbour_and_undo_restores_it() {
        let (mut ws, first) = workspace();
        let second = ws.new_document("b.txt", "لندن");
        let second_id = second.id;
        ws.documents.push(second.into());
        let mut history = History::default();
        history
            .apply(&mut ws, Edit::RemoveDocuments { ids: vec![first] })
            .expect("removes");
        assert_eq!(ws.open, Some(second_id));
        assert!(history.undo(&mut ws).is_some());
        assert_eq!(ws.documents.len(), 2);
        assert_eq!(ws.documents[0].id, first);
    }
}
