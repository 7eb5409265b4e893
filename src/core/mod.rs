//! The functional core: pure Rust with no browser APIs and no clock.
//!
//! Everything here is deterministic and tested natively with `cargo test`.
//! Offsets are Unicode code points, half-open; see [`text`].

pub mod demo;
pub mod edit;
pub mod formats;
pub mod layout;
pub mod model;
pub mod search;
pub mod snapshot;
pub mod text;
pub mod words;
