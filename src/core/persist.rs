//! Storage plans: what to write for each change, so that saving costs what
//! the change touched (O(edit)), never the size of the corpus.
//!
//! The store (IndexedDB in the browser, [`MemoryStore`] in tests) holds
//! (schema [`SCHEMA`]):
//! - `texts`: each document's text and source, once, under its id; texts
//!   never change;
//! - `docs`: one [`DocumentRecord`] per document (name, flags, spans);
//! - `meta`: `workspace` ([`WorkspaceRecord`]: labels and document order),
//!   `next_id`, `open`, and `set_aside` (journal entries that could not be
//!   replayed, kept rather than dropped);
//! - `journal`: an append-only log of applied edits ([`JournalEntry`]),
//!   keyed by an increasing sequence number;
//! - `steps`: one record per undo or redo step ([`StepRecord`]), keyed by an
//!   increasing number, so each stack's order is its keys' order.
//!
//! A change (an edit, an undo, a redo) becomes one [`WritePlan`]: its
//! journal entry, the step records it pushes or pops, the texts of
//! documents it brings, and the open document when that changed. The
//! platform writes a plan in one transaction; when that transaction has
//! committed the change is *acknowledged*. Records are brought up to date by
//! *compaction* ([`Persister::compact`]), which folds the journal into the
//! records it touched and deletes it; the shell asks for it when idle, the
//! persister does it by itself every [`COMPACT_EVERY`] entries, and
//! [`restore`] does it on open. An edit touching many documents (an import,
//! a replacement) is written straight into their records instead.
//!
//! [`restore`] reads the records back, replays the journal on top and
//! returns the compaction to write. [`restore`] also migrates a profile of
//! schema 1 (one [`Snapshot`] and the whole history as JSON).
//!
//! This module decides; it never touches a browser API. The platform's
//! executor (`platform::storage`) and [`MemoryStore`] carry plans out the
//! same way, so the native tests of this module replay exactly what the
//! browser stores.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::edit::{Edit, History};
use super::model::{DocId, Document, DocumentBody, Label, Workspace};
use super::snapshot::{DocumentRecord, Snapshot};

/// The layout version of the records, in [`WorkspaceRecord::schema`].
pub const SCHEMA: u32 = 2;

/// How many journal entries may wait before the persister compacts by
/// itself.
pub const COMPACT_EVERY: usize = 64;

/// An edit that touches more documents than this is written into their
/// records at once instead of the journal (it would be folded soon anyway).
pub const LARGE_EDIT: usize = 32;

/// What changed, for storage to write.
#[derive(Clone, Debug, PartialEq)]
pub enum Persist {
    /// `forward` was applied to the workspace, as `step` of the history.
    Applied {
        /// The edit as applied (not its inverse).
        forward: Edit,
        /// How the undo history moved.
        step: Step,
    },
    /// This document was opened.
    Opened(DocId),
}

/// How the undo history moved with an applied edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// A new step: its inverse went on the undo stack, redo was cleared.
    Done,
    /// The top undo step was applied and its inverse went on the redo stack.
    Undone,
    /// The top redo step was applied and its inverse went on the undo stack.
    Redone,
}

/// `meta/workspace`: what the workspace holds besides its documents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkspaceRecord {
    /// [`SCHEMA`].
    pub schema: u32,
    /// The label set.
    pub labels: Vec<Label>,
    /// The documents' ids in display order.
    pub order: Vec<DocId>,
}

impl WorkspaceRecord {
    /// The record of `ws`.
    pub fn of(ws: &Workspace) -> Self {
        WorkspaceRecord {
            schema: SCHEMA,
            labels: ws.labels.clone(),
            order: ws.documents.iter().map(|d| d.id).collect(),
        }
    }
}

/// One journal entry: an edit as it was applied, and the workspace's id
/// counter after it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// The forward edit (documents without their texts).
    pub edit: Edit,
    /// [`Workspace::next_id`] after the edit.
    pub next_id: u64,
}

/// [`JournalEntry`] borrowed, for writing.
#[derive(Serialize)]
struct JournalRef<'a> {
    edit: &'a Edit,
    next_id: u64,
}

/// Which stack of the history a step is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stack {
    /// Undo.
    Undo,
    /// Redo.
    Redo,
}

