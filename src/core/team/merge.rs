//! A team's work merged into documents to adjudicate: one document per
//! text, whose `team` is who has it and whose spans are everyone's, each
//! identical `(start, end, label)` once with the `annotators` who proposed
//! it.
//!
//! The result is an ordinary import that adds documents
//! ([`crate::core::formats::import_edit`] makes it one undoable edit). It is
//! merged here, before that edit, because the edit keeps one of identical
//! spans and would lose who else proposed it.

use crate::core::agreement::TextMap;
use crate::core::formats::{ImportMode, Imported, ImportedDocument, ImportedSpan};
use crate::core::model::{DocId, Document, Label, Workspace};
use crate::core::sort;

use super::{MemberDocument, Team};

/// The team's work as documents to add to the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merged {
    /// The documents (and the labels the files define), to import.
    pub imported: Imported,
    /// The names of the merged documents that only some annotators have
    /// (each merged with those who have it).
    pub partial: Vec<String>,
}

/// Merges the team's work: one document per distinct text, in order of
/// first appearance (annotator by annotator), named as the first annotator
/// who has it names it, with `team` = the names of those who have it (in
/// annotator order). Its spans are the union of theirs: identical ones
/// (same start, end and label) become one, with `annotators` = all who
/// proposed it, and the note and entity id of the first who gave one.
/// Labels: every label a file defines, the first file's definition winning
/// (a hotkey already taken is dropped).
pub fn merge(team: &Team) -> Merged {
    let names = team.names();
    let members = team.members();
    let mut order: Vec<Vec<(usize, &MemberDocument)>> = Vec::new();
    let mut index: TextMap<'_, usize> = TextMap::default();
    for (m, member) in members.iter().enumerate() {
        for doc in &member.documents {
            let i = *index.entry(doc.text.as_str()).or_insert_with(|| {
                order.push(Vec::new());
                order.len() - 1
            });
            order[i].push((m, doc));
        }
    }
    let mut partial = Vec::new();
    let documents: Vec<ImportedDocument> = order
        .into_iter()
        .filter_map(|versions| {
            let (_, first) = versions.first()?;
            if versions.len() < members.len() {
                partial.push(first.name.clone());
            }
            Some(ImportedDocument {
                name: first.name.clone(),
                text: first.text.as_str().to_owned(),
                spans: union(&versions, &names),
                done: false,
                source: None,
                annotator: None,
                team: versions.iter().map(|(m, _)| names[*m].clone()).collect(),
            })
        })
        .collect();
    let labels = labels(team);
    Merged {
        imported: Imported {
            mode: ImportMode::AddDocuments,
            // Every label a file defines joins the workspace, also one
            // nobody used yet.
            listed_labels: labels.iter().map(|l| l.name.to_string()).collect(),
            labels,
            open: (!documents.is_empty()).then_some(0),
            documents,
            warnings: Vec::new(),
        },
        partial,
    }
}

/// Leaves out of `merged` the documents `ws` already holds as team
/// documents of the same text and team (an earlier *Adjudicate* of the
/// same files), so that adjudicating again adds only what is new and the
/// decisions made stay. Returns the ids of the documents kept, in order.
pub fn without_existing(merged: &mut Merged, ws: &Workspace) -> Vec<DocId> {
    let mut existing: TextMap<'_, Vec<&Document>> = TextMap::default();
    for doc in ws.work_documents().filter(|d| !d.team.is_empty()) {
        existing.entry(doc.text.as_str()).or_default().push(doc);
    }
    let mut kept = Vec::new();
    merged.imported.documents.retain(|new| {
        let same = existing
            .get(new.text.as_str())
            .and_then(|docs| docs.iter().find(|d| d.team == new.team));
        kept.extend(same.map(|d| d.id));
        same.is_none()
    });
    merged
        .partial
        .retain(|name| merged.imported.documents.iter().any(|d| d.name == *name));
    if merged.imported.documents.is_empty() {
        merged.imported.open = None;
    }
    kept
}

/// Everyone's spans of one text, identical ones merged, in span order.
fn union(versions: &[(usize, &MemberDocument)], names: &[String]) -> Vec<ImportedSpan> {
    let mut all: Vec<(&ImportedSpan, usize)> = versions
        .iter()
        .flat_map(|(m, doc)| doc.spans.iter().map(move |s| (s, *m)))
        .collect();
    // Stable: of identical spans, the first annotator's comes first.
    sort::sort_by(&mut all, |(a, _), (b, _)| a.sort_key().cmp(&b.sort_key()));
    let mut out: Vec<ImportedSpan> = Vec::new();
    for (span, m) in all {
        let name = &names[m];
        match out.last_mut() {
            Some(last) if last.sort_key() == span.sort_key() => {
                if !last.annotators.contains(name) {
                    last.annotators.push(name.clone());
                }
                if last.note.is_none() {
                    last.note.clone_from(&span.note);
                }
                if last.entity_id.is_none() {
                    last.entity_id.clone_from(&span.entity_id);
                }
            }
            _ => out.push(ImportedSpan {
                start: span.start,
                end: span.end,
                label: span.label.clone(),
                note: span.note.clone(),
                entity_id: span.entity_id.clone(),
                annotators: vec![name.clone()],
                accepted: false,
            }),
        }
    }
    out
}

/// Every label the files define, the first definition of a name winning;
/// a hotkey an earlier label has is dropped.
pub fn labels(team: &Team) -> Vec<Label> {
    let mut out: Vec<Label> = Vec::new();
    for label in team.members().iter().flat_map(|m| &m.labels) {
        if out.iter().any(|l| l.name == label.name) {
            continue;
        }
        let mut label = label.clone();
        if out.iter().any(|l| l.key.is_some() && l.key == label.key) {
            label.key = None;
        }
        out.push(label);
    }
    out
}
