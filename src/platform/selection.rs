//! DOM selection ↔ code-point offsets: the one place where the browser's
//! UTF-16 offsets are converted to Wasim's code points.
//!
//! The document view draws each line as an element with class `line` and a
//! `data-line-start` attribute (the line's first code point); everything
//! inside a line is the line's text, split across text nodes. A DOM point is
//! converted by measuring the UTF-16 length of the text from the line's start
//! to the point, then converting that with [`utf16_to_cp`] on the line's text.
//!
//! A long document is drawn in part (see [`crate::core::viewport`]): lines
//! that are not drawn stand as empty gap blocks carrying the code points they
//! stand for (`data-gap-start`). Every conversion here goes through the
//! offsets on the line and gap elements, never through the position of a
//! node counted from the start of the view, so it works for any window; an
//! offset whose line is not drawn has no DOM point (`None`), and callers
//! first bring it into the window (`crate::ui::doc_window::when_drawn`).

use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Range};

use crate::core::text::{CharRange, Utf16Cursor, utf16_to_cp};
use crate::core::visual::WordBox;
use crate::core::window::Band;
use crate::platform::measure::{child_start, enclosing_gap};

/// Class of the per-line elements.
pub const LINE_CLASS: &str = "line";
/// Attribute holding a line's first code point.
pub const LINE_START_ATTR: &str = "data-line-start";

/// The text of the page's selection, wherever it is; `None` when nothing is
/// selected.
pub fn selected_text() -> Option<String> {
    let selection = web_sys::window()?.get_selection().ok()??;
    let text: String = selection.to_string().into();
    (!text.is_empty()).then_some(text)
}

