//! Helpers shared by the format modules: decoding, JSON records (and where
//! each JSON Lines record sat in its file, [`jsonl_layouts`], to write it
//! back as it was, [`jsonl_file_kept`]), offset-unit detection and output
//! files.
//!
//! **Offsets:** everything these helpers return is in code points, half-open.
//! [`resolve_documents`] is the one place where a file's offsets in another
//! unit (UTF-16 code units) are converted.

use crate::core::sort;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::types::{
    ImportError, ImportMode, Imported, ImportedDocument, ImportedSpan, InputFile, OutputFile,
};
use crate::core::i18n::{Arg, Counted, Key, Msg};
use crate::core::json;
use crate::core::model::{Document, Source, Span};
use crate::core::text::{Text, Utf16Index, decode_utf8, has_astral};

/// The file's bytes as text.
///
/// # Errors
/// When the bytes are binary or not UTF-8.
pub(crate) fn decode(file: &InputFile) -> Result<String, ImportError> {
    decode_utf8(&file.bytes).map_err(|error| {
        let message = Msg::new(Key::CannotLoadFile).msg("error", error.msg());
        ImportError::new(&file.name, None, message)
    })
}

/// `("a.b", "txt")` for `"a.b.txt"`; the extension is empty when there is none.
pub(crate) fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) if dot > 0 => (&name[..dot], &name[dot + 1..]),
        _ => (name, ""),
    }
}

/// The name of the `index`-th (1-based) of `count` documents read from
/// `file`: the file's name alone when it holds one, else `file #index`.
pub(crate) fn numbered_name(file: &str, index: usize, count: usize) -> String {
    if count == 1 {
        file.to_owned()
    } else {
        format!("{file} #{index}")
    }
}

/// An import that adds documents to the workspace.
pub(crate) fn added_documents(documents: Vec<ImportedDocument>, warnings: Vec<Msg>) -> Imported {
    Imported {
        mode: ImportMode::AddDocuments,
        labels: Vec::new(),
        listed_labels: Vec::new(),
        documents,
        open: None,
        warnings,
    }
}

/// The text a span covers (empty if the span is out of range).
pub(crate) fn span_text<'a>(doc: &'a Document, span: &Span) -> &'a str {
    doc.text.slice(span.start, span.end).unwrap_or_default()
}

/// A JSON file written pretty-printed.
pub(crate) fn json_file(name: &str, value: &Value) -> OutputFile {
    OutputFile {
        name: name.to_owned(),
        mime: "application/json",
        bytes: serde_json::to_string_pretty(value)
            .unwrap_or_default()
            .into_bytes(),
    }
}

/// The UTF-8 byte order mark.
pub(crate) const BOM: &str = "\u{FEFF}";

/// Where a JSON Lines record sat in its file, kept in a document's
/// [`Source`] (under `"jsonl"`) so that [`jsonl_file_kept`] writes an
/// unchanged file back byte for byte. Fields equal to their default are not
/// stored: a record on its own compact line ending in `\n` keeps nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct JsonlLine {
    /// The record's exact line, without its line end (spacing, `\uXXXX`
    /// escapes, key order), when it is not the record's compact form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    line: Option<String>,
    /// What followed the line up to the next record or the end of the file:
    /// its line end and any blank lines; `None` for `\n`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    end: Option<String>,
    /// Blank lines before the file's first record.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    start: String,
    /// Whether the file started with a BOM (first record only).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    bom: bool,
    /// Whether the file's lines end in `\r\n`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    crlf: bool,
    /// Whether they end in a lone `\r` (classic Mac OS).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    cr: bool,
}

/// A line of text: byte offsets of its start and of the end of its content
/// (before `\n` or `\r\n`).
fn line_bounds(text: &str) -> Vec<(usize, usize)> {
    line_spans(text)
        .into_iter()
        .map(|(start, end, _)| (start, end))
        .collect()
}

/// The lines of `text` as byte offsets: where each starts, where its
/// content ends, and where the next starts. A line ends at `\r\n`, `\n`
/// or a lone `\r` (classic Mac OS): one rule for every format read line
/// by line (a JSON Lines file with lone CRs was refused as one line with
/// trailing characters).
pub(crate) fn line_spans(text: &str) -> Vec<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let found = bytes[start..]
            .iter()
            .position(|&b| b == b'\n' || b == b'\r');
        let (end, next) = match found.map(|at| start + at) {
            Some(at) if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') => (at, at + 2),
            Some(at) => (at, at + 1),
            None => (text.len(), text.len()),
        };
        lines.push((start, end, next));
        start = next;
    }
    lines
}

