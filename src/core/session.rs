//! The session: the rules of what every user or platform event does to the
//! workspace, the undo history, the selection and the messages.
//!
//! Functional core, imperative shell (the Elm architecture): the UI passes
//! each [`Event`] to [`Session::update`], which changes the [`Session`] and
//! returns the [`Effect`]s the shell must carry out (what to save). Nothing
//! here touches the browser, so whole user journeys are tested natively.
//! The Yew reducer (`ui::state`) is a thin adapter around it.
//!
//! Saving: in the tab that writes, every change becomes a [`WritePlan`]
//! made by the session's [`Persister`] at the moment it happens (see
//! [`crate::core::persist`]); the shell writes plans in order and reports
//! back with [`Event::Saved`], which is what [`Saves`] counts.

mod curate;

use std::sync::Arc;

pub use curate::Curate;

use super::change::Change;
use super::demo::{demo_workspace, show_demo};
use super::edit::{Edit, History};
use super::formats::{ImportError, ImportMode, Prepared, import_prepared};
use super::i18n::{Arg, Counted, Key, Lang, Msg};
use super::model::{DocId, Document, SpanId, Workspace};
pub use super::persist::{Loaded, Persist, Step};
use super::persist::{Persister, WritePlan};
use super::resume::Resume;
use super::tabs::{Attempt, News, Role, Verdict, decide};
use super::tally::Tally;
use super::text::CharRange;

/// What storage read at start-up or when re-reading the workspace.
#[derive(Clone, Debug, PartialEq)]
pub enum Restored {
    /// Nothing saved yet: a first visit.
    Empty,
    /// The saved workspace, its undo history, and what is stored.
    Workspace(Box<Loaded>),
}

/// Something the shell must do after an event.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Write this plan, after every plan returned before it, in one
    /// transaction (plans may be merged into one transaction, in order).
    Write(WritePlan),
}

/// What the shell wrote, reported by [`Event::Saved`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// How many plans were written.
    pub plans: usize,
    /// How many user changes they saved ([`WritePlan::edits`]).
    pub edits: usize,
}

/// How saving goes in this tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Saves {
    /// Plans handed to the shell and not yet written.
    pub queued: usize,
    /// Changes acknowledged (written) since the page opened.
    pub acked: u64,
}

/// How a message is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MessageKind {
    /// Something failed.
    Error,
    /// Something needs attention.
    Warning,
    /// Confirmation.
    Info,
}

impl MessageKind {
    /// The `data-kind` attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageKind::Error => "error",
            MessageKind::Warning => "warning",
            MessageKind::Info => "info",
        }
    }
}

/// A message in the message area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Unique id, for dismissal.
    pub id: u64,
    /// Severity.
    pub kind: MessageKind,
    /// What to tell the user (the summary line when there are details).
    pub text: String,
    /// Every item the message sums up (an export's warnings…), shown
    /// folded under `text`; empty for a plain message.
    pub details: Vec<String>,
    /// What `text` and `details` are worded from: worded again when the
    /// language of the interface changes.
    said: (Msg, Vec<Msg>),
}

impl Message {
    /// Words the message again in `lang`.
    fn reword(&mut self, lang: Lang) {
        self.text = self.said.0.render(lang);
        self.details = self.said.1.iter().map(|d| d.render(lang)).collect();
    }
}

/// Whether work is being saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageStatus {
    /// Reading saved work; nothing is saved yet.
    Loading,
    /// Saving works.
    Ready,
    /// The last save failed; work stays in memory and the next edit retries.
    Failed(Msg),
    /// Saved work could not be read, so nothing is written over it.
    Unavailable(Msg),
}

impl StorageStatus {
    /// Whether edits should be written to storage.
    pub fn saves(&self) -> bool {
        matches!(self, StorageStatus::Ready | StorageStatus::Failed(_))
    }

    /// The warning to show, if any, in `lang`.
    pub fn warning(&self, lang: Lang) -> Option<String> {
        match self {
            StorageStatus::Loading | StorageStatus::Ready => None,
            StorageStatus::Failed(why) => {
                Some(lang.f(Key::StorageFailed, &[("why", &why.render(lang))]))
            }
            StorageStatus::Unavailable(why) => {
                Some(lang.f(Key::StorageUnavailable, &[("why", &why.render(lang))]))
            }
        }
    }
}

/// The state of one annotating session: what the UI shows and the rules
/// of what each [`Event`] does to it.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    /// The documents and labels.
    pub ws: Workspace,
    /// Undo and redo.
    pub history: History,
    /// The span selected by click or keyboard.
    pub selected: Option<SpanId>,
    /// Messages on screen, oldest first (at most [`MAX_MESSAGES`]).
    pub messages: Vec<Message>,
    /// Errors and warnings that newer messages pushed off the screen since
    /// the user last dismissed the note that counts them: they stay in the
    /// log, and the screen says how many.
    pub pushed_off: usize,
    /// Every message since the page opened, oldest first (the last
    /// [`LOG_SIZE`]), for the messages panel; shared, so that a new state
    /// does not copy it.
    pub log: Arc<Vec<Message>>,
    next_message: u64,
    /// Whether saving works.
    pub storage: StorageStatus,
    /// Increases whenever the workspace changes, to trigger a save.
    pub revision: u64,
    /// Whether this tab edits the workspace or only shows it.
    pub role: Role,
    /// Whether the page is served over plain HTTP from another address
    /// ([`Event::PlainHttp`]).
    pub plain_http: bool,
    /// Increases when a read-only tab should read the saved workspace again.
    pub reloads: u64,
    /// Whether the shortcut sheet is open.
    pub show_help: bool,
    /// Whether mouse selections keep exact characters instead of snapping
    /// to words.
    pub precise: bool,
    /// The label applied last, which *Tag all* offers first.
    pub last_label: Option<String>,
    /// Candidates of the group being adjudicated that the curator chose to
    /// accept together (see [`Curate::Toggle`]).
    pub chosen: Vec<SpanId>,
    /// Whether the curator showed (`Some(true)`) or hid the curation panel;
    /// `None`: it shows for team documents.
    pub curation_panel: Option<bool>,
    /// A place of the open document to scroll into view, numbered so that
    /// showing the same place twice scrolls twice.
    pub reveal: Option<(u64, CharRange)>,
    /// Corpus totals (progress, spans per label), kept current edit by
    /// edit; its generation moves when documents come or go.
    pub tally: Tally,
    /// What is stored, to plan each change's writes.
    pub persister: Persister,
    /// How saving goes.
    pub saves: Saves,
    /// The language of the interface, in which messages are written.
    pub lang: Lang,
    /// Why this tab could not claim the workspace though no other tab holds
    /// it (storage refused the claim's write: a full disk); it shows the
    /// saved work read-only until a claim succeeds (`Event::TookOver`).
    pub unclaimed: Option<Msg>,
    /// Imports that arrived while the saved workspace was being read: they
    /// are carried out once it is there (the workspace read replaced them).
    held: Vec<HeldImport>,
    /// Effects of the event being handled, returned by [`Session::update`].
    effects: Vec<Effect>,
}

impl Default for Session {
    fn default() -> Self {
        Session {
            ws: Workspace::default(),
            history: History::default(),
            selected: None,
            messages: Vec::new(),
            pushed_off: 0,
            log: Arc::default(),
            next_message: 1,
            storage: StorageStatus::Loading,
            revision: 0,
            role: Role::Unknown,
            plain_http: false,
            reloads: 0,
            show_help: false,
            precise: false,
            reveal: None,
            last_label: None,
            chosen: Vec::new(),
            curation_panel: None,
            tally: Tally::default(),
            persister: Persister::new(),
            saves: Saves::default(),
            lang: Lang::default(),
            unclaimed: None,
            held: Vec::new(),
            effects: Vec::new(),
        }
    }
}

/// An [`Event::Imported`] kept until the saved workspace is read.
#[derive(Clone, Debug, PartialEq)]
struct HeldImport {
    results: Vec<Result<Prepared, ImportError>>,
    unreadable: Vec<Msg>,
    announce: Option<Msg>,
}

