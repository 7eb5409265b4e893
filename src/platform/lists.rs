//! What a windowed list needs from the browser: where its scroller's visible
//! band falls on the list, the height of its rows, scrolling by a number of
//! pixels, focusing a row, and hearing about scrolls and resizes.
//!
//! The arithmetic (which rows to draw, how far to scroll) is the core's
//! ([`crate::core::window`]); this module only measures and moves. A list is
//! an element whose element children are its drawn rows, padded above by the
//! height of the rows that are not drawn; the element that scrolls it is
//! found as the document view's is ([`super::selection::scroller`]).

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, Node};

use super::selection::{scroller, visible_band};
use crate::core::window::Band;

/// The part of `list` its scroller shows, in pixels from the top of the
/// list's first row (drawn or not).
pub fn band(list: &Element) -> Band {
    let origin = list.get_bounding_client_rect().top() + f64::from(list.client_top());
    let (top, bottom) = match scroller(list) {
        Some(scroller) => visible_band(&scroller),
        None => (0.0, window_height()),
    };
    Band {
        top: top - origin,
        bottom: bottom - origin,
    }
}

fn window_height() -> f64 {
    web_sys::window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0)
}

/// The distance from one drawn row to the next (the height of the first
/// when only one is drawn); `None` while no row is laid out.
pub fn row_pitch(list: &Element) -> Option<f64> {
    let rows = list.children();
    let first = rows.item(0)?.get_bounding_client_rect();
    let pitch = match rows.item(1) {
        Some(second) => second.get_bounding_client_rect().top() - first.top(),
        None => first.height(),
    };
    (pitch.is_finite() && pitch > 0.0).then_some(pitch)
}

/// Whether `list` scrolls with the page, having no scroller of its own (the
/// narrow layout, where the panels stack and the page scrolls).
pub fn scrolls_with_page(list: &Element) -> bool {
    scroller(list) == gloo::utils::document().scrolling_element()
}

/// Scrolls whatever scrolls `list` by `dy` pixels (down when positive).
pub fn scroll_by(list: &Element, dy: f64) {
    if dy == 0.0 {
        return;
    }
    match scroller(list) {
        Some(scroller) => scroller.scroll_by_with_x_and_y(0.0, dy),
        None => {
            if let Some(window) = web_sys::window() {
                window.scroll_by_with_x_and_y(0.0, dy);
            }
        }
    }
}

/// Focuses the `index`-th drawn row of `list`, or the first control inside
/// it when the row itself cannot take the focus. Returns whether a row
/// was there.
pub fn focus_row(list: &Element, index: usize) -> bool {
    let Some(row) = list.children().item(index as u32) else {
        return false;
    };
    let target = if row.has_attribute("tabindex") {
        Some(row)
    } else {
        row.query_selector("button, a[href], input, [tabindex]")
            .ok()
            .flatten()
    };
    if let Some(element) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
        let _ = element.focus();
    }
    true
}

/// Which drawn row of `list` holds `target` (an event's target): its index
/// among the list's element children.
pub fn row_of(list: &Element, target: &web_sys::EventTarget) -> Option<usize> {
    let node = target.dyn_ref::<Node>()?;
    let mut element = match node.dyn_ref::<Element>() {
        Some(element) => element.clone(),
        None => node.parent_element()?,
    };
    loop {
        let parent = element.parent_element()?;
        if &parent == list {
            break;
        }
        element = parent;
    }
    let rows = list.children();
    (0..rows.length())
        .find(|&i| rows.item(i).as_ref() == Some(&element))
        .map(|i| i as usize)
}

/// Calls `changed` before the next frame after any scroll that can move
/// `list` (of an ancestor or of the page) and after the window is resized.
/// The listeners stay while the returned guards are kept.
///
/// However many scroll events come before that frame, `changed` runs once,
/// in one callback with every other list's ([`before_next_frame`]): a list
/// measures the layout and at most schedules a draw, so all of them read
/// one layout. Run from each scroll event, the lists of one scroller each
/// measured a layout the one before had just changed by drawing (four
/// forced layouts for the entities panel's four groups).
pub fn on_scroll_or_resize(list: Element, changed: impl Fn() + 'static) -> [EventListener; 2] {
    let changed: Rc<dyn Fn()> = Rc::new(changed);
    let on_scroll = {
        let changed = changed.clone();
        // Scroll events do not bubble: listen in the capture phase, which
        // sees every element's.
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: true,
        };
        EventListener::new_with_options(&gloo::utils::document(), "scroll", options, move |event| {
            let moves_list = match event.target() {
                Some(target) => match target.dyn_ref::<Node>() {
                    Some(node) if node.node_type() == Node::DOCUMENT_NODE => true,
                    Some(node) => node.contains(Some(list.as_ref())),
                    None => true,
                },
                None => false,
            };
            if moves_list {
                before_next_frame(&changed);
            }
        })
    };
    let on_resize = EventListener::new(&gloo::utils::window(), "resize", move |_| {
        before_next_frame(&changed)
    });
    [on_scroll, on_resize]
}

thread_local! {
    /// What scrolling or resizing asked to run before the next frame.
    static BEFORE_NEXT_FRAME: RefCell<Vec<Rc<dyn Fn()>>> = const { RefCell::new(Vec::new()) };
}

/// Runs `f` before the next frame, once, in one callback with everything
/// else asked for by then.
fn before_next_frame(f: &Rc<dyn Fn()>) {
    let first = BEFORE_NEXT_FRAME.with(|queue| {
        let mut queue = queue.borrow_mut();
        let first = queue.is_empty();
        if !queue.iter().any(|queued| Rc::ptr_eq(queued, f)) {
            queue.push(f.clone());
        }
        first
    });
    if first {
        next_frame(|| {
            let queued = BEFORE_NEXT_FRAME.with(|queue| std::mem::take(&mut *queue.borrow_mut()));
            for f in queued {
                f();
            }
        });
    }
}

/// Calls `f` before the browser draws its next frame, when the layout it
/// reads is one the browser computes anyway.
pub fn next_frame(f: impl FnOnce() + 'static) {
    if let Some(window) = web_sys::window() {
        let callback = wasm_bindgen::closure::Closure::once_into_js(f);
        let _ = window.request_animation_frame(callback.unchecked_ref());
    }
}
