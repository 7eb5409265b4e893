//! What an edit does, told to the user: which document it touches, where,
//! and in a sentence. Undo and redo use it so that nothing changes out of
//! sight: the UI opens that document, shows the place and says what changed
//! ("Undid: tagging LOC «بغداد» in 003_….txt").

use super::edit::Edit;
use super::i18n::{Counted, Key, Msg};
use super::model::{DocId, Document, LabelName, SpanId, Workspace};
use super::text::CharRange;
use crate::core::sort;

/// Where an edit acts and what it does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The document it touches, when it touches one.
    pub doc: Option<DocId>,
    /// The place in that document to show.
    pub range: Option<CharRange>,
    /// The spans it concerns (to select those that exist afterwards).
    pub spans: Vec<SpanId>,
    /// What it does, as a phrase: "tagging LOC «بغداد» in a.txt", worded
    /// where it is shown (and again when the language changes).
    pub what: Msg,
}

/// How many characters of a span's text a message quotes.
const QUOTE: usize = 40;

/// Describes `edit` as seen from `ws`, the workspace in which it is *not*
/// applied (before a redo, after an undo), so that every span it names can
/// be found either in the edit or in `ws`.
pub fn describe(edit: &Edit, ws: &Workspace) -> Change {
    let on_doc =
        |doc: &DocId, spans: Vec<(SpanId, CharRange, LabelName)>, verb: Key, tail: Option<Msg>| {
            let document = ws.document(*doc);
            let mut what = Msg::from(verb);
            if let Some((_, range, label)) = spans.first() {
                what = then(what, named(label, document, *range));
            }
            if spans.len() > 1 {
                what = then(what, Msg::counted(Counted::AndMore, spans.len() - 1));
            }
            if let Some(tail) = tail {
                what = then(what, tail);
            }
            Change {
                doc: Some(*doc),
                range: spans.first().map(|(_, range, _)| *range),
                spans: spans.iter().map(|(id, _, _)| *id).collect(),
                what: on_document(what, document),
            }
        };
    let known = |doc: &DocId, id: &SpanId| {
        let span = ws.document(*doc)?.span(*id)?;
        Some((span.id, span.range(), span.label.clone()))
    };
    let one = |doc: &DocId, span: &SpanId| known(doc, span).into_iter().collect::<Vec<_>>();
    match edit {
        Edit::AddSpans { doc, spans } => {
            let list = spans
                .iter()
                .map(|s| (s.id, s.range(), s.label.clone()))
                .collect();
            on_doc(doc, list, Key::Tagging, None)
        }
        Edit::RemoveSpans { doc, ids } => {
            let list = ids.iter().filter_map(|id| known(doc, id)).collect();
            on_doc(doc, list, Key::Deleting, None)
        }
        Edit::SetSpanLabel { doc, span, label } => {
            let tail = Msg::new(Key::AsLabel).arg("label", label.as_str());
            on_doc(doc, one(doc, span), Key::Relabelling, Some(tail))
        }
        Edit::SetSpanNote {
            doc,
            span,
            note,
            entity_id,
        } => {
            // The words say what changed: the entity id alone, or the note.
            let before = ws.document(*doc).and_then(|d| d.span(*span));
            let only_entity = before.is_some_and(|s| s.note == *note && s.entity_id != *entity_id);
            let verb = if only_entity {
                Key::EditingEntityId
            } else {
                Key::EditingNote
            };
            on_doc(doc, one(doc, span), verb, None)
        }
        Edit::SetSpanAccepted {
            doc,
            span,
            accepted,
        } => {
            let verb = if *accepted {
                Key::Accepting
            } else {
                Key::Unaccepting
            };
            on_doc(doc, one(doc, span), verb, None)
        }
        Edit::SetDone { doc, done } => {
            let verb = if *done {
                Key::MarkingDone
            } else {
                Key::MarkingNotDone
            };
            on_doc(doc, Vec::new(), verb, None)
        }
        Edit::Batch(steps) => describe_batch(steps, ws),
        other => Change {
            doc: None,
            range: None,
            spans: Vec::new(),
            what: describe_workspace_edit(other, ws),
        },
    }
}

