//! The window of the open document: which lines the document view draws,
//! kept in step with scrolling, and [`when_drawn`], which brings any place
//! of the document into the window before acting on it.
//!
//! The arithmetic (height map, window, gaps) is the core's
//! ([`crate::core::viewport`]); DOM reads are the platform's
//! ([`crate::platform::measure`]). This module keeps the state between the
//! two and the rules:
//! - scrolling draws another window once the visible part gets within half
//!   a screen of the window's edge (a screen of margin on both sides);
//! - every drawn line is measured after drawing and the height map
//!   corrected; the first visible line is taken as an anchor before each
//!   draw and put back where it was after it, so corrected estimates never
//!   move what the user is reading; when the text reflows (a panel opens,
//!   the window or the reading size changes), a size observer forgets the
//!   measures and puts back the line that was at the top;
//! - the lines holding the DOM selection's anchor and focus stay drawn
//!   (pinned) wherever the window goes, so a drag that auto-scrolls far away,
//!   or a keyboard selection scrolled out of sight, keeps its DOM nodes;
//! - [`when_drawn`] draws the lines of a place (centring the window on it
//!   and pinning them), then runs its action once they are in the DOM: undo
//!   showing its change, search results, the entities panel, Tab between
//!   spans, keyboard moves, resuming a scroll position.
//!
//! Small documents ([`crate::core::viewport::is_small`]) are drawn whole;
//! for them every request is served at once.

use crate::core::sort;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::Element;
use yew::NodeRef;

use crate::core::model::DocId;
use crate::core::text::CharRange;
use crate::core::viewport::{
    HeightMap, Metrics, Piece, RowSamples, covers, is_small, line_of, pieces, window_around,
    window_for,
};
use crate::platform::highlight;
use crate::platform::measure::{
    TextBox, band_height, content_band, first_visible, line_element, line_heights, line_visible,
    restore_anchor, text_box,
};
use crate::platform::selection::doc_view_root;

/// An action to run on the view once a place is drawn.
type Then = Box<dyn FnOnce(&Element)>;

/// How many screens of text are drawn above and below the visible part.
const MARGIN_SCREENS: f64 = 1.0;

/// The state of the open document's window.
#[derive(Default)]
pub struct DocWindow {
    doc: Option<DocId>,
    /// First code point of each line.
    starts: Rc<Vec<usize>>,
    /// The text's length in code points.
    text_len: usize,
    small: bool,
    map: Option<HeightMap>,
    /// The lines drawn around the visible part.
    window: Range<usize>,
    /// Lines of the DOM selection's anchor and focus.
    selection_pins: Vec<usize>,
    /// Lines of places asked for by [`when_drawn`].
    jump_pins: Vec<usize>,
    /// A line to centre the window on at the next draw.
    jump_to: Option<usize>,
    /// Whether the last draw centred the window on a jump, whose actions
    /// are waiting.
    jumped: bool,
    after_draw: Vec<Then>,
    /// The first visible line (its first code point) and its offset from
    /// the top of the visible part, taken before a draw.
    anchor: Option<(usize, f64)>,
    /// The pieces drawn last.
    drawn: Vec<Piece>,
    /// The first visible line and its offset when the view was last still
    /// (after a draw, after a scroll), to put back when the text reflows.
    resting: Option<(usize, f64)>,
    /// The text's size when lines were last measured.
    text_box: Option<TextBox>,
    /// Whether the drawn lines changed since search highlights were painted.
    repaint: bool,
    /// What drawn lines taught about characters per row.
    samples: RowSamples,
    /// Whether nothing was drawn for this document yet (the DOM still shows
    /// another one, so there is no anchor to keep).
    fresh: bool,
    /// Whether the last draw drew the same lines as the one before, only
    /// their spans changed: highlights are backgrounds that never change a
    /// line's size, so nothing moved and [`WindowHandle::settle`] measures
    /// nothing (measuring there would force a layout of the page in the
    /// middle of every edit).
    same_lines: bool,
}

impl DocWindow {
    /// Starts over for the document `doc` whose lines start at `starts`
    /// and hold `sizes` code points (line breaks not counted). Keeps what
    /// was learnt about the size of text.
    pub fn reset(
        &mut self,
        doc: Option<DocId>,
        starts: Rc<Vec<usize>>,
        sizes: Vec<usize>,
        text_len: usize,
        root: Option<&Element>,
    ) {
        let metrics = self.metrics(root);
        self.small = is_small(sizes.len(), text_len);
        let map = HeightMap::new(sizes, metrics);
        let height = band_height(root);
        self.window = if self.small {
            0..map.len()
        } else {
            window_for(&map, (0.0, height), height * MARGIN_SCREENS)
        };
        self.doc = doc;
        self.starts = starts;
        self.text_len = text_len;
        self.map = Some(map);
        self.selection_pins.clear();
        self.jump_pins.clear();
        self.jump_to = None;
        self.jumped = false;
        self.after_draw.clear();
        self.anchor = None;
        self.resting = None;
        self.repaint = true;
        self.fresh = true;
    }

