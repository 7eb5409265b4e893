//! Replay tests of storage: any sequence of user changes (tags, relabels,
//! deletions, notes, done flags, Tag all, loads, removals, label renames,
//! undo and redo, idle compactions, reloads) goes through the session,
//! whose write plans are carried out by the in-memory store exactly as the
//! browser's executor carries them out. Then, after every transaction:
//! - what the store holds restores without error or complaint (a kill at
//!   any point between transactions leaves a consistent store);
//! - at the end of each change, it restores to exactly the session's
//!   workspace and history (what is acknowledged is all there);
//! - a change whose transaction is lost (killed before it committed) costs
//!   only that change: the store restores to the state before it.
//!
//! Reloads in the middle continue from the restored session, so the
//! persister read back from storage is checked too.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use proptest::prelude::*;

use wasim::core::edit::{Edit, History};
use wasim::core::formats::InputFile;
use wasim::core::formats::wasim::WasimJson;
use wasim::core::import_job::ImportJob;
use wasim::core::model::Workspace;
use wasim::core::persist::{MemoryStore, restore};
use wasim::core::resume::Resume;
use wasim::core::session::{Effect, Event, Restored, Session, Written};
use wasim::core::tabs::Role;
use wasim::core::text::CharRange;

const TEXTS: &[&str] = &[
    "زار الكاظمي بغداد ثم عاد إلى بغداد مع وفد من منظمة الصحة العالمية.\nParis 😀 بغداد",
    "التقت سلمى الراشد بوفد من منظمة الصحة العالمية في عمّان.",
    "أعلن مستشار الأمن القومي العراقي قاسم الأعرجي، الخميس، انتهاء المهام في بغداد.",
];

const LABELS: &[&str] = &["PER", "LOC", "ORG", "MISC"];

/// One thing the user (or the shell) does.
#[derive(Clone, Debug)]
enum Op {
    /// Load `n` files.
    Load(usize),
    /// Load many files at once (more than `LARGE_EDIT`).
    LoadMany,
    /// Import a Wasim JSON file of the current work: it replaces the
    /// workspace.
    ImportWorkspace,
    /// Open the n-th document.
    Open(usize),
    /// Tag a selection of the open document.
    Tag {
        start: usize,
        len: usize,
        label: usize,
        add: bool,
    },
    /// Select the n-th span and give it another label.
    Relabel(usize, usize),
    /// Select the n-th span and delete it.
    Delete(usize),
    /// Set the n-th span's note (or clear it).
    Note(usize, bool),
    /// Toggle the n-th document's done flag.
    Done(usize),
    /// Select the n-th span and tag all its occurrences.
    TagAll(usize),
    /// Remove the n-th document.
    Remove(usize),
    /// Rename PER to PERSON or back.
    Rename,
    Undo,
    Redo,
    /// The shell's idle timer.
    Idle,
    /// Reload the page: a new session restored from the store.
    Reload,
    /// Bring the demo back.
    ShowDemo,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => (1usize..4).prop_map(Op::Load),
        1 => Just(Op::LoadMany),
        1 => Just(Op::ImportWorkspace),
        2 => (0usize..8).prop_map(Op::Open),
        6 => (0usize..90, 1usize..12, 0usize..4, any::<bool>()).prop_map(|(start, len, label, add)| Op::Tag { start, len, label, add }),
        2 => (0usize..8, 0usize..4).prop_map(|(span, label)| Op::Relabel(span, label)),
        2 => (0usize..8).prop_map(Op::Delete),
        1 => (0usize..8, any::<bool>()).prop_map(|(span, set)| Op::Note(span, set)),
        1 => (0usize..8).prop_map(Op::Done),
        1 => (0usize..8).prop_map(Op::TagAll),
        1 => (0usize..8).prop_map(Op::Remove),
        1 => Just(Op::Rename),
        4 => Just(Op::Undo),
        3 => Just(Op::Redo),
        2 => Just(Op::Idle),
        1 => Just(Op::Reload),
        1 => Just(Op::ShowDemo),
    ]
}

/// A session and the store its plans are written to.
struct World {
    session: Session,
    store: MemoryStore,
    loaded: usize,
}

impl World {
    fn new() -> Self {
        let mut world = World {
            session: Session::default(),
            store: MemoryStore::default(),
            loaded: 0,
        };
        world.open();
        world
    }

