//! Shared setup for the integration tests: the property tests' config
//! (`tests/*_props.rs`) and reading a file into a workspace.
//!
//! Every property test runs the same cases on every machine and every run:
//! ChaCha with a fixed seed, unless the environment asks otherwise.
//! Failures proptest finds are saved to `tests/<stem>.proptest-regressions`
//! (checked in), and the cases saved there run first, every time.
//!
//! ```ignore
//! mod common;
//! proptest! {
//!     #![proptest_config(common::proptest_config("conll_props", 96))]
//!     #[test]
//!     fn …
//! }
//! ```
//!
//! Environment (read by proptest itself, on top of this config):
//! - `PROPTEST_CASES=n` runs `n` cases instead of the default;
//! - `PROPTEST_RNG_SEED=n` picks another seed (`.ci/fuzz` sets a random one
//!   and prints it, so a failure can be replayed with `WASIM_FUZZ_SEED=n`);
//! - `PROPTEST_DISABLE_FAILURE_PERSISTENCE=1` neither reads nor writes the
//!   regression file.
#![allow(dead_code)] // Each test crate includes this module and may use part of it.

use proptest::test_runner::{Config, FileFailurePersistence, RngAlgorithm, RngSeed};
use wasim::core::formats::{Format, InputFile, import_edit};
use wasim::core::model::Workspace;

/// A fresh workspace holding what `format` reads from `text` in a file
/// named `name`; panics (in a test) when it cannot.
pub fn imported(format: &dyn Format, name: &str, text: &str) -> Workspace {
    let imported = format
        .import(&InputFile {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
        })
        .unwrap_or_else(|e| panic!("{name} imports: {e}"));
    let mut ws = Workspace::default();
    let (edit, _) = import_edit(&mut ws, imported).expect("valid");
    edit.apply(&mut ws).expect("applies");
    ws
}

/// The seed every deterministic run starts from.
pub const SEED: u64 = 0x5741_5349_4D08; // "WASIM" and issue 8

/// The proptest config for `tests/<stem>.rs`: `cases` cases, ChaCha seeded
/// with [`SEED`], regressions in `tests/<stem>.proptest-regressions`.
pub fn proptest_config(stem: &str, cases: u32) -> Config {
    Config {
        cases,
        rng_algorithm: RngAlgorithm::ChaCha,
        rng_seed: RngSeed::Fixed(SEED),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(regressions_path(
            stem,
        )))),
        ..Config::default()
    }
}

/// The absolute path of `tests/<stem>.proptest-regressions`, whatever the
/// working directory. Proptest wants a `&'static str`; the few bytes per
/// test function are leaked on purpose.
fn regressions_path(stem: &str) -> &'static str {
    let path = format!(
        "{}/tests/{stem}.proptest-regressions",
        env!("CARGO_MANIFEST_DIR")
    );
    Box::leak(path.into_boxed_str())
}
