//! Loading files: read by the browser, parsed in steps
//! ([`ImportJob`]) between which the page stays responsive, with a progress
//! bar ([`ImportProgress`]), then handed to the reducer as one undoable
//! import.
//!
//! A step does a budget of bytes, adjusted after each so that it lasts
//! about [`STEP_MS`]; between two steps the browser gets the main thread
//! back ([`yield_now`]), so it draws the bar and answers input while ten
//! thousand articles are read.

use std::cell::RefCell;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::core::css;
use crate::core::i18n::Key;
use crate::core::import_job::ImportJob;
use crate::core::lexicon::LexiconBuilder;
use crate::platform::files::{files_of, read_files_told};
use crate::platform::tasks::{frame, idle, now, yield_now};
use crate::ui::lang::use_lang;
use crate::ui::state::{Action, AppHandle, SharedLexicon, use_app};
use crate::ui::styled::use_style_properties;

/// How long one step of parsing should last, in milliseconds.
const STEP_MS: f64 = 12.0;

/// While the bar is shown, the longest stretch of parsing (in milliseconds)
/// without waiting for a frame, so that the bar is seen moving.
const FRAME_EVERY_MS: f64 = 50.0;

/// The first step's budget, in bytes.
const FIRST_BUDGET: usize = 64 * 1024;

/// Imports smaller than this (in bytes) show no bar: they take a moment.
const SHOW_FROM_BYTES: f64 = 1024.0 * 1024.0;

/// Where an import is.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// What is being done.
    pub what: Key,
    /// How far, from 0 to 100.
    pub percent: u8,
}