/// Everything the user or the platform can do to the session.
pub enum Event {
    /// Storage was read at start-up.
    Restored(Result<Restored, Msg>),
    /// Files were read and parsed (see [`crate::core::import_job`]);
    /// `unreadable` names files the browser could not read.
    Imported {
        /// One result per file.
        results: Vec<Result<Prepared, ImportError>>,
        /// Messages about files that could not be read at all.
        unreadable: Vec<Msg>,
        /// What to say once the documents are in, instead of "Loaded N
        /// documents" (a merge says what it merged).
        announce: Option<Msg>,
    },
    /// Show this document.
    Open(DocId),
    /// Remove this document.
    RemoveDocument(DocId),
    /// Apply `label`: tag the selection, or relabel the selected span.
    ApplyLabel {
        /// Label name.
        label: String,
        /// The text selection, if any.
        selection: Option<CharRange>,
        /// Add a span even where one with another label has exactly this
        /// extent (Shift+key), instead of relabelling it.
        add: bool,
    },
    /// Apply an edit built by a component; a refused edit becomes a message.
    Edit(Edit),
    /// Tag every other occurrence of the selected span's text with its label.
    TagAllLikeSelected,
    /// Tag these ranges (per document) with `label`, skipping ranges that
    /// already are spans; one undo step.
    TagRanges {
        /// Label name.
        label: String,
        /// Ranges per document.
        ranges: Vec<(DocId, Vec<CharRange>)>,
    },
    /// Adjudicate (see [`Curate`]).
    Curate(Curate),
    /// Bring the demo document back (from the shortcut sheet) and open it.
    ShowDemo,
    /// Open or close the shortcut sheet.
    ToggleHelp,
    /// Switch between word snapping and exact characters.
    TogglePrecise,
    /// Close the sheet and deselect.
    Escape,
    /// Select a span, or nothing.
    Select(Option<SpanId>),
    /// Delete the selected span.
    DeleteSelected,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Show a message.
    Notify(MessageKind, Msg),
    /// Show `warnings` about `what` ("Export to CoNLL") as one message,
    /// replacing an earlier such message still on screen.
    Warnings {
        /// What they are about.
        what: Msg,
        /// One line each.
        warnings: Vec<Msg>,
    },
    /// Hide a message.
    Dismiss(u64),
    /// Hide the note that counts messages pushed off the screen.
    DismissPushedOff,
    /// The shell wrote plans, or failed to (they stay queued and are
    /// written again with the next ones).
    Saved(Result<Written, Msg>),
    /// Nothing was written for a while: a good time to compact the journal.
    Idle,
    /// This tab's role is known (at start-up).
    Role(Role),
    /// The page is not a secure context (plain HTTP from another address):
    /// the browser gives it neither Web Locks nor a service worker. Comes
    /// before [`Event::Role`], whose notice it replaces.
    PlainHttp,
    /// Another tab said something (see [`News`]).
    News(News),
    /// Another tab took the workspace over; `unsaved` when a change made
    /// here could not be saved because of it.
    LostWriter {
        /// Whether a change of this tab was refused by storage.
        unsaved: bool,
        /// The file the work this tab could not save (a full disk) was
        /// downloaded as, before the saved work replaces it here.
        downloaded: Option<String>,
    },
    /// A read-only tab read the saved workspace again.
    Reloaded(Result<Restored, Msg>),
    /// This tab took the workspace over and read it.
    TookOver(Result<Restored, Msg>),
    /// This tab holds the lock, but storage refused to record its claim
    /// (why): it shows the saved work read-only, which the shell reads
    /// next, and tries the claim again.
    ClaimFailed(Msg),
    /// The interface's language changed: messages from now on are in it.
    Lang(Lang),
}

impl Event {
    /// Whether the action changes the shared workspace or only looks at it.
    pub fn attempt(&self) -> Attempt {
        match self {
            Event::Imported { .. }
            | Event::RemoveDocument(_)
            | Event::ApplyLabel { .. }
            | Event::Edit(_)
            | Event::TagAllLikeSelected
            | Event::TagRanges { .. }
            | Event::ShowDemo
            | Event::DeleteSelected
            | Event::Undo
            | Event::Redo => Attempt::Edit,
            Event::Curate(what) if what.changes() => Attempt::Edit,
            _ => Attempt::Read,
        }
    }
}

/// How many messages stay on screen.
const MAX_MESSAGES: usize = 6;

/// How many past messages the messages panel keeps.
pub const LOG_SIZE: usize = 200;

/// How many files one load may refuse in messages of their own; past it,
/// one message lists them all.
const REFUSED_APART: usize = 3;

impl Session {
    /// Says `text` (a message of the catalogue, or a text that is the same
    /// in every language).
    fn notify(&mut self, kind: MessageKind, text: impl Into<Msg>) {
        self.notify_details(kind, text.into(), Vec::new());
    }

    fn notify_details(&mut self, kind: MessageKind, text: Msg, details: Vec<Msg>) {
        let mut message = Message {
            id: self.next_message,
            kind,
            text: String::new(),
            details: Vec::new(),
            said: (text, details),
        };
        message.reword(self.lang);
        self.next_message += 1;
        let log = Arc::make_mut(&mut self.log);
        log.push(message.clone());
        if log.len() > LOG_SIZE {
            log.remove(0);
        }
        // The same message again replaces the one on screen (it moves to
        // the newest place, and a confirmation's time starts again), so a
        // repeated refusal does not pile up.
        self.messages
            .retain(|m| m.kind != message.kind || m.said != message.said);
        self.messages.push(message);
        if self.messages.len() > MAX_MESSAGES {
            // A confirmation goes first (it would leave by itself); an
            // error or warning that must go is counted, not lost unsaid.
            match self
                .messages
                .iter()
                .position(|m| m.kind == MessageKind::Info)
            {
                Some(info) => {
                    self.messages.remove(info);
                }
                None => {
                    self.messages.remove(0);
                    self.pushed_off += 1;
                }
            }
        }
    }

    /// One warning as is; several as one message, a summary over the list,
    /// in place of an earlier list still on screen.
    fn notify_warnings(&mut self, what: Msg, mut warnings: Vec<Msg>) {
        match warnings.len() {
            0 => {}
            1 => {
                let warning = warnings.remove(0);
                self.notify(MessageKind::Warning, warning);
            }
            n => {
                self.messages
                    .retain(|m| m.kind != MessageKind::Warning || m.details.is_empty());
                let text = Msg::counted(Counted::Warnings, n).msg("what", what);
                self.notify_details(MessageKind::Warning, text, warnings);
            }
        }
    }

    /// After an undo or redo: open the document it changed, select what it
    /// concerns, scroll there and say what happened, so that nothing changes
    /// out of sight.
    fn show_change(&mut self, verb: Key, change: Change) {
        self.changed();
        self.selected = None;
        if let Some(doc) = change.doc.and_then(|id| self.document(id)) {
            let selected = change
                .spans
                .iter()
                .copied()
                .find(|id| doc.span(*id).is_some());
            self.ws.open = Some(doc.id);
            self.selected = selected;
            self.reveal = Some((self.revision, change.range.unwrap_or_default()));
        }
        // Undoing several steps says the last one: a message per step
        // piled up over the panels. A warning about the span a step made
        // (it runs across paragraphs) goes too: it stayed over the text,
        // about a span no longer there.
        self.messages.retain(|m| {
            let said = &m.said.0;
            !(said.is(Key::Undid) || said.is(Key::Redid) || said.is(Key::SpanAcrossParagraphs))
        });
        self.notify(MessageKind::Info, Msg::new(verb).msg("what", change.what));
    }

    /// Says why `event` is not carried out in this read-only tab: for files
    /// read (an import the tab began before another took the workspace
    /// over, which was dropped without a word), how many documents were not
    /// loaded and where to load them.
    fn refuse(&mut self, event: &Event) {
        let documents: usize = match event {
            Event::Imported { results, .. } => results.iter().flatten().map(Prepared::len).sum(),
            _ => 0,
        };
        if documents == 0 {
            self.refuse_read_only();
        } else {
            let text = Msg::counted(Counted::ImportReadOnly, documents);
            self.notify(MessageKind::Error, text);
        }
    }

    /// Says, once on screen at a time, that this tab is read-only.
    fn refuse_read_only(&mut self) {
        let why = match &self.unclaimed {
            Some(why) => Msg::new(Key::SavedReadOnly).msg("why", why.clone()),
            None => Msg::new(Key::ReadOnlyTab),
        };
        let text = why.render(self.lang);
        self.messages.retain(|m| m.text != text);
        self.notify(MessageKind::Warning, why);
    }

    /// Shows the workspace read from storage, staying on the open document
    /// and the selected span when they still exist.
    fn show_stored(&mut self, restored: Result<Restored, Msg>) {
        let (ws, history) = match restored {
            Ok(Restored::Workspace(loaded)) => self.adopt(*loaded),
            Ok(Restored::Empty) => self.first_visit(),
            Err(error) => {
                let text = Msg::new(Key::LatestUnreadable).msg("error", error);
                self.notify(MessageKind::Error, text);
                return;
            }
        };
        let open = self.ws.open.filter(|id| ws.document(*id).is_some());
        self.ws = ws;
        self.history = history;
        if open.is_some() {
            self.ws.open = open;
        }
        let open_doc = self.ws.open_document();
        if self
            .selected
            .is_none_or(|id| open_doc.and_then(|d| d.span(id)).is_none())
        {
            self.selected = None;
        }
        self.recount();
        self.changed();
    }

    /// Undoes ([`Step::Undone`]) or redoes the last step and shows what
    /// changed.
    fn undo_or_redo(&mut self, step: Step) {
        let undo = step == Step::Undone;
        let forward = if undo {
            self.history.next_undo()
        } else {
            self.history.next_redo()
        }
        .cloned();
        let watch = forward
            .as_ref()
            .map(|step| self.tally.watch(&self.ws, step));
        let change = if undo {
            self.history.undo(&mut self.ws)
        } else {
            self.history.redo(&mut self.ws)
        };
        match (change, forward, watch) {
            (Some(change), Some(forward), Some(watch)) => {
                self.tally.settle(&self.ws, watch);
                self.persist(Persist::Applied { forward, step });
                self.show_change(if undo { Key::Undid } else { Key::Redid }, change);
            }
            _ if undo => self.notify(MessageKind::Info, Key::NothingToUndo),
            _ => self.notify(MessageKind::Info, Key::NothingToRedo),
        }
    }

