//! doccano's sequence-labeling JSONL.
//!
//! **Offsets:** doccano's web UI counts UTF-16 code units (doccano issue
//! #2290), while files written by Python scripts count code points. The two
//! agree unless the text has astral characters (emoji…). On import the unit
//! is the one the records state in `offset_unit` (Wasim's exports do), or
//! else is detected per file: the unit that keeps spans in range and on
//! character and word boundaries, code points on a tie. A warning names the
//! unit assumed whenever a text has astral characters.
//! Export writes a document read from a doccano file in the unit that file
//! used, and other documents in code points; [`ExportOptions::utf16_offsets`]
//! ("UTF-16 (doccano web UI)") writes UTF-16 units for all. Ranges are
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
//! names doccano's import dialog allows. Relations are not spans (a warning
//! says so) but are kept, as below. A record's `meta.name` (doccano shows
//! `meta`) is the document's name; without it the name is made up from the
//! file name.
//!
//! **What was read is what is written.** Each document keeps its record in
//! its [`Source`] (`"record"`, with the text taken out; `"text_key"`,
//! `"unit"`, and `"generated_name"` when the name was made up). Exporting it
//! to doccano writes that record again with its spans brought up to date,
//! in place and in the file's key order: `id`, `meta`, `cats`, `Comments`,
//! `relations` and any other field stay; an entity or triple whose span is
//! still there stays as it was (its `id` and other keys too; a relabelled
//! span keeps its entity), one whose span was deleted goes (with the
//! relations to it, with a warning naming the documents), and spans added
//! in Wasim are appended (entities get the next free `id`). `meta.name` is
//! written when the record had one or the document was renamed.
//! `offset_unit` is written when the record had it or, for a text with
//! astral characters, when the export's unit is not the one the file was
//! read in (only with the UTF-16 option on a file read in code points).
//!
//! A record on a line of its own also keeps where it sat in its file
//! (`"jsonl"`, see [`super::common::jsonl_layouts`]): its exact line when
//! that is not its compact form (spacing, `\uXXXX` escapes), the line end
//! and blank lines after it, the file's BOM and CRLF style. A record whose
//! export equals the record read (as JSON values) is written as that line,
//! so a file whose documents are all exported unchanged and in order comes
//! back byte for byte, and an edit (even a relabel) rewrites only its own
//! record, compact, with the file's line end. A whole-file JSON array or a
//! pretty-printed object comes back as the same values, one compact record
//! per line.
//!
//! Other documents are written in the first shape with
//! `"offset_unit": "code_points"` or `"utf-16"` (doccano keeps unknown fields
//! as metadata) and `"meta": {"name": …}`; a file whose records all carry
//! `offset_unit` is read in that unit without guessing.

use serde_json::{Map, Value, json};

