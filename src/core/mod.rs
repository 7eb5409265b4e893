//! The functional core: pure Rust with no browser APIs and no clock.
//!
//! Everything here is deterministic and tested natively with `cargo test`.
//! Positions are code points and ranges are [`text::CharRange`]s; the unit
//! and its conversions are defined once, in [`text`].

pub mod agreement;
pub mod bidi;
pub mod change;
pub mod css;
pub mod curation;
pub mod demo;
pub mod display;
pub mod doclist;
pub mod edit;
pub mod formats;
pub mod i18n;
pub mod import_job;
pub mod json;
pub mod layout;
pub mod lexicon;
pub mod model;
pub mod number;
pub mod persist;
pub mod resume;
pub mod search;
pub mod session;
pub mod snapshot;
pub mod sort;
pub mod sorted;
pub mod tabs;
pub mod tally;
pub mod team;
pub mod text;
pub mod viewport;
pub mod visual;
pub mod window;
pub mod words;
