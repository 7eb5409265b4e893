//! Long work in steps: [`yield_now`] hands the main thread back to the
//! browser (input, rendering) between two steps of a long job, such as
//! importing ten thousand documents; [`idle`] waits until the browser has
//! nothing else to do, for work nobody is waiting for.
//!
//! [`frame`] waits for the next frame the browser draws, for a job that must
//! be seen moving (a progress bar).
//!
//! [`yield_now`] posts a message to itself through a `MessageChannel`, which, unlike
//! `setTimeout(0)`, is not slowed to 4 ms after a few nested calls. Without
//! a channel it falls back to `setTimeout(0)`.

use std::cell::RefCell;
use std::collections::VecDeque;

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::Closure;

/// A channel and the handler of its receiving port.
type Channel = (web_sys::MessageChannel, Closure<dyn FnMut()>);

thread_local! {
    /// The channel, with its handler kept alive for the page's lifetime.
    static CHANNEL: RefCell<Option<Channel>> = const { RefCell::new(None) };
    /// The resolvers of the pending [`yield_now`] calls, oldest first.
    static WAITING: RefCell<VecDeque<js_sys::Function>> = const { RefCell::new(VecDeque::new()) };
}

/// The port to post to, the channel being made on first use.
fn port() -> Option<web_sys::MessagePort> {
    CHANNEL.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            let channel = web_sys::MessageChannel::new().ok()?;
            let handler = Closure::<dyn FnMut()>::new(|| {
                if let Some(resolve) = WAITING.with(|w| w.borrow_mut().pop_front()) {
                    let _ = resolve.call0(&JsValue::NULL);
                }
            });
            channel
                .port1()
                .set_onmessage(Some(wasm_bindgen::JsCast::unchecked_ref(handler.as_ref())));
            *slot = Some((channel, handler));
        }
        slot.as_ref().map(|(channel, _)| channel.port2())
    })
}

/// Resolves in a new task of the event loop, after the browser had the
/// chance to handle input and draw a frame.
pub async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let posted = port().is_some_and(|port| {
            WAITING.with(|w| w.borrow_mut().push_back(resolve.clone()));
            port.post_message(&JsValue::NULL).is_ok()
        });
        if !posted {
            WAITING.with(|w| w.borrow_mut().retain(|f| f != &resolve));
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
            }
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// An idle period the browser announced (its `IdleDeadline`), or none.
pub struct IdlePeriod {
    deadline: Option<(JsValue, js_sys::Function)>,
}

impl IdlePeriod {
    /// Milliseconds the browser still expects to stay idle: `0` once the
    /// period is over, or as soon as input or a frame waits (Chromium's
    /// `timeRemaining` says so); `None` without `requestIdleCallback`.
    pub fn remaining(&self) -> Option<f64> {
        let (deadline, remaining) = self.deadline.as_ref()?;
        remaining.call0(deadline).ok()?.as_f64()
    }
}

/// Resolves when the browser is idle (`requestIdleCallback`, at most 200 ms
/// later), or like [`yield_now`] where there is no such call, with the
/// idle period (see [`IdlePeriod::remaining`]; `0` when it ran because the
/// 200 ms were up).
pub async fn idle() -> IdlePeriod {
    let none = IdlePeriod { deadline: None };
    let Some(window) = web_sys::window() else {
        yield_now().await;
        return none;
    };
    let request = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    let Some(request) = request else {
        yield_now().await;
        return none;
    };
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"timeout".into(), &JsValue::from_f64(200.0));
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if request.call2(&window, &resolve, &options).is_err() {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let Ok(deadline) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return none;
    };
    let remaining = js_sys::Reflect::get(&deadline, &JsValue::from_str("timeRemaining"))
        .ok()
        .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
    IdlePeriod {
        deadline: remaining.map(|f| (deadline, f)),
    }
}

/// The time now, in milliseconds (`performance.now()`, `0` without it).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// How long [`frame`] waits at most for an animation frame, in
/// milliseconds (a page whose frames are throttled still goes on).
const FRAME_WAIT_MS: i32 = 100;

/// Resolves once the browser has drawn the next frame (or is about to: in
/// its `requestAnimationFrame` callbacks), so that what changed before the
/// call is on screen. A macrotask such as [`yield_now`] does not promise
/// that: a chain of them can run for a hundred milliseconds without a frame.
/// In a hidden page, which draws no frames, it is [`yield_now`].
pub async fn frame() {
    let Some(window) = web_sys::window() else {
        return yield_now().await;
    };
    if window.document().is_none_or(|d| d.hidden()) {
        return yield_now().await;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let drawn = window.request_animation_frame(&resolve).is_ok();
        // Whichever comes first resolves; the second call does nothing.
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            &resolve,
            if drawn { FRAME_WAIT_MS } else { 0 },
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
