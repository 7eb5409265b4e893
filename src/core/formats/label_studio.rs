//! Label Studio JSON: full task exports and the JSON_MIN shape.
//!
//! **Offsets:** a region's `value.start`/`value.end` are half-open offsets
//! into the task text. Current Label Studio counts code points; older
//! releases counted UTF-16 units (label-studio issues #1347 and #4988: spans
//! shift after ZWJ emoji). Each region's `value.text` tells which: the unit is
//! detected per file from these texts, a warning names it whenever a text
//! has astral characters, and a region whose `value.text` matches under
//! neither unit is an error. Export writes a task in the unit it was read
//! in, and a task from elsewhere in code points.
//!
//! Read:
//! - a task list (or one task, or JSON Lines of tasks): `[{"data": {"text":
//!   "…"}, "annotations": [{"result": [{"type": "labels", "value": {"start",
//!   "end", "text", "labels": ["PER"]}}]}], "predictions": [{"result":
//!   […]}]}]`. A task's spans are those of its annotations that were not
//!   cancelled (merged, with a warning, when there are several); only a
//!   task with no such annotation shows its predictions' spans, as Label
//!   Studio pre-annotates (a warning counts them, and another the tasks
//!   whose predictions are not shown). A region's `meta.text` becomes the
//!   span's note. Results of other types (choices, relations…) are not
//!   spans (a warning says so) but are kept, as below. `data.name` is the
//!   document's name.
//! - JSON_MIN: `[{"text": "…", "label": [{"start", "end", "text", "labels"}]}]`
//!   (`name` is the document's name).
//!
//! Export writes a task list ready for Label Studio's import. New regions
//! take `from_name`, `to_name` and `type` from the task's first span region
//! (its annotations', cancelled or not, then its predictions'), so they
//! name the project's own control; only a task without any gets `label`
//! and `text`, which [`labeling_config`] matches.
//!
//! **What was read is what is written.** A document keeps its task in its
//! [`Source`] (`"record"` with the text taken out, `"text_key"`, `"unit"`,
//! and `"generated_name"` when the name was made up) and where the task was
//! in its file (`"raw"`: the task's text as read; `"before"`: the text
//! between it and the task before, or the file's start, a BOM included;
//! `"index"` and `"count"`; `"after"`, on the last task: the file's end).
//! Exporting it to Label Studio writes that task again (in the same shape,
//! full or JSON_MIN), key order kept: task `id`, `meta`, `created_at`,
//! other `data` fields, annotation `id`, `completed_by`, `created_at`…,
//! cancelled annotations, predictions and results of other types (choices,
//! relations, textarea, rating…) stay. The rules, for a full task:
//! - **Predictions are the model's:** they are always written as read.
//! - **A task read from its annotations** has them brought up to date: a
//!   region whose spans are still there stays as it was (its `id`, `meta`,
//!   `origin`…; a relabelled span keeps its region), a region whose spans
//!   were all deleted goes, with the relations to it, and spans added in
//!   Wasim become regions of the first annotation that was not cancelled.
//! - **A task read from its predictions** (no annotation that was not
//!   cancelled) is written as read while its spans are the predictions'
//!   (same ranges, labels and notes). Once they differ, a new annotation is
//!   appended: `{"result": […], "was_cancelled": false, "ground_truth":
//!   false}` and no `completed_by` (Label Studio's import gives it to the
//!   importing user), whose result is a copy of the predictions' results
//!   updated as above, as Label Studio copies a prediction into a new
//!   annotation: kept regions get `origin` `prediction`, edited ones
//!   `prediction-changed`, added ones `manual`. Deleting every span gives
//!   an annotation with an empty result (the task was checked: no spans).
//!
//! Offsets are written in the unit the task was read in (see above).
//! `data.name` is written when the task had one or the document was
//! renamed. **Bytes:** exporting all the documents of a file, in their
//! order, writes the file's own text: each task whose export equals the
//! task as read (as JSON) is its text as read, between the file's own
//! separators (`[`, commas, indentation, line ends, the final newline or
//! its absence, a single task object stays an object, JSON Lines stay
//! lines); a changed task is serialized in the layout of the text it
//! replaces (one line if it was on one line, else its indentation and line
//! ends). Any other set of documents is written as a pretty-printed list.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value, json};

use super::common::{
    BOM, DroppedRelations, FileOffsets, OffsetUnit, RawDocument, RawSpan, added_documents, decode,
    dropped_extras, generated_name, json_file, json_records, match_entries, numbered_name,
    object_of, place_in, resolve_documents_unit, span_text, write_name, written_as_read,
};
use super::types::{
    ExportOptions, Exported, Format, ImportError, Imported, ImportedSpan, InputFile, OutputFile,
    TeamData,
};
use crate::core::i18n::{Counted, Key, Msg};
use crate::core::json;
use crate::core::model::{Document, Label, Source, Span};
use serde::Serialize;

/// This format's id.
pub const ID: &str = "label-studio";

/// Label Studio JSON.
pub struct LabelStudio;

/// What reading the results of one file found besides spans.
#[derive(Default)]
struct Tally {
    skipped_results: usize,
    predicted: usize,
    unshown_predictions: usize,
    merged_tasks: usize,
}

impl Format for LabelStudio {
    fn team_data(&self) -> TeamData {
        TeamData::InNotes
    }

    /// Results of type `relation`, in annotations or predictions.
    fn holds_links(&self, data: &Value) -> bool {
        let task = data
            .get("raw")
            .and_then(Value::as_str)
            .and_then(|raw| json::parse::<Value>(raw).ok());
        task.is_some_and(|task| {
            ["annotations", "predictions"]
                .iter()
                .filter_map(|key| task.get(*key)?.as_array())
                .flatten()
                .filter_map(|annotation| annotation.get("result")?.as_array())
                .flatten()
                .any(|result| result.get("type").and_then(Value::as_str) == Some("relation"))
        })
    }