use super::common::{
    BOM, DroppedRelations, FileOffsets, OffsetUnit, RawDocument, RawSpan, Record, added_documents,
    dropped_extras, generated_name, jsonl_file_kept, jsonl_layouts, match_entries, nested_str,
    nonempty_records, numbered_name, object_of, offset_field, place_in, record_place,
    resolve_documents_unit, write_name, written_as_read,
};
use super::types::{
    ExportOptions, Exported, Format, ImportError, Imported, ImportedDocument, InputFile,
};
use crate::core::i18n::{Counted, Key, Msg};
use crate::core::model::{Document, Label, Source};
use crate::core::text::{Utf16Index, has_astral};

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

    fn holds_links(&self, data: &Value) -> bool {
        data.pointer("/record/relations")
            .and_then(Value::as_array)
            .is_some_and(|relations| !relations.is_empty())
    }

    fn name(&self) -> &'static str {
        "doccano JSONL"
    }

    fn import(&self, file: &InputFile) -> Result<Imported, ImportError> {
        let name = file.name.as_str();
        let (text, records) = nonempty_records(file, Key::DoccanoNoRecords)?;
        let count = records.len();
        let mut relations = 0;
        let mut raw = Vec::with_capacity(count);
        for record in &records {
            let (doc, skipped) = read_record(name, record, count)?;
            relations += skipped;
            raw.push(doc);
        }
        let (mut documents, mut warnings) = documents_in_their_units(name, &records, raw)?;
        let layouts = jsonl_layouts(&text, file.bytes.starts_with(BOM.as_bytes()), &records);
        for ((doc, unit), layout) in documents.iter_mut().zip(layouts) {
            if let Some(Value::Object(data)) = doc.source.as_mut().map(|s| &mut s.data) {
                data.insert("unit".into(), json!(unit.tag()));
                if let Some(layout) = layout.filter(|l| !l.is_null()) {
                    data.insert("jsonl".into(), layout);
                }
            }
        }
        if relations > 0 {
            warnings.push(Msg::counted(Counted::RelationsNotShown, relations).arg("file", name));
        }
        let documents = documents.into_iter().map(|(doc, _)| doc).collect();
        Ok(added_documents(documents, warnings))
    }

    fn export(
        &self,
        _labels: &[Label],
        documents: &[&Document],
        options: ExportOptions,
    ) -> Exported {
        let mut dropped = DroppedRelations::default();
        let file = jsonl_file_kept("wasim-doccano.jsonl", documents, ID, |doc| {
            let (record, relations) = export_record(doc, options);
            dropped.add(doc, relations);
            Value::Object(record)
        });
        let extras = dropped_extras("doccano", documents, |_, _| false, false);
        let warnings = extras
            .into_iter()
            .chain(dropped.warning("doccano"))
            .collect();
        Exported { file, warnings }
    }
}

/// A document read, and the unit its file's offsets were in.
type InUnit = (ImportedDocument, OffsetUnit);

/// The documents of `records` with their spans in code points, each with
/// the unit its offsets were read in: a record's `offset_unit` when it
/// states one, else the unit detected over the records that state none (a
/// corpus export of Wasim mixes records of a doccano file read in UTF-16,
/// which keep their fields as read, with others that say `code_points`:
/// read all in one unit, the latter's spans moved).
///
/// # Errors
/// As [`resolve_documents_unit`].
fn documents_in_their_units(
    name: &str,
    records: &[Record],
    raw: Vec<RawDocument>,
) -> Result<(Vec<InUnit>, Vec<Msg>), ImportError> {
    let stated: Vec<Option<OffsetUnit>> = records
        .iter()
        .map(
            |r| match r.value.get(OFFSET_UNIT_FIELD).and_then(Value::as_str) {
                Some(UTF16) => Some(OffsetUnit::Utf16),
                Some(CODE_POINTS) => Some(OffsetUnit::CodePoints),
                _ => None,
            },
        )
        .collect();
    let mut raw: Vec<Option<RawDocument>> = raw.into_iter().map(Some).collect();
    let mut read: Vec<Option<InUnit>> = raw.iter().map(|_| None).collect();
    let mut warnings = Vec::new();
    for want in [Some(OffsetUnit::CodePoints), Some(OffsetUnit::Utf16), None] {
        let group: Vec<usize> = (0..raw.len())
            .filter(|&i| stated.get(i).copied().flatten() == want)
            .collect();
        if group.is_empty() {
            continue;
        }
        let docs = group.iter().filter_map(|&i| raw[i].take()).collect();
        let forced = want.map(|unit| (unit, Key::ReasonFileSays));
        let (docs, said, unit) = resolve_documents_unit(name, docs, forced)?;
        warnings.extend(said);
        for (i, doc) in group.into_iter().zip(docs) {
            read[i] = Some((doc, unit));
        }
    }
    Ok((read.into_iter().flatten().collect(), warnings))
}

