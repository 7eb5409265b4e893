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
//! **Who annotated.** A document may carry its `annotator`; a document
//! merged from several annotators' work for adjudication carries its `team`,
//! and each of its spans the `annotators` who proposed it and whether a
//! curator `accepted` it. All four are optional and written only when set.
//!
//! **Versions.** Version 2 adds an optional per-document `source`: the
//! format a document was imported from and that format's record of the
//! file's layout and of what Wasim does not model (`{"format": "conll",
//! "data": {…}}`), so that exporting it to that format again writes the same
//! file. Version 1 files (no `source`) are still read.

use serde::{Deserialize, Serialize};

use super::common::{invalid_json, range};
use super::prepared::Prepared;
use super::types::{
    ExportOptions, Exported, Format, ImportError, ImportMode, Imported, ImportedDocument,
    ImportedSpan, InputFile, OutputFile, TeamData,
};
use super::wasim_fields::Unknown;
use crate::core::i18n::{Arg, Counted, Key, Msg};
use crate::core::json;
use crate::core::model::{Document, Label, LabelRecord, Source, checked_labels, new_label_color};
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
    labels: Vec<LabelRecord>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    annotator: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    team: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct SpanRepr {
    #[serde(deserialize_with = "crate::core::json::whole_usize")]
    start: usize,
    #[serde(deserialize_with = "crate::core::json::whole_usize")]
    end: usize,
    label: String,
    text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    entity_id: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    annotators: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    accepted: bool,
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
            labels: labels.iter().map(LabelRecord::from).collect(),
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
                label: span.label.to_string(),
                text: doc
                    .text
                    .slice(span.start, span.end)
                    .unwrap_or_default()
                    .to_owned(),
                note: span.note.clone(),
                entity_id: span.entity_id.clone(),
                annotators: span.annotators.clone(),
                accepted: span.accepted,
            })
            .collect(),
        source: doc.source.as_deref().cloned(),
        annotator: doc.annotator.clone(),
        team: doc.team.clone(),
    }
}

impl Format for WasimJson {
    fn team_data(&self) -> TeamData {
        TeamData::Kept
    }

