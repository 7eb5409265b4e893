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
//!   other types (choices, relations…) are not spans (a warning says so) but
//!   are kept, as below. `data.name` is the document's name.
//! - JSON_MIN: `[{"text": "…", "label": [{"start", "end", "text", "labels"}]}]`
//!   (`name` is the document's name).
//!
//! Export writes a task list ready for Label Studio's import, with
//! `from_name` `label` and `to_name` `text`; [`labeling_config`] gives the
//! matching labeling configuration.
//!
//! **What was read is what is written.** A document keeps its task in its
//! [`Source`] (`"record"` with the text taken out, `"text_key"`, `"unit"`,
//! and `"generated_name"` when the name was made up). Exporting it to Label
//! Studio writes that task again (in the same shape, full or JSON_MIN), key
//! order kept: task `id`, `meta`, `created_at`, other `data` fields,
//! annotation `id`, `completed_by`, `created_at`…, cancelled annotations,
//! predictions and results of other types (choices, relations, textarea,
//! rating…) stay. A region whose spans are still there stays as it was (its
//! `id`, `meta`, `origin`…; a relabelled span keeps its region); a region
//! whose spans were all deleted goes, with the relations to it; spans added
//! in Wasim become regions of the first annotation that was not cancelled.
//! Offsets are written in code points. `data.name` is written when the task
//! had one or the document was renamed. A file in the exporter's layout
//! (serde_json's pretty printing) comes back byte for byte.

use std::collections::HashSet;

use serde_json::{Map, Value, json};

use super::common::{
    FileOffsets, OffsetUnit, RawDocument, RawSpan, added_documents, dropped_extras, generated_name,
    json_file, match_entries, nonempty_records, numbered_name, object_of, place_in,
    resolve_documents_unit, span_text, write_name,
};
use super::types::{ExportOptions, Exported, Format, ImportError, Imported, InputFile, TeamData};
use crate::core::i18n::{Counted, Key, Msg};
use crate::core::model::{Document, Label, Source};

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
    fn team_data(&self) -> TeamData {
        TeamData::InNotes
    }

    fn id(&self) -> &'static str {
        ID
    }

    fn name(&self) -> &'static str {
        "Label Studio JSON"
    }

    fn import(&self, file: &InputFile) -> Result<Imported, ImportError> {
        let name = file.name.as_str();
        let records = nonempty_records(file, Key::LsNoTasks)?;
        let count = records.len();
        let mut tally = Tally::default();
        let mut raw = Vec::with_capacity(count);
        for record in &records {
            let place = Msg::new(Key::PlaceTask).num("n", record.index);
            let error = |key: Key| {
                ImportError::new(name, record.line, Msg::new(key).msg("place", place.clone()))
            };
            let task = record
                .value
                .as_object()
                .ok_or_else(|| error(Key::LsNotTask))?;
            let fallback = numbered_name(name, record.index, count);
            let doc = if let Some(data) = task.get("data") {
                let (text_key, text) = data
                    .get("text")
                    .and_then(Value::as_str)
                    .map(|text| ("text", text))
                    .or_else(|| single_string(data))
                    .ok_or_else(|| error(Key::LsNoText))?;
                let own_name = data.get("name").and_then(Value::as_str);
                let mut kept = task.clone();
                if let Some(Value::Object(data)) = kept.get_mut("data") {
                    data.insert(text_key.to_owned(), Value::Null);
                }
                let source = source(kept, text_key, own_name.is_none().then_some(&fallback));
                let doc_name = own_name.map_or(fallback, str::to_owned);
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
                        &place_in(&place, Key::PlaceAnnotation, i + 1),
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
                        &place_in(&place, Key::PlacePrediction, i + 1),
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
                    source: Some(source),
                }
            } else {
                let text = task
                    .get("text")
                    .and_then(Value::as_str)
                    .ok_or_else(|| error(Key::LsNoData))?;
                let mut spans = Vec::new();
                for (key, value) in task {
                    if value
                        .as_array()
                        .is_some_and(|items| items.iter().any(|i| i.get("labels").is_some()))
                    {
                        read_regions(
                            name,
                            &Msg::new(Key::PlaceField)
                                .msg("place", place.clone())
                                .quoted("key", key.as_str()),
                            value,
                            &mut spans,
                            &mut tally,
                        )?;
                    }
                }
                let own_name = task.get("name").and_then(Value::as_str);
                let mut kept = task.clone();
                kept.insert("text".into(), Value::Null);
                let source = source(kept, "text", own_name.is_none().then_some(&fallback));
                RawDocument {
                    name: own_name.map_or(fallback, str::to_owned),
                    text: text.to_owned(),
                    spans,
                    line: record.line,
                    source: Some(source),
                }
            };
            raw.push(doc);
        }
        let (mut documents, mut warnings, unit) = resolve_documents_unit(name, raw, None)?;
        for doc in &mut documents {
            if let Some(Value::Object(data)) = doc.source.as_mut().map(|s| &mut s.data) {
                data.insert("unit".into(), json!(unit.tag()));
            }
        }
        if tally.predicted > 0 {
            warnings.push(Msg::counted(Counted::PredictedSpans, tally.predicted).arg("file", name));
        }
        if tally.merged_tasks > 0 {
            warnings.push(Msg::counted(Counted::MergedTasks, tally.merged_tasks).arg("file", name));
        }
        if tally.skipped_results > 0 {
            warnings.push(
                Msg::counted(Counted::SkippedResults, tally.skipped_results).arg("file", name),
            );
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
            .map(|(d, doc)| match doc.source_data(ID) {
                Some(data) if data.get("record").is_some_and(Value::is_object) => {
                    Value::Object(export_kept(d, doc, data))
                }
                _ => new_task(d, doc),
            })
            .collect();
        Exported {
            file: json_file("wasim-label-studio.json", &Value::Array(tasks)),
            warnings: dropped_extras("Label Studio JSON", documents, |d, _| keeps_notes(d), false)
                .into_iter()
                .collect(),
        }
    }
}