/// The current selection inside `root`, or `None` if the selection is empty
/// or outside `root`.
pub fn selection_offsets(root: &Element, text_len: usize) -> Option<CharRange> {
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 || selection.is_collapsed() {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let root_node: &Node = root.as_ref();
    let start_node = range.start_container().ok()?;
    let end_node = range.end_container().ok()?;
    // A drag must start in the text; it may end past it (the end is then
    // the text's edge). One started on a message over the text, or on a
    // panel, took everything from the document's start.
    if !root_node.contains(selection.anchor_node().as_ref()) {
        return None;
    }
    let start = point_to_cp(root, &start_node, range.start_offset().ok()?, text_len)?;
    let end = point_to_cp(root, &end_node, range.end_offset().ok()?, text_len)?;
    CharRange::new(start, end).filter(|range| !range.is_empty())
}

/// Converts the DOM point `(node, offset)` to a code-point offset in the
/// document drawn in `root`.
pub fn point_to_cp(root: &Element, node: &Node, offset: u32, text_len: usize) -> Option<usize> {
    let root_node: &Node = root.as_ref();
    if !root_node.contains(Some(node)) {
        // Before the view → 0; after it → the end.
        let position = root_node.compare_document_position(node);
        return Some(if position & Node::DOCUMENT_POSITION_PRECEDING != 0 {
            0
        } else {
            text_len
        });
    }
    if let Some(gap) = element_of(node).as_ref().and_then(enclosing_gap) {
        // Inside lines that are not drawn (a drag racing the window): where
        // they start.
        return child_start(&gap);
    }
    let Some(line) = enclosing_line(node) else {
        // A point between lines, on the root itself: before child `offset`.
        return Some(match root.children().item(offset) {
            Some(child) => child_start(&child).unwrap_or(text_len),
            None => text_len,
        });
    };
    let start = line_start(&line)?;
    let range = Range::new().ok()?;
    range.set_start(line.as_ref(), 0).ok()?;
    range.set_end(node, offset).ok()?;
    let utf16 = range.to_string().length() as usize;
    let line_text = line.text_content().unwrap_or_default();
    Some(start + utf16_to_cp(&line_text, utf16))
}

/// Selects `range` in the document drawn in `root`.
/// Returns whether the offsets were found.
pub fn select_offsets(root: &Element, range: CharRange) -> bool {
    let (Some(start_point), Some(end_point)) = (
        cp_to_point(root, range.start()),
        cp_to_point(root, range.end()),
    ) else {
        return false;
    };
    let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else {
        return false;
    };
    let Ok(range) = Range::new() else {
        return false;
    };
    if range.set_start(&start_point.0, start_point.1).is_err()
        || range.set_end(&end_point.0, end_point.1).is_err()
    {
        return false;
    }
    let _ = selection.remove_all_ranges();
    selection.add_range(&range).is_ok()
}

/// Where each of `words` (in document order, not overlapping) is drawn in
/// `root`: those whose line is drawn, with the box around their text.
pub fn word_boxes(root: &Element, words: &[CharRange]) -> Vec<WordBox> {
    let cps: Vec<usize> = words.iter().flat_map(|w| [w.start(), w.end()]).collect();
    let points = cp_points(root, &cps);
    let mut boxes = Vec::with_capacity(words.len());
    for (word, ends) in words.iter().zip(points.chunks(2)) {
        let (Some(Some(start)), Some(Some(end))) = (ends.first(), ends.get(1)) else {
            continue;
        };
        let Ok(range) = Range::new() else {
            return boxes;
        };
        if range.set_start(&start.0, start.1).is_err() || range.set_end(&end.0, end.1).is_err() {
            continue;
        }
        let rect = range.get_bounding_client_rect();
        if rect.width() > 0.0 {
            boxes.push(WordBox {
                range: *word,
                left: rect.left(),
                right: rect.right(),
                top: rect.top(),
                bottom: rect.bottom(),
            });
        }
    }
    boxes
}

/// The DOM point (text node, UTF-16 offset) of code point `cp`, if its
/// line is drawn.
fn cp_to_point(root: &Element, cp: usize) -> Option<(Node, u32)> {
    cp_points(root, &[cp]).pop().flatten()
}

/// The drawn line elements of `root`, in order, with their first code point.
fn drawn_lines_of(root: &Element) -> Vec<(Element, usize)> {
    let children = root.children();
    (0..children.length())
        .filter_map(|i| children.item(i))
        .filter_map(|child| line_start(&child).map(|start| (child, start)))
        .collect()
}

/// The DOM points of many code points at once (`cps` sorted ascending), in
/// one walk over the drawn lines that hold them: `None` for offsets whose
/// line is not drawn, or past the end. An offset at the very end of a line
/// (after its line break) maps to the end of that line's last text node.
pub fn cp_points(root: &Element, cps: &[usize]) -> Vec<Option<(Node, u32)>> {
    let mut result = vec![None; cps.len()];
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return result;
    };
    let lines = drawn_lines_of(root);
    let mut next = 0;
    for (index, (line, start)) in lines.iter().enumerate() {
        // Skip offsets before this line (their line is not drawn).
        while cps.get(next).is_some_and(|cp| cp < start) {
            next += 1;
        }
        if next >= cps.len() {
            break;
        }
        let next_start = lines.get(index + 1).map(|(_, s)| *s);
        if next_start.is_some_and(|s| cps[next] >= s) {
            continue;
        }
        let Ok(walker) =
            document.create_tree_walker_with_what_to_show(line.as_ref(), 4 /* SHOW_TEXT */)
        else {
            continue;
        };
        let mut node_start = *start;
        while let Ok(Some(node)) = walker.next_node() {
            let data = node.text_content().unwrap_or_default();
            let len = data.chars().count();
            // One walk over the node for all its offsets: a 6 MB line with
            // thousands of matches is one node.
            let mut units = Utf16Cursor::new(&data);
            while let Some(cp) = cps.get(next).copied().filter(|cp| *cp <= node_start + len) {
                result[next] = Some((node.clone(), units.utf16(cp - node_start) as u32));
                next += 1;
            }
            node_start += len;
        }
        // Offsets past this line's text but before the next drawn line lie
        // in lines that are not drawn.
    }
    result
}

/// The first code points of the drawn lines holding the DOM selection's
/// anchor and focus, those that lie in `root` (the caret's line when the
/// selection is collapsed).
pub fn selection_line_starts(root: &Element) -> Vec<usize> {
    let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else {
        return Vec::new();
    };
    let root_node: &Node = root.as_ref();
    [selection.anchor_node(), selection.focus_node()]
        .into_iter()
        .flatten()
        .filter(|node| root_node.contains(Some(node)))
        .filter_map(|node| enclosing_line(&node))
        .filter_map(|line| line_start(&line))
        .collect()
}

/// Clears the page's text selection.
pub fn clear_selection() {
    if let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) {
        let _ = selection.remove_all_ranges();
    }
}

