//! The records a workspace is stored as, and the first storage layout.
//!
//! A document is stored without its text (texts are stored once each under
//! the [`DocId`], since they never change after loading):
//! - schema 2 ([`crate::core::persist`]): one [`DocRecord`] per document,
//!   each span a row `[id, start, end, label]` (plus note and entity id
//!   when it has them), about half the size of named fields, which matters
//!   when 10,000 records are read at start-up;
//! - schema 1: a [`DocumentRecord`] per document (spans with named fields),
//!   all of them in one [`Snapshot`] with the labels and the open document;
//!   kept to read and migrate profiles saved before schema 2.

use crate::core::sort;
use std::sync::Arc;

use serde::de::{self, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::demo::is_demo;
use super::i18n::{Key, Msg};
use super::model::{DocId, Document, DocumentBody, Label, Span, SpanId, Workspace};

/// Version of the snapshot layout.
pub const SNAPSHOT_VERSION: u32 = 1;

/// Everything but document texts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Layout version, [`SNAPSHOT_VERSION`].
    pub version: u32,
    /// The label set.
    pub labels: Vec<Label>,
    /// Documents in display order, without text.
    pub documents: Vec<DocumentRecord>,
    /// The open document.
    pub open: Option<DocId>,
    /// The workspace's id counter.
    pub next_id: u64,
}

/// A document without its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
    /// Document id; its text is stored under this id.
    pub id: DocId,
    /// Display name.
    pub name: String,
    /// Marked finished.
    pub done: bool,
    /// Wasim's demo document (see [`crate::core::demo`]); absent in
    /// snapshots written before the flag existed.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
    /// Spans in code points.
    pub spans: Vec<SpanRecord>,
}

/// A span as persisted.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    /// Span id.
    pub id: SpanId,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Label name.
    pub label: String,
    /// Free-text note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Knowledge-base link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity_id: Option<String>,
}

/// A document's record of schema 2: everything but its text and source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRecord {
    /// Document id; its text is stored under this id.
    pub id: DocId,
    /// Display name.
    pub name: String,
    /// Marked finished.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub done: bool,
    /// Wasim's demo document.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub demo: bool,
    /// Who annotated it ([`Document::annotator`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
    /// Whose work was merged into it ([`Document::team`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<String>,
    /// Spans in order, as rows.
    pub spans: Vec<SpanRow>,
}

/// A span stored as a row: `[id, start, end, label]`, or
/// `[id, start, end, label, note, entity_id]` when it has a note or an
/// entity id, or `[id, start, end, label, note, entity_id, annotators,
/// accepted]` when it records who proposed it (adjudication).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanRow(pub Span);

impl Serialize for SpanRow {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let span = &self.0;
        let team = !span.annotators.is_empty() || span.accepted;
        let extra = team || span.note.is_some() || span.entity_id.is_some();
        let len = if team {
            8
        } else if extra {
            6
        } else {
            4
        };
        let mut row = serializer.serialize_tuple(len)?;
        row.serialize_element(&span.id)?;
        row.serialize_element(&span.start)?;
        row.serialize_element(&span.end)?;
        row.serialize_element(&span.label)?;
        if extra {
            row.serialize_element(&span.note)?;
            row.serialize_element(&span.entity_id)?;
        }
        if team {
            row.serialize_element(&span.annotators)?;
            row.serialize_element(&span.accepted)?;
        }
        row.end()
    }
}

impl<'de> Deserialize<'de> for SpanRow {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(RowVisitor)
    }
}

/// Reads a [`SpanRow`] of four, six or eight items.
struct RowVisitor;

impl<'de> Visitor<'de> for RowVisitor {
    type Value = SpanRow;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a span row [id, start, end, label(, note, entity id)]")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<SpanRow, A::Error> {
        let missing = |i| de::Error::invalid_length(i, &"4, 6 or 8 items");
        let id = seq.next_element()?.ok_or_else(|| missing(0))?;
        let start = seq.next_element()?.ok_or_else(|| missing(1))?;
        let end = seq.next_element()?.ok_or_else(|| missing(2))?;
        let label = seq.next_element()?.ok_or_else(|| missing(3))?;
        let note = seq.next_element::<Option<String>>()?.flatten();
        let entity_id = seq.next_element::<Option<String>>()?.flatten();
        let annotators = seq.next_element::<Vec<String>>()?.unwrap_or_default();
        let accepted = seq.next_element::<bool>()?.unwrap_or_default();
        Ok(SpanRow(Span {
            id,
            start,
            end,
            label,
            note,
            entity_id,
            annotators,
            accepted,
        }))
    }
}

