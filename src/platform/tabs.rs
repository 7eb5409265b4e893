//! Coordinating tabs: the Web Locks API (`navigator.locks`) elects the one
//! tab that writes, and a `BroadcastChannel` tells the others when it saved
//! or when another tab took over.
//!
//! The lock `wasim-writer` is held for the tab's lifetime: its callback
//! returns a promise that never settles, so the browser releases it only
//! when the tab closes or another tab steals it. A stolen lock's request
//! rejects, which tells the former writer. What a tab may do with its role
//! is decided in [`crate::core::tabs`]; fencing of stale saves is in
//! [`crate::platform::storage`].

use std::cell::RefCell;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{BroadcastChannel, MessageEvent};

use crate::core::i18n::{Key, Msg};

pub use crate::core::tabs::News;

const LOCK_NAME: &str = "wasim-writer";
const CHANNEL_NAME: &str = "wasim";
/// Posted by the writer after each save.
const SAVED: &str = "saved";
/// Posted by a tab that just took the workspace over.
const WRITER: &str = "writer";
/// Posted by the writer when its page goes away.
const LEFT: &str = "left";

/// The open channel and its message handler, kept alive together.
/// A channel and the handler listening on it.
pub(crate) type Listening = (BroadcastChannel, Closure<dyn FnMut(MessageEvent)>);

thread_local! {
    static CHANNEL: RefCell<Option<Listening>> = const { RefCell::new(None) };
}

/// `navigator.locks`, when this browser has it.
fn lock_manager() -> Option<JsValue> {
    let navigator = Reflect::get(&web_sys::window()?.into(), &"navigator".into()).ok()?;
    let locks = Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then_some(locks)
}

/// Whether this browser can coordinate tabs with Web Locks.
pub fn has_locks() -> bool {
    lock_manager().is_some()
}

/// How to ask for the writer lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ask {
    /// Take it only if no tab holds it.
    IfFree,
    /// Take it from the tab holding it ("Use it here").
    Steal,
}

/// Asks for the writer lock. `on_answer` runs with whether this tab now
/// holds it; `on_lost` when another tab steals it afterwards.
///
/// # Errors
/// A message when the browser has no Web Locks or refuses the request.
pub fn request_writer(
    ask: Ask,
    on_answer: impl FnOnce(bool) + 'static,
    on_lost: impl FnOnce() + 'static,
) -> Result<(), Msg> {
    let no_locks = || Msg::new(Key::NoWebLocks);
    let locks = lock_manager().ok_or_else(no_locks)?;
    let request: Function = Reflect::get(&locks, &"request".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(no_locks)?;
    let options = Object::new();
    let option = match ask {
        Ask::IfFree => "ifAvailable",
        Ask::Steal => "steal",
    };
    let _ = Reflect::set(&options, &option.into(), &JsValue::TRUE);
    let held = Closure::once_into_js(move |lock: JsValue| -> Promise {
        let granted = !lock.is_null() && !lock.is_undefined();
        on_answer(granted);
        if granted {
            // Never settles: the lock is held until the tab closes or is stolen.
            Promise::new(&mut |_, _| {})
        } else {
            Promise::resolve(&JsValue::UNDEFINED)
        }
    });
    let result = request
        .call3(&locks, &LOCK_NAME.into(), &options, &held)
        .map_err(|e| crate::platform::storage::reason(crate::platform::storage::describe(e)))?;
    let promise: Promise = result.dyn_into().map_err(|_| no_locks())?;
    let lost = Closure::once(move |_error: JsValue| on_lost());
    let _ = promise.catch(&lost);
    lost.forget();
    Ok(())
}

/// Runs `then` with whether some tab holds the writer lock (asked of
/// `navigator.locks.query()`): a writer whose page crashed says nothing,
/// but its lock is gone. Nothing runs when the browser cannot say.
pub fn writer_held(then: impl FnOnce(bool) + 'static) {
    let query = lock_manager().and_then(|locks| {
        let query: Function = Reflect::get(&locks, &"query".into())
            .ok()?
            .dyn_into()
            .ok()?;
        query.call0(&locks).ok()?.dyn_into::<Promise>().ok()
    });
    let Some(query) = query else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(snapshot) = wasm_bindgen_futures::JsFuture::from(query).await else {
            return;
        };
        let held = Reflect::get(&snapshot, &"held".into())
            .ok()
            .and_then(|h| h.dyn_into::<js_sys::Array>().ok());
        let Some(held) = held else {
            return;
        };
        let ours = held.iter().any(|lock| {
            Reflect::get(&lock, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .is_some_and(|n| n == LOCK_NAME)
        });
        then(ours);
    });
}

/// Listens to the other tabs; `on_news` runs for each message. Only one
/// listener is kept: a second call replaces the first.
pub fn listen(mut on_news: impl FnMut(News) + 'static) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL_NAME) else {
        return;
    };
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        match event.data().as_string().as_deref() {
            Some(SAVED) => on_news(News::Saved),
            Some(WRITER) => on_news(News::NewWriter),
            Some(LEFT) => on_news(News::WriterLeft),
            _ => {}
        }
    });
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    CHANNEL.with(|cell| *cell.borrow_mut() = Some((channel, handler)));
}

/// Tells the other tabs `news`. Nothing happens when there is no channel.
pub fn announce(news: News) {
    let text = match news {
        News::Saved => SAVED,
        News::NewWriter => WRITER,
        News::WriterLeft => LEFT,
    };
    CHANNEL.with(|cell| {
        if let Some((channel, _)) = cell.borrow().as_ref() {
            let _ = channel.post_message(&JsValue::from_str(text));
        }
    });
}

thread_local! {
    /// What runs once the page is shown again (one at most: the latest).
    static WHEN_SHOWN: RefCell<Option<gloo::events::EventListener>> = const { RefCell::new(None) };
}

/// Whether the page is hidden (a background tab, a minimised window).
pub fn page_hidden() -> bool {
    gloo::utils::document().hidden()
}

/// Runs `then` once, the next time the page is shown. A later call
/// replaces an earlier one that has not run yet.
pub fn when_shown(then: impl FnOnce() + 'static) {
    let mut then = Some(then);
    let listener =
        gloo::events::EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
            if page_hidden() {
                return;
            }
            if let Some(then) = then.take() {
                // Dropping the listener inside its own callback is not
                // allowed: it is dropped on the next turn instead.
                wasm_bindgen_futures::spawn_local(async {
                    WHEN_SHOWN.with(|w| w.borrow_mut().take());
                });
                then();
            }
        });
    WHEN_SHOWN.with(|w| *w.borrow_mut() = Some(listener));
}