    /// The document the window is for.
    pub fn doc(&self) -> Option<DocId> {
        self.doc
    }

    /// The metrics to estimate a new document with: those learnt, with the
    /// line height of the text as drawn now.
    fn metrics(&self, root: Option<&Element>) -> Metrics {
        let learnt = self.map.as_ref().map(HeightMap::metrics);
        match (root.and_then(text_box), learnt) {
            (Some(size), Some(learnt)) if Some(size) == self.text_box => learnt,
            (Some(size), _) => guess(size),
            (None, Some(learnt)) => learnt,
            (None, None) => Metrics::default(),
        }
    }

    /// What to draw now: runs of lines and gaps. Takes the anchor to keep
    /// (`root` is the view as drawn before).
    pub fn pieces(&mut self, root: Option<&Element>) -> Vec<Piece> {
        let Some(map) = self.map.as_ref() else {
            return Vec::new();
        };
        if self.small {
            return pieces(map, 0..map.len(), &[]);
        }
        if let Some(line) = self.jump_to.take() {
            let height = band_height(root);
            self.window = window_around(map, line, height, height * MARGIN_SCREENS);
            self.jumped = true;
        }
        let fresh = std::mem::take(&mut self.fresh);
        let mut pinned = self.selection_pins.clone();
        pinned.extend_from_slice(&self.jump_pins);
        let cut = pieces(map, self.window.clone(), &pinned);
        self.same_lines = !fresh && !self.jumped && cut == self.drawn;
        self.anchor = if fresh || self.same_lines {
            None
        } else {
            root.and_then(first_visible)
        };
        if cut != self.drawn {
            self.repaint = true;
        }
        self.drawn = cut.clone();
        cut
    }

    /// The first code point of line `i` and of the line after it.
    pub fn line_bounds(&self, i: usize) -> (usize, usize) {
        let start = self.starts.get(i).copied().unwrap_or(self.text_len);
        let end = self.starts.get(i + 1).copied().unwrap_or(self.text_len);
        (start, end)
    }

    fn line_of(&self, cp: usize) -> usize {
        line_of(&self.starts, cp)
    }

    /// Whether every line of `lines` is drawn.
    fn all_drawn(&self, lines: &[usize]) -> bool {
        self.small
            || lines.iter().all(|line| {
                self.drawn.iter().any(|p| match p {
                    Piece::Lines(range) => range.contains(line),
                    Piece::Gap { .. } => false,
                })
            })
    }

    /// The lines that hold the ends of `range`.
    fn lines_of(&self, range: CharRange) -> Vec<usize> {
        let first = self.line_of(range.start());
        let last = self.line_of(range.end().saturating_sub(1).max(range.start()));
        if first == last {
            vec![first]
        } else {
            vec![first, last]
        }
    }

    /// Scrolling moved the visible part to `band`: whether another window
    /// must be drawn (it is chosen here).
    pub fn scrolled(&mut self, band: (f64, f64)) -> bool {
        let Some(map) = self.map.as_ref().filter(|_| !self.small) else {
            return false;
        };
        let height = (band.1 - band.0).max(1.0);
        if covers(map, &self.window, band, height * MARGIN_SCREENS / 2.0) {
            return false;
        }
        self.window = window_for(map, band, height * MARGIN_SCREENS);
        true
    }

    /// The lines holding the selection's ends are now `lines`: whether that
    /// changes what must be drawn.
    pub fn pin_selection(&mut self, mut lines: Vec<usize>) -> bool {
        if self.small {
            return false;
        }
        sort::sort(&mut lines);
        lines.dedup();
        if lines == self.selection_pins {
            return false;
        }
        let newly_needed = !self.all_drawn(&lines);
        self.selection_pins = lines;
        // Unpinning lines never needs a draw at once: they go with the next.
        newly_needed
    }

