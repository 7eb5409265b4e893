//! The workspace in IndexedDB: executes the core's write plans and reads
//! everything back for [`crate::core::persist::restore`]. It decides
//! nothing about what to write.
//!
//! ## Layout (database `wasim`, version 2; records of schema 2)
//!
//! | store | key | value |
//! | --- | --- | --- |
//! | `texts` | document id | its text (a string), or `{text, source}` for a document imported with a [`Source`] (source as JSON); written once |
//! | `docs` | document id | JSON [`DocRecord`](crate::core::snapshot::DocRecord): name, done, demo, spans as rows `[id, start, end, label(, note, entity id)]` |
//! | `meta` | `workspace` | JSON [`WorkspaceRecord`](crate::core::persist::WorkspaceRecord): `{schema: 2, labels, order}` |
//! | `meta` | `next_id`, `open` | numbers: the id counter, the open document |
//! | `meta` | `writer` | the writer epoch (see below) |
//! | `meta` | `set_aside` | JSON list of journal entries that could not be replayed (kept, reported) |
//! | `journal` | increasing number | JSON [`JournalEntry`](crate::core::persist::JournalEntry): one applied edit |
//! | `steps` | increasing number | JSON [`StepRecord`](crate::core::persist::StepRecord): `{stack: "undo"\|"redo", edit}` |
//!
//! A change writes its journal entry and the step records it pushes or pops
//! (plus new texts and `open` when they change) in one transaction
//! ([`write`]); when that transaction has committed, the change is
//! acknowledged. Compaction plans fold the journal into `docs` and
//! `meta/workspace` and delete it. Write transactions ask for `strict`
//! durability (flushed to disk before they complete). Several plans waiting
//! are written in one transaction, in order.
//!
//! **Schema 1** (database version 1, the release before): `meta/snapshot`
//! (every document record, labels, open document in one object) and
//! `meta/history` (the whole history as JSON), texts as today. Opening
//! version 2 only adds the new stores; the first tab that writes then reads
//! the schema 1 records and the core plans their migration (every record
//! written, the old keys deleted) as its first transaction.
//!
//! ## Two tabs: fencing with the writer epoch
//!
//! Only the tab holding the `wasim-writer` lock writes
//! ([`crate::platform::tabs`]), but a tab may learn that another one stole
//! the lock only after it started another write. So no write trusts the lock
//! alone:
//! - a tab becoming the writer (at start or by taking over) reads the
//!   workspace in a read-write transaction that also reads the epoch and
//!   writes it plus one ([`open_and_restore`] with [`Reading::Claim`]);
//!   that number is the tab's own epoch. Reading the workspace in that same
//!   transaction means nothing the former writer saved is missed;
//! - every write transaction first reads the epoch and writes nothing, and
//!   aborts, when it is not the tab's own ([`SaveError::NotWriter`]); the
//!   tab then turns read-only;
//! - transactions over the same stores run one at a time, so a former
//!   writer's write either lands before the taking-over read (which then
//!   sees it) or runs after the epoch changed (and aborts). No stale write
//!   lands.
//!
//! Where the browser has no Web Locks there is no epoch ([`set_fencing`] is
//! never called): writes behave as before, the last one wins.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    IdbDatabase, IdbKeyRange, IdbObjectStore, IdbOpenDbRequest, IdbRequest, IdbTransaction,
    IdbTransactionMode,
};

use crate::core::i18n::{Key, Msg};
use crate::core::json;
use crate::core::model::{DocId, DocumentBody, Source};
use crate::core::persist::{Stored, V1Profile, WritePlan, restore};
use crate::core::session::Restored;
use crate::core::tabs::{may_write, next_epoch};
use crate::core::text::Text;
use crate::platform::tasks::now;

const DB_NAME: &str = "wasim";
const DB_VERSION: u32 = 2;
const META: &str = "meta";
const TEXTS: &str = "texts";
const DOCS: &str = "docs";
const JOURNAL: &str = "journal";
const STEPS: &str = "steps";
const STORES: [&str; 5] = [META, TEXTS, DOCS, JOURNAL, STEPS];
const WORKSPACE_KEY: &str = "workspace";
const NEXT_ID_KEY: &str = "next_id";
const OPEN_KEY: &str = "open";
const SET_ASIDE_KEY: &str = "set_aside";
const WRITER_KEY: &str = "writer";
const V1_SNAPSHOT_KEY: &str = "snapshot";
const V1_HISTORY_KEY: &str = "history";

