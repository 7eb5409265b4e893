//! doccano's sequence-labeling JSONL.
//!
//! **Offsets:** doccano's web UI counts UTF-16 code units (doccano issue
//! #2290), while files written by Python scripts count code points. The two
//! agree unless the text has astral characters (emoji…). On import the unit
//! is the one the records state in `offset_unit` (Wasim's exports do), or
//! else is detected per file: the unit that keeps spans in range and on
//! character and word boundaries, code points on a tie. A warning names the
//! unit assumed whenever a text has astral characters.
//! Export writes code points, or UTF-16 units with
//! [`ExportOptions::utf16_offsets`] ("UTF-16 (doccano web UI)"). Ranges are
//! half-open either way.
//!
//! Both shapes are read, one JSON object per line (a whole-file JSON array or
//! a single pretty-printed object also works):
//!
//! ```json
//! {"text": "…", "label": [[0, 5, "PER"]]}
//! {"text": "…", "entities": [{"id": 1, "start_offset": 0, "end_offset": 5, "label": "PER"}], "relations": []}
//! ```
//!
//! `labels`, `column_label` and `data`, `column_data` are accepted as the
//! names doccano's import dialog allows. Relations are skipped with a
//! warning. Export writes the first shape plus `"offset_unit": "code_points"`
//! or `"utf-16"` (doccano keeps unknown fields as metadata); a file whose
//! records all carry this field is read in that unit without guessing.

use serde_json::{Value, json};

use super::common::{
    OffsetUnit, RawDocument, RawSpan, Record, added_documents, dropped_extras, jsonl_file,
    nonempty_records, offset_field, record_place, resolve_documents, utf16_table,
};
use super::{ExportOptions, Exported, Format, ImportError, Imported, InputFile};
use crate::core::model::{Document, Label};

/// This format's id.
pub const ID: &str = "doccano";

/// The record field naming the offset unit of Wasim's exports.
pub const OFFSET_UNIT_FIELD: &str = "offset_unit";
const UTF16: &str = "utf-16";
const CODE_POINTS: &str = "code_points";

/// doccano JSONL.
pub struct Doccano;

impl Format for Doccano {
    fn id(&self) -> &'static str {
        ID
    }

    fn name(&self) -> &'static str {
        "doccano JSONL"
    }

    fn import(&self, file: &InputFile) -> Result<Imported, ImportError> {
        let name = file.name.as_str();
        let records = nonempty_records(
            file,
            "the file has no records; expected one {\"text\": …, \"label\": …} per line",
        )?;
        let count = records.len();
        let mut relations = 0;
        let mut raw = Vec::with_capacity(count);
        for record in &records {
            let (doc, skipped) = read_record(name, record, count)?;
            relations += skipped;
            raw.push(doc);
        }
        let stated: Vec<Option<&str>> = records
            .iter()
            .map(|r| r.value.get(OFFSET_UNIT_FIELD).and_then(Value::as_str))
            .collect();
        let forced = match stated.first().copied().flatten() {
            Some(first) if stated.iter().all(|s| *s == Some(first)) => match first {
                UTF16 => Some((OffsetUnit::Utf16, "the file says so (\"offset_unit\")")),
                CODE_POINTS => Some((OffsetUnit::CodePoints, "the file says so (\"offset_unit\")")),
                _ => None,
            },
            _ => None,
        };
        let (documents, mut warnings) = resolve_documents(name, raw, forced)?;
        if relations > 0 {
            warnings.push(format!(
                "{name}: {relations} relation(s) were skipped; Wasim keeps spans only"
            ));
        }
        Ok(added_documents(documents, warnings))
    }

    fn export(
        &self,
        _labels: &[Label],
        documents: &[&Document],
        options: ExportOptions,
    ) -> Exported {
        let records: Vec<Value> = documents
            .iter()
            .map(|doc| {
                let table = options
                    .utf16_offsets
                    .then(|| utf16_table(doc.text.as_str()));
                let at = |cp: usize| {
                    table
                        .as_ref()
                        .and_then(|t| t.get(cp).copied())
                        .unwrap_or(cp)
                };
                let spans: Vec<Value> = doc
                    .spans
                    .iter()
                    .map(|s| json!([at(s.start), at(s.end), s.label]))
                    .collect();
                let unit = if options.utf16_offsets {
                    UTF16
                } else {
                    CODE_POINTS
                };
                json!({"text": doc.text.as_str(), "label": spans, OFFSET_UNIT_FIELD: unit})
            })
            .collect();
        Exported {
            file: jsonl_file("wasim-doccano.jsonl", &records),
            warnings: dropped_extras("doccano", documents, false, false)
                .into_iter()
                .collect(),
        }
    }
}

