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
//! | doccano JSONL | [`doccano`] | UTF-16 code units in doccano's web UI (issue #2290); Python code points in scripts. Import detects which (span texts, else character boundaries) and warns when the text has astral characters; export writes code points unless [`ExportOptions::utf16_offsets`] | yes | yes |
//! | spaCy / Prodigy JSONL | [`spacy`] | code points (Python `str`), half-open; Prodigy `token_end` inclusive; spaCy v2 JSON has tokens only | yes | yes (JSONL) |
//! | Label Studio JSON | [`label_studio`] | code points in current releases, UTF-16 in older ones (issues #1347, #4988): detected from `value.text`, warned | yes | yes |
//! | brat standoff | [`brat`] | code points, half-open, `start end;start end` fragments | yes (`.txt` + `.ann`, or our `.zip`) | yes (`.zip`) |
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
pub mod label_studio;
pub mod naming;
pub mod spacy;
pub mod tokenize;
pub mod wasim;
pub mod web_annotation;
pub mod zip;

use super::edit::Edit;
use super::model::{Document, Label, Source, Workspace, new_label_color};

pub use conll::TagScheme;

/// A file handed to an importer: its name and raw bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputFile {
    /// The file name, without directories.
    pub name: String,
    /// The file's bytes, undecoded.
    pub bytes: Vec<u8>,
}

/// A file produced by an exporter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutputFile {
    /// Suggested download name.
    pub name: String,
    /// MIME type for the download.
    pub mime: &'static str,
    /// The content.
    pub bytes: Vec<u8>,
}

/// A span as read from a file, before it receives an id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Label name.
    pub label: String,
    /// Free-text note.
    pub note: Option<String>,
    /// Knowledge-base link.
    pub entity_id: Option<String>,
}

/// A document as read from a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedDocument {
    /// Display name.
    pub name: String,
    /// Text exactly as stored in the file.
    pub text: String,
    /// Spans in code points.
    pub spans: Vec<ImportedSpan>,
    /// Whether it was marked done.
    pub done: bool,
    /// What export needs to write the file again (see [`Source`]).
    pub source: Option<Source>,
}

/// How an import changes the workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// The file is a whole workspace: it replaces labels and documents.
    ReplaceWorkspace,
    /// The file adds documents; unknown labels are added to the label set.
    AddDocuments,
}

/// What an importer read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Imported {
    /// Replace the workspace, or add to it.
    pub mode: ImportMode,
    /// Labels the file defines, in order.
    pub labels: Vec<Label>,
    /// The documents.
    pub documents: Vec<ImportedDocument>,
    /// Index of the document to open, if the file says.
    pub open: Option<usize>,
    /// Things the user should know, such as an assumed offset unit.
    pub warnings: Vec<String>,
}

/// An import failure, located as precisely as the format allows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The file at fault.
    pub file: String,
    /// 1-based line, where known.
    pub line: Option<usize>,
    /// What was wrong or expected.
    pub message: String,
}

impl ImportError {
    /// An error about `file` as a whole or at `line`.
    pub fn new(file: &str, line: Option<usize>, message: impl Into<String>) -> Self {
        ImportError {
            file: file.to_owned(),
            line,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}, line {}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// How many warnings [`summarize_warnings`] spells out.
const WARNINGS_SHOWN: usize = 3;

/// One message for a list of import or export warnings: all of them when
/// there are few, else the first few and a count. `None` when there are none.
pub fn summarize_warnings(warnings: &[String]) -> Option<String> {
    match warnings.len() {
        0 => None,
        n if n <= WARNINGS_SHOWN => Some(warnings.join(" ")),
        n => Some(format!(
            "{n} warnings. {} … and {} more.",
            warnings[..WARNINGS_SHOWN].join(" "),
            n - WARNINGS_SHOWN
        )),
    }
}

/// Which documents an export covers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExportScope {
    /// Only the open document.
    OpenDocument,
    #[default]
    /// Every document.
    Corpus,
}

/// Options the user picks for an export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// Which documents.
    pub scope: ExportScope,
    /// doccano only: write offsets in UTF-16 code units, as doccano's web UI
    /// counts them ("UTF-16 (doccano web UI)"), instead of code points.
    pub utf16_offsets: bool,
    /// CoNLL only: the tag scheme to write (IOB2 by default).
    pub tag_scheme: TagScheme,
}