/// `first`, a space, then `second`: the words of a phrase, each worded in
/// the message's language.
fn then(first: Msg, second: impl Into<Msg>) -> Msg {
    Msg::new(Key::TwoSentences)
        .msg("first", first)
        .msg("second", second.into())
}

/// "`what` in `document`" (or in a document since removed).
fn on_document(what: Msg, document: Option<&Document>) -> Msg {
    let on = Msg::new(Key::OnDocument).msg("what", what);
    match document {
        Some(d) => on.arg("name", d.name.as_str()),
        None => on.msg("name", Msg::new(Key::RemovedDocument)),
    }
}

/// A batch reads as its first step touching a document, with a count; a
/// span removed and put back with the same id (a candidate relabelled in a
/// team document) reads as one edit of it; documents loaded in place of
/// others (the demo put away), with the labels they bring, read as the
/// loading (Adjudicate's merge as adding the merged documents).
fn describe_batch(steps: &[Edit], ws: &Workspace) -> Change {
    if let [
        Edit::RemoveSpans { doc, ids },
        Edit::AddSpans {
            doc: again,
            spans: added,
        },
    ] = steps
        && let ([id], [span]) = (ids.as_slice(), added.as_slice())
        && (doc, id) == (again, &span.id)
    {
        let document = ws.document(*doc);
        let from = document
            .and_then(|d| d.span(*id))
            .map_or(span.label.as_str(), |s| s.label.as_str());
        let what = then(
            then(
                Msg::new(Key::Relabelling),
                named(from, document, span.range()),
            ),
            Msg::new(Key::AsLabel).arg("label", span.label.as_str()),
        );
        return Change {
            doc: Some(*doc),
            range: Some(span.range()),
            spans: vec![span.id],
            what: on_document(what, document),
        };
    }
    // Loading files also puts the demo away and may add labels: the batch
    // is the loading.
    if let Some(load) = steps
        .iter()
        .find(|s| matches!(s, Edit::InsertDocuments { .. } | Edit::Replace { .. }))
        && steps.iter().all(|s| {
            matches!(
                s,
                Edit::InsertDocuments { .. }
                    | Edit::Replace { .. }
                    | Edit::RemoveDocuments { .. }
                    | Edit::SetLabels(_)
            )
        })
    {
        return describe(load, ws);
    }
    if let Some(change) = describe_label_deletion(steps, ws) {
        return change;
    }
    let described: Vec<Change> = steps.iter().map(|step| describe(step, ws)).collect();
    let spans: usize = described.iter().map(|c| c.spans.len().max(1)).sum();
    let Some(first) = described.iter().find(|c| c.doc.is_some()).cloned() else {
        return described.into_iter().next().unwrap_or(Change {
            doc: None,
            range: None,
            spans: Vec::new(),
            what: Msg::new(Key::AChange),
        });
    };
    let docs = {
        let mut ids: Vec<DocId> = described.iter().filter_map(|c| c.doc).collect();
        sort::sort(&mut ids);
        ids.dedup();
        ids.len()
    };
    let changes = Msg::counted(Counted::Changes, spans);
    let what = if docs > 1 {
        Msg::new(Key::ChangesIn)
            .msg("what", first.what.clone())
            .msg("changes", changes)
            .msg("documents", Msg::counted(Counted::InDocuments, docs))
    } else if spans > first.spans.len().max(1) {
        Msg::new(Key::ChangesOnly)
            .msg("what", first.what.clone())
            .msg("changes", changes)
    } else {
        first.what.clone()
    };
    Change { what, ..first }
}

