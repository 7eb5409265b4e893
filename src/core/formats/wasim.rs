//! Wasim's own JSON format: a whole workspace in one file.
//!
//! **Offsets:** code points, half-open, as Python's `str` counts them. Every
//! span also carries its `text`, which must equal `document.text[start:end]`.
//!
//! ```json
//! {"format":"wasim","version":1,
//!  "labels":[{"name":"PER","color":"#ffc38a","key":"1"}],
//!  "documents":[{"name":"a.txt","text":"…","done":false,
//!                "spans":[{"start":0,"end":5,"label":"PER","text":"…"}]}],
//!  "open":0}
//! ```
//!
//! The JSON Schema is `wasim.schema.json` next to this file. Unknown fields
//! are ignored on import, so later versions can add fields.
//!
//! **Versions.** Version 2 adds an optional per-document `source`: the
//! format a document was imported from and that format's record of the
//! file's layout and of what Wasim does not model (`{"format": "conll",
//! "data": {…}}`), so that exporting it to that format again writes the same
//! file. Version 1 files (no `source`) are still read.

use serde::{Deserialize, Serialize};

use super::prepared::Prepared;
use super::types::{
    ExportOptions, Exported, Format, ImportError, ImportMode, Imported, ImportedDocument,
    ImportedSpan, InputFile, OutputFile,
};
use crate::core::model::{Document, Label, Source, sanitize_labels};
use crate::core::text::Text;

/// This format's id, also the `format` field's value.
pub const ID: &str = "wasim";
/// The `format` field's value.
pub const FORMAT_TAG: &str = ID;
/// The version this build writes.
pub const VERSION: u32 = 2;
/// The versions this build reads.
const READS: [u64; 2] = [1, 2];

/// The JSON Schema of the format, for validators.
pub const SCHEMA: &str = include_str!("wasim.schema.json");

#[derive(Serialize, Deserialize)]
struct FileRepr {
    format: String,
    version: u32,
    labels: Vec<Label>,
    documents: Vec<DocumentRepr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    open: Option<usize>,
}

#[derive(Serialize, Deserialize)]
struct DocumentRepr {
    name: String,
    text: String,
    #[serde(default)]
    done: bool,
    spans: Vec<SpanRepr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    source: Option<Source>,
}

#[derive(Serialize, Deserialize)]
struct SpanRepr {
    start: usize,
    end: usize,
    label: String,
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    entity_id: Option<String>,
}

/// The Wasim JSON format.
pub struct WasimJson;

impl WasimJson {
    /// Serializes a workspace's labels and documents, with the open document's
    /// index.
    pub fn to_json(labels: &[Label], documents: &[&Document], open: Option<usize>) -> String {
        let repr = FileRepr {
            format: FORMAT_TAG.to_owned(),
            version: VERSION,
            labels: labels.to_vec(),
            documents: documents.iter().map(|doc| document_repr(doc)).collect(),
            open,
        };
        serde_json::to_string_pretty(&repr).unwrap_or_default()
    }
}

fn document_repr(doc: &Document) -> DocumentRepr {
    DocumentRepr {
        name: doc.name.clone(),
        text: doc.text.as_str().to_owned(),
        done: doc.done,
        spans: doc
            .spans
            .iter()
            .map(|span| SpanRepr {
                start: span.start,
                end: span.end,
                label: span.label.clone(),
                text: doc
                    .text
                    .slice(span.start, span.end)
                    .unwrap_or_default()
                    .to_owned(),
                note: span.note.clone(),
                entity_id: span.entity_id.clone(),
            })
            .collect(),
        source: doc.source.as_deref().cloned(),
    }
}

