//! What an edit does, told to the user: which document it touches, where,
//! and in a sentence. Undo and redo use it so that nothing changes out of
//! sight: the UI opens that document, shows the place and says what changed
//! ("Undid: tagging LOC «بغداد» in 003_….txt").

use super::edit::Edit;
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
    let on_doc = |doc: &DocId, spans: Vec<(SpanId, CharRange, String)>, verb: &str, tail: &str| {
        let document = ws.document(*doc);
        let name = document.map_or("a removed document", |d| d.name.as_str());
        let quoted = spans
            .first()
            .map(|(_, range, label)| format!(" {label} «{}»", quote(document, *range)))
            .unwrap_or_default();
        let more = match spans.len() {
            0 | 1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        Change {
            doc: Some(*doc),
            range: spans.first().map(|(_, range, _)| *range),
            spans: spans.iter().map(|(id, _, _)| *id).collect(),
            what: format!("{verb}{quoted}{more}{tail} in {name}"),
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
            on_doc(doc, list, "tagging", "")
        }
        Edit::RemoveSpans { doc, ids } => {
            let list = ids.iter().filter_map(|id| known(doc, id)).collect();
            on_doc(doc, list, "deleting", "")
        }
        Edit::SetSpanLabel { doc, span, label } => {
            let list = known(doc, span).into_iter().collect();
            on_doc(doc, list, "relabelling", &format!(" as {label}"))
        }
        Edit::SetSpanNote { doc, span, .. } => on_doc(
            doc,
            known(doc, span).into_iter().collect(),
            "editing the note of",
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
                "accepting"
            } else {
                "un-accepting"
            },
            "",
        ),
        Edit::SetDone { doc, done } => {
            let verb = if *done {
                "marking done"
            } else {
                "marking not done"
            };
            on_doc(doc, Vec::new(), verb, "")
        }
        Edit::Batch(steps) => describe_batch(steps, ws),
        other => Change {
            doc: None,
            range: None,
            spans: Vec::new(),
            what: describe_workspace_edit(other).to_owned(),
        },
    }
}

/// A batch reads as its first step touching a document, with a count; a
/// span removed and put back with the same id (a candidate relabelled in a
/// team document) reads as one edit of it.
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
        let name = document.map_or("a removed document", |d| d.name.as_str());
        let from = document
            .and_then(|d| d.span(*id))
            .map_or(span.label.as_str(), |s| s.label.as_str());
        return Change {
            doc: Some(*doc),
            range: Some(span.range()),
            spans: vec![span.id],
            what: format!(
                "relabelling {from} «{}» as {} in {name}",
                quote(document, span.range()),
                span.label
            ),
        };
    }
    let described: Vec<Change> = steps.iter().map(|step| describe(step, ws)).collect();
    let spans: usize = described.iter().map(|c| c.spans.len().max(1)).sum();
    let Some(first) = described.iter().find(|c| c.doc.is_some()).cloned() else {
        return described.into_iter().next().unwrap_or(Change {
            doc: None,
            range: None,
            spans: Vec::new(),
            what: "a change".to_owned(),
        });
    };
    let docs = {
        let mut ids: Vec<DocId> = described.iter().filter_map(|c| c.doc).collect();
        sort::sort(&mut ids);
        ids.dedup();
        ids.len()
    };
    let what = if docs > 1 {
        format!("{} ({spans} changes in {docs} documents)", first.what)
    } else if spans > first.spans.len().max(1) {
        format!("{} ({spans} changes)", first.what)
    } else {
        first.what.clone()
    };
    Change { what, ..first }
}

fn describe_workspace_edit(edit: &Edit) -> &'static str {
    match edit {
        Edit::SetLabels(_) => "a label set change",
        Edit::SetAnnotator(_) => "naming the annotator",
        Edit::RenameLabel { .. } => "renaming a label",
        Edit::InsertDocuments { .. } => "loading documents",
        Edit::RemoveDocuments { .. } => "removing documents",
        Edit::Replace { .. } => "importing a workspace",
        _ => "a change",
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