/// The [`JsonlLine`] of each record read from a file's decoded `text`
/// (`bom`: whether the file's bytes started with one), as a value for its
/// [`Source`] (`Value::Null` when there is nothing to keep), or `None` for
/// every record when the file is not one record per line (a whole-file
/// array, a pretty-printed object).
pub(crate) fn jsonl_layouts(text: &str, bom: bool, records: &[Record]) -> Vec<Option<Value>> {
    let none = || records.iter().map(|_| None).collect();
    let bounds = line_bounds(text);
    let at = |record: &Record| record.line.and_then(|n| bounds.get(n.checked_sub(1)?));
    let lines: Option<Vec<&(usize, usize)>> = records.iter().map(at).collect();
    let Some(lines) = lines else {
        return none();
    };
    let first_end = bounds.first().map_or("", |&(_, end)| &text[end..]);
    let crlf = first_end.starts_with("\r\n");
    let cr = !crlf && first_end.starts_with('\r');
    let mut layouts = Vec::with_capacity(records.len());
    for (i, (record, &&(start, end))) in records.iter().zip(&lines).enumerate() {
        let content = &text[start..end];
        let compact = serde_json::to_string(&record.value).unwrap_or_default();
        if content != compact && json::parse::<Value>(content).ok().as_ref() != Some(&record.value)
        {
            return none();
        }
        let next = lines.get(i + 1).map_or(text.len(), |l| l.0);
        let layout = JsonlLine {
            line: (content != compact).then(|| content.to_owned()),
            end: Some(&text[end..next])
                .filter(|e| *e != "\n")
                .map(str::to_owned),
            start: if i == 0 {
                text[..start].to_owned()
            } else {
                String::new()
            },
            bom: i == 0 && bom,
            crlf,
            cr,
        };
        let kept = if layout == JsonlLine::default() {
            Value::Null
        } else {
            serde_json::to_value(layout).unwrap_or_default()
        };
        layouts.push(Some(kept));
    }
    layouts
}

/// The line a record is written as: the line its file had when `record` is
/// the record that was read from it, else its compact form.
fn kept_line(record: &Value, layout: &JsonlLine) -> String {
    match &layout.line {
        Some(line) if json::parse::<Value>(line).ok().as_ref() == Some(record) => line.clone(),
        _ => serde_json::to_string(record).unwrap_or_default(),
    }
}

/// A JSON Lines file of one record per document, built by `record`. A
/// document read from a file of `format` has the `"jsonl"` value its
/// [`Source`] kept (see [`jsonl_layouts`]; `Value::Null` for a record read
/// without one); a document from elsewhere has none. A record read
/// from a file is written as the file had it (line, line end, blank lines
/// after it, the BOM when it comes first) when it is unchanged, else compact
/// with its file's line end; other records are compact, each line ending in
/// the first kept record's line end style (`\n` without one). A line is
/// never left without an end when another follows it.
///
/// Records are built and written one at a time: a corpus's records as JSON
/// trees at once (spaCy's tokens, ten thousand articles) ran out of memory.
pub(crate) fn jsonl_file_kept(
    name: &str,
    documents: &[&Document],
    format: &str,
    mut record: impl FnMut(&Document) -> Value,
) -> OutputFile {
    let kept: Vec<Option<&Value>> = documents
        .iter()
        .map(|doc| {
            doc.source_data(format)
                .map(|d| d.get("jsonl").unwrap_or(&Value::Null))
        })
        .collect();
    let layout_of =
        |v: &Value| -> JsonlLine { serde_json::from_value(v.clone()).unwrap_or_default() };
    let first = kept.iter().flatten().next().map(|v| layout_of(v));
    let eol: &[u8] = match first {
        Some(layout) if layout.crlf => b"\r\n",
        Some(layout) if layout.cr => b"\r",
        _ => b"\n",
    };
    let mut out: Vec<u8> = Vec::new();
    for (i, (doc, kept)) in documents.iter().zip(&kept).enumerate() {
        let record = record(doc);
        if !out.is_empty() && !out.ends_with(b"\n") && !out.ends_with(b"\r") {
            out.extend_from_slice(eol);
        }
        match kept.map(layout_of) {
            Some(layout) => {
                if i == 0 && layout.bom {
                    out.extend_from_slice(BOM.as_bytes());
                }
                out.extend_from_slice(layout.start.as_bytes());
                out.extend_from_slice(kept_line(&record, &layout).as_bytes());
                out.extend_from_slice(layout.end.as_deref().unwrap_or("\n").as_bytes());
            }
            None => {
                // (writing a `Value` to memory cannot fail)
                let _ = serde_json::to_writer(&mut out, &record);
                out.extend_from_slice(eol);
            }
        }
    }
    OutputFile {
        name: name.to_owned(),
        mime: "application/jsonl",
        bytes: out,
    }
}