/// The unit a document's offsets are written in: UTF-16 when the export
/// asks for it or the document's doccano file counted UTF-16 units, else
/// code points.
fn export_unit(doc: &Document, options: ExportOptions) -> OffsetUnit {
    let read_as = doc
        .source_data(ID)
        .and_then(|d| d.get("unit"))
        .and_then(Value::as_str);
    if options.utf16_offsets || OffsetUnit::from_tag(read_as) == OffsetUnit::Utf16 {
        OffsetUnit::Utf16
    } else {
        OffsetUnit::CodePoints
    }
}

/// The record of one document: the record it was read from with its spans
/// brought up to date when it came from a doccano file (see the module
/// documentation), else a new one; and how many of its relations were left
/// out because an entity they link was deleted.
fn export_record(doc: &Document, options: ExportOptions) -> (Map<String, Value>, usize) {
    let unit = export_unit(doc, options);
    let index = (unit == OffsetUnit::Utf16).then(|| Utf16Index::new(doc.text.as_str()));
    let at = |cp: usize| index.as_ref().map_or(cp, |index| index.utf16(cp));
    let unit = unit.tag();
    let triple = |i: usize| {
        let s = &doc.spans[i];
        json!([at(s.start), at(s.end), s.label])
    };
    let data = doc.source_data(ID);
    let Some(mut record) = object_of(data.and_then(|d| d.get("record"))) else {
        let mut record = Map::new();
        record.insert("text".into(), json!(doc.text.as_str()));
        let spans: Vec<Value> = (0..doc.spans.len()).map(triple).collect();
        record.insert("label".into(), Value::Array(spans));
        record.insert(OFFSET_UNIT_FIELD.into(), json!(unit));
        write_name(&mut record, "meta", "name", &doc.name, None);
        return (record, 0);
    };
    let data = data.unwrap_or(&Value::Null);
    let text_key = data
        .get("text_key")
        .and_then(Value::as_str)
        .unwrap_or("text");
    record.insert(text_key.to_owned(), json!(doc.text.as_str()));
    let file = FileOffsets::new(
        OffsetUnit::from_tag(data.get("unit").and_then(Value::as_str)),
        doc.text.as_str(),
    );
    let list = |key: &str| {
        record
            .get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let label_key = LABEL_KEYS
        .iter()
        .copied()
        .find(|key| record.get(*key).is_some_and(Value::is_array));
    let has_entities = record.get("entities").is_some_and(Value::is_array);
    let entities = list("entities");
    let labels = label_key.map(list).unwrap_or_default();
    let keys: Vec<Option<(usize, usize, &str)>> = entities
        .iter()
        .map(|e| entity_key(e, &file))
        .chain(labels.iter().map(|t| triple_key(t, &file)))
        .collect();
    let matched = match_entries(&keys, &doc.spans);
    let (entity_fates, label_fates) = matched.entries.split_at(entities.len());
    let mut removed_ids = Vec::new();
    let mut new_entities = Vec::with_capacity(entities.len());
    for (entity, fate) in entities.iter().zip(entity_fates) {
        match (fate, entity.as_object()) {
            (Some(i), Some(object)) => {
                let span = &doc.spans[*i];
                let mut object = object.clone();
                object.insert("start_offset".into(), json!(at(span.start)));
                object.insert("end_offset".into(), json!(at(span.end)));
                object.insert("label".into(), json!(span.label));
                new_entities.push(written_as_read(entity, Value::Object(object)));
            }
            _ => removed_ids.extend(entity.get("id").cloned()),
        }
    }
    let mut new_labels: Vec<Value> = labels
        .iter()
        .zip(label_fates)
        .filter_map(|(read, fate)| fate.map(|i| written_as_read(read, triple(i))))
        .collect();
    if has_entities && label_key.is_none() {
        let next = entities
            .iter()
            .filter_map(|e| e.get("id").and_then(Value::as_u64))
            .max()
            .map_or(0, |id| id + 1);
        for (id, &i) in (next..).zip(&matched.added) {
            let span = &doc.spans[i];
            new_entities.push(json!({
                "id": id,
                "start_offset": at(span.start),
                "end_offset": at(span.end),
                "label": span.label,
            }));
        }
    } else {
        new_labels.extend(matched.added.iter().map(|&i| triple(i)));
    }
    if has_entities {
        record.insert("entities".into(), Value::Array(new_entities));
    }
    if label_key.is_some() || !new_labels.is_empty() {
        record.insert(
            label_key.unwrap_or("label").to_owned(),
            Value::Array(new_labels),
        );
    }
    let mut dropped = 0;
    if !removed_ids.is_empty()
        && let Some(Value::Array(relations)) = record.get_mut("relations")
    {
        let before = relations.len();
        relations.retain(|r| {
            !["from_id", "to_id"]
                .iter()
                .any(|k| r.get(*k).is_some_and(|id| removed_ids.contains(id)))
        });
        dropped = before - relations.len();
    }
    // Said when the file said it, or when its offsets now mean something
    // else than what the file's were read as (astral text, other unit).
    let read_as = data.get("unit").and_then(Value::as_str);
    if record.contains_key(OFFSET_UNIT_FIELD)
        || (has_astral(doc.text.as_str()) && read_as != Some(unit))
    {
        record.insert(OFFSET_UNIT_FIELD.into(), json!(unit));
    }
    write_name(&mut record, "meta", "name", &doc.name, generated_name(data));
    (record, dropped)
}

/// A file offset in `value[key]` as a code point.
fn offset_at(
    value: &Value,
    key: impl serde_json::value::Index,
    file: &FileOffsets,
) -> Option<usize> {
    value
        .get(key)
        .and_then(crate::core::json::whole)
        .and_then(|n| usize::try_from(n).ok())
        .and_then(|n| file.code_point(n))
}

/// An entity object's `(start, end, label)` in code points.
fn entity_key<'a>(entity: &'a Value, file: &FileOffsets) -> Option<(usize, usize, &'a str)> {
    Some((
        offset_at(entity, "start_offset", file)?,
        offset_at(entity, "end_offset", file)?,
        entity.get("label")?.as_str()?,
    ))
}