    /// A new page: the role, then what storage holds.
    fn open(&mut self) {
        self.session = Session::default();
        self.session
            .update(Event::Role(Role::Writer), &Resume::default());
        let restored = restore(self.store.read())
            .expect("the store is readable")
            .map_or(Restored::Empty, |loaded| {
                assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
                Restored::Workspace(Box::new(loaded))
            });
        self.event(Event::Restored(Ok(restored)));
    }

    /// Hands `event` to the session, writes its plans one transaction
    /// each, checking the store after each, and acknowledges them.
    fn event(&mut self, event: Event) {
        let before = self.store.clone();
        let effects = self.session.update(event, &Resume::default());
        let mut written = Written::default();
        for Effect::Write(plan) in &effects {
            self.store.execute(plan);
            check_restorable(&self.store);
            written.plans += 1;
            written.edits += plan.edits;
        }
        if written.plans > 0 {
            self.session
                .update(Event::Saved(Ok(written)), &Resume::default());
            // A kill before the last transaction committed: the store is
            // as it was before this change, so the change alone is lost.
            if effects.len() == 1 {
                let lost = restore(before.read()).expect("readable");
                if let Some(lost) = lost {
                    assert!(lost.problems.is_empty());
                }
            }
        }
        self.check_exact();
    }

    /// The store restores to exactly the session's workspace and history.
    fn check_exact(&self) {
        if self.session.ws.documents.is_empty() && self.store.workspace.is_none() {
            return;
        }
        let loaded = restore(self.store.read())
            .expect("readable")
            .expect("something is stored");
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_same(&loaded.ws, &self.session.ws);
        assert_same_history(&loaded.history, &self.session.history);
    }

    fn open_doc(&self) -> Option<&wasim::core::model::Document> {
        self.session.ws.open_document()
    }

    fn select_span(&mut self, n: usize) -> bool {
        let Some(doc) = self.open_doc() else {
            return false;
        };
        let Some(span) = doc.spans.get(n % doc.spans.len().max(1)).map(|s| s.id) else {
            return false;
        };
        self.event(Event::Select(Some(span)));
        true
    }

    fn run(&mut self, op: &Op) {
        match op {
            Op::Load(n) => {
                let files = (0..*n)
                    .map(|i| {
                        self.loaded += 1;
                        InputFile {
                            name: format!("{:03}_{i}.txt", self.loaded),
                            bytes: TEXTS[(self.loaded + i) % TEXTS.len()].as_bytes().to_vec(),
                        }
                    })
                    .collect();
                self.event(Event::Imported {
                    results: ImportJob::run(files),
                    unreadable: Vec::new(),
                    announce: None,
                });
            }
            Op::LoadMany => {
                let files = (0..wasim::core::persist::LARGE_EDIT + 3)
                    .map(|i| {
                        self.loaded += 1;
                        InputFile {
                            name: format!("many_{:03}.txt", self.loaded),
                            bytes: TEXTS[i % TEXTS.len()].as_bytes().to_vec(),
                        }
                    })
                    .collect();
                self.event(Event::Imported {
                    results: ImportJob::run(files),
                    unreadable: Vec::new(),
                    announce: None,
                });
            }
            Op::ImportWorkspace => {
                let ws = &self.session.ws;
                let docs: Vec<&wasim::core::model::Document> =
                    ws.documents.iter().map(|d| &**d).collect();
                let json = WasimJson::to_json(&ws.labels, &docs, Some(0));
                self.event(Event::Imported {
                    results: ImportJob::run(vec![InputFile {
                        name: "workspace.json".into(),
                        bytes: json.into_bytes(),
                    }]),
                    unreadable: Vec::new(),
                    announce: None,
                });
            }
            Op::Open(n) => {
                let docs = &self.session.ws.documents;
                if let Some(doc) = docs.get(n % docs.len().max(1)) {
                    self.event(Event::Open(doc.id));
                }
            }
            Op::Tag {
                start,
                len,
                label,
                add,
            } => {
                let Some(doc) = self.open_doc() else { return };
                let chars = doc.text.char_len();
                if chars == 0 {
                    return;
                }
                let start = start % chars;
                let end = (start + len).min(chars);
                let label = self.label(*label);
                self.event(Event::ApplyLabel {
                    label,
                    selection: Some(CharRange::ordered(start, end)),
                    add: *add,
                });
            }
            Op::Relabel(span, label) => {
                if self.select_span(*span) {
                    let label = self.label(*label);
                    self.event(Event::ApplyLabel {
                        label,
                        selection: None,
                        add: false,
                    });
                }
            }
            Op::Delete(span) => {
                if self.select_span(*span) {
                    self.event(Event::DeleteSelected);
                }
            }
            Op::Note(span, set) => {
                if self.select_span(*span) {
                    let (Some(doc), Some(span)) = (self.open_doc(), self.session.selected) else {
                        return;
                    };
                    let doc = doc.id;
                    let edit = Edit::SetSpanNote {
                        doc,
                        span,
                        note: set.then(|| "رئيس الوزراء".to_owned()),
                        entity_id: set.then(|| "Q123".to_owned()),
                    };
                    self.event(Event::Edit(edit));
                    // Adjudication and the annotator's name ride along.
                    let accept = Edit::SetSpanAccepted {
                        doc,
                        span,
                        accepted: *set,
                    };
                    self.event(Event::Edit(accept));
                    let name = set.then(|| "أمينة".to_owned());
                    self.event(Event::Edit(Edit::SetAnnotator(name)));
                }
            }
            Op::Done(n) => {
                let docs = &self.session.ws.documents;
                if let Some(doc) = docs.get(n % docs.len().max(1)) {
                    let edit = Edit::SetDone {
                        doc: doc.id,
                        done: !doc.done,
                    };
                    self.event(Event::Edit(edit));
                }
            }
            Op::TagAll(span) => {
                if self.select_span(*span) {
                    self.event(Event::TagAllLikeSelected);
                }
            }
            Op::Remove(n) => {
                let docs = &self.session.ws.documents;
                if let Some(doc) = docs.get(n % docs.len().max(1)) {
                    self.event(Event::RemoveDocument(doc.id));
                }
            }
            Op::Rename => {
                let ws = &self.session.ws;
                let (from, to) = if ws.label("PER").is_some() {
                    ("PER", "PERSON")
                } else {
                    ("PERSON", "PER")
                };
                self.event(Event::Edit(Edit::RenameLabel {
                    from: from.into(),
                    to: to.into(),
                }));
            }
            Op::Undo => self.event(Event::Undo),
            Op::Redo => self.event(Event::Redo),
            Op::Idle => self.event(Event::Idle),
            Op::Reload => {
                self.open();
                self.check_exact();
            }
            Op::ShowDemo => self.event(Event::ShowDemo),
        }
    }

