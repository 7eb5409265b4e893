//! Import and export formats behind one small interface.
//!
//! Each format lives in its own module and implements [`Format`]. The UI lists
//! [`all`] to build its export menu and calls [`import_files`] (or [`detect`])
//! to route imported files, so a new format only has to be added to [`all`].
//!
//! Every format states its offset convention in its module documentation.
//! Whatever a file uses, importers convert to Wasim's unit (code points,
//! half-open) and exporters convert back.
//!
//! | Format | Module | Offsets in the file | Import | Export |
//! |---|---|---|---|---|
//! | Wasim JSON | [`wasim`] | code points, half-open, span `text` checked | yes | yes |
//! | doccano JSONL | [`doccano`] | UTF-16 code units in doccano's web UI (issue #2290); Python code points in scripts. Import detects which (span texts, else character boundaries) and warns when the text has astral characters; export writes each document in its file's unit (code points for documents from elsewhere) unless [`ExportOptions::utf16_offsets`] asks for UTF-16 | yes | yes |
//! | spaCy / Prodigy JSONL | [`spacy`] | code points (Python `str`), half-open; Prodigy `token_end` inclusive; spaCy v2 JSON has tokens only | yes | yes (JSONL) |
//! | Label Studio JSON | [`label_studio`] | code points in current releases, UTF-16 in older ones (issues #1347, #4988): detected from `value.text`, warned | yes | yes |
//! | brat standoff | [`brat`] | code points, half-open, `start end;start end` fragments | yes (`.txt` + `.ann`, loose or in any `.zip`) | yes (`.zip`; an imported `.ann` is written back as it was, edits in place) |
//! | CoNLL / IOB | [`conll`] | none: one token per line; Wasim joins tokens with one space and sentences with a line break | yes | yes |
//! | W3C Web Annotation | [`web_annotation`] | `TextPositionSelector` in code points (as the spec says), plus a `TextQuoteSelector` | no | yes |
//!
//! "Astral" characters (outside the Basic Multilingual Plane: emoji, some
//! CJK and historic scripts) are the only ones that count as two UTF-16 units
//! but one code point, so the two conventions agree on any text without them.

pub mod brat;
mod common;
pub mod conll;
pub mod doccano;
pub mod iob;
pub mod label_studio;
pub mod naming;
pub mod prepared;
pub mod registry;
pub mod spacy;
pub mod tokenize;
pub mod types;
pub mod wasim;
pub mod wasim_fields;
pub mod web_annotation;
pub mod zip;

use super::i18n::{Counted, Msg};
use super::model::{Document, Workspace};

use std::borrow::Cow;

pub use iob::TagScheme;
pub use prepared::{Prepared, import_edit, import_prepared};
pub use registry::{
    all, brat_confs, by_id, classify, detect, extension, import_archive, import_files, import_unit,
    import_units, stem,
};
pub use types::{
    ExportOptions, ExportScope, Exported, Format, ImportError, ImportMode, Imported,
    ImportedDocument, ImportedSpan, InputFile, OutputFile, TeamData,
};

/// The documents an export with `scope` covers. The corpus is the user's
/// work: the demo document is never part of it.
pub fn scoped_documents(ws: &Workspace, scope: ExportScope) -> Vec<&Document> {
    match scope {
        ExportScope::OpenDocument => ws.open_document().into_iter().collect(),
        ExportScope::Corpus => ws.work_documents().collect(),
    }
}

/// The documents of an export signed by the workspace's annotator: each
/// document keeps its own [`Document::annotator`] (from the file it was
/// read from) and the others, copied, carry [`Workspace::annotator`].
/// Nothing is copied when no name is set.
pub fn signed<'a>(ws: &Workspace, documents: Vec<&'a Document>) -> Vec<Cow<'a, Document>> {
    let name = ws.annotator.as_deref().filter(|n| !n.trim().is_empty());
    documents
        .into_iter()
        .map(|doc| match name {
            Some(name) if doc.annotator.is_none() && doc.team.is_empty() => {
                let mut signed = doc.clone();
                signed.annotator = Some(name.to_owned());
                Cow::Owned(signed)
            }
            _ => Cow::Borrowed(doc),
        })
        .collect()
}

