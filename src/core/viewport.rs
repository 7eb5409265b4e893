//! Which lines of a long document the view draws: the arithmetic of
//! windowing, after CodeMirror 6's viewport.
//!
//! The view draws only the lines in and near the visible part of the text
//! (the *window*), with one empty block (a *gap*) standing for each run of
//! lines it does not draw, so the scrollbar is right. A [`HeightMap`] keeps
//! one height per line: measured for lines that have been drawn, estimated
//! from the line's length ([`Metrics`]) for the others, with prefix sums
//! (a Fenwick tree), so finding the line at a scroll position, or a line's
//! top, costs `O(log lines)` at any document size.
//!
//! [`window_for`] picks the lines that cover a visible band plus a margin;
//! [`pieces`] cuts the document into what the view draws: runs of lines and
//! the gaps between them, with *pinned* lines (the selection's anchor line
//! while a drag goes on, the target of a jump) drawn wherever they are.
//!
//! Pure and tested natively; nothing here knows about the DOM. Measuring
//! lines and scrolling are the platform's (`crate::platform::measure`), and
//! the component that puts both together is `crate::ui::doc_window`.

use crate::core::sort;
use std::ops::Range;

/// Documents with at most this many lines…
pub const SMALL_LINES: usize = 400;
/// …and at most this many code points are drawn whole: windowing them would
/// save nothing worth its moving parts.
pub const SMALL_CHARS: usize = 60_000;

/// The most lines a window holds, whatever the heights say (a run of empty
/// lines is very short).
pub const MAX_WINDOW_LINES: usize = 600;

/// Whether a document of `lines` lines and `chars` code points is drawn
/// whole instead of windowed.
pub fn is_small(lines: usize, chars: usize) -> bool {
    lines <= SMALL_LINES && chars <= SMALL_CHARS
}

/// What the view knows about the size of text, to estimate lines it has not
/// drawn: every length is in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    /// Height of one row of text (the computed `line-height`).
    pub line_height: f64,
    /// Height of a line holding nothing but its line break.
    pub blank_height: f64,
    /// How many code points fit on one row, on average.
    pub chars_per_row: f64,
}

impl Default for Metrics {
    /// The app's defaults: 18 px text, line height 1.9, a column of about
    /// 100 Arabic characters.
    fn default() -> Self {
        Metrics::new(34.2, 0.4 * 34.2, 100.0)
    }
}

impl Metrics {
    /// Metrics with every length clamped to something usable (at least one
    /// pixel, and one character per row).
    pub fn new(line_height: f64, blank_height: f64, chars_per_row: f64) -> Self {
        let sane = |value: f64, least: f64| {
            if value.is_finite() {
                value.max(least)
            } else {
                least
            }
        };
        Metrics {
            line_height: sane(line_height, 1.0),
            blank_height: sane(blank_height, 1.0),
            chars_per_row: sane(chars_per_row, 1.0),
        }
    }

    /// The estimated height of a line of `chars` code points, its line
    /// break not counted; `0` is an empty line.
    pub fn estimate(&self, chars: usize) -> f64 {
        if chars == 0 {
            return self.blank_height;
        }
        let rows = (chars as f64 / self.chars_per_row).ceil().max(1.0);
        rows * self.line_height
    }

    /// How many rows a drawn line of height `height` takes.
    pub fn rows(&self, height: f64) -> f64 {
        (height / self.line_height).round().max(1.0)
    }

    /// These metrics with `chars_per_row` learnt from drawn lines:
    /// `samples` are `(chars, height)`; see [`RowSamples`]. Without lines
    /// that wrap the metrics stay as they are.
    pub fn learned(&self, samples: impl IntoIterator<Item = (usize, f64)>) -> Metrics {
        let mut learnt = RowSamples::default();
        for (chars, height) in samples {
            learnt.add(self, chars, height);
        }
        learnt.apply(self)
    }

    /// Whether `other` estimates noticeably differently (by more than 10 %).
    pub fn differs(&self, other: &Metrics) -> bool {
        let far = |a: f64, b: f64| (a - b).abs() > 0.1 * a.abs().max(b.abs());
        far(self.line_height, other.line_height)
            || far(self.blank_height, other.blank_height)
            || far(self.chars_per_row, other.chars_per_row)
    }
}

/// What drawn lines say about how many characters fit on a row: only
/// lines that wrap (two rows or more) count, their last row taken as half
/// full on average. Each line should be added once (when first measured),
/// so the estimate settles as more lines are drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RowSamples {
    chars: f64,
    rows: f64,
}

