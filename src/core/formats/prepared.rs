//! From what an importer read to one undoable edit, in two parts: building
//! the documents ([`Prepared::add`]: the text indexed, the spans sorted and
//! their duplicates dropped), which costs the size of the import and can be
//! done a document at a time while the page stays responsive; and turning
//! them into an edit of the workspace ([`import_prepared`]), which only
//! hands out ids and checks the result.
//!
//! Ids are handed out in the same order either way: a document's id, then
//! its spans' ids in file order. While prepared they count from zero; the
//! edit shifts them past the workspace's last id.

use crate::core::sort;
use std::sync::Arc;

use super::types::{ImportMode, Imported, ImportedDocument};
use crate::core::edit::Edit;
use crate::core::i18n::{Arg, Counted, Key, Msg};
use crate::core::model::{
    DocId, Document, Label, Span, SpanId, Workspace, check_incoming_names, new_label_color,
    parse_hex_color, validate_parts,
};
use crate::core::text::Text;

/// Keeps in `kept` what its duplicate `other` (same range and label) adds:
/// its note (after `kept`'s, on a line of its own, unless `kept`'s note
/// has that line already), its entity id when `kept` has none, its annotators, and
/// its acceptance.
fn merge_duplicate(kept: &mut Span, other: &mut Span) {
    match (&mut kept.note, other.note.take()) {
        (Some(note), Some(more)) if !note.lines().any(|line| line == more) => {
            note.push('\n');
            note.push_str(&more);
        }
        (note @ None, more) => *note = more,
        _ => {}
    }
    if kept.entity_id.is_none() {
        kept.entity_id = other.entity_id.take();
    }
    for who in other.annotators.drain(..) {
        if !kept.annotators.contains(&who) {
            kept.annotators.push(who);
        }
    }
    kept.accepted |= other.accepted;
}

/// The warning that spans of the document `name` start or end inside a
/// grapheme cluster (a letter and its marks, an emoji sequence), which no
/// span Wasim makes does: they are kept as the file has them (what was read
/// is written), and named.
fn split_characters(spans: &[Span], text: &Text, name: &str) -> Option<Msg> {
    let inside = |cp: usize| cp <= text.char_len() && !text.is_grapheme_boundary(cp);
    let split: Vec<Arg> = spans
        .iter()
        .filter(|s| inside(s.start) || inside(s.end))
        .map(|s| {
            let quoted = text.slice(s.start, s.end).unwrap_or_default();
            let named = Msg::new(Key::NamedSpan)
                .arg("label", s.label.as_str())
                .arg("quote", quoted);
            Arg::Msg(named)
        })
        .collect();
    (!split.is_empty()).then(|| {
        Msg::counted(Counted::SpansSplitCharacters, split.len())
            .arg("file", name)
            .with("spans", Arg::List(split))
    })
}

/// An import whose documents are built, waiting for their ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prepared {
    /// Replace the workspace, or add to it.
    pub mode: ImportMode,
    /// Labels the file defines.
    pub labels: Vec<Label>,
    /// The documents, with ids counted from zero.
    documents: Vec<Document>,
    /// How many ids the documents use.
    ids: u64,
    /// Index of the document to open, if the file says.
    pub open: Option<usize>,
    /// Things the user should know.
    pub warnings: Vec<Msg>,
    /// The bytes of text the documents hold, for progress.
    bytes: usize,
    /// The labels the spans carry, in the order the file first uses them,
    /// then those it lists without using them ([`Imported::listed_labels`]).
    span_labels: Vec<String>,
}

impl Prepared {
    /// An import with no document yet: `imported`'s documents are ignored
    /// (see [`Prepared::of`]).
    pub fn empty(
        mode: ImportMode,
        labels: Vec<Label>,
        open: Option<usize>,
        warnings: Vec<Msg>,
    ) -> Prepared {
        Prepared {
            mode,
            labels,
            documents: Vec::new(),
            ids: 0,
            open,
            warnings,
            bytes: 0,
            span_labels: Vec::new(),
        }
    }

    /// Everything `imported` read, built at once.
    pub fn of(imported: Imported) -> Prepared {
        let mut prepared = Prepared::empty(
            imported.mode,
            imported.labels,
            imported.open,
            imported.warnings,
        );
        for doc in imported.documents {
            prepared.add(doc);
        }
        for name in imported.listed_labels {
            if !prepared.span_labels.contains(&name) {
                prepared.span_labels.push(name);
            }
        }
        prepared
    }