/// Reads one record; returns the document and how many relations it had.
fn read_record(
    file: &str,
    record: &Record,
    count: usize,
) -> Result<(RawDocument, usize), ImportError> {
    let line = record.line;
    let place = record_place(record);
    let error = |message: String| ImportError::new(file, line, format!("{place}{message}"));
    let object = record
        .value
        .as_object()
        .ok_or_else(|| error("expected a JSON object {\"text\": …, \"label\": …}".into()))?;
    let text = ["text", "data", "column_data"]
        .iter()
        .find_map(|key| object.get(*key).and_then(Value::as_str))
        .ok_or_else(|| {
            error("no \"text\" field; expected {\"text\": \"…\", \"label\": [[start, end, \"LABEL\"], …]}".into())
        })?;
    let mut spans = Vec::new();
    if let Some(entities) = object.get("entities") {
        let items = entities
            .as_array()
            .ok_or_else(|| error("\"entities\" must be a list".into()))?;
        for (i, entity) in items.iter().enumerate() {
            let where_ = format!("{place}entity {}: ", i + 1);
            let label = entity.get("label").and_then(Value::as_str).ok_or_else(|| {
                ImportError::new(file, line, format!("{where_}\"label\" must be a string"))
            })?;
            spans.push(RawSpan {
                start: offset_field(file, line, entity, "start_offset", &where_)?,
                end: offset_field(file, line, entity, "end_offset", &where_)?,
                label: label.to_owned(),
                text: None,
                note: None,
                entity_id: None,
                place: where_,
            });
        }
    }
    let labels = ["label", "labels", "column_label"]
        .iter()
        .find_map(|key| object.get(*key));
    if let Some(labels) = labels.filter(|l| !l.is_null()) {
        let items = labels
            .as_array()
            .ok_or_else(|| error("\"label\" must be a list of [start, end, \"LABEL\"]".into()))?;
        for (i, item) in items.iter().enumerate() {
            let where_ = format!("{place}label {}: ", i + 1);
            let bad = || {
                let hint = if item.is_string() {
                    " (this looks like a text-classification label; Wasim reads spans)"
                } else {
                    ""
                };
                ImportError::new(
                    file,
                    line,
                    format!("{where_}expected [start, end, \"LABEL\"], found {item}{hint}"),
                )
            };
            let parts = item.as_array().filter(|p| p.len() == 3).ok_or_else(bad)?;
            let number = |v: &Value| v.as_u64().and_then(|n| usize::try_from(n).ok());
            let (Some(start), Some(end), Some(label)) =
                (number(&parts[0]), number(&parts[1]), parts[2].as_str())
            else {
                return Err(bad());
            };
            spans.push(RawSpan {
                start,
                end,
                label: label.to_owned(),
                text: None,
                note: None,
                entity_id: None,
                place: where_,
            });
        }
    }
    let relations = object
        .get("relations")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
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
        relations,
    ))
}