/// Whether an export writes `doc`'s span notes: a task kept in Label
/// Studio's JSON_MIN layout (no `data` object) has no place for them.
fn keeps_notes(doc: &Document) -> bool {
    let record = doc
        .source_data(ID)
        .and_then(|data| data.get("record"))
        .filter(|record| record.is_object());
    record.is_none_or(|task| task.get("data").is_some_and(Value::is_object))
}

/// The only string field of an object, with its key, if it has exactly one.
fn single_string(data: &Value) -> Option<(&str, &str)> {
    let mut strings = data
        .as_object()?
        .iter()
        .filter_map(|(k, v)| Some((k.as_str(), v.as_str()?)));
    let first = strings.next()?;
    strings.next().is_none().then_some(first)
}

/// What a document keeps of its task: the task with its text taken out
/// (`null`), where the text was, and the name made up when the task had none.
fn source(kept: Map<String, Value>, text_key: &str, generated: Option<&String>) -> Source {
    let mut data = Map::new();
    data.insert("record".into(), Value::Object(kept));
    data.insert("text_key".into(), json!(text_key));
    if let Some(name) = generated {
        data.insert("generated_name".into(), json!(name));
    }
    Source {
        format: ID.to_owned(),
        data: Value::Object(data),
    }
}

/// A region for a span added in Wasim.
fn new_region(id: String, doc: &Document, span: &crate::core::model::Span) -> Value {
    let mut region = json!({
        "id": id,
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
}

/// The task of a document that was not read from Label Studio.
fn new_task(d: usize, doc: &Document) -> Value {
    let result: Vec<Value> = doc
        .spans
        .iter()
        .enumerate()
        .map(|(s, span)| new_region(format!("wasim-{}-{}", d + 1, s + 1), doc, span))
        .collect();
    json!({
        "id": d + 1,
        "data": {"text": doc.text.as_str(), "name": doc.name},
        "annotations": [{"result": result}],
    })
}

/// A region's note as import reads it (`meta.text`, lines joined).
fn region_note(result: &Value) -> Option<String> {
    match result.get("meta").and_then(|m| m.get("text")) {
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
    .filter(|n| !n.is_empty())
}

/// Whether a result is a text span that import reads.
fn is_span_result(result: &Value) -> bool {
    let kind = result
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or("labels");
    kind == "labels"
        && result
            .get("value")
            .is_some_and(|v| v.get("start").is_some_and(Value::is_u64) && v.get("labels").is_some())
}

/// Where one region list is in a task: `(list key, index)` — an
/// annotation's or prediction's `result`, or a JSON_MIN region list.
type ListPlace = (String, Option<usize>);

/// The task a document was read from, with its regions brought up to date:
/// regions whose spans are still there stay as they were (a relabelled span
/// keeps its region and id), regions of deleted spans go (and relations to
/// them), spans added in Wasim are new regions of the first annotation
/// that was not cancelled (a new annotation when there is none).
fn export_kept(d: usize, doc: &Document, data: &Value) -> Map<String, Value> {
    let mut task = object_of(data.get("record")).unwrap_or_default();
    let text_key = data
        .get("text_key")
        .and_then(Value::as_str)
        .unwrap_or("text");
    let min = !task.get("data").is_some_and(Value::is_object);
    let generated = generated_name(data);
    if min {
        task.insert(text_key.to_owned(), json!(doc.text.as_str()));
        if task.contains_key("name") || generated.is_some_and(|g| g != doc.name) {
            task.insert("name".into(), json!(doc.name));
        }
    } else {
        if let Some(Value::Object(fields)) = task.get_mut("data") {
            fields.insert(text_key.to_owned(), json!(doc.text.as_str()));
        }
        write_name(&mut task, "data", "name", &doc.name, generated);
    }
    let file = FileOffsets::new(
        OffsetUnit::from_tag(data.get("unit").and_then(Value::as_str)),
        doc.text.as_str(),
    );
    // The region lists import read spans from, in the order it read them.
    let mut lists: Vec<(ListPlace, Vec<Value>)> = Vec::new();
    if min {
        for (key, value) in &task {
            if let Some(items) = value
                .as_array()
                .filter(|items| items.iter().any(|i| i.get("labels").is_some()))
            {
                lists.push(((key.clone(), None), items.clone()));
            }
        }
    } else {
        for key in ["annotations", "predictions"] {
            let Some(groups) = task.get(key).and_then(Value::as_array) else {
                continue;
            };
            for (g, group) in groups.iter().enumerate() {
                let cancelled = key == "annotations"
                    && group.get("was_cancelled").and_then(Value::as_bool) == Some(true);
                if let (false, Some(results)) =
                    (cancelled, group.get("result").and_then(Value::as_array))
                {
                    lists.push(((key.to_owned(), Some(g)), results.clone()));
                }
            }
        }
    }
    let value_of = |r: &Value| -> Option<Value> {
        if min {
            r.get("start").is_some_and(Value::is_u64).then(|| r.clone())
        } else if is_span_result(r) {
            r.get("value").cloned()
        } else {
            None
        }
    };
    // One entry per (region, label).
    let mut owners: Vec<(usize, usize)> = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    for (l, (_, items)) in lists.iter().enumerate() {
        for (r, item) in items.iter().enumerate() {
            if let Some(value) = value_of(item) {
                let labels = value
                    .get("labels")
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                for _ in 0..labels {
                    owners.push((l, r));
                    values.push(value.clone());
                }
            }
        }
    }
    let mut label_index = 0;
    let mut last_owner = None;
    let keys: Vec<Option<(usize, usize, &str)>> = owners
        .iter()
        .zip(&values)
        .map(|(owner, value)| {
            if last_owner != Some(*owner) {
                label_index = 0;
            }
            last_owner = Some(*owner);
            let i = label_index;
            label_index += 1;
            let offset = |k: &str| {
                value
                    .get(k)
                    .and_then(Value::as_u64)
                    .and_then(|n| usize::try_from(n).ok())
                    .and_then(|n| file.code_point(n))
            };
            Some((
                offset("start")?,
                offset("end")?,
                value.get("labels")?.get(i)?.as_str()?,
            ))
        })
        .collect();
    let matched = match_entries(&keys, &doc.spans);
    let mut removed_ids: HashSet<String> = HashSet::new();
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut entry = 0;
    for (l, (_, items)) in lists.iter_mut().enumerate() {
        let mut kept = Vec::with_capacity(items.len());
        for (r, item) in items.iter().enumerate() {
            let mut fates = Vec::new();
            while entry < owners.len() && owners[entry] == (l, r) {
                fates.push(matched.entries[entry]);
                entry += 1;
            }
            let id = item.get("id").and_then(Value::as_str).map(str::to_owned);
            if value_of(item).is_none() {
                kept.push(item.clone());
                used_ids.extend(id);
                continue;
            }
            let spans: Vec<usize> = fates.into_iter().flatten().collect();
            let Some(&first) = spans.first() else {
                removed_ids.extend(id);
                continue;
            };
            used_ids.extend(id);
            let span = &doc.spans[first];
            let mut labels: Vec<&str> = Vec::with_capacity(spans.len());
            for &i in &spans {
                if !labels.contains(&doc.spans[i].label.as_str()) {
                    labels.push(&doc.spans[i].label);
                }
            }
            let mut item = item.clone();
            let value = if min {
                Some(&mut item)
            } else {
                item.get_mut("value")
            };
            if let Some(Value::Object(value)) = value {
                value.insert("start".into(), json!(span.start));
                value.insert("end".into(), json!(span.end));
                value.insert("labels".into(), json!(labels));
            }
            if !min && region_note(&item) != span.note {
                set_note(&mut item, span.note.as_deref());
            }
            kept.push(item);
        }
        *items = kept;
    }
    // Spans added in Wasim.
    let mut added = Vec::with_capacity(matched.added.len());
    for &i in &matched.added {
        let mut n = i + 1;
        let mut id = format!("wasim-{}-{n}", d + 1);
        while used_ids.contains(&id) {
            n += 1;
            id = format!("wasim-{}-{n}", d + 1);
        }
        used_ids.insert(id.clone());
        let span = &doc.spans[i];
        added.push(if min {
            json!({"start": span.start, "end": span.end, "text": span_text(doc, span), "labels": [span.label]})
        } else {
            new_region(id, doc, span)
        });
    }
    let target = if min {
        lists
            .first()
            .map(|(place, _)| place.clone())
            .or(Some(("label".to_owned(), None)))
    } else {
        lists
            .iter()
            .find(|((key, _), _)| key == "annotations")
            .map(|(place, _)| place.clone())
    };
    let mut added = Some(added).filter(|a| !a.is_empty());
    if let (Some(place), Some(regions)) = (&target, added.as_mut()) {
        if let Some((_, items)) = lists.iter_mut().find(|(p, _)| p == place) {
            items.append(regions);
        } else {
            lists.push((place.clone(), std::mem::take(regions)));
        }
        added = None;
    }
    // Write the lists back and drop relations to removed regions.
    for ((key, index), items) in lists {
        let items = Value::Array(items);
        match index {
            None => {
                task.insert(key, items);
            }
            Some(g) => {
                if let Some(Value::Object(group)) = task
                    .get_mut(&key)
                    .and_then(Value::as_array_mut)
                    .and_then(|groups| groups.get_mut(g))
                {
                    group.insert("result".into(), items);
                }
            }
        }
    }
    if let Some(regions) = added {
        let annotations = task
            .entry("annotations")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(annotations) = annotations {
            annotations.push(json!({"result": regions}));
        }
    }
    if !removed_ids.is_empty() {
        for key in ["annotations", "predictions"] {
            for group in task
                .get_mut(key)
                .and_then(Value::as_array_mut)
                .map(|g| g.iter_mut())
                .into_iter()
                .flatten()
            {
                if let Some(Value::Array(results)) = group.get_mut("result") {
                    results.retain(|r| {
                        !["from_id", "to_id"].iter().any(|k| {
                            r.get(*k)
                                .and_then(Value::as_str)
                                .is_some_and(|id| removed_ids.contains(id))
                        })
                    });
                }
            }
        }
    }
    task
}

/// Sets a region's note (`meta.text` as one line list), or removes it.
fn set_note(region: &mut Value, note: Option<&str>) {
    let Some(object) = region.as_object_mut() else {
        return;
    };
    match note {
        Some(note) => {
            let meta = object
                .entry("meta")
                .or_insert_with(|| Value::Object(Map::new()));
            if let Some(meta) = meta.as_object_mut() {
                meta.insert("text".into(), json!([note]));
            }
        }
        None => {
            if let Some(Value::Object(meta)) = object.get_mut("meta") {
                meta.shift_remove("text");
            }
        }
    }
}

/// Reads the `labels` results of one annotation or prediction.
fn read_results(
    file: &str,
    place: &Msg,
    results: Option<&Value>,
    spans: &mut Vec<RawSpan>,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    let Some(results) = results.filter(|r| !r.is_null()) else {
        return Ok(());
    };
    let items = results.as_array().ok_or_else(|| {
        let message = Msg::new(Key::MustBeList)
            .msg("place", place.clone())
            .arg("key", "result");
        ImportError::new(file, None, message)
    })?;
    for (i, result) in items.iter().enumerate() {
        let value = result.get("value");
        if !is_span_result(result) {
            tally.skipped_results += 1;
            continue;
        }
        let note = region_note(result);
        if let Some(value) = value {
            read_region(
                file,
                &place_in(place, Key::PlaceResult, i + 1),
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
    place: &Msg,
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
                &place_in(place, Key::PlaceRegion, i + 1),
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
    place: &Msg,
    value: &Value,
    note: Option<String>,
    spans: &mut Vec<RawSpan>,
) -> Result<(), ImportError> {
    let start = super::common::offset_field(file, None, value, "start", place)?;
    let end = super::common::offset_field(file, None, value, "end", place)?;
    let error = || {
        ImportError::new(
            file,
            None,
            Msg::new(Key::LsLabels).msg("place", place.clone()),
        )
    };
    let labels = value
        .get("labels")
        .and_then(Value::as_array)
        .ok_or_else(error)?;
    for label in labels {
        let label = label.as_str().ok_or_else(error)?;
        spans.push(RawSpan {
            start,
            end,
            label: label.to_owned(),
            text: value.get("text").and_then(Value::as_str).map(str::to_owned),
            note: note.clone(),
            entity_id: None,
            place: place.clone(),
        });
    }
    Ok(())
}

/// A Label Studio labeling configuration matching this module's exports.
pub fn labeling_config(labels: &[Label]) -> String {
    let mut out = String::from("<View>\n  <Labels name=\"label\" toName=\"text\">\n");
    let escape = |value: &str| {
        value
            .replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    for label in labels {
        out.push_str(&format!(
            "    <Label value=\"{}\" background=\"{}\"/>\n",
            escape(&label.name),
            escape(&label.color)
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
        let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
        let warnings = warnings.join("\n");
        assert!(warnings.contains("1 predicted"), "{warnings}");
        assert!(warnings.contains("1 result that is not"), "{warnings}");
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