    /// Whether this tab writes its changes.
    fn writes(&self) -> bool {
        self.role.saves() && self.storage.saves()
    }

    /// Plans the writes of `what`, which just happened.
    fn persist(&mut self, what: Persist) {
        if self.writes() {
            let plan = self.persister.plan(&what, &self.ws, &self.history);
            self.write(plan);
        }
    }

    fn write(&mut self, plan: WritePlan) {
        if !plan.is_empty() {
            self.saves.queued += 1;
            self.effects.push(Effect::Write(plan));
        }
    }

    /// The workspace read from storage becomes this session's, with what
    /// is stored; its problems are told, and the tab that writes writes
    /// the compaction or migration first.
    fn adopt(&mut self, loaded: Loaded) -> (Workspace, History) {
        for problem in &loaded.problems {
            self.notify(MessageKind::Warning, problem.clone());
        }
        self.persister = loaded.persister;
        self.saves.queued = 0;
        if let Some(plan) = loaded.plan.filter(|_| self.writes()) {
            self.write(plan);
        }
        (loaded.ws, loaded.history)
    }

    /// Nothing saved yet: the demo, written whole by the tab that writes.
    fn first_visit(&mut self) -> (Workspace, History) {
        let ws = demo_workspace();
        let history = History::default();
        self.persister = Persister::new();
        self.saves.queued = 0;
        if self.writes() {
            let plan = self.persister.full(&ws, &history);
            self.write(plan);
        }
        (ws, history)
    }

    /// After an event: the open document is written with the event's
    /// last plan (or alone) when it changed.
    fn note_open(&mut self) {
        if !self.writes() {
            return;
        }
        let mut open = WritePlan::default();
        self.persister.note_open(&mut open, &self.ws);
        match (open.open, self.effects.last_mut()) {
            (None, _) => {}
            (Some(value), Some(Effect::Write(plan))) => plan.open = Some(value),
            (Some(_), None) => self.write(open),
        }
    }

    fn changed(&mut self) {
        self.revision += 1;
    }

    /// Counts the corpus totals again: the workspace was replaced.
    fn recount(&mut self) {
        self.tally.recount(&self.ws);
    }

    /// The document with this id, found without walking the corpus.
    pub fn document(&self, id: DocId) -> Option<&Document> {
        self.ws.document(id)
    }

    /// The open document, found without walking the corpus.
    pub fn open_document(&self) -> Option<&Document> {
        self.document(self.ws.open?)
    }

    /// The position of the document with this id in the document list.
    pub fn position(&self, id: DocId) -> Option<usize> {
        self.ws.documents.position(id)
    }

    /// The span that was selected when `doc` was left, if it still exists.
    fn resumed_span(&self, resume: &Resume, doc: DocId) -> Option<SpanId> {
        let span = resume.place(doc)?.span?;
        self.document(doc)?.span(span).map(|s| s.id)
    }

    fn edit(&mut self, edit: Edit) -> bool {
        let forward = edit.clone();
        let watch = self.tally.watch(&self.ws, &edit);
        match self.history.apply(&mut self.ws, edit) {
            Ok(()) => {
                self.tally.settle(&self.ws, watch);
                self.changed();
                self.persist(Persist::Applied {
                    forward,
                    step: Step::Done,
                });
                true
            }
            Err(error) => {
                self.notify(MessageKind::Warning, error.notice());
                false
            }
        }
    }

    /// Says why files could not be loaded: each in a message of its own,
    /// or, past [`REFUSED_APART`] files, in one message listing them all
    /// (an archive of five thousand bad files gave five thousand messages,
    /// and the log kept the last two hundred).
    fn say_refused(&mut self, refused: Vec<Msg>) {
        if refused.len() <= REFUSED_APART {
            for text in refused {
                self.notify(MessageKind::Error, text);
            }
            return;
        }
        let summary = Msg::counted(Counted::FilesRefused, refused.len());
        self.notify_details(MessageKind::Error, summary, refused);
    }

    fn import(
        &mut self,
        results: Vec<Result<Prepared, ImportError>>,
        unreadable: Vec<Msg>,
        mut announce: Option<Msg>,
    ) {
        let mut refused = unreadable;
        let mut added: Option<Prepared> = None;
        let mut replacements = Vec::new();
        for result in results {
            match result {
                Err(error) => refused.push(error.notice()),
                Ok(imported) if imported.mode == ImportMode::ReplaceWorkspace => {
                    replacements.push(imported)
                }
                Ok(imported) => match &mut added {
                    Some(all) => all.append(imported),
                    None => added = Some(imported),
                },
            }
        }
        self.say_refused(refused);
        for imported in replacements.into_iter().chain(added) {
            self.import_one(imported, &mut announce);
        }
    }

    /// Makes one import an undoable step and says what it did (`announce`,
    /// once, instead of "Loaded N documents").
    fn import_one(&mut self, imported: Prepared, announce: &mut Option<Msg>) {
        let count = imported.len();
        let replaces = imported.mode == ImportMode::ReplaceWorkspace;
        self.notify_warnings(Msg::new(Key::Import), imported.warnings.clone());
        if !replaces {
            self.warn_loaded_again(&imported);
        }
        self.warn_named_alike(&imported);
        // Files without documents (brat's annotation.conf) may still bring
        // labels: say how many, or that nothing changed.
        let new_labels = imported.new_labels(&self.ws.labels);
        if !replaces && count == 0 && new_labels == 0 {
            self.notify(MessageKind::Info, Key::NothingNew);
            return;
        }
        let had_work = self.ws.work_documents().next().is_some();
        match import_prepared(&mut self.ws, imported) {
            Ok((edit, open)) => {
                if self.edit(edit) {
                    self.ws.open = open
                        .and_then(|i| self.ws.documents.get(i))
                        .map(|d| d.id)
                        .or(self.ws.open);
                    self.selected = None;
                    let (what, count) = if replaces && had_work {
                        (Counted::ReplacedWorkspace, count)
                    } else if replaces {
                        (Counted::ImportedWorkspace, count)
                    } else if count == 0 {
                        (Counted::LabelsAdded, new_labels)
                    } else {
                        (Counted::Loaded, count)
                    };
                    let text = announce.take().unwrap_or(Msg::counted(what, count));
                    self.notify(MessageKind::Info, text);
                }
            }
            Err(error) => {
                let text = Msg::new(Key::CouldNotImport).msg("error", error);
                self.notify(MessageKind::Error, text);
            }
        }
    }

    /// Says which of the documents about to be added have the name of one
    /// already in the list (the same file loaded twice, or a new version):
    /// both are kept, and the list shows the name twice.
    fn warn_loaded_again(&mut self, imported: &Prepared) {
        let present: std::collections::HashSet<&str> = self
            .ws
            .documents
            .iter()
            .filter(|d| !d.demo)
            .map(|d| d.name.as_str())
            .collect();
        let again: Vec<Arg> = imported
            .documents()
            .iter()
            .filter(|d| present.contains(d.name.as_str()))
            .map(|d| Arg::Plain(d.name.clone()))
            .collect();
        if !again.is_empty() {
            let text = Msg::new(Key::LoadedAgain).with("names", Arg::List(again));
            self.notify(MessageKind::Warning, text);
        }
    }

    /// Says which names the import itself gives twice, a workspace file's
    /// included (it said nothing).
    fn warn_named_alike(&mut self, imported: &Prepared) {
        // Names the import itself gives twice (doc.txt in two folders of a
        // zip, one file picked twice), each said once.
        let mut seen = std::collections::HashSet::new();
        let mut twice: Vec<&str> = Vec::new();
        for doc in imported.documents() {
            if !seen.insert(doc.name.as_str()) && !twice.contains(&doc.name.as_str()) {
                twice.push(&doc.name);
            }
        }
        if !twice.is_empty() {
            let names = twice.iter().map(|n| Arg::Plain((*n).to_owned())).collect();
            let text = Msg::new(Key::NamedAlike).with("names", Arg::List(names));
            self.notify(MessageKind::Warning, text);
        }
    }