thread_local! {
    static DATABASE: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    static ON_BLOCKED: RefCell<Option<Box<dyn Fn()>>> = const { RefCell::new(None) };
    static FENCE: RefCell<Fence> = const { RefCell::new(Fence::Off) };
    /// The texts of a read-only tab's last reading, by document. A text
    /// never changes once stored (ids are not reused), so reading again
    /// fetches only the texts not held here: a writer's save makes a
    /// reader read the records, not 50 MB of text.
    static HELD_TEXTS: RefCell<Vec<(DocId, DocumentBody)>> = const { RefCell::new(Vec::new()) };
}

/// Whether and how writes are fenced.
#[derive(Clone, Copy)]
enum Fence {
    /// No Web Locks: every write lands (the last one wins).
    Off,
    /// This tab is not the writer: no write lands.
    Reader,
    /// This tab became the writer with this epoch.
    Writer(u64),
}

/// Turns fencing on: from now on a write lands only after this tab claimed
/// the workspace with [`open_and_restore`] and no other tab claimed it since.
pub fn set_fencing() {
    FENCE.with(|f| {
        if matches!(*f.borrow(), Fence::Off) {
            *f.borrow_mut() = Fence::Reader;
        }
    });
}

/// Stops this tab from writing (another tab is the writer).
pub fn resign() {
    FENCE.with(|f| {
        if !matches!(*f.borrow(), Fence::Off) {
            *f.borrow_mut() = Fence::Reader;
        }
    });
}

/// What to do when opening waits for another tab that has the database
/// open in an older version (it must close first); opening goes on by
/// itself once it has.
pub fn on_blocked(notify: impl Fn() + 'static) {
    ON_BLOCKED.with(|cell| *cell.borrow_mut() = Some(Box::new(notify)));
}

/// Why a write did not land.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab took the workspace over: nothing was written.
    NotWriter,
    /// Storage failed (a message for the user), for example a full quota.
    Failed(String),
}

impl From<String> for SaveError {
    fn from(message: String) -> Self {
        SaveError::Failed(message)
    }
}

/// The stored epoch, `None` when none was ever written.
fn epoch_of(value: &JsValue) -> Option<u64> {
    value
        .as_f64()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map(|n| n as u64)
}

/// A stored number key or value as a `u64`.
fn number(value: &JsValue) -> Option<u64> {
    epoch_of(value)
}