impl Format for WasimJson {
    fn id(&self) -> &'static str {
        ID
    }

    fn name(&self) -> &'static str {
        "Wasim JSON"
    }

    fn import(&self, file: &InputFile) -> Result<Imported, ImportError> {
        let name = file.name.as_str();
        let text = crate::core::text::decode_utf8(&file.bytes).map_err(|error| {
            ImportError::new(name, None, format!("cannot read this file: {error}"))
        })?;
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|error| {
            ImportError::new(name, Some(error.line()), format!("invalid JSON: {error}"))
        })?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(FORMAT_TAG) => {}
            Some(other) => {
                return Err(ImportError::new(
                    name,
                    None,
                    format!("unknown format {other:?}; expected \"wasim\""),
                ));
            }
            None => {
                return Err(ImportError::new(
                    name,
                    None,
                    "unknown format: expected a Wasim export with \"format\": \"wasim\"",
                ));
            }
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if READS.contains(&v) => {}
            other => {
                return Err(ImportError::new(
                    name,
                    None,
                    format!(
                        "unsupported version {other:?}; this Wasim reads versions 1 to {VERSION}"
                    ),
                ));
            }
        }
        let repr: FileRepr = serde_json::from_value(value).map_err(|error| {
            ImportError::new(name, None, format!("not a valid Wasim file: {error}"))
        })?;
        let mut documents = Vec::with_capacity(repr.documents.len());
        for doc in repr.documents {
            documents.push(import_document(name, doc)?);
        }
        if repr.open.is_some_and(|open| open >= documents.len()) {
            return Err(ImportError::new(
                name,
                None,
                "\"open\" names a document that is not in the file",
            ));
        }
        let mut labels = repr.labels;
        let warnings = sanitize_labels(&mut labels)
            .into_iter()
            .map(|repair| format!("{name}: {repair}"))
            .collect();
        Ok(Imported {
            mode: ImportMode::ReplaceWorkspace,
            labels,
            documents,
            open: repr.open,
            warnings,
        })
    }

    fn export(
        &self,
        labels: &[Label],
        documents: &[&Document],
        _options: ExportOptions,
    ) -> Exported {
        Exported {
            file: OutputFile {
                name: "wasim-annotations.json".to_owned(),
                mime: "application/json",
                bytes: WasimJson::to_json(labels, documents, None).into_bytes(),
            },
            warnings: Vec::new(),
        }
    }
}

/// A Wasim file read a document at a time, so that a workspace of ten
/// thousand articles imports in steps (see [`crate::core::import_job`]).
///
/// [`Reading::start`] checks the file's head (format, version, labels,
/// `open`) and finds where each document's JSON lies, in one pass that
/// builds nothing per document; [`Reading::step`] then reads and builds
/// documents until a budget of bytes is spent. Whatever does not read this
/// way (a broken or unusual file, a bad document) is read whole by
/// [`WasimJson`]'s importer instead, so the result and every error message
/// are exactly the same either way.
pub struct Reading {
    name: String,
    text: String,
    /// Byte ranges of the documents' JSON in `text`, the next one first.
    documents: std::collections::VecDeque<std::ops::Range<usize>>,
    prepared: Prepared,
    /// Bytes of documents read so far, and in all.
    read: usize,
    total: usize,
}

/// How [`Reading::start`] went.
pub enum Start {
    /// A Wasim file, to be read in steps.
    Reading(Reading),
    /// Not one that reads in steps: the file, given back.
    Whole(InputFile),
}

/// The head of a Wasim file: everything but the documents' contents.
#[derive(Deserialize)]
struct Head<'a> {
    #[serde(borrow)]
    format: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow)]
    version: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow)]
    labels: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow)]
    documents: Option<Vec<&'a serde_json::value::RawValue>>,
    #[serde(borrow)]
    open: Option<&'a serde_json::value::RawValue>,
}

