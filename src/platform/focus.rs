//! Keyboard focus for modal dialogs: the element that has it, the controls
//! inside a dialog, and Tab kept inside one.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

/// What Tab can reach (those that are disabled or hidden are left out after).
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex=\"-1\"])";

/// The element that has the keyboard focus, if any but the page's body.
pub fn focused() -> Option<HtmlElement> {
    let document = gloo::utils::document();
    let active = document.active_element()?;
    let body: Option<Element> = document.body().map(Into::into);
    if body.as_ref() == Some(&active) {
        return None;
    }
    active.dyn_into().ok()
}

/// The controls of `root` that Tab reaches, in document order: laid out
/// ones only (a control in a folded `<details>` has no box).
fn controls(root: &Element) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .filter(|element| element.offset_width() > 0 || element.offset_height() > 0)
        .collect()
}

/// Moves the focus into `root`: to `root` itself when it can take it
/// (`tabindex="-1"`: a screen reader then reads the dialog from its
/// title, and no control is pressed by an Enter meant for something
/// else), otherwise to its first control.
pub fn focus_into(root: &Element) {
    let target = if root.has_attribute("tabindex") {
        root.dyn_ref::<HtmlElement>().cloned()
    } else {
        controls(root).into_iter().next()
    };
    if let Some(target) = target {
        let _ = target.focus();
    }
}

/// Keeps a Tab keydown inside `root`: from its last control to its first,
/// with Shift from its first to its last, and from anywhere outside it to
/// its first. Other moves are the browser's.
pub fn wrap_tab(root: &Element, event: &KeyboardEvent) {
    let list = controls(root);
    let (Some(first), Some(last)) = (list.first(), list.last()) else {
        return;
    };
    let active = gloo::utils::document().active_element();
    let is = |control: &HtmlElement| active.as_ref() == Some(control.as_ref());
    let inside = active.as_ref().is_some_and(|a| root.contains(Some(a)));
    let target = if !inside {
        Some(first)
    } else if event.shift_key() && (is(first) || active.as_ref() == Some(root)) {
        Some(last)
    } else if !event.shift_key() && is(last) {
        Some(first)
    } else {
        None
    };
    if let Some(target) = target {
        event.prevent_default();
        let _ = target.focus();
    }
}

/// Gives the keyboard focus to the first element matching `selector`;
/// returns whether there was one that took it.
pub fn focus_selector(selector: &str) -> bool {
    gloo::utils::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}
