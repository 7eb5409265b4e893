//! The records a workspace is stored as, and the first storage layout.
//!
//! A [`DocumentRecord`] is a document without its text (name, flags, spans
//! with their ids); texts are stored once each under the [`DocId`], since
//! they never change after loading. [`crate::core::persist`] stores one
//! record per document (schema 2). The [`Snapshot`] (every record, the
//! labels and the open document in one value) is the layout of schema 1,
//! kept to read and migrate profiles saved before schema 2.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::demo::is_demo;
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
                    label: s.label.clone(),
                    note: s.note.clone(),
                    entity_id: s.entity_id.clone(),
                })
                .collect(),
        }
    }

    /// The document again, with its stored text and source. Spans are put
    /// in order (a stable sort: the stored order of equal keys is kept).
    pub fn into_document(self, body: DocumentBody) -> Document {
        let mut spans: Vec<Span> = self
            .spans
            .into_iter()
            .map(|s| Span {
                id: s.id,
                start: s.start,
                end: s.end,
                label: s.label,
                note: s.note,
                entity_id: s.entity_id,
            })
            .collect();
        if spans.windows(2).any(|w| w[0].sort_key() > w[1].sort_key()) {
            spans.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        }
        Document {
            id: self.id,
            name: self.name,
            text: body.text,
            source: body.source,
            spans,
            done: self.done,
            demo: self.demo,
        }
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
    ) -> Result<Workspace, String> {
        if self.version != SNAPSHOT_VERSION {
            return Err(format!(
                "saved data has layout version {}, expected {SNAPSHOT_VERSION}",
                self.version
            ));
        }
        let mut documents = Vec::with_capacity(self.documents.len());
        for record in self.documents {
            let body = body_of(record.id)
                .ok_or_else(|| format!("the text of {:?} is missing", record.name))?;
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
            documents,
            next_id: self.next_id.max(max_id + 1),
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