/// A label deleted, with its spans removed or relabelled
/// ([`Edit::delete_label`]): the batch's new label set lacks one label of
/// `ws` (which has it both before a redo and after an undo). It is named,
/// with the count of its spans, and no document is opened for it.
fn describe_label_deletion(steps: &[Edit], ws: &Workspace) -> Option<Change> {
    let kept = steps.iter().find_map(|step| match step {
        Edit::SetLabels(labels) => Some(labels),
        _ => None,
    })?;
    let mut gone = ws
        .labels
        .iter()
        .filter(|l| kept.iter().all(|k| k.name != l.name));
    let (Some(label), None) = (gone.next(), gone.next()) else {
        return None;
    };
    let spans: usize = steps
        .iter()
        .map(|step| match step {
            Edit::RemoveSpans { ids, .. } => ids.len(),
            Edit::SetSpanLabel { .. } => 1,
            _ => 0,
        })
        .sum();
    let what = Msg::new(Key::DeletingLabel).arg("name", label.name.as_str());
    let what = match spans {
        0 => what,
        n => Msg::new(Key::ChangesOnly)
            .msg("what", what)
            .msg("changes", Msg::counted(Counted::Changes, n)),
    };
    Some(Change {
        doc: None,
        range: None,
        spans: Vec::new(),
        what,
    })
}

/// What a workspace edit does; loading or removing one document names it.
fn describe_workspace_edit(edit: &Edit, ws: &Workspace) -> Msg {
    if let Edit::InsertDocuments { documents, .. } = edit
        && let [document] = documents.as_slice()
        && document.team.is_empty()
    {
        return Msg::new(Key::LoadingDocument).arg("name", document.name.as_str());
    }
    if let Edit::RemoveDocuments { ids } = edit
        && let [id] = ids.as_slice()
        && let Some(document) = ws.document(*id)
    {
        return Msg::new(Key::RemovingDocument).arg("name", document.name.as_str());
    }
    let key = match edit {
        Edit::SetLabels(_) => Key::LabelSetChange,
        Edit::SetAnnotator(_) => Key::NamingAnnotator,
        Edit::RenameLabel { .. } => Key::RenamingLabel,
        // Adjudicate's merge: documents with a team.
        Edit::InsertDocuments { documents, .. } if documents.iter().any(|d| !d.team.is_empty()) => {
            Key::AddingMergedDocuments
        }
        Edit::InsertDocuments { .. } => Key::LoadingDocuments,
        Edit::RemoveDocuments { .. } => Key::RemovingDocuments,
        Edit::Replace { .. } => Key::ImportingWorkspace,
        _ => Key::AChange,
    };
    Msg::new(key)
}

/// A span as a phrase names it: its label and its text, `LOC «بغداد»`.
fn named(label: &str, doc: Option<&Document>, range: CharRange) -> Msg {
    Msg::new(Key::NamedSpan)
        .arg("label", label)
        .arg("quote", quote(doc, range))
}