/// What an exporter produced: the file, and what the user should know about
/// it (spans a format cannot hold, labels it had to rename…).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exported {
    /// The file to download.
    pub file: OutputFile,
    /// Warnings to show next to the download; empty when nothing was lost.
    pub warnings: Vec<String>,
}

/// One annotation format.
pub trait Format: Sync {
    /// Stable identifier, used in the UI and in tests (`wasim`, `doccano`…).
    fn id(&self) -> &'static str;
    /// Human-readable name for menus.
    fn name(&self) -> &'static str;
    /// Whether the file looks like this format, by name and content.
    ///
    /// At most one format claims any file (see [`detect`]).
    fn sniff(&self, file: &InputFile) -> bool {
        classify(file) == Some(self.id())
    }
    /// Whether [`Format::import`] can read files; export-only formats say no.
    fn can_import(&self) -> bool {
        true
    }
    /// Reads `file`.
    ///
    /// # Errors
    /// An [`ImportError`] naming the file and, where possible, the line.
    fn import(&self, file: &InputFile) -> Result<Imported, ImportError>;
    /// Writes the documents to one file.
    fn export(&self, labels: &[Label], documents: &[&Document], options: ExportOptions)
    -> Exported;
}

/// Every format Wasim speaks, in menu order.
pub fn all() -> &'static [&'static dyn Format] {
    &[
        &wasim::WasimJson,
        &doccano::Doccano,
        &spacy::Spacy,
        &label_studio::LabelStudio,
        &brat::Brat,
        &conll::Conll,
        &web_annotation::WebAnnotation,
    ]
}

/// The format with this [`Format::id`].
pub fn by_id(id: &str) -> Option<&'static dyn Format> {
    all().iter().copied().find(|format| format.id() == id)
}

/// Reads every file the user dropped or picked.
///
/// - A `.txt` file with a same-stem `.ann` file in the same batch is one brat
///   document (`a.txt` + `a.ann`); a `.ann` without its `.txt` is an error
///   naming the missing file.
/// - Other `.txt` files become one plain document each, named after the file,
///   unless every line is a `token … tag` CoNLL line (ANERcorp and AQMAR ship
///   as `.txt`), in which case they are read as CoNLL.
/// - Other files go to the format that claims them ([`detect`]).
///
/// Results follow the order of `files` (a brat pair takes the place of its
/// `.txt`). Each result stands alone, so one bad file never stops the others.
pub fn import_files(files: Vec<InputFile>) -> Vec<Result<Imported, ImportError>> {
    let keys: Vec<(String, String)> = files
        .iter()
        .map(|file| {
            let (stem, ext) = common::split_extension(&file.name);
            (stem.to_owned(), ext.to_lowercase())
        })
        .collect();
    let partner = |index: usize, ext: &str| {
        keys.iter()
            .enumerate()
            .find(|(other, (stem, e))| *other != index && e == ext && *stem == keys[index].0)
            .map(|(other, _)| other)
    };
    let mut results = Vec::with_capacity(files.len());
    for (index, file) in files.iter().enumerate() {
        let ext = keys[index].1.as_str();
        if ext == "ann" && partner(index, "txt").is_some() {
            continue;
        }
        let result = if ext == "txt" {
            match partner(index, "ann") {
                Some(ann) => brat::import_pair(file, &files[ann]),
                None if classify(file) == Some(conll::ID) => conll::Conll.import(file),
                None => import_plain_text(file),
            }
        } else {
            match detect(file) {
                Some(format) => format.import(file),
                None => Err(ImportError::new(
                    &file.name,
                    None,
                    "unrecognized file type; Wasim reads UTF-8 .txt files, its own .json exports, doccano or spaCy \
                     .jsonl, Label Studio .json, brat .txt + .ann pairs and CoNLL .conll/.iob files",
                )),
            }
        };
        results.push(result);
    }
    results
}

fn import_plain_text(file: &InputFile) -> Result<Imported, ImportError> {
    let text = common::decode(file)?;
    Ok(common::added_documents(
        vec![ImportedDocument {
            name: file.name.clone(),
            text,
            spans: Vec::new(),
            done: false,
            source: None,
        }],
        Vec::new(),
    ))
}