fn enclosing_line(node: &Node) -> Option<Element> {
    element_of(node)?
        .closest(&format!(".{LINE_CLASS}"))
        .ok()
        .flatten()
}

/// `node` itself when it is an element, else its parent element.
fn element_of(node: &Node) -> Option<Element> {
    match node.dyn_ref::<Element>() {
        Some(element) => Some(element.clone()),
        None => node.parent_element(),
    }
}

/// Pixels a revealed place keeps from the edges of its scroller's visible
/// part; a place closer to an edge, or out of view, is centred.
const REVEAL_MARGIN: f64 = 40.0;

/// Whether the box `rect` of something inside `inside` lies inside the
/// scroller's visible part, `margin` pixels from its edges (see
/// [`Band::shows`]): revealing it then moves nothing, so the user's view
/// stays still and no scroll follows the edit. An empty box (nothing laid
/// out) is not in view.
fn in_view(inside: &Element, rect: &web_sys::DomRect, margin: f64) -> bool {
    let Some(scroller) = scroller(inside) else {
        return false;
    };
    if rect.width() == 0.0 && rect.height() == 0.0 {
        return false;
    }
    let (top, bottom) = visible_band(&scroller);
    Band { top, bottom }.shows(rect.top(), rect.bottom(), margin)
}

/// Scrolls `element` into the middle of the view.
fn center(element: &Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The element that scrolls the document drawn in `root`: its nearest
/// scrollable ancestor, else the page.
pub(crate) fn scroller(root: &Element) -> Option<Element> {
    let window = web_sys::window()?;
    let mut current = root.parent_element();
    while let Some(element) = current {
        let scrolls = window
            .get_computed_style(&element)
            .ok()
            .flatten()
            .and_then(|style| style.get_property_value("overflow-y").ok())
            .is_some_and(|o| o == "auto" || o == "scroll" || o == "overlay");
        if scrolls && element.scroll_height() > element.client_height() {
            return Some(element);
        }
        current = element.parent_element();
    }
    gloo::utils::document().scrolling_element()
}

/// The top and bottom edges of the visible part of `scroller`, in viewport
/// coordinates (the window's for the page itself).
pub(crate) fn visible_band(scroller: &Element) -> (f64, f64) {
    let page = gloo::utils::document().scrolling_element();
    if page.as_ref() == Some(scroller) {
        let window = web_sys::window();
        let height = window
            .as_ref()
            .and_then(|w| w.inner_height().ok())
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        // The narrow layout's toolbar sticks to the top of the page and
        // covers what scrolls under it.
        let stuck = gloo::utils::document()
            .query_selector(".toolbar")
            .ok()
            .flatten()
            .filter(|bar| {
                window
                    .as_ref()
                    .and_then(|w| w.get_computed_style(bar).ok().flatten())
                    .and_then(|style| style.get_property_value("position").ok())
                    .is_some_and(|p| p == "sticky")
            })
            .map_or(0.0, |bar| bar.get_bounding_client_rect().bottom().max(0.0));
        (stuck, height)
    } else {
        let rect = scroller.get_bounding_client_rect();
        (rect.top(), rect.bottom())
    }
}

/// The open document's view and its text length in code points.
fn open_view() -> Option<(Element, usize)> {
    let root = doc_view_root()?;
    let len = root.get_attribute("data-text-len")?.parse().ok()?;
    Some((root, len))
}

pub(crate) fn line_start(line: &Element) -> Option<usize> {
    line.get_attribute(LINE_START_ATTR)?.parse().ok()
}

/// The open document's view element (`.doc-text`), if one is shown.
pub fn doc_view_root() -> Option<Element> {
    gloo::utils::document()
        .query_selector(".doc-text[data-text-len]")
        .ok()
        .flatten()
}

/// The selection in the open document's view, in code points.
pub fn document_selection() -> Option<CharRange> {
    let (root, len) = open_view()?;
    selection_offsets(&root, len)
}

thread_local! {
    /// The document and code point the last click in the text landed on,
    /// and where it landed (client pixels).
    static CLICKED: std::cell::Cell<Option<(u64, usize, f64, f64)>> = const { std::cell::Cell::new(None) };
}

/// Remembers the code point a click at `(x, y)` (client coordinates) in
/// document `doc`'s view landed on. A click inside the selected text leaves
/// Chromium with no selection at all, not a caret: the arrow keys then start
/// from here ([`clicked`]), as after any click.
pub fn remember_click(doc: u64, x: i32, y: i32) {
    let at = || {
        let (root, len) = open_view()?;
        #[expect(clippy::cast_precision_loss, reason = "client pixels")]
        let caret = gloo::utils::document().caret_position_from_point(x as f32, y as f32)?;
        point_to_cp(&root, &caret.offset_node()?, caret.offset(), len)
    };
    let point = (f64::from(x), f64::from(y));
    CLICKED.with(|c| c.set(at().map(|cp| (doc, cp, point.0, point.1))));
}

/// Where the last click in document `doc`'s text landed
/// ([`remember_click`]).
pub fn clicked(doc: u64) -> Option<usize> {
    clicked_point(doc).map(|(cp, _)| cp)
}

/// Where the last click in document `doc`'s text landed: its code point,
/// and the point clicked (client pixels). The point tells which of two
/// places drawn apart a code point means (the edge of a Latin name in an
/// Arabic line is both beside the Arabic word and at the name's far end).
pub fn clicked_point(doc: u64) -> Option<(usize, (f64, f64))> {
    CLICKED
        .with(std::cell::Cell::get)
        .and_then(|(d, cp, x, y)| (d == doc).then_some((cp, (x, y))))
}

/// Where the caret is in the open document's view when the selection is
/// collapsed (a click), in code points; `None` when there is no caret there.
pub fn document_caret() -> Option<usize> {
    let (root, len) = open_view()?;
    let selection = web_sys::window()?.get_selection().ok()??;
    if selection.range_count() == 0 || !selection.is_collapsed() {
        return None;
    }
    let node = selection.focus_node()?;
    let root_node: &Node = root.as_ref();
    if !root_node.contains(Some(&node)) {
        return None;
    }
    point_to_cp(&root, &node, selection.focus_offset(), len)
}

/// Scrolls the place of code point `cp` into the middle of the view when it
/// is not entirely inside the visible part of the element that scrolls the
/// text (a caret moved by the keyboard may go right to the edge).
pub fn keep_in_view(root: &Element, cp: usize) {
    reveal_point(root, cp, 0.0);
}

/// Whether the line holding code point `cp` is laid out right to left.
pub fn line_is_rtl(root: &Element, cp: usize) -> bool {
    let line = cp_to_point(root, cp).and_then(|(node, _)| enclosing_line(&node));
    is_rtl(&line.unwrap_or_else(|| root.clone()))
}

/// Whether `element` lays out right to left (its computed `direction`).
pub fn is_rtl(element: &Element) -> bool {
    web_sys::window()
        .and_then(|w| w.get_computed_style(element).ok().flatten())
        .and_then(|style| style.get_property_value("direction").ok())
        .is_some_and(|direction| direction == "rtl")
}

/// Scrolls the place of code point `cp` in the document drawn in `root`
/// into the middle of the view, unless it is well in view already.
pub fn reveal_offset(root: &Element, cp: usize) {
    reveal_point(root, cp, REVEAL_MARGIN);
}

/// Centres the place of code point `cp` unless it lies inside the visible
/// part with `margin` pixels to spare.
fn reveal_point(root: &Element, cp: usize, margin: f64) {
    let Some((node, offset)) = cp_to_point(root, cp) else {
        return;
    };
    let shown = gloo::utils::document().create_range().is_ok_and(|range| {
        range.set_start(&node, offset).is_ok()
            && in_view(root, &range.get_bounding_client_rect(), margin)
    });
    if let Some(element) = element_of(&node).filter(|_| !shown) {
        center(&element);
    }
}

/// Scrolls the span with this id into the middle of the view, unless it is
/// well in view already, and flashes it.
pub fn reveal_span(id: u64) {
    let selector = format!("mark[data-span-id='{id}']");
    let Some(mark) = gloo::utils::document()
        .query_selector(&selector)
        .ok()
        .flatten()
    else {
        return;
    };
    if !in_view(&mark, &mark.get_bounding_client_rect(), REVEAL_MARGIN) {
        center(&mark);
    }
    let _ = mark.class_list().add_1("flash");
    gloo::timers::callback::Timeout::new(1200, move || {
        let _ = mark.class_list().remove_1("flash");
    })
    .forget();
}
