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
//! A record's `meta.name` is the document's name; without it the name is
//! made up from the file name.
//!
//! Export writes JSONL with `text`, `spans` (`start`, `end`, `label`,
//! `text`, `kb_id` when the span has an entity id, `token_start` and
//! `token_end`), `tokens` (`text`, `start`, `end`, `id`, `ws`: see
//! [`export_tokens`]; every span falls on token boundaries, so spaCy's
//! `Doc(vocab, words, spaces).char_span(start, end)` finds it even after a
//! proclitic, العراق in بالعراق) and `meta.name`.
//!
//! **What was read is what is written.** A document read from a JSONL record
//! keeps the record in its [`Source`] (`"record"` with the text taken out,
//! and `"generated_name"` when the name was made up). Exporting it to spaCy
//! writes that record again, key order kept, with its spans brought up to
//! date: `meta`, `_input_hash`, `_task_hash`, `answer` and any other field
//! stay; a span entry whose span is still there keeps its other keys (`id`,
//! `source`, `score`…; a relabelled span keeps its entry), entries of
//! deleted spans go, spans added in Wasim are appended. The record's
//! `tokens` stay unless a span no longer falls on them: then each token a
//! span starts or ends inside is split there (see `split_tokens`; only an
//! edge between tokens has them replaced by [`export_tokens`]), every span
//! gets `token_start`/`token_end`, and the export says in which documents;
//! a record without `tokens` gets none. `meta.name` is written
//! when the record had one or the document was renamed. Records Prodigy
//! rejected or ignored are not documents and are not written.
//!
//! A record on a line of its own also keeps where it sat in its file
//! (`"jsonl"`, see [`super::common::jsonl_layouts`]): its exact line when
//! that is not its compact form (Python's `json.dumps` spacing, `\uXXXX`
//! escapes), the line end and blank lines after it, the file's BOM and
//! CRLF style. A record whose export equals the record read (as JSON
//! values) is written as that line, so a file whose documents are all
//! exported unchanged and in order comes back byte for byte (but for
//! rejected or ignored records), and an edit rewrites only its own record,
//! compact, with the file's line end. A whole-file JSON array or a
//! pretty-printed object comes back as the same values, one compact record
//! per line.

use std::collections::HashMap;

use serde_json::{Map, Value, json};
use unicode_segmentation::UnicodeSegmentation;

use super::common::{
    BOM, OffsetUnit, RawDocument, RawSpan, Record, added_documents, dropped_extras, generated_name,
    jsonl_file_kept, jsonl_layouts, match_entries, nested_str, nonempty_records, numbered_name,
    object_of, offset_field, place_in, record_place, resolve_documents, span_text, write_name,
    written_as_read,
};
use super::iob::{TaggedDocument, TaggedToken, decode_documents};
use super::types::{ExportOptions, Exported, Format, ImportError, Imported, InputFile};
use crate::core::i18n::{Arg, Counted, Key, Msg};
use crate::core::json;
use crate::core::model::{Document, Label, Source, Span};

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
        let (text, records) = nonempty_records(file, Key::SpacyNoRecords)?;
        if records.iter().any(|r| r.value.get("paragraphs").is_some()) {
            return import_v2(name, &records);
        }
        let count = records.len();
        let mut raw = Vec::with_capacity(count);
        let (mut skipped, mut token_mismatches) = (0, 0);
        let layouts = jsonl_layouts(&text, file.bytes.starts_with(BOM.as_bytes()), &records);
        for (record, layout) in records.iter().zip(layouts) {
            let answer = record.value.get("answer").and_then(Value::as_str);
            if matches!(answer, Some("reject" | "ignore")) {
                skipped += 1;
                continue;
            }
            let (mut doc, mismatches) = read_record(name, record, count)?;
            if let Some(Value::Object(data)) = doc.source.as_mut().map(|s| &mut s.data)
                && let Some(layout) = layout.filter(|l| !l.is_null())
            {
                data.insert("jsonl".into(), layout);
            }
            token_mismatches += mismatches;
            raw.push(doc);
        }
        let (documents, mut warnings) =
            resolve_documents(name, raw, Some((OffsetUnit::CodePoints, Key::ReasonSpacy)))?;
        if skipped > 0 {
            warnings.push(Msg::counted(Counted::ProdigySkipped, skipped).arg("file", name));
        }
        if token_mismatches > 0 {
            warnings
                .push(Msg::counted(Counted::TokensDisagree, token_mismatches).arg("file", name));
        }
        Ok(added_documents(documents, warnings))
    }

    fn export(
        &self,
        _labels: &[Label],
        documents: &[&Document],
        _options: ExportOptions,
    ) -> Exported {
        let mut split = Vec::new();
        let record = |doc: &Document| {
            let (record, retokenized) = export_record(doc);
            if retokenized {
                split.push(Arg::Quoted(doc.name.clone()));
            }
            Value::Object(record)
        };
        let file = jsonl_file_kept("wasim-spacy.jsonl", documents, ID, record);
        let mut warnings: Vec<Msg> = dropped_extras("spaCy JSONL", documents, |_, _| false, true)
            .into_iter()
            .collect();
        if !split.is_empty() {
            warnings.push(Msg::new(Key::SpacyTokensSplit).with("documents", Arg::List(split)));
        }
        Exported { file, warnings }
    }
}