/// What a span's note says of its team data: "annotators: Amina, Badr;
/// accepted"; `None` for a span without any.
pub fn team_note(span: &crate::core::model::Span) -> Option<String> {
    let who = (!span.annotators.is_empty())
        .then(|| format!("annotators: {}", span.annotators.join(", ")));
    let accepted = span.accepted.then(|| "accepted".to_owned());
    match (who, accepted) {
        (Some(who), Some(accepted)) => Some(format!("{who}; {accepted}")),
        (who, accepted) => who.or(accepted),
    }
}

/// The warning for an export to `format` of documents whose files held
/// links between spans (brat relations, events, attributes, normalizations
/// and equivalences; doccano and Label Studio relations), which only Wasim
/// JSON and each file's own format write back (from the document's
/// source): they were left out without a word.
pub fn links_left_out(format: &dyn Format, documents: &[&Document]) -> Option<Msg> {
    let target = format.id();
    if target == wasim::ID {
        return None;
    }
    let n = documents
        .iter()
        .filter_map(|doc| doc.source.as_deref())
        .filter(|source| {
            source.format != target
                && by_id(&source.format).is_some_and(|read| read.holds_links(&source.data))
        })
        .count();
    (n > 0).then(|| Msg::counted(Counted::LinksLeftOut, n).arg("format", format.name()))
}

