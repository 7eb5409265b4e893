//! Remembering where the user was ([`Resume`]: scroll position and
//! selected span per document, the search) in `localStorage`, and reading
//! and restoring the scroll position of the open document.
//!
//! The record lives in memory; changes are written under the key
//! [`STORAGE_KEY`] a moment later (and at once when the page is hidden or
//! unloaded), so scrolling and editing never wait for storage. A missing or
//! unreadable record, or a browser without `localStorage`, only means
//! starting at the top.
//!
//! A scroll position is only ever remembered for the document whose own
//! place the view has been put back to ([`restore_scroll`]). Between a
//! document switch and that restore, the view shows the new text at the
//! old one's scroll position (the renderer may yield to the browser there,
//! and timers and scroll events run); a position read then belongs to
//! neither document.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::core::model::DocId;
use crate::core::resume::Resume;
use crate::platform::selection::{line_start, scroller, visible_band};

/// The `localStorage` key of the record.
pub const STORAGE_KEY: &str = "wasim.resume";

/// How long after the last change the record is written.
const WRITE_DELAY_MS: u32 = 250;

thread_local! {
    static RESUME: RefCell<Option<Resume>> = const { RefCell::new(None) };
    static PENDING: RefCell<Option<Timeout>> = const { RefCell::new(None) };
    static ON_HIDE: RefCell<Option<EventListener>> = const { RefCell::new(None) };
    /// The document whose place the view was last put back to, and which
    /// restore that was (see [`restore_scroll`]).
    static RESTORED: Cell<(Option<DocId>, u32)> = const { Cell::new((None, 0)) };
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads `f` of the record, loading it from `localStorage` the first time.
pub fn with<T>(f: impl FnOnce(&Resume) -> T) -> T {
    RESUME.with(|cell| {
        let mut cell = cell.borrow_mut();
        let resume = cell.get_or_insert_with(|| {
            let json = local_storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten());
            Resume::from_json(json.as_deref())
        });
        f(resume)
    })
}

/// Changes the record with `f`, which says whether it changed anything; a
/// change is written shortly after.
pub fn update(f: impl FnOnce(&mut Resume) -> bool) {
    with(|_| ());
    let changed = RESUME.with(|cell| cell.borrow_mut().as_mut().is_some_and(f));
    if changed {
        schedule_write();
    }
}

fn schedule_write() {
    ON_HIDE.with(|cell| {
        let mut cell = cell.borrow_mut();
        if cell.is_none() {
            // A reload right after a change still keeps it.
            *cell = Some(EventListener::new(
                &gloo::utils::window(),
                "pagehide",
                |_| flush(),
            ));
        }
    });
    PENDING.with(|cell| *cell.borrow_mut() = Some(Timeout::new(WRITE_DELAY_MS, flush)));
}

/// Writes the record now if a change is waiting. Failures (storage full or
/// disabled) are ignored: this is a convenience, never work.
pub fn flush() {
    let Some(pending) = PENDING.with(|cell| cell.borrow_mut().take()) else {
        return;
    };
    pending.cancel();
    let json = RESUME.with(|cell| cell.borrow().as_ref().map(Resume::to_json));
    if let (Some(json), Some(storage)) = (json, local_storage()) {
        let _ = storage.set_item(STORAGE_KEY, &json);
    }
}

/// Today's date in the user's time zone, as `YYYY-MM-DD` (for file names).
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The top edge of the visible part of `scroller`, in viewport coordinates.
fn visible_top(scroller: &Element) -> f64 {
    visible_band(scroller).0
}

/// The line elements of `root`, in order.
fn lines(root: &Element) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(":scope > .line") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .collect()
}

/// How much of a line (CSS pixels) must be below the top edge for it to
/// count as visible.
///
/// Line heights are fractional (18 px × 1.9), while scroll offsets are
/// whole pixels and the scroller's own top may be fractional: a line
/// scrolled exactly to the top (`scrollIntoView`, or the user's own
/// scrolling) often leaves a sliver of a pixel of the line before it below
/// the edge. That sliver is not visible; counting it would remember the
/// line before the one at the top, with almost its whole height as `dy`.
const VISIBLE_MIN_PX: f64 = 0.5;