impl Reading {
    /// Checks `file`'s head and finds its documents, or gives it back when
    /// it is not a Wasim file that reads in steps.
    pub fn start(file: InputFile) -> Start {
        let InputFile { name, bytes } = file;
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let object = body
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'{');
        if !object || body.contains(&0) {
            return Start::Whole(InputFile { name, bytes });
        }
        let mut text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                return Start::Whole(InputFile {
                    name,
                    bytes: error.into_bytes(),
                });
            }
        };
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        match Reading::head(&name, &text) {
            Some((prepared, documents)) => Start::Reading(Reading {
                name,
                text,
                total: documents.iter().map(|r| r.len()).sum(),
                documents,
                prepared,
                read: 0,
            }),
            None => Start::Whole(InputFile {
                name,
                bytes: text.into_bytes(),
            }),
        }
    }

    /// The labels, `open` and warnings of a well-formed head, and where the
    /// documents are; `None` for anything else.
    fn head(
        name: &str,
        text: &str,
    ) -> Option<(Prepared, std::collections::VecDeque<std::ops::Range<usize>>)> {
        let head: Head = serde_json::from_str(text).ok()?;
        let format: String = serde_json::from_str(head.format?.get()).ok()?;
        let version: u64 = serde_json::from_str(head.version?.get()).ok()?;
        if format != FORMAT_TAG || !READS.contains(&version) {
            return None;
        }
        let mut labels: Vec<Label> = serde_json::from_str(head.labels?.get()).ok()?;
        let documents = head.documents?;
        let open: Option<usize> = match head.open {
            Some(raw) => serde_json::from_str(raw.get()).ok()?,
            None => None,
        };
        if open.is_some_and(|open| open >= documents.len()) {
            return None;
        }
        let origin = text.as_ptr() as usize;
        let ranges = documents
            .iter()
            .map(|raw| {
                let start = raw.get().as_ptr() as usize - origin;
                start..start + raw.get().len()
            })
            .collect();
        let warnings = sanitize_labels(&mut labels)
            .into_iter()
            .map(|repair| format!("{name}: {repair}"))
            .collect();
        let prepared = Prepared::empty(ImportMode::ReplaceWorkspace, labels, open, warnings);
        Some((prepared, ranges))
    }

    /// Reads and builds documents until about `budget` bytes of them are
    /// read (at least one). `Some` with the whole import once the last one
    /// is read, or with the error of a document that could not be.
    pub fn step(&mut self, budget: usize) -> Option<Result<Prepared, ImportError>> {
        let mut spent = 0;
        while spent < budget.max(1) {
            let Some(range) = self.documents.pop_front() else {
                let empty =
                    Prepared::empty(ImportMode::ReplaceWorkspace, Vec::new(), None, Vec::new());
                return Some(Ok(std::mem::replace(&mut self.prepared, empty)));
            };
            spent += range.len();
            self.read += range.len();
            let document = self
                .text
                .get(range)
                .and_then(|json| serde_json::from_str::<DocumentRepr>(json).ok())
                .and_then(|doc| checked_document(&self.name, doc).ok());
            match document {
                Some((document, text)) => self.prepared.add_indexed(document, text),
                None => return Some(self.whole()),
            }
        }
        None
    }

    /// Reads the file whole, for its exact result or error.
    fn whole(&mut self) -> Result<Prepared, ImportError> {
        self.documents.clear();
        let file = InputFile {
            name: std::mem::take(&mut self.name),
            bytes: std::mem::take(&mut self.text).into_bytes(),
        };
        WasimJson.import(&file).map(Prepared::of)
    }

    /// Bytes of documents read, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.read, self.total)
    }
}

fn import_document(file: &str, doc: DocumentRepr) -> Result<ImportedDocument, ImportError> {
    checked_document(file, doc).map(|(doc, _)| doc)
}