/// A token of an export: a code point range, and whether one space (U+0020)
/// follows it (spaCy's `whitespace_`, Prodigy's `ws`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExportToken {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Whether a single space follows (not part of the token).
    pub ws: bool,
}

/// Tokens for spaCy: words, numbers and emoji whole (Unicode word
/// boundaries, UAX #29, so tashkeel stays on its letter), each punctuation
/// mark alone, **split at every span boundary** (so a span after a proclitic,
/// العراق in بالعراق, is whole tokens), and whitespace as spaCy has it: one
/// space after a token is its `ws`, any other whitespace run (line breaks,
/// tabs, CRLF, extra or leading spaces) is a token of its own. Joining each
/// token's text with a space where `ws` is set gives back `text` exactly, and
/// every span starts at a token's start and ends at a token's end.
pub fn export_tokens(text: &str, spans: &[Span]) -> Vec<ExportToken> {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let mut cut = vec![false; n + 1];
    let mut span_start = vec![false; n + 1];
    let mut span_end = vec![false; n + 1];
    let mut cp = 0;
    for segment in text.split_word_bounds() {
        cut[cp] = true;
        cp += segment.chars().count();
    }
    cut[n] = true;
    for span in spans.iter().filter(|s| s.start < s.end && s.end <= n) {
        cut[span.start] = true;
        cut[span.end] = true;
        span_start[span.start] = true;
        span_end[span.end] = true;
    }
    let is_space = |start: usize, end: usize| chars[start..end].iter().all(|c| c.is_whitespace());
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut from = 0;
    for to in (1..=n).filter(|&to| cut[to]) {
        match pieces.last_mut() {
            Some(last)
                if is_space(last.0, last.1)
                    && is_space(from, to)
                    && !span_start[from]
                    && !span_end[from] =>
            {
                last.1 = to;
            }
            _ => pieces.push((from, to)),
        }
        from = to;
    }
    let mut tokens: Vec<ExportToken> = Vec::with_capacity(pieces.len());
    for (start, end) in pieces {
        let trailing_space = chars[start] == ' '
            && is_space(start, end)
            && !span_start[start]
            && !span_end[start + 1];
        match tokens.last_mut() {
            Some(previous) if trailing_space && !previous.ws => {
                previous.ws = true;
                if end > start + 1 {
                    tokens.push(ExportToken {
                        start: start + 1,
                        end,
                        ws: false,
                    });
                }
            }
            _ => tokens.push(ExportToken {
                start,
                end,
                ws: false,
            }),
        }
    }
    tokens
}