    fn label(&self, n: usize) -> String {
        let labels = &self.session.ws.labels;
        labels
            .get(n % labels.len().max(1))
            .map_or_else(|| LABELS[0].to_owned(), |l| l.name.clone())
    }
}

/// Restoring never fails and never complains, whatever was written.
fn check_restorable(store: &MemoryStore) {
    if let Some(loaded) = restore(store.read()).expect("readable after every transaction") {
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    }
}

fn assert_same(restored: &Workspace, live: &Workspace) {
    assert_eq!(restored.labels, live.labels);
    let ids = |ws: &Workspace| ws.documents.iter().map(|d| d.id).collect::<Vec<_>>();
    assert_eq!(ids(restored), ids(live), "document order");
    for (a, b) in restored.documents.iter().zip(&live.documents) {
        assert_eq!(a, b, "document {}", b.name);
    }
    assert_eq!(restored.open, live.open, "open document");
    assert_eq!(restored.next_id, live.next_id, "id counter");
}

fn assert_same_history(restored: &History, live: &History) {
    assert_eq!(restored.undo_steps(), live.undo_steps(), "undo stack");
    assert_eq!(restored.redo_steps(), live.redo_steps(), "redo stack");
}

proptest! {
    #![proptest_config(common::proptest_config("persist_replay", 32))]

    #[test]
    fn every_acknowledged_change_restores_exactly(ops in prop::collection::vec(op(), 1..60)) {
        let mut world = World::new();
        world.run(&Op::Load(2));
        for op in &ops {
            world.run(op);
        }
        // After a last compaction the store holds exactly the records and
        // texts of the workspace and the history.
        world.run(&Op::Idle);
        prop_assert!(world.store.journal.is_empty());
        let mut referenced: Vec<_> = world.session.ws.documents.iter().map(|d| d.id).collect();
        let history = &world.session.history;
        for edit in history.undo_steps().iter().chain(history.redo_steps()) {
            referenced.extend(edit.documents().iter().map(|d| d.id));
        }
        referenced.sort_unstable();
        referenced.dedup();
        let texts: Vec<_> = world.store.texts.keys().copied().collect();
        prop_assert_eq!(texts, referenced);
        let docs: Vec<_> = world.store.docs.keys().copied().collect();
        let mut ids: Vec<_> = world.session.ws.documents.iter().map(|d| d.id).collect();
        ids.sort_unstable();
        prop_assert_eq!(docs, ids);
    }
}