impl DocRecord {
    /// The record of `doc`: everything but its text and source.
    pub fn of(doc: &Document) -> Self {
        DocRecord {
            id: doc.id,
            name: doc.name.clone(),
            done: doc.done,
            demo: doc.demo,
            annotator: doc.annotator.clone(),
            team: doc.team.clone(),
            spans: doc.spans.iter().cloned().map(SpanRow).collect(),
        }
    }

    /// The document again, with its stored text and source. Spans are put
    /// in order (a stable sort: the stored order of equal keys is kept).
    pub fn into_document(self, body: DocumentBody) -> Document {
        let spans = self.spans.into_iter().map(|row| row.0).collect();
        let (id, name, done, demo) = (self.id, self.name, self.done, self.demo);
        assemble(Document {
            id,
            name,
            text: body.text,
            source: body.source,
            spans,
            done,
            demo,
            annotator: self.annotator,
            team: self.team,
        })
    }
}

/// `doc` with its spans in order (a stable sort, so the stored order of
/// equal keys is kept; none when they already are).
fn assemble(mut doc: Document) -> Document {
    if doc
        .spans
        .windows(2)
        .any(|w| w[0].sort_key() > w[1].sort_key())
    {
        sort::sort_by(&mut doc.spans, |a, b| a.sort_key().cmp(&b.sort_key()));
    }
    doc
}

impl DocumentRecord {
    /// The record of `doc`: everything but its text and source.
    pub fn of(doc: &Document) -> Self {
        DocumentRecord {
            id: doc.id,
            name: doc.name.clone(),
            done: doc.done,
            demo: doc.demo,
            spans: doc
                .spans
                .iter()
                .map(|s| SpanRecord {
                    id: s.id,
                    start: s.start,
                    end: s.end,
                    label: s.label.to_string(),
                    note: s.note.clone(),
                    entity_id: s.entity_id.clone(),
                })
                .collect(),
        }
    }

    /// The document again, with its stored text and source. Spans are put
    /// in order (a stable sort: the stored order of equal keys is kept).
    pub fn into_document(self, body: DocumentBody) -> Document {
        let spans = self
            .spans
            .into_iter()
            .map(|s| Span {
                id: s.id,
                start: s.start,
                end: s.end,
                label: s.label.into(),
                note: s.note,
                entity_id: s.entity_id,
                annotators: Vec::new(),
                accepted: false,
            })
            .collect();
        let (id, name, done, demo) = (self.id, self.name, self.done, self.demo);
        assemble(Document {
            id,
            name,
            text: body.text,
            source: body.source,
            spans,
            done,
            demo,
            annotator: None,
            team: Vec::new(),
        })
    }
}

impl Snapshot {
    /// Captures `ws` without document texts.
    pub fn of(ws: &Workspace) -> Self {
        Snapshot {
            version: SNAPSHOT_VERSION,
            labels: ws.labels.clone(),
            documents: ws
                .documents
                .iter()
                .map(|doc| DocumentRecord::of(doc))
                .collect(),
            open: ws.open,
            next_id: ws.next_id,
        }
    }