/// The open database, opening it the first time.
async fn database() -> Result<IdbDatabase, String> {
    if let Some(db) = DATABASE.with(|cell| cell.borrow().clone()) {
        return Ok(db);
    }
    let db = open().await?;
    DATABASE.with(|cell| *cell.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn store_names() -> Array {
    STORES.iter().map(|s| JsValue::from_str(s)).collect()
}

/// How a tab reads the saved workspace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// This tab becomes the writer, in the same transaction: the writer
    /// epoch is incremented and becomes this tab's own (see the module
    /// notes).
    Claim,
    /// Once, keeping nothing (a tab that cannot coordinate with others).
    Once,
    /// A read-only tab, which reads again after each of the writer's saves:
    /// it keeps the texts it read, and fetches only new ones the next time
    /// (a text never changes once stored).
    Follow,
}

/// Reads the saved workspace (opening the database the first time), as
/// `reading` says. The core then replays the journal and plans the
/// compaction (or the migration), which the session has the writer write
/// first.
///
/// # Errors
/// A message for the user when IndexedDB is unavailable or the saved data
/// cannot be read. The saved data is left untouched.
pub async fn open_and_restore(reading: Reading) -> Result<Restored, Msg> {
    let held = HELD_TEXTS.with(|h| std::mem::take(&mut *h.borrow_mut()));
    let follow = reading == Reading::Follow;
    if !follow || held.is_empty() {
        return read_and_restore(reading == Reading::Claim, None, follow).await;
    }
    match read_and_restore(false, Some(held), true).await {
        Ok(restored) => Ok(restored),
        // The texts held and those read did not make a whole (a text
        // deleted between the two readings): read everything once.
        Err(_) => read_and_restore(false, None, true).await,
    }
}

/// [`open_and_restore`], with the texts a read-only tab holds already
/// (`held`: only the others are read); with `keep`, the texts read are
/// kept for the next reading.
async fn read_and_restore(
    claim: bool,
    held: Option<Vec<(DocId, DocumentBody)>>,
    keep: bool,
) -> Result<Restored, Msg> {
    let stored = read_stored(claim, held, keep).await.map_err(reason)?;
    let restored = match restore(stored)? {
        None => Restored::Empty,
        Some(loaded) => Restored::Workspace(Box::new(loaded)),
    };
    mark("wasim:storage-restored");
    Ok(restored)
}

/// Everything stored, read in one transaction that also claims the
/// workspace with `claim` (see [`open_and_restore`]).
///
/// # Errors
/// The browser's reason when IndexedDB is unavailable or refuses.
async fn read_stored(
    claim: bool,
    held: Option<Vec<(DocId, DocumentBody)>>,
    keep: bool,
) -> Result<Stored, String> {
    mark("wasim:storage-open");
    let db = database().await?;
    let stores = store_names();
    let tx = if claim {
        db.transaction_with_str_sequence_and_mode(&stores, IdbTransactionMode::Readwrite)
    } else {
        db.transaction_with_str_sequence(&stores)
    }
    .map_err(describe)?;
    let done = completion(&tx);
    let meta = tx.object_store(META).map_err(describe)?;
    let epoch = if claim {
        let stored = request(&meta.get(&WRITER_KEY.into()).map_err(describe)?).await?;
        let epoch = next_epoch(epoch_of(&stored));
        meta.put_with_key(&JsValue::from_f64(epoch as f64), &WRITER_KEY.into())
            .map_err(describe)?;
        Some(epoch)
    } else {
        None
    };
    let read = read_all(&tx, held.is_some()).await;
    // The transaction ends once its requests are done, whatever `read` says.
    JsFuture::from(done).await.map_err(describe)?;
    let (mut stored, text_keys) = read?;
    if let Some(held) = held {
        stored.texts = held_or_read(&db, held, &text_keys).await?;
    }
    if keep {
        HELD_TEXTS.with(|h| *h.borrow_mut() = stored.texts.clone());
    }
    mark("wasim:storage-read");
    if let Some(epoch) = epoch {
        FENCE.with(|f| {
            if !matches!(*f.borrow(), Fence::Off) {
                *f.borrow_mut() = Fence::Writer(epoch);
            }
        });
    }
    Ok(stored)
}

/// Marks a moment on the page's performance timeline: `wasim:storage-open`,
/// `wasim:storage-read` (every store read) and `wasim:storage-restored`
/// (journal replayed), for the benchmark and the browser's profiler.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Every key and value of `store`: both requests are issued now, the
/// future pairs their results.
fn read_store(
    tx: &IdbTransaction,
    name: &str,
) -> Result<impl std::future::Future<Output = Result<Vec<(u64, JsValue)>, String>> + use<>, String>
{
    let store = tx.object_store(name).map_err(describe)?;
    let keys = request(&store.get_all_keys().map_err(describe)?);
    let values = request(&store.get_all().map_err(describe)?);
    Ok(async move { Ok(pairs(&keys.await?, &values.await?)) })
}

/// Pairs of (numeric key, value) from `getAllKeys` and `getAll`.
fn pairs(keys: &JsValue, values: &JsValue) -> Vec<(u64, JsValue)> {
    let keys = Array::from(keys);
    let values = Array::from(values);
    keys.iter()
        .zip(values.iter())
        .filter_map(|(key, value)| Some((number(&key)?, value)))
        .collect()
}

/// Everything stored, or with `text_keys_only` everything but the texts,
/// whose keys come second instead. Every request is issued before any is
/// awaited, so the transaction stays active.
async fn read_all(
    tx: &IdbTransaction,
    text_keys_only: bool,
) -> Result<(Stored, Vec<DocId>), String> {
    let meta = tx.object_store(META).map_err(describe)?;
    let get =
        |key: &str| -> Result<_, String> { Ok(request(&meta.get(&key.into()).map_err(describe)?)) };
    let workspace = get(WORKSPACE_KEY)?;
    let next_id = get(NEXT_ID_KEY)?;
    let open = get(OPEN_KEY)?;
    let set_aside = get(SET_ASIDE_KEY)?;
    let snapshot = get(V1_SNAPSHOT_KEY)?;
    let history = get(V1_HISTORY_KEY)?;
    let (texts, text_keys) = if text_keys_only {
        let store = tx.object_store(TEXTS).map_err(describe)?;
        (
            None,
            Some(request(&store.get_all_keys().map_err(describe)?)),
        )
    } else {
        (Some(read_store(tx, TEXTS)?), None)
    };
    let docs = read_store(tx, DOCS)?;
    let journal = read_store(tx, JOURNAL)?;
    let steps = read_store(tx, STEPS)?;
    let v1 = snapshot.await?;
    let v1 = (!v1.is_undefined() && !v1.is_null())
        .then(|| {
            js_sys::JSON::stringify(&v1)
                .ok()
                .and_then(|s| s.as_string())
        })
        .flatten();
    let history = history.await?.as_string();
    let strings = |pairs: Vec<(u64, JsValue)>| -> Vec<(u64, String)> {
        pairs
            .into_iter()
            // A value that is not a string is kept as unreadable JSON, so
            // that the core reports it instead of missing it.
            .map(|(key, value)| (key, value.as_string().unwrap_or_default()))
            .collect()
    };
    let texts = match texts {
        Some(texts) => texts.await?,
        None => Vec::new(),
    };
    let text_keys = match text_keys {
        Some(keys) => Array::from(&keys.await?)
            .iter()
            .filter_map(|key| number(&key).map(DocId))
            .collect(),
        None => Vec::new(),
    };
    let stored = Stored {
        workspace: workspace.await?.as_string(),
        next_id: number(&next_id.await?),
        open: number(&open.await?).map(DocId),
        set_aside: set_aside.await?.as_string(),
        v1: v1.map(|snapshot| V1Profile { snapshot, history }),
        texts: texts
            .into_iter()
            .filter_map(|(id, value)| Some((DocId(id), body_from_js(&value)?)))
            .collect(),
        docs: strings(docs.await?)
            .into_iter()
            .map(|(id, record)| (DocId(id), record))
            .collect(),
        journal: strings(journal.await?),
        steps: strings(steps.await?),
    };
    Ok((stored, text_keys))
}

/// The texts stored under `keys`: those in `held` as they are, the others
/// read, in one transaction of their own (a text, once stored, never
/// changes).
///
/// # Errors
/// The database refused the reading.
async fn held_or_read(
    db: &IdbDatabase,
    held: Vec<(DocId, DocumentBody)>,
    keys: &[DocId],
) -> Result<Vec<(DocId, DocumentBody)>, String> {
    let wanted: std::collections::HashSet<DocId> = keys.iter().copied().collect();
    let mut texts: Vec<(DocId, DocumentBody)> = held
        .into_iter()
        .filter(|(id, _)| wanted.contains(id))
        .collect();
    let have: std::collections::HashSet<DocId> = texts.iter().map(|(id, _)| *id).collect();
    let missing: Vec<DocId> = keys
        .iter()
        .copied()
        .filter(|id| !have.contains(id))
        .collect();
    if missing.is_empty() {
        return Ok(texts);
    }
    let tx = db.transaction_with_str(TEXTS).map_err(describe)?;
    let done = completion(&tx);
    let store = tx.object_store(TEXTS).map_err(describe)?;
    let requests = missing
        .iter()
        .map(|id| Ok((*id, request(&store.get(&key(id.0)).map_err(describe)?))))
        .collect::<Result<Vec<_>, String>>()?;
    for (id, value) in requests {
        // A text deleted since its key was read is left out: the records
        // read with that key tell whether it was still needed.
        if let Some(body) = body_from_js(&value.await?) {
            texts.push((id, body));
        }
    }
    JsFuture::from(done).await.map_err(describe)?;
    Ok(texts)
}

/// A document's stored body: its text, or `{text, source}`. The text is
/// stored as its UTF-8 bytes (a `Uint8Array`): cloning bytes into the
/// database costs a copy, where a string costs a conversion to UTF-16 and
/// back (for 50 MB of Arabic, the most of an import's save). Profiles
/// written before hold strings; [`body_from_js`] reads both.
fn body_to_js(body: &DocumentBody) -> JsValue {
    let text: JsValue = js_sys::Uint8Array::from(body.text.as_str().as_bytes()).into();
    let Some(source) = body.source.as_deref() else {
        return text;
    };
    let object = Object::new();
    let source = serde_json::to_string(source).unwrap_or_default();
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(&object, &"text".into(), &text);
    let _ = Reflect::set(&object, &"source".into(), &JsValue::from_str(&source));
    object.into()
}

/// A stored text: a string, or UTF-8 bytes (`None` when neither, or when
/// the bytes are not UTF-8).
fn text_from_js(value: &JsValue) -> Option<Text> {
    if let Some(text) = value.as_string() {
        return Some(Text::new(&text));
    }
    let bytes = value.dyn_ref::<js_sys::Uint8Array>()?.to_vec();
    String::from_utf8(bytes).ok().map(|text| Text::new(&text))
}

/// Reads what [`body_to_js`] wrote; `None` when it is missing or not a body.
/// A source that cannot be read is dropped (export then re-tokenizes), never
/// the text.
fn body_from_js(value: &JsValue) -> Option<DocumentBody> {
    if let Some(text) = text_from_js(value) {
        return Some(DocumentBody { text, source: None });
    }
    let text = text_from_js(&Reflect::get(value, &"text".into()).ok()?)?;
    let source = Reflect::get(value, &"source".into())
        .ok()?
        .as_string()
        .and_then(|json| json::parse::<Source>(&json).ok())
        .map(std::sync::Arc::new);
    Some(DocumentBody { text, source })
}

/// A read-write transaction over every store with `strict` durability (it
/// completes once flushed to disk), where the browser knows the option.
fn write_transaction(db: &IdbDatabase) -> Result<IdbTransaction, JsValue> {
    let options = Object::new();
    let _ = Reflect::set(&options, &"durability".into(), &"strict".into());
    let transaction: Function = Reflect::get(db, &"transaction".into())?.dyn_into()?;
    transaction
        .call3(db, &store_names(), &"readwrite".into(), &options)?
        .dyn_into()
}

/// Writes `plans` in order, in one transaction; resolves when it has
/// committed (the plans' changes are then acknowledged). When fencing is
/// on, the transaction first checks the writer epoch and writes nothing
/// unless it is this tab's own. A failure aborts the whole transaction:
/// nothing of it lands, nothing saved before is touched.
///
/// # Errors
/// [`SaveError::NotWriter`] when another tab took the workspace over (this
/// tab then stops writing); [`SaveError::Failed`] with a message for the
/// user, for example when the storage quota is full.
pub async fn write(plans: &[WritePlan]) -> Result<(), SaveError> {
    let fence = FENCE.with(|f| *f.borrow());
    if matches!(fence, Fence::Reader) {
        return Err(SaveError::NotWriter);
    }
    // A connection the browser closed is never opened again in this page.
    // Chromium closes it when the disk fills up, and marks the store: it
    // empties the whole store at its next start if anything was written
    // after that (tried on a real full disk: the work saved before the
    // failure was lost too). Left closed, the work saved before stays, and
    // the message says to export the rest and restart the browser.
    let db = DATABASE
        .with(|cell| cell.borrow().clone())
        .ok_or_else(|| NOT_OPEN.to_owned())?;
    let tx = write_transaction(&db).map_err(describe)?;
    let done = completion(&tx);
    let result = fenced_writes(&tx, fence, plans).await;
    if let Err(error) = result {
        let _ = tx.abort();
        // The abort rejects `done`; awaiting it keeps that rejection handled.
        let _ = JsFuture::from(done).await;
        if error == SaveError::NotWriter {
            resign();
        }
        return Err(error);
    }
    JsFuture::from(done).await.map_err(describe)?;
    Ok(())
}

async fn fenced_writes(
    tx: &IdbTransaction,
    fence: Fence,
    plans: &[WritePlan],
) -> Result<(), SaveError> {
    let meta = tx.object_store(META).map_err(describe)?;
    if let Fence::Writer(own) = fence {
        let stored = request(&meta.get(&WRITER_KEY.into()).map_err(describe)?).await?;
        if !may_write(epoch_of(&stored), own) {
            return Err(SaveError::NotWriter);
        }
    }
    let stores = Stores {
        meta,
        texts: tx.object_store(TEXTS).map_err(describe)?,
        docs: tx.object_store(DOCS).map_err(describe)?,
        journal: tx.object_store(JOURNAL).map_err(describe)?,
        steps: tx.object_store(STEPS).map_err(describe)?,
    };
    for plan in plans {
        stores.execute(plan).await?;
    }
    Ok(())
}

/// The object stores of one write transaction.
struct Stores {
    meta: IdbObjectStore,
    texts: IdbObjectStore,
    docs: IdbObjectStore,
    journal: IdbObjectStore,
    steps: IdbObjectStore,
}

/// How long issuing puts may hold the main thread before it returns to the
/// event loop, in milliseconds. Texts and document records (an import of
/// ten thousand articles brings twenty thousand of them) are issued in
/// slices of about this long, so that a key pressed while they are being
/// written waits a few milliseconds at most, never for a whole batch.
const SLICE_MS: f64 = 3.0;

/// The most puts in one slice, whatever the clock says.
const SLICE_MAX: usize = 256;

fn key(n: u64) -> JsValue {
    JsValue::from_f64(n as f64)
}

/// A request's settling, for [`Paced`].
type Landing = std::pin::Pin<Box<dyn std::future::Future<Output = Result<JsValue, String>>>>;

/// Issues a transaction's bulk puts in slices of about [`SLICE_MS`], one
/// slice ahead of the database: when a slice is used up, its last request
/// is kept, and the writing waits for the previous slice's last request to
/// land. The next slice is issued from that request's success (the
/// transaction is active then), and the page handles input and draws
/// between slices, while the database always has the slice just issued to
/// work on.
struct Paced {
    /// When the current slice started.
    started: f64,
    /// Puts in the current slice.
    count: usize,
    /// The last request of the slice before the current one.
    ahead: Option<Landing>,
}

impl Paced {
    fn new() -> Self {
        Paced {
            started: now(),
            count: 0,
            ahead: None,
        }
    }

    /// Counts `put` into the current slice; when the slice is used up, ends
    /// it with `put` and waits for the slice before it to land.
    async fn issued(&mut self, put: &IdbRequest) -> Result<(), SaveError> {
        self.count += 1;
        if self.count < SLICE_MAX && now() - self.started < SLICE_MS {
            return Ok(());
        }
        if let Some(previous) = self.ahead.replace(Box::pin(request(put))) {
            previous.await?;
        }
        self.started = now();
        self.count = 0;
        Ok(())
    }

    /// Waits for the last slice kept to land (always called, also after a
    /// failure, so that no request's settling is left without a listener).
    async fn finish(mut self) -> Result<(), SaveError> {
        match self.ahead.take() {
            Some(last) => last.await.map(drop).map_err(SaveError::from),
            None => Ok(()),
        }
    }
}

impl Stores {
    /// Issues `plan`'s requests, in the order its documentation gives (the
    /// same as `MemoryStore::execute`). Texts and document records go in
    /// slices ([`Paced`]), so the transaction stays active while the
    /// browser handles input and draws between slices (an import of 10,000
    /// articles would otherwise hold the main thread for seconds).
    async fn execute(&self, plan: &WritePlan) -> Result<(), SaveError> {
        self.deletions(plan).map_err(describe)?;
        let mut paced = Paced::new();
        let issued = self.bulk_puts(plan, &mut paced).await;
        let landed = paced.finish().await;
        issued.and(landed)?;
        self.small_puts(plan).map_err(describe)?;
        Ok(())
    }

    /// The texts, then the document records of `plan`.
    async fn bulk_puts(&self, plan: &WritePlan, paced: &mut Paced) -> Result<(), SaveError> {
        for (id, body) in &plan.put_texts {
            let put = self
                .texts
                .put_with_key(&body_to_js(body), &key(id.0))
                .map_err(describe)?;
            paced.issued(&put).await?;
        }
        for (id, record) in &plan.put_docs {
            let put = self
                .docs
                .put_with_key(&record.into(), &key(id.0))
                .map_err(describe)?;
            paced.issued(&put).await?;
        }
        Ok(())
    }

    /// The deletions of `plan`, first.
    fn deletions(&self, plan: &WritePlan) -> Result<(), JsValue> {
        if plan.clear {
            self.docs.clear()?;
            self.journal.clear()?;
            self.steps.clear()?;
        }
        if plan.drop_v1 {
            self.meta.delete(&V1_SNAPSHOT_KEY.into())?;
            self.meta.delete(&V1_HISTORY_KEY.into())?;
        }
        for id in &plan.delete_texts {
            self.texts.delete(&key(id.0))?;
        }
        for id in &plan.delete_docs {
            self.docs.delete(&key(id.0))?;
        }
        if let Some(below) = plan.delete_journal_below {
            let range = IdbKeyRange::upper_bound_with_open(&key(below), true)?;
            self.journal.delete(&range)?;
        }
        for step in &plan.delete_steps {
            self.steps.delete(&key(*step))?;
        }
        Ok(())
    }

    /// The puts of `plan` other than texts and document records.
    fn small_puts(&self, plan: &WritePlan) -> Result<(), JsValue> {
        for (seq, entry) in &plan.append {
            self.journal.put_with_key(&entry.into(), &key(*seq))?;
        }
        for (step, record) in &plan.put_steps {
            self.steps.put_with_key(&record.into(), &key(*step))?;
        }
        if let Some(record) = &plan.workspace {
            self.meta
                .put_with_key(&record.into(), &WORKSPACE_KEY.into())?;
        }
        if let Some(next_id) = plan.next_id {
            self.meta.put_with_key(&key(next_id), &NEXT_ID_KEY.into())?;
        }
        match plan.open {
            None => {}
            Some(Some(id)) => {
                self.meta.put_with_key(&key(id.0), &OPEN_KEY.into())?;
            }
            Some(None) => {
                self.meta.delete(&OPEN_KEY.into())?;
            }
        }
        if let Some(list) = &plan.set_aside {
            self.meta
                .put_with_key(&list.into(), &SET_ASIDE_KEY.into())?;
        }
        Ok(())
    }
}

/// An `upgradeneeded` handler that creates those of `stores` the database
/// opened lacks.
pub(crate) fn creating_stores(
    stores: &'static [&'static str],
) -> Closure<dyn FnMut(web_sys::Event)> {
    Closure::new(move |event: web_sys::Event| {
        let db = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            for store in stores {
                if !db.object_store_names().contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        }
    })
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .ok_or(NO_INDEXED_DB)?
        .indexed_db()
        .map_err(describe)?
        .ok_or(NO_INDEXED_DB)?;
    let open_request: IdbOpenDbRequest = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(describe)?;
    // Version 1 had `meta` and `texts`; version 2 adds the other stores.
    // The schema 1 records are migrated by the first write (see the module
    // notes), not here.
    let upgrade = creating_stores(&STORES);
    open_request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let blocked = Closure::<dyn FnMut()>::new(|| {
        ON_BLOCKED.with(|cell| {
            if let Some(notify) = cell.borrow().as_ref() {
                notify();
            }
        });
    });
    open_request.set_onblocked(Some(blocked.as_ref().unchecked_ref()));
    let result = request(&open_request).await;
    open_request.set_onupgradeneeded(None);
    open_request.set_onblocked(None);
    drop((upgrade, blocked));
    let db = result?.dyn_into::<IdbDatabase>().map_err(describe)?;
    // A newer Wasim opening in another tab must not wait for this one: it
    // closes, and its next write says to reload.
    let on_version_change = Closure::<dyn FnMut()>::new(|| {
        if let Some(db) = DATABASE.with(|cell| cell.borrow_mut().take()) {
            db.close();
        }
    });
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget();
    Ok(db)
}