    fn id(&self) -> &'static str {
        ID
    }

    fn name(&self) -> &'static str {
        "Label Studio JSON"
    }

    fn import(&self, file: &InputFile) -> Result<Imported, ImportError> {
        let name = file.name.as_str();
        let text = decode(file)?;
        let records = json_records(name, &text)?;
        if records.is_empty() {
            return Err(ImportError::new(name, None, Key::LsNoTasks));
        }
        let count = records.len();
        let list = records.first().is_some_and(|r| r.line.is_none());
        let bom = file.bytes.starts_with(BOM.as_bytes());
        let mut layout = FileLayout::of(&text, count, list, bom);
        if let Some(layout) = layout.as_mut() {
            let extension = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
            let lines_name = matches!(extension.as_deref(), Some("jsonl" | "ndjson"));
            layout.lines = !list && (count > 1 || lines_name);
        }
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
                read_task_spans(name, &place, task, &mut spans, &mut tally)?;
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
            let mut doc = doc;
            if let (Some(layout), Some(Value::Object(data))) = (
                layout.as_mut(),
                doc.source.as_mut().map(|source| &mut source.data),
            ) {
                layout.keep(record.index, count, data);
            }
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
        if tally.unshown_predictions > 0 {
            let n = tally.unshown_predictions;
            warnings.push(Msg::counted(Counted::PredictionsNotShown, n).arg("file", name));
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
        let mut dropped = DroppedRelations::default();
        let tasks: Vec<Value> = documents
            .iter()
            .enumerate()
            .map(|(d, doc)| match doc.source_data(ID) {
                Some(data) if data.get("record").is_some_and(Value::is_object) => {
                    let (task, relations) = export_kept(d, doc, data);
                    dropped.add(doc, relations);
                    Value::Object(task)
                }
                _ => new_task(d, doc),
            })
            .collect();
        let name = "wasim-label-studio.json";
        let file = match as_read(documents, &tasks) {
            Some(text) if read_as_lines(documents) => OutputFile {
                name: format!("{name}l"),
                mime: "application/jsonl",
                bytes: text.into_bytes(),
            },
            Some(text) => OutputFile {
                name: name.to_owned(),
                mime: "application/json",
                bytes: text.into_bytes(),
            },
            None => json_file(name, &Value::Array(tasks)),
        };
        let extras = dropped_extras("Label Studio JSON", documents, |d, _| keeps_notes(d), false);
        let warnings = extras
            .into_iter()
            .chain(dropped.warning("Label Studio"))
            .collect();
        Exported { file, warnings }
    }
}

/// The file `documents` were read from, when they are all its tasks in
/// order: each unchanged task is its text as read, each changed one
/// serialized in the layout of the text it replaces, between the file's own
/// separators. `None` for any other set of documents.
fn as_read(documents: &[&Document], tasks: &[Value]) -> Option<String> {
    let count = documents.len();
    if count == 0 {
        return None;
    }
    let mut out = String::new();
    for (i, (doc, task)) in documents.iter().zip(tasks).enumerate() {
        let data = doc.source_data(ID)?;
        let number = |key: &str| data.get(key).and_then(Value::as_u64);
        if number("index")? != u64::try_from(i + 1).ok()?
            || number("count")? != u64::try_from(count).ok()?
        {
            return None;
        }
        let text = |key: &str| data.get(key).and_then(Value::as_str);
        let (before, raw) = (text("before")?, text("raw")?);
        if !separators_only(before) {
            return None;
        }
        out.push_str(before);
        if json::parse::<Value>(raw).is_ok_and(|read| read == *task) {
            out.push_str(raw);
        } else {
            out.push_str(&serialized_like(task, raw, before));
        }
        if i + 1 == count {
            let after = text("after")?;
            if !separators_only(after) {
                return None;
            }
            out.push_str(after);
        }
    }
    Some(out)
}

/// Whether a file's text between its tasks (`before`, `after`) holds only
/// what a JSON array or JSON Lines puts there: white space, brackets,
/// commas and a byte order mark. A hand-edited source can say anything
/// there (a task Wasim never showed, `<script>`); it is then not written.
fn separators_only(between: &str) -> bool {
    between
        .chars()
        .all(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '[' | ']' | ',' | '\u{feff}'))
}

/// Whether `documents` were read from JSON Lines (the file [`as_read`]
/// writes back is then JSON Lines too).
fn read_as_lines(documents: &[&Document]) -> bool {
    documents
        .first()
        .and_then(|doc| doc.source_data(ID))
        .is_some_and(|data| data.get("lines").and_then(Value::as_bool) == Some(true))
}

/// `task` serialized like `raw`, the text it replaces after `before`: on
/// one line when `raw` is, else indented as `raw` is (its line ends too).
fn serialized_like(task: &Value, raw: &str, before: &str) -> String {
    if !raw.contains('\n') {
        return serde_json::to_string(task).unwrap_or_default();
    }
    let last = before.rsplit('\n').next().unwrap_or_default();
    let base = if last.trim().is_empty() { last } else { "" };
    let second = raw.split('\n').nth(1).unwrap_or_default();
    let lead = &second[..second.len() - second.trim_start().len()];
    let unit = lead
        .strip_prefix(base)
        .filter(|u| !u.is_empty())
        .unwrap_or("  ");
    let mut bytes = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(unit.as_bytes());
    let mut serializer = serde_json::Serializer::with_formatter(&mut bytes, formatter);
    if task.serialize(&mut serializer).is_err() {
        return String::new();
    }
    let end = if raw.contains("\r\n") { "\r\n" } else { "\n" };
    String::from_utf8(bytes)
        .unwrap_or_default()
        .replace('\n', &format!("{end}{base}"))
}

/// Where each task of a file is in its text: the text before it (from the
/// end of the task before, or the file's start: `[`, `,`, blank lines, a
/// BOM…), its own text, and the text after the last task.
struct FileLayout {
    /// `(before, task)` of each task, in order.
    tasks: Vec<(String, String)>,
    /// The text after the last task.
    after: String,
    /// Whether the tasks are JSON Lines (written back under `.jsonl`).
    lines: bool,
}

impl FileLayout {
    /// The layout of a file's text holding `count` tasks: a JSON list of
    /// tasks (`list`), one task, or JSON Lines; `None` when its tasks are
    /// not found.
    fn of(text: &str, count: usize, list: bool, bom: bool) -> Option<Self> {
        let ranges = if list {
            list_items(text)?
        } else if count == 1 {
            let start = text.len() - text.trim_start().len();
            std::iter::once(start..text.trim_end().len()).collect()
        } else {
            json_lines(text)
        };
        if ranges.len() != count {
            return None;
        }
        let mut tasks = Vec::with_capacity(count);
        let mut end = 0;
        for range in ranges {
            let before = text.get(end..range.start)?;
            tasks.push((before.to_owned(), text.get(range.clone())?.to_owned()));
            end = range.end;
        }
        if let (true, Some((before, _))) = (bom, tasks.first_mut()) {
            before.insert_str(0, BOM);
        }
        let after = text.get(end..)?.to_owned();
        Some(FileLayout {
            tasks,
            after,
            lines: false,
        })
    }