    /// Tags the selection with `label`. A selection that covers exactly a
    /// span relabels that span (one undo step) unless `add` asks for a
    /// second span on the same extent; one that already carries `label` is
    /// selected, never duplicated.
    fn apply_label(&mut self, label: String, selection: Option<CharRange>, add: bool) {
        self.last_label = Some(label.clone());
        let open = self.ws.open.and_then(|id| self.position(id));
        let Some(doc) = open.and_then(|i| self.ws.documents.get(i)) else {
            self.notify(MessageKind::Info, Key::OpenFirst);
            return;
        };
        let doc_id = doc.id;
        // The extent to tag: the selection, snapped; else the selected
        // span's own extent, as it is (Shift+key adds a label there too).
        let selected = self.selected.and_then(|id| doc.span(id));
        let range = match (selection, selected) {
            (Some(selection), _) => doc.text.snap_selection(selection.start(), selection.end()),
            (None, Some(span)) => Some(span.range()),
            (None, None) => {
                self.notify(MessageKind::Info, Key::SelectFirst);
                return;
            }
        };
        let Some(range) = range else {
            self.notify(MessageKind::Info, Key::OnlySpaces);
            return;
        };
        let same: Vec<&crate::core::model::Span> =
            doc.spans.iter().filter(|s| s.range() == range).collect();
        if let Some(existing) = same.iter().find(|s| s.label == label) {
            self.selected = Some(existing.id);
            let text = Msg::new(Key::AlreadyTagged).arg("label", label);
            self.notify(MessageKind::Info, text);
            return;
        }
        let target = same
            .iter()
            .find(|s| Some(s.id) == self.selected)
            .or(same.first());
        if let (false, Some(span)) = (add, target) {
            let span = span.id;
            if self.edit(self.relabel_edit(doc_id, span, label)) {
                self.selected = Some(span);
            }
            return;
        }
        // A drag that went on into the next paragraph (the view draws a line
        // per `\n`) is most often a slip: the span is made as selected, and
        // the message says so.
        let across = doc
            .text
            .slice_range(range)
            .is_some_and(|text| text.contains('\n'));
        match Edit::add_span(&mut self.ws, doc_id, range.start(), range.end(), &label) {
            Ok(edit) => {
                let id = match &edit {
                    Edit::AddSpans { spans, .. } => spans.first().map(|s| s.id),
                    _ => None,
                };
                if self.edit(edit) {
                    self.selected = id;
                    if across {
                        let text = Msg::new(Key::SpanAcrossParagraphs).arg("label", label);
                        self.notify(MessageKind::Warning, text);
                    }
                }
            }
            Err(error) => self.notify(MessageKind::Info, error.notice()),
        }
    }
}

/// Spans that tagging `ranges` with `label` would add: ranges no span with
/// that label already covers, per document.
pub fn untagged(ws: &Workspace, ranges: &[(DocId, Vec<CharRange>)], label: &str) -> usize {
    ranges
        .iter()
        .filter_map(|(doc, list)| Some((ws.document(*doc)?, list)))
        .map(|(doc, list)| doc.uncovered(list, label).len())
        .sum()
}

impl Session {
    fn tag_ranges(&mut self, label: &str, ranges: Vec<(DocId, Vec<CharRange>)>) {
        self.last_label = Some(label.to_owned());
        let mut edits = Vec::new();
        let mut count = 0;
        for (doc, list) in ranges {
            let Some(document) = self.document(doc) else {
                continue;
            };
            let fresh = document.uncovered(&list, label);
            if fresh.is_empty() {
                continue;
            }
            count += fresh.len();
            let spans = fresh
                .into_iter()
                .map(|r| self.ws.new_span(r.start(), r.end(), label))
                .collect();
            edits.push(Edit::AddSpans { doc, spans });
        }
        if count == 0 {
            self.notify(MessageKind::Info, Key::AllTagged);
        } else if self.edit(Edit::Batch(edits)) {
            let text = Msg::counted(Counted::Tagged, count).arg("label", label);
            self.notify(MessageKind::Info, text);
        }
    }

    /// Puts the demo back at the top of the list (one undoable step) and
    /// opens it; closes the shortcut sheet.
    fn show_demo(&mut self, resume: &Resume) {
        let (id, edit) = show_demo(&mut self.ws);
        if edit.is_some_and(|edit| !self.edit(edit)) {
            return;
        }
        self.show_help = false;
        if self.ws.open != Some(id) {
            self.ws.open = Some(id);
            self.selected = self.resumed_span(resume, id);
            self.changed();
        }
        self.notify(MessageKind::Info, Key::DemoBack);
    }

    fn tag_all_like_selected(&mut self) {
        let Some((doc, span)) = self
            .ws
            .open_document()
            .and_then(|doc| Some((doc, doc.span(self.selected?)?.clone())))
        else {
            self.notify(MessageKind::Info, Key::SelectSpanFirst);
            return;
        };
        let needle = doc
            .text
            .slice(span.start, span.end)
            .unwrap_or_default()
            .to_owned();
        let ranges = vec![(doc.id, exact_occurrences(doc, &needle))];
        self.tag_ranges(&span.label, ranges);
    }
}

/// Where `needle` occurs in `doc` as a whole word, or after Arabic proclitics.
fn exact_occurrences(doc: &crate::core::model::Document, needle: &str) -> Vec<CharRange> {
    let options = crate::core::search::SearchOptions {
        ignore_diacritics: false,
        normalize_letters: false,
        whole_word: true,
        allow_proclitics: true,
        regex: false,
        case_insensitive: false,
    };
    let found = crate::core::search::find_all(&doc.text, needle, &options).unwrap_or_default();
    // Only the exact entity: not forms the search folds together.
    found
        .into_iter()
        .filter(|r| doc.text.slice_range(*r) == Some(needle))
        .collect()
}

impl Session {
    /// Another tab is the writer now: this one turns read-only and reads
    /// the saved workspace again.
    fn lose_writer(&mut self, unsaved: bool, downloaded: Option<String>) {
        // A tab whose claim storage refused held the lock: now another
        // tab has it, and this one stops trying.
        let unclaimed = self.unclaimed.take().is_some();
        if !matches!(self.role, Role::Writer) && !unclaimed {
            return;
        }
        self.role = Role::Reader;
        self.reloads += 1;
        // The shell drops what it had not written.
        self.saves.queued = 0;
        // This tab saves nothing now: "kept in this tab" no longer holds.
        if matches!(self.storage, StorageStatus::Failed(_)) {
            self.storage = StorageStatus::Ready;
        }
        if let Some(file) = downloaded {
            self.notify(
                MessageKind::Warning,
                Msg::new(Key::UnsavedDownloaded).arg("file", file),
            );
        } else if unsaved {
            self.notify(MessageKind::Warning, Key::LastChangeLost);
        } else {
            self.notify(MessageKind::Warning, Key::TakenOver);
        }
    }
}

impl Session {
    /// Applies `event`: the only way the session changes. Returns what the
    /// shell must do because of it (see [`Effect`]). `resume` is where the
    /// user was in each document, to select a span again on opening it.
    pub fn update(&mut self, event: Event, resume: &Resume) -> Vec<Effect> {
        let event = match self.hold_while_loading(event) {
            Some(event) => event,
            None => return Vec::new(),
        };
        if decide(self.role, event.attempt()) == Verdict::Refuse {
            self.refuse(&event);
            return Vec::new();
        }
        self.handle(event, resume);
        if self.ws.open.is_none_or(|id| self.document(id).is_none()) {
            self.ws.open = self.ws.documents.first().map(|d| d.id);
        }
        self.note_open();
        std::mem::take(&mut self.effects)
    }

    /// Before the saved workspace is read, the workspace on screen is a
    /// placeholder that the read replaces: an import (a file chosen or
    /// dropped on the loading screen) waits for the read, and any other
    /// edit, which has nothing to act on yet, is not carried out. Returns
    /// the event to handle now.
    fn hold_while_loading(&mut self, event: Event) -> Option<Event> {
        if self.storage != StorageStatus::Loading || event.attempt() != Attempt::Edit {
            return Some(event);
        }
        if let Event::Imported {
            results,
            unreadable,
            announce,
        } = event
        {
            self.held.push(HeldImport {
                results,
                unreadable,
                announce,
            });
        }
        None
    }

    /// Carries out the imports held while the workspace was read, as the
    /// tab's role allows.
    fn release_held(&mut self, resume: &Resume) {
        for held in std::mem::take(&mut self.held) {
            let event = Event::Imported {
                results: held.results,
                unreadable: held.unreadable,
                announce: held.announce,
            };
            if decide(self.role, event.attempt()) == Verdict::Refuse {
                self.refuse(&event);
            } else {
                self.handle(event, resume);
            }
        }
    }