/// One step of the history, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepRecord {
    /// Its stack.
    pub stack: Stack,
    /// The edit that undoes (or redoes) it.
    pub edit: Edit,
}

/// [`StepRecord`] borrowed, for writing.
#[derive(Serialize)]
struct StepRef<'a> {
    stack: Stack,
    edit: &'a Edit,
}

/// A journal entry that could not be replayed, kept in `meta/set_aside`
/// instead of being dropped.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    /// Its journal key.
    pub seq: u64,
    /// The entry as stored.
    pub entry: String,
    /// Why it could not be applied.
    pub reason: String,
}

/// What to write in one transaction. The executor carries it out in this
/// order: `clear`, `drop_v1`, every deletion, then every put. Record values
/// are JSON, except texts (see [`DocumentBody`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WritePlan {
    /// Empty the `docs`, `journal` and `steps` stores first (a full write).
    pub clear: bool,
    /// Delete the schema 1 records (`meta/snapshot`, `meta/history`).
    pub drop_v1: bool,
    /// New `meta/workspace` ([`WorkspaceRecord`] as JSON).
    pub workspace: Option<String>,
    /// New `meta/next_id`.
    pub next_id: Option<u64>,
    /// New `meta/open` (`Some(None)`: delete it).
    pub open: Option<Option<DocId>>,
    /// New `meta/set_aside` (a JSON list of [`SetAside`]).
    pub set_aside: Option<String>,
    /// Texts to store.
    pub put_texts: Vec<(DocId, DocumentBody)>,
    /// Texts no document or step refers to any more.
    pub delete_texts: Vec<DocId>,
    /// Document records to store ([`DocumentRecord`] as JSON).
    pub put_docs: Vec<(DocId, String)>,
    /// Document records to delete.
    pub delete_docs: Vec<DocId>,
    /// Journal entries to append ([`JournalEntry`] as JSON).
    pub append: Vec<(u64, String)>,
    /// Delete every journal entry with a key below this.
    pub delete_journal_below: Option<u64>,
    /// Step records to store ([`StepRecord`] as JSON).
    pub put_steps: Vec<(u64, String)>,
    /// Step records to delete.
    pub delete_steps: Vec<u64>,
    /// How many user changes this plan saves: once written, they are
    /// acknowledged.
    pub edits: usize,
}

impl WritePlan {
    /// Whether the plan writes nothing.
    pub fn is_empty(&self) -> bool {
        self.records() == 0 && !self.clear && !self.drop_v1
    }

    /// How many records the plan puts or deletes (a range deletion of the
    /// journal counts once).
    pub fn records(&self) -> usize {
        usize::from(self.workspace.is_some())
            + usize::from(self.next_id.is_some())
            + usize::from(self.open.is_some())
            + usize::from(self.set_aside.is_some())
            + self.put_texts.len()
            + self.delete_texts.len()
            + self.put_docs.len()
            + self.delete_docs.len()
            + self.append.len()
            + usize::from(self.delete_journal_below.is_some())
            + self.put_steps.len()
            + self.delete_steps.len()
    }
}

/// JSON of a record. Records hold plain data, so this does not fail; if it
/// ever did, the record would be unreadable on restore and reported there.
fn json(value: &impl Serialize) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| format!("unserializable record: {e}"))
}

/// The documents and workspace fields that edits touched since the last
/// compaction.
#[derive(Clone, Debug, Default, PartialEq)]
struct Touched {
    docs: BTreeSet<DocId>,
    workspace: bool,
}

impl Touched {
    /// Notes what `edit` touches; `ws` is the workspace after it.
    fn add(&mut self, edit: &Edit, ws: &Workspace) {
        match edit {
            Edit::AddSpans { doc, .. }
            | Edit::RemoveSpans { doc, .. }
            | Edit::SetSpanLabel { doc, .. }
            | Edit::SetSpanNote { doc, .. }
            | Edit::SetDone { doc, .. } => {
                self.docs.insert(*doc);
            }
            Edit::SetLabels(_) => self.workspace = true,
            Edit::RenameLabel { from, to } => {
                self.workspace = true;
                let carries = |d: &&Arc<Document>| {
                    d.spans.iter().any(|s| s.label == *from || s.label == *to)
                };
                self.docs
                    .extend(ws.documents.iter().filter(carries).map(|d| d.id));
            }
            Edit::InsertDocuments { documents, .. } | Edit::Replace { documents, .. } => {
                self.workspace = true;
                self.docs.extend(documents.iter().map(|d| d.id));
            }
            Edit::RemoveDocuments { ids } => {
                self.workspace = true;
                self.docs.extend(ids.iter().copied());
            }
            Edit::Batch(edits) => {
                for edit in edits {
                    self.add(edit, ws);
                }
            }
        }
    }