    /// Keeps the layout of task `index` (1-based) of `count` in its
    /// source's data: `"raw"`, `"before"`, `"index"`, `"count"`,
    /// `"lines"` for JSON Lines, and `"after"` for the last task.
    fn keep(&mut self, index: usize, count: usize, data: &mut Map<String, Value>) {
        let Some((before, raw)) = self.tasks.get_mut(index - 1) else {
            return;
        };
        data.insert("raw".into(), json!(std::mem::take(raw)));
        data.insert("before".into(), json!(std::mem::take(before)));
        data.insert("index".into(), json!(index));
        data.insert("count".into(), json!(count));
        if self.lines {
            data.insert("lines".into(), json!(true));
        }
        if index == count {
            data.insert("after".into(), json!(std::mem::take(&mut self.after)));
        }
    }
}

/// The byte ranges of the items of a JSON list (`text` is valid JSON).
fn list_items(text: &str) -> Option<Vec<std::ops::Range<usize>>> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut start, mut last) = (None, 0);
    let mut ranges = Vec::new();
    for (i, byte) in text.bytes().enumerate() {
        if in_string {
            match (escaped, byte) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            last = i + 1;
            continue;
        }
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' => continue,
            b',' | b']' if depth == 1 => ranges.extend(start.take().map(|s| s..last)),
            _ => {}
        }
        match byte {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.checked_sub(1)?,
            b'"' => in_string = true,
            _ => {}
        }
        if depth >= 1 && !(depth == 1 && matches!(byte, b'[' | b',')) && start.is_none() {
            start = Some(i);
        }
        last = i + 1;
    }
    Some(ranges)
}

/// The byte ranges of the non-blank lines of JSON Lines, line ends left out.
fn json_lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.strip_suffix('\n').unwrap_or(line);
        let content = content.strip_suffix('\r').unwrap_or(content);
        if !content.trim().is_empty() {
            ranges.push(at..at + content.len());
        }
        at += line.len();
    }
    ranges
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

/// The non-cancelled annotations of a task.
fn open_annotations(task: &Map<String, Value>) -> Vec<&Value> {
    let annotations = task.get("annotations").and_then(Value::as_array);
    annotations
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter(|a| a.get("was_cancelled").and_then(Value::as_bool) != Some(true))
        .collect()
}

/// Who annotated a task, and their spans ([`annotations_by_author`]).
pub type ByAuthor = Vec<(String, Vec<ImportedSpan>)>;

/// Each open annotation's author and spans (code points), in the task's
/// order, for the Team panel: a task that several people annotated is as
/// many annotators' work, where *Open files…* merges it (a task nobody
/// annotated gives none). `None` for a document not read from a task, or
/// from one with an annotation whose author is not given, or with two by
/// one author.
pub fn annotations_by_author(doc: &Document) -> Option<ByAuthor> {
    let data = doc.source_data(ID)?;
    let task = data.get("record")?.as_object()?;
    let annotations = open_annotations(task);
    let unit = OffsetUnit::from_tag(data.get("unit").and_then(Value::as_str));
    let (mut authors, mut raw) = (Vec::new(), Vec::new());
    let task_place = Msg::new(Key::PlaceTask).num("n", 1);
    for (i, annotation) in annotations.iter().enumerate() {
        let author = author(annotation).filter(|a| !authors.contains(a))?;
        let mut spans = Vec::new();
        let place = place_in(&task_place, Key::PlaceAnnotation, i + 1);
        let result = annotation.get("result");
        read_results("", &place, result, &mut spans, &mut Tally::default()).ok()?;
        authors.push(author);
        raw.push(RawDocument {
            name: doc.name.clone(),
            text: doc.text.as_str().to_owned(),
            spans,
            line: None,
            source: None,
        });
    }
    let forced = Some((unit, Key::ReasonEitherWay));
    let (documents, _, _) = resolve_documents_unit("", raw, forced).ok()?;
    Some(
        authors
            .into_iter()
            .zip(documents.into_iter().map(|d| d.spans))
            .collect(),
    )
}

