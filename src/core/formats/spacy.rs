//! spaCy / Prodigy JSONL, and spaCy v2's JSON training format (import only).
//!
//! **Offsets:** code points, half-open, as Python's `str` counts them (spaCy
//! and Prodigy are Python). Prodigy's optional `token_start`/`token_end` are
//! token indices with `token_end` *inclusive*; when a record has `tokens`,
//! they are checked against `start`/`end` (which win, with a warning).
//!
//! ```json
//! {"text": "…", "spans": [{"start": 0, "end": 5, "label": "PER", "text": "…", "token_start": 0, "token_end": 0}],
//!  "tokens": [{"text": "…", "start": 0, "end": 5, "id": 0}]}
//! ```
//!
//! A span's optional `text` must equal the document's text there. Its
//! `kb_id` (spaCy's knowledge-base id) maps to the span's entity id. Records
//! whose Prodigy `answer` is `reject` or `ignore` are skipped, with a warning.
//!
//! spaCy v2's JSON training format (`[{"id", "paragraphs": [{"sentences":
//! [{"tokens": [{"orth", "ner"}]}]}]}]`, BILUO tags) has no offsets: it is
//! read with the IOB codec ([`super::iob`]), tokens joined by spaces.
//!
//! Export writes JSONL with `text` and `spans` (`start`, `end`, `label`,
//! `text`, and `kb_id` when the span has an entity id).

use serde_json::{Map, Value, json};

use super::common::{
    OffsetUnit, RawDocument, RawSpan, Record, added_documents, dropped_extras, jsonl_file,
    nonempty_records, offset_field, record_place, resolve_documents, span_text,
};
use super::iob::{TaggedDocument, TaggedToken, decode_documents};
use super::{ExportOptions, Exported, Format, ImportError, Imported, InputFile};
use crate::core::model::{Document, Label};

/// This format's id.
pub const ID: &str = "spacy";

/// spaCy / Prodigy JSONL.
pub struct Spacy;

impl Format for Spacy {
    fn id(&self) -> &'static str {
        ID
    }

    fn name(&self) -> &'static str {
        "spaCy / Prodigy JSONL"
    }

    fn import(&self, file: &InputFile) -> Result<Imported, ImportError> {
        let name = file.name.as_str();
        let records = nonempty_records(
            file,
            "the file has no records; expected one {\"text\": …, \"spans\": …} per line",
        )?;
        if records.iter().any(|r| r.value.get("paragraphs").is_some()) {
            return import_v2(name, &records);
        }
        let count = records.len();
        let mut raw = Vec::with_capacity(count);
        let (mut skipped, mut token_mismatches) = (0, 0);
        for record in &records {
            let answer = record.value.get("answer").and_then(Value::as_str);
            if matches!(answer, Some("reject" | "ignore")) {
                skipped += 1;
                continue;
            }
            let (doc, mismatches) = read_record(name, record, count)?;
            token_mismatches += mismatches;
            raw.push(doc);
        }
        let (documents, mut warnings) = resolve_documents(
            name,
            raw,
            Some((OffsetUnit::CodePoints, "spaCy and Prodigy count them so")),
        )?;
        if skipped > 0 {
            warnings.push(format!(
                "{name}: {skipped} record(s) answered \"reject\" or \"ignore\" in Prodigy were skipped"
            ));
        }
        if token_mismatches > 0 {
            warnings.push(format!(
                "{name}: in {token_mismatches} span(s) token_start/token_end disagree with start/end; start/end were used"
            ));
        }
        Ok(added_documents(documents, warnings))
    }

    fn export(
        &self,
        _labels: &[Label],
        documents: &[&Document],
        _options: ExportOptions,
    ) -> Exported {
        let records: Vec<Value> = documents
            .iter()
            .map(|doc| {
                let spans: Vec<Value> = doc
                    .spans
                    .iter()
                    .map(|s| {
                        let mut span = json!({
                            "start": s.start,
                            "end": s.end,
                            "label": s.label,
                            "text": span_text(doc, s),
                        });
                        if let (Some(id), Some(object)) = (&s.entity_id, span.as_object_mut()) {
                            object.insert("kb_id".into(), json!(id));
                        }
                        span
                    })
                    .collect();
                json!({"text": doc.text.as_str(), "spans": spans})
            })
            .collect();
        Exported {
            file: jsonl_file("wasim-spacy.jsonl", &records),
            warnings: dropped_extras("spaCy JSONL", documents, false, true)
                .into_iter()
                .collect(),
        }
    }
}

