//! Messages to the user, and the storage warning.

use yew::prelude::*;

use gloo::timers::callback::Timeout;

use crate::ui::state::{Action, MessageKind, use_app};

/// How long a confirmation stays on screen; errors and warnings stay until
/// dismissed.
const INFO_MS: u32 = 6_000;

/// The storage warning and the messages: errors, warnings and confirmations,
/// each dismissable; confirmations also leave by themselves.
#[function_component(Messages)]
pub fn messages() -> Html {
    let app = use_app();
    {
        let app = app.clone();
        let newest = app.messages.last().map(|m| (m.id, m.kind));
        use_effect_with(newest, move |newest| {
            if let Some((id, MessageKind::Info)) = *newest {
                Timeout::new(INFO_MS, move || app.dispatch(Action::Dismiss(id))).forget();
            }
        });
    }
    let storage = app.storage.warning().map(|text| {
        html! { <div class="storage-warning" role="alert" data-testid="storage-warning">{ text }</div> }
    });
    let items = app.messages.iter().map(|message| {
        let id = message.id;
        let dismiss = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::Dismiss(id)))
        };
        let role = if message.kind == MessageKind::Info {
            "status"
        } else {
            "alert"
        };
        html! {
            <div key={id} class={classes!("message", message.kind.as_str())} data-testid="message"
                data-kind={message.kind.as_str()} {role}>
                <span dir="auto">{ message.text.clone() }</span>
                <button class="dismiss" aria-label="Dismiss" onclick={dismiss}>{ "×" }</button>
            </div>
        }
    });
    html! {
        <>
            { for storage }
            <div class="messages" aria-live="polite">{ for items }</div>
        </>
    }
}
