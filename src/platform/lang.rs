//! The interface's language in the browser: the choice remembered in
//! `localStorage` (`wasim.lang`), else the first language of
//! `navigator.languages` that Wasim has ([`Lang::from_browser`]); and the
//! root element's `lang` and `dir`, so that the whole page is mirrored in
//! Arabic. Reading never fails (English); storing is best effort.

use crate::core::i18n::Lang;

/// The `localStorage` key of the chosen language.
const KEY: &str = "wasim.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The languages the browser prefers, most preferred first.
fn browser_languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if tags.is_empty() {
        tags.extend(navigator.language());
    }
    tags
}

/// The language to start in: the one chosen with the switch, else the
/// browser's.
pub fn initial() -> Lang {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_else(|| Lang::from_browser(&browser_languages()))
}

/// Remembers `lang` as chosen; returns whether the browser kept it.
pub fn store(lang: Lang) -> bool {
    storage().is_some_and(|s| s.set_item(KEY, lang.code()).is_ok())
}

/// Sets `<html lang dir>` for `lang`.
pub fn apply(lang: Lang) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let _ = root.set_attribute("lang", lang.code());
    let _ = root.set_attribute("dir", lang.dir());
}
