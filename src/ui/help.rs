//! The shortcut sheet, opened with `?`; it also brings the demo back.

use yew::prelude::*;

use crate::core::i18n::Key;
use crate::ui::lang::use_lang;
use crate::ui::modal::use_modal;
use crate::ui::state::{Action, use_app};

/// Every shortcut: its keys (the same in every language) and what it does.
const SHORTCUTS: [(Keys, Key); 24] = [
    (Keys::Named(Key::HkMouse), Key::HkMouseWhat),
    (Keys::Named(Key::HkLabelKey), Key::HkLabelKeyWhat),
    (Keys::Named(Key::HkShiftLabelKey), Key::HkShiftLabelKeyWhat),
    (Keys::Plain("← →"), Key::HkArrowsWhat),
    (Keys::Plain("Ctrl/Alt + ← →"), Key::HkCtrlArrowsWhat),
    (Keys::Plain("Shift + ← →"), Key::HkShiftArrowsWhat),
    (Keys::Plain("Home / End"), Key::HkHomeEndWhat),
    (Keys::Plain("Tab / Shift+Tab"), Key::HkTabWhat),
    (Keys::Plain("↑ ↓"), Key::HkUpDownWhat),
    (Keys::Named(Key::HkClick), Key::HkClickWhat),
    (Keys::Plain("Delete / Backspace"), Key::HkDeleteWhat),
    (Keys::Plain("Esc"), Key::HkEscWhat),
    (Keys::Plain("Ctrl+Z"), Key::Undo),
    (Keys::Plain("Ctrl+Shift+Z / Ctrl+Y"), Key::Redo),
    (Keys::Plain("Ctrl+F / ⌘F"), Key::HkSearchWhat),
    (Keys::Plain("] / ["), Key::HkBracketsWhat),
    (Keys::Plain("Enter"), Key::HkEnterWhat),
    (Keys::Plain("Space"), Key::HkSpaceWhat),
    (Keys::Plain("Alt+1 – Alt+9"), Key::HkAltDigitsWhat),
    (Keys::Plain("Alt+0"), Key::HkAltZeroWhat),
    (Keys::Plain("Alt+Enter"), Key::HkAltEnterWhat),
    (Keys::Named(Key::HkAsAnnotating), Key::HkAsAnnotatingWhat),
    (Keys::Plain("?"), Key::HkHelpWhat),
    (Keys::Named(Key::HkDrop), Key::HkDropWhat),
];

/// A shortcut's keys: key names as typed, or words to translate.
#[derive(Clone, Copy)]
enum Keys {
    /// Key names, the same in every language.
    Plain(&'static str),
    /// A gesture told in words.
    Named(Key),
}

/// A modal listing every shortcut.
#[function_component(ShortcutSheet)]
pub fn shortcut_sheet() -> Html {
    let app = use_app();
    let t = use_lang();
    let demo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::ShowDemo))
    };
    let sheet = use_node_ref();
    let onkeydown = {
        let app = app.clone();
        use_modal(
            sheet.clone(),
            Callback::from(move |()| app.dispatch(Action::ToggleHelp)),
        )
    };
    let close = Callback::from(move |_: MouseEvent| app.dispatch(Action::ToggleHelp));
    let rows = SHORTCUTS.iter().map(|(keys, what)| {
        let (keys, dir) = match keys {
            Keys::Plain(keys) => (*keys, Some("ltr")),
            Keys::Named(key) => (t.t(*key), None),
        };
        html! { <tr><th scope="row"><kbd {dir}>{ keys }</kbd></th><td>{ t.t(*what) }</td></tr> }
    });
    html! {
        <div class="sheet-backdrop">
            <div class="sheet" role="dialog" aria-modal="true" aria-labelledby="sheet-title" data-testid="shortcuts"
                tabindex="-1" ref={sheet} {onkeydown}>
                <h2 id="sheet-title">{ t.t(Key::KeyboardShortcuts) }</h2>
                <table>
                    <thead><tr><th scope="col">{ t.t(Key::HelpKeyCol) }</th><th scope="col">{ t.t(Key::HelpWhatCol) }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
                <p class="muted">{ t.t(Key::HelpNoFire) }</p>
                <p class="muted">{ t.t(Key::HelpDemo) }</p>
                <button onclick={demo} data-testid="show-demo">{ t.t(Key::ShowDemo) }</button>
                <button onclick={close} data-testid="shortcuts-close">{ t.t(Key::Close) }</button>
            </div>
        </div>
    }
}