/// A document name without directories or a `.txt` extension, safe as a file
/// name inside an archive: cleaned as download names are
/// ([`super::naming::clean`]: no path separators, reserved or bidi control
/// characters, no Windows device name).
pub(crate) fn base_name(name: &str) -> String {
    let (stem, ext) = split_extension(name);
    let stem = if ext.eq_ignore_ascii_case("txt") {
        stem
    } else {
        name
    };
    super::naming::clean(stem)
}

/// Relations an export left out because an entity they link was deleted,
/// counted over the documents, for one warning naming them.
#[derive(Default)]
pub(crate) struct DroppedRelations {
    count: usize,
    documents: Vec<Arg>,
}

impl DroppedRelations {
    /// Counts `count` relations `doc`'s export left out (none: nothing).
    pub(crate) fn add(&mut self, doc: &Document, count: usize) {
        if count > 0 {
            self.count += count;
            self.documents.push(Arg::Quoted(doc.name.clone()));
        }
    }

    /// The warning of an export to `format`, when any was left out.
    pub(crate) fn warning(self, format: &str) -> Option<Msg> {
        (self.count > 0).then(|| {
            Msg::counted(Counted::RelationsDropped, self.count)
                .arg("format", format)
                .with("documents", Arg::List(self.documents))
        })
    }
}

/// A warning when documents have span notes or entity ids that `format`
/// cannot hold: `keeps_note` says of a span with a note whether the note is
/// written (a format may keep notes in one layout and not in another, or
/// only notes of one kind), `keeps_ids` whether entity ids are. The warning
/// names exactly what was left out: the notes, the ids, or both.
pub(crate) fn dropped_extras(
    format: &str,
    documents: &[&Document],
    keeps_note: impl Fn(&Document, &Span) -> bool,
    keeps_ids: bool,
) -> Option<Msg> {
    let notes: usize = documents
        .iter()
        .map(|d| {
            let noted = d.spans.iter().filter(|s| s.note.is_some());
            noted.filter(|s| !keeps_note(d, s)).count()
        })
        .sum();
    let ids = if keeps_ids {
        0
    } else {
        let spans = documents.iter().flat_map(|d| d.spans.iter());
        spans.filter(|s| s.entity_id.is_some()).count()
    };
    match (notes, ids) {
        (0, 0) => None,
        (notes, 0) => Some(Msg::counted(Counted::NotesLeftOut, notes).arg("format", format)),
        (0, ids) => Some(Msg::counted(Counted::IdsLeftOut, ids).arg("format", format)),
        (notes, ids) => {
            let what = vec![
                Arg::Msg(Msg::counted(Counted::SpanNotes, notes)),
                Arg::Msg(Msg::counted(Counted::EntityIds, ids)),
            ];
            Some(
                Msg::new(Key::NoPlaceForExtras)
                    .arg("format", format)
                    .with("what", Arg::List(what)),
            )
        }
    }
}

/// One JSON record and the 1-based line it starts on, when known.
pub(crate) struct Record {
    /// Line of a JSON Lines record; `None` inside a whole-file JSON value.
    pub line: Option<usize>,
    /// 1-based position among the records, for messages.
    pub index: usize,
    /// The parsed value.
    pub value: Value,
}

/// Decodes `file` and reads its JSON records, refusing a file without any;
/// gives the decoded text too (for [`jsonl_layouts`]). `empty` says what a
/// record should look like.
///
/// # Errors
/// The file is not UTF-8, not JSON or JSON Lines, or holds no record.
pub(crate) fn nonempty_records(
    file: &InputFile,
    empty: Key,
) -> Result<(String, Vec<Record>), ImportError> {
    let text = decode(file)?;
    let records = json_records(&file.name, &text)?;
    if records.is_empty() {
        return Err(ImportError::new(&file.name, None, empty));
    }
    Ok((text, records))
}

