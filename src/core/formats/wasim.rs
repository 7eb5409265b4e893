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

fn import_document(file: &str, doc: DocumentRepr) -> Result<ImportedDocument, ImportError> {
    let text = Text::new(&doc.text);
    let mut spans = Vec::with_capacity(doc.spans.len());
    for span in doc.spans {
        let where_ = format!(
            "document {:?}, span [{}, {})",
            doc.name, span.start, span.end
        );
        if span.start >= span.end || span.end > text.char_len() {
            return Err(ImportError::new(
                file,
                None,
                format!(
                    "{where_} is outside the text ({} characters)",
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
                    "{where_}: its text {:?} does not match the document, which has {actual:?} there",
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
    Ok(ImportedDocument {
        name: doc.name,
        text: doc.text,
        spans,
        done: doc.done,
        source: doc.source,
    })
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
        ws.documents.push(doc.into());
        let second = ws.new_document("empty.txt", "");
        ws.documents.push(second.into());
        ws
    }

    fn export(ws: &Workspace) -> String {
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
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
        let docs: Vec<&Document> = fresh.documents.iter().map(|d| &**d).collect();
        assert_eq!(WasimJson::to_json(&fresh.labels, &docs, Some(1)), json);
    }

    #[test]
    fn import_replaces_and_undo_restores() {
        let mut ws = Workspace::default();
        let demo = ws.new_document("demo", "نص");
        ws.documents.push(demo.into());
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
        std::sync::Arc::make_mut(&mut ws.documents[0]).source = Some(std::sync::Arc::new(Source {
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
        let docs: Vec<&Document> = fresh.documents.iter().map(|d| &**d).collect();
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
