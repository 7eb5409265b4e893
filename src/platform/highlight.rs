//! Search-match highlighting with the CSS Custom Highlight API: ranges are
//! painted by the browser without touching the DOM, so highlights never
//! split words or disturb Arabic letter joining.
//!
//! Only matches in drawn lines can be painted (a long document is drawn in
//! part, see [`crate::core::viewport`]): the matches are kept here, and the
//! view calls [`repaint`] when it draws other lines.

use crate::core::sort;
use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Array, Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Range};

use crate::core::text::CharRange;
use crate::platform::measure::drawn_lines;
use crate::platform::selection::cp_points;

/// The highlight's name in `CSS.highlights` (styled by `::highlight(...)`).
const NAME: &str = "wasim-search";

thread_local! {
    /// The matches painted last, to paint again in newly drawn lines.
    static PAINTED: RefCell<Rc<Vec<CharRange>>> = RefCell::default();
}

/// Paints `ranges` (sorted) in the document drawn in `root`,
/// replacing earlier search highlights, and keeps them for [`repaint`].
/// Does nothing where the browser lacks the API.
pub fn highlight_ranges(root: &Element, ranges: Rc<Vec<CharRange>>) {
    PAINTED.with(|p| *p.borrow_mut() = ranges.clone());
    paint(root, &ranges);
}

/// Paints the kept matches again in the lines of `root` drawn now.
pub fn repaint(root: &Element) {
    let ranges = PAINTED.with(|p| p.borrow().clone());
    if !ranges.is_empty() {
        paint(root, &ranges);
    }
}

/// The matches of `ranges` (sorted by start) that start in a drawn line
/// of `root`.
fn in_drawn_lines(root: &Element, ranges: &[CharRange]) -> Vec<CharRange> {
    let mut found = Vec::new();
    for (line, start) in drawn_lines(root) {
        let len = line.text_content().map_or(0, |text| text.chars().count());
        let from = ranges.partition_point(|r| r.start() < start);
        let to = ranges.partition_point(|r| r.start() < start + len);
        found.extend_from_slice(ranges.get(from..to.max(from)).unwrap_or_default());
    }
    found
}

fn paint(root: &Element, ranges: &[CharRange]) {
    let Some(registry) = registry() else { return };
    let ranges = in_drawn_lines(root, ranges);
    let ranges = ranges.as_slice();
    let mut boundaries: Vec<usize> = ranges.iter().flat_map(|r| [r.start(), r.end()]).collect();
    sort::sort(&mut boundaries);
    boundaries.dedup();
    let points = cp_points(root, &boundaries);
    let dom_ranges = Array::new();
    for range in ranges {
        let find = |cp: usize| {
            boundaries
                .binary_search(&cp)
                .ok()
                .and_then(|i| points.get(i))
                .and_then(Option::as_ref)
        };
        let (Some(a), Some(b)) = (find(range.start()), find(range.end())) else {
            continue;
        };
        let Ok(range) = Range::new() else { continue };
        if range.set_start(&a.0, a.1).is_ok() && range.set_end(&b.0, b.1).is_ok() {
            dom_ranges.push(&range);
        }
    }
    let Some(highlight) = construct_highlight(&dom_ranges) else {
        return;
    };
    call(&registry, "set", &Array::of2(&NAME.into(), &highlight));
}

/// Removes the search highlights.
pub fn clear_highlights() {
    PAINTED.with(|p| *p.borrow_mut() = Rc::default());
    if let Some(registry) = registry() {
        call(&registry, "delete", &Array::of1(&NAME.into()));
    }
}

fn registry() -> Option<JsValue> {
    let css = Reflect::get(&js_sys::global(), &"CSS".into()).ok()?;
    Reflect::get(&css, &"highlights".into())
        .ok()
        .filter(|r| !r.is_undefined())
}

/// A `Highlight` of `ranges`, added one by one: the constructor takes them
/// as arguments, and a call has at most some 65,000 (a long line can hold
/// more matches).
fn construct_highlight(ranges: &Array) -> Option<JsValue> {
    let constructor = Reflect::get(&js_sys::global(), &"Highlight".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let highlight = Reflect::construct(&constructor, &Array::new()).ok()?;
    let add = Reflect::get(&highlight, &"add".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    for range in ranges.iter() {
        add.call1(&highlight, &range).ok()?;
    }
    Some(highlight)
}

fn call(target: &JsValue, method: &str, args: &Array) {
    if let Some(function) = Reflect::get(target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = Reflect::apply(&function, target, args);
    }
}
