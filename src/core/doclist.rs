//! The documents of a workspace: a list whose copies share everything and
//! whose lookups by id do not walk it, so that what one edit costs does not
//! grow with the corpus.
//!
//! The UI keeps a copy of the workspace in every state (each action copies
//! the state, then drops the one before). With the documents in one vector
//! of shared pointers, a copy touched every document's reference count
//! (ten thousand scattered memory writes, and as many again to drop it),
//! and finding a document by id walked the list. A [`DocList`] holds its
//! documents in chunks of [`CHUNK`], the chunk list and each chunk shared
//! between copies and copied on write: a copy is one pointer; changing one
//! document copies the chunk list (one pointer per chunk) and its chunk; a
//! lookup by id goes through a table of positions, checked on use (a
//! position that does not hold the id falls back to a walk: slower, never
//! wrong). Inserting or removing documents in the middle rebuilds the list,
//! like any change of the document set (an import, a removal) already did.

use std::collections::HashMap;
use std::fmt;
use std::iter::FusedIterator;
use std::ops::{Index, IndexMut};
use std::sync::Arc;

use super::model::{DocId, Document};

/// Documents per chunk: a change of one document copies about
/// `len / CHUNK + CHUNK` pointers.
const CHUNK: usize = 64;

/// Documents in order: every chunk but the last holds [`CHUNK`], none is
/// empty.
type Chunks = Vec<Arc<Vec<Arc<Document>>>>;

/// A workspace's documents, in display order (see the module notes).
#[derive(Clone, Default)]
pub struct DocList {
    chunks: Arc<Chunks>,
    len: usize,
    /// Where each id is (the first document with that id), checked on use.
    positions: Arc<HashMap<DocId, usize>>,
}

impl DocList {
    /// An empty list.
    pub fn new() -> Self {
        DocList::default()
    }

    /// How many documents there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The document at position `i`.
    pub fn get(&self, i: usize) -> Option<&Arc<Document>> {
        self.chunks.get(i / CHUNK)?.get(i % CHUNK)
    }

    /// The first document.
    pub fn first(&self) -> Option<&Arc<Document>> {
        self.get(0)
    }

    /// The last document.
    pub fn last(&self) -> Option<&Arc<Document>> {
        self.len.checked_sub(1).and_then(|i| self.get(i))
    }

    /// The documents in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            list: self,
            front: 0,
            back: self.len,
        }
    }

    /// The position of the (first) document with this id, without walking
    /// the list when the table of positions is right about it.
    pub fn position(&self, id: DocId) -> Option<usize> {
        match self.positions.get(&id) {
            Some(&i) if self.get(i).is_some_and(|d| d.id == id) => Some(i),
            _ => self.iter().position(|d| d.id == id),
        }
    }

    /// The (first) document with this id.
    pub fn by_id(&self, id: DocId) -> Option<&Arc<Document>> {
        self.get(self.position(id)?)
    }

    /// The document at position `i`, to change or replace: its chunk is
    /// copied first when another list shares it. Replacing it by a
    /// document with another id leaves that id to be found by a walk.
    pub fn get_mut(&mut self, i: usize) -> Option<&mut Arc<Document>> {
        if i >= self.len {
            return None;
        }
        let chunk = Arc::make_mut(&mut self.chunks).get_mut(i / CHUNK)?;
        Arc::make_mut(chunk).get_mut(i % CHUNK)
    }

    /// Every document, to change: copies every chunk another list shares
    /// (a change of the whole corpus).
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Arc<Document>> {
        Arc::make_mut(&mut self.chunks)
            .iter_mut()
            .flat_map(|chunk| Arc::make_mut(chunk).iter_mut())
    }

    /// Adds a document at the end.
    pub fn push(&mut self, doc: Arc<Document>) {
        let (id, at) = (doc.id, self.len);
        let chunks = Arc::make_mut(&mut self.chunks);
        match chunks.last_mut() {
            Some(last) if last.len() < CHUNK => Arc::make_mut(last).push(doc),
            _ => chunks.push(Arc::new(vec![doc])),
        }
        self.len += 1;
        Arc::make_mut(&mut self.positions).entry(id).or_insert(at);
    }

    /// Inserts `documents` before position `at` (at the end when `at` is
    /// past it).
    pub fn insert_many(&mut self, at: usize, documents: Vec<Arc<Document>>) {
        if at >= self.len {
            for doc in documents {
                self.push(doc);
            }
            return;
        }
        let mut all = self.to_vec();
        all.splice(at..at, documents);
        *self = DocList::from(all);
    }

    /// Keeps the documents `keep` says yes to, in order; returns the others.
    pub fn retain(&mut self, mut keep: impl FnMut(&Arc<Document>) -> bool) -> Vec<Arc<Document>> {
        let (kept, removed): (Vec<_>, Vec<_>) = self.iter().cloned().partition(|d| keep(d));
        if !removed.is_empty() {
            *self = DocList::from(kept);
        }
        removed
    }

    /// The documents as a vector (the pointers copied).
    pub fn to_vec(&self) -> Vec<Arc<Document>> {
        self.iter().cloned().collect()
    }

    /// How many of its chunks this list shares with `other`, and how many
    /// it has (for tests of what a change copies).
    pub fn chunks_shared_with(&self, other: &DocList) -> (usize, usize) {
        let shared = self
            .chunks
            .iter()
            .zip(other.chunks.iter())
            .filter(|(a, b)| Arc::ptr_eq(a, b))
            .count();
        (shared, self.chunks.len())
    }
}