/// The result of an IndexedDB request. The handlers are attached at once, so
/// several requests can be issued before any is awaited.
pub(crate) fn request(
    req: &IdbRequest,
) -> impl std::future::Future<Output = Result<JsValue, String>> + use<> {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok_target = req.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(
                &JsValue::NULL,
                &ok_target.result().unwrap_or(JsValue::UNDEFINED),
            );
        });
        let error_target = req.clone();
        let on_error = Closure::once_into_js(move || {
            let error = error_target
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        req.set_onsuccess(Some(on_success.unchecked_ref()));
        req.set_onerror(Some(on_error.unchecked_ref()));
    });
    let future = JsFuture::from(promise);
    async move { future.await.map_err(describe) }
}

/// A promise that resolves when `tx` commits and rejects when it aborts.
fn completion(tx: &IdbTransaction) -> Promise {
    // Settled by `complete` or `abort`, each fired once per transaction.
    // Not by `error`: every failed request's error event bubbles to the
    // transaction (a full quota fails several puts), so it can fire more
    // than once, and a one-shot closure called twice throws. No request
    // here cancels its error, so any error aborts the transaction.
    Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed_tx = tx.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = failed_tx
                .error()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    })
}

/// `localStorage` key saying whether the last save held work (`"1"`):
/// kept apart from IndexedDB, so that a start that finds nothing saved can
/// tell a first visit from work the browser threw away.
const SAVED_WORK_KEY: &str = "wasim.saved-work";