/// Reads JSON records: a whole-file array (its elements), a whole-file
/// object (one record), or JSON Lines (one per non-blank line).
///
/// # Errors
/// The first line that is not valid JSON.
pub(crate) fn json_records(file: &str, text: &str) -> Result<Vec<Record>, ImportError> {
    if let Ok(value) = json::parse::<Value>(text) {
        return Ok(match value {
            Value::Array(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, value)| Record {
                    line: None,
                    index: i + 1,
                    value,
                })
                .collect(),
            other => {
                let line = text
                    .lines()
                    .position(|l| !l.trim().is_empty())
                    .map(|i| i + 1);
                vec![Record {
                    line,
                    index: 1,
                    value: other,
                }]
            }
        });
    }
    let mut records = Vec::new();
    let lines = line_spans(text);
    for (i, line) in lines.iter().map(|&(s, e, _)| &text[s..e]).enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value = json::parse::<Value>(line)
            .map_err(|error| ImportError::new(file, Some(i + 1), invalid_json(&error)))?;
        records.push(Record {
            line: Some(i + 1),
            index: records.len() + 1,
            value,
        });
    }
    Ok(records)
}

/// "invalid JSON: …", saying what was wrong and where.
pub(crate) fn invalid_json(error: &serde_json::Error) -> Msg {
    Msg::new(Key::InvalidJson).msg("error", json::describe(error))
}

/// Where a record is, for messages that have no line number (a prefix
/// such as `record 3: `; nothing when the line says it).
pub(crate) fn record_place(record: &Record) -> Msg {
    match record.line {
        Some(_) => Msg::new(Key::NoPlace),
        None => Msg::new(Key::PlaceRecord).num("n", record.index),
    }
}

/// `place` followed by another place, such as `task 2: ` and `result 3: `.
pub(crate) fn place_in(place: &Msg, key: Key, index: usize) -> Msg {
    Msg::new(key).msg("place", place.clone()).num("n", index)
}

/// A range of a file's offsets, `[start, end)`, kept left to right in an
/// Arabic sentence.
pub(crate) fn range(start: usize, end: usize) -> Msg {
    Msg::new(Key::Range).num("start", start).num("end", end)
}

/// A non-negative integer field, or an error naming it.
///
/// # Errors
/// When the field is missing or not a non-negative integer.
pub(crate) fn offset_field(
    file: &str,
    line: Option<usize>,
    object: &Value,
    key: &str,
    place: &Msg,
) -> Result<usize, ImportError> {
    object
        .get(key)
        .and_then(json::whole)
        .and_then(|n| usize::try_from(n).ok())
        .ok_or_else(|| {
            let message = Msg::new(Key::MustBeOffset)
                .msg("place", place.clone())
                .arg("key", key);
            ImportError::new(file, line, message)
        })
}

/// `fresh`, or `original` when they are the same value, a whole number
/// written as a float (`4.0`) counting as that number: an entry that did
/// not change keeps the way its file wrote it, so an unchanged record comes
/// back byte for byte.
pub(crate) fn written_as_read(original: &Value, fresh: Value) -> Value {
    if same_value(original, &fresh) {
        original.clone()
    } else {
        fresh
    }
}

fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(_), Value::Number(_)) => {
            a == b || json::whole(a).is_some_and(|n| json::whole(b) == Some(n))
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_value(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, a), (kb, b))| ka == kb && same_value(a, b))
        }
        _ => a == b,
    }
}

/// The unit a file counts offsets in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OffsetUnit {
    /// Unicode code points, as Python's `str`.
    CodePoints,
    /// UTF-16 code units, as JavaScript strings.
    Utf16,
}

impl OffsetUnit {
    /// How a [`Source`] records the unit: `"code_points"` or `"utf-16"`.
    pub(crate) fn tag(self) -> &'static str {
        match self {
            OffsetUnit::CodePoints => "code_points",
            OffsetUnit::Utf16 => "utf-16",
        }
    }

    /// The unit a [`Source`] recorded with [`OffsetUnit::tag`]; code points
    /// for anything else.
    pub(crate) fn from_tag(tag: Option<&str>) -> Self {
        match tag {
            Some("utf-16") => OffsetUnit::Utf16,
            _ => OffsetUnit::CodePoints,
        }
    }

    fn describe(self) -> Key {
        match self {
            OffsetUnit::CodePoints => Key::UnitCodePoints,
            OffsetUnit::Utf16 => Key::UnitUtf16,
        }
    }
}

/// A span as a file states it, in the file's unit.
pub(crate) struct RawSpan {
    /// Start in the file's unit.
    pub start: usize,
    /// End in the file's unit.
    pub end: usize,
    /// Label name.
    pub label: String,
    /// The span's text, when the file gives it.
    pub text: Option<String>,
    /// Free-text note.
    pub note: Option<String>,
    /// Knowledge-base link.
    pub entity_id: Option<String>,
    /// Where the span is, such as `task 2, result 3: `, for messages.
    pub place: Msg,
}

