//! Messages to the user, and the storage warning.

use yew::prelude::*;

use crate::ui::state::{Action, use_app};

/// The message area: errors, warnings and confirmations, each dismissable.
#[function_component(Messages)]
pub fn messages() -> Html {
    let app = use_app();
    let storage = app.storage.warning().map(|text| {
        html! { <div class="storage-warning" role="alert" data-testid="storage-warning">{ text }</div> }
    });
    let items = app.messages.iter().map(|message| {
        let id = message.id;
        let dismiss = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::Dismiss(id)))
        };
        let role = if message.kind == crate::ui::state::MessageKind::Info { "status" } else { "alert" };
        html! {
            <div key={id} class={classes!("message", message.kind.as_str())} data-testid="message"
                data-kind={message.kind.as_str()} {role}>
                <span dir="auto">{ message.text.clone() }</span>
                <button class="dismiss" aria-label="Dismiss" onclick={dismiss}>{ "×" }</button>
            </div>
        }
    });
    html! {
        <div class="messages" aria-live="polite">
            { for storage }
            { for items }
        </div>
    }
}