/// A token's `(start, end)` from a Prodigy `tokens` entry.
fn token_bounds(token: &Value) -> Option<(u64, u64)> {
    Some((token.get("start")?.as_u64()?, token.get("end")?.as_u64()?))
}

/// Whether a span's `token_start`/`token_end` (inclusive) disagree with its
/// offsets.
fn tokens_disagree(
    span: &Map<String, Value>,
    tokens: Option<&Vec<Value>>,
    start: usize,
    end: usize,
) -> bool {
    let (Some(tokens), Some(first), Some(last)) = (
        tokens,
        span.get("token_start").and_then(Value::as_u64),
        span.get("token_end").and_then(Value::as_u64),
    ) else {
        return false;
    };
    let bound = |i: u64| {
        usize::try_from(i)
            .ok()
            .and_then(|i| tokens.get(i))
            .and_then(token_bounds)
    };
    match (bound(first), bound(last)) {
        (Some((s, _)), Some((_, e))) => (s, e) != (start as u64, end as u64),
        _ => true,
    }
}

/// Reads one JSONL record; returns it and how many spans disagree with their
/// tokens.
fn read_record(
    file: &str,
    record: &Record,
    count: usize,
) -> Result<(RawDocument, usize), ImportError> {
    let line = record.line;
    let place = record_place(record);
    let error = |message: &str| ImportError::new(file, line, format!("{place}{message}"));
    let object = record
        .value
        .as_object()
        .ok_or_else(|| error("expected a JSON object {\"text\": …, \"spans\": …}"))?;
    let text = object.get("text").and_then(Value::as_str).ok_or_else(|| {
        error("no \"text\" field; expected {\"text\": \"…\", \"spans\": [{\"start\", \"end\", \"label\"}]}")
    })?;
    let tokens = object.get("tokens").and_then(Value::as_array);
    let items = match object.get("spans") {
        None | Some(Value::Null) => &Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            return Err(error(
                "\"spans\" must be a list of {\"start\", \"end\", \"label\"}",
            ));
        }
    };
    let mut spans = Vec::with_capacity(items.len());
    let mut mismatches = 0;
    for (i, item) in items.iter().enumerate() {
        let where_ = format!("{place}span {}: ", i + 1);
        let span = item.as_object().ok_or_else(|| {
            ImportError::new(
                file,
                line,
                format!("{where_}expected {{\"start\", \"end\", \"label\"}}"),
            )
        })?;
        let start = offset_field(file, line, item, "start", &where_)?;
        let end = offset_field(file, line, item, "end", &where_)?;
        let label = span.get("label").and_then(Value::as_str).ok_or_else(|| {
            ImportError::new(file, line, format!("{where_}\"label\" must be a string"))
        })?;
        if tokens_disagree(span, tokens, start, end) {
            mismatches += 1;
        }
        spans.push(RawSpan {
            start,
            end,
            label: label.to_owned(),
            text: span.get("text").and_then(Value::as_str).map(str::to_owned),
            note: None,
            entity_id: span
                .get("kb_id")
                .and_then(Value::as_str)
                .filter(|id| !id.is_empty())
                .map(str::to_owned),
            place: where_,
        });
    }
    let name = if count == 1 {
        file.to_owned()
    } else {
        format!("{file} #{}", record.index)
    };
    Ok((
        RawDocument {
            name,
            text: text.to_owned(),
            spans,
            line,
            source: None,
        },
        mismatches,
    ))
}