/// Who made an annotation, by its `completed_by`: the user's email, else
/// their name, else their number (`#3`), as Label Studio exports it (an
/// object or a number), or `created_username`.
fn author(annotation: &Value) -> Option<String> {
    let text = |value: Option<&Value>| {
        value
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let number = |value: Option<&Value>| value.and_then(Value::as_u64).map(|n| format!("#{n}"));
    let by = annotation.get("completed_by");
    match by {
        Some(Value::Object(user)) => text(user.get("email"))
            .or_else(|| {
                let names = [user.get("first_name"), user.get("last_name")].map(text);
                let name: Vec<String> = names.into_iter().flatten().collect();
                (!name.is_empty()).then(|| name.join(" "))
            })
            .or_else(|| number(user.get("id"))),
        Some(Value::String(_)) => text(by),
        _ => text(annotation.get("created_username")).or_else(|| number(by)),
    }
}

/// Reads a full task's spans: those of its non-cancelled annotations, or,
/// when it has none, those of its predictions (as Label Studio shows them
/// as pre-annotations).
fn read_task_spans(
    file: &str,
    place: &Msg,
    task: &Map<String, Value>,
    spans: &mut Vec<RawSpan>,
    tally: &mut Tally,
) -> Result<(), ImportError> {
    let annotations = open_annotations(task);
    let predictions = task.get("predictions").and_then(Value::as_array);
    let predictions = predictions.map(Vec::as_slice).unwrap_or_default();
    if annotations.len() > 1 {
        tally.merged_tasks += 1;
    }
    for (i, annotation) in annotations.iter().enumerate() {
        let here = place_in(place, Key::PlaceAnnotation, i + 1);
        read_results(file, &here, annotation.get("result"), spans, tally)?;
    }
    if !annotations.is_empty() {
        tally.unshown_predictions += usize::from(!predictions.is_empty());
        return Ok(());
    }
    for (i, prediction) in predictions.iter().enumerate() {
        let before = spans.len();
        let here = place_in(place, Key::PlacePrediction, i + 1);
        read_results(file, &here, prediction.get("result"), spans, tally)?;
        tally.predicted += spans.len() - before;
    }
    Ok(())
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

/// The control and object names, and the result type, of a task's span
/// regions.
struct Names {
    from_name: Value,
    to_name: Value,
    kind: Value,
}

impl Names {
    /// Label Studio's usual names, matching [`labeling_config`].
    fn defaults() -> Self {
        Names {
            from_name: json!("label"),
            to_name: json!("text"),
            kind: json!("labels"),
        }
    }

    /// The names of the first span region of a task's annotations (cancelled
    /// or not), else of its predictions; the defaults when it has none.
    fn of(task: &Map<String, Value>) -> Self {
        let defaults = Names::defaults();
        let groups = ["annotations", "predictions"]
            .iter()
            .filter_map(|key| task.get(*key).and_then(Value::as_array))
            .flatten();
        let results = groups
            .filter_map(|g| g.get("result").and_then(Value::as_array))
            .flatten();
        let Some(region) = results.into_iter().find(|r| is_span_result(r)) else {
            return defaults;
        };
        let field = |key: &str, default: Value| region.get(key).cloned().unwrap_or(default);
        Names {
            from_name: field("from_name", defaults.from_name),
            to_name: field("to_name", defaults.to_name),
            kind: field("type", defaults.kind),
        }
    }
}

/// A region for a span added in Wasim.
fn new_region(
    id: String,
    doc: &Document,
    span: &Span,
    (names, file): (&Names, &FileOffsets),
) -> Value {
    let mut region = json!({
        "id": id,
        "from_name": names.from_name,
        "to_name": names.to_name,
        "type": names.kind,
        "origin": "manual",
        "value": {
            "start": file.file_offset(span.start),
            "end": file.file_offset(span.end),
            "text": span_text(doc, span),
            "labels": [span.label],
        },
    });
    if let (Some(note), Some(object)) = (&span.note, region.as_object_mut()) {
        object.insert("meta".into(), json!({"text": [note]}));
    }
    region
}

/// An annotation written by Wasim: its regions, not cancelled, not ground
/// truth, no `completed_by` (Label Studio's import assigns the importer).
fn new_annotation(result: Vec<Value>) -> Value {
    json!({"result": result, "was_cancelled": false, "ground_truth": false})
}

/// The task of a document that was not read from Label Studio.
fn new_task(d: usize, doc: &Document) -> Value {
    let names = Names::defaults();
    let code_points = FileOffsets::new(OffsetUnit::CodePoints, "");
    let result: Vec<Value> = doc
        .spans
        .iter()
        .enumerate()
        .map(|(s, span)| {
            let id = format!("wasim-{}-{}", d + 1, s + 1);
            new_region(id, doc, span, (&names, &code_points))
        })
        .collect();
    json!({
        "id": d + 1,
        "data": {"text": doc.text.as_str(), "name": doc.name},
        "annotations": [new_annotation(result)],
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
    let Some(value) = result.get("value") else {
        return false;
    };
    match result.get("type").and_then(Value::as_str) {
        // Said to be a text span: read as one, so that bad offsets or no
        // labels are refused with their reason (such a region was passed
        // over as "not a text span").
        Some("labels") => value.get("start").is_some(),
        None => value.get("start").and_then(json::whole).is_some() && value.get("labels").is_some(),
        Some(_) => false,
    }
}

/// Where one region list is in a task: `(list key, index)` — an
/// annotation's or prediction's `result`, or a JSON_MIN region list.
type ListPlace = (String, Option<usize>);

/// A span entry for [`match_entries`]: `(start, end, label)` in code
/// points, `None` when it cannot be read.
type Entry<'a> = Option<(usize, usize, &'a str)>;

/// Region lists, each with its place.
type Lists = Vec<(ListPlace, Vec<Value>)>;

/// The task a document was read from, brought up to date (see the module
/// docs): regions whose spans are still there stay as they were (a
/// relabelled span keeps its region and id), regions of deleted spans go
/// (and relations to them), spans added in Wasim are new regions of the
/// first annotation that was not cancelled. A task read from its
/// predictions keeps them as they were; when its spans changed, they are
/// written as a new annotation made from the predictions' results. With the
/// task, how many relations went with the regions they linked.
fn export_kept(d: usize, doc: &Document, data: &Value) -> (Map<String, Value>, usize) {
    let mut task = object_of(data.get("record")).unwrap_or_default();
    let min = !task.get("data").is_some_and(Value::is_object);
    put_text_and_name(&mut task, doc, data, min);
    let file = FileOffsets::new(
        OffsetUnit::from_tag(data.get("unit").and_then(Value::as_str)),
        doc.text.as_str(),
    );
    let (mut lists, predicted) = region_lists(&task, min);
    let (added, changed, mut used, dropped) =
        update_regions(&mut lists, doc, &file, min, predicted);
    let names = Names::of(&task);
    let regions: Vec<Value> = added
        .iter()
        .map(|&i| added_region((d, i), doc, min, (&names, &file), &mut used))
        .collect();
    if predicted && !changed && regions.is_empty() {
        return (task, dropped);
    }
    place_added(&mut lists, regions, &task, min);
    write_lists(&mut task, lists);
    (task, dropped)
}

/// Writes the document's text where the task had it, and its name when the
/// task had one or the document was renamed.
fn put_text_and_name(task: &mut Map<String, Value>, doc: &Document, data: &Value, min: bool) {
    let text_key = data
        .get("text_key")
        .and_then(Value::as_str)
        .unwrap_or("text");
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
        write_name(task, "data", "name", &doc.name, generated);
    }
}

/// The region lists import read a task's spans from, in its order: the
/// results of its non-cancelled annotations, or, when it has none, one
/// copy of its predictions' results (duplicate ids once) placed as a new
/// annotation; `true` in the latter case. JSON_MIN: its region lists.
fn region_lists(task: &Map<String, Value>, min: bool) -> (Lists, bool) {
    let mut lists: Lists = Vec::new();
    if min {
        for (key, value) in task {
            if let Some(items) = value
                .as_array()
                .filter(|items| items.iter().any(|i| i.get("labels").is_some()))
            {
                lists.push(((key.clone(), None), items.clone()));
            }
        }
        return (lists, false);
    }
    let groups = task.get("annotations").and_then(Value::as_array);
    let groups = groups.map(Vec::as_slice).unwrap_or_default();
    for (g, group) in groups.iter().enumerate() {
        let cancelled = group.get("was_cancelled").and_then(Value::as_bool) == Some(true);
        if let (false, Some(results)) = (cancelled, group.get("result").and_then(Value::as_array)) {
            lists.push((("annotations".to_owned(), Some(g)), results.clone()));
        }
    }
    if !open_annotations(task).is_empty() {
        return (lists, false);
    }
    let predictions = task.get("predictions").and_then(Value::as_array);
    let results = predictions
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p.get("result").and_then(Value::as_array))
        .flatten();
    let mut ids = HashSet::new();
    let copy: Vec<Value> = results
        .filter(|r| {
            r.get("id")
                .and_then(Value::as_str)
                .is_none_or(|id| ids.insert(id))
        })
        .cloned()
        .collect();
    lists.push((("annotations".to_owned(), Some(groups.len())), copy));
    (lists, true)
}

/// A region's `{start, end, labels}`: the region itself in JSON_MIN, its
/// `value` in a full task; `None` for results that are not spans.
fn span_value(item: &Value, min: bool) -> Option<&Value> {
    if min {
        item.get("start")
            .and_then(json::whole)
            .is_some()
            .then_some(item)
    } else if is_span_result(item) {
        item.get("value")
    } else {
        None
    }
}

/// The span entries of `lists`, one per (region, label) in code points,
/// and the `(list, region)` each belongs to.
fn entries<'a>(
    lists: &'a Lists,
    min: bool,
    file: &FileOffsets,
) -> (Vec<(usize, usize)>, Vec<Entry<'a>>) {
    let mut owners = Vec::new();
    let mut keys = Vec::new();
    for (l, (_, items)) in lists.iter().enumerate() {
        for (r, value) in items.iter().enumerate() {
            let Some(value) = span_value(value, min) else {
                continue;
            };
            let offset = |k: &str| {
                let n = usize::try_from(json::whole(value.get(k)?)?).ok()?;
                file.code_point(n)
            };
            let labels = value.get("labels").and_then(Value::as_array);
            for label in labels.map(Vec::as_slice).unwrap_or_default() {
                owners.push((l, r));
                keys.push((|| {
                    Some((offset("start")?, offset("end")?, label.as_str()?))
                })());
            }
        }
    }
    (owners, keys)
}

