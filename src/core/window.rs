//! Which rows of a long list to render: the arithmetic of windowed lists.
//!
//! A windowed list ([`crate::ui::window`]) draws only the rows in and near
//! the visible band of its scroller, and pads the list above and below so
//! that the scrollbar is what it would be with every row drawn. Rows have
//! one height (a *pitch*, in CSS pixels, measured once from a drawn row).
//!
//! Everything here is in the list's own coordinates: `0.0` is the top of
//! its first row, and a [`Band`] is the part of the list that the scroller
//! shows (it may start above the list or end below it, or miss it
//! entirely). Pure arithmetic: no DOM, no clock; the browser side measures
//! (see `crate::platform::lists`).

use std::ops::Range;

/// The visible part of a list, in CSS pixels from the top of its first row.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Band {
    /// Top edge of the scroller's visible area.
    pub top: f64,
    /// Bottom edge of the scroller's visible area.
    pub bottom: f64,
}

impl Band {
    /// A band `height` pixels high from the top of the list: what a list
    /// shows before it has been measured.
    pub fn first(height: f64) -> Band {
        Band {
            top: 0.0,
            bottom: finite_or(height, 0.0).max(0.0),
        }
    }

    /// Whether the box from `top` to `bottom` (the same coordinates as the
    /// band) lies inside the band with `margin` pixels to spare on each
    /// side, or, when the box is taller than that, covers the band's middle.
    /// Revealing such a box moves nothing: it is already where the user
    /// looks.
    pub fn shows(self, top: f64, bottom: f64, margin: f64) -> bool {
        if ![top, bottom, self.top, self.bottom, margin]
            .iter()
            .all(|v| v.is_finite())
        {
            return false;
        }
        let (inner_top, inner_bottom) = (self.top + margin, self.bottom - margin);
        if inner_bottom <= inner_top {
            return false;
        }
        if bottom - top > inner_bottom - inner_top {
            let middle = (self.top + self.bottom) / 2.0;
            return top <= middle && bottom >= middle;
        }
        top >= inner_top && bottom <= inner_bottom
    }
}

/// The rows to render, `[start, end)`, and the padding that stands for the
/// others.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Window {
    /// First rendered row.
    pub start: usize,
    /// One past the last rendered row.
    pub end: usize,
}

