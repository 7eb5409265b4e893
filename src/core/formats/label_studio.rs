//! Label Studio JSON: full task exports and the JSON_MIN shape.
//!
//! **Offsets:** a region's `value.start`/`value.end` are half-open offsets
//! into the task text. Current Label Studio counts code points; older
//! releases counted UTF-16 units (label-studio issues #1347 and #4988: spans
//! shift after ZWJ emoji). Each region's `value.text` tells which: the unit is
//! detected per file from these texts, a warning names it whenever a text
//! has astral characters, and a region whose `value.text` matches under
//! neither unit is an error. Export writes code points.
//!
//! Read:
//! - a task list (or one task): `[{"data": {"text": "…"}, "annotations": [{"result":
//!   [{"type": "labels", "value": {"start", "end", "text", "labels": ["PER"]}}]}],
//!   "predictions": [{"result": […]}]}]`. Spans of every non-cancelled
//!   annotation and of predictions are merged (duplicates dropped), with a
//!   warning. A region's `meta.text` becomes the span's note. Results of
//!   other types (choices, relations…) are skipped with a warning.
//! - JSON_MIN: `[{"text": "…", "label": [{"start", "end", "text", "labels"}]}]`.
//!
//! Export writes a task list ready for Label Studio's import, with
//! `from_name` `label` and `to_name` `text`; [`labeling_config`] gives the
//! matching labeling configuration.

use serde_json::{Value, json};

use super::common::{
    RawDocument, RawSpan, added_documents, dropped_extras, json_file, nonempty_records,
    resolve_documents, span_text,
};
use super::{ExportOptions, Exported, Format, ImportError, Imported, InputFile};
use crate::core::model::{Document, Label};

/// This format's id.
pub const ID: &str = "label-studio";

/// Label Studio JSON.
pub struct LabelStudio;

/// What reading the results of one file found besides spans.
#[derive(Default)]
struct Tally {
    skipped_results: usize,
    predicted: usize,
    merged_tasks: usize,
}