/// Brings the span regions of `lists` up to date with `doc`'s spans (see
/// [`export_kept`]); regions copied from predictions get the `origin`
/// Label Studio gives them, `prediction` or `prediction-changed`. Returns
/// the spans no region stands for, whether a region was relabelled,
/// renoted or removed, and the region ids in use.
fn update_regions(
    lists: &mut Lists,
    doc: &Document,
    file: &FileOffsets,
    min: bool,
    predicted: bool,
) -> (Vec<usize>, bool, HashSet<String>, usize) {
    let (owners, keys) = entries(lists, min, file);
    let matched = match_entries(&keys, &doc.spans);
    let mut spans_of: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (owner, fate) in owners.iter().zip(&matched.entries) {
        spans_of.entry(*owner).or_default().extend(*fate);
    }
    let (mut removed, mut used, mut changed) = (HashSet::new(), HashSet::new(), false);
    for (l, (_, items)) in lists.iter_mut().enumerate() {
        for (r, item) in std::mem::take(items).into_iter().enumerate() {
            let id = item.get("id").and_then(Value::as_str).map(str::to_owned);
            if span_value(&item, min).is_none() {
                used.extend(id);
                items.push(item);
                continue;
            }
            let Some(spans) = spans_of.get(&(l, r)).filter(|s| !s.is_empty()) else {
                removed.extend(id);
                changed = true;
                continue;
            };
            used.extend(id);
            let (mut item, edited) = updated_region(item, doc, spans, (min, file));
            if let (true, Some(region)) = (predicted, item.as_object_mut()) {
                let origin = if edited {
                    "prediction-changed"
                } else {
                    "prediction"
                };
                region.insert("origin".into(), json!(origin));
            }
            changed |= edited;
            items.push(item);
        }
    }
    let mut dropped = 0;
    for (_, items) in lists.iter_mut() {
        let before = items.len();
        items.retain(|r| {
            !["from_id", "to_id"].iter().any(|k| {
                r.get(*k)
                    .and_then(Value::as_str)
                    .is_some_and(|id| removed.contains(id))
            })
        });
        dropped += before - items.len();
    }
    (matched.added, changed, used, dropped)
}

/// A span region with the range, labels and note of the spans it stands
/// for now; `true` when its labels or note changed.
fn updated_region(
    mut item: Value,
    doc: &Document,
    spans: &[usize],
    (min, file): (bool, &FileOffsets),
) -> (Value, bool) {
    let Some(span) = spans.first().map(|&i| &doc.spans[i]) else {
        return (item, false);
    };
    let mut labels: Vec<&str> = Vec::with_capacity(spans.len());
    for &i in spans {
        if !labels.contains(&doc.spans[i].label.as_str()) {
            labels.push(&doc.spans[i].label);
        }
    }
    let old_labels = span_value(&item, min)
        .and_then(|v| v.get("labels"))
        .cloned();
    let mut edited = old_labels != Some(json!(labels));
    let value = if min {
        Some(&mut item)
    } else {
        item.get_mut("value")
    };
    if let Some(Value::Object(value)) = value {
        for (key, at) in [("start", span.start), ("end", span.end)] {
            let offset = json!(file.file_offset(at));
            let offset = match value.get(key) {
                Some(read) => written_as_read(read, offset),
                None => offset,
            };
            value.insert(key.into(), offset);
        }
        value.insert("labels".into(), json!(labels));
        // The region's text is the text it now covers: a Wasim JSON file
        // whose text was edited by hand kept the task's old one («𝕏 Corp»
        // over «𝕏 Inc.»).
        let text = span_text(doc, span);
        if let Some(old) = value.get("text").filter(|old| old.as_str() != Some(text)) {
            edited |= old.is_string();
            value.insert("text".into(), json!(text));
        }
    }
    if !min && region_note(&item) != span.note {
        set_note(&mut item, span.note.as_deref());
        edited = true;
    }
    (item, edited)
}