/// The format that claims `file`, if any.
pub fn detect(file: &InputFile) -> Option<&'static dyn Format> {
    classify(file).and_then(by_id)
}

/// Decides which format a file is in, from its extension and content, so
/// that exactly one format claims it. Returns the format's id.
///
/// `.ann` and `.zip` are brat; `.conll`, `.iob`, `.bio`… are CoNLL; JSON is
/// told apart by shape: an object with `"format"` is Wasim, tasks with
/// `"data"` are Label Studio, records with `"spans"`/`"tokens"` or
/// `"paragraphs"` are spaCy, records whose spans are objects with `"labels"`
/// are Label Studio's JSON_MIN, and records with `"label"` or `"entities"`
/// are doccano. A `.txt` is CoNLL only when every line is `token … tag`.
pub fn classify(file: &InputFile) -> Option<&'static str> {
    let (_, ext) = common::split_extension(&file.name);
    let ext = ext.to_lowercase();
    match ext.as_str() {
        "ann" | "zip" => return Some(brat::ID),
        "conll" | "conll03" | "conll2003" | "conllx" | "iob" | "iob1" | "iob2" | "bio"
        | "bioes" | "bilou" | "tsv" => {
            return Some(conll::ID);
        }
        _ => {}
    }
    let text = common::decode(file).ok()?;
    let trimmed = text.trim_start();
    if trimmed.starts_with('{')
        || trimmed.starts_with('[')
        || matches!(ext.as_str(), "json" | "jsonl" | "ndjson")
    {
        return common::classify_json(&text, &ext);
    }
    conll::looks_like_conll(&text).then_some(conll::ID)
}

/// The documents an export with `scope` covers. The corpus is the user's
/// work: the demo document is never part of it.
pub fn scoped_documents(ws: &Workspace, scope: ExportScope) -> Vec<&Document> {
    match scope {
        ExportScope::OpenDocument => ws.open_document().into_iter().collect(),
        ExportScope::Corpus => ws.work_documents().collect(),
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
pub fn import_edit(
    ws: &mut Workspace,
    imported: Imported,
) -> Result<(Edit, Option<usize>), String> {
    let replaces = imported.mode == ImportMode::ReplaceWorkspace;
    let mut labels = if replaces {
        imported.labels
    } else {
        ws.labels.clone()
    };
    let demo = ws.demo_ids();
    let first_new = if replaces {
        0
    } else {
        ws.documents.len() - demo.len()
    };
    let mut added = Vec::with_capacity(imported.documents.len());
    for doc in imported.documents {
        let mut document = ws.new_document(&doc.name, &doc.text);
        document.done = doc.done;
        document.source = doc.source.map(std::sync::Arc::new);
        for span in doc.spans {
            if !replaces && labels.iter().all(|l| l.name != span.label) {
                labels.push(Label {
                    name: span.label.clone(),
                    color: new_label_color(labels.len()).to_owned(),
                    key: None,
                    description: String::new(),
                });
            }
            let mut new_span = ws.new_span(span.start, span.end, &span.label);
            new_span.note = span.note;
            new_span.entity_id = span.entity_id;
            let at = document.insertion_index(&new_span);
            if !document.has_span(span.start, span.end, &span.label) {
                document.spans.insert(at, new_span);
            }
        }
        added.push(document);
    }
    let kept: Vec<&Document> = if replaces {
        Vec::new()
    } else {
        ws.work_documents().collect()
    };
    let candidate = Workspace {
        labels: labels.clone(),
        documents: kept.into_iter().chain(&added).cloned().collect(),
        open: None,
        next_id: ws.next_id,
    };
    candidate.validate()?;
    let open = imported.open.map(|i| first_new + i).or(Some(first_new));
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
        steps.push(Edit::InsertDocuments {
            at: first_new,
            documents: added,
        });
        Edit::Batch(steps)
    };
    Ok((edit, open))
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
    fn warnings_are_summarized() {
        let w = |n: usize| (1..=n).map(|i| format!("w{i}.")).collect::<Vec<_>>();
        assert_eq!(summarize_warnings(&[]), None);
        assert_eq!(summarize_warnings(&w(2)).as_deref(), Some("w1. w2."));
        assert_eq!(
            summarize_warnings(&w(5)).as_deref(),
            Some("5 warnings. w1. w2. w3. … and 2 more.")
        );
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
        ws.documents.push(doc);
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