impl From<Vec<Arc<Document>>> for DocList {
    fn from(documents: Vec<Arc<Document>>) -> Self {
        let mut positions = HashMap::with_capacity(documents.len());
        for (i, doc) in documents.iter().enumerate() {
            positions.entry(doc.id).or_insert(i);
        }
        let len = documents.len();
        let chunks = documents
            .chunks(CHUNK)
            .map(|chunk| Arc::new(chunk.to_vec()))
            .collect();
        DocList {
            chunks: Arc::new(chunks),
            len,
            positions: Arc::new(positions),
        }
    }
}

impl FromIterator<Arc<Document>> for DocList {
    fn from_iter<I: IntoIterator<Item = Arc<Document>>>(iter: I) -> Self {
        DocList::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl Extend<Arc<Document>> for DocList {
    fn extend<I: IntoIterator<Item = Arc<Document>>>(&mut self, iter: I) {
        for doc in iter {
            self.push(doc);
        }
    }
}

impl Index<usize> for DocList {
    type Output = Arc<Document>;

    /// # Panics
    /// When `i` is out of range, as a vector's index does (tests only).
    fn index(&self, i: usize) -> &Arc<Document> {
        #[allow(clippy::expect_used)]
        self.get(i).expect("document index in range")
    }
}

impl IndexMut<usize> for DocList {
    /// The document at `i`, as [`DocList::get_mut`] gives it.
    ///
    /// # Panics
    /// When `i` is out of range, as a vector's index does (tests only).
    fn index_mut(&mut self, i: usize) -> &mut Arc<Document> {
        #[allow(clippy::expect_used)]
        self.get_mut(i).expect("document index in range")
    }
}

impl PartialEq for DocList {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.chunks, &other.chunks)
            || (self.len == other.len
                && self
                    .chunks
                    .iter()
                    .zip(other.chunks.iter())
                    .all(|(a, b)| Arc::ptr_eq(a, b) || a == b))
    }
}

impl Eq for DocList {}

impl fmt::Debug for DocList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'a> IntoIterator for &'a DocList {
    type Item = &'a Arc<Document>;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl IntoIterator for DocList {
    type Item = Arc<Document>;
    type IntoIter = std::vec::IntoIter<Arc<Document>>;

    fn into_iter(self) -> Self::IntoIter {
        self.to_vec().into_iter()
    }
}