/// A document of the file with its spans checked against its text, and
/// that text indexed (so that it is indexed once).
fn checked_document(
    file: &str,
    doc: DocumentRepr,
) -> Result<(ImportedDocument, Text), ImportError> {
    let text = Text::new(&doc.text);
    let mut spans = Vec::with_capacity(doc.spans.len());
    for span in doc.spans {
        let where_ = || {
            format!(
                "document {:?}, span [{}, {})",
                doc.name, span.start, span.end
            )
        };
        if span.start >= span.end || span.end > text.char_len() {
            return Err(ImportError::new(
                file,
                None,
                format!(
                    "{} is outside the text ({} characters)",
                    where_(),
                    text.char_len()
                ),
            ));
        }
        let actual = text.slice(span.start, span.end).unwrap_or_default();
        if actual != span.text {
            return Err(ImportError::new(
                file,
                None,
                format!(
                    "{}: its text {:?} does not match the document, which has {actual:?} there",
                    where_(),
                    span.text
                ),
            ));
        }
        spans.push(ImportedSpan {
            start: span.start,
            end: span.end,
            label: span.label,
            note: span.note,
            entity_id: span.entity_id,
        });
    }
    let document = ImportedDocument {
        name: doc.name,
        text: doc.text,
        spans,
        done: doc.done,
        source: doc.source,
    };
    Ok((document, text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::Edit;
    use crate::core::formats::import_edit;
    use crate::core::model::Workspace;

    fn sample() -> Workspace {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("خبر.txt", "قال 👩‍👩‍👧 الكاظمي\r\nفي بغداد <script>x</script>");
        for (start, end, label) in [
            (4, 9, "MISC"),
            (10, 17, "PER"),
            (22, 27, "LOC"),
            (10, 27, "MISC"),
        ] {
            let mut span = ws.new_span(start, end, label);
            if label == "PER" {
                span.note = Some("رئيس الوزراء".into());
                span.entity_id = Some("Q1234".into());
            }
            let at = doc.insertion_index(&span);
            doc.spans.insert(at, span);
        }
        doc.done = true;
        ws.documents.push(doc);
        let second = ws.new_document("empty.txt", "");
        ws.documents.push(second);
        ws
    }

    fn export(ws: &Workspace) -> String {
        let docs: Vec<&Document> = ws.documents.iter().collect();
        WasimJson::to_json(&ws.labels, &docs, Some(1))
    }

    fn import_str(json: &str) -> Result<Imported, ImportError> {
        WasimJson.import(&InputFile {
            name: "x.json".into(),
            bytes: json.as_bytes().to_vec(),
        })
    }

    #[test]
    fn export_carries_span_text_and_round_trips() {
        let ws = sample();
        let json = export(&ws);
        let value: serde_json::Value = serde_json::from_str(&json).expect("valid json");
        let doc = &value["documents"][0];
        let chars: Vec<char> = doc["text"].as_str().expect("text").chars().collect();
        for span in doc["spans"].as_array().expect("spans") {
            let (s, e) = (
                span["start"].as_u64().expect("start") as usize,
                span["end"].as_u64().expect("end") as usize,
            );
            assert_eq!(
                span["text"].as_str(),
                Some(chars[s..e].iter().collect::<String>().as_str())
            );
        }
        assert_eq!(value["labels"][0]["key"], "1");

        let imported = import_str(&json).expect("imports");
        assert_eq!(imported.open, Some(1));
        let mut fresh = Workspace::default();
        let (edit, open) = import_edit(&mut fresh, imported).expect("valid");
        edit.apply(&mut fresh).expect("applies");
        assert_eq!(open, Some(1));
        let docs: Vec<&Document> = fresh.documents.iter().collect();
        assert_eq!(WasimJson::to_json(&fresh.labels, &docs, Some(1)), json);
    }

    #[test]
    fn import_replaces_and_undo_restores() {
        let mut ws = Workspace::default();
        let demo = ws.new_document("demo", "نص");
        ws.documents.push(demo);
        let before = ws.clone();
        let imported = import_str(&export(&sample())).expect("imports");
        let (edit, _) = import_edit(&mut ws, imported).expect("valid");
        let inverse = edit.apply(&mut ws).expect("applies");
        assert_eq!(ws.documents.len(), 2);
        inverse.apply(&mut ws).expect("undo");
        assert_eq!(ws.documents, before.documents);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn schema_is_valid_json_and_matches_exports() {
        let schema: serde_json::Value = serde_json::from_str(SCHEMA).expect("schema parses");
        let validator = jsonschema::validator_for(&schema).expect("schema compiles");
        let export: serde_json::Value =
            serde_json::from_str(&export(&sample())).expect("export parses");
        assert!(validator.is_valid(&export));
        let mut broken = export.clone();
        broken["documents"][0]["spans"][0]["start"] = serde_json::json!(-1);
        assert!(!validator.is_valid(&broken));
        let mut broken = export;
        broken["format"] = serde_json::json!("doccano");
        assert!(!validator.is_valid(&broken));
    }

    #[test]
    fn every_bad_input_is_a_clear_error() {
        let good = export(&sample());
        let cases: Vec<(String, &str)> = vec![
            ("{not json".into(), "invalid JSON"),
            ("[1,2]".into(), "unknown format"),
            (
                r#"{"format":"doccano"}"#.into(),
                "unknown format \"doccano\"",
            ),
            (
                good.replace("\"version\": 2", "\"version\": 7"),
                "unsupported version",
            ),
            (
                good.replace("\"start\": 22", "\"start\": 2200"),
                "outside the text",
            ),
            (good.replace("\"end\": 27", "\"end\": 26"), "does not match"),
            (
                good.replace("\"labels\"", "\"labelz\""),
                "not a valid Wasim file",
            ),
            (good.replace("\"open\": 1", "\"open\": 5"), "\"open\""),
        ];
        for (input, expected) in cases {
            let error = import_str(&input).expect_err(expected);
            assert!(
                error.to_string().contains(expected),
                "{error} should mention {expected}"
            );
        }
        let binary = WasimJson.import(&InputFile {
            name: "x.json".into(),
            bytes: vec![0, 159, 146, 150],
        });
        assert!(binary.expect_err("binary").to_string().contains("binary"));
        let unknown_label = good.replace("\"label\": \"LOC\"", "\"label\": \"GPE\"");
        let imported = import_str(&unknown_label).expect("parses");
        let mut ws = Workspace::default();
        let before = ws.clone();
        let error = import_edit(&mut ws, imported).expect_err("unknown label");
        assert!(error.contains("unknown label"));
        assert_eq!(ws.documents, before.documents);
    }

    #[test]
    fn version_1_files_are_read_and_sources_round_trip() {
        let v1 = export(&sample()).replace("\"version\": 2", "\"version\": 1");
        assert_eq!(import_str(&v1).expect("v1 reads").documents.len(), 2);
        let mut ws = sample();
        ws.documents[0].source = Some(std::sync::Arc::new(Source {
            format: "conll".into(),
            data: serde_json::json!({"raw": "x\tO\r\n"}),
        }));
        let json = export(&ws);
        let imported = import_str(&json).expect("imports");
        assert_eq!(
            imported.documents[0].source.as_ref().map(|s| &s.format),
            Some(&"conll".to_owned())
        );
        assert_eq!(imported.documents[1].source, None);
        let mut fresh = Workspace::default();
        let (edit, _) = import_edit(&mut fresh, imported).expect("valid");
        edit.apply(&mut fresh).expect("applies");
        assert_eq!(fresh.documents[0].source, ws.documents[0].source);
        let docs: Vec<&Document> = fresh.documents.iter().collect();
        assert_eq!(WasimJson::to_json(&fresh.labels, &docs, Some(1)), json);
    }

    #[test]
    fn edits_survive_a_round_trip() {
        let mut ws = sample();
        let doc = ws.documents[0].id;
        let add = Edit::add_span(&mut ws, doc, 0, 3, "ORG").expect("valid");
        add.apply(&mut ws).expect("applies");
        let imported = import_str(&export(&ws)).expect("imports");
        assert_eq!(imported.documents[0].spans.len(), 5);
    }
}
