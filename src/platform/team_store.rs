//! The Team panel's files, kept across reloads in a database of their own
//! (`wasim-team`, store `team`, one record `files`): the panel's changes in
//! order, each batch of files added (as it was read) and each annotator
//! removed (by file and name). Opening the panel after a reload replays
//! them, so it shows what it showed. Apart from the workspace's database: these are other people's
//! files to compare, not this tab's edits, and any tab may change them.
//!
//! **Two tabs.** A change is appended to the stored list in one read-write
//! transaction ([`append`]), never written over it: a tab that wrote its
//! own list over another's lost the other tab's files. A tab whose append
//! finds changes it did not know reads the whole list again, and every
//! change is announced on a `BroadcastChannel` ([`listen`]) so that the
//! other tabs read it again too.

use js_sys::{Array, Object, Reflect, Uint8Array};
use std::cell::RefCell;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use web_sys::{BroadcastChannel, IdbDatabase, IdbOpenDbRequest, IdbTransactionMode, MessageEvent};

use crate::core::formats::InputFile;
use crate::platform::storage::{creating_stores, describe, request};
use crate::platform::tabs::Listening;

const DB_NAME: &str = "wasim-team";
const STORE: &str = "team";
const KEY: &str = "files";

/// One change of the panel's files, as it is replayed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A batch of files added, as read.
    Add(Vec<InputFile>),
    /// The annotator of this file and name removed.
    Remove {
        /// The file it was read from.
        file: String,
        /// Its name in the panel then.
        name: String,
    },
}

/// What the panel keeps: its changes, in order, replayed on a team
/// read again ([`crate::core::team::Team::add`], `remove`), so that names
/// made unique come out as they did.
pub type Kept = Vec<Step>;

async fn open() -> Result<IdbDatabase, String> {
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(|| "no IndexedDB".to_owned())?;
    let open_request: IdbOpenDbRequest = factory.open_with_u32(DB_NAME, 1).map_err(describe)?;
    let upgrade = creating_stores(&[STORE]);
    open_request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let db = request(&open_request).await?;
    drop(upgrade);
    db.dyn_into::<IdbDatabase>().map_err(describe)
}

fn file_to_js(file: &InputFile) -> JsValue {
    let object = Object::new();
    let _ = Reflect::set(&object, &"name".into(), &file.name.as_str().into());
    let bytes = Uint8Array::from(file.bytes.as_slice());
    let _ = Reflect::set(&object, &"bytes".into(), &bytes);
    object.into()
}

fn file_from_js(value: &JsValue) -> Option<InputFile> {
    let name = Reflect::get(value, &"name".into()).ok()?.as_string()?;
    let bytes = Reflect::get(value, &"bytes".into()).ok()?;
    let bytes = bytes.dyn_into::<Uint8Array>().ok()?.to_vec();
    Some(InputFile { name, bytes })
}

fn to_js(kept: &[Step]) -> JsValue {
    kept.iter()
        .map(|step| -> JsValue {
            let object = Object::new();
            match step {
                Step::Add(files) => {
                    let files: Array = files.iter().map(file_to_js).collect();
                    let _ = Reflect::set(&object, &"add".into(), &files);
                }
                Step::Remove { file, name } => {
                    let pair = Array::of2(&file.as_str().into(), &name.as_str().into());
                    let _ = Reflect::set(&object, &"remove".into(), &pair);
                }
            }
            object.into()
        })
        .collect::<Array>()
        .into()
}

fn step_from_js(value: &JsValue) -> Option<Step> {
    let field = |name: &str| {
        Reflect::get(value, &name.into())
            .ok()
            .and_then(|v| v.dyn_into::<Array>().ok())
    };
    if let Some(files) = field("add") {
        return Some(Step::Add(
            files.iter().filter_map(|f| file_from_js(&f)).collect(),
        ));
    }
    let pair = field("remove")?;
    Some(Step::Remove {
        file: pair.get(0).as_string()?,
        name: pair.get(1).as_string()?,
    })
}

fn from_js(value: &JsValue) -> Kept {
    value
        .dyn_ref::<Array>()
        .map(|steps| steps.iter().filter_map(|s| step_from_js(&s)).collect())
        .unwrap_or_default()
}

/// What the panel kept; nothing when there is no record or it cannot be
/// read (the panel then starts empty, as it did before files were kept).
pub async fn load() -> Kept {
    let read = async {
        let db = open().await?;
        let tx = db.transaction_with_str(STORE).map_err(describe)?;
        let store = tx.object_store(STORE).map_err(describe)?;
        let value = request(&store.get(&KEY.into()).map_err(describe)?).await?;
        Ok::<_, String>(if value.is_undefined() {
            Kept::default()
        } else {
            from_js(&value)
        })
    };
    read.await.unwrap_or_default()
}

/// Appends `step` to the kept changes, in one transaction with reading
/// them. `known` is how many kept changes the tab has replayed; when the
/// list holds just those and the tab's team is now `empty`, the record is
/// deleted instead (nothing left to keep). Returns the whole list when
/// another tab had appended changes this one did not know (its team is to
/// be read again from them), `None` when it had not. Tells the other tabs.
///
/// # Errors
/// When the browser refuses the write (a full disk or quota, private
/// browsing): the files are then not there after a reload.
pub async fn append(step: &Step, known: usize, empty: bool) -> Result<Option<Kept>, String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(describe)?;
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    });
    let store = tx.object_store(STORE).map_err(describe)?;
    let stored = request(&store.get(&KEY.into()).map_err(describe)?).await?;
    let list = stored.dyn_into::<Array>().unwrap_or_default();
    let others = list.length() as usize != known;
    let write = if empty && !others {
        store.delete(&KEY.into())
    } else {
        list.push(
            &to_js(std::slice::from_ref(step))
                .dyn_into::<Array>()
                .map_err(describe)?
                .get(0),
        );
        store.put_with_key(&list, &KEY.into())
    };
    request(&write.map_err(describe)?).await?;
    JsFuture::from(done).await.map_err(describe)?;
    announce();
    Ok(others.then(|| from_js(&list)))
}

/// The name of the channel on which tabs announce changes of the kept files.
const CHANNEL_NAME: &str = "wasim-team";

thread_local! {
    static CHANNEL: RefCell<Option<Listening>> = const { RefCell::new(None) };
}

/// Runs `changed` whenever another tab changed the kept files (one
/// listener: a second call replaces the first).
pub fn listen(mut changed: impl FnMut() + 'static) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL_NAME) else {
        return;
    };
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |_: MessageEvent| changed());
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    CHANNEL.with(|cell| *cell.borrow_mut() = Some((channel, handler)));
}

/// Tells the other tabs that the kept files changed.
fn announce() {
    CHANNEL.with(|cell| match cell.borrow().as_ref() {
        Some((channel, _)) => {
            let _ = channel.post_message(&JsValue::NULL);
        }
        None => {
            if let Ok(channel) = BroadcastChannel::new(CHANNEL_NAME) {
                let _ = channel.post_message(&JsValue::NULL);
                channel.close();
            }
        }
    });
}
