//! The Team panel's files, kept across reloads in a database of their own
//! (`wasim-team`, store `team`, one record `files`): the panel's changes in
//! order, each batch of files added (as it was read) and each annotator
//! removed (by file and name). Opening the panel after a reload replays
//! them, so it shows what it showed. Apart from the workspace's database: these are other people's
//! files to compare, not this tab's edits, and any tab may keep them (the
//! last tab that changes the panel wins).

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbOpenDbRequest, IdbTransactionMode};

use crate::core::formats::InputFile;
use crate::platform::storage::{creating_stores, describe, request};

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

/// Keeps `kept` (nothing kept deletes the record).
///
/// # Errors
/// When the browser refuses the write (a full disk or quota, private
/// browsing): the panel says the files will not be there after a reload.
pub async fn save(kept: &[Step]) -> Result<(), String> {
    let db = open().await?;
    let tx = db
        .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
        .map_err(describe)?;
    let store = tx.object_store(STORE).map_err(describe)?;
    let put = if kept.is_empty() {
        store.delete(&KEY.into())
    } else {
        store.put_with_key(&to_js(kept), &KEY.into())
    };
    let done = js_sys::Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
    });
    request(&put.map_err(describe)?).await?;
    JsFuture::from(done).await.map(|_| ()).map_err(describe)
}