/// Damage to one stored record.
#[derive(Clone, Debug)]
enum Damage {
    /// Cut a record short.
    Truncate {
        store: usize,
        record: usize,
        at: usize,
    },
    /// Put one record's value under another key.
    Swap { store: usize, a: usize, b: usize },
    /// Replace a character.
    Poke {
        store: usize,
        record: usize,
        at: usize,
        with: char,
    },
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (0usize..4, 0usize..64, 0usize..400).prop_map(|(store, record, at)| Damage::Truncate {
            store,
            record,
            at
        }),
        (0usize..4, 0usize..64, 0usize..64).prop_map(|(store, a, b)| Damage::Swap { store, a, b }),
        (0usize..4, 0usize..64, 0usize..400, prop::char::any()).prop_map(
            |(store, record, at, with)| Damage::Poke {
                store,
                record,
                at,
                with
            }
        ),
    ]
}

/// The JSON records of one store of `store`, by number (docs, journal,
/// steps, meta).
fn records(store: &mut MemoryStore, n: usize) -> Vec<&mut String> {
    match n {
        0 => store.docs.values_mut().collect(),
        1 => store.journal.values_mut().collect(),
        2 => store.steps.values_mut().collect(),
        _ => store
            .workspace
            .iter_mut()
            .chain(store.set_aside.iter_mut())
            .collect(),
    }
}

fn apply_damage(store: &mut MemoryStore, damage: &Damage) {
    match *damage {
        Damage::Truncate {
            store: n,
            record,
            at,
        } => {
            let mut list = records(store, n);
            let len = list.len();
            if let Some(value) = list.get_mut(record % len.max(1)) {
                let cut = value.char_indices().nth(at).map_or(value.len(), |(i, _)| i);
                value.truncate(cut);
            }
        }
        Damage::Swap { store: n, a, b } => {
            let list = records(store, n);
            let len = list.len().max(1);
            let values: Vec<String> = list.iter().map(|v| (**v).clone()).collect();
            let (a, b) = (a % len, b % len);
            let mut list = list;
            if let (Some(x), Some(y)) = (values.get(a), values.get(b)) {
                *list[a] = y.clone();
                *list[b] = x.clone();
            }
        }
        Damage::Poke {
            store: n,
            record,
            at,
            with,
        } => {
            let mut list = records(store, n);
            let len = list.len();
            if let Some(value) = list.get_mut(record % len.max(1)) {
                let mut chars: Vec<char> = value.chars().collect();
                if !chars.is_empty() {
                    let i = at % chars.len();
                    chars[i] = with;
                    **value = chars.into_iter().collect();
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(common::proptest_config("persist_replay", 32))]

    /// Whatever happens to the stored records, opening never panics: it
    /// restores (telling what it set aside or lost), or it says the saved
    /// work cannot be read and writes nothing over it.
    #[test]
    fn damaged_records_never_panic(ops in prop::collection::vec(op(), 1..30), damages in prop::collection::vec(damage(), 1..4)) {
        let mut world = World::new();
        world.run(&Op::Load(2));
        for op in &ops {
            world.run(op);
        }
        let mut store = world.store.clone();
        for damage in &damages {
            apply_damage(&mut store, damage);
        }
        if let Ok(Some(loaded)) = restore(store.read()) {
            prop_assert!(loaded.ws.validate().is_ok());
            if let Some(plan) = &loaded.plan {
                store.execute(plan);
                // Writing the compaction leaves a store that opens again.
                let again = restore(store.read());
                prop_assert!(again.is_ok(), "{:?}", again.err());
            }
        }
    }
}

/// A long deterministic session: 500 changes over five documents with
/// compaction only by the persister itself, then one reload.
#[test]
fn a_long_session_compacts_by_itself_and_restores_exactly() {
    let mut world = World::new();
    world.run(&Op::Load(3));
    for i in 0..500usize {
        let op = match i % 7 {
            0..=2 => Op::Tag {
                start: (i * 7) % 80,
                len: 1 + i % 9,
                label: i % 4,
                add: i % 11 == 0,
            },
            3 => Op::Relabel(i, i + 1),
            4 => Op::Undo,
            5 => Op::Open(i),
            _ => Op::Delete(i),
        };
        world.run(&op);
        assert!(world.store.journal.len() < wasim::core::persist::COMPACT_EVERY);
    }
    world.run(&Op::Reload);
}