    fn id(&self) -> &'static str {
        ID
    }

    fn name(&self) -> &'static str {
        "Wasim JSON"
    }

    fn import(&self, file: &InputFile) -> Result<Imported, ImportError> {
        let name = file.name.as_str();
        let text = crate::core::text::decode_utf8(&file.bytes).map_err(|error| {
            let message = Msg::new(Key::CannotReadFile).msg("error", error.msg());
            ImportError::new(name, None, message)
        })?;
        let value: serde_json::Value = json::parse(&text)
            .map_err(|error| ImportError::new(name, Some(error.line()), invalid_json(&error)))?;
        match value.get("format").and_then(|f| f.as_str()) {
            Some(FORMAT_TAG) => {}
            Some(other) => {
                let message = Msg::new(Key::WasimUnknownFormat).quoted("format", other);
                return Err(ImportError::new(name, None, message));
            }
            None => {
                return Err(ImportError::new(name, None, Key::WasimNoFormat));
            }
        }
        match value.get("version").and_then(|v| v.as_u64()) {
            Some(v) if READS.contains(&v) => {}
            _ => {
                // As the file writes it (a missing one as nothing at all).
                let version = match value.get("version") {
                    Some(v) => v.to_string(),
                    None => "—".to_owned(),
                };
                let message = Msg::new(Key::WasimVersion)
                    .arg("version", version)
                    .num("latest", VERSION as usize);
                return Err(ImportError::new(name, None, message));
            }
        }
        // Parsed again from the text rather than from `value`: see `json`.
        let repr: FileRepr = json::parse(&text).map_err(|error| {
            let message = Msg::new(Key::WasimInvalid).msg("error", json::describe(&error));
            ImportError::new(name, None, message)
        })?;
        let mut documents = Vec::with_capacity(repr.documents.len());
        for doc in repr.documents {
            documents.push(import_document(name, doc)?);
        }
        if repr.open.is_some_and(|open| open >= documents.len()) {
            return Err(ImportError::new(name, None, Key::WasimOpen));
        }
        let (mut labels, mut warnings) = checked_labels(repr.labels, &Arg::Plain(name.to_owned()));
        let mut unknown = Unknown::default();
        unknown.file(&value);
        warnings.extend(unknown.warning(name));
        let used = documents
            .iter()
            .flat_map(|d| d.spans.iter().map(|s| s.label.as_str()));
        warnings.extend(define_used(&mut labels, used, name));
        // Refused here, naming the file (a name of white space only was
        // refused later, as "Could not import", with no file named).
        crate::core::model::validate_incoming_labels(&labels)
            .map_err(|e| ImportError::new(name, None, e))?;
        Ok(Imported {
            mode: ImportMode::ReplaceWorkspace,
            labels,
            listed_labels: Vec::new(),
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

/// A Wasim file read a document at a time, so that a workspace of ten
/// thousand articles imports in steps (see [`crate::core::import_job`]).
///
/// [`Reading::step`] walks the file's top-level object token by token:
/// every value is parsed by `serde_json` (so its syntax is checked as
/// strictly as a whole-file parse would), the documents one by one, each
/// built as soon as it is read; the walk stops when a budget of bytes is
/// spent and resumes where it stopped. Whatever does not read this way (a
/// broken or unusual file, a bad document, a wrong format or version, JSON
/// of another format) is given back to be read whole as any file is, so
/// that the result and every error message are exactly the same either way.
pub struct Reading {
    name: String,
    bytes: Vec<u8>,
    /// Where the walk is in `bytes`, and their number.
    at: usize,
    len: usize,
    walk: Walk,
    /// The top-level fields other than the documents: name and where their
    /// value lies in `bytes`.
    head: Vec<(String, std::ops::Range<usize>)>,
    /// Whether the documents were met (they must be, once).
    documents: bool,
    prepared: Prepared,
    /// The fields met that this version does not read.
    unknown: Unknown,
}

/// Where the walk of a Wasim file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Walk {
    /// Before the top-level `{`.
    Start,
    /// Before a key (`first`: or the `}` of an empty object).
    Key { first: bool },
    /// After a field's value: before `,` or `}`.
    AfterField,
    /// In the documents: before a document (`first`: or the `]` of none).
    Document { first: bool },
    /// After a document: before `,` or `]`.
    AfterDocument,
    /// After the top-level `}`.
    End,
}

/// What [`Reading::step`] ends with.
pub enum Read {
    /// The workspace, read.
    Done(Prepared),
    /// Not a workspace that reads in steps: the file, given back.
    Whole(InputFile),
}

/// Adds to `labels` each label a span uses (`used`, in file order) that
/// the workspace file does not define, with the next new colour, and says
/// which: a hand-edited file loads, and nothing is dropped unsaid.
fn define_used<'a>(
    labels: &mut Vec<Label>,
    used: impl Iterator<Item = &'a str>,
    file: &str,
) -> Option<Msg> {
    let mut added: Vec<&str> = Vec::new();
    for name in used {
        if labels.iter().all(|l| l.name != name) {
            added.push(name);
            labels.push(Label {
                name: name.to_owned(),
                color: new_label_color(labels.len()).to_owned(),
                key: None,
                description: String::new(),
            });
        }
    }
    (!added.is_empty()).then(|| {
        Msg::counted(Counted::WasimUndefinedLabels, added.len())
            .arg("file", file)
            .with("labels", Arg::some_of(&added))
    })
}
/// How [`Reading::start`] went.
pub enum Start {
    /// A file that may be a Wasim workspace, to be read in steps.
    Reading(Box<Reading>),
    /// Not one that reads in steps: the file, given back.
    Whole(InputFile),
}

impl Reading {
    /// Starts reading `file` when it looks like a JSON object (else gives
    /// it back); nothing is parsed yet.
    pub fn start(file: InputFile) -> Start {
        let InputFile { name, bytes } = file;
        let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        let object = bytes[bom..]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'{');
        if !object {
            return Start::Whole(InputFile { name, bytes });
        }
        Start::Reading(Box::new(Reading {
            name,
            len: bytes.len(),
            bytes,
            at: bom,
            walk: Walk::Start,
            head: Vec::new(),
            documents: false,
            prepared: Prepared::empty(ImportMode::ReplaceWorkspace, Vec::new(), None, Vec::new()),
            unknown: Unknown::default(),
        }))
    }

    /// Walks on until about `budget` bytes are read (at least one token).
    /// `Some` once the file is read, or once it turns out not to read in
    /// steps.
    pub fn step(&mut self, budget: usize) -> Option<Read> {
        let until = self.at.saturating_add(budget.max(1));
        while self.at < until || self.walk == Walk::End {
            match self.advance() {
                Some(Walk::End) if self.walk == Walk::End => return Some(self.finish()),
                Some(next) => self.walk = next,
                None => return Some(self.whole()),
            }
        }
        None
    }

    /// One token further: the next place of the walk, or `None` when the
    /// file does not read as expected.
    fn advance(&mut self) -> Option<Walk> {
        self.skip_whitespace();
        Some(match self.walk {
            Walk::Start => {
                self.expect(b'{')?;
                Walk::Key { first: true }
            }
            Walk::Key { first } => {
                if first && self.eat(b'}') {
                    return Some(Walk::End);
                }
                let key: String = self.value()?;
                self.skip_whitespace();
                self.expect(b':')?;
                self.skip_whitespace();
                if key == "documents" {
                    if std::mem::replace(&mut self.documents, true) {
                        return None;
                    }
                    self.expect(b'[')?;
                    return Some(Walk::Document { first: true });
                }
                let from = self.at;
                self.value::<serde::de::IgnoredAny>()?;
                self.head.push((key, from..self.at));
                Walk::AfterField
            }
            Walk::AfterField => {
                if self.eat(b',') {
                    Walk::Key { first: false }
                } else {
                    self.expect(b'}')?;
                    Walk::End
                }
            }
            Walk::Document { first } => {
                if first && self.eat(b']') {
                    return Some(Walk::AfterField);
                }
                let from = self.at;
                let doc: DocumentRepr = self.value()?;
                let (doc, text) = checked_document(&self.name, doc).ok()?;
                self.unknown.document_json(self.bytes.get(from..self.at)?);
                self.prepared.add_indexed(doc, text);
                Walk::AfterDocument
            }
            Walk::AfterDocument => {
                if self.eat(b',') {
                    Walk::Document { first: false }
                } else {
                    self.expect(b']')?;
                    Walk::AfterField
                }
            }
            // Only whitespace may follow the object.
            Walk::End => {
                if self.at < self.bytes.len() {
                    return None;
                }
                Walk::End
            }
        })
    }

    fn skip_whitespace(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.bytes.get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    /// Parses the JSON value at the walk's place (checking its syntax) and
    /// moves past it.
    fn value<T: serde::de::DeserializeOwned>(&mut self) -> Option<T> {
        let rest = self.bytes.get(self.at..)?;
        let mut values = serde_json::Deserializer::from_slice(rest).into_iter::<T>();
        let value = values.next()?.ok()?;
        self.at += values.byte_offset();
        Some(value)
    }

    /// The top-level field `key`, parsed; `None` when it is missing.
    fn field<T: serde::de::DeserializeOwned>(&self, key: &str) -> Option<Option<T>> {
        let Some((_, range)) = self.head.iter().find(|(k, _)| k == key) else {
            return Some(None);
        };
        let json = self.bytes.get(range.clone())?;
        serde_json::from_slice(json).ok().map(Some)
    }

    /// The import, once the whole file is read and its head checked.
    fn finish(&mut self) -> Read {
        let head = self.checked_head();
        match head {
            Some((labels, open)) => {
                let mut prepared = std::mem::replace(
                    &mut self.prepared,
                    Prepared::empty(ImportMode::ReplaceWorkspace, Vec::new(), None, Vec::new()),
                );
                // The labels' warnings first, then the documents' (a
                // duplicate span, a span inside a character): those were
                // dropped here.
                let (checked, mut warnings) =
                    checked_labels(labels, &Arg::Plain(self.name.clone()));
                warnings.append(&mut prepared.warnings);
                self.unknown.file_keys(
                    self.head
                        .iter()
                        .map(|(k, _)| k.as_str())
                        .chain(["documents"]),
                );
                if let Some(Some(labels)) = self.field::<Vec<serde_json::Value>>("labels") {
                    self.unknown.labels(&labels);
                }
                warnings.extend(self.unknown.warning(&self.name));
                (prepared.labels, prepared.warnings) = (checked, warnings);
                let used = prepared.span_labels().to_vec();
                let used = used.iter().map(String::as_str);
                let added = define_used(&mut prepared.labels, used, &self.name);
                prepared.warnings.extend(added);
                if crate::core::model::validate_incoming_labels(&prepared.labels).is_err() {
                    // The whole-file reader says what is wrong, and where.
                    return self.whole();
                }
                prepared.open = open;
                Read::Done(prepared)
            }
            None => self.whole(),
        }
    }

    /// The labels and `open` of a well-formed head, `None` for anything
    /// else (the whole-file reader then says what is wrong).
    fn checked_head(&self) -> Option<(Vec<LabelRecord>, Option<usize>)> {
        let duplicated = self
            .head
            .iter()
            .enumerate()
            .any(|(i, (key, _))| self.head[..i].iter().any(|(k, _)| k == key));
        if duplicated || !self.documents {
            return None;
        }
        let format: String = self.field("format")??;
        let version: u64 = self.field("version")??;
        if format != FORMAT_TAG || !READS.contains(&version) {
            return None;
        }
        let labels: Vec<LabelRecord> = self.field("labels")??;
        let open: Option<usize> = self.field::<Option<usize>>("open")?.flatten();
        if open.is_some_and(|open| open >= self.prepared.len()) {
            return None;
        }
        Some((labels, open))
    }

    /// Gives the file back, to be read whole.
    fn whole(&mut self) -> Read {
        self.walk = Walk::End;
        self.at = self.len;
        Read::Whole(InputFile {
            name: std::mem::take(&mut self.name),
            bytes: std::mem::take(&mut self.bytes),
        })
    }

    /// Bytes of the file read, and in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.at.min(self.len), self.len)
    }
}