thread_local! {
    /// What [`SAVED_WORK_KEY`] says, as this page last wrote it.
    static SAVED_WORK: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Remembers whether the work just saved holds documents (written only
/// when that changes).
pub fn note_saved_work(has_work: bool) {
    if SAVED_WORK.with(|s| s.replace(Some(has_work))) == Some(has_work) {
        return;
    }
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(SAVED_WORK_KEY, if has_work { "1" } else { "0" });
    }
}

/// Whether the last save of this browser held documents
/// ([`note_saved_work`]).
pub fn had_saved_work() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(SAVED_WORK_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

/// `localStorage` key saying that saved work was found gone and no work
/// was saved since (`"1"`): the warning is said at every start until then
/// (said once, it was missed by a user who reloaded).
const GONE_KEY: &str = "wasim.saved-work-gone";

/// Remembers whether saved work was found gone and nothing saved since.
pub fn note_work_gone(gone: bool) {
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = match gone {
            true => storage.set_item(GONE_KEY, "1"),
            false => storage.remove_item(GONE_KEY),
        };
    }
}

/// Whether saved work was found gone and no work was saved since
/// ([`note_work_gone`]).
pub fn work_gone() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(GONE_KEY).ok().flatten())
        .is_some_and(|v| v == "1")
}

thread_local! {
    /// Whether this page asked for persistent storage already.
    static ASKED_PERSISTENCE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Asks the browser to keep Wasim's storage when the disk runs low
/// (`navigator.storage.persist()`: best-effort storage may be evicted, and
/// weeks of work live there), once per page. Called after the first save,
/// when there is work to keep: Chromium grants or refuses silently, Firefox
/// asks its user. The caller asks once the workspace holds work (not at the
/// start-up write of an empty one). The answer changes nothing else;
/// without the API, nothing.
pub fn ask_persistence() {
    if ASKED_PERSISTENCE.with(|a| a.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(storage) = Reflect::get(&window.navigator(), &"storage".into())
        .ok()
        .filter(JsValue::is_object)
    else {
        return;
    };
    let persist = Reflect::get(&storage, &"persist".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let asked = persist.and_then(|persist| persist.call0(&storage).ok());
    if let Some(promise) = asked.and_then(|p| p.dyn_into::<Promise>().ok()) {
        wasm_bindgen_futures::spawn_local(async move {
            let _ = JsFuture::from(promise).await;
        });
    }
}

/// Wasim's own reasons among the browser's (see [`reason`]).
const STORAGE_FULL: &str = "the browser's storage is full: its quota is exceeded";
const NO_INDEXED_DB: &str = "this browser offers no IndexedDB (private mode?)";
const UNKNOWN_ERROR: &str = "unknown storage error";
const NOT_OPEN: &str = "storage is not open; reload this tab";
/// Starts a reason the browser worded, when it could not write to the
/// disk (see [`reason`]).
const DISK_TROUBLE: &str = "disk: ";

/// A user-facing description of a JavaScript error value: the browser's
/// own words, or one of Wasim's reasons (worded by [`reason`]).
pub fn describe(error: impl Into<JsValue>) -> String {
    let error: JsValue = error.into();
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        if exception.name() == "QuotaExceededError" {
            return STORAGE_FULL.to_owned();
        }
        // The browser's sentence ends in a full stop; the message it goes
        // into has its own.
        let message = exception.message();
        let said = format!("{}: {}", exception.name(), message.trim_end_matches('.'));
        // What Chromium says when the disk itself is full ("Failed to
        // write blobs (IOError)", an "UnknownError" of the backing store),
        // and then on the connection it closed for it.
        let closed = exception.name() == "InvalidStateError" && message.contains("closing");
        if message.contains("IOError") || exception.name() == "UnknownError" || closed {
            return format!("{DISK_TROUBLE}{said}");
        }
        return said;
    }
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    error
        .as_string()
        .unwrap_or_else(|| UNKNOWN_ERROR.to_owned())
}

/// Why storage failed, for the user: Wasim's own reasons from the
/// catalogue (in the interface's language), the browser's as it words them.
pub fn reason(why: String) -> Msg {
    let key = match why.as_str() {
        STORAGE_FULL => Key::StorageFull,
        NO_INDEXED_DB => Key::NoIndexedDb,
        UNKNOWN_ERROR => Key::StorageUnknown,
        NOT_OPEN => Key::StorageNotOpen,
        _ => match why.strip_prefix(DISK_TROUBLE) {
            Some(said) => return Msg::new(Key::StorageDisk).arg("said", said),
            None => return Msg::new(Key::Verbatim).arg("text", why),
        },
    };
    Msg::new(key)
}