/// Offsets a doccano export uses, for tests and the UI's option label.
pub fn offset_unit_name(options: ExportOptions) -> &'static str {
    if options.utf16_offsets {
        "UTF-16 (doccano web UI)"
    } else {
        "code points"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::import_edit;
    use crate::core::model::Workspace;

    fn import(text: &str) -> Result<Imported, ImportError> {
        Doccano.import(&InputFile {
            name: "d.jsonl".into(),
            bytes: text.as_bytes().to_vec(),
        })
    }

    fn slices(imported: &Imported, doc: usize) -> Vec<String> {
        let d = &imported.documents[doc];
        let chars: Vec<char> = d.text.chars().collect();
        d.spans
            .iter()
            .map(|s| chars[s.start..s.end].iter().collect())
            .collect()
    }

    #[test]
    fn reads_both_shapes() {
        let file = concat!(
            "{\"text\": \"EU rejects German call\", \"label\": [[0, 2, \"ORG\"], [11, 17, \"MISC\"]]}\n",
            "\n",
            "{\"text\": \"Google was founded\", \"entities\": [{\"id\": 0, \"start_offset\": 0, \"end_offset\": 6, \"label\": \"ORG\"}], ",
            "\"relations\": [{\"from_id\": 0, \"to_id\": 0, \"type\": \"x\"}]}\n"
        );
        let imported = import(file).expect("imports");
        assert_eq!(slices(&imported, 0), ["EU", "German"]);
        assert_eq!(slices(&imported, 1), ["Google"]);
        assert_eq!(imported.documents[1].name, "d.jsonl #2");
        assert!(imported.warnings[0].contains("1 relation"));
    }

    #[test]
    fn detects_utf16_offsets_and_exports_both_units() {
        // In doccano's UI "👩‍👩‍👧 علي" has علي at UTF-16 [9, 12); in code points [6, 9).
        let imported =
            import("{\"text\": \"👩‍👩‍👧 علي\", \"label\": [[9, 12, \"PER\"]]}").expect("imports");
        assert_eq!(slices(&imported, 0), ["علي"]);
        assert!(
            imported.warnings[0].contains("UTF-16"),
            "{:?}",
            imported.warnings
        );
        let mut ws = Workspace::default();
        let (edit, _) = import_edit(&mut ws, imported).expect("valid");
        edit.apply(&mut ws).expect("applies");
        let docs: Vec<&Document> = ws.documents.iter().collect();
        let cp = Doccano.export(&ws.labels, &docs, ExportOptions::default());
        assert!(String::from_utf8_lossy(&cp.file.bytes).contains("[[6,9,\"PER\"]]"));
        let options = ExportOptions {
            utf16_offsets: true,
            ..ExportOptions::default()
        };
        let utf16 = Doccano.export(&ws.labels, &docs, options);
        assert!(String::from_utf8_lossy(&utf16.file.bytes).contains("[[9,12,\"PER\"]]"));
        assert_eq!(offset_unit_name(options), "UTF-16 (doccano web UI)");
    }

    #[test]
    fn a_stated_unit_wins_over_guessing() {
        // [2, 4) fits either way; the record says UTF-16, so 😀 counts two.
        let stated =
            "{\"text\": \"😀abc\", \"label\": [[2, 4, \"X\"]], \"offset_unit\": \"utf-16\"}";
        let imported = import(stated).expect("ok");
        assert_eq!(
            (
                imported.documents[0].spans[0].start,
                imported.documents[0].spans[0].end
            ),
            (1, 3)
        );
        assert!(
            imported.warnings[0].contains("the file says so"),
            "{:?}",
            imported.warnings
        );
        let guessed = import("{\"text\": \"😀abc\", \"label\": [[2, 4, \"X\"]]}").expect("ok");
        assert_eq!(
            (
                guessed.documents[0].spans[0].start,
                guessed.documents[0].spans[0].end
            ),
            (2, 4)
        );
        assert!(
            guessed.warnings[0].contains("code points")
                && guessed.warnings[0].contains("either way")
        );
    }

    #[test]
    fn bad_records_are_clear_errors() {
        let cases = [
            (
                "{\"label\": [[0, 1, \"PER\"]]}",
                "line 1: no \"text\" field",
            ),
            ("{\"text\": \"ab\"}\n{\"text\": 5}", "line 2: no \"text\""),
            (
                "{\"text\": \"ab\", \"label\": [[0, 9, \"PER\"]]}",
                "past the end",
            ),
            (
                "{\"text\": \"ab\", \"label\": [[0, 1]]}",
                "expected [start, end, \"LABEL\"]",
            ),
            (
                "{\"text\": \"ab\", \"label\": [\"positive\"]}",
                "text-classification",
            ),
            (
                "{\"text\": \"ab\", \"label\": [[1, 0, \"X\"]]}",
                "empty or reversed",
            ),
            (
                "{\"text\": \"ab\", \"entities\": [{\"start_offset\": -1, \"end_offset\": 1, \"label\": \"X\"}]}",
                "\"start_offset\" must be",
            ),
            ("{\"text\": \"ab\"}\n{oops", "line 2: invalid JSON"),
            ("[1]", "expected a JSON object"),
            ("", "no records"),
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