    /// Measures the lines just drawn and corrects the height map; returns
    /// whether anything changed that needs another draw.
    fn measure(&mut self, root: &Element) -> bool {
        let Some(map) = self.map.as_mut() else {
            return false;
        };
        let mut changed = false;
        let size = text_box(root);
        if let Some(size) = size.filter(|size| Some(*size) != self.text_box) {
            let resized = self.text_box.is_some();
            self.text_box = Some(size);
            if resized {
                // Another width or text size: every measure is stale.
                map.forget(guess_from(size, map.metrics()));
                self.samples = RowSamples::default();
                changed = true;
            }
        }
        let metrics = map.metrics();
        for (start, height) in line_heights(root) {
            let i = line_of(&self.starts, start);
            if !map.is_measured(i) {
                self.samples.add(&metrics, map.size(i), height);
            }
            changed |= map.measure(i, height);
        }
        let learnt = self.samples.apply(&metrics);
        if learnt.differs(&metrics) {
            changed |= map.set_metrics(learnt);
        }
        if changed {
            // The window may no longer reach the visible part's edges.
            if let Some(band) = self.map_band(root) {
                self.scrolled(band);
            }
        }
        changed
    }

    /// The visible part of `root` in the height map's pixels. The DOM's
    /// gaps may still hold heights the map has just corrected, so the band
    /// is placed from the first visible line (which the next draw keeps in
    /// place) rather than from the top of the text.
    fn map_band(&self, root: &Element) -> Option<(f64, f64)> {
        let (top, bottom) = content_band(root)?;
        let map = self.map.as_ref()?;
        Some(match first_visible(root) {
            Some((start, offset)) => {
                let at = map.top(line_of(&self.starts, start)) - offset;
                (at, at + (bottom - top))
            }
            None => (top, bottom),
        })
    }
}

/// Metrics for text of `size`, not measured yet: Arabic text at about
/// 0.45 em a character.
fn guess(size: TextBox) -> Metrics {
    Metrics::new(
        size.line_height,
        0.4 * size.line_height,
        size.width / (0.45 * size.font_size.max(1.0)),
    )
}

/// Metrics for text of `size`, scaling what was learnt at another size.
fn guess_from(size: TextBox, before: Metrics) -> Metrics {
    let fresh = guess(size);
    Metrics::new(
        fresh.line_height,
        before.blank_height * fresh.line_height / before.line_height,
        fresh.chars_per_row,
    )
}

/// A running size observer (see [`WindowHandle::observe_size`]).
pub struct SizeObserver {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for SizeObserver {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// What the document view shares with [`when_drawn`] and its listeners.
#[derive(Clone)]
pub struct WindowHandle {
    /// The window's state.
    pub window: Rc<RefCell<DocWindow>>,
    /// Draws the view again.
    pub redraw: Rc<dyn Fn()>,
    /// The view's root (`.doc-text`).
    pub root: NodeRef,
}

thread_local! {
    static VIEW: RefCell<Option<WindowHandle>> = const { RefCell::new(None) };
}

impl WindowHandle {
    /// Makes this the view [`when_drawn`] works on.
    pub fn register(&self) {
        VIEW.with(|v| *v.borrow_mut() = Some(self.clone()));
    }

    /// Forgets this view, if it is the registered one.
    pub fn unregister(&self) {
        VIEW.with(|v| {
            let mut v = v.borrow_mut();
            if v.as_ref()
                .is_some_and(|h| Rc::ptr_eq(&h.window, &self.window))
            {
                *v = None;
            }
        });
    }

    fn root(&self) -> Option<Element> {
        self.root.cast::<Element>()
    }

    /// Asks for `range` to be drawn, then `then` to run (see [`when_drawn`]).
    fn request(&self, range: CharRange, then: Then) {
        let waiting = {
            let mut window = self.window.borrow_mut();
            let lines = window.lines_of(range);
            if window.all_drawn(&lines) && window.after_draw.is_empty() && !window.jumped {
                Some(then)
            } else {
                if window.after_draw.is_empty() {
                    window.jump_pins.clear();
                }
                window.jump_pins.extend_from_slice(&lines);
                window.jump_to = lines.first().copied();
                window.after_draw.push(then);
                None
            }
        };
        match waiting {
            Some(then) => {
                if let Some(root) = self.root() {
                    then(&root);
                }
            }
            None => (self.redraw)(),
        }
    }