impl Format for LabelStudio {
    fn id(&self) -> &'static str {
        ID
    }

    fn name(&self) -> &'static str {
        "Label Studio JSON"
    }

    fn import(&self, file: &InputFile) -> Result<Imported, ImportError> {
        let name = file.name.as_str();
        let records = nonempty_records(file, "the file has no tasks")?;
        let count = records.len();
        let mut tally = Tally::default();
        let mut raw = Vec::with_capacity(count);
        for record in &records {
            let place = format!("task {}: ", record.index);
            let error =
                |message: &str| ImportError::new(name, record.line, format!("{place}{message}"));
            let task = record
                .value
                .as_object()
                .ok_or_else(|| error("expected a task object with \"data\""))?;
            let fallback = if count == 1 {
                name.to_owned()
            } else {
                format!("{name} #{}", record.index)
            };
            let doc = if let Some(data) = task.get("data") {
                let text = data
                    .get("text")
                    .and_then(Value::as_str)
                    .or_else(|| single_string(data))
                    .ok_or_else(|| error("\"data\" has no \"text\" string"))?;
                let doc_name = data
                    .get("name")
                    .and_then(Value::as_str)
                    .map_or(fallback, str::to_owned);
                let mut spans = Vec::new();
                let annotations = task
                    .get("annotations")
                    .and_then(Value::as_array)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                let kept: Vec<&Value> = annotations
                    .iter()
                    .filter(|a| a.get("was_cancelled").and_then(Value::as_bool) != Some(true))
                    .collect();
                if kept.len() > 1 {
                    tally.merged_tasks += 1;
                }
                for (i, annotation) in kept.iter().enumerate() {
                    read_results(
                        name,
                        &format!("{place}annotation {}, ", i + 1),
                        annotation.get("result"),
                        &mut spans,
                        &mut tally,
                    )?;
                }
                let predictions = task
                    .get("predictions")
                    .and_then(Value::as_array)
                    .map(Vec::as_slice)
                    .unwrap_or_default();
                for (i, prediction) in predictions.iter().enumerate() {
                    let before = spans.len();
                    read_results(
                        name,
                        &format!("{place}prediction {}, ", i + 1),
                        prediction.get("result"),
                        &mut spans,
                        &mut tally,
                    )?;
                    tally.predicted += spans.len() - before;
                }
                RawDocument {
                    name: doc_name,
                    text: text.to_owned(),
                    spans,
                    line: record.line,
                    source: None,
                }
            } else {
                let text = task.get("text").and_then(Value::as_str).ok_or_else(|| {
                    error("expected \"data\": {\"text\": …} (or JSON_MIN's \"text\")")
                })?;
                let mut spans = Vec::new();
                for (key, value) in task {
                    if value
                        .as_array()
                        .is_some_and(|items| items.iter().any(|i| i.get("labels").is_some()))
                    {
                        read_regions(
                            name,
                            &format!("{place}{key:?} "),
                            value,
                            &mut spans,
                            &mut tally,
                        )?;
                    }
                }
                RawDocument {
                    name: fallback,
                    text: text.to_owned(),
                    spans,
                    line: record.line,
                    source: None,
                }
            };
            raw.push(doc);
        }
        let (documents, mut warnings) = resolve_documents(name, raw, None)?;
        if tally.predicted > 0 {
            warnings.push(format!(
                "{name}: {} predicted span(s) were imported along with the annotations",
                tally.predicted
            ));
        }
        if tally.merged_tasks > 0 {
            warnings.push(format!(
                "{name}: {} task(s) have several annotations; their spans were merged",
                tally.merged_tasks
            ));
        }
        if tally.skipped_results > 0 {
            warnings.push(format!(
                "{name}: {} result(s) that are not text spans (choices, relations, HTML ranges…) were skipped",
                tally.skipped_results
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
        let tasks: Vec<Value> = documents
            .iter()
            .enumerate()
            .map(|(d, doc)| {
                let result: Vec<Value> = doc
                    .spans
                    .iter()
                    .enumerate()
                    .map(|(s, span)| {
                        let mut region = json!({
                            "id": format!("wasim-{}-{}", d + 1, s + 1),
                            "from_name": "label",
                            "to_name": "text",
                            "type": "labels",
                            "origin": "manual",
                            "value": {
                                "start": span.start,
                                "end": span.end,
                                "text": span_text(doc, span),
                                "labels": [span.label],
                            },
                        });
                        if let (Some(note), Some(object)) = (&span.note, region.as_object_mut()) {
                            object.insert("meta".into(), json!({"text": [note]}));
                        }
                        region
                    })
                    .collect();
                json!({
                    "id": d + 1,
                    "data": {"text": doc.text.as_str(), "name": doc.name},
                    "annotations": [{"result": result}],
                })
            })
            .collect();
        Exported {
            file: json_file("wasim-label-studio.json", &Value::Array(tasks)),
            warnings: dropped_extras("Label Studio JSON", documents, true, false)
                .into_iter()
                .collect(),
        }
    }
}

/// The only string field of an object, if it has exactly one.
fn single_string(data: &Value) -> Option<&str> {
    let mut strings = data.as_object()?.values().filter_map(Value::as_str);
    let first = strings.next()?;
    strings.next().is_none().then_some(first)
}

/// Reads the `labels` results of one annotation or prediction.
fn read_results(
    file: &str,
    place: &str,
    results: Option<&Value>,
    spans: &mut Vec<RawSpan>,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    let Some(results) = results.filter(|r| !r.is_null()) else {
        return Ok(());
    };
    let items = results
        .as_array()
        .ok_or_else(|| ImportError::new(file, None, format!("{place}\"result\" must be a list")))?;
    for (i, result) in items.iter().enumerate() {
        let kind = result
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("labels");
        let value = result.get("value");
        let is_text_span = value.is_some_and(|v| {
            v.get("start").is_some_and(Value::is_u64) && v.get("labels").is_some()
        });
        if kind != "labels" || !is_text_span {
            tally.skipped_results += 1;
            continue;
        }
        let note = match result.get("meta").and_then(|m| m.get("text")) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Array(lines)) => Some(
                lines
                    .iter()
                    .filter_map(Value::as_str)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            _ => None,
        }
        .filter(|n| !n.is_empty());
        if let Some(value) = value {
            read_region(
                file,
                &format!("{place}result {}: ", i + 1),
                value,
                note,
                spans,
            )?;
        }
    }
    Ok(())
}

/// Reads JSON_MIN regions.
fn read_regions(
    file: &str,
    place: &str,
    regions: &Value,
    spans: &mut Vec<RawSpan>,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    for (i, region) in regions
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        if region.get("start").is_some_and(Value::is_u64) {
            read_region(
                file,
                &format!("{place}region {}: ", i + 1),
                region,
                None,
                spans,
            )?;
        } else {
            tally.skipped_results += 1;
        }
    }
    Ok(())
}

/// Reads one `{start, end, text, labels}` value: one span per label.
fn read_region(
    file: &str,
    place: &str,
    value: &Value,
    note: Option<String>,
    spans: &mut Vec<RawSpan>,
) -> Result<(), ImportError> {
    let start = super::common::offset_field(file, None, value, "start", place)?;
    let end = super::common::offset_field(file, None, value, "end", place)?;
    let labels = value
        .get("labels")
        .and_then(Value::as_array)
        .ok_or_else(|| {
            ImportError::new(
                file,
                None,
                format!("{place}\"labels\" must be a list of label names"),
            )
        })?;
    for label in labels {
        let label = label.as_str().ok_or_else(|| {
            ImportError::new(
                file,
                None,
                format!("{place}\"labels\" must be a list of label names"),
            )
        })?;
        spans.push(RawSpan {
            start,
            end,
            label: label.to_owned(),
            text: value.get("text").and_then(Value::as_str).map(str::to_owned),
            note: note.clone(),
            entity_id: None,
            place: place.to_owned(),
        });
    }
    Ok(())
}

