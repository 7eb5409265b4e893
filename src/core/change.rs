//! What an edit does, told to the user: which document it touches, where,
//! and in a sentence. Undo and redo use it so that nothing changes out of
//! sight: the UI opens that document, shows the place and says what changed
//! ("Undid: tagging LOC «بغداد» in 003_….txt").

use super::edit::Edit;
use super::i18n::{Counted, Key, Lang};
use super::model::{DocId, Document, SpanId, Workspace};
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
    /// What it does, as a phrase: "tagging LOC «بغداد» in a.txt".
    pub what: String,
}

/// How many characters of a span's text a message quotes.
const QUOTE: usize = 40;

/// Describes `edit` as seen from `ws`, the workspace in which it is *not*
/// applied (before a redo, after an undo), so that every span it names can
/// be found either in the edit or in `ws`.
pub fn describe(edit: &Edit, ws: &Workspace) -> Change {
    describe_in(edit, ws, Lang::En)
}

/// [`describe`], the phrase in `lang`.
pub fn describe_in(edit: &Edit, ws: &Workspace, lang: Lang) -> Change {
    let on_doc = |doc: &DocId, spans: Vec<(SpanId, CharRange, String)>, verb: Key, tail: &str| {
        let document = ws.document(*doc);
        let name = document.map_or(lang.t(Key::RemovedDocument), |d| d.name.as_str());
        let mut what = lang.t(verb).to_owned();
        if let Some((_, range, label)) = spans.first() {
            what.push_str(&format!(" {label} «{}»", quote(document, *range)));
        }
        if spans.len() > 1 {
            what.push(' ');
            what.push_str(&lang.n(Counted::AndMore, spans.len() - 1, &[]));
        }
        if !tail.is_empty() {
            what.push(' ');
            what.push_str(tail);
        }
        Change {
            doc: Some(*doc),
            range: spans.first().map(|(_, range, _)| *range),
            spans: spans.iter().map(|(id, _, _)| *id).collect(),
            what: lang.f(Key::OnDocument, &[("what", &what), ("name", name)]),
        }
    };
    let known = |doc: &DocId, id: &SpanId| {
        let span = ws.document(*doc)?.span(*id)?;
        Some((span.id, span.range(), span.label.clone()))
    };
    match edit {
        Edit::AddSpans { doc, spans } => {
            let list = spans
                .iter()
                .map(|s| (s.id, s.range(), s.label.clone()))
                .collect();
            on_doc(doc, list, Key::Tagging, "")
        }
        Edit::RemoveSpans { doc, ids } => {
            let list = ids.iter().filter_map(|id| known(doc, id)).collect();
            on_doc(doc, list, Key::Deleting, "")
        }
        Edit::SetSpanLabel { doc, span, label } => {
            let list = known(doc, span).into_iter().collect();
            let tail = lang.f(Key::AsLabel, &[("label", label)]);
            on_doc(doc, list, Key::Relabelling, &tail)
        }
        Edit::SetSpanNote { doc, span, .. } => on_doc(
            doc,
            known(doc, span).into_iter().collect(),
            Key::EditingNote,
            "",
        ),
        Edit::SetSpanAccepted {
            doc,
            span,
            accepted,
        } => on_doc(
            doc,
            known(doc, span).into_iter().collect(),
            if *accepted {
                Key::Accepting
            } else {
                Key::Unaccepting
            },
            "",
        ),
        Edit::SetDone { doc, done } => {
            let verb = if *done {
                Key::MarkingDone
            } else {
                Key::MarkingNotDone
            };
            on_doc(doc, Vec::new(), verb, "")
        }
        Edit::Batch(steps) => describe_batch(steps, ws, lang),
        other => Change {
            doc: None,
            range: None,
            spans: Vec::new(),
            what: lang.t(describe_workspace_edit(other)).to_owned(),
        },
    }
}

