//! Saving the workspace in IndexedDB.
//!
//! Layout (database `wasim`, version 1):
//! - store `meta`, key `snapshot`: the [`Snapshot`] as a structured object;
//! - store `meta`, key `history`: the undo history (its documents without
//!   their texts);
//! - store `meta`, key `writer`: the writer epoch, a number (see below);
//! - store `texts`, key = document id: the body of each document of the
//!   workspace or of the history, written once: its text as a string, or,
//!   for a document imported with a [`Source`], an object
//!   `{text, source}` with the source as JSON.
//!
//! Every save is one read-write transaction over both stores, so a snapshot
//! never refers to a text that is not stored. Transactions run in the order
//! they were created, so the last save wins.
//!
//! ## Two tabs: fencing with the writer epoch
//!
//! Only the tab holding the `wasim-writer` lock saves
//! ([`crate::platform::tabs`]), but a tab may learn that another one stole
//! the lock only after it started another save. So no save trusts the lock
//! alone:
//! - a tab becoming the writer (at start or by taking over) reads the
//!   workspace in a read-write transaction that also reads the epoch and
//!   writes it plus one ([`open_and_restore`] with `claim`); that number is
//!   the tab's own epoch. Reading the workspace in that same transaction
//!   means nothing the former writer saved is missed;
//! - every save transaction first reads the epoch and writes nothing, and
//!   aborts, when it is not the tab's own ([`SaveError::NotWriter`]); the
//!   tab then turns read-only;
//! - transactions over the same stores run one at a time, so a former
//!   writer's save either lands before the taking-over read (which then sees
//!   it) or runs after the epoch changed (and aborts). No stale write lands.
//!
//! Where the browser has no Web Locks there is no epoch ([`set_fencing`] is
//! never called): saves behave as before, the last one wins.

use std::cell::RefCell;
use std::collections::HashSet;

use js_sys::{Array, Promise};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbRequest, IdbTransaction, IdbTransactionMode};

use crate::core::edit::History;
use crate::core::model::{DocId, Document, DocumentBody, Source, Workspace};
use crate::core::session::Restored;
use crate::core::snapshot::Snapshot;
use crate::core::tabs::{may_write, next_epoch};
use crate::core::text::Text;

const DB_NAME: &str = "wasim";
const DB_VERSION: u32 = 1;
const META: &str = "meta";
const TEXTS: &str = "texts";
const SNAPSHOT_KEY: &str = "snapshot";
const HISTORY_KEY: &str = "history";
const WRITER_KEY: &str = "writer";

thread_local! {
    static DATABASE: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
    static STORED_TEXTS: RefCell<HashSet<DocId>> = RefCell::new(HashSet::new());
    static FENCE: RefCell<Fence> = const { RefCell::new(Fence::Off) };
}

/// Whether and how saves are fenced.
#[derive(Clone, Copy)]
enum Fence {
    /// No Web Locks: every save lands (the last one wins).
    Off,
    /// This tab is not the writer: no save lands.
    Reader,
    /// This tab became the writer with this epoch.
    Writer(u64),
}

/// Turns fencing on: from now on a save lands only after this tab claimed
/// the workspace with [`open_and_restore`] and no other tab claimed it since.
pub fn set_fencing() {
    FENCE.with(|f| {
        if matches!(*f.borrow(), Fence::Off) {
            *f.borrow_mut() = Fence::Reader;
        }
    });
}

/// Stops this tab from saving (another tab is the writer).
pub fn resign() {
    FENCE.with(|f| {
        if !matches!(*f.borrow(), Fence::Off) {
            *f.borrow_mut() = Fence::Reader;
        }
    });
}

/// Why a save did not land.
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