impl RowSamples {
    /// Counts a drawn line of `chars` code points and `height` pixels,
    /// measured in rows of `metrics`.
    pub fn add(&mut self, metrics: &Metrics, chars: usize, height: f64) {
        let rows = metrics.rows(height);
        if chars > 0 && rows >= 2.0 {
            self.chars += chars as f64;
            self.rows += rows - 0.5;
        }
    }

    /// `metrics` with the characters per row learnt, if any line wrapped.
    pub fn apply(&self, metrics: &Metrics) -> Metrics {
        if self.rows < 1.0 {
            return *metrics;
        }
        Metrics::new(
            metrics.line_height,
            metrics.blank_height,
            self.chars / self.rows,
        )
    }
}

/// Heights of a document's lines, measured or estimated, with their prefix
/// sums.
#[derive(Clone, Debug, PartialEq)]
pub struct HeightMap {
    /// Code points of each line, its line break not counted.
    sizes: Vec<usize>,
    heights: Vec<f64>,
    measured: Vec<bool>,
    /// Fenwick tree over `heights` (1-based).
    tree: Vec<f64>,
    metrics: Metrics,
}

impl HeightMap {
    /// A map of lines of `sizes` code points (line breaks not counted), every
    /// height estimated with `metrics`.
    pub fn new(sizes: Vec<usize>, metrics: Metrics) -> Self {
        let heights = sizes.iter().map(|s| metrics.estimate(*s)).collect();
        let measured = vec![false; sizes.len()];
        let mut map = HeightMap {
            sizes,
            heights,
            measured,
            tree: Vec::new(),
            metrics,
        };
        map.rebuild();
        map
    }

    /// Rebuilds the prefix sums from `heights` in `O(lines)`.
    fn rebuild(&mut self) {
        let n = self.heights.len();
        let mut tree = vec![0.0; n + 1];
        for i in 1..=n {
            tree[i] += self.heights[i - 1];
            let parent = i + (i & i.wrapping_neg());
            if parent <= n {
                let value = tree[i];
                tree[parent] += value;
            }
        }
        self.tree = tree;
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.heights.len()
    }

    /// Whether the document has no lines.
    pub fn is_empty(&self) -> bool {
        self.heights.is_empty()
    }

    /// The metrics unmeasured lines are estimated with.
    pub fn metrics(&self) -> Metrics {
        self.metrics
    }

    /// Code points of line `i`, its line break not counted.
    pub fn size(&self, i: usize) -> usize {
        self.sizes.get(i).copied().unwrap_or(0)
    }

    /// Height of line `i` (0 past the end).
    pub fn height(&self, i: usize) -> f64 {
        self.heights.get(i).copied().unwrap_or(0.0)
    }

    /// Whether line `i`'s height was measured.
    pub fn is_measured(&self, i: usize) -> bool {
        self.measured.get(i).copied().unwrap_or(false)
    }

    /// The top of line `i`: the sum of the heights of the lines before it
    /// (`i == len()` gives the total).
    pub fn top(&self, i: usize) -> f64 {
        let mut i = i.min(self.len());
        let mut sum = 0.0;
        while i > 0 {
            sum += self.tree[i];
            i &= i - 1;
        }
        sum
    }

    /// The height of the whole document.
    pub fn total(&self) -> f64 {
        self.top(self.len())
    }

    /// The height of lines `range`.
    pub fn range_height(&self, range: Range<usize>) -> f64 {
        (self.top(range.end) - self.top(range.start)).max(0.0)
    }

    /// The line that holds height `y` (the first line above 0, the last
    /// below the end); `0` for an empty document.
    pub fn line_at(&self, y: f64) -> usize {
        let n = self.len();
        if n == 0 || y <= 0.0 || y.is_nan() {
            return 0;
        }
        // Fenwick descent: the largest prefix whose sum is <= y.
        let mut pos = 0;
        let mut rest = y;
        let mut step = n.next_power_of_two();
        while step > 0 {
            let next = pos + step;
            if next <= n && self.tree[next] <= rest {
                pos = next;
                rest -= self.tree[next];
            }
            step >>= 1;
        }
        pos.min(n - 1)
    }

    fn add(&mut self, i: usize, delta: f64) {
        let mut j = i + 1;
        while j <= self.len() {
            self.tree[j] += delta;
            j += j & j.wrapping_neg();
        }
    }