    /// The labels the spans carry, in the order the file first uses them
    /// (then those it lists without using them).
    pub fn span_labels(&self) -> &[String] {
        &self.span_labels
    }

    /// How many labels adding these documents brings to a workspace whose
    /// label set is `labels` (those the spans carry or the files list).
    pub fn new_labels(&self, labels: &[Label]) -> usize {
        let known = |name: &String| labels.iter().any(|l| l.name == *name);
        self.span_labels.iter().filter(|name| !known(name)).count()
    }

    /// Builds one more document: its text indexed, its spans given ids in
    /// file order, then sorted, a span identical to an earlier one (same
    /// extent, same label) dropped.
    pub fn add(&mut self, doc: ImportedDocument) {
        let text = Text::new(&doc.text);
        self.add_indexed(doc, text);
    }

    /// [`Prepared::add`] for a document whose text is already indexed
    /// (`text` holds `doc.text`).
    pub fn add_indexed(&mut self, doc: ImportedDocument, text: Text) {
        let mut next = || {
            self.ids += 1;
            self.ids - 1
        };
        let id = DocId(next());
        let mut spans: Vec<Span> = doc
            .spans
            .into_iter()
            .map(|span| Span {
                id: SpanId(next()),
                start: span.start,
                end: span.end,
                label: span.label.into(),
                note: span.note,
                entity_id: span.entity_id,
                annotators: span.annotators,
                accepted: span.accepted,
            })
            .collect();
        for span in &spans {
            if !self.span_labels.iter().any(|name| span.label == *name) {
                self.span_labels.push(span.label.to_string());
            }
        }
        // Stable: of identical spans, the first in the file stays, with
        // what the others add (a note, an entity id), and the user is told.
        sort::sort_by(&mut spans, |a, b| a.sort_key().cmp(&b.sort_key()));
        let before = spans.len();
        spans.dedup_by(|later, earlier| {
            let same = later.sort_key() == earlier.sort_key();
            if same {
                merge_duplicate(earlier, later);
            }
            same
        });
        if spans.len() < before {
            let merged = Msg::counted(Counted::DuplicatesDropped, before - spans.len());
            self.warnings.push(merged.arg("file", doc.name.as_str()));
        }
        if let Some(warning) = split_characters(&spans, &text, &doc.name) {
            self.warnings.push(warning);
        }
        self.bytes += doc.text.len();
        self.documents.push(Document {
            id,
            name: doc.name,
            text,
            source: doc.source.map(Arc::new),
            spans,
            done: doc.done,
            demo: false,
            annotator: doc.annotator,
            team: doc.team,
        });
    }

    /// Adds `other`'s documents, labels and warnings after these (several
    /// files loaded at once make one step).
    pub fn append(&mut self, mut other: Prepared) {
        let shift = self.ids;
        for doc in &mut other.documents {
            shift_ids(doc, shift);
        }
        self.ids += other.ids;
        self.bytes += other.bytes;
        self.documents.append(&mut other.documents);
        self.labels.append(&mut other.labels);
        self.warnings.append(&mut other.warnings);
        for label in other.span_labels {
            if !self.span_labels.contains(&label) {
                self.span_labels.push(label);
            }
        }
    }

    /// How many documents are built.
    pub fn len(&self) -> usize {
        self.documents.len()
    }

    /// Whether no document is built.
    pub fn is_empty(&self) -> bool {
        self.documents.is_empty()
    }

    /// The bytes of text built so far.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// The documents built, their ids counted from zero.
    pub fn documents(&self) -> &[Document] {
        &self.documents
    }
}

fn shift_ids(doc: &mut Document, by: u64) {
    doc.id.0 += by;
    for span in &mut doc.spans {
        span.id.0 += by;
    }
}

/// The label `name` that an import adding documents brings to the
/// workspace's `labels`: as the file `defines` it (colour, description, and
/// its hotkey when no label has it yet), else with the next new colour.
fn added_label(labels: &[Label], defines: &[Label], name: String) -> Label {
    let defined = defines.iter().find(|l| l.name == name);
    let color = defined
        .map(|l| l.color.clone())
        .filter(|c| parse_hex_color(c).is_some())
        .unwrap_or_else(|| new_label_color(labels.len()).to_owned());
    let key = defined
        .and_then(|l| l.key)
        .filter(|k| labels.iter().all(|l| l.key != Some(*k)));
    Label {
        name,
        color,
        key,
        description: defined.map(|l| l.description.clone()).unwrap_or_default(),
    }
}