/// Opens the database (the first time) and reads the saved workspace. With
/// `claim`, this tab becomes the writer in the same transaction: the writer
/// epoch is incremented and becomes this tab's own (see the module notes).
///
/// # Errors
/// A message for the user when IndexedDB is unavailable or the saved data
/// cannot be read. The saved data is left untouched.
pub async fn open_and_restore(claim: bool) -> Result<Restored, String> {
    let db = match DATABASE.with(|cell| cell.borrow().clone()) {
        Some(db) => db,
        None => {
            let db = open().await?;
            DATABASE.with(|cell| *cell.borrow_mut() = Some(db.clone()));
            db
        }
    };
    let stores = Array::of2(&META.into(), &TEXTS.into());
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
    let history_read = request(&meta.get(&HISTORY_KEY.into()).map_err(describe)?);
    let snapshot = request(&meta.get(&SNAPSHOT_KEY.into()).map_err(describe)?).await?;
    // A history that cannot be read only costs undo steps, never work.
    let mut history = history_read
        .await?
        .as_string()
        .and_then(|json| serde_json::from_str::<History>(&json).ok())
        .unwrap_or_default();
    if snapshot.is_undefined() || snapshot.is_null() {
        return finish_restore(done, epoch, Vec::new(), Restored::Empty).await;
    }
    let snapshot: Snapshot = serde_wasm_bindgen::from_value(snapshot)
        .map_err(|e| format!("saved data is unreadable: {e}"))?;
    let texts_store = tx.object_store(TEXTS).map_err(describe)?;
    // Issue every read before awaiting any, so the transaction stays active.
    let mut ids: Vec<DocId> = snapshot.documents.iter().map(|d| d.id).collect();
    ids.extend(history.carried_documents().iter().map(|d| d.id));
    ids.sort_unstable();
    ids.dedup();
    let mut pending = Vec::with_capacity(ids.len());
    for id in ids {
        pending.push((
            id,
            request(&texts_store.get(&doc_key(id)).map_err(describe)?),
        ));
    }
    let mut texts = Vec::with_capacity(pending.len());
    for (id, read) in pending {
        let value = read.await?;
        texts.push((id, body_from_js(&value)));
    }
    let text_of = |id: DocId| {
        texts
            .iter()
            .find(|(doc, _)| *doc == id)
            .and_then(|(_, t)| t.clone())
    };
    let workspace = snapshot.restore(text_of)?;
    history.hydrate(text_of);
    let stored = texts
        .iter()
        .filter(|(_, text)| text.is_some())
        .map(|(id, _)| *id)
        .collect();
    finish_restore(done, epoch, stored, Restored::Workspace(workspace, history)).await
}

/// Waits for the reading transaction to end; then this tab knows which
/// texts are stored and, when it claimed the workspace, its epoch.
async fn finish_restore(
    done: Promise,
    epoch: Option<u64>,
    stored: Vec<DocId>,
    restored: Restored,
) -> Result<Restored, String> {
    JsFuture::from(done).await.map_err(describe)?;
    STORED_TEXTS.with(|cell| *cell.borrow_mut() = stored.into_iter().collect());
    if let Some(epoch) = epoch {
        FENCE.with(|f| {
            if !matches!(*f.borrow(), Fence::Off) {
                *f.borrow_mut() = Fence::Writer(epoch);
            }
        });
    }
    Ok(restored)
}

/// A document's stored body: its text as a string, or `{text, source}`.
fn body_to_js(doc: &Document) -> JsValue {
    let text = JsValue::from_str(doc.text.as_str());
    let Some(source) = doc.source.as_deref() else {
        return text;
    };
    let object = js_sys::Object::new();
    let source = serde_json::to_string(source).unwrap_or_default();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&object, &"text".into(), &text);
    let _ = js_sys::Reflect::set(&object, &"source".into(), &JsValue::from_str(&source));
    object.into()
}

/// Reads what [`body_to_js`] wrote; `None` when it is missing or not a body.
/// A source that cannot be read is dropped (export then re-tokenizes), never
/// the text.
fn body_from_js(value: &JsValue) -> Option<DocumentBody> {
    if let Some(text) = value.as_string() {
        return Some(DocumentBody {
            text: Text::new(&text),
            source: None,
        });
    }
    let field = |name: &str| js_sys::Reflect::get(value, &name.into()).ok()?.as_string();
    let text = field("text")?;
    let source = field("source")
        .and_then(|json| serde_json::from_str::<Source>(&json).ok())
        .map(std::sync::Arc::new);
    Some(DocumentBody {
        text: Text::new(&text),
        source,
    })
}