/// A document as a file states it, spans in the file's unit.
pub(crate) struct RawDocument {
    /// Display name.
    pub name: String,
    /// The text.
    pub text: String,
    /// Spans in the file's unit.
    pub spans: Vec<RawSpan>,
    /// Line of the record, for messages.
    pub line: Option<usize>,
    /// What export needs to write the record again.
    pub source: Option<Source>,
}

/// Converts a raw range to code points under `unit`.
fn convert(
    map: Option<&Utf16Index>,
    unit: OffsetUnit,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    match (unit, map) {
        (OffsetUnit::Utf16, Some(map)) => Some((map.cp(start)?, map.cp(end)?)),
        _ => Some((start, end)),
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// How well `unit` explains a document's spans: (span texts that match,
/// spans in range, spans on grapheme and word boundaries).
fn score(
    text: &Text,
    map: Option<&Utf16Index>,
    unit: OffsetUnit,
    spans: &[RawSpan],
) -> (usize, usize, usize) {
    let mut result = (0, 0, 0);
    for span in spans {
        let Some((start, end)) = convert(map, unit, span.start, span.end) else {
            continue;
        };
        let Some(slice) = text.slice(start, end).filter(|_| start < end) else {
            continue;
        };
        result.1 += 1;
        if span.text.as_deref() == Some(slice) {
            result.0 += 1;
        }
        let word_edge = |cp: usize| {
            let before = cp
                .checked_sub(1)
                .and_then(|b| text.slice(b, cp))
                .and_then(|s| s.chars().next());
            let after = text.slice(cp, cp + 1).and_then(|s| s.chars().next());
            !(before.is_some_and(is_word_char) && after.is_some_and(is_word_char))
        };
        if text.is_grapheme_boundary(start)
            && text.is_grapheme_boundary(end)
            && word_edge(start)
            && word_edge(end)
        {
            result.2 += 1;
        }
    }
    result
}

/// Converts raw documents to code points.
///
/// With `forced`, the file's unit is known, for the reason given. Otherwise the unit is chosen for
/// the whole file: UTF-16 only when it explains more spans than code points
/// do (matching span texts first, then spans in range, then spans on grapheme
/// and word boundaries). A warning says which unit was assumed whenever a
/// document has astral characters, where the two differ. Duplicate spans are
/// dropped with a warning.
///
/// # Errors
/// A span that is empty, reversed, out of range, splits a character, has
/// an empty (or blank) label, or whose stated text differs from the
/// document's text there.
pub(crate) fn resolve_documents(
    file: &str,
    raw: Vec<RawDocument>,
    forced: Option<(OffsetUnit, Key)>,
) -> Result<(Vec<ImportedDocument>, Vec<Msg>), ImportError> {
    resolve_documents_unit(file, raw, forced).map(|(documents, warnings, _)| (documents, warnings))
}

/// [`resolve_documents`], also returning the unit the file's offsets were
/// read in (formats keep it in their [`Source`] to find their entries again).
///
/// # Errors
/// As [`resolve_documents`].
pub(crate) fn resolve_documents_unit(
    file: &str,
    raw: Vec<RawDocument>,
    forced: Option<(OffsetUnit, Key)>,
) -> Result<(Vec<ImportedDocument>, Vec<Msg>, OffsetUnit), ImportError> {
    let texts: Vec<Text> = raw.iter().map(|doc| Text::new(&doc.text)).collect();
    let maps: Vec<Option<Utf16Index>> = raw
        .iter()
        .map(|doc| has_astral(&doc.text).then(|| Utf16Index::new(&doc.text)))
        .collect();
    let astral_docs = maps.iter().filter(|m| m.is_some()).count();
    let mut reason = Key::ReasonEitherWay;
    let unit = forced.map(|(unit, _)| unit).unwrap_or_else(|| {
        let total = |unit| {
            raw.iter()
                .zip(&texts)
                .zip(&maps)
                .fold((0, 0, 0), |acc, ((doc, text), map)| match map {
                    Some(map) => {
                        let s = score(text, Some(map), unit, &doc.spans);
                        (acc.0 + s.0, acc.1 + s.1, acc.2 + s.2)
                    }
                    None => acc,
                })
        };
        let (cp, utf16) = (total(OffsetUnit::CodePoints), total(OffsetUnit::Utf16));
        reason = if cp.0 != utf16.0 {
            Key::ReasonTextsMatch
        } else if cp.1 != utf16.1 {
            Key::ReasonInside
        } else if cp.2 != utf16.2 {
            Key::ReasonBoundaries
        } else {
            Key::ReasonEitherWay
        };
        if utf16 > cp {
            OffsetUnit::Utf16
        } else {
            OffsetUnit::CodePoints
        }
    });
    let mut warnings = Vec::new();
    if astral_docs > 0 {
        let why = forced.map_or(reason, |(_, why)| why);
        warnings.push(
            Msg::counted(Counted::OffsetsReadAs, astral_docs)
                .arg("file", file)
                .msg("unit", Msg::new(unit.describe()))
                .msg("why", Msg::new(why)),
        );
    }
    let mut documents = Vec::with_capacity(raw.len());
    let mut duplicates = 0;
    for ((doc, text), map) in raw.into_iter().zip(&texts).zip(&maps) {
        let mut spans = Vec::with_capacity(doc.spans.len());
        for span in doc.spans {
            let error = |key: Key| {
                let message = Msg::new(key)
                    .msg("place", span.place.clone())
                    .msg("range", range(span.start, span.end));
                ImportError::new(file, doc.line, message)
            };
            let (start, end) = convert(map.as_ref(), unit, span.start, span.end)
                .ok_or_else(|| error(Key::SpanSplitsCharacter))?;
            if start >= end || end > text.char_len() {
                let key = if start >= end {
                    Key::SpanEmpty
                } else {
                    Key::SpanPastEnd
                };
                let mut error = error(key);
                error.message = error
                    .message
                    .msg("length", Msg::counted(Counted::TextHas, text.char_len()));
                return Err(error);
            }
            if span.label.trim().is_empty() {
                // A workspace cannot hold a label without a name.
                return Err(error(Key::SpanEmptyLabel));
            }
            let actual = text.slice(start, end).unwrap_or_default();
            if let Some(expected) = &span.text
                && expected != actual
            {
                let mut error = error(Key::SpanTextDiffers);
                error.message = error
                    .message
                    .quoted("expected", expected.as_str())
                    .quoted("actual", actual);
                return Err(error);
            }
            spans.push(ImportedSpan {
                start,
                end,
                label: span.label,
                note: span.note,
                entity_id: span.entity_id,
                ..ImportedSpan::default()
            });
        }
        duplicates += dedupe_spans(&mut spans);
        documents.push(ImportedDocument {
            name: doc.name,
            text: doc.text,
            spans,
            done: false,
            source: doc.source,
            ..ImportedDocument::default()
        });
    }
    if duplicates > 0 {
        warnings.push(Msg::counted(Counted::DuplicatesDropped, duplicates).arg("file", file));
    }
    Ok((documents, warnings, unit))
}

/// Sorts spans as a document keeps them and drops exact duplicates (same
/// range and label); returns how many were dropped.
pub(crate) fn dedupe_spans(spans: &mut Vec<ImportedSpan>) -> usize {
    sort::sort_by(spans, |a, b| a.sort_key().cmp(&b.sort_key()));
    let before = spans.len();
    spans.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.label == b.label);
    before - spans.len()
}

/// Converts offsets a file wrote in some unit back to code points, for
/// finding a file's entries among a document's spans at export, and code
/// points to that unit, for writing them as the file did.
pub(crate) struct FileOffsets {
    /// The text's UTF-16 index, when the unit is UTF-16 and the text has
    /// astral characters.
    index: Option<Utf16Index>,
}

impl FileOffsets {
    /// Offsets of `unit` into `text`.
    pub(crate) fn new(unit: OffsetUnit, text: &str) -> Self {
        FileOffsets {
            index: (unit == OffsetUnit::Utf16 && has_astral(text)).then(|| Utf16Index::new(text)),
        }
    }

    /// The code point at a file offset, `None` inside a surrogate pair.
    pub(crate) fn code_point(&self, offset: usize) -> Option<usize> {
        match &self.index {
            Some(index) => index.cp(offset),
            None => Some(offset),
        }
    }

    /// The file offset of a code point.
    pub(crate) fn file_offset(&self, cp: usize) -> usize {
        match &self.index {
            Some(index) => index.utf16(cp),
            None => cp,
        }
    }
}

/// How the entries a file had for a document's spans map onto its spans at
/// export: see [`match_entries`].
pub(crate) struct SpanMatch {
    /// For each entry, the index of the span it stands for now, or `None`
    /// when that span was deleted.
    pub entries: Vec<Option<usize>>,
    /// Indices of spans no entry stands for (added in Wasim), in order.
    pub added: Vec<usize>,
}

/// Matches a file's span entries (`(start, end, label)` in code points;
/// `None` for an entry that cannot be read) with a document's spans: an
/// entry stands for the span with its range and label (several entries may
/// stand for one span, as when a file repeats a span); an entry left over
/// then stands for a span left over with the same range (it was
/// relabelled), one to one, the oldest first (the one read with the file:
/// its label renamed, it is still the entry's span, not one added beside
/// it with Shift+key, which took the entry's relations and id), and so do
/// the entries identical to it (range and label: two annotators' regions
/// shown as one span both follow its relabel). Spans left over were added.
pub(crate) fn match_entries(entries: &[Option<(usize, usize, &str)>], spans: &[Span]) -> SpanMatch {
    let exact: HashMap<(usize, usize, &str), usize> = spans
        .iter()
        .enumerate()
        .map(|(i, s)| ((s.start, s.end, s.label.as_str()), i))
        .collect();
    let mut covered = vec![false; spans.len()];
    let mut matched: Vec<Option<usize>> = entries
        .iter()
        .map(|entry| {
            let i = *exact.get(&(*entry)?)?;
            covered[i] = true;
            Some(i)
        })
        .collect();
    let mut by_range: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, span) in spans.iter().enumerate() {
        if !covered[i] {
            by_range.entry((span.start, span.end)).or_default().push(i);
        }
    }
    // Popped oldest first: newest at the front.
    for same in by_range.values_mut().filter(|same| same.len() > 1) {
        crate::core::sort::sort_by_key(same, |&i| std::cmp::Reverse(spans[i].id));
    }
    let mut relabelled: HashMap<(usize, usize, &str), usize> = HashMap::new();
    for (entry, slot) in entries.iter().zip(&mut matched) {
        if slot.is_some() {
            continue;
        }
        let Some(key @ (start, end, _)) = *entry else {
            continue;
        };
        if let Some(&i) = relabelled.get(&key) {
            // A twin of an entry already matched (the same span in two
            // annotators' annotations): it follows that span too.
            *slot = Some(i);
        } else if let Some(i) = by_range.get_mut(&(start, end)).and_then(Vec::pop) {
            covered[i] = true;
            relabelled.insert(key, i);
            *slot = Some(i);
        }
    }
    SpanMatch {
        entries: matched,
        added: (0..spans.len()).filter(|&i| !covered[i]).collect(),
    }
}