/// The documents of a [`DocList`], in order.
#[derive(Clone, Debug)]
pub struct Iter<'a> {
    list: &'a DocList,
    front: usize,
    back: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a Arc<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.front >= self.back {
            return None;
        }
        let doc = self.list.get(self.front);
        self.front += 1;
        doc
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.back.saturating_sub(self.front);
        (left, Some(left))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.list.get(self.back)
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl FusedIterator for Iter<'_> {}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: u64) -> Arc<Document> {
        let mut doc =
            crate::core::model::Workspace::default().new_document(&format!("{id}.txt"), "نص");
        doc.id = DocId(id);
        Arc::new(doc)
    }

    fn ids(list: &DocList) -> Vec<u64> {
        list.iter().map(|d| d.id.0).collect()
    }

    /// Every chunk but the last is full and none is empty, and the table of
    /// positions is right about every document.
    fn assert_sound(list: &DocList) {
        let sizes: Vec<usize> = list.chunks.iter().map(|c| c.len()).collect();
        assert_eq!(sizes.iter().sum::<usize>(), list.len());
        if let Some((last, full)) = sizes.split_last() {
            assert!(full.iter().all(|n| *n == CHUNK), "{sizes:?}");
            assert!(*last >= 1 && *last <= CHUNK, "{sizes:?}");
        }
        for (i, d) in list.iter().enumerate() {
            assert_eq!(list.positions.get(&d.id), Some(&i));
        }
    }

    #[test]
    fn holds_what_a_vector_would_in_the_same_order() {
        for n in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK + 7] {
            let docs: Vec<_> = (0..n as u64).map(doc).collect();
            let mut pushed = DocList::new();
            for d in &docs {
                pushed.push(d.clone());
            }
            let built = DocList::from(docs.clone());
            for list in [&pushed, &built] {
                assert_sound(list);
                assert_eq!(list.len(), n);
                assert_eq!(list.is_empty(), n == 0);
                assert_eq!(ids(list), (0..n as u64).collect::<Vec<_>>());
                assert_eq!(
                    list.iter().rev().map(|d| d.id.0).collect::<Vec<_>>(),
                    (0..n as u64).rev().collect::<Vec<_>>()
                );
                assert_eq!(list.iter().len(), n);
                assert_eq!(list.first().map(|d| d.id.0), docs.first().map(|d| d.id.0));
                assert_eq!(list.last().map(|d| d.id.0), docs.last().map(|d| d.id.0));
                assert!(list.get(n).is_none());
                assert_eq!(list.to_vec(), docs);
            }
            assert_eq!(pushed, built);
        }
    }

    #[test]
    fn finds_every_document_by_id_and_nothing_else() {
        let list: DocList = (0..300).map(|i| doc(1000 + i)).collect();
        for i in 0..300 {
            assert_eq!(list.position(DocId(1000 + i)), Some(i as usize));
            assert_eq!(list.by_id(DocId(1000 + i)).map(|d| d.id.0), Some(1000 + i));
        }
        assert_eq!(list.position(DocId(7)), None);
        assert!(list.by_id(DocId(7)).is_none());
    }

    #[test]
    fn a_duplicate_id_finds_the_first_as_a_walk_would() {
        let list = DocList::from(vec![doc(1), doc(2), doc(1)]);
        assert_eq!(list.position(DocId(1)), Some(0));
    }

    #[test]
    fn a_copy_shares_everything_and_a_change_copies_one_chunk() {
        let original: DocList = (0..10 * CHUNK as u64).map(doc).collect();
        let mut changed = original.clone();
        assert!(Arc::ptr_eq(&original.chunks, &changed.chunks));
        let at = 3 * CHUNK + 5;
        let target = changed.get_mut(at).map(Arc::make_mut);
        if let Some(target) = target {
            target.done = true;
        }
        assert!(changed[at].done);
        assert!(!original[at].done, "the original never sees the change");
        let (shared, chunks) = changed.chunks_shared_with(&original);
        assert_eq!(shared, chunks - 1, "only the changed chunk is copied");
        assert_ne!(original, changed);
        assert_sound(&changed);
    }

    #[test]
    fn a_document_replaced_by_another_id_is_still_found_by_a_walk() {
        let mut list: DocList = (0..200).map(doc).collect();
        if let Some(slot) = list.get_mut(150) {
            *slot = doc(9_999);
        }
        assert_eq!(list.position(DocId(9_999)), Some(150));
        assert_eq!(list.position(DocId(150)), None);
    }

    #[test]
    fn inserting_and_removing_keep_the_order_and_the_positions() {
        let mut list: DocList = (0..150).map(doc).collect();
        list.insert_many(70, vec![doc(1000), doc(1001)]);
        list.insert_many(10_000, vec![doc(2000)]);
        let mut expected: Vec<u64> = (0..150).collect();
        expected.splice(70..70, [1000, 1001]);
        expected.push(2000);
        assert_eq!(ids(&list), expected);
        assert_sound(&list);
        let removed = list.retain(|d| d.id.0 % 3 != 0);
        assert_eq!(
            removed.iter().map(|d| d.id.0).collect::<Vec<_>>(),
            expected
                .iter()
                .copied()
                .filter(|i| i % 3 == 0)
                .collect::<Vec<_>>()
        );
        expected.retain(|i| i % 3 != 0);
        assert_eq!(ids(&list), expected);
        assert_sound(&list);
        for doc in list.iter_mut() {
            Arc::make_mut(doc).done = true;
        }
        assert!(list.iter().all(|d| d.done));
        assert_sound(&list);
    }
}