fn import_document(file: &str, doc: DocumentRepr) -> Result<ImportedDocument, ImportError> {
    checked_document(file, doc).map(|(doc, _)| doc)
}

/// A document of the file with its spans checked against its text, and
/// that text indexed (so that it is indexed once).
fn checked_document(
    file: &str,
    doc: DocumentRepr,
) -> Result<(ImportedDocument, Text), ImportError> {
    let text = Text::new(&doc.text);
    let mut spans = Vec::with_capacity(doc.spans.len());
    for span in doc.spans {
        let error = |key: Key| {
            Msg::new(key)
                .quoted("name", doc.name.as_str())
                .msg("range", range(span.start, span.end))
        };
        if span.start >= span.end {
            return Err(ImportError::new(file, None, error(Key::WasimSpanEmpty)));
        }
        // Said here, naming the span (it was added as a label without a
        // name, then refused as one, without naming the file).
        if span.label.trim().is_empty() {
            return Err(ImportError::new(file, None, error(Key::WasimSpanNoLabel)));
        }
        if span.end > text.char_len() {
            let length = Msg::counted(Counted::Characters, text.char_len());
            let message = error(Key::WasimSpanOutside).msg("length", length);
            return Err(ImportError::new(file, None, message));
        }
        let actual = text.slice(span.start, span.end).unwrap_or_default();
        if actual != span.text {
            let message = error(Key::WasimSpanText)
                .quoted("stated", span.text.as_str())
                .quoted("actual", actual);
            return Err(ImportError::new(file, None, message));
        }
        spans.push(ImportedSpan {
            start: span.start,
            end: span.end,
            label: span.label,
            note: span.note,
            entity_id: span.entity_id,
            annotators: span.annotators,
            accepted: span.accepted,
        });
    }
    let document = ImportedDocument {
        name: doc.name,
        text: doc.text,
        spans,
        done: doc.done,
        source: doc.source,
        annotator: doc.annotator,
        team: doc.team,
    };
    Ok((document, text))
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
                good.replace("\"end\": 27", "\"end\": 2700"),
                "outside the text",
            ),
            (good.replace("\"end\": 27", "\"end\": 26"), "does not match"),
            (
                good.replace("\"start\": 22", "\"start\": 27"),
                "is empty or reversed",
            ),
            (
                good.replace("\"start\": 22", "\"start\": 30"),
                "is empty or reversed",
            ),
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
        // A span whose label the file does not define: both readers add
        // the label and say so, naming the file.
        let unknown_label = good.replace("\"label\": \"LOC\"", "\"label\": \"GPE\"");
        let whole = import_str(&unknown_label).expect("repaired, not refused");
        let stepwise = read_in_steps(&unknown_label);
        assert_eq!(stepwise.labels, whole.labels);
        assert_eq!(stepwise.warnings, whole.warnings);
        let added = whole.labels.last().expect("labels");
        assert_eq!((added.name.as_str(), added.key), ("GPE", None));
        assert!(crate::core::model::validate_labels(&whole.labels).is_ok());
        assert_eq!(
            whole.warnings.last().map(ToString::to_string).as_deref(),
            Some("x.json: spans use a label the file does not define, added: GPE")
        );
    }

    /// What the stepwise reader makes of `json`, 64 bytes a step.
    fn read_in_steps(json: &str) -> Prepared {
        let mut reading = match Reading::start(InputFile {
            name: "x.json".into(),
            bytes: json.as_bytes().to_vec(),
        }) {
            Start::Reading(reading) => reading,
            Start::Whole(_) => panic!("a workspace reads in steps"),
        };
        loop {
            match reading.step(64) {
                None => {}
                Some(Read::Done(prepared)) => break prepared,
                Some(Read::Whole(_)) => panic!("read in steps, not given back"),
            }
        }
    }

    #[test]
    fn a_label_named_only_white_space_is_refused_with_the_file_named() {
        let file = export(&sample()).replacen("\"name\": \"LOC\"", "\"name\": \"\\t\"", 1);
        assert!(file.contains("\"name\": \"\\t\""), "{file}");
        let refused = import_str(&file).expect_err("refused");
        assert_eq!(refused.to_string(), "x.json: label #2 has an empty name");
        let mut reading = match Reading::start(InputFile {
            name: "x.json".into(),
            bytes: file.into_bytes(),
        }) {
            Start::Reading(reading) => reading,
            Start::Whole(_) => panic!("a workspace reads in steps"),
        };
        // The stepwise reader gives the file to the whole-file reader.
        let given_back = loop {
            match reading.step(64) {
                None => {}
                Some(Read::Done(_)) => panic!("refused, not read"),
                Some(Read::Whole(file)) => break file,
            }
        };
        assert_eq!(given_back.name, "x.json");
        // A label that only looks like another (`\u{202e}REP` is drawn PER)
        // is refused, its control shown.
        let file = export(&sample()).replacen("\"name\": \"LOC\"", "\"name\": \"\\u202eREP\"", 1);
        let refused = import_str(&file).expect_err("refused");
        assert_eq!(
            refused.to_string(),
            "x.json: label \"\\u{202e}REP\" holds a direction override or isolate, which can make it look like another label"
        );
    }

    /// A doccano file's new label with a direction override is refused as
    /// it is added; one already in the workspace stays usable.
    #[test]
    fn labels_that_only_look_like_others_are_refused_from_any_format() {
        use crate::core::formats::{import_edit, import_files};
        let doccano = InputFile {
            name: "d.jsonl".into(),
            bytes: "{\"text\": \"علي\", \"label\": [[0, 3, \"\u{202e}REP\"]]}\n".into(),
        };
        let imported = import_files(vec![doccano]).remove(0).expect("read");
        let mut ws = crate::core::model::Workspace::default();
        let refused = import_edit(&mut ws, imported).expect_err("refused");
        assert!(
            refused.to_string().contains("holds a direction override"),
            "{refused}"
        );
    }

    #[test]
    fn hostile_label_values_are_repaired_by_both_readers() {
        let evil = export(&sample())
            .replace(
                "\"#ffc38a\"",
                "\"#00ff00; background-image: url(http://127.0.0.2:9/x.png)\"",
            )
            .replace("\"key\": \"2\"", "\"key\": \"/\"");
        let whole = import_str(&evil).expect("repaired, not refused");
        let stepwise = read_in_steps(&evil);
        assert_eq!(stepwise.labels, whole.labels);
        assert_eq!(stepwise.warnings, whole.warnings);
        assert_eq!(whole.warnings.len(), 2, "{:?}", whole.warnings);
        assert!(whole.warnings[0].starts_with("x.json: label \"PER\": colour"));
        assert!(whole.warnings[0].contains("is not #rrggbb"));
        assert!(whole.warnings[1].starts_with("x.json: label \"LOC\": hotkey \"/\""));
        assert!(crate::core::model::validate_labels(&whole.labels).is_ok());
        assert!(whole.labels.iter().all(|l| !l.color.contains("url")));
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

    #[test]
    fn who_annotated_is_read_and_written_again_byte_for_byte() {
        let file = r##"{
  "format": "wasim",
  "version": 2,
  "labels": [
    {
      "name": "PER",
      "color": "#ffc38a",
      "key": "1"
    }
  ],
  "documents": [
    {
      "name": "a.txt",
      "text": "علي هنا",
      "done": false,
      "spans": [
        {
          "start": 0,
          "end": 3,
          "label": "PER",
          "text": "علي",
          "annotators": [
            "Amina",
            "Badr"
          ],
          "accepted": true
        }
      ],
      "team": [
        "Amina",
        "Badr"
      ]
    },
    {
      "name": "b.txt",
      "text": "هنا",
      "done": false,
      "spans": [],
      "annotator": "Amina"
    }
  ]
}"##;
        let imported = import_str(file).expect("imports");
        let span = &imported.documents[0].spans[0];
        assert_eq!(span.annotators, ["Amina", "Badr"]);
        assert!(span.accepted);
        assert_eq!(imported.documents[0].team, ["Amina", "Badr"]);
        assert_eq!(imported.documents[1].annotator.as_deref(), Some("Amina"));
        let mut ws = Workspace::default();
        let (edit, _) = import_edit(&mut ws, imported).expect("valid");
        edit.apply(&mut ws).expect("applies");
        let docs: Vec<&Document> = ws.documents.iter().map(|d| &**d).collect();
        assert_eq!(WasimJson::to_json(&ws.labels, &docs, None), file);
    }

    #[test]
    fn exports_are_signed_by_the_workspace_annotator() {
        let mut ws = sample();
        ws.annotator = Some("Badr".into());
        std::sync::Arc::make_mut(&mut ws.documents[0]).annotator = Some("Amina".into());
        let docs = crate::core::formats::signed(&ws, ws.work_documents().collect());
        let refs: Vec<&Document> = docs.iter().map(|d| &**d).collect();
        let out = WasimJson::to_json(&ws.labels, &refs, None);
        let imported = import_str(&out).expect("imports");
        let names: Vec<_> = imported
            .documents
            .iter()
            .map(|d| d.annotator.clone())
            .collect();
        assert_eq!(
            names[0].as_deref(),
            Some("Amina"),
            "a document keeps its own"
        );
        assert!(names[1..].iter().all(|n| n.as_deref() == Some("Badr")));
    }
}
