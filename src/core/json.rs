//! One way in for JSON text: [`parse`].
//!
//! `serde_json` compiles every `Deserialize` impl once per kind of reader
//! (`from_str`, `from_slice`, `from_value`, …). Reading all JSON through one
//! reader (bytes) keeps one copy of each in the wasm; the workspace records,
//! the journal and the formats all come this way.

use serde::de::DeserializeOwned;

/// `json` parsed as a `T` (through `serde_json::from_slice`, the reader the
/// streaming import uses too).
///
/// # Errors
/// `serde_json`'s error when `json` is not valid JSON or not a `T`.
pub fn parse<T: DeserializeOwned>(json: &str) -> serde_json::Result<T> {
    serde_json::from_slice(json.as_bytes())
}
