//! How Wasim's dialogs and popovers close and where the focus goes: one
//! hook for the modal dialogs (the shortcut sheet, the Team panel), one
//! for the toolbar's popovers (reading settings, past messages), so each
//! kind behaves the same everywhere.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node};
use yew::prelude::*;

use crate::platform::focus;

/// Focus for a modal dialog whose element is `node`. When it opens, the
/// focus moves into it (see [`focus::focus_into`]); Tab and Shift+Tab go
/// round its controls and never leave it; Esc calls `on_close` from anywhere in it,
/// fields included; when it closes, the focus goes back where it was
/// (unless the dialog gave it to something else as it closed).
/// Returns the dialog's `onkeydown`; Esc goes no further (the page's own
/// Esc would act again), other keys do.
#[hook]
pub fn use_modal(node: NodeRef, on_close: Callback<()>) -> Callback<KeyboardEvent> {
    {
        let node = node.clone();
        use_effect_with((), move |_| {
            let opener = focus::focused();
            if let Some(root) = node.cast::<Element>() {
                focus::focus_into(&root);
            }
            move || {
                // Only focus that the closing lost goes back: a dialog that
                // sent it somewhere on purpose (Adjudicate, to the text)
                // keeps that.
                let lost = focus::focused().is_none_or(|f| {
                    !f.is_connected()
                        || node
                            .cast::<Element>()
                            .is_some_and(|root| root.contains(Some(&f)))
                });
                if let Some(opener) = opener.filter(|o| lost && o.is_connected()) {
                    let _ = opener.focus();
                }
            }
        });
    }
    Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
        "Escape" => {
            event.stop_propagation();
            event.prevent_default();
            on_close.emit(());
        }
        "Tab" => {
            if let Some(root) = node.cast::<Element>() {
                focus::wrap_tab(&root, &event);
            }
        }
        _ => {}
    })
}

/// Closes a popover while it is `open`: with Esc from anywhere on the
/// page, or a press anywhere outside `root` (the element that holds the
/// popover and the button that opens it, so that button still toggles).
/// Esc from inside gives the focus back to that button, the first in
/// `root`.
#[hook]
pub fn use_dismiss(open: UseStateHandle<bool>, root: NodeRef) {
    let is_open = *open;
    use_effect_with(is_open, move |is_open| {
        let listeners = is_open.then(|| {
            let document = gloo::utils::document();
            let (shut, inside) = (open.clone(), root.clone());
            let press = EventListener::new(&document, "pointerdown", move |event| {
                let target = event.target().and_then(|t| t.dyn_into::<Node>().ok());
                let within = inside
                    .cast::<Element>()
                    .is_some_and(|root| root.contains(target.as_ref()));
                if !within {
                    shut.set(false);
                }
            });
            let key = EventListener::new(&document, "keydown", move |event| {
                let escape = event
                    .dyn_ref::<web_sys::KeyboardEvent>()
                    .is_some_and(|k| k.key() == "Escape");
                if !escape {
                    return;
                }
                if let Some(root) = root.cast::<Element>() {
                    // The popover's own controls would go with it: its
                    // button, the first control of `root`, takes the focus.
                    if focus::focused().is_some_and(|f| root.contains(Some(&f))) {
                        focus::focus_into(&root);
                    }
                }
                open.set(false);
            });
            (press, key)
        });
        move || drop(listeners)
    });
}