    fn is_empty(&self) -> bool {
        self.docs.is_empty() && !self.workspace
    }
}

/// Whether `edit` removes documents from the workspace (their texts may
/// become unreferenced).
fn removes_documents(edit: &Edit) -> bool {
    match edit {
        Edit::RemoveDocuments { .. } | Edit::Replace { .. } => true,
        Edit::Batch(edits) => edits.iter().any(removes_documents),
        _ => false,
    }
}

/// What is stored, as far as the plans written so far go: the keys of the
/// step records of each stack, the journal not yet compacted, the texts,
/// and the last `open` and `next_id` written. Each change asks it for its
/// [`WritePlan`]; plans must then be written in the order they were made.
#[derive(Clone, Debug, PartialEq)]
pub struct Persister {
    /// The key of the next journal entry.
    next_seq: u64,
    /// Journal entries not yet compacted.
    journal: usize,
    /// The key of the next step record.
    next_step: u64,
    /// Keys of the undo stack's records, oldest first.
    undo_keys: Vec<u64>,
    /// Keys of the redo stack's records, oldest first.
    redo_keys: Vec<u64>,
    /// What the journal touched since the last compaction.
    dirty: Touched,
    /// Documents whose text is stored.
    texts: HashSet<DocId>,
    /// Texts kept even when nothing refers to them (set-aside entries').
    pinned: BTreeSet<DocId>,
    /// Whether some stored text may have lost its last reference.
    garbage: bool,
    /// `meta/open` as written.
    open: Option<DocId>,
    /// `meta/next_id` as written.
    next_id: u64,
}

impl Default for Persister {
    fn default() -> Self {
        Persister::new()
    }
}

impl Persister {
    /// The persister of an empty store.
    pub fn new() -> Self {
        Persister {
            next_seq: 1,
            journal: 0,
            next_step: 1,
            undo_keys: Vec::new(),
            redo_keys: Vec::new(),
            dirty: Touched::default(),
            texts: HashSet::new(),
            pinned: BTreeSet::new(),
            garbage: false,
            open: None,
            next_id: 0,
        }
    }

    /// How many journal entries wait for compaction.
    pub fn journal_len(&self) -> usize {
        self.journal
    }

    /// The plan for `what`, which just happened: `ws` and `history` are as
    /// it left them.
    pub fn plan(&mut self, what: &Persist, ws: &Workspace, history: &History) -> WritePlan {
        match what {
            Persist::Applied { forward, step } => self.applied(forward, *step, ws, history),
            Persist::Opened(_) => {
                let mut plan = WritePlan::default();
                self.note_open(&mut plan, ws);
                plan
            }
        }
    }

    /// Adds `meta/open` to `plan` when the open document is not the one
    /// last written.
    pub fn note_open(&mut self, plan: &mut WritePlan, ws: &Workspace) {
        if ws.open != self.open {
            plan.open = Some(ws.open);
            self.open = ws.open;
        }
    }

    fn applied(&mut self, forward: &Edit, step: Step, ws: &Workspace, history: &History) -> WritePlan {
        let mut plan = WritePlan {
            edits: 1,
            ..WritePlan::default()
        };
        let Some(inverse) = self.move_steps(step, history, &mut plan) else {
            // The history is not what the stored steps say: write it all.
            let mut full = self.full(ws, history);
            full.edits = 1;
            return full;
        };
        self.put_new_texts(forward, &mut plan);
        if removes_documents(forward) || removes_documents(inverse) {
            self.garbage = true;
        }
        let mut touched = Touched::default();
        touched.add(forward, ws);
        touched.add(inverse, ws);
        let large = touched.docs.len() > LARGE_EDIT;
        self.dirty.docs.extend(touched.docs);
        self.dirty.workspace |= touched.workspace;
        if large || self.journal + 1 >= COMPACT_EVERY {
            self.fold(ws, history, &mut plan);
        } else {
            plan.append.push((
                self.next_seq,
                json(&JournalRef {
                    edit: forward,
                    next_id: ws.next_id,
                }),
            ));
            self.next_seq += 1;
            self.journal += 1;
        }
        self.note_open(&mut plan, ws);
        plan
    }