    /// After a draw: keeps the anchor, scrolls to a jump and runs what
    /// waited for it, measures the drawn lines, repaints search highlights,
    /// and draws again when the measures changed the picture.
    pub fn settle(&self) {
        let Some(root) = self.root() else {
            return;
        };
        let (jumped, anchor, small, same_lines) = {
            let mut window = self.window.borrow_mut();
            let jumped = std::mem::take(&mut window.jumped);
            let same_lines = std::mem::take(&mut window.same_lines);
            (jumped, window.anchor.take(), window.small, same_lines)
        };
        if let Some((start, offset)) = anchor {
            restore_anchor(&root, start, offset);
        }
        let waiting = if jumped || small {
            std::mem::take(&mut self.window.borrow_mut().after_draw)
        } else {
            Vec::new()
        };
        if jumped {
            self.show_jump(&root);
        }
        for then in waiting {
            then(&root);
        }
        if !small && !same_lines {
            self.remeasure();
        }
    }

    /// Measures the drawn lines (the text may have changed size), repaints
    /// search highlights in newly drawn lines, and draws again when the
    /// measures changed the picture.
    pub fn remeasure(&self) {
        let Some(root) = self.root() else {
            return;
        };
        let (changed, repaint) = {
            let mut window = self.window.borrow_mut();
            if window.small || window.map.is_none() {
                return;
            }
            // The text changed size (a panel, the window, the reading
            // size): lines reflowed, so what was at the top has moved. Put
            // it back first.
            let resized = window.text_box.is_some() && window.text_box != text_box(&root);
            if let Some((start, offset)) = window.resting.filter(|_| resized) {
                restore_anchor(&root, start, offset);
            }
            let changed = window.measure(&root);
            if !changed {
                window.resting = first_visible(&root);
            }
            (changed, std::mem::take(&mut window.repaint))
        };
        if repaint {
            highlight::repaint(&root);
        }
        if changed {
            (self.redraw)();
        }
    }

    /// Calls [`WindowHandle::remeasure`] whenever the view changes size (a
    /// side panel opens, the window is resized, the reading size changes);
    /// the observer stops when the returned value is dropped.
    pub fn observe_size(&self) -> Option<SizeObserver> {
        let root = self.root()?;
        let handle = self.clone();
        let callback = Closure::<dyn FnMut()>::new(move || handle.remeasure());
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(&root);
        Some(SizeObserver {
            observer,
            _callback: callback,
        })
    }

    /// Scrolls the first line asked for into the middle of the view when
    /// it is not visible.
    fn show_jump(&self, root: &Element) {
        let target = {
            let window = self.window.borrow();
            window
                .jump_pins
                .first()
                .map(|line| window.line_bounds(*line).0)
        };
        if let Some(start) = target.filter(|start| !line_visible(root, *start))
            && let Some(line) = line_element(root, start)
        {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            line.scroll_into_view_with_scroll_into_view_options(&options);
        }
    }

    /// The view was scrolled: draws another window if needed.
    pub fn on_scroll(&self) {
        let Some(root) = self.root() else {
            return;
        };
        // The selection's lines, read now: a selection made just before
        // the scroll may not have had its `selectionchange` yet, and the
        // draw the scroll asks for dropped its line (the selection went
        // with its nodes, so the event came too late to keep it).
        let ends = crate::platform::selection::selection_line_starts(&root);
        let redraw = {
            let mut window = self.window.borrow_mut();
            window.resting = first_visible(&root);
            let lines = ends.iter().map(|start| window.line_of(*start)).collect();
            let pinned = window.pin_selection(lines);
            let moved = match window.map_band(&root) {
                Some(band) => window.scrolled(band),
                None => false,
            };
            pinned || moved
        };
        if redraw {
            (self.redraw)();
        }
    }

    /// The DOM selection changed: keeps its lines drawn.
    pub fn on_selection(&self) {
        let Some(root) = self.root() else { return };
        let ends = crate::platform::selection::selection_line_starts(&root);
        let redraw = {
            let mut window = self.window.borrow_mut();
            let lines = ends.iter().map(|start| window.line_of(*start)).collect();
            window.pin_selection(lines)
        };
        if redraw {
            (self.redraw)();
        }
    }
}

/// Runs `then` with the open document's view once the lines holding the
/// ends of `range` are drawn: at once when they are, else after the window
/// has moved there (centred on the start of `range`) and been drawn. Those
/// lines stay drawn until the next request, so a selection made by `then`
/// keeps its DOM nodes.
pub fn when_drawn(range: CharRange, then: impl FnOnce(&Element) + 'static) {
    let handle = VIEW.with(|v| v.borrow().clone());
    match handle {
        Some(handle) => handle.request(range, Box::new(then)),
        None => {
            if let Some(root) = doc_view_root() {
                then(&root);
            }
        }
    }
}
