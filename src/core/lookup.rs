//! Finding documents by id without paying for the corpus's size on every
//! lookup: [`DocIndex`] maps ids to positions in the document list, and
//! [`documents`] looks up many ids at once.
//!
//! [`Workspace::document`] walks the list, which is fine for a few lookups
//! in a small workspace but costs ten thousand comparisons per lookup in a
//! corpus of ten thousand articles. An index is built once per list of
//! documents (when documents come or go) and never trusted blindly: a
//! position that no longer holds the id falls back to the walk, so a stale
//! index is slower, never wrong.

use std::collections::HashMap;

use super::model::{DocId, Document, Workspace};

/// Positions of documents in a workspace's list, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocIndex {
    positions: HashMap<DocId, usize>,
}

impl DocIndex {
    /// The positions of `ws`'s documents.
    pub fn of(ws: &Workspace) -> DocIndex {
        DocIndex {
            positions: ws
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id, i))
                .collect(),
        }
    }

    /// The position of the document with this id in `ws`'s list.
    pub fn position(&self, ws: &Workspace, id: DocId) -> Option<usize> {
        match self.positions.get(&id) {
            Some(&i) if ws.documents.get(i).is_some_and(|d| d.id == id) => Some(i),
            _ => ws.documents.iter().position(|d| d.id == id),
        }
    }

    /// The document with this id in `ws`.
    pub fn document<'a>(&self, ws: &'a Workspace, id: DocId) -> Option<&'a Document> {
        let i = self.position(ws, id)?;
        ws.documents.get(i).map(std::borrow::Borrow::borrow)
    }
}

/// The documents with these ids (`None` for an id not in `ws`): looked up
/// one by one when they are few, through an index when they are many (a
/// corpus-wide *Tag all*), so that it never costs documents × ids.
pub fn documents<'a>(ws: &'a Workspace, ids: &[DocId]) -> Vec<Option<&'a Document>> {
    const FEW: usize = 8;
    if ids.len() <= FEW {
        return ids.iter().map(|id| ws.document(*id)).collect();
    }
    let index = DocIndex::of(ws);
    ids.iter().map(|id| index.document(ws, *id)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(n: usize) -> Workspace {
        let mut ws = Workspace::default();
        for i in 0..n {
            let doc = ws.new_document(&format!("{i}.txt"), "نص");
            ws.documents.push(std::sync::Arc::new(doc));
        }
        ws
    }

    #[test]
    fn finds_every_document_and_nothing_else() {
        let ws = corpus(50);
        let index = DocIndex::of(&ws);
        for (i, doc) in ws.documents.iter().enumerate() {
            assert_eq!(index.position(&ws, doc.id), Some(i));
            assert_eq!(
                index.document(&ws, doc.id).map(|d| &d.name),
                Some(&doc.name)
            );
        }
        assert_eq!(index.position(&ws, DocId(999_999)), None);
        let ids: Vec<DocId> = ws.documents.iter().rev().map(|d| d.id).collect();
        let found = documents(&ws, &ids);
        assert_eq!(found.len(), 50);
        assert!(
            found
                .iter()
                .zip(&ids)
                .all(|(d, id)| d.is_some_and(|d| d.id == *id))
        );
        assert_eq!(documents(&ws, &[DocId(999_999)]), vec![None]);
    }

    #[test]
    fn a_stale_index_is_slower_never_wrong() {
        let mut ws = corpus(10);
        let index = DocIndex::of(&ws);
        let moved = ws.documents.remove(3);
        let id = moved.id;
        ws.documents.insert(7, moved);
        assert_eq!(index.position(&ws, id), Some(7));
        let gone = ws.documents.remove(0).id;
        assert_eq!(index.document(&ws, gone), None);
    }
}