    /// Moves the step keys as `step` moved the history, adding the step
    /// records to put and delete; returns the inverse of the applied edit
    /// (the step pushed), or `None` when the stored stacks do not match
    /// the history (nothing is changed then).
    fn move_steps<'h>(
        &mut self,
        step: Step,
        history: &'h History,
        plan: &mut WritePlan,
    ) -> Option<&'h Edit> {
        let (undo, redo) = (history.undo_steps(), history.redo_steps());
        let (kept_undo, kept_redo) = (self.undo_keys.len(), self.redo_keys.len());
        match step {
            Step::Done => {
                let top = undo.last()?;
                let dropped_oldest = if undo.len() == kept_undo + 1 {
                    false
                } else if undo.len() == kept_undo && kept_undo > 0 {
                    true
                } else {
                    return None;
                };
                if !redo.is_empty() {
                    return None;
                }
                if dropped_oldest {
                    plan.delete_steps.push(self.undo_keys.remove(0));
                    self.garbage = true;
                }
                if !self.redo_keys.is_empty() {
                    self.garbage = true;
                    plan.delete_steps.append(&mut self.redo_keys);
                }
                self.push_step(Stack::Undo, top, plan);
                Some(top)
            }
            Step::Undone => {
                if undo.len() + 1 != kept_undo || redo.len() != kept_redo + 1 {
                    return None;
                }
                let top = redo.last()?;
                plan.delete_steps.extend(self.undo_keys.pop());
                self.push_step(Stack::Redo, top, plan);
                Some(top)
            }
            Step::Redone => {
                if redo.len() + 1 != kept_redo || undo.len() != kept_undo + 1 {
                    return None;
                }
                let top = undo.last()?;
                plan.delete_steps.extend(self.redo_keys.pop());
                self.push_step(Stack::Undo, top, plan);
                Some(top)
            }
        }
    }

    fn push_step(&mut self, stack: Stack, edit: &Edit, plan: &mut WritePlan) {
        let key = self.next_step;
        self.next_step += 1;
        plan.put_steps.push((key, json(&StepRef { stack, edit })));
        match stack {
            Stack::Undo => self.undo_keys.push(key),
            Stack::Redo => self.redo_keys.push(key),
        }
    }

    /// Adds the texts of the documents `edit` brings that are not stored.
    fn put_new_texts(&mut self, edit: &Edit, plan: &mut WritePlan) {
        for doc in edit.documents() {
            if self.texts.insert(doc.id) {
                plan.put_texts.push((doc.id, doc.body()));
            }
        }
    }

    /// The compaction to write now, or `None` when the records are up to
    /// date: the records the journal touched, the journal's deletion, and
    /// texts nothing refers to any more.
    pub fn compact(&mut self, ws: &Workspace, history: &History) -> Option<WritePlan> {
        if self.journal == 0 && self.dirty.is_empty() && !self.garbage && ws.next_id == self.next_id
        {
            return None;
        }
        let mut plan = WritePlan::default();
        self.fold(ws, history, &mut plan);
        self.note_open(&mut plan, ws);
        Some(plan)
    }

    /// Writes the records of everything dirty into `plan` and drops the
    /// journal.
    fn fold(&mut self, ws: &Workspace, history: &History, plan: &mut WritePlan) {
        let dirty = std::mem::take(&mut self.dirty);
        let index: Option<HashMap<DocId, &Document>> = (dirty.docs.len() > 8)
            .then(|| ws.documents.iter().map(|d| (d.id, &**d)).collect());
        for id in dirty.docs {
            let doc = match &index {
                Some(index) => index.get(&id).copied(),
                None => ws.document(id),
            };
            match doc {
                Some(doc) => plan.put_docs.push((id, json(&DocumentRecord::of(doc)))),
                None => plan.delete_docs.push(id),
            }
        }
        if dirty.workspace {
            plan.workspace = Some(json(&WorkspaceRecord::of(ws)));
        }
        if ws.next_id != self.next_id {
            plan.next_id = Some(ws.next_id);
            self.next_id = ws.next_id;
        }
        if self.journal > 0 {
            plan.delete_journal_below = Some(self.next_seq);
            self.journal = 0;
        }
        if self.garbage {
            self.collect_garbage(ws, history, plan);
        }
    }

    /// Deletes the texts that neither the workspace nor a step refers to.
    fn collect_garbage(&mut self, ws: &Workspace, history: &History, plan: &mut WritePlan) {
        let mut referenced: HashSet<DocId> = ws.documents.iter().map(|d| d.id).collect();
        for edit in history.undo_steps().iter().chain(history.redo_steps()) {
            referenced.extend(edit.documents().iter().map(|d| d.id));
        }
        referenced.extend(self.pinned.iter().copied());
        referenced.extend(plan.put_texts.iter().map(|(id, _)| *id));
        let mut unused: Vec<DocId> = self
            .texts
            .iter()
            .filter(|id| !referenced.contains(id))
            .copied()
            .collect();
        unused.sort_unstable();
        for id in &unused {
            self.texts.remove(id);
        }
        plan.delete_texts.extend(unused);
        self.garbage = false;
    }

    /// A plan that writes everything anew: every record, every step, the
    /// texts not stored yet; the journal and the old records are cleared.
    /// For a first save, a migration, or a history that does not match
    /// the stored steps.
    pub fn full(&mut self, ws: &Workspace, history: &History) -> WritePlan {
        let mut plan = WritePlan {
            clear: true,
            workspace: Some(json(&WorkspaceRecord::of(ws))),
            next_id: Some(ws.next_id),
            open: Some(ws.open),
            put_docs: ws
                .documents
                .iter()
                .map(|doc| (doc.id, json(&DocumentRecord::of(doc))))
                .collect(),
            ..WritePlan::default()
        };
        self.next_id = ws.next_id;
        self.open = ws.open;
        for doc in &ws.documents {
            if self.texts.insert(doc.id) {
                plan.put_texts.push((doc.id, doc.body()));
            }
        }
        self.undo_keys.clear();
        self.redo_keys.clear();
        for edit in history.undo_steps() {
            self.put_new_texts(edit, &mut plan);
            self.push_step(Stack::Undo, edit, &mut plan);
        }
        for edit in history.redo_steps() {
            self.put_new_texts(edit, &mut plan);
            self.push_step(Stack::Redo, edit, &mut plan);
        }
        self.dirty = Touched::default();
        self.journal = 0;
        self.collect_garbage(ws, history, &mut plan);
        plan
    }
}