/// The region of span `i` added in Wasim, with an id not in `used`.
fn added_region(
    (d, i): (usize, usize),
    doc: &Document,
    min: bool,
    (names, file): (&Names, &FileOffsets),
    used: &mut HashSet<String>,
) -> Value {
    let span = &doc.spans[i];
    if min {
        let (start, end) = (file.file_offset(span.start), file.file_offset(span.end));
        return json!({"start": start, "end": end, "text": span_text(doc, span), "labels": [span.label]});
    }
    let mut n = i + 1;
    let mut id = format!("wasim-{}-{n}", d + 1);
    while used.contains(&id) {
        n += 1;
        id = format!("wasim-{}-{n}", d + 1);
    }
    used.insert(id.clone());
    new_region(id, doc, span, (names, file))
}

/// Appends added regions to the first annotation's list (JSON_MIN: the
/// first region list, else `label`), or to a new annotation's.
fn place_added(lists: &mut Lists, mut regions: Vec<Value>, task: &Map<String, Value>, min: bool) {
    if regions.is_empty() {
        return;
    }
    let target = if min {
        lists.first_mut()
    } else {
        lists.iter_mut().find(|((key, _), _)| key == "annotations")
    };
    if let Some((_, items)) = target {
        items.append(&mut regions);
        return;
    }
    let place = if min {
        ("label".to_owned(), None)
    } else {
        let annotations = task.get("annotations").and_then(Value::as_array);
        (
            "annotations".to_owned(),
            Some(annotations.map_or(0, Vec::len)),
        )
    };
    lists.push((place, regions));
}

