//! Reading the files a user picks or drops, and offering downloads.

use gloo::file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;

use crate::core::formats::{InputFile, OutputFile};

/// The files of a `FileList`, taken out so the list's input can be cleared.
pub fn files_of(list: &web_sys::FileList) -> Vec<web_sys::File> {
    (0..list.length()).filter_map(|i| list.item(i)).collect()
}

/// Reads the given files into memory. Returns what could be read and a
/// message per file that could not.
pub async fn read_files(files: Vec<web_sys::File>) -> (Vec<InputFile>, Vec<String>) {
    let mut read = Vec::with_capacity(files.len());
    let mut failed = Vec::new();
    for file in files {
        let name = file.name();
        let gloo_file = gloo::file::File::from(file);
        match gloo::file::futures::read_as_bytes(&gloo_file).await {
            Ok(bytes) => read.push(InputFile { name, bytes }),
            Err(error) => failed.push(format!("{name}: the browser could not read it ({error})")),
        }
    }
    (read, failed)
}

/// Offers `file` as a download.
///
/// # Errors
/// A message when the browser refuses to create the download.
pub fn download(file: &OutputFile) -> Result<(), String> {
    let blob = Blob::new_with_options(file.bytes.as_slice(), Some(file.mime));
    let url = ObjectUrl::from(blob);
    let document = gloo::utils::document();
    let anchor = document
        .create_element("a")
        .map_err(|_| "cannot create a download link".to_owned())?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "cannot create a download link".to_owned())?;
    anchor.set_href(&url);
    anchor.set_download(&file.name);
    anchor.click();
    // Keep the URL alive until the browser has started the download.
    gloo::timers::callback::Timeout::new(60_000, move || drop(url)).forget();
    Ok(())
}