/// Everything a store holds, as read for [`restore`]: record values as
/// stored (JSON), texts already read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stored {
    /// `meta/workspace`.
    pub workspace: Option<String>,
    /// `meta/next_id`.
    pub next_id: Option<u64>,
    /// `meta/open`.
    pub open: Option<DocId>,
    /// `meta/set_aside`.
    pub set_aside: Option<String>,
    /// A profile of schema 1, when its records are still there.
    pub v1: Option<V1Profile>,
    /// Every text.
    pub texts: Vec<(DocId, DocumentBody)>,
    /// Every document record.
    pub docs: Vec<(DocId, String)>,
    /// Every journal entry.
    pub journal: Vec<(u64, String)>,
    /// Every step record.
    pub steps: Vec<(u64, String)>,
}

/// The records of schema 1 (database version 1).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct V1Profile {
    /// `meta/snapshot`, as JSON.
    pub snapshot: String,
    /// `meta/history`: the whole history as JSON, when there is one.
    pub history: Option<String>,
}

/// A workspace read back from storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The workspace, journal replayed.
    pub ws: Workspace,
    /// The undo history.
    pub history: History,
    /// What is stored once `plan` is written.
    pub persister: Persister,
    /// What the tab that edits must write first: the compaction of the
    /// journal, or the migration from schema 1.
    pub plan: Option<WritePlan>,
    /// What could not be restored (set-aside journal entries, lost undo
    /// steps), for the user.
    pub problems: Vec<String>,
}

