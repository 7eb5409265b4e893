//! Messages to the user, the storage warning and the read-only banner of a
//! tab that is not the writer, as toasts: they float
//! over the workbench (`position: fixed`) and never move the text. Every
//! message also goes to a log that the messages button in the toolbar
//! opens.

use yew::prelude::*;

use gloo::timers::callback::Timeout;

use crate::core::i18n::{Counted, Key, Msg};
use crate::core::tabs::Role;
use crate::ui::app::{claim_now, take_over};
use crate::ui::icons::{Icon, icon};
use crate::ui::lang::use_lang;
use crate::ui::modal::use_dismiss;
use crate::ui::state::{Action, Message, MessageKind, use_app};
use crate::ui::update::UpdateReady;

/// How long a confirmation stays on screen; errors and warnings stay until
/// dismissed.
const INFO_MS: u32 = 6_000;

/// A message's text, and its details folded under it when it has any.
fn body(message: &Message) -> Html {
    if message.details.is_empty() {
        return html! { <span class="message-text">{ message.text.clone() }</span> };
    }
    let items = message
        .details
        .iter()
        .map(|line| html! { <li>{ line.clone() }</li> });
    html! {
        <details class="message-details" data-testid="message-details">
            <summary>{ message.text.clone() }</summary>
            <ul data-count={message.details.len().to_string()}>{ for items }</ul>
        </details>
    }
}

/// The storage warning and the messages: errors, warnings and confirmations,
/// each dismissable; confirmations also leave by themselves.
#[function_component(Messages)]
pub fn messages() -> Html {
    let app = use_app();
    let t = use_lang();
    {
        // Every confirmation gets its own timer, also when several arrive
        // in one update (only the newest used to, and the others stayed).
        let scheduled = use_mut_ref(std::collections::HashSet::<u64>::new);
        let app = app.clone();
        let infos: Vec<u64> = app
            .messages
            .iter()
            .filter(|m| m.kind == MessageKind::Info)
            .map(|m| m.id)
            .collect();
        use_effect_with(infos, move |infos| {
            let mut scheduled = scheduled.borrow_mut();
            scheduled.retain(|id| infos.contains(id));
            for &id in infos.iter().filter(|&&id| scheduled.insert(id)) {
                let app = app.clone();
                Timeout::new(INFO_MS, move || app.dispatch(Action::Dismiss(id))).forget();
            }
        });
    }
    let storage = app.storage.warning(t).map(|text| {
        html! { <div class="storage-warning toast" role="alert" data-testid="storage-warning">{ text }</div> }
    });
    let read_only = (app.role == Role::Reader).then(|| {
        let (text, button) = match &app.unclaimed {
            // Storage refused this tab's claim: no other tab to take over from.
            Some(why) => {
                let onclick = {
                    let app = app.clone();
                    Callback::from(move |_: MouseEvent| claim_now(app.clone()))
                };
                let text = Msg::new(Key::SavedReadOnly).msg("why", why.clone());
                let button = html! { <button class="take-over" data-testid="claim-now" {onclick}>{ t.t(Key::TryNow) }</button> };
                (text.render(t), button)
            }
            None => {
                let onclick = {
                    let app = app.clone();
                    Callback::from(move |_: MouseEvent| take_over(app.clone()))
                };
                let button = html! { <button class="take-over" data-testid="take-over" {onclick}>{ t.t(Key::UseItHere) }</button> };
                (t.t(Key::ReadOnlyTab).to_owned(), button)
            }
        };
        html! {
            <div class="read-only-banner toast" role="alert" data-testid="read-only">
                <span class="message-text">{ text }</span>
                { button }
            </div>
        }
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
            <div key={id} class={classes!("message", "toast", message.kind.as_str())} data-testid="message"
                data-kind={message.kind.as_str()} {role}>
                { body(message) }
                <button class="dismiss icon-button" aria-label={t.t(Key::Dismiss)} title={t.t(Key::Dismiss)} onclick={dismiss}>{ icon(Icon::Close) }</button>
            </div>
        }
    });
    let pushed_off = (app.pushed_off > 0).then(|| {
        let dismiss = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::DismissPushedOff))
        };
        html! {
            <div class="message toast warning pushed-off" data-testid="messages-pushed-off" role="status">
                <span class="message-text">{ t.n(Counted::PushedOff, app.pushed_off, &[]) }</span>
                <button class="dismiss icon-button" aria-label={t.t(Key::Dismiss)} title={t.t(Key::Dismiss)} onclick={dismiss}>{ icon(Icon::Close) }</button>
            </div>
        }
    });
    html! {
        <div class="messages" aria-live="polite">
            <UpdateReady />
            { for read_only }
            { for storage }
            { for pushed_off }
            { for items }
        </div>
    }
}

/// The messages button and the panel listing past messages, newest first.
#[function_component(MessageLog)]
pub fn message_log() -> Html {
    let app = use_app();
    let t = use_lang();
    let open = use_state(|| false);
    let root = use_node_ref();
    use_dismiss(open.clone(), root.clone());
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let count = app.log.len();
    let warnings = app
        .log
        .iter()
        .filter(|m| m.kind != MessageKind::Info)
        .count();
    let entries = app.log.iter().rev().map(|message| {
        html! {
            <li key={message.id} class={classes!("log-entry", message.kind.as_str())} data-testid="message-log-entry"
                data-kind={message.kind.as_str()}>{ body(message) }</li>
        }
    });
    html! {
        <div class="message-log" ref={root}>
            <button class="icon-button" data-testid="messages-toggle" onclick={toggle}
                aria-expanded={open.to_string()} aria-controls="message-log"
                aria-label={t.f(Key::MessagesCount, &[("n", &count.to_string())])} title={t.t(Key::PastMessages)}>
                { icon(Icon::Bell) }
                if count > 0 {
                    <span class={classes!("badge", (warnings > 0).then_some("alerting"))}>{ count }</span>
                }
            </button>
            if *open {
                // Focusable, so that the keyboard can scroll a long log
                // (axe's scrollable-region-focusable).
                <section id="message-log" class="popover message-log-panel" data-testid="message-log"
                    aria-label={t.t(Key::PastMessages)} tabindex="0">
                    <h2>{ t.t(Key::Messages) }</h2>
                    if count == 0 {
                        <p class="muted">{ t.t(Key::NoMessages) }</p>
                    } else {
                        <ul>{ for entries }</ul>
                    }
                </section>
            }
        </div>
    }
}