/// Up to [`QUOTE`] characters of the text at `range`.
fn quote(doc: Option<&Document>, range: CharRange) -> String {
    let text = doc
        .and_then(|d| d.text.slice_range(range))
        .unwrap_or_default();
    let mut quoted: String = text.chars().take(QUOTE).collect();
    if text.chars().count() > QUOTE {
        quoted.push('…');
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::History;
    use std::sync::Arc;

    fn workspace() -> (Workspace, DocId, DocId) {
        let mut ws = Workspace::default();
        let a = ws.new_document("a.txt", "زار الكاظمي بغداد");
        let b = ws.new_document("b.txt", "لندن");
        let (ida, idb) = (a.id, b.id);
        ws.documents.push(a.into());
        ws.documents.push(b.into());
        (ws, ida, idb)
    }

    #[test]
    fn undo_and_redo_say_what_and_where() {
        let (mut ws, a, b) = workspace();
        let mut history = History::default();
        let add = Edit::add_span(&mut ws, a, 12, 17, "LOC").expect("valid");
        history.apply(&mut ws, add).expect("applies");
        history
            .apply(&mut ws, Edit::SetDone { doc: a, done: true })
            .expect("applies");
        ws.open = Some(b);
        let undone = history.undo(&mut ws).expect("undoes");
        assert_eq!(
            (undone.doc, undone.what.to_string().as_str()),
            (Some(a), "marking done in a.txt")
        );
        let undone = history.undo(&mut ws).expect("undoes");
        assert_eq!(undone.what.to_string(), "tagging LOC «بغداد» in a.txt");
        assert_eq!(undone.range, CharRange::new(12, 17));
        let redone = history.redo(&mut ws).expect("redoes");
        assert_eq!(redone.what.to_string(), "tagging LOC «بغداد» in a.txt");
        assert_eq!(
            ws.documents[0].spans[0].id, redone.spans[0],
            "the span is back"
        );
    }

    #[test]
    fn loading_in_place_of_the_demo_reads_as_loading() {
        let (mut ws, a, _) = workspace();
        let mut history = History::default();
        let loaded = Arc::new(ws.new_document("c.txt", "نص"));
        let load = Edit::Batch(vec![
            Edit::RemoveDocuments { ids: vec![a] },
            Edit::InsertDocuments {
                at: 0,
                documents: vec![loaded],
            },
        ]);
        history.apply(&mut ws, load).expect("applies");
        let undone = history.undo(&mut ws).expect("undoes");
        assert_eq!(undone.what.to_string(), "loading c.txt");
        let redone = history.redo(&mut ws).expect("redoes");
        assert_eq!(redone.what.to_string(), "loading c.txt");
        // Several documents are counted by no name.
        let two = ["d.txt", "e.txt"].map(|name| Arc::new(ws.new_document(name, "نص")));
        let load = Edit::InsertDocuments {
            at: 0,
            documents: two.to_vec(),
        };
        history.apply(&mut ws, load).expect("applies");
        let undone = history.undo(&mut ws).expect("undoes");
        assert_eq!(undone.what.to_string(), "loading documents");
        // Removing one document names it, done, undone and redone.
        let (mut ws, a, _) = workspace();
        let mut history = History::default();
        let remove = Edit::RemoveDocuments { ids: vec![a] };
        assert_eq!(describe(&remove, &ws).what.to_string(), "removing a.txt");
        history.apply(&mut ws, remove).expect("applies");
        let undone = history.undo(&mut ws).expect("undoes");
        assert_eq!(undone.what.to_string(), "removing a.txt");
        let redone = history.redo(&mut ws).expect("redoes");
        assert_eq!(redone.what.to_string(), "removing a.txt");
    }

    #[test]
    fn adjudicate_merge_with_new_labels_reads_as_adding_the_merged_documents() {
        let (mut ws, a, _) = workspace();
        let mut history = History::default();
        let mut merged = ws.new_document("c.txt", "نص");
        merged.team = vec!["Amina".into(), "Badr".into()];
        let mut labels = ws.labels.clone();
        labels.push(crate::core::model::Label {
            name: "EVENT".into(),
            color: "#123456".into(),
            key: None,
            description: String::new(),
        });
        let merge = Edit::Batch(vec![
            Edit::RemoveDocuments { ids: vec![a] },
            Edit::SetLabels(labels),
            Edit::InsertDocuments {
                at: 0,
                documents: vec![Arc::new(merged)],
            },
        ]);
        history.apply(&mut ws, merge).expect("applies");
        for redo in [false, true] {
            let change = if redo {
                history.redo(&mut ws).expect("redoes")
            } else {
                history.undo(&mut ws).expect("undoes")
            };
            assert_eq!(
                change.what.to_string(),
                "adding the team's merged documents"
            );
            let arabic = change.what.render(crate::core::i18n::Lang::Ar);
            assert_eq!(arabic, "إضافة مستندات الفريق المدمجة");
        }
    }

    #[test]
    fn an_entity_id_edit_reads_as_one_and_a_note_edit_as_a_note() {
        let (mut ws, a, _) = workspace();
        let mut history = History::default();
        let add = Edit::add_span(&mut ws, a, 4, 11, "PER").expect("valid");
        history.apply(&mut ws, add).expect("applies");
        let span = ws.documents[0].spans[0].id;
        let set = |note: Option<&str>, entity: Option<&str>| Edit::SetSpanNote {
            doc: a,
            span,
            note: note.map(Into::into),
            entity_id: entity.map(Into::into),
        };
        history
            .apply(&mut ws, set(None, Some("Q1")))
            .expect("applies");
        let undone = history.undo(&mut ws).expect("undoes");
        assert_eq!(
            undone.what.to_string(),
            "editing the entity id of PER «الكاظمي» in a.txt"
        );
        history.redo(&mut ws).expect("redoes");
        history
            .apply(&mut ws, set(Some("رئيس"), Some("Q1")))
            .expect("applies");
        let undone = history.undo(&mut ws).expect("undoes");
        assert_eq!(
            undone.what.to_string(),
            "editing the note of PER «الكاظمي» in a.txt"
        );
    }

    #[test]
    fn deleting_a_label_reads_as_that_not_as_its_first_span() {
        use crate::core::edit::OrphanSpans;
        let (mut ws, a, b) = workspace();
        let mut history = History::default();
        for (doc, start, end) in [(a, 4, 11), (a, 12, 17), (b, 0, 4)] {
            let add = Edit::add_span(&mut ws, doc, start, end, "LOC").expect("valid");
            history.apply(&mut ws, add).expect("applies");
        }
        for policy in [OrphanSpans::Relabel("ORG".into()), OrphanSpans::Delete] {
            let delete = Edit::delete_label(&ws, "LOC", policy).expect("valid");
            history.apply(&mut ws, delete).expect("applies");
            ws.open = Some(b);
            let undone = history.undo(&mut ws).expect("undoes");
            assert_eq!(
                undone.what.to_string(),
                "deleting the label LOC (3 changes)"
            );
            assert_eq!(undone.doc, None, "no document is opened for it");
            let redone = history.redo(&mut ws).expect("redoes");
            assert_eq!(
                redone.what.to_string(),
                "deleting the label LOC (3 changes)"
            );
            history.undo(&mut ws).expect("undoes");
        }
    }

    #[test]
    fn deletions_relabels_and_batches_are_described() {
        let (mut ws, a, _) = workspace();
        let mut history = History::default();
        let add = Edit::add_span(&mut ws, a, 4, 11, "PER").expect("valid");
        history.apply(&mut ws, add).expect("applies");
        let id = ws.documents[0].spans[0].id;
        let relabel = Edit::SetSpanLabel {
            doc: a,
            span: id,
            label: "ORG".into(),
        };
        history.apply(&mut ws, relabel).expect("applies");
        let undone = history.undo(&mut ws).expect("undoes");
        assert_eq!(
            undone.what.to_string(),
            "relabelling PER «الكاظمي» as ORG in a.txt"
        );
        let remove = Edit::RemoveSpans {
            doc: a,
            ids: vec![id],
        };
        history.apply(&mut ws, remove).expect("applies");
        assert_eq!(
            history.undo(&mut ws).expect("undoes").what.to_string(),
            "deleting PER «الكاظمي» in a.txt"
        );
        // A span put back with its id under another label is a relabel.
        let mut old = ws.new_span(4, 11, "PER");
        old.annotators = vec!["Amina".into()];
        let id = old.id;
        Edit::AddSpans {
            doc: a,
            spans: vec![old.clone()],
        }
        .apply(&mut ws)
        .expect("applies");
        let replace = Edit::Batch(vec![
            Edit::RemoveSpans {
                doc: a,
                ids: vec![id],
            },
            Edit::AddSpans {
                doc: a,
                spans: vec![crate::core::model::Span {
                    label: "LOC".into(),
                    annotators: vec![],
                    ..old
                }],
            },
        ]);
        history.apply(&mut ws, replace).expect("applies");
        let undone = history.undo(&mut ws).expect("undoes");
        assert_eq!(
            undone.what.to_string(),
            "relabelling PER «الكاظمي» as LOC in a.txt"
        );
        assert_eq!(undone.spans, [id]);
        let spans = vec![ws.new_span(0, 3, "MISC"), ws.new_span(12, 17, "LOC")];
        let batch = Edit::Batch(vec![Edit::AddSpans { doc: a, spans }]);
        history.apply(&mut ws, batch).expect("applies");
        assert_eq!(
            history.undo(&mut ws).expect("undoes").what.to_string(),
            "tagging MISC «زار» and 1 more in a.txt"
        );
    }
}
