//! The shortcut sheet, opened with `?`; it also brings the demo back.

use yew::prelude::*;

use crate::ui::state::{Action, use_app};

const SHORTCUTS: [(&str, &str); 22] = [
    (
        "Mouse drag",
        "Select text; it snaps to whole words (hold Alt, or switch on “Exact”, for characters)",
    ),
    (
        "1 – 9, or a label's key",
        "Tag the selection, or relabel the selected span",
    ),
    (
        "← →",
        "Move the keyboard cursor word by word (in right-to-left text, ← moves forward)",
    ),
    ("Ctrl/Alt + ← →", "Move character by character"),
    ("Shift + ← →", "Extend the selection"),
    (
        "Tab / Shift+Tab",
        "Next / previous span (in the text; past the last one, the next control)",
    ),
    (
        "↑ ↓",
        "Choose among spans that overlap here (outer / inner)",
    ),
    ("Click a highlight", "Select that span"),
    ("Delete / Backspace", "Delete the selected span"),
    ("Esc", "Clear the selection"),
    ("Ctrl+Z", "Undo"),
    ("Ctrl+Shift+Z / Ctrl+Y", "Redo"),
    (
        "Ctrl+F / ⌘F",
        "Search the text with Wasim's search (it sees the whole document; the browser's find sees only what is drawn)",
    ),
    (
        "] / [",
        "Adjudicating: next / previous disagreement (across documents); it is selected and shown",
    ),
    (
        "Enter",
        "Adjudicating: accept the chosen candidates, or the selected one; the others of that place are removed",
    ),
    (
        "Space",
        "Adjudicating: choose the selected candidate (or take it back), to accept several with Enter",
    ),
    (
        "Alt+1 – Alt+9",
        "Adjudicating: accept the 1st–9th annotator's version of this place",
    ),
    (
        "Alt+0",
        "Adjudicating: accept none (remove every candidate here)",
    ),
    (
        "Alt+Enter",
        "Adjudicating: accept, in every team document, each place where the chosen quorum agrees (all, unless the panel says otherwise)",
    ),
    (
        "Label key, Delete, Tab, ↑ ↓ …",
        "Adjudicating: the same as annotating (edit a candidate, then Enter accepts it)",
    ),
    ("?", "Show or hide this sheet"),
    ("Drop files", "Load .txt files or import annotations"),
];

/// A modal listing every shortcut.
#[function_component(ShortcutSheet)]
pub fn shortcut_sheet() -> Html {
    let app = use_app();
    let demo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::ShowDemo))
    };
    let close = Callback::from(move |_: MouseEvent| app.dispatch(Action::ToggleHelp));
    let rows = SHORTCUTS.iter().map(|(keys, what)| {
        html! { <tr><th scope="row"><kbd>{ *keys }</kbd></th><td>{ *what }</td></tr> }
    });
    html! {
        <div class="sheet-backdrop">
            <div class="sheet" role="dialog" aria-modal="true" aria-labelledby="sheet-title" data-testid="shortcuts">
                <h2 id="sheet-title">{ "Keyboard shortcuts" }</h2>
                <table><tbody>{ for rows }</tbody></table>
                <p class="muted">{ "Shortcuts never fire while you type in a text field." }</p>
                <p class="muted">{ "The demo document is a short tour. Loading a file puts it away; it is never counted or exported with your documents." }</p>
                <button onclick={demo} data-testid="show-demo">{ "Show the demo" }</button>
                <button onclick={close} data-testid="shortcuts-close">{ "Close" }</button>
            </div>
        </div>
    }
}
