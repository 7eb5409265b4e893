//! Measuring the drawn document for its window (see
//! [`crate::core::viewport`]): which part of the text is visible, the
//! heights of the drawn lines, the size of the text, and scrolling by a
//! number of pixels.
//!
//! The view of a long document holds its drawn lines (class `line`,
//! `data-line-start`) and, for each run of lines it does not draw, one
//! empty *gap* block (class `gap`, `data-gap-start` and `data-gap-end`: the
//! code points it stands for). Positions are in CSS pixels from the top of
//! the text's content box (the top of its first child), so they compare
//! with the heights of the core's height map. This module reads the DOM and
//! scrolls; it decides nothing.

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::platform::selection::{LINE_CLASS, LINE_START_ATTR, line_start, scroller, visible_band};

/// Class of the blocks standing for lines that are not drawn.
pub const GAP_CLASS: &str = "gap";
/// Attribute holding the first code point of the lines a gap stands for.
pub const GAP_START_ATTR: &str = "data-gap-start";
/// Attribute holding the end (exclusive) of the lines a gap stands for.
pub const GAP_END_ATTR: &str = "data-gap-end";

/// The size of the text drawn in `root`, what estimates of undrawn lines
/// need.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextBox {
    /// The computed line height, in pixels.
    pub line_height: f64,
    /// The computed font size, in pixels.
    pub font_size: f64,
    /// The width lines wrap at, in pixels.
    pub width: f64,
}

/// A computed `12.5px` as `12.5`. The browser's `parseFloat` rather than
/// Rust's float parser, which would add its code to the wasm for this alone.
fn px(value: Option<String>) -> Option<f64> {
    let value = value?;
    let number = value.trim().strip_suffix("px")?;
    Some(js_sys::parse_float(number)).filter(|v| v.is_finite())
}

/// The size of the text of `root`: its line height, font size and the
/// width of its content box. `None` when it is not laid out.
pub fn text_box(root: &Element) -> Option<TextBox> {
    let style = web_sys::window()?.get_computed_style(root).ok()??;
    let get = |name: &str| px(style.get_property_value(name).ok());
    let font_size = get("font-size")?;
    let line_height = get("line-height").unwrap_or(font_size * 1.2);
    let padding = get("padding-left").unwrap_or(0.0) + get("padding-right").unwrap_or(0.0);
    let width = f64::from(root.client_width()) - padding;
    (width > 0.0).then_some(TextBox {
        line_height,
        font_size,
        width,
    })
}

/// The viewport coordinate of the top of `root`'s content: the top of its
/// first child, else the top of its box.
fn content_top(root: &Element) -> f64 {
    root.first_element_child()
        .unwrap_or_else(|| root.clone())
        .get_bounding_client_rect()
        .top()
}

/// The visible part of the text drawn in `root`, as `(top, bottom)` in
/// pixels from the top of its content.
pub fn content_band(root: &Element) -> Option<(f64, f64)> {
    let (top, bottom) = visible_band(&scroller(root)?);
    let origin = content_top(root);
    Some((top - origin, bottom - origin))
}

/// The height of the visible part of the text drawn in `root` (the
/// window's height when nothing is drawn yet).
pub fn band_height(root: Option<&Element>) -> f64 {
    if let Some((top, bottom)) = root.and_then(content_band)
        && bottom > top
    {
        return bottom - top;
    }
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(900.0)
}

/// The drawn lines of `root` in order, with their first code point.
pub fn drawn_lines(root: &Element) -> Vec<(Element, usize)> {
    let Ok(list) = root.query_selector_all(&format!(":scope > .{LINE_CLASS}")) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<Element>().ok())
        .filter_map(|line| line_start(&line).map(|start| (line, start)))
        .collect()
}

/// The height of each drawn line of `root`: `(first code point, height)`.
pub fn line_heights(root: &Element) -> Vec<(usize, f64)> {
    drawn_lines(root)
        .into_iter()
        .map(|(line, start)| (start, line.get_bounding_client_rect().height()))
        .collect()
}

/// The drawn line of `root` starting at code point `start`.
pub fn line_element(root: &Element, start: usize) -> Option<Element> {
    root.query_selector(&format!(
        ":scope > .{LINE_CLASS}[{LINE_START_ATTR}='{start}']"
    ))
    .ok()
    .flatten()
}

/// The line of `root` to keep in place while heights change around it: the
/// first drawn line that starts in the visible part, else the one that
/// covers its top; as its first code point and where its top is, in pixels
/// from the top of the visible part (negative when it starts above).
/// `None` when no drawn line shows (the view is scrolled into a gap).
///
/// A line that starts in view is preferred because a reflow (another
/// width) changes the height of the line at the top too: keeping the top of
/// a paragraph mostly scrolled past would move everything after it.
pub fn first_visible(root: &Element) -> Option<(usize, f64)> {
    let (top, bottom) = visible_band(&scroller(root)?);
    let lines = drawn_lines(root);
    // A sliver under half a pixel is not visible (fractional line heights).
    let first =
        lines.partition_point(|(line, _)| line.get_bounding_client_rect().bottom() <= top + 0.5);
    let rect_of = |i: usize| {
        lines
            .get(i)
            .map(|(line, start)| (*start, line.get_bounding_client_rect()))
    };
    let (start, rect) = rect_of(first)?;
    if rect.top() >= top - 0.5 {
        return (rect.top() < bottom).then(|| (start, rect.top() - top));
    }
    match rect_of(first + 1) {
        Some((next, below)) if below.top() < bottom => Some((next, below.top() - top)),
        _ => Some((start, rect.top() - top)),
    }
}

/// Scrolls so that the drawn line starting at `start` is `offset` pixels
/// below the top of the visible part again (see [`first_visible`]). Does
/// nothing when that line is not drawn.
pub fn restore_anchor(root: &Element, start: usize, offset: f64) {
    let (Some(line), Some(scroller)) = (line_element(root, start), scroller(root)) else {
        return;
    };
    let (top, _) = visible_band(&scroller);
    let moved = line.get_bounding_client_rect().top() - top - offset;
    if moved.abs() >= 0.5 {
        scroller.set_scroll_top(scroller.scroll_top() + moved.round() as i32);
    }
}

/// Whether the drawn line starting at `start` shows in the visible part.
pub fn line_visible(root: &Element, start: usize) -> bool {
    let (Some(line), Some(scroller)) = (line_element(root, start), scroller(root)) else {
        return false;
    };
    let (top, bottom) = visible_band(&scroller);
    let rect = line.get_bounding_client_rect();
    rect.bottom() > top && rect.top() < bottom
}

/// The first code point of the drawn line or gap `element` stands for.
pub fn child_start(element: &Element) -> Option<usize> {
    line_start(element).or_else(|| element.get_attribute(GAP_START_ATTR)?.parse().ok())
}

/// The gap of a view that `element` is or lies in, if any.
pub fn enclosing_gap(element: &Element) -> Option<Element> {
    element
        .closest(&format!(".{GAP_CLASS}[{GAP_START_ATTR}]"))
        .ok()
        .flatten()
}
