//! Whether the work is saved: *Saved*, *Saving…* (only once a write has
//! been pending for a moment, so quick writes never flicker), or *Not
//! saved* with the reason. Tests read `data-state` and `data-acked` (the
//! number of changes acknowledged by storage since the page opened).

use yew::prelude::*;

use crate::core::i18n::{Key, Lang, Msg};
use crate::core::tabs::Role;
use crate::ui::lang::use_lang;
use crate::ui::state::{AppState, StorageStatus, use_app};

/// What the status says: `data-state`, the words shown, the tooltip.
fn status(app: &AppState, t: Lang) -> (&'static str, &'static str, String) {
    match (&app.storage, app.role) {
        (StorageStatus::Loading, _) | (_, Role::Unknown) => {
            ("loading", t.t(Key::Opening), t.t(Key::ReadingSaved).into())
        }
        (_, Role::Reader) if let Some(why) = &app.unclaimed => (
            "readonly",
            t.t(Key::ReadOnly),
            Msg::new(Key::SavedReadOnly)
                .msg("why", why.clone())
                .render(t),
        ),
        (_, Role::Reader) => (
            "readonly",
            t.t(Key::ReadOnly),
            t.t(Key::ReadOnlyTitle).into(),
        ),
        (StorageStatus::Unavailable(why), _) | (StorageStatus::Failed(why), _) => (
            "failed",
            t.t(Key::NotSaved),
            t.f(Key::NotSavedTitle, &[("why", &why.render(t))]),
        ),
        (StorageStatus::Ready, _) if app.saves.queued > 0 => {
            ("saving", t.t(Key::Saving), t.t(Key::SavingTitle).into())
        }
        (StorageStatus::Ready, _) => ("saved", t.t(Key::Saved), t.t(Key::SavedTitle).into()),
    }
}

/// The save status in the toolbar.
#[function_component(SaveStatus)]
pub fn save_status() -> Html {
    let app = use_app();
    let t = use_lang();
    let (state, words, detail) = status(&app, t);
    // While saving, "Saved" stays until the write has taken 300 ms; then
    // "Saving…" replaces it (CSS), so a quick write changes nothing seen.
    html! {
        <span class="save-status" role="status" data-testid="save-status" data-state={state}
            data-acked={app.saves.acked.to_string()} title={detail}>
            if state == "saving" { <span class="save-status-quiet" aria-hidden="true">{ t.t(Key::Saved) }</span> }
            <span class="save-status-text">{ words }</span>
        </span>
    }
}