/// A Label Studio labeling configuration matching this module's exports.
pub fn labeling_config(labels: &[Label]) -> String {
    let mut out = String::from("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
    for label in labels {
        let escaped = label
            .name
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;");
        out.push_str(&format!(
            "    <Label value=\"{escaped}\" background=\"{}\"/>\n",
            label.color
        ));
    }
    out.push_str("  </Labels>\n  <Text name=\"text\" value=\"$text\"/>\n</View>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::default_labels;

    fn import(text: &str) -> Result<Imported, ImportError> {
        LabelStudio.import(&InputFile {
            name: "ls.json".into(),
            bytes: text.as_bytes().to_vec(),
        })
    }

    fn region(start: usize, end: usize, text: &str) -> String {
        format!(
            r#"{{"type": "labels", "from_name": "label", "to_name": "text", "value": {{"start": {start}, "end": {end}, "text": "{text}", "labels": ["PER"]}}}}"#
        )
    }

    #[test]
    fn reads_tasks_predictions_and_notes() {
        let task = format!(
            r#"[{{"data": {{"text": "قال علي"}}, "annotations": [{{"result": [{}, {{"type": "choices", "value": {{"choices": ["x"]}}}}]}}],
               "predictions": [{{"result": [{}]}}]}}]"#,
            region(4, 7, "علي").replace("\"type\"", "\"meta\": {\"text\": [\"ملاحظة\"]}, \"type\""),
            region(0, 3, "قال")
        );
        let imported = import(&task).expect("imports");
        let spans = &imported.documents[0].spans;
        assert_eq!(spans.len(), 2);
        assert_eq!(spans[1].note.as_deref(), Some("ملاحظة"));
        let warnings = imported.warnings.join("\n");
        assert!(warnings.contains("1 predicted"), "{warnings}");
        assert!(warnings.contains("1 result(s)"), "{warnings}");
    }

    #[test]
    fn detects_utf16_offsets_after_zwj_emoji() {
        // "👩‍👩‍👧 علي": علي is [6, 9) in code points, [9, 12) in UTF-16.
        for (start, end) in [(6, 9), (9, 12)] {
            let task = format!(
                r#"{{"data": {{"text": "👩‍👩‍👧 علي"}}, "annotations": [{{"result": [{}]}}]}}"#,
                region(start, end, "علي")
            );
            let imported = import(&task).expect("imports");
            assert_eq!(
                (
                    imported.documents[0].spans[0].start,
                    imported.documents[0].spans[0].end
                ),
                (6, 9)
            );
            let unit = if start == 9 { "UTF-16" } else { "code points" };
            assert!(
                imported.warnings[0].contains(unit),
                "{:?}",
                imported.warnings
            );
        }
    }

    #[test]
    fn reads_json_min() {
        let min = r#"[{"id": 3, "text": "Ali went", "label": [{"start": 0, "end": 3, "text": "Ali", "labels": ["PER"]}]}]"#;
        let imported = import(min).expect("imports");
        assert_eq!(imported.documents[0].spans[0].end, 3);
    }

    #[test]
    fn bad_tasks_are_clear_errors() {
        let cases = [
            (
                r#"[{"data": {"a": 1}}]"#.to_owned(),
                "task 1: \"data\" has no \"text\"",
            ),
            (
                format!(
                    r#"[{{"data": {{"text": "abc"}}, "annotations": [{{"result": [{}]}}]}}]"#,
                    region(0, 2, "bc")
                ),
                "says its text is \"bc\"",
            ),
            (
                format!(
                    r#"[{{"data": {{"text": "abc"}}, "annotations": [{{"result": [{}]}}]}}]"#,
                    region(0, 9, "abc")
                ),
                "past the end",
            ),
            (
                r#"[{"data": {"text": "abc"}, "annotations": [{"result": 5}]}]"#.to_owned(),
                "\"result\" must be a list",
            ),
            ("[5]".to_owned(), "expected a task object"),
            ("[]".to_owned(), "no tasks"),
        ];
        for (input, expected) in cases {
            let error = import(&input).expect_err(expected);
            assert!(
                error.to_string().contains(expected),
                "{error} should contain {expected}"
            );
        }
    }

    #[test]
    fn config_lists_labels() {
        let config = labeling_config(&default_labels());
        assert!(config.contains("<Label value=\"PER\""));
        assert!(config.contains("toName=\"text\""));
    }
}