/// Reads a store back: the records, the journal replayed on top, and the
/// steps as the history. `Ok(None)` when nothing was ever saved.
///
/// Nothing stored is dropped silently: a journal entry that cannot be
/// applied is set aside (kept in `meta/set_aside`) and reported in
/// [`Loaded::problems`]; a step that cannot be read costs that step and the
/// older ones (they could not be applied without it), also reported.
///
/// # Errors
/// A message when the records themselves cannot be read (a record or a text
/// missing or unreadable, a layout from a newer Wasim): the caller then
/// writes nothing over them.
pub fn restore(stored: Stored) -> Result<Option<Loaded>, String> {
    let text_ids: HashSet<DocId> = stored.texts.iter().map(|(id, _)| *id).collect();
    let texts: HashMap<DocId, DocumentBody> = stored.texts.into_iter().collect();
    let Some(raw) = stored.workspace.as_deref() else {
        if let Some(v1) = &stored.v1 {
            return migrate_v1(v1, &texts, text_ids).map(Some);
        }
        if !stored.docs.is_empty() || !stored.journal.is_empty() || !stored.steps.is_empty() {
            return Err("saved documents have no workspace record".to_owned());
        }
        return Ok(None);
    };
    let record: WorkspaceRecord = serde_json::from_str(raw)
        .map_err(|e| format!("the saved workspace record is unreadable: {e}"))?;
    if record.schema != SCHEMA {
        return Err(format!(
            "saved data has layout version {}; this version of Wasim reads {SCHEMA}",
            record.schema
        ));
    }
    let mut records: HashMap<DocId, &str> =
        stored.docs.iter().map(|(id, s)| (*id, s.as_str())).collect();
    let mut documents = Vec::with_capacity(record.order.len());
    for id in &record.order {
        let raw = records
            .remove(id)
            .ok_or_else(|| format!("the record of document {} is missing", id.0))?;
        let doc: DocumentRecord = serde_json::from_str(raw)
            .map_err(|e| format!("the record of document {} is unreadable: {e}", id.0))?;
        let body = texts
            .get(id)
            .cloned()
            .ok_or_else(|| format!("the text of {:?} is missing", doc.name))?;
        documents.push(Arc::new(doc.into_document(body)));
    }
    let mut ws = Workspace {
        labels: record.labels,
        documents,
        open: stored.open,
        next_id: stored.next_id.unwrap_or(1),
    };
    ws.validate()?;
    let mut persister = Persister::new();
    persister.texts = text_ids;
    persister.open = stored.open;
    persister.next_id = stored.next_id.unwrap_or(0);
    // Records no document refers to are deleted by the compaction below.
    persister.dirty.docs.extend(records.keys().copied());
    let mut problems = Vec::new();
    let set_aside = replay(&stored.journal, &mut ws, &texts, &mut persister);
    if ws.open.is_none_or(|id| ws.document(id).is_none()) {
        ws.open = ws.documents.first().map(|d| d.id);
    }
    let (history, dropped) = read_steps(&stored.steps, &texts, &mut persister, &mut problems);
    let mut plan = WritePlan::default();
    if !set_aside.is_empty() {
        problems.push(format!(
            "{} saved change(s) could not be applied ({}); they are kept aside in storage, not lost.",
            set_aside.len(),
            set_aside[0].reason
        ));
        for entry in &set_aside {
            if let Ok(entry) = serde_json::from_str::<JournalEntry>(&entry.entry) {
                persister
                    .pinned
                    .extend(entry.edit.documents().iter().map(|d| d.id));
            }
        }
        plan.set_aside = Some(json(&merge_set_aside(
            stored.set_aside.as_deref(),
            set_aside,
        )));
    }
    plan.delete_steps = dropped;
    persister.garbage = true;
    persister.fold(&ws, &history, &mut plan);
    persister.note_open(&mut plan, &ws);
    plan.drop_v1 = stored.v1.is_some();
    let plan = (!plan.is_empty()).then_some(plan);
    Ok(Some(Loaded {
        ws,
        history,
        persister,
        plan,
        problems,
    }))
}

