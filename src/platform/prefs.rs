//! The reader's display preferences ([`Prefs`]) in `localStorage`, under
//! one key. Reading never fails: a missing, blocked or unreadable entry
//! gives the defaults. Writing is best effort; a refusal (private mode, a
//! full quota) only means the choice is not remembered.

use crate::core::display::Prefs;

/// The `localStorage` key.
const KEY: &str = "wasim.prefs";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored preferences, or the defaults.
pub fn load() -> Prefs {
    storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .map(|json| Prefs::from_json(&json))
        .unwrap_or_default()
}

/// Remembers `prefs`; returns whether the browser kept them.
pub fn store(prefs: &Prefs) -> bool {
    storage().is_some_and(|s| s.set_item(KEY, &prefs.to_json()).is_ok())
}
