//! Keyboard focus: the element that has it, the controls inside a dialog,
//! Tab kept inside one, and focus kept on the page when the control that
//! had it goes away ([`keep_when_removed`]).

use std::cell::RefCell;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use web_sys::{Element, FocusEvent, HtmlElement, KeyboardEvent};

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

/// Whether `element` keeps the keys for itself, so the app's shortcuts must
/// not fire in it: a text field, a checkbox, a menu, editable text, or a
/// panel's resize handle (its arrow keys).
pub fn is_field(element: &HtmlElement) -> bool {
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable()
        || element
            .get_attribute("role")
            .is_some_and(|r| r == "separator")
}

/// Gives the keyboard focus to the document's text without scrolling it
/// (the text stays where the user was reading); whether it took it.
pub fn focus_text() -> bool {
    gloo::utils::document()
        .query_selector("[data-testid='doc-text']")
        .ok()
        .flatten()
        .is_some_and(|text| focus_on_or_in(&text))
}

/// How far up from a removed control [`keep_when_removed`] looks for a
/// neighbour before it gives up and goes to the text.
const LEVELS: usize = 4;

/// Where the focused control stood: itself and its first ancestors, each
/// with the elements beside it.
struct Place {
    levels: Vec<Level>,
}

/// One element of a [`Place`] and its neighbours.
struct Level {
    element: Element,
    next: Option<Element>,
    previous: Option<Element>,
}

thread_local! {
    static LAST: RefCell<Option<Place>> = const { RefCell::new(None) };
    /// The focused control a scroll last took out of view, if any: a
    /// windowed list then stops drawing it, which is no reason to move the
    /// focus (the list would be pulled back to it).
    static SCROLLED_OUT: RefCell<Option<Element>> = const { RefCell::new(None) };
}

/// Keeps the keyboard focus on the page when the control that had it is
/// removed (a span deleted from its panel, a document removed from the list,
/// a message dismissed, a confirm button gone): the browser would leave it on
/// `<body>`, so Tab would start over at the top and a screen reader would
/// lose its place. The focus goes to the control that took the removed one's
/// place (its next neighbour, else its previous one, at the nearest level
/// where one is left), else to the document's text, without scrolling;
/// and not when a scrolled list stops drawing the row that had it, which a
/// scroll took out of view. Dialogs, which give the focus back to their
/// opener, are left alone: the focus is then not lost.
/// Installed once, at start; the listeners live as long as the page.
pub fn keep_when_removed() {
    let document = gloo::utils::document();
    let capture = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: true,
    };
    EventListener::new_with_options(&document, "focusin", capture, |event| {
        let place = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .map(place_of);
        LAST.with(|last| *last.borrow_mut() = place);
    })
    .forget();
    EventListener::new_with_options(&document, "scroll", capture, |event| {
        let scroller = event.target().and_then(|t| t.dyn_into::<Element>().ok());
        let out = focused().filter(|f| {
            scroller
                .as_ref()
                .is_some_and(|s| s.contains(Some(f)) && out_of_view(f, s))
        });
        SCROLLED_OUT.with(|s| *s.borrow_mut() = out.map(Into::into));
    })
    .forget();
    EventListener::new_with_options(&document, "focusout", capture, |event| {
        let to_nowhere = event
            .dyn_ref::<FocusEvent>()
            .is_some_and(|e| e.related_target().is_none());
        if to_nowhere {
            // After the render that removed it, and any dialog's own restore.
            gloo::timers::callback::Timeout::new(0, restore_if_lost).forget();
        }
    })
    .forget();
}

/// Whether `element` lies wholly outside what `scroller` shows.
fn out_of_view(element: &Element, scroller: &Element) -> bool {
    let (e, s) = (
        element.get_bounding_client_rect(),
        scroller.get_bounding_client_rect(),
    );
    e.bottom() <= s.top() || e.top() >= s.bottom() || e.right() <= s.left() || e.left() >= s.right()
}

/// Whether the removed control was one a scroll had taken out of view (see
/// [`SCROLLED_OUT`]).
fn scrolled_away(place: &Place) -> bool {
    let out = SCROLLED_OUT.with(|s| s.borrow_mut().take());
    out.is_some_and(|out| place.levels.first().is_some_and(|l| l.element == out))
}

/// `element`'s [`Place`].
fn place_of(element: Element) -> Place {
    let mut levels = Vec::with_capacity(LEVELS);
    let mut at = Some(element);
    while let Some(element) = at.filter(|_| levels.len() < LEVELS) {
        at = element.parent_element();
        levels.push(Level {
            next: element.next_element_sibling(),
            previous: element.previous_element_sibling(),
            element,
        });
    }
    Place { levels }
}

/// Moves the focus to the removed control's neighbour, or to the text, when
/// it is on `<body>` because that control left the page.
fn restore_if_lost() {
    if focused().is_some() {
        return;
    }
    let Some(place) = LAST.with(|last| last.borrow_mut().take()) else {
        return;
    };
    if scrolled_away(&place) {
        return;
    }
    if place
        .levels
        .first()
        .is_none_or(|l| l.element.is_connected())
    {
        return;
    }
    for level in &place.levels {
        if level.element.is_connected() {
            // The nearest ancestor still drawn: a control in it, or the
            // text (higher up, the first control would be anywhere).
            if focus_on_or_in(&level.element) {
                return;
            }
            break;
        }
        let beside = [&level.next, &level.previous];
        if beside
            .into_iter()
            .flatten()
            .any(|e| e.is_connected() && focus_on_or_in(e))
        {
            return;
        }
    }
    focus_text();
}

/// Focuses `element` if Tab reaches it, else its first control; whether
/// one took the focus. Fields are passed over (text boxes, checkboxes,
/// menus, a resize handle): the app's shortcuts do not fire in them, so
/// Ctrl+Z right after a click on a button that went away would undo the
/// field's typing instead of the action.
fn focus_on_or_in(element: &Element) -> bool {
    let takes = |e: &HtmlElement| !is_field(e) && (e.offset_width() > 0 || e.offset_height() > 0);
    let itself = element
        .dyn_ref::<HtmlElement>()
        .filter(|e| element.matches(FOCUSABLE).unwrap_or(false) && takes(e));
    let target = itself
        .cloned()
        .or_else(|| controls(element).into_iter().find(|c| takes(c)));
    // Where the user is looking stays put: the focus moves, the page does not.
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    target.is_some_and(|t| {
        t.focus_with_options(&options).is_ok() && focused().is_some_and(|f| f == t)
    })
}
