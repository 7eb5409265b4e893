//! Storage plans: what to write for each change, so that saving costs what
//! the change touched (O(edit)), never the size of the corpus.
//!
//! The store (IndexedDB in the browser, [`MemoryStore`] in tests) holds
//! (schema [`SCHEMA`]):
//! - `texts`: each document's text and source, once, under its id; texts
//!   never change;
//! - `docs`: one [`DocRecord`] per document (name, flags, spans as rows);
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

use crate::core::sort;
use crate::core::sorted::SortedSet;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::edit::{Edit, History};
use super::i18n::{Arg, Counted, Key, Msg};
use super::json;
use super::model::{DocId, Document, DocumentBody, Label, Workspace, repair_labels};
use super::snapshot::{DocRecord, Snapshot};

/// The layout version of the records, in [`WorkspaceRecord::schema`].
pub const SCHEMA: u32 = 2;

/// How many journal entries may wait before the persister compacts by
/// itself.
pub const COMPACT_EVERY: usize = 64;

/// An edit that touches more documents than this is written into their
/// records at once instead of the journal (it would be folded soon anyway).
pub const LARGE_EDIT: usize = 32;

/// Where label repairs made on reading saved work come from ("Saved
/// workspace: label …").
fn saved_labels() -> Arg {
    Arg::Msg(Msg::new(Key::SavedWorkspace))
}

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
    /// [`Workspace::annotator`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
}