/// Writes region lists back into their places; a list placed after the
/// task's last annotation becomes a new annotation.
fn write_lists(task: &mut Map<String, Value>, lists: Lists) {
    for ((key, index), items) in lists {
        let Some(g) = index else {
            task.insert(key, Value::Array(items));
            continue;
        };
        let groups = task.entry(key).or_insert_with(|| Value::Array(Vec::new()));
        if !groups.is_array() {
            *groups = Value::Array(Vec::new());
        }
        let Some(groups) = groups.as_array_mut() else {
            continue;
        };
        match groups.get_mut(g) {
            Some(Value::Object(group)) => {
                group.insert("result".into(), Value::Array(items));
            }
            Some(_) => {}
            None => groups.push(new_annotation(items)),
        }
    }
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
        if region.get("start").and_then(json::whole).is_some() {
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
        // Task 1 has an annotation: its prediction is not read. Task 2 has
        // none: its prediction's spans are.
        let task = format!(
            r#"[{{"data": {{"text": "قال علي"}}, "annotations": [{{"result": [{}, {{"type": "choices", "value": {{"choices": ["x"]}}}}]}}],
               "predictions": [{{"result": [{}]}}]}},
               {{"data": {{"text": "قال علي"}}, "predictions": [{{"result": [{}]}}]}}]"#,
            region(4, 7, "علي").replace("\"type\"", "\"meta\": {\"text\": [\"ملاحظة\"]}, \"type\""),
            region(0, 3, "قال"),
            region(0, 3, "قال")
        );
        let imported = import(&task).expect("imports");
        let spans = &imported.documents[0].spans;
        assert_eq!(spans.len(), 1);
        assert_eq!(spans[0].note.as_deref(), Some("ملاحظة"));
        assert_eq!(imported.documents[1].spans.len(), 1);
        let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
        let warnings = warnings.join("\n");
        assert!(warnings.contains("1 predicted"), "{warnings}");
        assert!(
            warnings.contains("1 task has annotations and predictions"),
            "{warnings}"
        );
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
    fn a_span_two_annotators_gave_is_relabelled_in_both_annotations() {
        let task = r#"{"data": {"text": "علي في بغداد"}, "annotations": [
            {"id": 1, "result": [{"id": "a1", "type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 0, "end": 3, "text": "علي", "labels": ["PER"]}}]},
            {"id": 2, "result": [{"id": "b1", "type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 0, "end": 3, "text": "علي", "labels": ["PER"]}},
                                 {"id": "b2", "type": "labels", "from_name": "label", "to_name": "text", "value": {"start": 7, "end": 12, "text": "بغداد", "labels": ["LOC"]}}]}]}"#;
        let mut docs = documents(task);
        assert_eq!(docs[0].spans.len(), 2, "the twins are shown once");
        docs[0].spans[0].label = "MISC".into();
        let out: Value = serde_json::from_str(&export(&docs)).expect("json");
        let labels = |a: usize| -> Vec<Value> {
            out["annotations"][a]["result"]
                .as_array()
                .expect("result")
                .iter()
                .map(|r| json!([r["id"], r["value"]["labels"]]))
                .collect()
        };
        assert_eq!(labels(0), [json!(["a1", ["MISC"]])]);
        assert_eq!(labels(1), [json!(["b1", ["MISC"]]), json!(["b2", ["LOC"]])]);
    }

    #[test]
    fn a_kept_region_says_the_text_it_covers_now() {
        // A Wasim JSON file whose text was edited by hand (علي → عمر) keeps
        // the task it was read from: its region said «علي» over «عمر».
        let task = format!(
            r#"{{"data": {{"text": "قال علي في بغداد"}}, "annotations": [{{"result": [{}]}}]}}"#,
            region(4, 7, "علي")
        );
        let mut docs = documents(&task);
        docs[0].text = crate::core::text::Text::new("قال عمر في بغداد");
        let out: Value = serde_json::from_str(&export(&docs)).expect("json");
        assert_eq!(out["data"]["text"], json!("قال عمر في بغداد"));
        assert_eq!(
            out["annotations"][0]["result"][0]["value"]["text"],
            json!("عمر")
        );
    }

    #[test]
    fn a_utf16_task_is_written_in_utf16() {
        // "👩‍👩‍👧 علي في بغداد": علي is [9, 12) in UTF-16, بغداد [16, 21).
        let task = format!(
            r#"{{"data": {{"text": "👩‍👩‍👧 علي في بغداد"}}, "annotations": [{{"result": [{}]}}]}}"#,
            region(9, 12, "علي")
        );
        let mut docs = documents(&task);
        assert_eq!(export(&docs), task, "unchanged: the same bytes");
        docs[0].spans[0].label = "ORG".into();
        docs[0].spans.push(added_span(13, 18, "LOC"));
        let out: Value = serde_json::from_str(&export(&docs)).expect("json");
        let results = &out["annotations"][0]["result"];
        let range = |r: &Value| (r["value"]["start"].clone(), r["value"]["end"].clone());
        assert_eq!(range(&results[0]), (json!(9), json!(12)));
        assert_eq!(results[0]["value"]["labels"], json!(["ORG"]));
        assert_eq!(range(&results[1]), (json!(16), json!(21)));
        assert_eq!(results[1]["value"]["text"], json!("بغداد"));
        let again = documents(&out.to_string());
        let spans: Vec<_> = again[0].spans.iter().map(|s| (s.start, s.end)).collect();
        assert_eq!(spans, [(6, 9), (13, 18)]);
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
            // A region said to be a text span, with bad offsets or no
            // labels: refused with the reason (it was passed over as "not
            // a text span").
            (
                r#"[{"data": {"text": "abc"}, "annotations": [{"result": [{"type": "labels", "value": {"start": -2, "end": 1, "labels": ["PER"]}}]}]}]"#.to_owned(),
                "\"start\"",
            ),
            (
                r#"[{"data": {"text": "abc"}, "annotations": [{"result": [{"type": "labels", "value": {"start": "0", "end": 1, "labels": ["PER"]}}]}]}]"#.to_owned(),
                "\"start\"",
            ),
            (
                r#"[{"data": {"text": "abc"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 1}}]}]}]"#.to_owned(),
                "labels",
            ),
        ];
        for (input, expected) in cases {
            let error = import(&input).expect_err(expected);
            assert!(
                error.to_string().contains(expected),
                "{error} should contain {expected}"
            );
        }
    }

    /// The documents `text` imports to, as a workspace holds them.
    fn documents(text: &str) -> Vec<Document> {
        let mut ws = crate::core::model::Workspace::default();
        let imported = import(text).expect("imports");
        let (edit, _) = super::super::import_edit(&mut ws, imported).expect("valid");
        edit.apply(&mut ws).expect("applies");
        ws.documents.iter().map(|d| (**d).clone()).collect()
    }

    fn export(docs: &[Document]) -> String {
        let docs: Vec<&Document> = docs.iter().collect();
        let exported = LabelStudio.export(&[], &docs, ExportOptions::default());
        String::from_utf8(exported.file.bytes).expect("UTF-8")
    }

    /// A task with a prediction ("Ali"/PER, control `ner`) and no annotation.
    const PREDICTED: &str = r#"[
  {
    "data": {"text": "Ali went to Basra"},
    "predictions": [
      {
        "model_version": "m1",
        "result": [
          {"from_name": "ner", "id": "p1", "to_name": "text", "type": "labels",
           "value": {"end": 3, "labels": ["PER"], "start": 0, "text": "Ali"}}
        ]
      }
    ]
  }
]
"#;

    #[test]
    fn an_edited_prediction_becomes_an_annotation_and_the_prediction_stays() {
        let mut docs = documents(PREDICTED);
        let read: Value = serde_json::from_str(PREDICTED).expect("json");
        let out: Value = serde_json::from_str(&export(&docs)).expect("json");
        assert_eq!(out, read, "unchanged: no annotation added");
        docs[0].spans[0].label = "ORG".into();
        let out: Value = serde_json::from_str(&export(&docs)).expect("json");
        assert_eq!(out[0]["predictions"], read[0]["predictions"], "the model's");
        let annotation = &out[0]["annotations"][0];
        assert_eq!(annotation["was_cancelled"], json!(false));
        let region = &annotation["result"][0];
        assert_eq!(region["value"]["labels"], json!(["ORG"]));
        assert_eq!(region["origin"], json!("prediction-changed"));
        assert_eq!(
            (&region["id"], &region["from_name"]),
            (&json!("p1"), &json!("ner"))
        );
        docs[0].spans.clear();
        let out: Value = serde_json::from_str(&export(&docs)).expect("json");
        assert_eq!(out[0]["predictions"], read[0]["predictions"]);
        assert_eq!(out[0]["annotations"][0]["result"], json!([]));
        let again = documents(&out.to_string());
        assert!(again[0].spans.is_empty(), "the empty annotation is read");
    }

    #[test]
    fn an_annotated_task_edits_its_annotation_not_its_predictions() {
        let task = PREDICTED.replace(
            r#""predictions""#,
            r#""annotations": [{"id": 9, "result": []}], "predictions""#,
        );
        let mut docs = documents(&task);
        assert!(docs[0].spans.is_empty(), "the annotation's spans only");
        docs[0].spans = documents(PREDICTED)[0].spans.clone();
        let out: Value = serde_json::from_str(&export(&docs)).expect("json");
        let read: Value = serde_json::from_str(&task).expect("json");
        assert_eq!(out[0]["predictions"], read[0]["predictions"]);
        let annotations = out[0]["annotations"].as_array().expect("list");
        assert_eq!(annotations.len(), 1);
        assert_eq!(
            annotations[0]["result"][0]["value"]["labels"],
            json!(["PER"])
        );
    }

    #[test]
    fn new_regions_use_the_tasks_control_names() {
        let mut docs = documents(PREDICTED);
        let mut added = docs[0].spans[0].clone();
        (added.start, added.end, added.label) = (12, 17, "LOC".into());
        docs[0].spans.push(added);
        let out: Value = serde_json::from_str(&export(&docs)).expect("json");
        let region = &out[0]["annotations"][0]["result"][1];
        assert_eq!(region["value"]["text"], json!("Basra"));
        assert_eq!(region["from_name"], json!("ner"));
        assert_eq!(region["to_name"], json!("text"));
        assert_eq!(region["origin"], json!("manual"));
        // Without any region to follow: Label Studio's defaults.
        let mut docs = documents(r#"{"data": {"text": "Ali went"}}"#);
        docs[0].spans.push(added_span(0, 3, "PER"));
        let out: Value = serde_json::from_str(&export(&docs)).expect("json");
        assert_eq!(
            out["annotations"][0]["result"][0]["from_name"],
            json!("label")
        );
    }

    fn added_span(start: usize, end: usize, label: &str) -> Span {
        let docs = documents(PREDICTED);
        let mut span = docs[0].spans[0].clone();
        (span.start, span.end, span.label) = (start, end, label.into());
        span
    }

    #[test]
    fn unchanged_files_are_written_byte_for_byte() {
        let files = [
            PREDICTED.to_owned(),
            PREDICTED.trim_end().to_owned(),
            "\u{FEFF}{\"data\": {\"text\": \"a b\"}, \"id\": 1}\n".to_owned(),
            "[{\"data\":{\"text\":\"a\"}},\r\n {\"data\":{\"text\":\"b [x]\\\"\"}} ]".to_owned(),
            "{\"data\": {\"text\": \"a\"}}\n\n{\"data\": {\"text\": \"b\"}}\n".to_owned(),
            "{\"text\": \"Ali\", \"label\": [{\"start\": 0, \"end\": 3, \"text\": \"Ali\", \"labels\": [\"PER\"]}]}".to_owned(),
        ];
        for file in files {
            let docs = LabelStudio
                .import(&InputFile {
                    name: "ls.json".into(),
                    bytes: file.as_bytes().to_vec(),
                })
                .expect("imports");
            let mut ws = crate::core::model::Workspace::default();
            let (edit, _) = super::super::import_edit(&mut ws, docs).expect("valid");
            edit.apply(&mut ws).expect("applies");
            let docs: Vec<Document> = ws.documents.iter().map(|d| (**d).clone()).collect();
            let docs: Vec<&Document> = docs.iter().collect();
            let out = LabelStudio.export(&[], &docs, ExportOptions::default());
            assert_eq!(String::from_utf8_lossy(&out.file.bytes), file.as_str());
        }
    }

    #[test]
    fn a_source_with_more_than_separators_around_its_tasks_is_not_written_as_read() {
        let file = "[{\"data\": {\"text\": \"a\"}}]";
        let docs = import(file).expect("imports");
        let mut ws = crate::core::model::Workspace::default();
        let (edit, _) = super::super::import_edit(&mut ws, docs).expect("valid");
        edit.apply(&mut ws).expect("applies");
        // A hand-edited Wasim JSON can put anything around the task.
        let hidden = r#"[{"id":666,"data":{"text":"HIDDEN TASK"},"annotations":[]},"#;
        for (key, value) in [("before", hidden), ("after", "]]]]<script>")] {
            let mut doc = (*ws.documents[0]).clone();
            let mut source = (**doc.source.as_ref().expect("a source")).clone();
            source.data[key] = json!(value);
            doc.source = Some(std::sync::Arc::new(source));
            let out = LabelStudio.export(&[], &[&doc], ExportOptions::default());
            let text = String::from_utf8_lossy(&out.file.bytes);
            let tasks: Value = serde_json::from_str(&text).expect("valid JSON");
            assert_eq!(tasks, json!([{"data": {"text": "a"}}]), "{key}: {text}");
        }
    }

    #[test]
    fn json_lines_are_written_back_under_jsonl() {
        let lines = "{\"data\": {\"text\": \"a\"}}\n{\"data\": {\"text\": \"b\"}}\n";
        let one_line = "{\"data\": {\"text\": \"a\"}}\n";
        let list = "[{\"data\": {\"text\": \"a\"}}]";
        let cases = [
            ("ls.json", lines, "wasim-label-studio.jsonl"),
            ("ls.jsonl", one_line, "wasim-label-studio.jsonl"),
            ("ls.json", one_line, "wasim-label-studio.json"),
            ("ls.jsonl", list, "wasim-label-studio.json"),
        ];
        for (name, text, written) in cases {
            let docs = LabelStudio
                .import(&InputFile {
                    name: name.into(),
                    bytes: text.as_bytes().to_vec(),
                })
                .expect("imports");
            let mut ws = crate::core::model::Workspace::default();
            let (edit, _) = super::super::import_edit(&mut ws, docs).expect("valid");
            edit.apply(&mut ws).expect("applies");
            let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
            let out = LabelStudio.export(&[], &docs, ExportOptions::default());
            assert_eq!(out.file.name, written, "{name}: {text:?}");
            assert_eq!(String::from_utf8_lossy(&out.file.bytes), text);
            // Some of the tasks alone are a JSON list.
            let first = LabelStudio.export(&[], &docs[..1], ExportOptions::default());
            let expected = if docs.len() > 1 {
                "wasim-label-studio.json"
            } else {
                written
            };
            assert_eq!(first.file.name, expected, "{name}: {text:?}");
        }
    }

    #[test]
    fn an_edited_task_keeps_the_files_shape_and_the_other_tasks_text() {
        let file = "{\n    \"data\": {\"text\": \"Ali\"}\n}\n";
        let mut docs = documents(file);
        docs[0].spans.push(added_span(0, 3, "PER"));
        let out = export(&docs);
        assert!(
            out.starts_with("{\n    \"data\": {\n        \"text\""),
            "{out}"
        );
        assert!(out.ends_with("\n}\n"), "{out}");
        let two = "[\n  {\"data\": {\"text\": \"a\"}},\n  {\"data\": {\"text\": \"Ali\"}}\n]";
        let mut docs = documents(two);
        docs[1].spans.push(added_span(0, 3, "PER"));
        let out = export(&docs);
        assert!(
            out.starts_with("[\n  {\"data\": {\"text\": \"a\"}},\n  {\"data\":"),
            "{out}"
        );
        assert!(out.ends_with("}\n]"), "{out}");
        let value: Value = serde_json::from_str(&out).expect("json");
        assert_eq!(
            value[1]["annotations"][0]["result"][0]["value"]["text"],
            json!("Ali")
        );
        // One task of two, alone: a list in the exporter's layout.
        let one = export(&docs[..1]);
        assert_eq!(
            one,
            "[\n  {\n    \"data\": {\n      \"text\": \"a\"\n    }\n  }\n]"
        );
    }

    #[test]
    fn config_lists_labels() {
        let config = labeling_config(&default_labels());
        assert!(config.contains("<Label value=\"PER\""));
        assert!(config.contains("toName=\"text\""));
    }
}