/// A non-empty string at `object[outer][inner]`, such as the document name
/// in doccano's and spaCy's `meta.name`.
pub(crate) fn nested_str<'a>(
    object: &'a Map<String, Value>,
    outer: &str,
    inner: &str,
) -> Option<&'a str> {
    object
        .get(outer)?
        .get(inner)?
        .as_str()
        .filter(|s| !s.trim().is_empty())
}

/// The name a document was given on import when its record had none (such
/// as `file.jsonl #2`), as a [`Source`] keeps it under `"generated_name"`.
pub(crate) fn generated_name(data: &Value) -> Option<&str> {
    data.get("generated_name").and_then(Value::as_str)
}

/// Writes a document's name to `record[outer][inner]` (creating `outer` as
/// an object at the end when missing; an `outer` that is not an object is
/// left alone). Nothing is written when `generated` is the name the import
/// made up for a record without one and the document still has it, so an
/// unchanged record is written as it was read.
pub(crate) fn write_name(
    record: &mut Map<String, Value>,
    outer: &str,
    inner: &str,
    name: &str,
    generated: Option<&str>,
) {
    if generated == Some(name) {
        return;
    }
    let holder = record
        .entry(outer.to_owned())
        .or_insert_with(|| Value::Object(Map::new()));
    if let Some(holder) = holder.as_object_mut() {
        holder.insert(inner.to_owned(), Value::String(name.to_owned()));
    }
}