/// Turns an import into one undoable edit.
///
/// Spans are checked against their documents, so an invalid file never reaches
/// the workspace. Loading a file ends the tour: the demo document (and any
/// spans made on it) is removed in the same step, so undoing the load brings
/// it back.
///
/// # Errors
/// A message for the user when the imported data breaks a workspace invariant.
pub fn import_edit(ws: &mut Workspace, imported: Imported) -> Result<(Edit, Option<usize>), Msg> {
    import_prepared(ws, Prepared::of(imported))
}

/// [`import_edit`] for an import already built: costs one pass over its
/// spans (ids, labels, checks), never a copy of its documents.
///
/// # Errors
/// A message for the user when the imported data breaks a workspace invariant.
pub fn import_prepared(
    ws: &mut Workspace,
    prepared: Prepared,
) -> Result<(Edit, Option<usize>), Msg> {
    let replaces = prepared.mode == ImportMode::ReplaceWorkspace;
    let (mut labels, defined) = if replaces {
        (prepared.labels, Vec::new())
    } else {
        (ws.labels.clone(), prepared.labels)
    };
    let demo = ws.demo_ids();
    let first_new = if replaces {
        0
    } else {
        ws.documents.len() - demo.len()
    };
    let mut added = prepared.documents;
    let base = ws.next_id;
    ws.next_id += prepared.ids;
    for doc in &mut added {
        shift_ids(doc, base);
    }
    if !replaces {
        for name in prepared.span_labels {
            if labels.iter().all(|l| l.name != name) {
                let label = added_label(&labels, &defined, name);
                labels.push(label);
            }
        }
    }
    let kept = ws.work_documents().filter(|_| !replaces);
    validate_parts(&labels, kept.chain(&added))?;
    check_incoming_names(
        labels
            .iter()
            .filter(|l| ws.labels.iter().all(|w| w.name != l.name)),
    )?;
    let added: Vec<Arc<Document>> = added.into_iter().map(Arc::new).collect();
    let open = prepared.open.map(|i| first_new + i).or(Some(first_new));
    let edit = if replaces {
        Edit::Replace {
            labels,
            documents: added,
        }
    } else {
        // Only the new documents travel in the edit, so undoing a load is
        // light and its step survives a reload.
        let mut steps = Vec::with_capacity(3);
        if !demo.is_empty() {
            steps.push(Edit::RemoveDocuments { ids: demo });
        }
        if labels != ws.labels {
            steps.push(Edit::SetLabels(labels));
        }
        // A file of labels alone (brat's annotation.conf) inserts nothing:
        // an empty insertion could not be undone.
        if !added.is_empty() {
            steps.push(Edit::InsertDocuments {
                at: first_new,
                documents: added,
            });
        }
        Edit::Batch(steps)
    };
    Ok((edit, open))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::types::ImportedSpan;

    fn doc(name: &str, spans: &[(usize, usize, &str)]) -> ImportedDocument {
        ImportedDocument {
            name: name.into(),
            text: "زار علي بغداد أمس".into(),
            spans: spans
                .iter()
                .map(|&(start, end, label)| ImportedSpan {
                    start,
                    end,
                    label: label.into(),
                    note: None,
                    entity_id: None,
                    annotators: Vec::new(),
                    accepted: false,
                })
                .collect(),
            done: false,
            source: None,
            annotator: None,
            team: Vec::new(),
        }
    }

    #[test]
    fn spans_inside_a_character_are_kept_and_named() {
        let mut split = doc(
            "split.jsonl",
            &[(2, 4, "MISC"), (8, 9, "PER"), (8, 15, "LOC")],
        );
        // Half a family emoji (man + ZWJ), a dal without its damma; the
        // last span is whole.
        split.text = "x 👨\u{200d}👩\u{200d}👧 دُمِّرَ".into();
        let mut prepared = Prepared::empty(ImportMode::AddDocuments, Vec::new(), None, Vec::new());
        prepared.add(split);
        assert_eq!(prepared.documents()[0].spans.len(), 3, "kept");
        let said: Vec<String> = prepared.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].starts_with("split.jsonl: 2 spans start or end inside a character"),
            "{said:?}"
        );
        assert!(said[0].contains("MISC «👨\u{200d}», PER «د»"), "{said:?}");
        let arabic = prepared.warnings[0].render(crate::core::i18n::Lang::Ar);
        assert!(arabic.contains("مقطعان"), "{arabic}");
        // Whole characters say nothing.
        let mut whole = Prepared::empty(ImportMode::AddDocuments, Vec::new(), None, Vec::new());
        whole.add(doc("a", &[(4, 7, "PER")]));
        assert!(whole.warnings.is_empty());
    }

    #[test]
    fn a_duplicate_gives_its_note_and_entity_id_to_the_span_kept_and_is_said() {
        let mut a = doc("a", &[(4, 7, "PER"), (4, 7, "PER"), (4, 7, "PER")]);
        a.spans[0].note = Some("first note".into());
        a.spans[1].note = Some("second note".into());
        a.spans[1].entity_id = Some("Q42".into());
        a.spans[2].note = Some("first note".into());
        let mut prepared = Prepared::empty(ImportMode::AddDocuments, Vec::new(), None, Vec::new());
        prepared.add(a);
        let spans = &prepared.documents()[0].spans;
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].note.as_deref(), Some("first note\nsecond note"));
        assert_eq!(spans[0].entity_id.as_deref(), Some("Q42"));
        assert_eq!(prepared.warnings.len(), 1);
        assert!(
            prepared.warnings[0].contains("a: 2 duplicate spans"),
            "{:?}",
            prepared.warnings
        );
    }

    #[test]
    fn ids_follow_the_file_and_duplicates_go() {
        let mut ws = Workspace {
            next_id: 100,
            ..Workspace::default()
        };
        let imported = Imported {
            mode: ImportMode::AddDocuments,
            labels: Vec::new(),
            listed_labels: Vec::new(),
            documents: vec![
                doc("a", &[(8, 13, "LOC"), (4, 7, "PER"), (8, 13, "LOC")]),
                doc("b", &[(0, 3, "X")]),
            ],
            open: None,
            warnings: Vec::new(),
        };
        let (edit, open) = import_edit(&mut ws, imported).expect("valid");
        assert_eq!(open, Some(0));
        assert_eq!(
            ws.next_id, 106,
            "two documents and four spans, the duplicate too"
        );
        let Edit::Batch(steps) = edit else {
            panic!("a batch")
        };
        let Some(Edit::InsertDocuments { documents, .. }) = steps.last() else {
            panic!("an insertion")
        };
        let a = &documents[0];
        assert_eq!(a.id, DocId(100));
        let spans: Vec<(u64, usize)> = a.spans.iter().map(|s| (s.id.0, s.start)).collect();
        assert_eq!(
            spans,
            [(102, 4), (101, 8)],
            "sorted, the first of two identical kept"
        );
        assert_eq!(documents[1].id, DocId(104));
        assert!(
            matches!(&steps[0], Edit::SetLabels(labels) if labels.iter().any(|l| l.name == "X")),
            "an unknown label is added"
        );
    }

    #[test]
    fn built_in_steps_and_appended_equals_built_at_once() {
        use crate::core::i18n::Key;
        let verbatim = |text: &str| Msg::new(Key::Verbatim).arg("text", text);
        let make = |names: &[&str]| Imported {
            mode: ImportMode::AddDocuments,
            labels: Vec::new(),
            listed_labels: Vec::new(),
            documents: names.iter().map(|n| doc(n, &[(4, 7, "PER")])).collect(),
            open: None,
            warnings: vec![Msg::new(Key::Verbatim).arg("text", format!("{names:?}"))],
        };
        let at_once = Prepared::of(Imported {
            warnings: vec![verbatim("[\"a\", \"b\"]"), verbatim("[\"c\"]")],
            ..make(&["a", "b", "c"])
        });
        let mut stepwise = Prepared::empty(
            ImportMode::AddDocuments,
            Vec::new(),
            None,
            vec![verbatim("[\"a\", \"b\"]")],
        );
        for d in make(&["a", "b"]).documents {
            stepwise.add(d);
        }
        stepwise.append(Prepared::of(make(&["c"])));
        assert_eq!(stepwise, at_once);
        assert_eq!(stepwise.len(), 3);
        assert!(stepwise.bytes() > 0);
    }

    #[test]
    fn a_span_outside_its_text_is_refused() {
        let mut ws = Workspace::default();
        let imported = Imported {
            mode: ImportMode::ReplaceWorkspace,
            labels: crate::core::model::default_labels(),
            listed_labels: Vec::new(),
            documents: vec![doc("a", &[(4, 700, "PER")])],
            open: None,
            warnings: Vec::new(),
        };
        let error = import_edit(&mut ws, imported).expect_err("outside");
        assert!(error.contains("outside its text"), "{error}");
    }
}
