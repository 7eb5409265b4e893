//! The keyboard side of Wasim's modal dialogs (the shortcut sheet, the
//! Team panel): one hook, so every dialog behaves the same.

use web_sys::Element;
use yew::prelude::*;

use crate::platform::focus;

/// Focus for a modal dialog whose element is `node`. When it opens, the
/// focus moves into it (see [`focus::focus_into`]); Tab and Shift+Tab go round its
/// controls and never leave it; Esc calls `on_close` from anywhere in it,
/// fields included; when it closes, the focus goes back where it was.
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
                if let Some(opener) = opener.filter(|o| o.is_connected()) {
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