/// A JSON object's value as an object, for the records a [`Source`] keeps.
pub(crate) fn object_of(value: Option<&Value>) -> Option<Map<String, Value>> {
    value.and_then(Value::as_object).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(text: &str, spans: &[(usize, usize, Option<&str>)]) -> RawDocument {
        RawDocument {
            name: "d".into(),
            text: text.into(),
            spans: spans
                .iter()
                .map(|&(start, end, t)| RawSpan {
                    start,
                    end,
                    label: "L".into(),
                    text: t.map(str::to_owned),
                    note: None,
                    entity_id: None,
                    place: Msg::new(Key::NoPlace),
                })
                .collect(),
            line: Some(1),
            source: None,
        }
    }

    fn labelled(mut doc: RawDocument, label: &str) -> RawDocument {
        for span in &mut doc.spans {
            span.label = label.into();
        }
        doc
    }

    #[test]
    fn detects_utf16_from_span_texts_and_boundaries() {
        // "😀 Ali": Ali is [2, 5) in code points and [3, 6) in UTF-16.
        let (docs, warnings) =
            resolve_documents("f", vec![raw("😀 Ali", &[(3, 6, Some("Ali"))])], None).expect("ok");
        assert_eq!((docs[0].spans[0].start, docs[0].spans[0].end), (2, 5));
        assert!(
            warnings[0].to_string().contains("UTF-16")
                && warnings[0].to_string().contains("texts match"),
            "{warnings:?}"
        );
        let (docs, warnings) =
            resolve_documents("f", vec![raw("😀 Ali", &[(2, 5, Some("Ali"))])], None).expect("ok");
        assert_eq!(docs[0].spans[0].start, 2);
        assert!(warnings[0].to_string().contains("code points"));
        // Without texts: [3, 6) in code points would run past the end.
        let (docs, _) =
            resolve_documents("f", vec![raw("😀 Ali", &[(3, 6, None)])], None).expect("ok");
        assert_eq!(docs[0].spans[0].start, 2);
        // Without astral characters nothing is said.
        let (_, warnings) =
            resolve_documents("f", vec![raw("x Ali", &[(2, 5, None)])], None).expect("ok");
        assert!(warnings.is_empty());
    }

    #[test]
    fn bad_spans_are_errors() {
        let cases = [
            (raw("abc", &[(1, 9, None)]), "past the end"),
            (raw("abc", &[(2, 2, None)]), "empty"),
            (raw("abc", &[(0, 1, Some("b"))]), "says its text"),
            (raw("😀x", &[(1, 3, None)]), "splits a character"),
            (labelled(raw("abc", &[(0, 1, None)]), ""), "empty label"),
            (
                labelled(raw("abc", &[(0, 1, None)]), " \u{a0}"),
                "empty label",
            ),
        ];
        for (doc, expected) in cases {
            let forced = expected
                .contains("splits")
                .then_some((OffsetUnit::Utf16, Key::ReasonEitherWay));
            let error = resolve_documents("f", vec![doc], forced).expect_err("error");
            assert!(error.message.to_string().contains(expected), "{error}");
        }
    }

    /// Issue 8: a span with an empty label used to import, and adding the
    /// documents then failed in `import_edit` ("label #5 has an empty name")
    /// with no file or line. Each JSON importer now says where it is.
    #[test]
    fn empty_labels_are_import_errors() {
        use crate::core::formats::{Format, doccano, label_studio, spacy};
        let file = |name: &str, text: &str| InputFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        };
        let cases: [(&dyn Format, InputFile, &str); 4] = [
            (
                &spacy::Spacy,
                file(
                    "s.jsonl",
                    r#"{"text": "Paris x", "spans": [{"start": 0, "end": 5, "label": "", "kb_id": "Q71"}]}"#,
                ),
                "line 1",
            ),
            (
                &doccano::Doccano,
                file("d.jsonl", r#"{"text": "Paris x", "label": [[0, 5, " "]]}"#),
                "line 1",
            ),
            (
                &doccano::Doccano,
                file(
                    "d.jsonl",
                    r#"{"text": "Paris x", "entities": [{"start_offset": 0, "end_offset": 5, "label": ""}]}"#,
                ),
                "line 1",
            ),
            (
                &label_studio::LabelStudio,
                file(
                    "ls.json",
                    r#"[{"data": {"text": "Paris x"}, "annotations": [{"result": [{"type": "labels", "value": {"start": 0, "end": 5, "labels": [""]}}]}]}]"#,
                ),
                "task 1",
            ),
        ];
        for (format, input, place) in cases {
            let error = format.import(&input).expect_err(format.id());
            let message = error.to_string();
            assert!(
                message.contains("span [0, 5) has an empty label") && message.contains(place),
                "{}: {message}",
                format.id()
            );
        }
    }

    #[test]
    fn context_cuts_whole_graphemes() {
        assert_eq!(base_name("a/b.txt"), "a_b");
        assert_eq!(base_name(""), "document");
        // Names inside an archive are cleaned as the download's is.
        assert_eq!(base_name("\u{202E}txt.exe.txt"), "txt.exe");
        assert_eq!(base_name("CON.txt"), "_CON");
        assert_eq!(base_name("نص \u{200F}عربي.txt"), "نص عربي");
        let six = Arg::some_of(&[1, 2, 3, 4, 5, 6]).render(crate::core::i18n::Lang::En);
        assert_eq!(six, "1, 2, 3, 4, 5 and 1 more");
    }
}