/// Prodigy's `tokens` list for `tokens` of `text`.
fn tokens_json(text: &str, tokens: &[ExportToken]) -> Vec<Value> {
    let chars: Vec<char> = text.chars().collect();
    tokens
        .iter()
        .enumerate()
        .map(|(id, t)| {
            json!({
                "text": chars[t.start..t.end].iter().collect::<String>(),
                "start": t.start,
                "end": t.end,
                "id": id,
                "ws": t.ws,
            })
        })
        .collect()
}

/// Token indices by start and by end offset.
struct TokenIndex {
    by_start: HashMap<u64, usize>,
    by_end: HashMap<u64, usize>,
}

impl TokenIndex {
    fn new(bounds: impl Iterator<Item = Option<(u64, u64)>>) -> Self {
        let mut index = TokenIndex {
            by_start: HashMap::new(),
            by_end: HashMap::new(),
        };
        for (i, bound) in bounds.enumerate() {
            if let Some((start, end)) = bound {
                index.by_start.entry(start).or_insert(i);
                index.by_end.insert(end, i);
            }
        }
        index
    }

    /// `(token_start, token_end)` (inclusive) of a span on token boundaries.
    fn of(&self, span: &Span) -> Option<(usize, usize)> {
        let first = *self.by_start.get(&(span.start as u64))?;
        let last = *self.by_end.get(&(span.end as u64))?;
        (first <= last).then_some((first, last))
    }
}

/// A new span entry.
fn span_json(doc: &Document, span: &Span, tokens: Option<&TokenIndex>) -> Value {
    let mut entry = Map::new();
    entry.insert("start".into(), json!(span.start));
    entry.insert("end".into(), json!(span.end));
    entry.insert("label".into(), json!(span.label));
    entry.insert("text".into(), json!(span_text(doc, span)));
    if let Some(id) = &span.entity_id {
        entry.insert("kb_id".into(), json!(id));
    }
    if let Some((first, last)) = tokens.and_then(|t| t.of(span)) {
        entry.insert("token_start".into(), json!(first));
        entry.insert("token_end".into(), json!(last));
    }
    Value::Object(entry)
}