/// Saves `ws` and `history`: the snapshot, the history, new
/// texts, and deletion of texts of removed documents. Resolves when the
/// transaction has committed. When fencing is on, the transaction first
/// checks the writer epoch and writes nothing unless it is this tab's own.
///
/// # Errors
/// [`SaveError::NotWriter`] when another tab took the workspace over (this
/// tab then stops saving); [`SaveError::Failed`] with a message for the
/// user, for example when the storage quota is full.
pub async fn save(ws: &Workspace, history: &History) -> Result<(), SaveError> {
    let fence = FENCE.with(|f| *f.borrow());
    if matches!(fence, Fence::Reader) {
        return Err(SaveError::NotWriter);
    }
    let db = DATABASE
        .with(|cell| cell.borrow().clone())
        .ok_or_else(|| "storage is not open".to_owned())?;
    let snapshot = serde_wasm_bindgen::to_value(&Snapshot::of(ws)).map_err(|e| e.to_string())?;
    let carried = history.carried_documents();
    let history = serde_json::to_string(history).map_err(|e| e.to_string())?;
    let tx = db
        .transaction_with_str_sequence_and_mode(
            &Array::of2(&META.into(), &TEXTS.into()),
            IdbTransactionMode::Readwrite,
        )
        .map_err(describe)?;
    let done = completion(&tx);
    let meta = tx.object_store(META).map_err(describe)?;
    if let Fence::Writer(own) = fence {
        let stored = request(&meta.get(&WRITER_KEY.into()).map_err(describe)?).await?;
        if !may_write(epoch_of(&stored), own) {
            let _ = tx.abort();
            // The abort rejects `done`; awaiting it keeps that rejection handled.
            let _ = JsFuture::from(done).await;
            resign();
            return Err(SaveError::NotWriter);
        }
    }
    meta.put_with_key(&snapshot, &SNAPSHOT_KEY.into())
        .map_err(describe)?;
    meta.put_with_key(&JsValue::from_str(&history), &HISTORY_KEY.into())
        .map_err(describe)?;
    let texts = tx.object_store(TEXTS).map_err(describe)?;
    // Texts of the workspace's documents and of those the history can bring back.
    let documents: Vec<&Document> = ws.documents.iter().map(|d| &**d).chain(&carried).collect();
    let current: HashSet<DocId> = documents.iter().map(|d| d.id).collect();
    let (new_docs, removed): (Vec<DocId>, Vec<DocId>) = STORED_TEXTS.with(|stored| {
        let stored = stored.borrow();
        (
            current
                .iter()
                .filter(|id| !stored.contains(id))
                .copied()
                .collect(),
            stored
                .iter()
                .filter(|id| !current.contains(id))
                .copied()
                .collect(),
        )
    });
    for doc in documents.iter().filter(|d| new_docs.contains(&d.id)) {
        texts
            .put_with_key(&body_to_js(doc), &doc_key(doc.id))
            .map_err(describe)?;
    }
    for id in &removed {
        texts.delete(&doc_key(*id)).map_err(describe)?;
    }
    JsFuture::from(done).await.map_err(describe)?;
    STORED_TEXTS.with(|stored| {
        let mut stored = stored.borrow_mut();
        stored.extend(new_docs);
        for id in removed {
            stored.remove(&id);
        }
    });
    Ok(())
}

fn doc_key(id: DocId) -> JsValue {
    JsValue::from_f64(id.0 as f64)
}

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .ok_or("no window")?
        .indexed_db()
        .map_err(describe)?
        .ok_or("this browser offers no IndexedDB (private mode?)")?;
    let open_request: IdbOpenDbRequest = factory
        .open_with_u32(DB_NAME, DB_VERSION)
        .map_err(describe)?;
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(|event: web_sys::Event| {
        let db = event
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        if let Some(db) = db {
            for store in [META, TEXTS] {
                if !db.object_store_names().contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        }
    });
    open_request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let result = request(&open_request).await;
    open_request.set_onupgradeneeded(None);
    drop(upgrade);
    result?.dyn_into::<IdbDatabase>().map_err(describe)
}

/// The result of an IndexedDB request. The handlers are attached at once, so
/// several requests can be issued before any is awaited.
fn request(req: &IdbRequest) -> impl std::future::Future<Output = Result<JsValue, String>> + use<> {
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
    Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed_tx = tx.clone();
        let reject_abort = reject.clone();
        let failed_tx_abort = tx.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed_tx
                .error()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        let on_abort = Closure::once_into_js(move || {
            let error = failed_tx_abort
                .error()
                .map(JsValue::from)
                .unwrap_or(JsValue::NULL);
            let _ = reject_abort.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onerror(Some(on_error.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    })
}

/// A user-facing description of a JavaScript error value.
pub fn describe(error: impl Into<JsValue>) -> String {
    let error: JsValue = error.into();
    if let Some(exception) = error.dyn_ref::<web_sys::DomException>() {
        if exception.name() == "QuotaExceededError" {
            return "the browser's storage is full (quota exceeded)".to_owned();
        }
        return format!("{}: {}", exception.name(), exception.message());
    }
    if let Some(e) = error.dyn_ref::<js_sys::Error>() {
        return String::from(e.message());
    }
    error
        .as_string()
        .unwrap_or_else(|| "unknown storage error".to_owned())
}
