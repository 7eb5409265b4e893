//! W3C Web Annotation (JSON-LD), export only.
//!
//! **Offsets:** `TextPositionSelector` `start`/`end` count code points,
//! half-open, as the Web Annotation Data Model says ("the character position
//! … in terms of Unicode code points"). Each target also carries a
//! `TextQuoteSelector` with the span's `exact` text and up to 32 code points
//! of `prefix` and `suffix` (cut at grapheme boundaries), so a consumer can
//! re-anchor the annotation even if it counts differently.
//!
//! The file is one `AnnotationCollection` whose first page lists every span
//! as an `Annotation` with motivation `tagging`: the label is a `TextualBody`
//! with purpose `tagging`, a note one with purpose `commenting`, and an entity
//! id a body with purpose `identifying` (a Wikidata IRI for a bare `Q…` id).
//! Documents are identified as `urn:wasim:document:<percent-encoded name>`.
//!
//! It cannot be read back: the file holds where the spans are, not the
//! documents' text. The registry still recognises it (a `.jsonld` file, or
//! JSON whose `@context` is the W3C anno context), so that its import says
//! so and points to the Wasim JSON export.

use serde_json::{Value, json};

use super::common::{json_file, span_text};
use super::types::{ExportOptions, Exported, Format, ImportError, Imported, InputFile, TeamData};
use crate::core::i18n::Key;
use crate::core::model::{Document, Label};

/// This format's id.
pub const ID: &str = "web-annotation";

/// Code points of context in a `TextQuoteSelector`.
pub const CONTEXT: usize = 32;

/// W3C Web Annotation.
pub struct WebAnnotation;

/// Percent-encodes everything but unreserved URI characters.
fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The IRI of an entity id: Wikidata for `Q123`, the id itself when it
/// already looks like an IRI, a Wasim URN otherwise.
fn entity_iri(id: &str) -> String {
    let is_qid = id.len() > 1 && id.starts_with('Q') && id[1..].bytes().all(|b| b.is_ascii_digit());
    if is_qid {
        format!("http://www.wikidata.org/entity/{id}")
    } else if id.contains(':') {
        id.to_owned()
    } else {
        format!("urn:wasim:entity:{}", percent_encode(id))
    }
}

impl Format for WebAnnotation {
    fn team_data(&self) -> TeamData {
        TeamData::InNotes
    }

    fn id(&self) -> &'static str {
        ID
    }

    fn name(&self) -> &'static str {
        "W3C Web Annotation (JSON-LD)"
    }

    fn can_import(&self) -> bool {
        false
    }

    fn import(&self, file: &InputFile) -> Result<Imported, ImportError> {
        Err(ImportError::new(
            &file.name,
            None,
            Key::WebAnnotationExportOnly,
        ))
    }

    fn export(
        &self,
        _labels: &[Label],
        documents: &[&Document],
        _options: ExportOptions,
    ) -> Exported {
        let mut items = Vec::new();
        for (d, doc) in documents.iter().enumerate() {
            let source = format!("urn:wasim:document:{}", percent_encode(&doc.name));
            for (s, span) in doc.spans.iter().enumerate() {
                let (prefix, suffix) = doc.text.context(span.range(), CONTEXT);
                let mut body =
                    vec![json!({"type": "TextualBody", "purpose": "tagging", "value": span.label})];
                if let Some(note) = &span.note {
                    body.push(
                        json!({"type": "TextualBody", "purpose": "commenting", "value": note}),
                    );
                }
                if let Some(id) = &span.entity_id {
                    body.push(json!({"id": entity_iri(id), "purpose": "identifying"}));
                }
                items.push(json!({
                    "id": format!("urn:wasim:annotation:{}-{}", d + 1, s + 1),
                    "type": "Annotation",
                    "motivation": "tagging",
                    "body": body,
                    "target": {
                        "source": source,
                        "selector": [
                            {"type": "TextPositionSelector", "start": span.start, "end": span.end},
                            {
                                "type": "TextQuoteSelector",
                                "exact": span_text(doc, span),
                                "prefix": prefix,
                                "suffix": suffix,
                            },
                        ],
                    },
                }));
            }
        }
        let collection = json!({
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "urn:wasim:collection",
            "type": "AnnotationCollection",
            "label": "Wasim annotations",
            "total": items.len(),
            "first": {"type": "AnnotationPage", "startIndex": 0, "items": Value::Array(items)},
        });
        Exported {
            file: json_file("wasim-web-annotation.jsonld", &collection),
            warnings: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::Workspace;

    #[test]
    fn writes_position_and_quote_selectors() {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("خبر 1.txt", "😀 قال علي في بغداد");
        let mut span = ws.new_span(6, 9, "PER");
        span.entity_id = Some("Q42".into());
        span.note = Some("ملاحظة".into());
        doc.spans.push(span);
        ws.documents.push(doc.into());
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let out = WebAnnotation.export(&ws.labels, &docs, ExportOptions::default());
        let value: Value = serde_json::from_slice(&out.file.bytes).expect("json");
        let item = &value["first"]["items"][0];
        assert_eq!(item["target"]["selector"][0]["start"], 6);
        assert_eq!(item["target"]["selector"][1]["exact"], "علي");
        assert_eq!(item["target"]["selector"][1]["prefix"], "😀 قال ");
        assert_eq!(item["target"]["selector"][1]["suffix"], " في بغداد");
        assert_eq!(item["body"][2]["id"], "http://www.wikidata.org/entity/Q42");
        assert_eq!(
            item["target"]["source"],
            "urn:wasim:document:%D8%AE%D8%A8%D8%B1%201.txt"
        );
        assert!(
            WebAnnotation
                .import(&InputFile {
                    name: "x".into(),
                    bytes: Vec::new()
                })
                .is_err()
        );
        assert!(!WebAnnotation.can_import());
    }

    #[test]
    fn its_own_export_is_refused_with_a_word_on_what_to_import() {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("a.txt", "قال علي");
        doc.spans.push(ws.new_span(4, 7, "PER"));
        ws.documents.push(doc.into());
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let out = WebAnnotation.export(&ws.labels, &docs, ExportOptions::default());
        let exported = String::from_utf8_lossy(&out.file.bytes).into_owned();
        let array = format!("[{exported}]");
        let listed = exported.replace(
            "\"http://www.w3.org/ns/anno.jsonld\"",
            "[\"http://www.w3.org/ns/anno.jsonld\", {\"x\": \"y\"}]",
        );
        for (name, text) in [
            (out.file.name.as_str(), exported.as_str()),
            ("export.json", &exported),
            ("export.json", &array),
            ("export.json", &listed),
            ("other.jsonld", "{}"),
        ] {
            let file = InputFile {
                name: name.into(),
                bytes: text.as_bytes().to_vec(),
            };
            assert_eq!(super::super::classify(&file), Some(ID), "{name}: {text}");
            let results = super::super::import_files(vec![file]);
            let [Err(error)] = results.as_slice() else {
                panic!("{name}: one error, got {results:?}")
            };
            assert_eq!(
                error.to_string(),
                format!(
                    "{name}: this is a W3C Web Annotation file: Wasim writes these but cannot \
                     read them back, as they hold where the spans are but not the documents' \
                     text; import the Wasim JSON export (Export JSON) instead"
                )
            );
        }
    }
}