/// The record of one document: the record it was read from with its spans
/// brought up to date when it came from a spaCy file (see the module
/// documentation), else a new one with tokens.
fn export_record(doc: &Document) -> (Map<String, Value>, bool) {
    let text = doc.text.as_str();
    let data = doc.source_data(ID);
    let Some(mut record) = object_of(data.and_then(|d| d.get("record"))) else {
        let tokens = export_tokens(text, &doc.spans);
        let index = TokenIndex::new(tokens.iter().map(|t| Some((t.start as u64, t.end as u64))));
        let mut record = Map::new();
        record.insert("text".into(), json!(text));
        let spans = doc
            .spans
            .iter()
            .map(|s| span_json(doc, s, Some(&index)))
            .collect();
        record.insert("spans".into(), Value::Array(spans));
        record.insert("tokens".into(), Value::Array(tokens_json(text, &tokens)));
        write_name(&mut record, "meta", "name", &doc.name, None);
        return (record, false);
    };
    record.insert("text".into(), json!(text));
    let items = record
        .get("spans")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let keys: Vec<Option<(usize, usize, &str)>> = items
        .iter()
        .map(|item| {
            let offset = |k: &str| {
                item.get(k)
                    .and_then(json::whole)
                    .and_then(|n| usize::try_from(n).ok())
            };
            Some((
                offset("start")?,
                offset("end")?,
                item.get("label")?.as_str()?,
            ))
        })
        .collect();
    let matched = match_entries(&keys, &doc.spans);
    // The file's tokens stay unless a span no longer falls on them: then
    // the tokens a span cuts are split there, the others kept as they are
    // (ids renumbered); only a span edge between tokens has them made anew.
    let mut retokenized = false;
    let index = match record.get("tokens").and_then(Value::as_array) {
        Some(tokens) => {
            let index = TokenIndex::new(tokens.iter().map(token_bounds));
            // Tokens that no longer say the text they cover (a Wasim JSON
            // file whose text was edited by hand) are made anew.
            let fit = tokens.iter().all(|t| token_fits(doc, t));
            if fit && doc.spans.iter().all(|s| index.of(s).is_some()) {
                Some(index)
            } else {
                let tokens = split_tokens(doc, tokens)
                    .filter(|_| fit)
                    .unwrap_or_else(|| tokens_json(text, &export_tokens(text, &doc.spans)));
                let index = TokenIndex::new(tokens.iter().map(token_bounds));
                record.insert("tokens".into(), Value::Array(tokens));
                retokenized = true;
                Some(index)
            }
        }
        None => None,
    };
    let mut spans = Vec::with_capacity(doc.spans.len());
    for (item, fate) in items.iter().zip(&matched.entries) {
        let (Some(i), Some(object)) = (fate, item.as_object()) else {
            continue;
        };
        let span = &doc.spans[*i];
        let mut object = object.clone();
        object.insert("start".into(), json!(span.start));
        object.insert("end".into(), json!(span.end));
        object.insert("label".into(), json!(span.label));
        if object.contains_key("text") {
            object.insert("text".into(), json!(span_text(doc, span)));
        }
        match &span.entity_id {
            Some(id) => {
                object.insert("kb_id".into(), json!(id));
            }
            None => {
                if object
                    .get("kb_id")
                    .and_then(Value::as_str)
                    .is_some_and(|id| !id.is_empty())
                {
                    object.shift_remove("kb_id");
                }
            }
        }
        if let Some((first, last)) = index.as_ref().and_then(|t| t.of(span))
            && (retokenized || object.contains_key("token_start"))
        {
            object.insert("token_start".into(), json!(first));
            object.insert("token_end".into(), json!(last));
        }
        spans.push(written_as_read(item, Value::Object(object)));
    }
    spans.extend(
        matched
            .added
            .iter()
            .map(|&i| span_json(doc, &doc.spans[i], index.as_ref())),
    );
    if record.contains_key("spans") || !spans.is_empty() {
        record.insert("spans".into(), Value::Array(spans));
    }
    write_name(
        &mut record,
        "meta",
        "name",
        &doc.name,
        data.and_then(generated_name),
    );
    (record, retokenized)
}

/// The file's `tokens` with each one a span starts or ends inside split
/// there: the pieces copy the token's other fields, the last keeps its
/// `ws`, and every `id` is renumbered. `None` when a token cannot be read
/// or a span edge falls between tokens.
fn split_tokens(doc: &Document, tokens: &[Value]) -> Option<Vec<Value>> {
    let mut edges: Vec<u64> = doc
        .spans
        .iter()
        .flat_map(|s| [s.start as u64, s.end as u64])
        .collect();
    crate::core::sort::sort_by(&mut edges, |a, b| a.cmp(b));
    let mut out = Vec::with_capacity(tokens.len() + edges.len());
    for token in tokens {
        let (start, end) = token_bounds(token)?;
        let cuts = edges.iter().copied().filter(|&e| start < e && e < end);
        let mut from = start;
        for to in cuts.chain([end]) {
            if to == from {
                continue;
            }
            let mut piece = token.as_object()?.clone();
            let piece_text = doc
                .text
                .slice(usize::try_from(from).ok()?, usize::try_from(to).ok()?)?;
            piece.insert("text".into(), json!(piece_text));
            piece.insert("start".into(), json!(from));
            piece.insert("end".into(), json!(to));
            if to != end && piece.contains_key("ws") {
                piece.insert("ws".into(), json!(false));
            }
            out.push(Value::Object(piece));
            from = to;
        }
    }
    for (id, token) in out.iter_mut().enumerate() {
        if let Some(object) = token.as_object_mut().filter(|o| o.contains_key("id")) {
            object.insert("id".into(), json!(id));
        }
    }
    let index = TokenIndex::new(out.iter().map(token_bounds));
    doc.spans
        .iter()
        .all(|s| index.of(s).is_some())
        .then_some(out)
}

