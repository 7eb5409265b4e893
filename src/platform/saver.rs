//! The queue between the session's write plans and IndexedDB.
//!
//! Plans are written in the order the session made them (each depends on
//! the ones before). One write runs at a time; plans that arrive meanwhile
//! wait and go together, in order, in the next transaction. A plan whose
//! transaction failed (a full quota) stays at the head of the queue and is
//! written again, with everything after it, at the next attempt: a failed
//! change is written later, never skipped. What happened is reported to
//! the app ([`Outcome`]); the queue is dropped when another tab took the
//! workspace over. [`storage::write`] does the writing.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;

use crate::core::persist::WritePlan;
use crate::core::session::Written;
use crate::platform::storage::{self, SaveError};

/// What a write did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// These plans are written: their changes are acknowledged.
    Written(Written),
    /// The write failed; the plans stay queued.
    Failed(String),
    /// Another tab took the workspace over; the queue was dropped.
    NotWriter,
}

/// How long a write may be pending before it counts as at risk (the
/// status shows "Saving…", closing the tab asks first), in milliseconds.
pub const SLOW_MS: f64 = 300.0;

type Reporter = Rc<dyn Fn(Outcome)>;

thread_local! {
    static QUEUE: RefCell<VecDeque<WritePlan>> = const { RefCell::new(VecDeque::new()) };
    static BUSY: Cell<bool> = const { Cell::new(false) };
    static FAILED: Cell<bool> = const { Cell::new(false) };
    /// When the oldest plan not yet written was queued (`performance.now`).
    static PENDING_SINCE: Cell<Option<f64>> = const { Cell::new(None) };
    /// Whether a plan not yet written stores documents' texts (an import,
    /// a full write): such a write can take a second, and a close within
    /// its first [`SLOW_MS`] lost thousands of imported documents unasked.
    static TEXTS_PENDING: Cell<bool> = const { Cell::new(false) };
    static REPORTER: RefCell<Option<Reporter>> = const { RefCell::new(None) };
}

/// Where outcomes go (set once, at start).
pub fn set_reporter(report: impl Fn(Outcome) + 'static) {
    REPORTER.with(|r| *r.borrow_mut() = Some(Rc::new(report)));
}

fn report(outcome: Outcome) {
    if let Some(report) = REPORTER.with(|r| r.borrow().clone()) {
        report(outcome);
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Queues `plans` after those waiting and starts writing.
pub fn enqueue(plans: Vec<WritePlan>) {
    if plans.is_empty() {
        return;
    }
    if PENDING_SINCE.with(Cell::get).is_none() {
        PENDING_SINCE.with(|p| p.set(Some(now())));
    }
    if plans.iter().any(|p| p.clear || !p.put_texts.is_empty()) {
        TEXTS_PENDING.with(|t| t.set(true));
    }
    QUEUE.with(|q| q.borrow_mut().extend(plans));
    retry();
}

/// Starts writing what is queued, unless a write is running (it will take
/// the queue when it ends).
pub fn retry() {
    let waiting = QUEUE.with(|q| !q.borrow().is_empty());
    if waiting && !BUSY.with(Cell::get) {
        BUSY.with(|b| b.set(true));
        spawn_local(flush());
    }
}

/// Forgets every plan not written (this tab no longer writes).
pub fn drop_all() {
    QUEUE.with(|q| q.borrow_mut().clear());
    FAILED.with(|f| f.set(false));
    PENDING_SINCE.with(|p| p.set(None));
    TEXTS_PENDING.with(|t| t.set(false));
}

/// Whether closing the tab now could lose changes: a write failed, one
/// stores documents' texts, or one has been pending for more than
/// [`SLOW_MS`].
pub fn at_risk() -> bool {
    FAILED.with(Cell::get)
        || TEXTS_PENDING.with(Cell::get)
        || PENDING_SINCE
            .with(Cell::get)
            .is_some_and(|since| now() - since > SLOW_MS)
}

async fn flush() {
    loop {
        let plans: Vec<WritePlan> = QUEUE.with(|q| q.borrow_mut().drain(..).collect());
        if plans.is_empty() {
            break;
        }
        match storage::write(&plans).await {
            Ok(()) => {
                FAILED.with(|f| f.set(false));
                let written = Written {
                    plans: plans.len(),
                    edits: plans.iter().map(|p| p.edits).sum(),
                };
                if QUEUE.with(|q| q.borrow().is_empty()) {
                    PENDING_SINCE.with(|p| p.set(None));
                    TEXTS_PENDING.with(|t| t.set(false));
                }
                report(Outcome::Written(written));
            }
            Err(SaveError::NotWriter) => {
                drop_all();
                report(Outcome::NotWriter);
                break;
            }
            Err(SaveError::Failed(error)) => {
                // Back at the head of the queue, before anything newer.
                QUEUE.with(|q| {
                    let mut queue = q.borrow_mut();
                    for plan in plans.into_iter().rev() {
                        queue.push_front(plan);
                    }
                });
                FAILED.with(|f| f.set(true));
                report(Outcome::Failed(error));
                break;
            }
        }
    }
    BUSY.with(|b| b.set(false));
}