    fn handle(&mut self, event: Event, resume: &Resume) {
        let state = self;
        match event {
            Event::Lang(lang) => {
                state.lang = lang;
                // What is on screen, and the log, read in the new language.
                state.messages.iter_mut().for_each(|m| m.reword(lang));
                Arc::make_mut(&mut state.log)
                    .iter_mut()
                    .for_each(|m| m.reword(lang));
            }
            Event::Role(role) => {
                state.role = role;
                if role == Role::Alone && !state.plain_http {
                    state.notify(MessageKind::Warning, Key::NoLocks);
                }
            }
            Event::PlainHttp => {
                state.plain_http = true;
                state.notify(MessageKind::Warning, Key::PlainHttp);
            }
            Event::News(News::Saved) => {
                if state.role == Role::Reader {
                    state.reloads += 1;
                }
            }
            Event::News(News::NewWriter) => state.lose_writer(false, None),
            // (the shell tries the lock; a tab that gets it takes over)
            Event::News(News::WriterLeft) => {}
            Event::LostWriter {
                unsaved,
                downloaded,
            } => state.lose_writer(unsaved, downloaded),
            Event::Reloaded(restored) => {
                if state.role == Role::Reader {
                    state.show_stored(restored);
                }
            }
            // (the read-only banner says why)
            Event::ClaimFailed(why) => {
                state.role = Role::Reader;
                state.unclaimed = Some(why);
            }
            Event::TookOver(restored) => {
                state.role = Role::Writer;
                match restored {
                    Err(error) => state.storage = StorageStatus::Unavailable(error),
                    Ok(restored) => {
                        state.storage = StorageStatus::Ready;
                        state.saves.queued = 0;
                        state.show_stored(Ok(restored));
                        let gone = [Key::ReadOnlyTab, Key::TakenOver].map(|k| state.lang.t(k));
                        let unclaimed = state.unclaimed.take().map(|why| {
                            Msg::new(Key::SavedReadOnly)
                                .msg("why", why)
                                .render(state.lang)
                        });
                        state.messages.retain(|m| {
                            !gone.contains(&m.text.as_str()) && Some(&m.text) != unclaimed.as_ref()
                        });
                        state.notify(MessageKind::Info, Key::TookOver);
                    }
                }
            }
            Event::Restored(Ok(Restored::Workspace(loaded))) => {
                state.storage = StorageStatus::Ready;
                let (ws, history) = state.adopt(*loaded);
                state.ws = ws;
                state.history = history;
                // Where the user was: the open document's selected span.
                state.recount();
                state.selected = state
                    .ws
                    .open
                    .and_then(|doc| state.resumed_span(resume, doc));
                state.release_held(resume);
            }
            Event::Restored(Ok(Restored::Empty)) => {
                state.storage = StorageStatus::Ready;
                let (ws, history) = state.first_visit();
                state.ws = ws;
                state.history = history;
                state.recount();
                state.changed();
                state.release_held(resume);
            }
            Event::Restored(Err(error)) => {
                state.ws = demo_workspace();
                state.storage = StorageStatus::Unavailable(error);
                state.recount();
                state.release_held(resume);
            }
            Event::Imported {
                results,
                unreadable,
                announce,
            } => state.import(results, unreadable, announce),
            Event::Open(id) => {
                if state.document(id).is_some() && state.ws.open != Some(id) {
                    state.ws.open = Some(id);
                    state.persist(Persist::Opened(id));
                    state.chosen.clear();
                    // Back to a document: its selected span is selected again.
                    state.selected = state.resumed_span(resume, id);
                    state.changed();
                }
            }
            Event::RemoveDocument(id) => {
                if state.edit(Edit::RemoveDocuments { ids: vec![id] }) {
                    state.notify(MessageKind::Info, Key::DocumentRemoved);
                }
            }
            Event::ApplyLabel {
                label,
                selection,
                add,
            } => state.apply_label(label, selection, add),
            Event::Edit(edit) => {
                state.edit(edit);
            }
            Event::TagAllLikeSelected => state.tag_all_like_selected(),
            Event::TagRanges { label, ranges } => state.tag_ranges(&label, ranges),
            Event::Curate(what) => state.curate(what),
            Event::ShowDemo => state.show_demo(resume),
            Event::ToggleHelp => state.show_help = !state.show_help,
            Event::TogglePrecise => state.precise = !state.precise,
            Event::Escape => {
                state.show_help = false;
                state.selected = None;
                state.chosen.clear();
            }
            Event::Select(id) => state.selected = id,
            Event::DeleteSelected => {
                let target = state
                    .ws
                    .open_document()
                    .zip(state.selected)
                    .filter(|(doc, id)| doc.span(*id).is_some());
                if let Some((doc, id)) = target {
                    // While adjudicating, the rest of the group stays selected.
                    let next = crate::core::curation::neighbour_in_group(doc, id);
                    let doc = doc.id;
                    if state.edit(Edit::RemoveSpans { doc, ids: vec![id] }) {
                        state.selected = next;
                    }
                }
            }
            Event::Undo => state.undo_or_redo(Step::Undone),
            Event::Redo => state.undo_or_redo(Step::Redone),
            Event::Notify(kind, text) => state.notify(kind, text),
            Event::Warnings { what, warnings } => state.notify_warnings(what, warnings),
            Event::Dismiss(id) => state.messages.retain(|m| m.id != id),
            Event::DismissPushedOff => state.pushed_off = 0,
            Event::Saved(Ok(written)) => {
                state.saves.queued = state.saves.queued.saturating_sub(written.plans);
                state.saves.acked += written.edits as u64;
                if matches!(state.storage, StorageStatus::Failed(_)) {
                    state.storage = StorageStatus::Ready;
                }
            }
            Event::Saved(Err(error)) => state.storage = StorageStatus::Failed(error),
            Event::Idle => {
                if state.writes()
                    && let Some(plan) = state.persister.compact(&state.ws, &state.history)
                {
                    state.write(plan);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::InputFile;

    const TEXT: &str = "زار الكاظمي بغداد ثم عاد إلى بغداد.";

    fn writer() -> Session {
        let mut session = Session::default();
        let resume = Resume::default();
        session.update(Event::Role(Role::Writer), &resume);
        session.update(Event::Restored(Ok(Restored::Empty)), &resume);
        session
    }

    #[test]
    fn a_workspace_import_says_what_it_replaced() {
        let workspace = r#"{"format": "wasim", "version": 2, "labels": [], "documents": [{"name": "w.txt", "text": "x", "spans": []}]}"#;
        let last = |s: &Session| {
            s.messages
                .last()
                .map(|m| m.text.clone())
                .unwrap_or_default()
        };
        let mut session = writer();
        load(&mut session, &[("w.json", workspace)]);
        assert_eq!(
            last(&session),
            "Imported a workspace with 1 document. Ctrl+Z undoes this."
        );
        load(&mut session, &[("a.txt", TEXT)]);
        load(&mut session, &[("w.json", workspace)]);
        assert!(last(&session).contains("in place of the documents and labels that were here"));
    }

    #[test]
    fn a_tab_alone_says_why_plain_http_or_the_browser() {
        let resume = Resume::default();
        let texts = |s: &Session| {
            s.messages
                .iter()
                .map(|m| m.text.clone())
                .collect::<Vec<_>>()
        };
        let mut session = Session::default();
        session.update(Event::Role(Role::Alone), &resume);
        assert!(texts(&session)[0].starts_with("This browser cannot coordinate tabs"));
        let mut session = Session::default();
        session.update(Event::PlainHttp, &resume);
        session.update(Event::Role(Role::Alone), &resume);
        let said = texts(&session);
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(
            said[0].starts_with("This page is served over plain HTTP"),
            "{said:?}"
        );
    }

    fn load(session: &mut Session, files: &[(&str, &str)]) -> Vec<Effect> {
        let files = files
            .iter()
            .map(|(name, text)| InputFile {
                name: (*name).into(),
                bytes: text.as_bytes().to_vec(),
            })
            .collect();
        session.update(
            Event::Imported {
                results: crate::core::import_job::ImportJob::run(files),
                unreadable: Vec::new(),
                announce: None,
            },
            &Resume::default(),
        )
    }

    fn tag(session: &mut Session, start: usize, end: usize, label: &str) -> Vec<Effect> {
        session.update(
            Event::ApplyLabel {
                label: label.into(),
                selection: Some(CharRange::ordered(start, end)),
                add: false,
            },
            &Resume::default(),
        )
    }

    /// A file chosen on the loading screen is added to the saved work once
    /// it is read (the read replaced it: CI lost a file so, at random).
    #[test]
    fn a_file_loaded_while_the_saved_workspace_is_read_waits_for_it() {
        use crate::core::persist::{MemoryStore, restore};
        let resume = Resume::default();
        let mut store = MemoryStore::default();
        let mut before = Session::default();
        before.update(Event::Role(Role::Writer), &resume);
        let mut effects = before.update(Event::Restored(Ok(Restored::Empty)), &resume);
        effects.extend(load(&mut before, &[("saved.txt", TEXT)]));
        plans(&effects)
            .into_iter()
            .for_each(|plan| store.execute(plan));

        let mut page = Session::default();
        page.update(Event::Role(Role::Writer), &resume);
        assert!(load(&mut page, &[("early.txt", "نص مبكر")]).is_empty());
        assert!(
            page.ws.documents.is_empty(),
            "nothing is shown before the read"
        );
        let loaded = restore(store.read()).ok().flatten();
        let restored = Restored::Workspace(Box::new(loaded.expect("the work was saved")));
        let effects = page.update(Event::Restored(Ok(restored)), &resume);
        let names: Vec<&str> = page.ws.documents.iter().map(|d| d.name.as_str()).collect();
        assert!(
            names.contains(&"saved.txt") && names.contains(&"early.txt"),
            "{names:?}"
        );
        assert!(!plans(&effects).is_empty(), "the early file is saved");
        assert!(page.history.can_undo(), "its import is one undoable step");

        // A read-only tab refuses it, and says so.
        let mut reader = Session::default();
        reader.update(Event::Role(Role::Reader), &resume);
        load(&mut reader, &[("early.txt", "نص")]);
        reader.update(Event::Restored(Ok(Restored::Empty)), &resume);
        assert!(reader.ws.documents.iter().all(|d| d.name != "early.txt"));
        let not_loaded = Msg::counted(Counted::ImportReadOnly, 1).render(Lang::En);
        assert!(reader.messages.iter().any(|m| m.text == not_loaded));
    }

    /// Storage refused the claim (a full disk): the saved work is shown
    /// read-only, an edit is refused with the reason (not "another tab"),
    /// and a claim that succeeds later makes the tab the writer.
    #[test]
    fn a_refused_claim_shows_the_work_read_only_until_a_claim_succeeds() {
        let resume = Resume::default();
        let mut page = Session::default();
        page.update(Event::Role(Role::Writer), &resume);
        let why = Msg::new(Key::StorageFull);
        page.update(Event::ClaimFailed(why.clone()), &resume);
        page.update(Event::Restored(Ok(Restored::Empty)), &resume);
        assert_eq!(page.role, Role::Reader);
        let said = Msg::new(Key::SavedReadOnly)
            .msg("why", why)
            .render(Lang::En);
        assert!(said.contains("does not let Wasim save"), "{said}");
        assert!(tag(&mut page, 0, 3, "PER").is_empty());
        assert!(tag(&mut page, 0, 3, "PER").is_empty());
        let shown =
            |page: &Session, text: &str| page.messages.iter().filter(|m| m.text == text).count();
        assert_eq!(shown(&page, &said), 1, "said once, however often refused");
        assert_eq!(shown(&page, Lang::En.t(Key::ReadOnlyTab)), 0);

        // Another tab taking the workspace meanwhile ends the claims.
        let mut other = page.clone();
        other.update(
            Event::LostWriter {
                unsaved: false,
                downloaded: None,
            },
            &resume,
        );
        assert!(other.unclaimed.is_none());
        assert_eq!(other.role, Role::Reader);
        let taken = Lang::En.t(Key::TakenOver);
        assert!(other.messages.iter().any(|m| m.text == taken));

        page.update(Event::TookOver(Ok(Restored::Empty)), &resume);
        assert_eq!(page.role, Role::Writer);
        assert!(page.unclaimed.is_none());
        assert_eq!(shown(&page, &said), 0, "the warning leaves");
        assert!(!plans(&tag(&mut page, 0, 3, "PER")).is_empty());
    }

    fn plans(effects: &[Effect]) -> Vec<&WritePlan> {
        effects
            .iter()
            .map(|effect| match effect {
                Effect::Write(plan) => plan,
            })
            .collect()
    }

    /// The edits a plan appends to the journal.
    fn journal(plan: &WritePlan) -> Vec<Edit> {
        plan.append
            .iter()
            .map(|(_, raw)| {
                serde_json::from_str::<crate::core::persist::JournalEntry>(raw)
                    .expect("a journal entry")
                    .edit
            })
            .collect()
    }

    #[test]
    fn messages_are_written_in_the_sessions_language() {
        let mut session = writer();
        session.update(Event::Lang(Lang::Ar), &Resume::default());
        load(
            &mut session,
            &[("a.txt", TEXT), ("b.txt", TEXT), ("c.txt", TEXT)],
        );
        let last = |s: &Session| {
            s.messages
                .last()
                .map(|m| m.text.clone())
                .unwrap_or_default()
        };
        assert_eq!(last(&session), "حُمِّلت 3 مستندات. Ctrl+Z يتراجع عن هذا.");
        tag(&mut session, 4, 11, "PER");
        session.update(Event::Undo, &Resume::default());
        assert_eq!(
            last(&session),
            "تم التراجع عن: وسم \u{2068}PER\u{2069} «الكاظمي» في \u{2068}a.txt\u{2069}."
        );
        session.update(Event::Lang(Lang::En), &Resume::default());
        session.update(Event::Redo, &Resume::default());
        assert_eq!(last(&session), "Redid: tagging PER «الكاظمي» in a.txt.");
        session.update(Event::Redo, &Resume::default());
        assert_eq!(last(&session), "Nothing to redo.");
    }

    #[test]
    fn undoing_several_steps_shows_the_last_one_the_log_keeps_all() {
        let mut session = writer();
        load(&mut session, &[("a.txt", TEXT)]);
        for (start, end) in [(0, 3), (4, 11), (12, 14)] {
            tag(&mut session, start, end, "PER");
        }
        let logged = session.log.len();
        for event in [
            Event::Undo,
            Event::Undo,
            Event::Undo,
            Event::Redo,
            Event::Redo,
        ] {
            session.update(event, &Resume::default());
        }
        let said: Vec<&str> = session
            .messages
            .iter()
            .map(|m| m.text.as_str())
            .filter(|t| t.starts_with("Undid") || t.starts_with("Redid"))
            .collect();
        assert_eq!(said.len(), 1, "{said:?}");
        assert!(said[0].starts_with("Redid: tagging PER"), "{said:?}");
        assert_eq!(session.log.len(), logged + 5);
    }

    #[test]
    fn a_label_key_on_a_clicked_span_relabels_it_and_shift_adds_a_second() {
        let mut session = writer();
        load(&mut session, &[("a.txt", TEXT)]);
        tag(&mut session, 4, 11, "PER");
        let labels = |s: &Session| -> Vec<(usize, usize, String)> {
            let doc = s.open_document().expect("open");
            doc.spans
                .iter()
                .map(|x| (x.start, x.end, x.label.to_string()))
                .collect()
        };
        let span = session.selected;
        assert!(span.is_some(), "the new span is selected");
        let key = |s: &mut Session, label: &str, add: bool| {
            s.update(Event::Select(span), &Resume::default());
            s.update(
                Event::ApplyLabel {
                    label: label.into(),
                    selection: None,
                    add,
                },
                &Resume::default(),
            );
        };
        key(&mut session, "LOC", false);
        assert_eq!(labels(&session), [(4, 11, "LOC".to_owned())], "relabelled");
        key(&mut session, "ORG", true);
        assert_eq!(
            labels(&session),
            [(4, 11, "LOC".to_owned()), (4, 11, "ORG".to_owned())],
            "Shift adds a second label on the same extent"
        );
        key(&mut session, "LOC", true);
        assert_eq!(labels(&session).len(), 2, "never a duplicate");
        session.update(Event::Undo, &Resume::default());
        assert_eq!(labels(&session), [(4, 11, "LOC".to_owned())]);
    }

    #[test]
    fn a_span_across_a_paragraph_break_is_made_and_said() {
        let mut session = writer();
        load(&mut session, &[("a.txt", "زار الكاظمي\nبغداد اليوم")]);
        session.messages.clear();
        tag(&mut session, 4, 11, "PER");
        assert!(session.messages.is_empty(), "{:?}", session.messages);
        tag(&mut session, 4, 17, "LOC");
        let doc = session.open_document().expect("open");
        assert_eq!(doc.spans.len(), 2, "made as selected");
        let shown: Vec<(MessageKind, &str)> = session
            .messages
            .iter()
            .map(|m| (m.kind, m.text.as_str()))
            .collect();
        assert_eq!(
            shown,
            [(
                MessageKind::Warning,
                "The new LOC span runs across a paragraph break. Ctrl+Z undoes it."
            )]
        );
        // Undone, the span and its warning go: it stayed over the text.
        session.update(Event::Undo, &Resume::default());
        let warned = |s: &Session| s.messages.iter().any(|m| m.kind == MessageKind::Warning);
        assert!(!warned(&session), "{:?}", session.messages);
        // A lone carriage return (old Mac line ends) is no line of the view.
        let mut session = writer();
        load(&mut session, &[("b.txt", "زار الكاظمي\rبغداد اليوم")]);
        session.messages.clear();
        tag(&mut session, 4, 17, "LOC");
        assert!(session.messages.is_empty(), "{:?}", session.messages);
    }

    #[test]
    fn the_same_message_again_replaces_the_one_on_screen() {
        let mut session = writer();
        for _ in 0..3 {
            session.update(Event::Undo, &Resume::default());
        }
        let shown: Vec<&str> = session.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(shown, ["Nothing to undo."]);
        assert_eq!(session.log.len(), 3, "the log keeps each");
        session.update(Event::Redo, &Resume::default());
        session.update(Event::Undo, &Resume::default());
        let shown: Vec<&str> = session.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(
            shown,
            ["Nothing to redo.", "Nothing to undo."],
            "newest last"
        );
    }

    #[test]
    fn an_announced_import_says_its_own_message_not_loaded_n() {
        let mut session = writer();
        let file = InputFile {
            name: "a.txt".into(),
            bytes: TEXT.as_bytes().to_vec(),
        };
        session.update(
            Event::Imported {
                results: crate::core::import_job::ImportJob::run(vec![file]),
                unreadable: Vec::new(),
                announce: Some(
                    Msg::new(Key::Merged)
                        .arg("names", "x")
                        .arg("documents", "1"),
                ),
            },
            &Resume::default(),
        );
        let texts: Vec<&str> = session.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts.len(), 1, "{texts:?}");
        assert!(texts[0].starts_with("Merged"), "{texts:?}");
        assert!(!texts[0].contains("Loaded"), "{texts:?}");
    }

    #[test]
    fn a_workspace_file_naming_two_documents_alike_is_said() {
        let mut session = writer();
        let file = r#"{"format": "wasim", "version": 2, "labels": [], "documents": [
            {"name": "dup.txt", "text": "أ", "spans": []},
            {"name": "dup.txt", "text": "ب", "spans": []}]}"#;
        load(&mut session, &[("w.json", file)]);
        assert_eq!(session.ws.documents.len(), 2);
        let said = session.messages.iter().any(|m| {
            m.kind == MessageKind::Warning
                && m.text
                    .starts_with("Several of the documents added have the same name: dup.txt")
        });
        assert!(said, "{:?}", session.messages);
    }

    #[test]
    fn a_span_without_a_label_is_refused_by_name_and_file() {
        let mut session = writer();
        let file = r#"{"format": "wasim", "version": 2, "labels": [], "documents": [
            {"name": "a.txt", "text": "علي", "spans": [{"start": 0, "end": 3, "label": "", "text": "علي"}]}]}"#;
        load(&mut session, &[("nolabel.json", file)]);
        let texts: Vec<&str> = session.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(texts.len(), 1, "{texts:?}");
        assert!(texts[0].contains("nolabel.json"), "{texts:?}");
        assert!(texts[0].contains("has no label"), "{texts:?}");
    }

    #[test]
    fn many_files_refused_at_once_are_one_message_listing_them_all() {
        let mut session = writer();
        let bad: Vec<(String, &str)> = (0..5).map(|i| (format!("bad{i}.json"), "{")).collect();
        let files: Vec<(&str, &str)> = bad.iter().map(|(n, t)| (n.as_str(), *t)).collect();
        load(&mut session, &files);
        let errors: Vec<&Message> = session
            .messages
            .iter()
            .filter(|m| m.kind == MessageKind::Error)
            .collect();
        assert_eq!(errors.len(), 1, "{:?}", session.messages);
        assert_eq!(
            errors[0].text,
            "5 files could not be loaded; each one's reason is below"
        );
        assert_eq!(errors[0].details.len(), 5);
        assert!(
            errors[0].details[4].contains("bad4.json"),
            "{:?}",
            errors[0].details
        );
        // A few are said one by one, as before.
        let mut session = writer();
        load(&mut session, &files[..2]);
        let errors = session
            .messages
            .iter()
            .filter(|m| m.kind == MessageKind::Error);
        assert_eq!(errors.count(), 2);
    }

    #[test]
    fn a_brat_annotation_conf_alone_adds_its_labels_and_says_so() {
        const CONF: &str = "[entities]\nPER\nCITY\n\tCAPITAL\n[relations]\n";
        let mut session = writer();
        let before = session.ws.labels.len();
        load(&mut session, &[("annotation.conf", CONF)]);
        let texts: Vec<&str> = session.messages.iter().map(|m| m.text.as_str()).collect();
        let has = |name: &str| session.ws.labels.iter().any(|l| l.name == name);
        assert!(has("CITY") && has("CAPITAL"), "{texts:?}");
        let added = session.ws.labels.len() - before;
        assert!(
            texts.contains(&format!("Added {added} labels. Ctrl+Z undoes this.").as_str()),
            "{texts:?}"
        );
        assert!(
            session
                .messages
                .iter()
                .all(|m| m.kind != MessageKind::Error),
            "{texts:?}"
        );
        assert!(!texts.iter().any(|t| t.contains("Loaded")), "{texts:?}");
        // Loaded again, it has nothing to add: no step to undo.
        load(&mut session, &[("annotation.conf", CONF)]);
        let last = session.messages.last().map(|m| m.text.as_str());
        assert_eq!(last, Some("No document and no new label: nothing changed."));
        session.update(Event::Undo, &Resume::default());
        let texts: Vec<&str> = session.messages.iter().map(|m| m.text.as_str()).collect();
        assert!(
            !session.ws.labels.iter().any(|l| l.name == "CITY"),
            "{texts:?}"
        );
    }

    #[test]
    fn a_file_loaded_again_is_kept_twice_and_said() {
        let mut session = writer();
        load(&mut session, &[("a.txt", TEXT), ("b.txt", TEXT)]);
        let warnings = |s: &Session| {
            s.messages
                .iter()
                .filter(|m| m.kind == MessageKind::Warning)
                .map(|m| m.text.clone())
                .collect::<Vec<_>>()
        };
        assert!(warnings(&session).is_empty(), "nothing loaded twice yet");
        load(&mut session, &[("b.txt", TEXT), ("c.txt", TEXT)]);
        assert_eq!(
            warnings(&session),
            ["Already in the list, loaded again beside it: b.txt."]
        );
        let names: Vec<&str> = session
            .ws
            .documents
            .iter()
            .map(|d| d.name.as_str())
            .collect();
        assert_eq!(names.iter().filter(|n| **n == "b.txt").count(), 2);
        // One import that names two documents alike (one file picked twice,
        // doc.txt in two folders of a zip) says so too, once per name.
        session.messages.clear();
        load(
            &mut session,
            &[("d.txt", TEXT), ("d.txt", TEXT), ("d.txt", "x")],
        );
        assert_eq!(
            warnings(&session),
            [
                "Several of the documents added have the same name: d.txt. All are kept; rename one to tell them apart."
            ]
        );
    }

    #[test]
    fn messages_on_screen_and_in_the_log_change_language_with_the_interface() {
        let mut session = writer();
        load(&mut session, &[("a.txt", TEXT), ("b.txt", TEXT)]);
        let broken = InputFile {
            name: "broken.json".into(),
            bytes: b"{\"documents\": [".to_vec(),
        };
        session.update(
            Event::Imported {
                results: crate::core::import_job::ImportJob::run(vec![broken]),
                unreadable: Vec::new(),
                announce: None,
            },
            &Resume::default(),
        );
        session.update(Event::Undo, &Resume::default());
        session.update(Event::Undo, &Resume::default());
        let texts =
            |s: &Session| -> Vec<String> { s.messages.iter().map(|m| m.text.clone()).collect() };
        let english = texts(&session);
        assert!(
            english.iter().any(|t| t == "Nothing to undo."),
            "{english:?}"
        );
        assert!(
            english
                .iter()
                .any(|t| t.starts_with("Could not load broken.json")),
            "{english:?}"
        );

        session.update(Event::Lang(Lang::Ar), &Resume::default());
        let arabic = texts(&session);
        assert_eq!(arabic.len(), english.len());
        assert!(
            arabic.contains(&Lang::Ar.t(Key::NothingToUndo).to_owned()),
            "{arabic:?}"
        );
        let refused = arabic
            .iter()
            .find(|t| t.contains("broken.json"))
            .expect("the refusal");
        assert!(
            refused.starts_with("تعذّر تحميل \u{2068}broken.json\u{2069}"),
            "{refused}"
        );
        assert!(!refused.contains("Could not"), "{refused}");
        assert!(session.log.iter().all(|m| !m.text.starts_with("Could not")));

        session.update(Event::Lang(Lang::En), &Resume::default());
        assert_eq!(texts(&session), english);
    }

    #[test]
    fn errors_pushed_off_the_screen_are_counted_and_confirmations_go_first() {
        let mut session = writer();
        let say = |s: &mut Session, kind, text: &str| {
            s.update(Event::Notify(kind, Msg::from(text)), &Resume::default());
        };
        say(&mut session, MessageKind::Info, "done");
        for i in 0..6 {
            say(&mut session, MessageKind::Error, &format!("error {i}"));
        }
        // The confirmation made room: nothing unsaid is lost yet.
        assert_eq!(session.messages.len(), MAX_MESSAGES);
        assert!(
            session
                .messages
                .iter()
                .all(|m| m.kind == MessageKind::Error)
        );
        assert_eq!(session.pushed_off, 0);
        say(&mut session, MessageKind::Warning, "warning");
        say(&mut session, MessageKind::Error, "error 6");
        let shown: Vec<&str> = session.messages.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(
            shown,
            [
                "error 2", "error 3", "error 4", "error 5", "warning", "error 6"
            ]
        );
        assert_eq!(session.pushed_off, 2);
        assert_eq!(session.log.len(), 9, "the log keeps every one");
        session.update(Event::DismissPushedOff, &Resume::default());
        assert_eq!(session.pushed_off, 0);
    }

    #[test]
    fn what_an_undo_did_is_worded_again_in_the_new_language() {
        let mut session = writer();
        load(&mut session, &[("a.txt", TEXT)]);
        tag(&mut session, 4, 11, "PER");
        tag(&mut session, 4, 11, "LOC");
        session.update(Event::Undo, &Resume::default());
        let newest = |s: &Session| s.messages.last().map(|m| m.text.clone());
        let english = newest(&session).expect("a message");
        assert!(english.starts_with("Undid: relabelling PER"), "{english}");
        assert!(english.contains("as LOC in a.txt"), "{english}");

        session.update(Event::Lang(Lang::Ar), &Resume::default());
        let arabic = newest(&session).expect("a message");
        for word in [
            Lang::Ar.t(Key::Relabelling),
            &Lang::Ar.f(Key::AsLabel, &[("label", "\u{2068}LOC\u{2069}")]),
            "a.txt",
            "PER",
        ] {
            assert!(arabic.contains(word), "{word:?} in {arabic}");
        }
        for english_word in ["Undid", "relabelling", " as ", " in "] {
            assert!(
                !arabic.contains(english_word),
                "{english_word:?} in {arabic}"
            );
        }
        session.update(Event::Lang(Lang::En), &Resume::default());
        assert_eq!(newest(&session).as_deref(), Some(english.as_str()));
    }

    fn spans(session: &Session) -> Vec<(usize, usize, String)> {
        session
            .ws
            .open_document()
            .map(|d| {
                d.spans
                    .iter()
                    .map(|s| (s.start, s.end, s.label.to_string()))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn loading_a_file_puts_the_demo_away_and_opens_it() {
        let mut session = writer();
        assert!(session.ws.documents.iter().any(|d| d.demo));
        let effects = load(&mut session, &[("a.txt", TEXT)]);
        assert_eq!(session.ws.documents.len(), 1);
        assert_eq!(
            session.ws.open_document().map(|d| d.name.as_str()),
            Some("a.txt")
        );
        // One plan: the new text, the load's journal entry and its step.
        let [plan] = plans(&effects)[..] else {
            panic!("one plan: {effects:?}");
        };
        assert_eq!(plan.edits, 1);
        assert_eq!(plan.put_texts.len(), 1);
        assert_eq!((plan.append.len(), plan.put_steps.len()), (1, 1));
        assert!(
            session
                .messages
                .iter()
                .any(|m| m.text.starts_with("Loaded 1 document."))
        );
    }

    #[test]
    fn tagging_relabelling_and_undoing_persist_one_step_each() {
        let mut session = writer();
        load(&mut session, &[("a.txt", TEXT)]);
        let effects = tag(&mut session, 4, 11, "PER");
        assert_eq!(spans(&session), vec![(4, 11, "PER".to_owned())]);
        let [plan] = plans(&effects)[..] else {
            panic!("one plan: {effects:?}");
        };
        assert!(
            matches!(journal(plan).as_slice(), [Edit::AddSpans { spans, .. }] if spans.len() == 1)
        );
        assert_eq!((plan.put_steps.len(), plan.delete_steps.len()), (1, 0));
        // The same extent with another label relabels, never duplicates.
        tag(&mut session, 4, 11, "LOC");
        assert_eq!(spans(&session), vec![(4, 11, "LOC".to_owned())]);
        // Tagging it again with the same label changes nothing.
        assert!(tag(&mut session, 4, 11, "LOC").is_empty());
        let undo = session.update(Event::Undo, &Resume::default());
        assert_eq!(spans(&session), vec![(4, 11, "PER".to_owned())]);
        let [plan] = plans(&undo)[..] else {
            panic!("one plan: {undo:?}");
        };
        assert!(matches!(
            journal(plan).as_slice(),
            [Edit::SetSpanLabel { .. }]
        ));
        // The undo step's record goes, a redo step's record comes.
        assert_eq!((plan.put_steps.len(), plan.delete_steps.len()), (1, 1));
        let redo = session.update(Event::Redo, &Resume::default());
        assert_eq!(spans(&session), vec![(4, 11, "LOC".to_owned())]);
        let [plan] = plans(&redo)[..] else {
            panic!("one plan: {redo:?}");
        };
        assert_eq!(journal(plan).len(), 1);
        assert_eq!((plan.put_steps.len(), plan.delete_steps.len()), (1, 1));
        session.update(
            Event::Saved(Ok(Written {
                plans: session.saves.queued,
                edits: 4,
            })),
            &Resume::default(),
        );
        assert_eq!(
            session.saves,
            Saves {
                queued: 0,
                acked: 4
            }
        );
    }

    #[test]
    fn undo_opens_the_document_it_changes() {
        let mut session = writer();
        load(&mut session, &[("a.txt", TEXT), ("b.txt", TEXT)]);
        let first = session.ws.documents[0].id;
        let second = session.ws.documents[1].id;
        session.update(Event::Open(first), &Resume::default());
        tag(&mut session, 18, 23, "LOC");
        let opened = session.update(Event::Open(second), &Resume::default());
        assert_eq!(
            opened,
            vec![Effect::Write(WritePlan {
                open: Some(Some(second)),
                ..WritePlan::default()
            })]
        );
        session.update(Event::Undo, &Resume::default());
        assert_eq!(session.ws.open, Some(first));
        assert!(spans(&session).is_empty());
        assert!(
            session
                .reveal
                .is_some_and(|(_, r)| r == CharRange::ordered(18, 23))
        );
        assert!(session.messages.iter().any(|m| m.text.starts_with("Undid")));
    }

    #[test]
    fn a_read_only_tab_refuses_edits_and_persists_nothing() {
        let mut session = Session::default();
        let resume = Resume::default();
        session.update(Event::Role(Role::Reader), &resume);
        session.update(Event::Restored(Ok(Restored::Empty)), &resume);
        let before = session.ws.clone();
        assert!(load(&mut session, &[("a.txt", TEXT)]).is_empty());
        assert_eq!(session.ws, before);
        // Files read are not loaded, and the message says how many and
        // where to load them (an import dropped by a take-over said nothing
        // of them); another edit is refused as read-only.
        let not_loaded = Msg::counted(Counted::ImportReadOnly, 1).render(Lang::En);
        assert!(
            session.messages.iter().any(|m| m.text == not_loaded),
            "{:?}",
            session.messages
        );
        assert!(not_loaded.contains("1 document was not loaded"));
        session.update(Event::Undo, &resume);
        let read_only = Lang::En.t(Key::ReadOnlyTab);
        assert!(session.messages.iter().any(|m| m.text == read_only));
    }

    #[test]
    fn tag_all_is_one_step_and_skips_tagged_matches() {
        let mut session = writer();
        load(&mut session, &[("a.txt", TEXT)]);
        tag(&mut session, 12, 17, "LOC");
        let effects = session.update(Event::TagAllLikeSelected, &Resume::default());
        assert_eq!(
            spans(&session),
            vec![(12, 17, "LOC".to_owned()), (29, 34, "LOC".to_owned())]
        );
        assert_eq!(effects.len(), 1);
        session.update(Event::Undo, &Resume::default());
        assert_eq!(spans(&session), vec![(12, 17, "LOC".to_owned())]);
    }

    #[test]
    fn a_failed_edit_is_a_message_and_changes_nothing() {
        let mut session = writer();
        load(&mut session, &[("a.txt", TEXT)]);
        let doc = session.ws.open.unwrap_or(DocId(0));
        let before = session.ws.clone();
        let effects = session.update(
            Event::Edit(Edit::RemoveSpans {
                doc,
                ids: vec![SpanId(12345)],
            }),
            &Resume::default(),
        );
        assert!(effects.is_empty());
        assert_eq!(session.ws, before);
        assert!(
            session
                .messages
                .iter()
                .any(|m| m.kind == MessageKind::Warning)
        );
    }

    /// The corpus totals a session keeps edit by edit equal those counted
    /// afresh after every event, and the generation (what the document list
    /// and the word lexicon are kept for) moves only when documents come or
    /// go: tagging, marking done and opening never make the UI walk the
    /// corpus again.
    #[test]
    fn corpus_totals_follow_every_event_and_the_generation_moves_only_with_documents() {
        let mut session = writer();
        let files: Vec<(String, String)> = (0..30)
            .map(|i| (format!("{i:02}.txt"), format!("{TEXT} {i}")))
            .collect();
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        load(&mut session, &files);
        let check = |session: &Session| {
            let fresh = Tally::of(&session.ws);
            assert_eq!(
                (
                    session.tally.done(),
                    session.tally.total(),
                    session.tally.spans("LOC")
                ),
                (fresh.done(), fresh.total(), fresh.spans("LOC"))
            );
        };
        check(&session);
        assert_eq!(session.tally.total(), 30);
        let generation = session.tally.generation();
        let far = session.ws.documents[27].id;
        session.update(Event::Open(far), &Resume::default());
        assert_eq!(session.open_document().map(|d| d.id), Some(far));
        tag(&mut session, 12, 17, "LOC");
        session.update(
            Event::Edit(Edit::SetDone {
                doc: far,
                done: true,
            }),
            &Resume::default(),
        );
        check(&session);
        assert_eq!((session.tally.spans("LOC"), session.tally.done()), (1, 1));
        session.update(Event::Undo, &Resume::default());
        session.update(Event::Undo, &Resume::default());
        check(&session);
        assert_eq!(session.tally.generation(), generation, "the same documents");
        session.update(Event::RemoveDocument(far), &Resume::default());
        check(&session);
        assert_eq!(session.tally.total(), 29);
        assert!(session.tally.generation() > generation);
        assert_eq!(session.document(far).map(|d| d.id), None);
        session.update(Event::Undo, &Resume::default());
        assert_eq!(session.position(far), Some(27), "back in its place");
        check(&session);
    }

    /// What the UI does on every action (copy the state, update the copy)
    /// costs the same in any corpus: tagging a word copies one chunk of the
    /// document list, and any other event copies none.
    #[test]
    fn an_edit_copies_one_chunk_of_the_document_list_whatever_the_corpus() {
        let mut session = writer();
        let texts: Vec<(String, String)> = (0..1_000)
            .map(|i| (format!("{i:04}.txt"), format!("نص رقم {i} عن بغداد")))
            .collect();
        let files: Vec<(&str, &str)> = texts
            .iter()
            .map(|(name, text)| (name.as_str(), text.as_str()))
            .collect();
        load(&mut session, &files);
        let far = session.ws.documents[900].id;
        session.update(Event::Open(far), &Resume::default());
        let before = session.clone();
        let mut after = before.clone();
        after.update(Event::Select(None), &Resume::default());
        let (shared, chunks) = after.ws.documents.chunks_shared_with(&before.ws.documents);
        assert!(chunks > 10);
        assert_eq!(shared, chunks, "an event that edits nothing copies nothing");
        tag(&mut after, 0, 2, "PER");
        assert_eq!(after.document(far).map(|d| d.spans.len()), Some(1));
        assert_eq!(before.document(far).map(|d| d.spans.len()), Some(0));
        let (shared, chunks) = after.ws.documents.chunks_shared_with(&before.ws.documents);
        assert_eq!(
            shared,
            chunks - 1,
            "only the tagged document's chunk is copied"
        );
    }
}