/// A token's `(start, end)` from a Prodigy `tokens` entry.
fn token_bounds(token: &Value) -> Option<(u64, u64)> {
    Some((
        json::whole(token.get("start")?)?,
        json::whole(token.get("end")?)?,
    ))
}

/// Whether a kept token still covers the text it says (when it says one)
/// and lies inside the document's text.
fn token_fits(doc: &Document, token: &Value) -> bool {
    let Some((start, end)) = token_bounds(token) else {
        return true;
    };
    let (Ok(start), Ok(end)) = (usize::try_from(start), usize::try_from(end)) else {
        return false;
    };
    let Some(covered) = doc.text.slice(start, end) else {
        return false;
    };
    token
        .get("text")
        .and_then(Value::as_str)
        .is_none_or(|said| said == covered)
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
        span.get("token_start").and_then(json::whole),
        span.get("token_end").and_then(json::whole),
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
    let error = |key: Key| ImportError::new(file, line, Msg::new(key).msg("place", place.clone()));
    let object = record
        .value
        .as_object()
        .ok_or_else(|| error(Key::SpacyNotObject))?;
    let text = object
        .get("text")
        .and_then(Value::as_str)
        .ok_or_else(|| error(Key::SpacyNoText))?;
    let tokens = object.get("tokens").and_then(Value::as_array);
    let items = match object.get("spans") {
        None | Some(Value::Null) => &Vec::new(),
        Some(Value::Array(items)) => items,
        Some(_) => {
            return Err(error(Key::SpacySpansList));
        }
    };
    let mut spans = Vec::with_capacity(items.len());
    let mut mismatches = 0;
    for (i, item) in items.iter().enumerate() {
        let where_ = place_in(&place, Key::PlaceSpan, i + 1);
        let span = item.as_object().ok_or_else(|| {
            let message = Msg::new(Key::SpacySpanNotObject).msg("place", where_.clone());
            ImportError::new(file, line, message)
        })?;
        let start = offset_field(file, line, item, "start", &where_)?;
        let end = offset_field(file, line, item, "end", &where_)?;
        let label = span.get("label").and_then(Value::as_str).ok_or_else(|| {
            let message = Msg::new(Key::MustBeString)
                .msg("place", where_.clone())
                .arg("key", "label");
            ImportError::new(file, line, message)
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
    let generated = numbered_name(file, record.index, count);
    let own_name = nested_str(object, "meta", "name");
    let mut kept = object.clone();
    kept.insert("text".into(), Value::Null);
    let mut data = Map::new();
    data.insert("record".into(), Value::Object(kept));
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
        mismatches,
    ))
}

/// Reads spaCy v2's JSON training format.
fn import_v2(file: &str, records: &[Record]) -> Result<Imported, ImportError> {
    let mut raw = Vec::with_capacity(records.len());
    for record in records {
        let error = |key: Key| {
            let message = Msg::new(key).num("n", record.index);
            ImportError::new(file, None, message)
        };
        let paragraphs = record
            .value
            .get("paragraphs")
            .and_then(Value::as_array)
            .ok_or_else(|| error(Key::SpacyNoParagraphs))?;
        let mut sentences = Vec::new();
        for paragraph in paragraphs {
            let items = paragraph
                .get("sentences")
                .and_then(Value::as_array)
                .ok_or_else(|| error(Key::SpacyNoSentences))?;
            for sentence in items {
                let tokens = sentence
                    .get("tokens")
                    .and_then(Value::as_array)
                    .ok_or_else(|| error(Key::SpacyNoTokens))?;
                let mut row = Vec::with_capacity(tokens.len());
                for token in tokens {
                    let orth = token
                        .get("orth")
                        .and_then(Value::as_str)
                        .ok_or_else(|| error(Key::SpacyNoOrth))?;
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
        let name = numbered_name(file, record.index, records.len());
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

    use crate::core::formats::import_edit;
    use crate::core::model::Workspace;

    /// Imports `file` and exports every document of it, after `edit`.
    fn round_trip(file: &str, edit: impl FnOnce(&mut Workspace)) -> String {
        let mut ws = Workspace::default();
        let (imported, _) = import_edit(&mut ws, import(file).expect("imports")).expect("valid");
        imported.apply(&mut ws).expect("applies");
        edit(&mut ws);
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        let out = Spacy.export(&ws.labels, &docs, ExportOptions::default());
        String::from_utf8(out.file.bytes).expect("UTF-8")
    }

    #[test]
    fn an_unchanged_file_comes_back_byte_for_byte() {
        let files = [
            // Python's json.dumps: spaces after , and :, \uXXXX escapes.
            "{\"text\": \"\\u0632\\u0627\\u0631 \\u0639\\u0644\\u064a\", \"spans\": [{\"start\": 4, \"end\": 7, \"label\": \"PER\"}], \"_input_hash\": -1}\n",
            // A BOM, CRLF, a blank line and no newline after the last line.
            "\u{FEFF}{\"text\": \"a b\", \"spans\": [], \"tokens\": [{\"text\": \"a\", \"start\": 0, \"end\": 1, \"id\": 0}, {\"text\": \"b\", \"start\": 2, \"end\": 3, \"id\": 1}]}\r\n\r\n{ \"text\" : \"x\" }",
            "{\"text\":\"x\",\"spans\":[]}\n\n",
        ];
        for file in files {
            assert_eq!(round_trip(file, |_| {}), file);
        }
    }

    #[test]
    fn a_relabel_rewrites_only_its_line() {
        let file = "{\"text\": \"Ali\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PER\", \"text\": \"Ali\"}]}\r\n{\"text\": \"\\u0639\\u0644\\u064a\", \"spans\": [{\"start\": 0, \"end\": 3, \"label\": \"PER\"}], \"answer\": \"accept\"}\r\n";
        let out = round_trip(file, |ws| {
            std::sync::Arc::make_mut(&mut ws.documents[1]).spans[0].label = "LOC".into();
        });
        let before: Vec<&str> = file.split("\r\n").collect();
        let after: Vec<&str> = out.split("\r\n").collect();
        assert_eq!((after.len(), after[0], after[2]), (3, before[0], ""));
        assert_eq!(
            after[1],
            "{\"text\":\"علي\",\"spans\":[{\"start\":0,\"end\":3,\"label\":\"LOC\"}],\"answer\":\"accept\"}"
        );
    }

    #[test]
    fn tokens_that_no_longer_say_their_text_are_made_anew() {
        // A Wasim JSON file whose text was edited by hand (محمد → أحمد)
        // keeps the record it was read from: its token still said «محمد».
        let file = r#"{"text": "ذهب محمد", "spans": [{"start": 4, "end": 8, "label": "PER"}], "tokens": [{"text": "ذهب", "start": 0, "end": 3, "id": 0, "ws": true}, {"text": "محمد", "start": 4, "end": 8, "id": 1, "ws": false}]}"#;
        let out = round_trip(file, |ws| {
            std::sync::Arc::make_mut(&mut ws.documents[0]).text =
                crate::core::text::Text::new("ذهب أحمد");
        });
        let record: Value = serde_json::from_str(out.trim()).expect("json");
        let texts: Vec<&str> = record["tokens"]
            .as_array()
            .expect("tokens")
            .iter()
            .filter_map(|t| t["text"].as_str())
            .collect();
        assert_eq!(texts, ["ذهب", "أحمد"]);
        assert_eq!(record["text"], "ذهب أحمد");
    }

    #[test]
    fn rejected_records_leave_the_other_lines_as_they_were() {
        let file =
            "{\"text\": \"a\"}\r\n{\"text\": \"b\", \"answer\": \"reject\"}\r\n{\"text\": \"c\"}";
        assert_eq!(
            round_trip(file, |_| {}),
            "{\"text\": \"a\"}\r\n{\"text\": \"c\"}"
        );
    }

    #[test]
    fn a_span_inside_a_token_splits_that_token_only_and_says_so() {
        let record = r#"{"text": "ذهب محمد بالعراق أمس", "spans": [{"start": 4, "end": 8, "label": "PER", "token_start": 1, "token_end": 1}], "tokens": [{"text": "ذهب", "start": 0, "end": 3, "id": 0, "ws": true, "pos": "V"}, {"text": "محمد", "start": 4, "end": 8, "id": 1, "ws": true}, {"text": "بالعراق", "start": 9, "end": 16, "id": 2, "ws": true, "pos": "N"}, {"text": "أمس", "start": 17, "end": 20, "id": 3, "ws": false}]}"#;
        let mut ws = crate::core::model::Workspace::default();
        let (edit, _) = crate::core::formats::import_edit(&mut ws, import(record).expect("reads"))
            .expect("valid");
        edit.apply(&mut ws).expect("applies");
        let mut doc = (*ws.documents[0]).clone();
        doc.spans.push(ws.new_span(10, 16, "LOC"));
        let exported = Spacy.export(&ws.labels, &[&doc], ExportOptions::default());
        let out: Value = serde_json::from_slice(&exported.file.bytes).expect("json");
        let tokens: Vec<(String, u64, u64, bool)> = out["tokens"]
            .as_array()
            .expect("tokens")
            .iter()
            .enumerate()
            .map(|(i, t)| {
                assert_eq!(t["id"], json!(i));
                let text = t["text"].as_str().unwrap_or_default().to_owned();
                (
                    text,
                    t["start"].as_u64().unwrap_or(0),
                    t["end"].as_u64().unwrap_or(0),
                    t["ws"] == json!(true),
                )
            })
            .collect();
        let expected = [
            ("ذهب", 0, 3, true),
            ("محمد", 4, 8, true),
            ("ب", 9, 10, false),
            ("العراق", 10, 16, true),
            ("أمس", 17, 20, false),
        ];
        let expected: Vec<(String, u64, u64, bool)> = expected
            .iter()
            .map(|(t, s, e, w)| ((*t).to_owned(), *s, *e, *w))
            .collect();
        assert_eq!(tokens, expected);
        // The split token's other fields go with both pieces; the rest stay.
        assert_eq!(out["tokens"][0]["pos"], json!("V"));
        assert_eq!(
            (&out["tokens"][2]["pos"], &out["tokens"][3]["pos"]),
            (&json!("N"), &json!("N"))
        );
        let spans = &out["spans"];
        assert_eq!(
            (&spans[0]["token_start"], &spans[0]["token_end"]),
            (&json!(1), &json!(1))
        );
        assert_eq!(
            (&spans[1]["token_start"], &spans[1]["token_end"]),
            (&json!(3), &json!(3))
        );
        let warnings: Vec<String> = exported.warnings.iter().map(ToString::to_string).collect();
        assert_eq!(
            warnings,
            [
                "spaCy JSONL: the file's tokens were split where a span now starts or ends inside one, in \"s.jsonl\""
            ]
        );
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
        let warnings: Vec<String> = imported.warnings.iter().map(ToString::to_string).collect();
        let warnings = warnings.join("\n");
        assert!(warnings.contains("code points"), "{warnings}");
        assert!(warnings.contains("1 record answered"));
        assert!(warnings.contains("in 1 span token_start"));
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