    /// Records the drawn height of line `i`. Returns whether the map changed
    /// (by more than half a pixel).
    pub fn measure(&mut self, i: usize, height: f64) -> bool {
        if i >= self.len() || !height.is_finite() || height < 0.0 {
            return false;
        }
        self.measured[i] = true;
        let delta = height - self.heights[i];
        if delta.abs() <= 0.5 {
            return false;
        }
        self.heights[i] = height;
        self.add(i, delta);
        true
    }

    /// Estimates every unmeasured line again with `metrics`. Returns whether
    /// that changed anything.
    pub fn set_metrics(&mut self, metrics: Metrics) -> bool {
        if metrics == self.metrics {
            return false;
        }
        self.metrics = metrics;
        let mut changed = false;
        for i in 0..self.len() {
            if !self.measured[i] {
                let estimate = metrics.estimate(self.sizes[i]);
                changed |= (estimate - self.heights[i]).abs() > 0.5;
                self.heights[i] = estimate;
            }
        }
        if changed {
            self.rebuild();
        }
        changed
    }

    /// Forgets every measurement (the text column changed width or size)
    /// and estimates every line with `metrics`.
    pub fn forget(&mut self, metrics: Metrics) {
        self.measured.iter_mut().for_each(|m| *m = false);
        self.metrics = metrics;
        for i in 0..self.len() {
            self.heights[i] = metrics.estimate(self.sizes[i]);
        }
        self.rebuild();
    }
}

/// The lines to draw so that `band` (the visible part, in pixels from the
/// top of the text) and `margin` pixels above and below it are covered; at
/// most [`MAX_WINDOW_LINES`], centred on the band when that cuts.
pub fn window_for(map: &HeightMap, band: (f64, f64), margin: f64) -> Range<usize> {
    let n = map.len();
    if n == 0 {
        return 0..0;
    }
    let (top, bottom) = (band.0.min(band.1), band.0.max(band.1));
    let first = map.line_at(top - margin);
    let last = map.line_at(bottom + margin);
    let mut window = first..(last + 1).min(n);
    if window.len() > MAX_WINDOW_LINES {
        let middle = map.line_at((top + bottom) / 2.0);
        let start = middle
            .saturating_sub(MAX_WINDOW_LINES / 2)
            .min(n - MAX_WINDOW_LINES);
        window = start..start + MAX_WINDOW_LINES;
    }
    window
}

/// The window that shows line `line` in the middle of a band `height`
/// pixels high, with `margin`.
pub fn window_around(map: &HeightMap, line: usize, height: f64, margin: f64) -> Range<usize> {
    let middle = map.top(line) + map.height(line) / 2.0;
    let band = (middle - height / 2.0, middle + height / 2.0);
    let mut window = window_for(map, band, margin);
    if !window.contains(&line) && line < map.len() {
        window = line..line + 1;
    }
    window
}

/// Whether `window` still covers `band` with at least `slack` pixels to
/// spare on both sides (or reaches the document's edge there): if not, it
/// is time to draw another window.
pub fn covers(map: &HeightMap, window: &Range<usize>, band: (f64, f64), slack: f64) -> bool {
    if map.is_empty() {
        return true;
    }
    let top_ok = window.start == 0 || map.top(window.start) <= band.0 - slack;
    let bottom_ok = window.end >= map.len() || map.top(window.end) >= band.1 + slack;
    top_ok && bottom_ok && window.start < window.end
}

/// A part of the drawn document.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Lines drawn one by one.
    Lines(Range<usize>),
    /// Lines not drawn, standing as one block of their height.
    Gap {
        /// The lines it stands for.
        lines: Range<usize>,
        /// Their height, in pixels.
        height: f64,
    },
}

/// The document cut into drawn runs of lines and gaps: the lines of
/// `window`, plus every line of `pinned` (any order, duplicates and lines
/// past the end ignored), each gap holding the lines between.
pub fn pieces(map: &HeightMap, window: Range<usize>, pinned: &[usize]) -> Vec<Piece> {
    let n = map.len();
    let window = window.start.min(n)..window.end.min(n);
    let mut drawn: Vec<Range<usize>> = pinned
        .iter()
        .filter(|line| **line < n)
        .map(|line| *line..*line + 1)
        .collect();
    if !window.is_empty() {
        drawn.push(window);
    }
    sort::sort_by_key(&mut drawn, |r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(drawn.len());
    for range in drawn {
        match merged.last_mut() {
            Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
            _ => merged.push(range),
        }
    }
    let mut result = Vec::with_capacity(merged.len() * 2 + 1);
    let mut at = 0;
    for range in merged {
        if range.start > at {
            result.push(gap(map, at..range.start));
        }
        at = range.end;
        result.push(Piece::Lines(range));
    }
    if at < n {
        result.push(gap(map, at..n));
    }
    result
}

fn gap(map: &HeightMap, lines: Range<usize>) -> Piece {
    Piece::Gap {
        height: map.range_height(lines.clone()),
        lines,
    }
}

/// The drawn lines of `pieces`, in order.
pub fn drawn_lines(pieces: &[Piece]) -> impl Iterator<Item = usize> + '_ {
    pieces.iter().flat_map(|piece| match piece {
        Piece::Lines(range) => range.clone(),
        Piece::Gap { .. } => 0..0,
    })
}