/// A `[start, end, label]` triple's range in code points and label.
fn triple_key<'a>(triple: &'a Value, file: &FileOffsets) -> Option<(usize, usize, &'a str)> {
    Some((
        offset_at(triple, 0, file)?,
        offset_at(triple, 1, file)?,
        triple.get(2)?.as_str()?,
    ))
}

/// The keys doccano reads span triples from, in the order tried.
const LABEL_KEYS: [&str; 3] = ["label", "labels", "column_label"];
/// The keys doccano reads the text from, in the order tried.
const TEXT_KEYS: [&str; 3] = ["text", "data", "column_data"];

/// Reads one record; returns the document and how many relations it had.
fn read_record(
    file: &str,
    record: &Record,
    count: usize,
) -> Result<(RawDocument, usize), ImportError> {
    let line = record.line;
    let place = record_place(record);
    let error = |message: Msg| ImportError::new(file, line, message.msg("place", place.clone()));
    let object = record
        .value
        .as_object()
        .ok_or_else(|| error(Msg::new(Key::DoccanoNotObject)))?;
    let (text_key, text) = TEXT_KEYS
        .iter()
        .find_map(|key| Some((*key, object.get(*key)?.as_str()?)))
        .ok_or_else(|| error(Msg::new(Key::DoccanoNoText)))?;
    let mut spans = Vec::new();
    if let Some(entities) = object.get("entities") {
        let items = entities
            .as_array()
            .ok_or_else(|| error(Msg::new(Key::MustBeList).arg("key", "entities")))?;
        for (i, entity) in items.iter().enumerate() {
            let where_ = place_in(&place, Key::PlaceEntity, i + 1);
            let label = entity.get("label").and_then(Value::as_str).ok_or_else(|| {
                let message = Msg::new(Key::MustBeString)
                    .msg("place", where_.clone())
                    .arg("key", "label");
                ImportError::new(file, line, message)
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
    let labels = LABEL_KEYS.iter().find_map(|key| object.get(*key));
    if let Some(labels) = labels.filter(|l| !l.is_null()) {
        let items = labels
            .as_array()
            .ok_or_else(|| error(Msg::new(Key::DoccanoLabelList)))?;
        for (i, item) in items.iter().enumerate() {
            let where_ = place_in(&place, Key::PlaceLabel, i + 1);
            let bad = || {
                let hint = if item.is_string() {
                    Key::DoccanoClassification
                } else {
                    Key::NoPlace
                };
                let message = Msg::new(Key::DoccanoBadTriple)
                    .msg("place", where_.clone())
                    .arg("item", item.to_string())
                    .msg("hint", Msg::new(hint));
                ImportError::new(file, line, message)
            };
            let parts = item.as_array().filter(|p| p.len() == 3).ok_or_else(bad)?;
            let number =
                |v: &Value| crate::core::json::whole(v).and_then(|n| usize::try_from(n).ok());
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
    let generated = numbered_name(file, record.index, count);
    let own_name = nested_str(object, "meta", "name");
    let mut kept = object.clone();
    kept.insert(text_key.to_owned(), Value::Null);
    let mut data = Map::new();
    data.insert("record".into(), Value::Object(kept));
    data.insert("text_key".into(), json!(text_key));
    if own_name.is_none() {
        data.insert("generated_name".into(), json!(generated));
    }
    Ok((
        RawDocument {
            name: own_name.map_or(generated, str::to_owned),
            text: text.to_owned(),
            spans,
            line,
            source: Some(Source {
                format: ID.to_owned(),
                data: Value::Object(data),
            }),
        },
        relations,
    ))
}

/// Offsets a doccano export uses for documents not read from a doccano file
/// (those keep their file's unit unless UTF-16 is asked for), for tests and
/// the UI's option label.
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

    /// The workspace `file` imports into.
    fn workspace(file: &str) -> Workspace {
        let mut ws = Workspace::default();
        let (edit, _) = import_edit(&mut ws, import(file).expect("imports")).expect("valid");
        edit.apply(&mut ws).expect("applies");
        ws
    }

    /// Exports some documents of `ws` (by index) with `options`.
    fn export_some(ws: &Workspace, which: &[usize], options: ExportOptions) -> Exported {
        let docs: Vec<&Document> = which.iter().map(|&i| &*ws.documents[i]).collect();
        Doccano.export(&ws.labels, &docs, options)
    }

    /// Exports every document of `ws` by default.
    fn export_all(ws: &Workspace) -> String {
        let all: Vec<usize> = (0..ws.documents.len()).collect();
        let out = export_some(ws, &all, ExportOptions::default());
        String::from_utf8(out.file.bytes).expect("UTF-8")
    }

    #[test]
    fn an_unchanged_file_comes_back_byte_for_byte() {
        let files = [
            // Spacing, as doccano's own exports and hand-written files have it.
            "{\"text\": \"EU rejects\", \"label\": [ [0, 2, \"ORG\"] ]}\n",
            // A BOM, CRLF line ends and a blank line between records.
            "\u{FEFF}{\"text\": \"EU\", \"label\": [[0, 2, \"ORG\"]]}\r\n\r\n{\"text\":\"b\",\"label\":[]}\r\n",
            // \uXXXX escapes (Python's json.dumps default) and \/.
            "{\"text\": \"\\u0639\\u0644\\u064a \\/ \\ud83d\\ude00\", \"label\": [[0, 3, \"PER\"]]}\n",
            // No newline after the last line, and trailing blank lines.
            "{\"text\":\"a\",\"label\":[]}\n{\"text\":\"b\",\"label\":[[0,1,\"X\"]]}",
            "{\"text\":\"a\",\"label\":[]}\n\n  \n",
            // Entities and relations, key order of doccano's exports.
            "{\"id\": 7, \"text\": \"Google was founded\", \"entities\": [{\"id\": 0, \"label\": \"ORG\", \"start_offset\": 0, \"end_offset\": 6}], \"relations\": [], \"Comments\": []}\r\n",
        ];
        for file in files {
            assert_eq!(export_all(&workspace(file)), file);
        }
    }

    #[test]
    fn records_parted_by_lone_carriage_returns_read_and_come_back_as_they_were() {
        // A classic Mac OS file: records parted by a lone CR were refused
        // as one line with trailing characters.
        let file =
            "{\"text\": \"EU\", \"label\": [[0, 2, \"ORG\"]]}\r{\"text\": \"x\", \"label\": []}\r";
        let ws = workspace(file);
        assert_eq!(ws.documents.len(), 2);
        assert_eq!(export_all(&ws), file);
        let mut ws = ws;
        std::sync::Arc::make_mut(&mut ws.documents[0]).spans[0].label = "LOC".into();
        assert_eq!(
            export_all(&ws),
            "{\"text\":\"EU\",\"label\":[[0,2,\"LOC\"]]}\r{\"text\": \"x\", \"label\": []}\r"
        );
    }

    #[test]
    fn a_compact_line_is_not_stored_twice() {
        let ws = workspace("{\"text\":\"EU\",\"label\":[[0,2,\"ORG\"]]}\n");
        let data = ws.documents[0].source_data(ID).expect("a source");
        assert!(data.get("jsonl").is_none(), "{data}");
        let ws = workspace("{\"text\": \"EU\", \"label\": [[0, 2, \"ORG\"]]}\r\n");
        let data = ws.documents[0].source_data(ID).expect("a source");
        assert_eq!(
            data["jsonl"],
            json!({"line": "{\"text\": \"EU\", \"label\": [[0, 2, \"ORG\"]]}", "end": "\r\n", "crlf": true})
        );
    }

    #[test]
    fn a_relabel_rewrites_only_its_line() {
        let file = "\u{FEFF}{\"text\": \"EU\", \"label\": [ [0, 2, \"ORG\"] ]}\r\n{\"text\": \"\\u0639\\u0644\\u064a\", \"label\": [ [0, 3, \"PER\"] ]}\r\n{\"text\": \"x\", \"label\": []}";
        let mut ws = workspace(file);
        std::sync::Arc::make_mut(&mut ws.documents[1]).spans[0].label = "LOC".into();
        let out = export_all(&ws);
        let before: Vec<&str> = file.split("\r\n").collect();
        let after: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(after.len(), 3, "{out:?}");
        assert_eq!((after[0], after[2]), (before[0], before[2]));
        assert_eq!(after[1], "{\"text\":\"علي\",\"label\":[[0,3,\"LOC\"]]}");
    }

    #[test]
    fn a_subset_or_new_documents_stay_jsonl_in_the_file_line_ends() {
        let file = "{\"text\": \"a\", \"label\": []}\r\n{\"text\": \"b\", \"label\": []}";
        let mut ws = workspace(file);
        // The last record, which had no line end, written first.
        let out = export_some(&ws, &[1, 0], ExportOptions::default());
        let out = String::from_utf8(out.file.bytes).expect("UTF-8");
        assert_eq!(
            out,
            "{\"text\": \"b\", \"label\": []}\r\n{\"text\": \"a\", \"label\": []}\r\n"
        );
        let mut typed = (*ws.documents[0]).clone();
        typed.source = None;
        typed.name = "typed".into();
        ws.documents.push(std::sync::Arc::new(typed));
        let out = export_some(&ws, &[1, 2], ExportOptions::default());
        let out = String::from_utf8(out.file.bytes).expect("UTF-8");
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines.len(), 3, "{out:?}");
        assert_eq!(lines[0], "{\"text\": \"b\", \"label\": []}");
        assert!(lines[1].contains("\"typed\"") && lines[2].is_empty());
    }

    #[test]
    fn a_utf16_file_is_written_in_utf16() {
        // doccano's web UI counts 😀 as two units: محمد is [3, 7), علي [10, 13).
        let file = "{\"text\":\"😀 محمد و علي\",\"label\":[[3,7,\"PER\"],[10,13,\"PER\"]]}\n";
        let mut ws = workspace(file);
        assert_eq!(export_all(&ws), file);
        // An edit keeps the unit and adds no offset_unit doccano would ignore.
        std::sync::Arc::make_mut(&mut ws.documents[0]).spans[1].label = "X".into();
        assert_eq!(
            export_all(&ws),
            "{\"text\":\"😀 محمد و علي\",\"label\":[[3,7,\"PER\"],[10,13,\"X\"]]}\n"
        );
    }

    #[test]
    fn dropping_relations_is_said() {
        let file = concat!(
            "{\"text\": \"Google was founded by Larry Page\", \"entities\": [",
            "{\"id\": 0, \"start_offset\": 0, \"end_offset\": 6, \"label\": \"ORG\"}, ",
            "{\"id\": 3, \"start_offset\": 22, \"end_offset\": 32, \"label\": \"PERSON\"}], ",
            "\"relations\": [{\"from_id\": 0, \"to_id\": 3, \"type\": \"foundedBy\"}], \"meta\": {\"name\": \"google\"}}\n",
            "{\"text\": \"x\", \"label\": []}\n"
        );
        let mut ws = workspace(file);
        assert!(
            export_some(&ws, &[0, 1], ExportOptions::default())
                .warnings
                .is_empty()
        );
        std::sync::Arc::make_mut(&mut ws.documents[0])
            .spans
            .remove(1);
        let out = export_some(&ws, &[0, 1], ExportOptions::default());
        let record: Value = serde_json::from_str(
            String::from_utf8_lossy(&out.file.bytes)
                .lines()
                .next()
                .expect("line"),
        )
        .expect("JSON");
        assert_eq!(record["relations"], json!([]));
        let warning = out
            .warnings
            .iter()
            .find(|w| w.contains("relation"))
            .expect("a warning");
        let english = warning.to_string();
        assert!(
            english.contains("1 relation ") && english.contains("google"),
            "{english}"
        );
        let arabic = warning.render(crate::core::i18n::Lang::Ar);
        assert!(
            arabic.contains("علاقة واحدة") && arabic.contains("google"),
            "{arabic}"
        );
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
    fn a_record_that_states_its_unit_is_read_in_it_whatever_the_others_use() {
        // A corpus export of Wasim: a record of a doccano file read in UTF-16
        // (kept as read, no offset_unit), then a typed-in document's record.
        let text = [
            "{\"text\": \"😀😀 علي\", \"label\": [[5, 8, \"PER\"]]}",
            "{\"text\": \"🇶🇦 أحمد في بغداد\", \"label\": [[3, 7, \"PER\"], [11, 16, \"LOC\"]], \"offset_unit\": \"code_points\"}",
        ]
        .join("\n");
        let imported = import(&text).expect("ok");
        let texts: Vec<Vec<String>> = imported
            .documents
            .iter()
            .map(|d| {
                d.spans
                    .iter()
                    .map(|s| d.text.chars().skip(s.start).take(s.end - s.start).collect())
                    .collect()
            })
            .collect();
        assert_eq!(texts, [vec!["علي"], vec!["أحمد", "بغداد"]]);
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
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        // Written back in the unit its file used, without being asked.
        let same = Doccano.export(&ws.labels, &docs, ExportOptions::default());
        assert!(String::from_utf8_lossy(&same.file.bytes).contains("[[9, 12, \"PER\"]]"));
        // The same document from elsewhere is written in code points, or in
        // UTF-16 when asked.
        let mut elsewhere = (*docs[0]).clone();
        elsewhere.source = None;
        let cp = Doccano.export(&ws.labels, &[&elsewhere], ExportOptions::default());
        assert!(String::from_utf8_lossy(&cp.file.bytes).contains("[[6,9,\"PER\"]]"));
        let options = ExportOptions {
            utf16_offsets: true,
            ..ExportOptions::default()
        };
        let utf16 = Doccano.export(&ws.labels, &[&elsewhere], options);
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
