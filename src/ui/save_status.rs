//! Whether the work is saved: *Saved*, *Saving…* (only once a write has
//! been pending for a moment, so quick writes never flicker), or *Not
//! saved* with the reason. Tests read `data-state` and `data-acked` (the
//! number of changes acknowledged by storage since the page opened).

use yew::prelude::*;

use crate::core::tabs::Role;
use crate::ui::state::{AppState, StorageStatus, use_app};

/// What the status says: `data-state`, the words shown, the tooltip.
fn status(app: &AppState) -> (&'static str, String, String) {
    match (&app.storage, app.role) {
        (StorageStatus::Loading, _) | (_, Role::Unknown) => {
            ("loading", "Opening…".into(), "Reading saved work".into())
        }
        (_, Role::Reader) => (
            "readonly",
            "Read-only".into(),
            "Another tab edits this workspace; this tab does not save.".into(),
        ),
        (StorageStatus::Unavailable(why), _) | (StorageStatus::Failed(why), _) => (
            "failed",
            "Not saved".into(),
            format!("Not saved: {why}. Your work is kept in this tab; export it to be safe."),
        ),
        (StorageStatus::Ready, _) if app.saves.queued > 0 => (
            "saving",
            "Saving…".into(),
            "Writing your latest changes to this browser's storage".into(),
        ),
        (StorageStatus::Ready, _) => (
            "saved",
            "Saved".into(),
            "Every change is saved in this browser".into(),
        ),
    }
}

/// The save status in the toolbar.
#[function_component(SaveStatus)]
pub fn save_status() -> Html {
    let app = use_app();
    let (state, words, detail) = status(&app);
    // While saving, "Saved" stays until the write has taken 300 ms; then
    // "Saving…" replaces it (CSS), so a quick write changes nothing seen.
    html! {
        <span class="save-status" role="status" data-testid="save-status" data-state={state}
            data-acked={app.saves.acked.to_string()} title={detail}>
            if state == "saving" { <span class="save-status-quiet" aria-hidden="true">{ "Saved" }</span> }
            <span class="save-status-text">{ words }</span>
        </span>
    }
}