/// The documents of an export to `format`, with who proposed each span and
/// whether it was accepted put where the format has a place for them
/// ([`Format::team_data`]): kept as they are for Wasim JSON; added to each
/// span's note (after the user's, on a line of its own, see [`team_note`])
/// for formats with notes; left out otherwise. Returns the warning that
/// says which, or `None` when no span carries such data (then nothing is
/// copied, so files without team data are written exactly as before).
pub fn with_team_data<'a>(
    format: &dyn Format,
    documents: Vec<Cow<'a, Document>>,
) -> (Vec<Cow<'a, Document>>, Option<Msg>) {
    let carries = |doc: &Document| {
        doc.spans
            .iter()
            .filter(|s| !s.annotators.is_empty() || s.accepted)
            .count()
    };
    let spans: usize = documents.iter().map(|d| carries(d)).sum();
    if spans == 0 {
        return (documents, None);
    }
    let name = format.name();
    match format.team_data() {
        TeamData::Kept => (documents, None),
        TeamData::Dropped => (
            documents,
            Some(Msg::counted(Counted::TeamDataDropped, spans).arg("format", name)),
        ),
        TeamData::InNotes => {
            let noted = documents
                .into_iter()
                .map(|doc| {
                    if carries(&doc) == 0 {
                        return doc;
                    }
                    let mut doc = doc.into_owned();
                    for span in &mut doc.spans {
                        if let Some(line) = team_note(span) {
                            span.note = Some(match span.note.take() {
                                Some(note) => format!("{note}\n{line}"),
                                None => line,
                            });
                        }
                    }
                    Cow::Owned(doc)
                })
                .collect();
            (
                noted,
                Some(Msg::counted(Counted::TeamDataInNotes, spans).arg("format", name)),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An input file holding `text`, for the format tests.
    pub(crate) fn file(name: &str, text: &str) -> InputFile {
        InputFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn links_between_spans_left_out_by_another_format_are_said() {
        let with_links = [
            vec![
                file("a.txt", "Ahmed visited Amman."),
                file(
                    "a.ann",
                    "T1\tPER 0 5\tAhmed\nT2\tLOC 14 19\tAmman\nR1\tvisits Arg1:T1 Arg2:T2\n",
                ),
            ],
            vec![file(
                "d.jsonl",
                "{\"text\":\"Ahmed visited Amman.\",\"entities\":[{\"id\":1,\"start_offset\":0,\"end_offset\":5,\"label\":\"PER\"},{\"id\":2,\"start_offset\":14,\"end_offset\":19,\"label\":\"LOC\"}],\"relations\":[{\"id\":1,\"from_id\":1,\"to_id\":2,\"type\":\"visits\"}]}\n",
            )],
            vec![file(
                "l.json",
                r#"[{"data":{"text":"Ahmed visited Amman."},"annotations":[{"result":[{"id":"a","type":"labels","from_name":"l","to_name":"t","value":{"start":0,"end":5,"labels":["PER"]}},{"id":"b","type":"labels","from_name":"l","to_name":"t","value":{"start":14,"end":19,"labels":["LOC"]}},{"from_id":"a","to_id":"b","type":"relation","direction":"right"}]}]}]"#,
            )],
        ];
        for files in with_links {
            let imported = import_files(files).remove(0).expect("reads");
            let mut ws = Workspace::default();
            let (edit, _) = import_edit(&mut ws, imported).expect("valid");
            edit.apply(&mut ws).expect("applies");
            let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
            let own = docs[0].source.as_ref().expect("a source").format.clone();
            for format in all() {
                let said = links_left_out(*format, &docs).map(|m| m.to_string());
                if format.id() == own || format.id() == wasim::ID {
                    assert_eq!(said, None, "{own} → {}", format.id());
                } else {
                    let said = said.unwrap_or_else(|| panic!("{own} → {}", format.id()));
                    assert!(
                        said.starts_with("A document holds links between spans"),
                        "{said}"
                    );
                }
            }
        }
        let plain = import_files(vec![file("p.txt", "Ahmed")])
            .remove(0)
            .expect("reads");
        let mut ws = Workspace::default();
        let (edit, _) = import_edit(&mut ws, plain).expect("valid");
        edit.apply(&mut ws).expect("applies");
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        assert_eq!(links_left_out(&label_studio::LabelStudio, &docs), None);
    }

    #[test]
    fn team_data_is_kept_noted_or_dropped_and_plain_documents_are_not_copied() {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("a.txt", "علي هنا");
        doc.team = vec!["Amina".into(), "Badr".into()];
        let mut span = ws.new_span(0, 3, "PER");
        span.annotators = vec!["Amina".into(), "Badr".into()];
        span.accepted = true;
        span.note = Some("رئيس".into());
        doc.spans.push(span);
        let mut curator = ws.new_span(4, 7, "LOC");
        curator.accepted = true;
        doc.spans.push(curator);
        let plain = ws.new_document("b.txt", "هنا");
        let docs = || vec![Cow::Borrowed(&doc), Cow::Borrowed(&plain)];
        let (kept, warning) = with_team_data(by_id("wasim").expect("wasim"), docs());
        assert!(warning.is_none() && kept.iter().all(|d| matches!(d, Cow::Borrowed(_))));
        let (noted, warning) = with_team_data(by_id("brat").expect("brat"), docs());
        assert!(
            warning
                .expect("a warning")
                .to_string()
                .contains("2 spans carry it in their note")
        );
        assert_eq!(
            noted[0].spans[0].note.as_deref(),
            Some("رئيس\nannotators: Amina, Badr; accepted")
        );
        assert_eq!(noted[0].spans[1].note.as_deref(), Some("accepted"));
        assert!(
            matches!(noted[1], Cow::Borrowed(_)),
            "no team data: not copied"
        );
        let (dropped, warning) = with_team_data(by_id("conll").expect("conll"), docs());
        assert!(
            warning
                .expect("a warning")
                .to_string()
                .contains("left out of 2 spans")
        );
        assert_eq!(dropped[0].spans[0].note.as_deref(), Some("رئيس"));
        let (_, warning) =
            with_team_data(by_id("brat").expect("brat"), vec![Cow::Borrowed(&plain)]);
        assert_eq!(warning, None);
        let kinds: Vec<TeamData> = all().iter().map(|f| f.team_data()).collect();
        use TeamData::{Dropped, InNotes, Kept};
        assert_eq!(
            kinds,
            [Kept, Dropped, Dropped, InNotes, InNotes, Dropped, InNotes]
        );
    }

    /// The export warnings of `format` for a document with a span that
    /// has a note, one that has an entity id, or both, as `what` says.
    fn extras_warning(format: &str, note: bool, id: bool) -> Option<String> {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("a.txt", "علي في بغداد");
        let mut span = ws.new_span(0, 3, "PER");
        span.note = note.then(|| "رئيس".to_owned());
        doc.spans.push(span);
        let mut span = ws.new_span(7, 12, "LOC");
        span.entity_id = id.then(|| "Q1530".to_owned());
        doc.spans.push(span);
        let format = by_id(format).expect("a format");
        let exported = format.export(&ws.labels, &[&doc], ExportOptions::default());
        let said: Vec<String> = exported.warnings.iter().map(ToString::to_string).collect();
        said.into_iter().find(|w| w.contains("has no place for"))
    }

    #[test]
    fn a_file_name_mixing_scripts_keeps_its_order_in_an_error() {
        let broken = import_files(vec![file("x_أمينة_2026.json", "{\"documents\": [")]);
        let error = broken.into_iter().next().expect("one").expect_err("broken");
        let said = error.notice().render(crate::core::i18n::Lang::En);
        assert!(
            said.contains("\u{2068}x_أمينة\u{200E}_2026.json\u{2069}"),
            "{said:?}"
        );
    }

    #[test]
    fn export_warnings_name_exactly_what_was_left_out() {
        let notes = "has no place for span notes: the note of 1 span was left out";
        let ids = "has no place for entity ids: the id of 1 span was left out";
        let both = "has no place for span notes or entity ids; left out: 1 span note, 1 entity id";
        // (format, note only, id only, both): brat and Label Studio keep
        // notes, spaCy keeps ids, doccano keeps neither.
        let cases = [
            ("brat", None, Some(ids), Some(ids)),
            ("label-studio", None, Some(ids), Some(ids)),
            ("spacy", Some(notes), None, Some(notes)),
            ("doccano", Some(notes), Some(ids), Some(both)),
            ("wasim", None, None, None),
            ("web-annotation", None, None, None),
        ];
        for (format, note_only, id_only, with_both) in cases {
            for ((note, id), expected) in [
                ((true, false), note_only),
                ((false, true), id_only),
                ((true, true), with_both),
            ] {
                let said = extras_warning(format, note, id);
                match expected {
                    Some(expected) => assert!(
                        said.as_deref().is_some_and(|w| w.contains(expected)),
                        "{format} {note} {id}: {said:?}"
                    ),
                    None => assert_eq!(said, None, "{format} {note} {id}"),
                }
            }
        }
    }

    #[test]
    fn label_studio_json_min_tasks_say_their_notes_are_left_out() {
        let min = r#"[{"text": "Ali went", "label": [{"start": 0, "end": 3, "text": "Ali", "labels": ["PER"]}]}]"#;
        let imported = import_files(vec![file("min.json", min)]);
        let imported = imported.into_iter().next().expect("one").expect("loads");
        let mut ws = Workspace::default();
        let (edit, _) = import_edit(&mut ws, imported).expect("valid");
        edit.apply(&mut ws).expect("applies");
        let mut doc = (*ws.documents[0]).clone();
        doc.spans[0].note = Some("a note".into());
        let format = by_id("label-studio").expect("label studio");
        let exported = format.export(&ws.labels, &[&doc], ExportOptions::default());
        let said: Vec<String> = exported.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            said,
            ["Label Studio JSON has no place for span notes: the note of 1 span was left out"]
        );
        let written = String::from_utf8_lossy(&exported.file.bytes);
        assert!(!written.contains("a note"), "{written}");
    }

    #[test]
    fn menu_order_and_ids() {
        let ids: Vec<&str> = all().iter().map(|f| f.id()).collect();
        assert_eq!(
            ids,
            [
                "wasim",
                "doccano",
                "spacy",
                "label-studio",
                "brat",
                "conll",
                "web-annotation"
            ]
        );
        assert!(all().iter().all(|f| by_id(f.id()).is_some()));
    }

    #[test]
    fn classify_tells_json_shapes_apart() {
        let cases = [
            ("a.json", r#"{"format":"wasim","version":1}"#, Some("wasim")),
            ("a.json", r#"{"format":"doccano"}"#, Some("wasim")),
            ("a.json", "{broken", Some("wasim")),
            (
                "a.jsonl",
                r#"{"text":"a","label":[[0,1,"X"]]}"#,
                Some("doccano"),
            ),
            (
                "a.jsonl",
                "{\"text\":\"a\",\"entities\":[]}\n{\"text\":\"b\"}",
                Some("doccano"),
            ),
            ("a.jsonl", r#"{"text":"a","spans":[]}"#, Some("spacy")),
            ("a.json", r#"[{"id":0,"paragraphs":[]}]"#, Some("spacy")),
            (
                "a.json",
                r#"[{"data":{"text":"a"},"annotations":[]}]"#,
                Some("label-studio"),
            ),
            ("a.json", r#"{"data":{"text":"a"}}"#, Some("label-studio")),
            (
                "a.json",
                r#"[{"text":"a","label":[{"start":0,"end":1,"labels":["X"]}]}]"#,
                Some("label-studio"),
            ),
            (
                "a.json",
                r#"[{"text":"a","label":[[0,1,"X"]]}]"#,
                Some("doccano"),
            ),
            ("a.json", r#"[1, 2]"#, None),
            ("a.ann", "T1\tX 0 1\ta", Some("brat")),
            ("a.conll", "", Some("conll")),
            ("a.txt", "word O\nother B-X\n", Some("conll")),
            ("a.txt", "just prose.\nmore prose\n", None),
            ("noext", "a B-X\nb I-X\n", Some("conll")),
        ];
        for (name, text, expected) in cases {
            assert_eq!(classify(&file(name, text)), expected, "{name}: {text}");
        }
    }

    #[test]
    fn loading_a_file_removes_the_demo_in_the_same_undoable_step() {
        let mut ws = crate::core::demo::demo_workspace();
        let demo = ws.demo_ids();
        assert_eq!(demo.len(), 1);
        let add = crate::core::edit::Edit::add_span(&mut ws, demo[0], 0, 6, "MISC").expect("valid");
        let mut history = crate::core::edit::History::default();
        history.apply(&mut ws, add).expect("a span on the demo");
        let imported = import_files(vec![file("003_مقال.txt", "زار علي بغداد")]);
        let imported = imported.into_iter().next().expect("one").expect("loads");
        let (edit, open) = import_edit(&mut ws, imported).expect("valid");
        history.apply(&mut ws, edit).expect("applies");
        let names: Vec<&str> = ws.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["003_مقال.txt"], "the demo is gone");
        assert_eq!(open, Some(0), "the new document is opened");
        assert_eq!(scoped_documents(&ws, ExportScope::Corpus).len(), 1);
        // Undo brings the demo back, with the span made on it.
        assert!(history.undo(&mut ws).is_some());
        assert_eq!(ws.documents.len(), 1);
        assert!(ws.documents[0].demo);
        assert_eq!(ws.documents[0].spans.len(), 1);
        // A second load with no demo around only adds.
        let again = import_files(vec![file("b.txt", "نص")]);
        let again = again.into_iter().next().expect("one").expect("loads");
        let (edit, _) = import_edit(&mut ws, again).expect("valid");
        history.apply(&mut ws, edit).expect("applies");
        let more = import_files(vec![file("c.txt", "نص آخر")]);
        let more = more.into_iter().next().expect("one").expect("loads");
        let (edit, open) = import_edit(&mut ws, more).expect("valid");
        history.apply(&mut ws, edit).expect("applies");
        assert_eq!(ws.documents.len(), 2);
        assert_eq!(open, Some(1));
    }

    #[test]
    fn the_corpus_leaves_the_demo_out_but_the_open_document_may_be_it() {
        let mut ws = crate::core::demo::demo_workspace();
        assert!(scoped_documents(&ws, ExportScope::Corpus).is_empty());
        assert_eq!(scoped_documents(&ws, ExportScope::OpenDocument).len(), 1);
        let doc = ws.new_document("a.txt", "نص");
        ws.documents.push(doc.into());
        let corpus = scoped_documents(&ws, ExportScope::Corpus);
        assert_eq!(corpus.len(), 1);
        assert_eq!(corpus[0].name, "a.txt");
        let brat =
            by_id("brat")
                .expect("brat")
                .export(&ws.labels, &corpus, ExportOptions::default());
        let entries = zip::read(&brat.file.bytes).expect("a zip");
        let names: Vec<&str> = entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["a.txt", "a.ann", "annotation.conf"]);
    }

    #[test]
    fn import_files_pairs_brat_and_keeps_order() {
        let results = import_files(vec![
            file("b.ann", "T1\tPER 0 3\tعلي\n"),
            file("plain.txt", "نص عادي"),
            file("b.txt", "علي هنا"),
            file("lone.ann", "T1\tPER 0 1\tx\n"),
            file("tags.txt", "علي B-PER\nهنا O\n"),
            file("what.bin", "\u{1}"),
        ]);
        assert_eq!(results.len(), 5);
        let first = results[0].as_ref().expect("plain");
        assert!(first.documents[0].spans.is_empty());
        let pair = results[1].as_ref().expect("pair");
        assert_eq!(
            (
                pair.documents[0].name.as_str(),
                pair.documents[0].spans.len()
            ),
            ("b.txt", 1)
        );
        let lone = results[2].as_ref().expect_err("lone .ann");
        assert!(lone.to_string().contains("add lone.txt"), "{lone}");
        let conll = results[3].as_ref().expect("conll");
        assert_eq!(conll.documents[0].text, "علي هنا");
        assert!(
            results[4]
                .as_ref()
                .expect_err("unknown")
                .to_string()
                .contains("unrecognized")
        );
    }
}