/// Replays the journal onto `ws` in key order, noting what it touched in
/// `persister`; returns the entries that could not be applied.
fn replay(
    journal: &[(u64, String)],
    ws: &mut Workspace,
    texts: &HashMap<DocId, DocumentBody>,
    persister: &mut Persister,
) -> Vec<SetAside> {
    let mut entries: Vec<&(u64, String)> = journal.iter().collect();
    entries.sort_by_key(|(seq, _)| *seq);
    persister.next_seq = entries.last().map_or(1, |(seq, _)| seq + 1);
    persister.journal = entries.len();
    let mut set_aside = Vec::new();
    for (seq, raw) in entries {
        match replay_entry(raw, ws, texts, &mut persister.dirty) {
            Ok(()) => {}
            Err(reason) => set_aside.push(SetAside {
                seq: *seq,
                entry: raw.clone(),
                reason,
            }),
        }
    }
    set_aside
}

fn replay_entry(
    raw: &str,
    ws: &mut Workspace,
    texts: &HashMap<DocId, DocumentBody>,
    dirty: &mut Touched,
) -> Result<(), String> {
    let entry: JournalEntry =
        serde_json::from_str(raw).map_err(|e| format!("an entry is unreadable: {e}"))?;
    let mut edit = entry.edit;
    if !edit.hydrate(|id| texts.get(&id).cloned()) {
        return Err("the text of a document it brings is missing".to_owned());
    }
    let inverse = edit.clone().apply(ws).map_err(|e| e.to_string())?;
    ws.next_id = ws.next_id.max(entry.next_id);
    dirty.add(&edit, ws);
    dirty.add(&inverse, ws);
    Ok(())
}

/// The history from the step records. A step that cannot be read, or
/// whose documents' texts are missing, is dropped with every older step
/// (they could not be applied without it); returns the keys dropped.
fn read_steps(
    steps: &[(u64, String)],
    texts: &HashMap<DocId, DocumentBody>,
    persister: &mut Persister,
    problems: &mut Vec<String>,
) -> (History, Vec<u64>) {
    let mut records: Vec<&(u64, String)> = steps.iter().collect();
    records.sort_by_key(|(key, _)| *key);
    persister.next_step = records.last().map_or(1, |(key, _)| key + 1);
    let mut undo: Vec<(u64, Edit)> = Vec::new();
    let mut redo: Vec<(u64, Edit)> = Vec::new();
    let mut dropped = Vec::new();
    for (key, raw) in records {
        let step = serde_json::from_str::<StepRecord>(raw)
            .ok()
            .and_then(|mut step| step.edit.hydrate(|id| texts.get(&id).cloned()).then_some(step));
        match step {
            Some(step) => match step.stack {
                Stack::Undo => undo.push((*key, step.edit)),
                Stack::Redo => redo.push((*key, step.edit)),
            },
            None => {
                dropped.extend(undo.drain(..).map(|(k, _)| k));
                dropped.extend(redo.drain(..).map(|(k, _)| k));
                dropped.push(*key);
            }
        }
    }
    let history = History::from_stacks(
        undo.iter().map(|(_, e)| e.clone()).collect(),
        redo.iter().map(|(_, e)| e.clone()).collect(),
    );
    let kept = history.undo_steps().len();
    let over = undo.len() - kept;
    dropped.extend(undo.drain(..over).map(|(k, _)| k));
    if !dropped.is_empty() {
        problems.push(format!(
            "{} undo step(s) could not be read back; older steps are gone, your work is not.",
            dropped.len()
        ));
    }
    persister.undo_keys = undo.into_iter().map(|(k, _)| k).collect();
    persister.redo_keys = redo.into_iter().map(|(k, _)| k).collect();
    (history, dropped)
}

/// The set-aside list: what was already there (kept as is, even when
/// unreadable) and `new`.
fn merge_set_aside(existing: Option<&str>, new: Vec<SetAside>) -> Vec<SetAside> {
    let mut all = match existing {
        None => Vec::new(),
        Some(raw) => serde_json::from_str::<Vec<SetAside>>(raw).unwrap_or_else(|e| {
            vec![SetAside {
                seq: 0,
                entry: raw.to_owned(),
                reason: format!("an earlier list, unreadable: {e}"),
            }]
        }),
    };
    all.extend(new);
    all
}