/// Reads spaCy v2's JSON training format.
fn import_v2(file: &str, records: &[Record]) -> Result<Imported, ImportError> {
    let mut raw = Vec::with_capacity(records.len());
    for record in records {
        let error = |message: &str| {
            ImportError::new(file, None, format!("document {}: {message}", record.index))
        };
        let paragraphs = record
            .value
            .get("paragraphs")
            .and_then(Value::as_array)
            .ok_or_else(|| {
                error("expected \"paragraphs\": [{\"sentences\": [{\"tokens\": […]}]}]")
            })?;
        let mut sentences = Vec::new();
        for paragraph in paragraphs {
            let items = paragraph
                .get("sentences")
                .and_then(Value::as_array)
                .ok_or_else(|| error("a paragraph has no \"sentences\" list"))?;
            for sentence in items {
                let tokens = sentence
                    .get("tokens")
                    .and_then(Value::as_array)
                    .ok_or_else(|| error("a sentence has no \"tokens\" list"))?;
                let mut row = Vec::with_capacity(tokens.len());
                for token in tokens {
                    let orth = token
                        .get("orth")
                        .and_then(Value::as_str)
                        .ok_or_else(|| error("a token has no \"orth\" string"))?;
                    if orth.is_empty() || orth.chars().any(char::is_whitespace) {
                        continue;
                    }
                    let tag = match token.get("ner").and_then(Value::as_str) {
                        None | Some("-" | "") => "O",
                        Some(tag) => tag,
                    };
                    row.push(TaggedToken {
                        token: orth.to_owned(),
                        tags: vec![tag.to_owned()],
                        line: 0,
                    });
                }
                if !row.is_empty() {
                    sentences.push(row);
                }
            }
        }
        let name = if records.len() == 1 {
            file.to_owned()
        } else {
            format!("{file} #{}", record.index)
        };
        raw.push(TaggedDocument { name, sentences });
    }
    let decoded = decode_documents(file, &raw)?;
    Ok(added_documents(decoded.documents, decoded.warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import(text: &str) -> Result<Imported, ImportError> {
        Spacy.import(&InputFile {
            name: "s.jsonl".into(),
            bytes: text.as_bytes().to_vec(),
        })
    }

    #[test]
    fn reads_prodigy_records_with_tokens() {
        let file = concat!(
            "{\"text\": \"😀 زار علي\", \"spans\": [{\"start\": 6, \"end\": 9, \"label\": \"PER\", \"text\": \"علي\", ",
            "\"token_start\": 2, \"token_end\": 2, \"kb_id\": \"Q1\"}], \"tokens\": [{\"start\": 0, \"end\": 1}, ",
            "{\"start\": 2, \"end\": 5}, {\"start\": 6, \"end\": 9}]}\n",
            "{\"text\": \"x\", \"spans\": [], \"answer\": \"reject\"}\n",
            "{\"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"X\", \"token_start\": 0, \"token_end\": 1}], ",
            "\"tokens\": [{\"start\": 0, \"end\": 2}]}\n"
        );
        let imported = import(file).expect("imports");
        assert_eq!(imported.documents.len(), 2);
        let span = &imported.documents[0].spans[0];
        assert_eq!(
            (span.start, span.end, span.entity_id.as_deref()),
            (6, 9, Some("Q1"))
        );
        let warnings = imported.warnings.join("\n");
        assert!(warnings.contains("code points"), "{warnings}");
        assert!(warnings.contains("1 record(s) answered"));
        assert!(warnings.contains("1 span(s) token_start"));
    }

    #[test]
    fn reads_v2_json_with_biluo() {
        let file = r#"[{"id": 0, "paragraphs": [{"sentences": [{"tokens": [
            {"orth": "When", "ner": "O"}, {"orth": "Sebastian", "ner": "B-PERSON"}, {"orth": "Thrun", "ner": "L-PERSON"},
            {"orth": "at", "ner": "O"}, {"orth": "Google", "ner": "U-ORG"}]}]}]}]"#;
        let imported = Spacy
            .import(&InputFile {
                name: "v2.json".into(),
                bytes: file.as_bytes().to_vec(),
            })
            .expect("imports");
        let doc = &imported.documents[0];
        assert_eq!(doc.text, "When Sebastian Thrun at Google");
        let spans: Vec<_> = doc
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.label.as_str()))
            .collect();
        assert_eq!(spans, [(5, 20, "PERSON"), (24, 30, "ORG")]);
    }

    #[test]
    fn bad_records_are_clear_errors() {
        let cases = [
            ("{\"spans\": []}", "line 1: no \"text\""),
            (
                "{\"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 1, \"label\": \"X\", \"text\": \"b\"}]}",
                "says its text is \"b\"",
            ),
            (
                "{\"text\": \"ab\", \"spans\": [{\"start\": 0, \"end\": 5, \"label\": \"X\"}]}",
                "past the end",
            ),
            (
                "{\"text\": \"ab\", \"spans\": [{\"start\": 0, \"label\": \"X\"}]}",
                "\"end\" must be",
            ),
            (
                "{\"text\": \"ab\", \"spans\": {}}",
                "\"spans\" must be a list",
            ),
            (
                "[{\"paragraphs\": [{\"sentences\": [{\"tokens\": [{\"orth\": \"a\", \"ner\": \"Q\"}]}]}]}]",
                "\"Q\" is not a tag",
            ),
        ];
        for (input, expected) in cases {
            let error = import(input).expect_err(expected);
            assert!(
                error.to_string().contains(expected),
                "{error} should contain {expected}"
            );
        }
    }
}
