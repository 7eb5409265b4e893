//! Reading the files a user picks or drops, and offering downloads.

use crate::core::sort;
use gloo::file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;

use crate::core::formats::{InputFile, OutputFile};
use crate::core::i18n::{Key, Msg};

/// The files of a `FileList`, taken out so the list's input can be cleared.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// What a drop holds: file-system entries (files and folders) and plain
/// files that have no entry (drops made by scripts).
pub struct Dropped {
    entries: Vec<web_sys::FileSystemEntry>,
    files: Vec<web_sys::File>,
}

/// The contents of a drop, taken synchronously: the `DataTransfer` is emptied
/// once the drop event returns.
pub fn dropped(transfer: &web_sys::DataTransfer) -> Dropped {
    let items = transfer.items();
    let mut result = Dropped {
        entries: Vec::new(),
        files: Vec::new(),
    };
    for item in (0..items.length())
        .filter_map(|i| items.get(i))
        .filter(|item| item.kind() == "file")
    {
        if let Some(entry) = item.webkit_get_as_entry().ok().flatten() {
            result.entries.push(entry);
        } else if let Some(file) = item.get_as_file().ok().flatten() {
            result.files.push(file);
        }
    }
    result
}

/// Every file of a drop, folders walked recursively (so a dropped brat folder
/// of `.txt`/`.ann` pairs loads as a whole). Entries the browser refuses to
/// read are skipped.
pub async fn files_of_drop(drop: Dropped) -> Vec<web_sys::File> {
    let Dropped { entries, mut files } = drop;
    let mut pending = entries;
    while let Some(entry) = pending.pop() {
        if entry.is_file() {
            let file_entry: web_sys::FileSystemFileEntry = entry.unchecked_into();
            let promise = js_sys::Promise::new(&mut |resolve, reject| {
                file_entry.file_with_callback_and_callback(&resolve, &reject);
            });
            if let Ok(file) = wasm_bindgen_futures::JsFuture::from(promise).await {
                files.push(file.unchecked_into());
            }
        } else if entry.is_directory() {
            let reader = entry
                .unchecked_into::<web_sys::FileSystemDirectoryEntry>()
                .create_reader();
            // readEntries returns a batch at a time, and an empty batch at the end.
            loop {
                let promise = js_sys::Promise::new(&mut |resolve, reject| {
                    let _ = reader.read_entries_with_callback_and_callback(&resolve, &reject);
                });
                let Ok(batch) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                    break;
                };
                let batch = js_sys::Array::from(&batch);
                if batch.length() == 0 {
                    break;
                }
                pending.extend(
                    batch
                        .iter()
                        .map(|e| e.unchecked_into::<web_sys::FileSystemEntry>()),
                );
            }
        }
    }
    sort::sort_by_key(&mut files, web_sys::File::name);
    files
}

/// Reads the given files into memory. Returns what could be read and a
/// message per file that could not.
pub async fn read_files(files: Vec<web_sys::File>) -> (Vec<InputFile>, Vec<Msg>) {
    read_files_told(files, |_, _| {}).await
}

/// [`read_files`], telling `progress` the bytes read so far and in all
/// after each file.
pub async fn read_files_told(
    files: Vec<web_sys::File>,
    mut progress: impl FnMut(f64, f64),
) -> (Vec<InputFile>, Vec<Msg>) {
    let total: f64 = files.iter().map(|f| f.size()).sum();
    let mut done = 0.0;
    let mut read = Vec::with_capacity(files.len());
    let mut failed = Vec::new();
    for file in files {
        done += file.size();
        let name = file.name();
        let gloo_file = gloo::file::File::from(file);
        match gloo::file::futures::read_as_bytes(&gloo_file).await {
            Ok(bytes) => read.push(InputFile { name, bytes }),
            Err(error) => failed.push(
                Msg::new(Key::BrowserCouldNotRead)
                    .arg("name", name)
                    .arg("error", error.to_string()),
            ),
        }
        progress(done, total);
    }
    (read, failed)
}

/// Offers `file` as a download.
///
/// # Errors
/// A message when the browser refuses to create the download.
pub fn download(file: &OutputFile) -> Result<(), Msg> {
    let blob = Blob::new_with_options(file.bytes.as_slice(), Some(file.mime));
    let url = ObjectUrl::from(blob);
    let document = gloo::utils::document();
    let anchor = document
        .create_element("a")
        .map_err(|_| Msg::new(Key::NoDownloadLink))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| Msg::new(Key::NoDownloadLink))?;
    anchor.set_href(&url);
    anchor.set_download(&file.name);
    anchor.click();
    // Keep the URL alive until the browser has started the download.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}

/// Puts `text` on the clipboard of a `copy` event instead of what the
/// browser would copy, and says whether it could. The document view uses it
/// because it draws only the lines near the view: the browser would copy
/// the drawn part of a long selection, never the lines between its ends.
pub fn copy_into(event: &web_sys::Event, text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(data) = event
        .dyn_ref::<web_sys::ClipboardEvent>()
        .and_then(web_sys::ClipboardEvent::clipboard_data)
    else {
        return false;
    };
    if data.set_data("text/plain", text).is_err() {
        return false;
    }
    event.prevent_default();
    true
}