/// Converts a profile of schema 1 (its snapshot and whole history as JSON,
/// and its texts) into the workspace, its history, and the plan that
/// writes them as schema 2 records and deletes the old ones, in one
/// transaction. Nothing is lost: spans, labels, flags, the open document,
/// every undo and redo step and every text (stored under the same keys,
/// not rewritten).
///
/// # Errors
/// A message when the snapshot cannot be read or a text is missing.
pub fn migrate_v1(
    v1: &V1Profile,
    texts: &HashMap<DocId, DocumentBody>,
    stored_texts: HashSet<DocId>,
) -> Result<Loaded, String> {
    let snapshot: Snapshot = serde_json::from_str(&v1.snapshot)
        .map_err(|e| format!("saved data (schema 1) is unreadable: {e}"))?;
    let ws = snapshot.restore(|id| texts.get(&id).cloned())?;
    let mut problems = Vec::new();
    let history = match v1.history.as_deref().map(serde_json::from_str::<History>) {
        None => History::default(),
        Some(Ok(mut history)) => {
            history.hydrate(|id| texts.get(&id).cloned());
            History::from_stacks(
                history.undo_steps().iter().map(|e| Edit::clone(e)).collect(),
                history.redo_steps().iter().map(|e| Edit::clone(e)).collect(),
            )
        }
        Some(Err(e)) => {
            problems.push(format!(
                "The undo history saved by the previous version could not be read ({e}); your work is all here."
            ));
            History::default()
        }
    };
    let mut persister = Persister::new();
    persister.texts = stored_texts;
    let mut plan = persister.full(&ws, &history);
    plan.drop_v1 = true;
    Ok(Loaded {
        ws,
        history,
        persister,
        plan: Some(plan),
        problems,
    })
}

/// A store in memory that carries plans out exactly as the IndexedDB
/// executor does: the reference the native tests replay against.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MemoryStore {
    /// `meta/workspace`.
    pub workspace: Option<String>,
    /// `meta/next_id`.
    pub next_id: Option<u64>,
    /// `meta/open`.
    pub open: Option<DocId>,
    /// `meta/set_aside`.
    pub set_aside: Option<String>,
    /// Schema 1 records.
    pub v1: Option<V1Profile>,
    /// Store `texts`.
    pub texts: BTreeMap<DocId, DocumentBody>,
    /// Store `docs`.
    pub docs: BTreeMap<DocId, String>,
    /// Store `journal`.
    pub journal: BTreeMap<u64, String>,
    /// Store `steps`.
    pub steps: BTreeMap<u64, String>,
    /// How many plans were written.
    pub transactions: usize,
}

impl MemoryStore {
    /// Writes `plan` (one transaction).
    pub fn execute(&mut self, plan: &WritePlan) {
        self.transactions += 1;
        if plan.clear {
            self.docs.clear();
            self.journal.clear();
            self.steps.clear();
        }
        if plan.drop_v1 {
            self.v1 = None;
        }
        for id in &plan.delete_texts {
            self.texts.remove(id);
        }
        for id in &plan.delete_docs {
            self.docs.remove(id);
        }
        if let Some(below) = plan.delete_journal_below {
            self.journal.retain(|seq, _| *seq >= below);
        }
        for key in &plan.delete_steps {
            self.steps.remove(key);
        }
        for (id, body) in &plan.put_texts {
            self.texts.insert(*id, body.clone());
        }
        for (id, record) in &plan.put_docs {
            self.docs.insert(*id, record.clone());
        }
        for (seq, entry) in &plan.append {
            self.journal.insert(*seq, entry.clone());
        }
        for (key, step) in &plan.put_steps {
            self.steps.insert(*key, step.clone());
        }
        if let Some(record) = &plan.workspace {
            self.workspace = Some(record.clone());
        }
        if let Some(next_id) = plan.next_id {
            self.next_id = Some(next_id);
        }
        if let Some(open) = plan.open {
            self.open = open;
        }
        if let Some(list) = &plan.set_aside {
            self.set_aside = Some(list.clone());
        }
    }

    /// Everything stored, for [`restore`].
    pub fn read(&self) -> Stored {
        Stored {
            workspace: self.workspace.clone(),
            next_id: self.next_id,
            open: self.open,
            set_aside: self.set_aside.clone(),
            v1: self.v1.clone(),
            texts: self.texts.iter().map(|(k, v)| (*k, v.clone())).collect(),
            docs: self.docs.iter().map(|(k, v)| (*k, v.clone())).collect(),
            journal: self.journal.iter().map(|(k, v)| (*k, v.clone())).collect(),
            steps: self.steps.iter().map(|(k, v)| (*k, v.clone())).collect(),
        }
    }
}
