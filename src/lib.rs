//! Wasim (واسم), an offline, in-browser span annotator.
//!
//! - [`core`]: the pure model, edits and formats, tested natively.
//! - `ui`: Yew components (wasm only).
//! - `platform`: every browser API the UI needs (wasm only).

pub mod core;

#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod ui;