/// A batch reads as its first step touching a document, with a count; a
/// span removed and put back with the same id (a candidate relabelled in a
/// team document) reads as one edit of it.
fn describe_batch(steps: &[Edit], ws: &Workspace, lang: Lang) -> Change {
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
        let name = document.map_or(lang.t(Key::RemovedDocument), |d| d.name.as_str());
        let from = document
            .and_then(|d| d.span(*id))
            .map_or(span.label.as_str(), |s| s.label.as_str());
        let what = format!(
            "{} {from} «{}» {}",
            lang.t(Key::Relabelling),
            quote(document, span.range()),
            lang.f(Key::AsLabel, &[("label", &span.label)])
        );
        return Change {
            doc: Some(*doc),
            range: Some(span.range()),
            spans: vec![span.id],
            what: lang.f(Key::OnDocument, &[("what", &what), ("name", name)]),
        };
    }
    let described: Vec<Change> = steps
        .iter()
        .map(|step| describe_in(step, ws, lang))
        .collect();
    let spans: usize = described.iter().map(|c| c.spans.len().max(1)).sum();
    let Some(first) = described.iter().find(|c| c.doc.is_some()).cloned() else {
        return described.into_iter().next().unwrap_or(Change {
            doc: None,
            range: None,
            spans: Vec::new(),
            what: lang.t(Key::AChange).to_owned(),
        });
    };
    let docs = {
        let mut ids: Vec<DocId> = described.iter().filter_map(|c| c.doc).collect();
        sort::sort(&mut ids);
        ids.dedup();
        ids.len()
    };
    let changes = lang.n(Counted::Changes, spans, &[]);
    let what = if docs > 1 {
        let documents = lang.n(Counted::Documents, docs, &[]);
        lang.f(
            Key::ChangesIn,
            &[
                ("what", &first.what),
                ("changes", &changes),
                ("documents", &documents),
            ],
        )
    } else if spans > first.spans.len().max(1) {
        lang.f(
            Key::ChangesOnly,
            &[("what", &first.what), ("changes", &changes)],
        )
    } else {
        first.what.clone()
    };
    Change { what, ..first }
}

fn describe_workspace_edit(edit: &Edit) -> Key {
    match edit {
        Edit::SetLabels(_) => Key::LabelSetChange,
        Edit::SetAnnotator(_) => Key::NamingAnnotator,
        Edit::RenameLabel { .. } => Key::RenamingLabel,
        Edit::InsertDocuments { .. } => Key::LoadingDocuments,
        Edit::RemoveDocuments { .. } => Key::RemovingDocuments,
        Edit::Replace { .. } => Key::ImportingWorkspace,
        _ => Key::AChange,
    }
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
            (undone.doc, undone.what.as_str()),
            (Some(a), "marking done in a.txt")
        );
        let undone = history.undo(&mut ws).expect("undoes");
        assert_eq!(undone.what, "tagging LOC «بغداد» in a.txt");
        assert_eq!(undone.range, CharRange::new(12, 17));
        let redone = history.redo(&mut ws).expect("redoes");
        assert_eq!(redone.what, "tagging LOC «بغداد» in a.txt");
        assert_eq!(
            ws.documents[0].spans[0].id, redone.spans[0],
            "the span is back"
        );
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
        assert_eq!(undone.what, "relabelling PER «الكاظمي» as ORG in a.txt");
        let remove = Edit::RemoveSpans {
            doc: a,
            ids: vec![id],
        };
        history.apply(&mut ws, remove).expect("applies");
        assert_eq!(
            history.undo(&mut ws).expect("undoes").what,
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
        assert_eq!(undone.what, "relabelling PER «الكاظمي» as LOC in a.txt");
        assert_eq!(undone.spans, [id]);
        let spans = vec![ws.new_span(0, 3, "MISC"), ws.new_span(12, 17, "LOC")];
        let batch = Edit::Batch(vec![Edit::AddSpans { doc: a, spans }]);
        history.apply(&mut ws, batch).expect("applies");
        assert_eq!(
            history.undo(&mut ws).expect("undoes").what,
            "tagging MISC «زار» and 1 more in a.txt"
        );
    }
}