thread_local! {
    /// Tells the progress bar, once it is on the page.
    static SHOW: RefCell<Option<Callback<Option<Progress>>>> = const { RefCell::new(None) };
    /// How many imports are reading or parsing files.
    static RUNNING: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Whether files are being read or parsed: they are not in the workspace
/// yet, so leaving the page now would lose them (closing asks first).
pub fn running() -> bool {
    RUNNING.with(|r| r.get() > 0)
}

/// Counts one import as running while it lives.
struct Running;

impl Running {
    fn start() -> Running {
        RUNNING.with(|r| r.set(r.get() + 1));
        Running
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        RUNNING.with(|r| r.set(r.get().saturating_sub(1)));
    }
}

fn show(progress: Option<Progress>) {
    let shown = SHOW.with(|s| s.borrow().clone());
    if let Some(show) = shown {
        show.emit(progress);
    }
}

/// `done` of `total` as a percentage in `[from, to]`.
fn percent(done: f64, total: f64, from: f64, to: f64) -> u8 {
    let share = if total > 0.0 {
        (done / total).clamp(0.0, 1.0)
    } else {
        1.0
    };
    (from + share * (to - from)).round().clamp(0.0, 100.0) as u8
}

/// Reads the picked or dropped files, parses them in steps and hands the
/// results to the reducer. The files are taken out of the `FileList` at
/// once, so the input can be cleared right after.
pub fn load_files(app: AppHandle, list: &web_sys::FileList) {
    let files = files_of(list);
    spawn_local(read_and_import(app, files));
}

/// Reads `files`, parses them in steps (with a progress bar when they are
/// big), and hands the results to the reducer.
pub async fn read_and_import(app: AppHandle, files: Vec<web_sys::File>) {
    let _running = Running::start();
    let size: f64 = files.iter().map(|f| f.size()).sum();
    let big = size >= SHOW_FROM_BYTES;
    let report = |what: Key, percent: u8| {
        if big {
            show(Some(Progress { what, percent }));
        }
    };
    report(Key::ReadingFiles, 0);
    // Reading is the first fifth of the bar, parsing the rest.
    let (files, unreadable) = read_files_told(files, |done, total| {
        report(Key::ReadingFiles, percent(done, total, 0.0, 20.0))
    })
    .await;
    let mut job = ImportJob::new(files);
    let mut budget = FIRST_BUDGET;
    // When a frame was last awaited; none yet, so the first step's
    // progress is drawn.
    let mut last_frame = f64::NEG_INFINITY;
    loop {
        let started = now();
        let done = job.step(budget);
        let elapsed = now() - started;
        let (read, total) = job.progress();
        report(
            Key::ReadingDocuments,
            percent(read as f64, total as f64, 20.0, 99.0),
        );
        if done {
            break;
        }
        budget = next_budget(budget, elapsed);
        if big && now() - last_frame >= FRAME_EVERY_MS {
            frame().await;
            last_frame = now();
        } else {
            yield_now().await;
        }
    }
    report(Key::AddingToWorkspace, 100);
    if big {
        // Let the bar show 100 % before the workspace changes.
        frame().await;
    }
    app.dispatch(Action::Imported {
        results: job.finish(),
        unreadable,
        announce: None,
    });
    if big {
        show(None);
    }
}

/// How long one step of background work (counting words) takes at most:
/// a key pressed during a step waits for its end.
const IDLE_STEP_MS: f64 = 2.0;

/// How long one step takes when the browser has almost no idle time left,
/// or ran the step late because it never was idle.
const IDLE_STEP_MIN_MS: f64 = 0.5;

/// The budget of the next step, from that of the last one and how long it
/// took: aiming at [`STEP_MS`], never more than doubling.
fn next_budget(budget: usize, elapsed_ms: f64) -> usize {
    budget_for(STEP_MS, budget, elapsed_ms)
}

/// The budget of the next step aiming at `target_ms`, never more than
/// doubling.
fn budget_for(target_ms: f64, budget: usize, elapsed_ms: f64) -> usize {
    let factor = if elapsed_ms > 0.0 {
        (target_ms / elapsed_ms).clamp(0.25, 2.0)
    } else {
        2.0
    };
    ((budget as f64 * factor) as usize).clamp(16 * 1024, 16 * 1024 * 1024)
}

/// Counts the words of the workspace's texts (for word snapping) in the
/// background, in short steps when the browser is idle ([`idle`]), until
/// done or until the documents change again. A step fits in the idle time
/// the browser announces, between [`IDLE_STEP_MIN_MS`] and
/// [`IDLE_STEP_MS`], from the counting speed measured so far; steps end at
/// line ends, so one long article is counted in short steps too. While an
/// idle period lasts, steps follow each other, each in its own task, so
/// that a key pressed meanwhile waits for one step at most (and the period
/// ends at once: input and frames come first).
async fn build_lexicon(lexicon: std::rc::Weak<RefCell<LexiconBuilder>>) {
    // The same documents in a new generation keep their counted words
    // (see `SharedLexicon`): nothing to count, and nothing to announce.
    let counted = lexicon
        .upgrade()
        .is_some_and(|builder| builder.try_borrow().is_ok_and(|b| b.is_done()));
    mark_words_counted(counted);
    if counted {
        return;
    }
    // Bytes counted per millisecond: a low guess until a step is timed.
    let mut rate = 2_000.0;
    loop {
        let period = idle().await;
        loop {
            let target = period.remaining().map_or(IDLE_STEP_MS, |idle| {
                idle.clamp(IDLE_STEP_MIN_MS, IDLE_STEP_MS)
            });
            let started = now();
            let Some((done, counted)) =
                SharedLexicon::build_some(&lexicon, (rate * target) as usize)
            else {
                return;
            };
            if done {
                mark_words_counted(true);
                return;
            }
            let elapsed = now() - started;
            rate = if elapsed > 0.1 {
                (counted as f64 / elapsed).clamp(rate / 4.0, rate * 2.0)
            } else {
                rate * 2.0
            };
            let lasts = || period.remaining().is_some_and(|idle| idle >= IDLE_STEP_MS);
            if !lasts() {
                break;
            }
            yield_now().await;
            if !lasts() {
                break;
            }
        }
    }
}

/// Says on the page's root element whether the words of every document are
/// counted (`data-words="counted"`) or still being counted (`counting`):
/// background work a benchmark waits for before it times an edit.
fn mark_words_counted(counted: bool) {
    if let Some(root) = gloo::utils::document().document_element() {
        let _ = root.set_attribute("data-words", if counted { "counted" } else { "counting" });
    }
}

/// The progress bar of a big import, floating over the workbench. It also
/// has the words of newly loaded documents counted in the background, so
/// that the first drag after loading ten thousand articles does not wait
/// for them.
#[function_component(ImportProgress)]
pub fn import_progress() -> Html {
    let app = use_app();
    let t = use_lang();
    use_effect_with(app.tally.generation(), {
        let lexicon = app.lexicon.downgrade();
        move |_| spawn_local(build_lexicon(lexicon))
    });
    let progress = use_state(|| None::<Progress>);
    {
        let progress = progress.clone();
        use_effect_with((), move |_| {
            let set = Callback::from(move |p: Option<Progress>| progress.set(p));
            SHOW.with(|s| *s.borrow_mut() = Some(set));
            || SHOW.with(|s| *s.borrow_mut() = None)
        });
    }
    let bar = use_node_ref();
    let percent = (*progress).as_ref().map_or(0, |p| p.percent);
    use_style_properties(
        bar.clone(),
        vec![("width", css::percent(u32::from(percent)))],
    );
    let Some(shown) = (*progress).clone() else {
        return html! {};
    };
    let value = shown.percent.to_string();
    let what = t.t(shown.what);
    html! {
        <div class="import-progress" data-testid="import-progress" role="progressbar" aria-label={t.t(Key::Import)}
            aria-valuemin="0" aria-valuemax="100" aria-valuenow={value.clone()}
            aria-valuetext={t.f(Key::Progress, &[("what", what), ("value", &value)])}>
            <span class="import-what">{ t.f(Key::Ellipsis, &[("what", what)]) }</span>
            <span class="import-bar"><span class="import-done" ref={bar}></span></span>
            <span class="import-percent">{ t.f(Key::Percent, &[("value", &value)]) }</span>
        </div>
    }
}