impl Window {
    /// The rendered rows.
    pub fn rows(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Whether `row` is rendered.
    pub fn contains(&self, row: usize) -> bool {
        self.rows().contains(&row)
    }

    /// Padding above the rendered rows, in pixels: the height of the rows
    /// before them.
    pub fn padding_before(&self, pitch: f64) -> f64 {
        self.start as f64 * usable_pitch(pitch)
    }

    /// Padding below the rendered rows: the height of the rows after them.
    pub fn padding_after(&self, count: usize, pitch: f64) -> f64 {
        count.saturating_sub(self.end) as f64 * usable_pitch(pitch)
    }
}

/// The smallest pitch the arithmetic accepts: a zero, negative or not
/// finite measure (a list not laid out yet) counts as one pixel, so that
/// no division ever yields infinity.
const MIN_PITCH: f64 = 1.0;

fn usable_pitch(pitch: f64) -> f64 {
    finite_or(pitch, MIN_PITCH).max(MIN_PITCH)
}

fn finite_or(value: f64, fallback: f64) -> f64 {
    if value.is_finite() { value } else { fallback }
}

/// Row index at pixel `y` of the list (rounded down), clamped to `0..=count`.
fn row_at(y: f64, pitch: f64, count: usize) -> usize {
    let row = (finite_or(y, 0.0) / usable_pitch(pitch)).floor();
    if row <= 0.0 {
        0
    } else if row >= count as f64 {
        count
    } else {
        row as usize
    }
}

/// The rows a band shows, even partly: `[first, last)`, empty when the band
/// misses the list.
pub fn visible_rows(count: usize, pitch: f64, band: Band) -> Range<usize> {
    let pitch = usable_pitch(pitch);
    let first = row_at(band.top, pitch, count);
    // A row whose top is exactly at the band's bottom is not visible.
    let last = {
        let bottom = finite_or(band.bottom, 0.0);
        let ceil = (bottom / pitch).ceil();
        if ceil <= 0.0 {
            0
        } else if ceil >= count as f64 {
            count
        } else {
            ceil as usize
        }
    };
    first..last.max(first)
}

/// The rows to render for `band`: the visible rows plus `margin` rows on
/// each side, with both ends rounded outwards to multiples of `margin / 2`
/// so that scrolling a little does not change the window (and redraw the
/// list) on every pixel. A band that misses the list renders the `margin`
/// rows nearest to it. Never more than `count` rows, never empty when
/// `count > 0`.
pub fn window(count: usize, pitch: f64, band: Band, margin: usize) -> Window {
    if count == 0 {
        return Window { start: 0, end: 0 };
    }
    let margin = margin.max(1);
    let step = (margin / 2).max(1);
    let visible = visible_rows(count, pitch, band);
    let (first, last) = if visible.is_empty() {
        // Above the band's top: the list's end is nearest; below it, its start.
        let at = visible.start.min(count);
        (at, at)
    } else {
        (visible.start, visible.end)
    };
    let start = first.saturating_sub(margin) / step * step;
    let end = last
        .saturating_add(margin)
        .div_ceil(step)
        .saturating_mul(step)
        .min(count);
    let start = start.min(end.saturating_sub(1));
    Window { start, end }
}

/// How far to scroll (in pixels, positive is down) so that `row` is wholly
/// inside `band`, moving as little as possible: `0.0` when it already is.
/// A row taller than the band is aligned with the band's top.
pub fn scroll_to_reveal(row: usize, pitch: f64, band: Band) -> f64 {
    let pitch = usable_pitch(pitch);
    let top = row as f64 * pitch;
    let bottom = top + pitch;
    let (band_top, band_bottom) = (finite_or(band.top, 0.0), finite_or(band.bottom, 0.0));
    if top < band_top || band_bottom - band_top < pitch {
        top - band_top
    } else if bottom > band_bottom {
        bottom - band_bottom
    } else {
        0.0
    }
}

/// Whether `row` lies in `band` with a row to spare on each side: it is
/// in view even if the list moved by a row since the band was measured (a
/// row added above it), so revealing it needs no new measure.
pub fn in_view_with_margin(row: usize, pitch: f64, band: Band) -> bool {
    let pitch = usable_pitch(pitch);
    let inner = Band {
        top: finite_or(band.top, 0.0) + pitch,
        bottom: finite_or(band.bottom, 0.0) - pitch,
    };
    inner.bottom - inner.top >= pitch && scroll_to_reveal(row, pitch, inner) == 0.0
}

/// The row a key moves to from `row` in a list of `count` rows: ↑/↓ one
/// row, Page Up/Down one `page` of rows, Home/End the ends. `None` for
/// other keys, and for an empty list.
pub fn step_row(row: usize, count: usize, key: &str, page: usize) -> Option<usize> {
    let last = count.checked_sub(1)?;
    let row = row.min(last);
    let page = page.max(1);
    match key {
        "ArrowDown" => Some((row + 1).min(last)),
        "ArrowUp" => Some(row.saturating_sub(1)),
        "PageDown" => Some(row.saturating_add(page).min(last)),
        "PageUp" => Some(row.saturating_sub(page)),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

/// How many whole rows a band shows (at least one): a page for
/// [`step_row`].
pub fn rows_per_page(pitch: f64, band: Band) -> usize {
    let height = finite_or(band.bottom - band.top, 0.0);
    let rows = (height / usable_pitch(pitch)).floor();
    if rows >= 1.0 { rows as usize } else { 1 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_box_well_inside_the_band_is_shown() {
        let band = Band {
            top: 100.0,
            bottom: 700.0,
        };
        assert!(band.shows(300.0, 320.0, 40.0));
        assert!(band.shows(140.0, 160.0, 40.0));
        assert!(band.shows(640.0, 660.0, 40.0));
    }

    #[test]
    fn a_box_near_an_edge_or_outside_is_not_shown() {
        let band = Band {
            top: 100.0,
            bottom: 700.0,
        };
        assert!(!band.shows(120.0, 140.0, 40.0), "inside the top margin");
        assert!(!band.shows(680.0, 690.0, 40.0), "inside the bottom margin");
        assert!(!band.shows(-300.0, -280.0, 40.0), "above");
        assert!(!band.shows(900.0, 920.0, 40.0), "below");
        assert!(!band.shows(690.0, 720.0, 40.0), "cut by the edge");
    }

    #[test]
    fn a_box_taller_than_the_band_is_shown_when_it_covers_the_middle() {
        let band = Band {
            top: 0.0,
            bottom: 400.0,
        };
        assert!(band.shows(-500.0, 900.0, 40.0));
        assert!(!band.shows(250.0, 1250.0, 40.0));
    }

    #[test]
    fn nothing_is_shown_by_a_band_too_small_or_unmeasured() {
        assert!(
            !Band {
                top: 0.0,
                bottom: 60.0
            }
            .shows(20.0, 30.0, 40.0)
        );
        assert!(
            !Band {
                top: f64::NAN,
                bottom: 600.0
            }
            .shows(20.0, 30.0, 40.0)
        );
        assert!(
            !Band {
                top: 0.0,
                bottom: 600.0
            }
            .shows(f64::INFINITY, 30.0, 40.0)
        );
    }

    fn band(top: f64, bottom: f64) -> Band {
        Band { top, bottom }
    }

    #[test]
    fn visible_rows_are_those_the_band_touches() {
        assert_eq!(visible_rows(100, 20.0, band(0.0, 100.0)), 0..5);
        assert_eq!(visible_rows(100, 20.0, band(10.0, 100.0)), 0..5);
        assert_eq!(visible_rows(100, 20.0, band(10.0, 101.0)), 0..6);
        assert_eq!(visible_rows(100, 20.0, band(1990.0, 2500.0)), 99..100);
        // Missing the list: above it, or below it.
        assert_eq!(visible_rows(100, 20.0, band(-300.0, -10.0)), 0..0);
        assert_eq!(visible_rows(100, 20.0, band(2000.0, 2400.0)), 100..100);
        // The list starts halfway down the band.
        assert_eq!(visible_rows(100, 20.0, band(-50.0, 50.0)), 0..3);
    }

    #[test]
    fn the_window_adds_a_margin_and_moves_in_steps() {
        let w = window(10_000, 20.0, band(20_100.0, 20_700.0), 20);
        // Visible: rows 1005..1035; with 20 rows of margin, in steps of 10.
        assert_eq!(
            w,
            Window {
                start: 980,
                end: 1060
            }
        );
        assert!(w.contains(1005) && w.contains(1034));
        // Scrolling a few pixels keeps the same window.
        assert_eq!(window(10_000, 20.0, band(20_105.0, 20_705.0), 20), w);
        // The padding stands for the rows that are not drawn.
        assert_eq!(w.padding_before(20.0), 19_600.0);
        assert_eq!(w.padding_after(10_000, 20.0), (10_000.0 - 1060.0) * 20.0);
        let drawn = (w.end - w.start) as f64 * 20.0;
        assert_eq!(
            w.padding_before(20.0) + drawn + w.padding_after(10_000, 20.0),
            200_000.0,
            "the list keeps its full height"
        );
    }

    #[test]
    fn the_window_is_bounded_whatever_the_list_or_the_band() {
        for count in [1usize, 2, 7, 50, 10_000, 1_000_000] {
            for top in [-1e9, -500.0, 0.0, 333.3, 1e5, 1e9, f64::NAN] {
                for pitch in [0.0, -3.0, 1.0, 24.5, f64::INFINITY, f64::NAN] {
                    let w = window(count, pitch, band(top, top + 900.0), 20);
                    assert!(w.start < w.end, "{count} {top} {pitch}: {w:?}");
                    assert!(w.end <= count);
                    let rows = w.end - w.start;
                    assert!(rows <= 900 + 2 * 20 + 2 * 10 + 1, "{rows} rows drawn");
                }
            }
        }
        assert_eq!(
            window(0, 20.0, band(0.0, 900.0), 20),
            Window { start: 0, end: 0 }
        );
    }

    #[test]
    fn a_band_that_misses_the_list_draws_the_nearest_rows() {
        // The list is below the band: its first rows.
        let w = window(10_000, 20.0, band(-5_000.0, -4_000.0), 20);
        assert_eq!(w.start, 0);
        assert!(w.end <= 30);
        // The list is above the band: its last rows.
        let w = window(10_000, 20.0, band(500_000.0, 501_000.0), 20);
        assert_eq!(w.end, 10_000);
        assert!(w.start >= 9_970);
    }

    #[test]
    fn a_short_list_is_drawn_whole() {
        assert_eq!(
            window(5, 30.0, Band::first(800.0), 20),
            Window { start: 0, end: 5 }
        );
    }

    #[test]
    fn revealing_scrolls_as_little_as_needed() {
        let b = band(1000.0, 1500.0);
        assert_eq!(scroll_to_reveal(60, 20.0, b), 0.0, "already visible");
        assert_eq!(
            scroll_to_reveal(49, 20.0, b),
            -20.0,
            "just above: up one row"
        );
        assert_eq!(
            scroll_to_reveal(75, 20.0, b),
            20.0,
            "just below: down one row"
        );
        assert_eq!(scroll_to_reveal(9_000, 20.0, b), 180_020.0 - 1500.0);
        assert_eq!(scroll_to_reveal(0, 20.0, b), -1000.0);
        // A band lower than a row aligns the row's top.
        assert_eq!(scroll_to_reveal(60, 20.0, band(1000.0, 1010.0)), 200.0);
    }

    #[test]
    fn keys_step_through_the_rows_and_stop_at_the_ends() {
        assert_eq!(step_row(5, 10, "ArrowDown", 4), Some(6));
        assert_eq!(step_row(9, 10, "ArrowDown", 4), Some(9));
        assert_eq!(step_row(0, 10, "ArrowUp", 4), Some(0));
        assert_eq!(step_row(5, 10, "PageDown", 4), Some(9));
        assert_eq!(step_row(5, 10, "PageUp", 4), Some(1));
        assert_eq!(step_row(5, 10, "Home", 4), Some(0));
        assert_eq!(step_row(5, 10, "End", 4), Some(9));
        assert_eq!(step_row(50, 10, "ArrowUp", 4), Some(8), "clamped first");
        assert_eq!(step_row(0, 0, "ArrowDown", 4), None);
        assert_eq!(step_row(3, 10, "a", 4), None);
        assert_eq!(rows_per_page(20.0, band(0.0, 95.0)), 4);
        assert_eq!(rows_per_page(20.0, band(0.0, 5.0)), 1);
    }

    #[test]
    fn a_row_well_inside_the_band_needs_no_reveal_one_at_its_edge_does() {
        let band = Band {
            top: 100.0,
            bottom: 300.0,
        };
        // Rows of 20 px: row 7 spans 140..160, well inside 120..280.
        assert!(in_view_with_margin(7, 20.0, band));
        // Row 5 (100..120) is in view, but without a row to spare.
        assert!(!in_view_with_margin(5, 20.0, band));
        assert!(!in_view_with_margin(14, 20.0, band));
        assert!(!in_view_with_margin(40, 20.0, band));
        // A band lower than three rows never has a row to spare.
        assert!(!in_view_with_margin(
            0,
            20.0,
            Band {
                top: 0.0,
                bottom: 50.0
            }
        ));
    }
}
