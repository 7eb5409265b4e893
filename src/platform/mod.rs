//! The imperative shell's browser side: every browser API Wasim uses —
//! IndexedDB storage, file reading, downloads, the DOM selection, where the
//! user was (scroll, selection, search), the panic banner and the offline
//! service worker. The UI calls these; the core never does.

pub mod files;
pub mod focus;
pub mod highlight;
pub mod lang;
pub mod lists;
pub mod measure;
pub mod offline;
pub mod panic;
pub mod prefs;
pub mod resume;
pub mod saver;
pub mod selection;
pub mod storage;
pub mod styles;
pub mod tabs;
pub mod tasks;
pub mod team_store;