/// The line holding code point `cp`, given the lines' start offsets in
/// order (`starts[0] == 0`); the last line for offsets past the end.
pub fn line_of(starts: &[usize], cp: usize) -> usize {
    starts.partition_point(|s| *s <= cp).saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metrics() -> Metrics {
        Metrics::new(20.0, 8.0, 50.0)
    }

    /// A document of `n` lines of varied lengths (some empty, some long).
    fn sizes(n: usize) -> Vec<usize> {
        (0..n)
            .map(|i| (i * 37) % 230 * usize::from(i % 7 != 3))
            .collect()
    }

    fn naive_top(map: &HeightMap, i: usize) -> f64 {
        (0..i).map(|j| map.height(j)).sum()
    }

    #[test]
    fn estimates_follow_length_and_blank_lines_are_short() {
        let m = metrics();
        assert_eq!(m.estimate(0), 8.0);
        assert_eq!(m.estimate(1), 20.0);
        assert_eq!(m.estimate(50), 20.0);
        assert_eq!(m.estimate(51), 40.0);
        assert_eq!(m.estimate(230), 100.0);
        let broken = Metrics::new(f64::NAN, -3.0, 0.0);
        assert!(broken.line_height >= 1.0 && broken.chars_per_row >= 1.0);
        assert!(broken.estimate(10_000).is_finite());
    }

    #[test]
    fn metrics_learn_characters_per_row_from_wrapped_lines() {
        let m = metrics();
        // Lines of 300 and 150 characters drawn on 4 and 2 rows: about 86
        // characters a row.
        let learned = m.learned([(300, 80.0), (150, 40.0), (10, 20.0), (0, 8.0)]);
        assert!((learned.chars_per_row - 450.0 / 5.0).abs() < 1e-9);
        assert!(learned.differs(&m));
        assert_eq!(
            m.learned([(10, 20.0)]),
            m,
            "no wrapped line, nothing learnt"
        );
        assert!(!m.differs(&Metrics::new(20.5, 8.0, 52.0)));
    }

    #[test]
    fn prefix_sums_and_lookups_agree_with_a_naive_sum() {
        let mut map = HeightMap::new(sizes(1000), metrics());
        for (i, h) in [(0, 33.0), (5, 1.0), (999, 400.0), (500, 0.0), (17, 61.5)] {
            map.measure(i, h);
        }
        for i in [0, 1, 2, 5, 6, 17, 499, 500, 501, 998, 999, 1000] {
            assert!((map.top(i) - naive_top(&map, i)).abs() < 1e-6, "top({i})");
        }
        assert!((map.total() - naive_top(&map, 1000)).abs() < 1e-6);
        for i in [0, 1, 4, 5, 6, 17, 501, 998, 999] {
            if map.height(i) == 0.0 {
                continue;
            }
            let top = map.top(i);
            assert_eq!(map.line_at(top), i, "the top of line {i}");
            assert_eq!(map.line_at(top + map.height(i) - 0.01), i, "inside {i}");
        }
        assert_eq!(map.line_at(-5.0), 0);
        assert_eq!(map.line_at(1e12), 999);
        assert_eq!(HeightMap::new(Vec::new(), metrics()).line_at(10.0), 0);
    }

    #[test]
    fn measuring_corrects_one_line_and_metrics_re_estimate_the_rest() {
        let mut map = HeightMap::new(vec![10, 100, 0, 10], metrics());
        assert_eq!(map.total(), 20.0 + 40.0 + 8.0 + 20.0);
        assert!(map.measure(1, 60.0));
        assert!(!map.measure(1, 60.2), "under half a pixel is no change");
        assert!(!map.measure(9, 60.0), "past the end");
        assert!(map.is_measured(1) && !map.is_measured(0));
        assert_eq!(map.top(2), 80.0);
        // Wider rows: the estimated lines shrink, the measured one stays.
        assert!(map.set_metrics(Metrics::new(10.0, 4.0, 200.0)));
        assert_eq!(map.height(1), 60.0);
        assert_eq!(map.total(), 10.0 + 60.0 + 4.0 + 10.0);
        assert!(!map.set_metrics(Metrics::new(10.0, 4.0, 200.0)));
        map.forget(metrics());
        assert!(!map.is_measured(1));
        assert_eq!(map.total(), 88.0);
    }

    #[test]
    fn a_window_covers_the_band_and_its_margin_and_is_bounded() {
        // 20,000 lines of 20 px: the window of a 900 px band with a 900 px
        // margin holds about 135 lines, wherever the band is.
        let map = HeightMap::new(vec![10; 20_000], metrics());
        for top in [0.0, 10_000.0, 200_000.0, 399_100.0] {
            let band = (top, top + 900.0);
            let window = window_for(&map, band, 900.0);
            assert!(window.len() <= 140, "{window:?}");
            assert!(map.top(window.start) <= (band.0 - 900.0).max(0.0));
            assert!(map.top(window.end) >= (band.1 + 900.0).min(map.total()));
            assert!(covers(&map, &window, band, 450.0));
            assert!(
                !covers(&map, &window, (band.0 + 2000.0, band.1 + 2000.0), 450.0)
                    || window.end == 20_000
            );
        }
        // Empty lines are short: the window is capped.
        let blank = HeightMap::new(vec![0; 50_000], Metrics::new(20.0, 0.5, 50.0));
        let window = window_for(&blank, (1000.0, 1900.0), 900.0);
        assert_eq!(window.len(), MAX_WINDOW_LINES);
        assert!(window.contains(&blank.line_at(1450.0)));
        assert_eq!(
            window_for(&HeightMap::new(Vec::new(), metrics()), (0.0, 9.0), 9.0),
            0..0
        );
    }

    #[test]
    fn a_window_around_a_line_holds_it() {
        let map = HeightMap::new(sizes(20_000), metrics());
        for line in [0, 1, 7_777, 19_999] {
            let window = window_around(&map, line, 900.0, 900.0);
            assert!(window.contains(&line), "{line}: {window:?}");
            assert!(window.len() < 200);
        }
    }

    #[test]
    fn pieces_tile_the_document_with_pinned_lines_as_islands() {
        let map = HeightMap::new(vec![10; 100], metrics());
        let cut = pieces(&map, 40..60, &[5, 41, 59, 60, 99, 500]);
        assert_eq!(
            cut,
            vec![
                Piece::Gap {
                    lines: 0..5,
                    height: 100.0
                },
                Piece::Lines(5..6),
                Piece::Gap {
                    lines: 6..40,
                    height: 680.0
                },
                Piece::Lines(40..61),
                Piece::Gap {
                    lines: 61..99,
                    height: 760.0
                },
                Piece::Lines(99..100),
            ]
        );
        let drawn: Vec<usize> = drawn_lines(&cut).collect();
        assert_eq!(drawn.len(), 1 + 21 + 1);
        // The heights of gaps and drawn lines add up to the document's.
        let total: f64 = cut
            .iter()
            .map(|p| match p {
                Piece::Lines(r) => map.range_height(r.clone()),
                Piece::Gap { height, .. } => *height,
            })
            .sum();
        assert_eq!(total, map.total());
        assert_eq!(pieces(&map, 0..100, &[]), vec![Piece::Lines(0..100)]);
        assert_eq!(
            pieces(&HeightMap::new(Vec::new(), metrics()), 0..0, &[3]),
            vec![]
        );
    }

    #[test]
    fn lines_are_found_by_offset() {
        let starts = [0, 5, 6, 20];
        assert_eq!(line_of(&starts, 0), 0);
        assert_eq!(line_of(&starts, 4), 0);
        assert_eq!(line_of(&starts, 5), 1);
        assert_eq!(line_of(&starts, 6), 2);
        assert_eq!(line_of(&starts, 19), 2);
        assert_eq!(line_of(&starts, 20), 3);
        assert_eq!(line_of(&starts, 10_000), 3);
        assert_eq!(line_of(&[], 3), 0);
    }

    #[test]
    fn small_documents_are_drawn_whole() {
        assert!(is_small(49, 7_000));
        assert!(is_small(SMALL_LINES, SMALL_CHARS));
        assert!(!is_small(SMALL_LINES + 1, 100));
        assert!(!is_small(10, SMALL_CHARS + 1));
    }
}