    /// Rebuilds the workspace, fetching each document's text and source with
    /// `body_of`.
    ///
    /// # Errors
    /// A message when the version is unknown, a text is missing, or the result
    /// breaks a workspace invariant.
    pub fn restore(
        self,
        mut body_of: impl FnMut(DocId) -> Option<DocumentBody>,
    ) -> Result<Workspace, Msg> {
        if self.version != SNAPSHOT_VERSION {
            return Err(Msg::new(Key::SavedLayout)
                .arg("version", self.version.to_string())
                .arg("schema", SNAPSHOT_VERSION.to_string()));
        }
        let mut documents = Vec::with_capacity(self.documents.len());
        for record in self.documents {
            let body = body_of(record.id).ok_or_else(|| {
                Msg::new(Key::SavedTextMissing).quoted("name", record.name.as_str())
            })?;
            let mut doc = record.into_document(body);
            // Snapshots from before the flag: the demo is known by its name and text.
            doc.demo |= is_demo(&doc.name, doc.text.as_str());
            documents.push(Arc::new(doc));
        }
        let max_id = documents
            .iter()
            .flat_map(|d| std::iter::once(d.id.0).chain(d.spans.iter().map(|s| s.id.0)))
            .max()
            .unwrap_or(0);
        let ws = Workspace {
            labels: self.labels,
            open: self
                .open
                .filter(|open| documents.iter().any(|d| d.id == *open)),
            documents: documents.into(),
            next_id: self.next_id.max(max_id + 1),
            annotator: None,
        };
        ws.validate()?;
        Ok(ws)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::Edit;
    use std::collections::HashMap;

    #[test]
    fn snapshot_and_texts_restore_the_exact_workspace() {
        let mut ws = Workspace::default();
        let doc = ws.new_document("a.txt", "قال الكاظمي 😀\r\n");
        let id = doc.id;
        ws.documents.push(doc.into());
        ws.open = Some(id);
        let add = Edit::add_span(&mut ws, id, 4, 11, "PER").expect("valid");
        add.apply(&mut ws).expect("applies");
        let texts: HashMap<DocId, DocumentBody> =
            ws.documents.iter().map(|d| (d.id, d.body())).collect();
        let json = serde_json::to_string(&Snapshot::of(&ws)).expect("serializes");
        let snapshot: Snapshot = serde_json::from_str(&json).expect("parses");
        let restored = snapshot
            .restore(|id| texts.get(&id).cloned())
            .expect("restores");
        assert_eq!(restored, ws);
    }

    #[test]
    fn records_store_spans_as_rows_and_read_them_back() {
        let mut ws = Workspace::default();
        let mut doc = ws.new_document("a.txt", "قال الكاظمي 😀");
        doc.spans.push(ws.new_span(0, 3, "PER"));
        let mut noted = ws.new_span(4, 11, "LOC");
        noted.entity_id = Some("Q1".into());
        doc.spans.push(noted);
        doc.done = true;
        let json = serde_json::to_string(&DocRecord::of(&doc)).expect("serializes");
        assert_eq!(
            json,
            format!(
                r#"{{"id":{},"name":"a.txt","done":true,"spans":[[{},0,3,"PER"],[{},4,11,"LOC",null,"Q1"]]}}"#,
                doc.id.0, doc.spans[0].id.0, doc.spans[1].id.0
            )
        );
        let record: DocRecord = serde_json::from_str(&json).expect("parses");
        assert_eq!(record.into_document(doc.body()), doc);
        for bad in [r#"[1,0,3]"#, r#"{"id":1}"#, r#"[1,0,"x","PER"]"#] {
            let json = format!(r#"{{"id":1,"name":"a","spans":[{bad}]}}"#);
            assert!(serde_json::from_str::<DocRecord>(&json).is_err(), "{bad}");
        }
    }

    #[test]
    fn restore_reports_missing_text_and_bad_spans() {
        let mut ws = Workspace::default();
        let doc = ws.new_document("a.txt", "abc");
        ws.documents.push(doc.into());
        let error = Snapshot::of(&ws).restore(|_| None).expect_err("missing");
        assert!(error.contains("missing"));
        let mut snapshot = Snapshot::of(&ws);
        snapshot.documents[0].spans.push(SpanRecord {
            id: SpanId(99),
            start: 1,
            end: 9,
            label: "PER".into(),
            note: None,
            entity_id: None,
        });
        let error = snapshot
            .restore(|_| {
                Some(DocumentBody {
                    text: "abc".into(),
                    source: None,
                })
            })
            .expect_err("out of range");
        assert!(error.contains("outside"));
    }
}