impl WorkspaceRecord {
    /// The record of `ws`.
    pub fn of(ws: &Workspace) -> Self {
        WorkspaceRecord {
            schema: SCHEMA,
            labels: ws.labels.clone(),
            order: ws.documents.iter().map(|d| d.id).collect(),
            annotator: ws.annotator.clone(),
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
    /// Document records to store ([`DocRecord`] as JSON).
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
    docs: SortedSet<DocId>,
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
            | Edit::SetSpanAccepted { doc, .. }
            | Edit::SetDone { doc, .. } => {
                self.docs.insert(*doc);
            }
            Edit::SetLabels(_) | Edit::SetAnnotator(_) => self.workspace = true,
            Edit::RenameLabel { from, to } => {
                self.workspace = true;
                let carries =
                    |d: &&Arc<Document>| d.spans.iter().any(|s| s.label == *from || s.label == *to);
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
    /// Documents whose text is stored; shared, so that copying a session
    /// (every UI state) and comparing two copies cost nothing.
    texts: Arc<HashSet<DocId>>,
    /// Texts kept even when nothing refers to them (set-aside entries').
    pinned: SortedSet<DocId>,
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
            texts: Arc::default(),
            pinned: SortedSet::new(),
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

    fn applied(
        &mut self,
        forward: &Edit,
        step: Step,
        ws: &Workspace,
        history: &History,
    ) -> WritePlan {
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
            if !self.texts.contains(&doc.id) && Arc::make_mut(&mut self.texts).insert(doc.id) {
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
        for id in dirty.docs {
            match ws.document(id) {
                Some(doc) => plan.put_docs.push((id, json(&DocRecord::of(doc)))),
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
        sort::sort(&mut unused);
        if !unused.is_empty() {
            let texts = Arc::make_mut(&mut self.texts);
            for id in &unused {
                texts.remove(id);
            }
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
                .map(|doc| (doc.id, json(&DocRecord::of(doc))))
                .collect(),
            ..WritePlan::default()
        };
        self.next_id = ws.next_id;
        self.open = ws.open;
        for doc in &ws.documents {
            if !self.texts.contains(&doc.id) && Arc::make_mut(&mut self.texts).insert(doc.id) {
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
    pub problems: Vec<Msg>,
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
pub fn restore(mut stored: Stored) -> Result<Option<Loaded>, Msg> {
    let text_ids: HashSet<DocId> = stored.texts.iter().map(|(id, _)| *id).collect();
    let texts: HashMap<DocId, DocumentBody> =
        std::mem::take(&mut stored.texts).into_iter().collect();
    let Some(raw) = stored.workspace.as_deref() else {
        if let Some(v1) = &stored.v1 {
            return migrate_v1(v1, &texts, text_ids).map(Some);
        }
        if !stored.docs.is_empty() || !stored.journal.is_empty() || !stored.steps.is_empty() {
            return Err(Msg::new(Key::SavedNoWorkspace));
        }
        return Ok(None);
    };
    let (mut ws, stale, repairs) = read_records(raw, &stored, &texts)?;
    let mut persister = Persister::new();
    persister.texts = Arc::new(text_ids);
    persister.open = stored.open;
    persister.next_id = stored.next_id.unwrap_or(0);
    // Records no document refers to are deleted by the compaction below.
    persister.dirty.docs.extend(stale);
    // Labels repaired on the way in are written back repaired.
    persister.dirty.workspace |= !repairs.is_empty();
    let mut problems = repairs;
    let (set_aside, why) = replay(&stored.journal, &mut ws, &texts, &mut persister);
    // `meta/open` is written with every change that moves it, so it is
    // the latest, whatever the replayed edits did to `open` on the way.
    ws.open = stored
        .open
        .filter(|id| ws.document(*id).is_some())
        .or_else(|| ws.documents.first().map(|d| d.id));
    let (history, dropped) = read_steps(&stored.steps, &texts, &mut persister, &mut problems);
    let mut plan = WritePlan {
        delete_steps: dropped,
        drop_v1: stored.v1.is_some(),
        ..WritePlan::default()
    };
    keep_set_aside(
        set_aside,
        why,
        stored.set_aside.as_deref(),
        &mut persister,
        &mut plan,
        &mut problems,
    );
    persister.garbage = true;
    persister.fold(&ws, &history, &mut plan);
    persister.note_open(&mut plan, &ws);
    Ok(Some(Loaded {
        ws,
        history,
        persister,
        plan: (!plan.is_empty()).then_some(plan),
        problems,
    }))
}

/// The workspace from its record (`raw`), the document records and the
/// texts, with the ids of records no document refers to and what was
/// repaired in the labels (a profile saved before they were checked may
/// hold, say, a colour that smuggles CSS).
fn read_records(
    raw: &str,
    stored: &Stored,
    texts: &HashMap<DocId, DocumentBody>,
) -> Result<(Workspace, Vec<DocId>, Vec<Msg>), Msg> {
    let mut record: WorkspaceRecord = json::parse(raw)
        .map_err(|e| Msg::new(Key::SavedRecordUnreadable).msg("error", json::describe(&e)))?;
    if record.schema != SCHEMA {
        return Err(Msg::new(Key::SavedLayout)
            .arg("version", record.schema.to_string())
            .arg("schema", SCHEMA.to_string()));
    }
    let mut records: HashMap<DocId, &str> = stored
        .docs
        .iter()
        .map(|(id, s)| (*id, s.as_str()))
        .collect();
    let mut documents = Vec::with_capacity(record.order.len());
    for id in &record.order {
        let number = || id.0.to_string();
        let raw = records
            .remove(id)
            .ok_or_else(|| Msg::new(Key::SavedDocMissing).arg("id", number()))?;
        let doc: DocRecord = json::parse(raw).map_err(|e| {
            Msg::new(Key::SavedDocUnreadable)
                .arg("id", number())
                .msg("error", json::describe(&e))
        })?;
        if doc.id != *id {
            return Err(Msg::new(Key::SavedDocMismatch)
                .arg("id", number())
                .arg("other", doc.id.0.to_string()));
        }
        let body = texts
            .get(id)
            .cloned()
            .ok_or_else(|| Msg::new(Key::SavedTextMissing).quoted("name", doc.name.as_str()))?;
        documents.push(Arc::new(doc.into_document(body)));
    }
    let repairs = repair_labels(&mut record.labels, &saved_labels());
    let ws = Workspace {
        labels: record.labels,
        documents: documents.into(),
        open: stored.open,
        next_id: stored.next_id.unwrap_or(1),
        annotator: record.annotator,
    };
    ws.validate()?;
    let mut stale: Vec<DocId> = records.into_keys().collect();
    sort::sort(&mut stale);
    Ok((ws, stale, repairs))
}

/// Journal entries that could not be replayed: said, added to the stored
/// list (written by `plan`), and their documents' texts kept.
fn keep_set_aside(
    new: Vec<SetAside>,
    why: Option<Msg>,
    stored: Option<&str>,
    persister: &mut Persister,
    plan: &mut WritePlan,
    problems: &mut Vec<Msg>,
) {
    if let Some(why) = why {
        problems.push(Msg::counted(Counted::SetAside, new.len()).msg("why", why));
    }
    let fresh = !new.is_empty();
    let all = merge_set_aside(stored, new);
    for entry in &all {
        if let Ok(entry) = json::parse::<JournalEntry>(&entry.entry) {
            persister
                .pinned
                .extend(entry.edit.documents().iter().map(|d| d.id));
        }
    }
    if fresh {
        plan.set_aside = Some(json(&all));
    }
}

/// Replays the journal onto `ws` in key order, noting what it touched in
/// `persister`; returns the entries that could not be applied, and why the
/// first could not.
fn replay(
    journal: &[(u64, String)],
    ws: &mut Workspace,
    texts: &HashMap<DocId, DocumentBody>,
    persister: &mut Persister,
) -> (Vec<SetAside>, Option<Msg>) {
    let mut entries: Vec<&(u64, String)> = journal.iter().collect();
    sort::sort_by_key(&mut entries, |(seq, _)| *seq);
    persister.next_seq = entries.last().map_or(1, |(seq, _)| seq + 1);
    persister.journal = entries.len();
    let mut set_aside = Vec::new();
    let mut first = None;
    for (seq, raw) in entries {
        match replay_entry(raw, ws, texts, &mut persister.dirty) {
            Ok(()) => {}
            Err(reason) => {
                // Stored in English, the language of the records.
                set_aside.push(SetAside {
                    seq: *seq,
                    entry: raw.clone(),
                    reason: reason.to_string(),
                });
                first.get_or_insert(reason);
            }
        }
    }
    (set_aside, first)
}

fn replay_entry(
    raw: &str,
    ws: &mut Workspace,
    texts: &HashMap<DocId, DocumentBody>,
    dirty: &mut Touched,
) -> Result<(), Msg> {
    let entry: JournalEntry = json::parse(raw)
        .map_err(|e| Msg::new(Key::EntryUnreadable).msg("error", json::describe(&e)))?;
    let mut edit = entry.edit;
    if !edit.hydrate(|id| texts.get(&id).cloned()) {
        return Err(Msg::new(Key::EntryTextMissing));
    }
    let before = ws.clone();
    let inverse = edit.clone().apply(ws).map_err(|e| e.msg())?;
    let mut touched = Touched::default();
    touched.add(&edit, ws);
    touched.add(&inverse, ws);
    // An edit checks what it needs to apply, not that the ids it brings
    // are new; a damaged or misplaced entry could duplicate one.
    if let Err(why) = sound(ws, &touched.docs) {
        *ws = before;
        return Err(why);
    }
    ws.next_id = ws.next_id.max(entry.next_id);
    dirty.docs.extend(touched.docs);
    dirty.workspace |= touched.workspace;
    Ok(())
}

/// Checks what replaying an entry could break: document ids unique, and in
/// the documents `touched`, span ids unique and spans valid and in order.
fn sound(ws: &Workspace, touched: &SortedSet<DocId>) -> Result<(), Msg> {
    let mut ids = HashSet::with_capacity(ws.documents.len());
    if !ws.documents.iter().all(|d| ids.insert(d.id)) {
        return Err(Msg::new(Key::EntryDuplicateDocument));
    }
    for doc in ws.documents.iter().filter(|d| touched.contains(&d.id)) {
        let mut spans = HashSet::with_capacity(doc.spans.len());
        if !doc.spans.iter().all(|s| spans.insert(s.id)) {
            return Err(Msg::new(Key::EntryDuplicateSpanId).quoted("name", doc.name.as_str()));
        }
        let probe = Workspace {
            labels: ws.labels.clone(),
            documents: vec![Arc::clone(doc)].into(),
            open: None,
            next_id: ws.next_id,
            annotator: None,
        };
        probe.validate()?;
    }
    Ok(())
}

/// The history from the step records. A step that cannot be read, or
/// whose documents' texts are missing, is dropped with every older step
/// (they could not be applied without it); returns the keys dropped.
fn read_steps(
    steps: &[(u64, String)],
    texts: &HashMap<DocId, DocumentBody>,
    persister: &mut Persister,
    problems: &mut Vec<Msg>,
) -> (History, Vec<u64>) {
    let mut records: Vec<&(u64, String)> = steps.iter().collect();
    sort::sort_by_key(&mut records, |(key, _)| *key);
    persister.next_step = records.last().map_or(1, |(key, _)| key + 1);
    let mut undo: Vec<(u64, Edit)> = Vec::new();
    let mut redo: Vec<(u64, Edit)> = Vec::new();
    let mut dropped = Vec::new();
    for (key, raw) in records {
        let step = json::parse::<StepRecord>(raw).ok().and_then(|mut step| {
            step.edit
                .hydrate(|id| texts.get(&id).cloned())
                .then_some(step)
        });
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
        problems.push(Msg::counted(Counted::UndoStepsLost, dropped.len()));
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
        Some(raw) => json::parse::<Vec<SetAside>>(raw).unwrap_or_else(|e| {
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
) -> Result<Loaded, Msg> {
    let mut snapshot: Snapshot = json::parse(&v1.snapshot)
        .map_err(|e| Msg::new(Key::V1Unreadable).msg("error", json::describe(&e)))?;
    let mut problems = repair_labels(&mut snapshot.labels, &saved_labels());
    let ws = snapshot.restore(|id| texts.get(&id).cloned())?;
    let history = match v1.history.as_deref().map(json::parse::<History>) {
        None => History::default(),
        Some(Ok(mut history)) => {
            history.hydrate(|id| texts.get(&id).cloned());
            History::from_stacks(
                history
                    .undo_steps()
                    .iter()
                    .map(|e| Edit::clone(e))
                    .collect(),
                history
                    .redo_steps()
                    .iter()
                    .map(|e| Edit::clone(e))
                    .collect(),
            )
        }
        Some(Err(e)) => {
            problems.push(Msg::new(Key::V1HistoryLost).msg("error", json::describe(&e)));
            History::default()
        }
    };
    let mut persister = Persister::new();
    persister.texts = Arc::new(stored_texts);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{SpanId, validate_labels};

    /// A workspace of `n` articles with `spans` spans each, the first open.
    fn corpus(n: usize, spans: usize) -> Workspace {
        let mut ws = Workspace::default();
        let text = "زار الكاظمي بغداد ثم عاد إلى بغداد مع وفد من منظمة الصحة العالمية. ".repeat(4);
        for i in 0..n {
            let mut doc = ws.new_document(&format!("{i:05}.txt"), &text);
            for k in 0..spans {
                let start = (k * 13) % 250;
                doc.spans.push(ws.new_span(start, start + 5, "LOC"));
            }
            doc.spans.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            ws.documents.push(doc.into());
        }
        ws.open = ws.documents.first().map(|d| d.id);
        ws
    }

    /// A store holding `ws` and an empty history, and its persister.
    fn stored(ws: &Workspace, history: &History) -> (MemoryStore, Persister) {
        let mut store = MemoryStore::default();
        let mut persister = Persister::new();
        store.execute(&persister.full(ws, history));
        (store, persister)
    }

    fn apply(
        ws: &mut Workspace,
        history: &mut History,
        persister: &mut Persister,
        edit: Edit,
    ) -> WritePlan {
        let forward = edit.clone();
        history.apply(ws, edit).expect("applies");
        persister.plan(
            &Persist::Applied {
                forward,
                step: Step::Done,
            },
            ws,
            history,
        )
    }

    fn undo(ws: &mut Workspace, history: &mut History, persister: &mut Persister) -> WritePlan {
        let forward = history.next_undo().cloned().expect("a step");
        history.undo(ws).expect("undoes");
        let step = Step::Undone;
        persister.plan(&Persist::Applied { forward, step }, ws, history)
    }

    fn redo(ws: &mut Workspace, history: &mut History, persister: &mut Persister) -> WritePlan {
        let forward = history.next_redo().cloned().expect("a step");
        history.redo(ws).expect("redoes");
        let step = Step::Redone;
        persister.plan(&Persist::Applied { forward, step }, ws, history)
    }

    fn restored(store: &MemoryStore) -> Loaded {
        restore(store.read()).expect("readable").expect("not empty")
    }

    #[test]
    fn tagging_one_word_among_10000_articles_writes_one_entry_and_one_step() {
        let mut ws = corpus(10_000, 20);
        let mut history = History::default();
        let (mut store, mut persister) = stored(&ws, &history);
        let doc = ws.documents[5_000].id;
        let edit = Edit::add_span(&mut ws, doc, 4, 11, "PER").expect("valid");
        let plan = apply(&mut ws, &mut history, &mut persister, edit);
        assert_eq!(plan.append.len(), 1, "one journal entry");
        assert_eq!(plan.put_steps.len(), 1, "one step record");
        assert_eq!(plan.records(), 2, "and nothing else: {plan:?}");
        assert_eq!(plan.edits, 1);
        let bytes = plan.append[0].1.len() + plan.put_steps[0].1.len();
        assert!(bytes < 300, "{bytes} bytes written");
        store.execute(&plan);
        let loaded = restored(&store);
        assert_eq!(loaded.ws, ws);
        assert_eq!(loaded.history, history);
        // Opening folds the entry into that one document's record.
        let fold = loaded.plan.expect("a compaction");
        assert_eq!(fold.put_docs.len(), 1);
        assert_eq!(fold.put_docs[0].0, doc);
        assert_eq!(fold.delete_journal_below, Some(2));
        assert!(fold.workspace.is_none() && fold.put_texts.is_empty());
    }

    #[test]
    fn who_annotated_survives_the_journal_and_the_records() {
        let mut ws = corpus(3, 2);
        let mut history = History::default();
        let (mut store, mut persister) = stored(&ws, &history);
        let doc = ws.documents[1].id;
        let mut span = ws.new_span(4, 11, "PER");
        span.annotators = vec!["Amina".into(), "Badr".into()];
        let edits = [
            Edit::SetAnnotator(Some("Chadi".into())),
            Edit::AddSpans {
                doc,
                spans: vec![span.clone()],
            },
            Edit::SetSpanAccepted {
                doc,
                span: span.id,
                accepted: true,
            },
        ];
        for edit in edits {
            store.execute(&apply(&mut ws, &mut history, &mut persister, edit));
        }
        let loaded = restored(&store);
        assert_eq!(loaded.ws.annotator.as_deref(), Some("Chadi"));
        assert_eq!(loaded.ws, ws, "replayed from the journal");
        // Folded into the records (the workspace record, the document row).
        store.execute(&loaded.plan.expect("a compaction"));
        let again = restored(&store);
        assert_eq!(again.ws, ws, "read from the records");
        let stored = &again.ws.documents[1].spans;
        assert!(
            stored
                .iter()
                .any(|s| s.accepted && s.annotators == ["Amina", "Badr"])
        );
    }

    #[test]
    fn undo_and_redo_move_one_step_record_each() {
        let mut ws = corpus(3, 2);
        let mut history = History::default();
        let (mut store, mut persister) = stored(&ws, &history);
        let doc = ws.documents[1].id;
        let edit = Edit::add_span(&mut ws, doc, 4, 11, "PER").expect("valid");
        store.execute(&apply(&mut ws, &mut history, &mut persister, edit));
        let [(undo_key, _)] = store
            .steps
            .iter()
            .map(|(k, v)| (*k, v.clone()))
            .collect::<Vec<_>>()[..]
        else {
            panic!("one step stored");
        };
        let plan = undo(&mut ws, &mut history, &mut persister);
        assert_eq!(plan.delete_steps, vec![undo_key], "the undo step goes");
        assert_eq!(plan.put_steps.len(), 1, "a redo step comes");
        assert!(plan.put_steps[0].1.starts_with(r#"{"stack":"redo""#));
        assert_eq!((plan.append.len(), plan.records()), (1, 3));
        store.execute(&plan);
        assert_eq!(restored(&store).history, history);
        let plan = redo(&mut ws, &mut history, &mut persister);
        assert_eq!(
            (
                plan.append.len(),
                plan.put_steps.len(),
                plan.delete_steps.len()
            ),
            (1, 1, 1)
        );
        assert!(plan.put_steps[0].1.starts_with(r#"{"stack":"undo""#));
        store.execute(&plan);
        let loaded = restored(&store);
        assert_eq!((loaded.ws, loaded.history), (ws, history));
    }

    #[test]
    fn a_new_step_deletes_the_redo_records_and_the_oldest_step_beyond_the_limit() {
        let mut ws = corpus(1, 0);
        let doc = ws.documents[0].id;
        let mut history = History::with_limit(2);
        let (mut store, mut persister) = stored(&ws, &history);
        for start in [0, 4, 12] {
            let edit = Edit::add_span(&mut ws, doc, start, start + 3, "MISC").expect("valid");
            let plan = apply(&mut ws, &mut history, &mut persister, edit);
            store.execute(&plan);
        }
        assert_eq!(store.steps.len(), 2, "the oldest step fell off");
        store.execute(&undo(&mut ws, &mut history, &mut persister));
        store.execute(&undo(&mut ws, &mut history, &mut persister));
        let edit = Edit::add_span(&mut ws, doc, 18, 23, "LOC").expect("valid");
        let plan = apply(&mut ws, &mut history, &mut persister, edit);
        assert_eq!(plan.delete_steps.len(), 2, "both redo steps go");
        store.execute(&plan);
        assert_eq!(store.steps.len(), 1);
        let loaded = restored(&store);
        assert_eq!(loaded.ws, ws);
        assert_eq!(loaded.history.undo_steps(), history.undo_steps());
    }

    #[test]
    fn compaction_folds_the_journal_into_the_records_it_touched() {
        let mut ws = corpus(50, 3);
        let mut history = History::default();
        let (mut store, mut persister) = stored(&ws, &history);
        assert!(
            persister.compact(&ws, &history).is_none(),
            "nothing to fold"
        );
        let (a, b) = (ws.documents[3].id, ws.documents[7].id);
        for (doc, start) in [(a, 4), (b, 4), (a, 12)] {
            let edit = Edit::add_span(&mut ws, doc, start, start + 7, "PER").expect("valid");
            store.execute(&apply(&mut ws, &mut history, &mut persister, edit));
        }
        assert_eq!(store.journal.len(), 3);
        let plan = persister.compact(&ws, &history).expect("a compaction");
        let docs: Vec<DocId> = plan.put_docs.iter().map(|(id, _)| *id).collect();
        assert_eq!(docs, vec![a, b]);
        assert_eq!(plan.delete_journal_below, Some(4));
        assert_eq!(plan.next_id, Some(ws.next_id));
        assert_eq!(plan.records(), 4, "{plan:?}");
        store.execute(&plan);
        assert!(store.journal.is_empty());
        assert!(persister.compact(&ws, &history).is_none());
        let loaded = restored(&store);
        assert_eq!((&loaded.ws, &loaded.history), (&ws, &history));
        assert!(loaded.plan.is_none(), "nothing to do on open");
    }

    #[test]
    fn the_persister_compacts_by_itself_every_few_entries() {
        let mut ws = corpus(2, 0);
        let doc = ws.documents[0].id;
        let mut history = History::default();
        let (mut store, mut persister) = stored(&ws, &history);
        for i in 0..COMPACT_EVERY {
            let edit = Edit::add_span(&mut ws, doc, i, i + 1, "MISC").expect("valid");
            let plan = apply(&mut ws, &mut history, &mut persister, edit);
            if i + 1 < COMPACT_EVERY {
                assert_eq!(plan.append.len(), 1);
            } else {
                assert!(plan.append.is_empty(), "folded instead");
                assert_eq!(plan.put_docs.len(), 1);
                assert_eq!(plan.delete_journal_below, Some(COMPACT_EVERY as u64));
            }
            store.execute(&plan);
        }
        assert!(store.journal.is_empty());
        assert_eq!(restored(&store).ws, ws);
    }

    #[test]
    fn loading_many_documents_writes_their_records_once_not_a_journal_entry() {
        let mut ws = corpus(2, 1);
        let mut history = History::default();
        let (mut store, mut persister) = stored(&ws, &history);
        let documents: Vec<Arc<Document>> = (0..100)
            .map(|i| ws.new_document(&format!("new{i}.txt"), "نص جديد").into())
            .collect();
        let edit = Edit::InsertDocuments { at: 2, documents };
        let plan = apply(&mut ws, &mut history, &mut persister, edit);
        assert!(plan.append.is_empty());
        assert_eq!((plan.put_docs.len(), plan.put_texts.len()), (100, 100));
        assert!(plan.workspace.is_some());
        assert_eq!(plan.put_steps.len(), 1);
        assert!(
            plan.put_steps[0].1.len() < 1_000,
            "the step only names the ids"
        );
        store.execute(&plan);
        // Undoing it is small too, and keeps the texts for redo.
        let plan = undo(&mut ws, &mut history, &mut persister);
        assert!(plan.delete_texts.is_empty() && plan.put_texts.is_empty());
        store.execute(&plan);
        let loaded = restored(&store);
        assert_eq!((&loaded.ws, &loaded.history), (&ws, &history));
    }

    #[test]
    fn texts_nothing_refers_to_are_deleted_when_compacting() {
        let mut ws = corpus(3, 0);
        let mut history = History::with_limit(1);
        let (mut store, mut persister) = stored(&ws, &history);
        let gone = ws.documents[0].id;
        let edit = Edit::RemoveDocuments { ids: vec![gone] };
        store.execute(&apply(&mut ws, &mut history, &mut persister, edit));
        let plan = persister.compact(&ws, &history).expect("a compaction");
        assert_eq!(plan.delete_docs, vec![gone], "its record goes");
        assert!(plan.delete_texts.is_empty(), "undo can still bring it back");
        store.execute(&plan);
        let doc = ws.documents[0].id;
        let edit = Edit::SetDone { doc, done: true };
        store.execute(&apply(&mut ws, &mut history, &mut persister, edit));
        let plan = persister.compact(&ws, &history).expect("a compaction");
        assert_eq!(plan.delete_texts, vec![gone], "its step fell off");
        store.execute(&plan);
        assert_eq!(store.texts.len(), 2);
        assert_eq!(restored(&store).ws, ws);
    }

    #[test]
    fn an_entry_that_cannot_be_applied_is_set_aside_and_reported() {
        let mut ws = corpus(2, 1);
        let mut history = History::default();
        let (mut store, mut persister) = stored(&ws, &history);
        let doc = ws.documents[0].id;
        let edit = Edit::add_span(&mut ws, doc, 4, 11, "PER").expect("valid");
        store.execute(&apply(&mut ws, &mut history, &mut persister, edit));
        let bad = json(&JournalRef {
            edit: &Edit::RemoveSpans {
                doc,
                ids: vec![SpanId(999_999)],
            },
            next_id: 1,
        });
        store.journal.insert(50, bad.clone());
        store.journal.insert(51, "{not json".to_owned());
        let loaded = restored(&store);
        assert_eq!(loaded.ws, ws, "every other entry is replayed");
        assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
        assert!(loaded.problems[0].contains("2 saved changes"));
        let plan = loaded.plan.expect("a compaction");
        let kept: Vec<SetAside> =
            serde_json::from_str(plan.set_aside.as_deref().expect("set aside")).expect("a list");
        assert_eq!(kept.len(), 2);
        assert_eq!((kept[0].seq, kept[0].entry.as_str()), (50, bad.as_str()));
        assert!(
            kept[0].reason.contains("no longer exists"),
            "{}",
            kept[0].reason
        );
        store.execute(&plan);
        assert!(store.journal.is_empty());
        let again = restored(&store);
        assert!(again.problems.is_empty(), "reported once");
        assert_eq!(again.ws, ws);
    }

    #[test]
    fn unreadable_records_are_an_error_never_a_panic_and_never_overwritten() {
        let ws = corpus(2, 1);
        let (store, _) = stored(&ws, &History::default());
        let mut broken = store.clone();
        broken.docs.insert(ws.documents[0].id, "][".to_owned());
        assert!(
            restore(broken.read())
                .expect_err("unreadable")
                .contains("unreadable")
        );
        let mut missing = store.clone();
        missing.texts.clear();
        assert!(
            restore(missing.read())
                .expect_err("missing")
                .contains("missing")
        );
        let mut newer = store.clone();
        newer.workspace = Some(json(&WorkspaceRecord {
            schema: 3,
            ..WorkspaceRecord::of(&ws)
        }));
        assert!(
            restore(newer.read())
                .expect_err("newer")
                .contains("version 3")
        );
        let orphan = MemoryStore {
            docs: store.docs.clone(),
            ..MemoryStore::default()
        };
        assert!(restore(orphan.read()).is_err());
        assert_eq!(restore(MemoryStore::default().read()), Ok(None));
        // An unreadable step costs that step and the older ones, said.
        let mut steps = store.clone();
        steps.steps.insert(1, "?".to_owned());
        let loaded = restored(&steps);
        assert!(loaded.problems[0].contains("undo step"));
        assert_eq!(loaded.plan.expect("a plan").delete_steps, vec![1]);
    }

    /// The schema 1 records of `ws` and `history`, as the previous release
    /// wrote them.
    fn v1_store(ws: &Workspace, history: &History) -> MemoryStore {
        let mut texts: BTreeMap<DocId, DocumentBody> =
            ws.documents.iter().map(|d| (d.id, d.body())).collect();
        for edit in history.undo_steps().iter().chain(history.redo_steps()) {
            texts.extend(edit.documents().iter().map(|d| (d.id, d.body())));
        }
        MemoryStore {
            v1: Some(V1Profile {
                snapshot: json(&Snapshot::of(ws)),
                history: Some(json(history)),
            }),
            texts,
            ..MemoryStore::default()
        }
    }

    #[test]
    fn a_schema_1_profile_migrates_in_one_plan_with_nothing_lost() {
        let mut ws = corpus(3, 2);
        let mut history = History::default();
        let mut scratch = Persister::new();
        let (a, b) = (ws.documents[0].id, ws.documents[1].id);
        let edit = Edit::add_span(&mut ws, a, 4, 11, "PER").expect("valid");
        apply(&mut ws, &mut history, &mut scratch, edit);
        apply(
            &mut ws,
            &mut history,
            &mut scratch,
            Edit::SetDone { doc: b, done: true },
        );
        apply(
            &mut ws,
            &mut history,
            &mut scratch,
            Edit::RemoveDocuments { ids: vec![b] },
        );
        undo(&mut ws, &mut history, &mut scratch);
        ws.open = Some(b);
        let mut store = v1_store(&ws, &history);
        let loaded = restored(&store);
        assert_eq!((&loaded.ws, &loaded.history), (&ws, &history));
        assert!(loaded.problems.is_empty());
        let plan = loaded.plan.expect("the migration");
        assert!(plan.clear && plan.drop_v1);
        assert!(plan.put_texts.is_empty(), "texts stay where they are");
        store.execute(&plan);
        assert!(store.v1.is_none());
        assert_eq!(store.transactions, 1);
        let again = restored(&store);
        assert_eq!((&again.ws, &again.history), (&ws, &history));
        assert!(again.plan.is_none());
    }

    const SMUGGLED: &str = "#00ff00; background-image: url(http://127.0.0.2:9/x.png)";

    #[test]
    fn a_profile_saved_with_a_hostile_colour_opens_repaired_and_is_written_back() {
        let ws = corpus(2, 1);
        let (mut store, _) = stored(&ws, &History::default());
        let record = store.workspace.clone().expect("a record");
        store.workspace = Some(
            record
                .replace("#ffc38a", SMUGGLED)
                .replace(r#""key":"2""#, r#""key":"?""#),
        );
        let loaded = restored(&store);
        assert!(validate_labels(&loaded.ws.labels).is_ok());
        assert_eq!(loaded.ws.documents, ws.documents);
        assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
        assert!(loaded.problems[0].starts_with("Saved workspace: label \"PER\": colour"));
        store.execute(&loaded.plan.expect("the repair is written"));
        let stored = store.workspace.clone().expect("a record");
        assert!(!stored.contains("url("), "{stored}");
        let again = restored(&store);
        assert!(again.problems.is_empty());
        assert_eq!(again.ws.labels, loaded.ws.labels);
    }

    #[test]
    fn a_schema_1_profile_with_a_hostile_colour_migrates_repaired() {
        let mut ws = corpus(2, 1);
        ws.labels[0].color = SMUGGLED.into();
        let mut store = v1_store(&ws, &History::default());
        let loaded = restored(&store);
        assert!(validate_labels(&loaded.ws.labels).is_ok());
        assert_eq!(loaded.problems.len(), 1, "{:?}", loaded.problems);
        assert!(loaded.problems[0].contains("\"PER\""));
        store.execute(&loaded.plan.expect("the migration"));
        assert!(!store.workspace.clone().expect("a record").contains("url("));
    }

    #[test]
    fn the_profile_captured_from_the_previous_release_migrates() {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/e2e/fixtures/v1-profile.json"
        );
        let dump: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("the fixture"))
                .expect("JSON");
        let entries = |store: &str| {
            dump["stores"][store]
                .as_array()
                .cloned()
                .unwrap_or_default()
        };
        let mut store = MemoryStore::default();
        let mut snapshot = None;
        let mut history = None;
        for entry in entries("meta") {
            match entry[0].as_str() {
                Some("snapshot") => snapshot = Some(entry[1].to_string()),
                Some("history") => history = entry[1].as_str().map(str::to_owned),
                _ => {}
            }
        }
        store.v1 = Some(V1Profile {
            snapshot: snapshot.expect("a snapshot"),
            history,
        });
        // A text is a string, or {text, source} with the source as JSON.
        for entry in entries("texts") {
            let id = DocId(entry[0].as_u64().expect("a key"));
            let (text, source) = match &entry[1] {
                serde_json::Value::String(text) => (text.clone(), None),
                body => (
                    body["text"].as_str().expect("a text").to_owned(),
                    body["source"]
                        .as_str()
                        .map(|json| Arc::new(serde_json::from_str(json).expect("a source"))),
                ),
            };
            let text = text.as_str().into();
            store.texts.insert(id, DocumentBody { text, source });
        }
        let loaded = restored(&store);
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let ws = &loaded.ws;
        let names: Vec<&str> = ws.documents.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "000_8abcee7451a8b320.txt",
                "001_447af13bdafea7e9.txt",
                "example.conll"
            ]
        );
        assert_eq!(ws.documents[0].spans.len(), 4);
        assert_eq!(ws.documents[2].spans.len(), 2);
        assert_eq!(
            ws.documents[2].source.as_ref().map(|s| s.format.as_str()),
            Some("conll"),
            "the CoNLL file's layout is kept"
        );
        assert!(ws.documents[0].done && !ws.documents[1].done);
        assert_eq!(ws.open, Some(ws.documents[1].id));
        assert_eq!(ws.labels.len(), 4);
        assert_eq!(
            (
                loaded.history.undo_steps().len(),
                loaded.history.redo_steps().len()
            ),
            (6, 1)
        );
        store.execute(loaded.plan.as_ref().expect("the migration"));
        let mut again = restored(&store);
        assert_eq!((&again.ws, &again.history), (&loaded.ws, &loaded.history));
        // Redo, then every undo down to the demo, still work.
        assert!(again.history.redo(&mut again.ws).is_some());
        assert_eq!(again.ws.documents[1].spans.len(), 1);
        while again.history.undo(&mut again.ws).is_some() {}
        assert!(
            again.ws.documents.iter().all(|d| d.demo),
            "back to the demo"
        );
    }
}