/// Where the view of `root` is scrolled to: the code point where the first
/// visible line starts, and how many pixels of that line are above the
/// visible part (negative when it starts just below it).
pub fn scroll_anchor(root: &Element) -> Option<(usize, i32)> {
    let top = visible_top(&scroller(root)?);
    let lines = lines(root);
    // The first line showing at least VISIBLE_MIN_PX below the top edge.
    let first = lines
        .partition_point(|line| line.get_bounding_client_rect().bottom() < top + VISIBLE_MIN_PX);
    let line = lines.get(first).or(lines.last())?;
    let dy = (top - line.get_bounding_client_rect().top()).round();
    Some((line_start(line)?, dy as i32))
}

/// When, after a restore, the anchor is applied again (milliseconds).
const RESTORE_AGAIN_MS: [u32; 5] = [50, 150, 300, 600, 1000];

/// The document the view of `root` shows (its `data-doc-id`).
fn shown_doc(root: &Element) -> Option<DocId> {
    root.get_attribute("data-doc-id")?.parse().ok().map(DocId)
}

/// Scrolls the view of `root`, which shows `doc`, back to an anchor taken
/// by [`scroll_anchor`]; to the top when `line` is `None`. From now on the
/// view's scroll position counts as `doc`'s ([`place_in_view`]).
///
/// The line must be drawn (a long document is drawn in part: the view
/// brings it into its window first). Lines around it may still be
/// measured and corrected once drawn, so the anchor is applied again a few
/// times during the next second ([`RESTORE_AGAIN_MS`]), unless the user has
/// scrolled meanwhile, another restore has started, or the view shows
/// another document.
pub fn restore_scroll(root: &Element, doc: DocId, line: Option<usize>, dy: i32) {
    let generation = RESTORED.get().1.wrapping_add(1);
    RESTORED.set((Some(doc), generation));
    let Some(scroller) = scroller(root) else {
        return;
    };
    let Some(line) = line else {
        scroller.set_scroll_top(0);
        return;
    };
    let set = Rc::new(Cell::new(scroll_to_line(root, &scroller, line, dy)));
    for delay in RESTORE_AGAIN_MS {
        let (root, scroller, set) = (root.clone(), scroller.clone(), set.clone());
        Timeout::new(delay, move || {
            let current =
                RESTORED.get() == (Some(doc), generation) && shown_doc(&root) == Some(doc);
            let untouched = set.get().is_some_and(|top| top == scroller.scroll_top());
            if current && untouched && root.is_connected() {
                set.set(scroll_to_line(&root, &scroller, line, dy));
            }
        })
        .forget();
    }
}

/// The document the view of `root` shows and where it is scrolled to (as
/// [`scroll_anchor`]), or `None` while its place has not been put back yet
/// ([`restore_scroll`]): what the view shows then is no document's place.
pub fn place_in_view(root: &Element) -> Option<(DocId, usize, i32)> {
    let doc = shown_doc(root)?;
    if RESTORED.get().0 != Some(doc) {
        return None;
    }
    let (line, dy) = scroll_anchor(root)?;
    Some((doc, line, dy))
}

/// Scrolls `scroller` so that the line of `root` holding code point `line`
/// starts `dy` pixels above the visible top; returns the scroll top set.
fn scroll_to_line(root: &Element, scroller: &Element, line: usize, dy: i32) -> Option<i32> {
    let lines = lines(root);
    let after = lines.partition_point(|l| line_start(l).is_some_and(|s| s <= line));
    let target = lines.get(after.checked_sub(1)?)?;
    // The line holding `line` must be drawn (not only one before a gap).
    let start = line_start(target)?;
    let len = target.text_content().map_or(0, |t| t.chars().count());
    if line >= start + len.max(1) {
        return None;
    }
    let offset = target.get_bounding_client_rect().top() - visible_top(scroller) + f64::from(dy);
    scroller.set_scroll_top(scroller.scroll_top() + offset.round() as i32);
    Some(scroller.scroll_top())
}

/// Whether a scroll event's target scrolls the document drawn in `root`.
pub fn scrolls_view(target: Option<web_sys::EventTarget>, root: &Element) -> bool {
    match target {
        Some(target) => match target.dyn_ref::<Element>() {
            Some(element) => element.contains(Some(root)),
            // The page itself (the event's target is the document).
            None => true,
        },
        None => false,
    }
}
