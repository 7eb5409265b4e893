//! "A new version of Wasim is ready": shown when a newer build than the one
//! running is ready (see `platform::offline`), with a button that reloads
//! into it. Nothing reloads until the user asks: unsaved input in a field
//! would be lost, and the page never mixes files of two builds.

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::core::i18n::Key;
use crate::platform::offline::{accept_update, on_update_ready};
use crate::ui::lang::use_lang;

/// How long after *Reload* the notice says the new version has not taken
/// over (it takes a few milliseconds when nothing holds it back).
const STALL_MS: u32 = 5_000;

/// The update notice, a toast among the messages; hidden until a new
/// build is ready.
#[function_component(UpdateReady)]
pub fn update_ready() -> Html {
    let ready = use_state(|| false);
    let t = use_lang();
    {
        let ready = ready.clone();
        use_effect_with((), move |_| on_update_ready(move || ready.set(true)));
    }
    if !*ready {
        return Html::default();
    }
    // The page reloads once the new worker takes over. If it has not
    // after a while (Chromium once left it waiting while another tab was
    // opening), the notice says so and what to do, and asks again.
    let stalled = use_state(|| false);
    let onclick = {
        let stalled = stalled.clone();
        Callback::from(move |_: MouseEvent| {
            accept_update();
            let stalled = stalled.clone();
            Timeout::new(STALL_MS, move || {
                stalled.set(true);
                accept_update();
            })
            .forget();
        })
    };
    // Put off: the notice goes for this page (the new build is still
    // offered at the next start); the panels under it show again.
    let later = {
        let ready = ready.clone();
        Callback::from(move |_: MouseEvent| ready.set(false))
    };
    html! {
        <div class="update-ready toast" role="status" data-testid="update-ready">
            <span class="message-text" data-stalled={stalled.then_some("true")}>
                { t.t(if *stalled { Key::UpdateStalled } else { Key::UpdateReady }) }
            </span>
            <button class="reload" data-testid="update-reload" {onclick}>{ t.t(Key::Reload) }</button>
            <button data-testid="update-later" onclick={later}>{ t.t(Key::Later) }</button>
        </div>
    }
}
