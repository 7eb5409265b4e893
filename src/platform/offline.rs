//! The service worker that keeps Wasim working without the network
//! (`web/sw.js`, written into each release build by
//! `.ci/sw-manifest.mjs`): registering it, and knowing when a newer build
//! than the one running is ready.
//!
//! The worker is `./sw.js`, next to the page, so its scope is the app's own
//! directory: two apps under one host each have their own. A build that has
//! no version (`<meta name="wasim-build">`, written only into release
//! builds) has no worker, and any worker left at its path is unregistered.
//! The single-file build (`wasim.html`, `.ci/single-file.mjs`, marked by
//! `<meta name="wasim-single-file">`) has no worker and touches none, even
//! when a host serves it next to the app; so does a page on `file://`, or
//! where the browser has no service workers (a page served over plain HTTP
//! from another machine).
//!
//! A new build is *ready* when a new worker is installed and waiting, when
//! the page runs another build than its worker serves, or when another tab
//! made the new worker take over. Only the app's own worker counts: an app
//! at a parent path (`/wasim/` above `/wasim/beta/`) controls a first visit
//! of this one until its own worker takes over, which is no new build. The UI asks the user; [`accept_update`]
//! makes the waiting worker take over and reloads the page into the new
//! build once it has (never before, so one page never mixes two builds).
//! This module decides nothing about what is shown.

use std::cell::{Cell, RefCell};

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// What the page asks the worker (`web/sw.js` reads `type`), sent as a
/// plain object through `serde-wasm-bindgen`.
#[derive(serde::Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
enum Ask {
    /// Answer `{ version }` on the transferred port.
    Version,
    /// Take over now (the user accepted the new build).
    SkipWaiting,
}

/// The worker's answer to [`Ask::Version`].
#[derive(serde::Deserialize)]
struct VersionAnswer {
    /// The build the worker serves.
    version: String,
}

/// `ask` as the plain object the worker reads.
fn ask_value(ask: &Ask) -> Option<JsValue> {
    serde_wasm_bindgen::to_value(ask).ok()
}

/// The worker's script, relative to the page.
const WORKER: &str = "./sw.js";
/// How often a long-open page asks the host for a new build, in milliseconds.
const CHECK_EVERY_MS: u32 = 60 * 60 * 1000;

/// What this module keeps while the page is open.
#[derive(Default)]
struct Worker {
    registration: Option<ServiceWorkerRegistration>,
    /// Whether a new build is ready, and who wants to know.
    ready: bool,
    listeners: Vec<Box<dyn Fn()>>,
    /// Who wants to know that the first visit could not make the app work
    /// offline.
    offline_failed: Option<Box<dyn FnOnce()>>,
    /// Event listeners and the update timer, kept alive.
    kept: Vec<EventListener>,
    timer: Option<gloo::timers::callback::Interval>,
}

thread_local! {
    static WORKER_STATE: RefCell<Worker> = RefCell::new(Worker::default());
    /// Whether the user accepted the new build (the page reloads when it
    /// takes over).
    static ACCEPTED: Cell<bool> = const { Cell::new(false) };
    /// Whether a worker controlled this page before (a first install
    /// taking control is not a new build).
    static HAD_CONTROLLER: Cell<bool> = const { Cell::new(false) };
}

/// This page's build version, from `<meta name="wasim-build">`.
pub fn build_version() -> Option<String> {
    gloo::utils::document()
        .query_selector("meta[name=wasim-build]")
        .ok()
        .flatten()?
        .get_attribute("content")
        .filter(|v| !v.is_empty())
}

/// The browser's service workers, when this page may have one: not the
/// single file, served over HTTP(S) (not `file://`), in a context that has
/// them.
fn container() -> Option<ServiceWorkerContainer> {
    let window = web_sys::window()?;
    let single_file = gloo::utils::document()
        .query_selector("meta[name=wasim-single-file]")
        .ok()
        .flatten()
        .is_some();
    if single_file {
        return None;
    }
    let protocol = window.location().protocol().ok()?;
    if protocol != "http:" && protocol != "https:" {
        return None;
    }
    let navigator = window.navigator();
    let has =
        js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker")).unwrap_or(false);
    has.then(|| navigator.service_worker())
}

/// Registers the worker (or removes a stale one from a debug build's path).
/// Never fails: without a worker the app works as before, online.
pub fn register() {
    let Some(workers) = container() else {
        return;
    };
    let Some(version) = build_version() else {
        spawn_local(unregister_stale(workers));
        return;
    };
    HAD_CONTROLLER.with(|h| h.set(ours(&workers).is_some()));
    let taken_over = EventListener::new(&workers, "controllerchange", |_| on_controller_change());
    WORKER_STATE.with(|w| w.borrow_mut().kept.push(taken_over));
    spawn_local(async move {
        let Ok(registration) = JsFuture::from(workers.register(WORKER)).await else {
            offline_failed();
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        if registration.active().is_none()
            && let Some(first) = registration.installing().or_else(|| registration.waiting())
        {
            watch_first_install(&first);
        }
        watch(&workers, &registration);
        // A page the host served while another build's worker controlled
        // it (a deployment between two visits) is not that worker's build.
        let Some(controller) = ours(&workers) else {
            return;
        };
        if worker_version(&controller)
            .await
            .is_some_and(|theirs| theirs != version)
        {
            set_ready();
        }
    });
}

/// Removes the worker registered for this page, if any.
async fn unregister_stale(workers: ServiceWorkerContainer) {
    let Ok(found) = JsFuture::from(workers.get_registration()).await else {
        return;
    };
    if let Some(registration) = found.dyn_ref::<ServiceWorkerRegistration>()
        && let Ok(promise) = registration.unregister()
    {
        let _ = JsFuture::from(promise).await;
    }
}

/// Watches `registration` for a new worker, and asks the host for a new
/// build now and then.
fn watch(workers: &ServiceWorkerContainer, registration: &ServiceWorkerRegistration) {
    if registration.waiting().is_some() && ours(workers).is_some() {
        set_ready();
    }
    if let Some(installing) = registration.installing() {
        watch_install(&installing);
    }
    let found = {
        let seen = registration.clone();
        EventListener::new(registration.as_ref(), "updatefound", move |_| {
            if let Some(installing) = seen.installing() {
                watch_install(&installing);
            }
        })
    };
    let timer = {
        let registration = registration.clone();
        gloo::timers::callback::Interval::new(CHECK_EVERY_MS, move || {
            if let Ok(promise) = registration.update() {
                spawn_local(async move {
                    let _ = JsFuture::from(promise).await;
                });
            }
        })
    };
    WORKER_STATE.with(|w| {
        let mut w = w.borrow_mut();
        w.registration = Some(registration.clone());
        w.kept.push(found);
        w.timer = Some(timer);
    });
}

/// Follows the app's first worker at this address: dropped before it was
/// installed (a file the host changed fails its hash, a file is missing),
/// the app will not work offline here, and the [`on_offline_failed`]
/// listener is told.
fn watch_first_install(worker: &ServiceWorker) {
    let listener = {
        let seen = worker.clone();
        let installed = Cell::new(false);
        EventListener::new(worker.as_ref(), "statechange", move |_| {
            match seen.state() {
                ServiceWorkerState::Installed | ServiceWorkerState::Activated => {
                    installed.set(true)
                }
                ServiceWorkerState::Redundant if !installed.get() => offline_failed(),
                _ => {}
            }
        })
    };
    WORKER_STATE.with(|w| w.borrow_mut().kept.push(listener));
}

/// Tells the [`on_offline_failed`] listener, once per page.
fn offline_failed() {
    let listener = WORKER_STATE.with(|w| w.borrow_mut().offline_failed.take());
    if let Some(listener) = listener {
        listener();
    }
}

/// Calls `listener` when the first visit at this address finds the app
/// cannot be made to work offline (its worker failed to register or
/// install). Never where the page has no worker at all (the single file,
/// `file://`, plain HTTP: see [`Event::PlainHttp`](crate::core::session::Event)).
pub fn on_offline_failed(listener: impl FnOnce() + 'static) {
    WORKER_STATE.with(|w| w.borrow_mut().offline_failed = Some(Box::new(listener)));
}

/// A new worker is ready once installed, if an older one controls the page.
fn watch_install(worker: &ServiceWorker) {
    let listener = {
        let seen = worker.clone();
        EventListener::new(worker.as_ref(), "statechange", move |_| {
            let controlled = container().and_then(|c| ours(&c)).is_some();
            if seen.state() == ServiceWorkerState::Installed && controlled {
                set_ready();
            }
        })
    };
    WORKER_STATE.with(|w| w.borrow_mut().kept.push(listener));
}

/// Another worker controls the page: the accepted new build (reload into
/// it), or one another tab let take over (this page runs an older build).
fn on_controller_change() {
    if ACCEPTED.with(Cell::get) {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
        return;
    }
    // An app at a parent path (`/wasim/` above `/wasim/beta/`) may control
    // the page until this app's own worker takes over: neither is news.
    if container().and_then(|c| ours(&c)).is_none() {
        return;
    }
    if HAD_CONTROLLER.with(|h| h.replace(true)) {
        set_ready();
        return;
    }
    // The first worker of a first visit is news only when a deployment
    // came between the page and the worker: it serves another build.
    let controller = container().and_then(|c| ours(&c));
    if let (Some(controller), Some(version)) = (controller, build_version()) {
        spawn_local(async move {
            if worker_version(&controller)
                .await
                .is_some_and(|theirs| theirs != version)
            {
                set_ready();
            }
        });
    }
}

/// The worker controlling the page, when it is this app's own (`./sw.js`
/// next to the page), not that of an app at a parent path whose scope
/// covers this one.
fn ours(workers: &ServiceWorkerContainer) -> Option<ServiceWorker> {
    let controller = workers.controller()?;
    let base = gloo::utils::document().base_uri().ok().flatten()?;
    let url = web_sys::Url::new_with_base(WORKER, &base).ok()?;
    (controller.script_url() == url.href()).then_some(controller)
}

/// The build `worker` serves, asked on a message channel.
async fn worker_version(worker: &ServiceWorker) -> Option<String> {
    let channel = web_sys::MessageChannel::new().ok()?;
    let reply = js_sys::Promise::new(&mut |resolve, _| {
        let port = channel.port1();
        let onmessage =
            wasm_bindgen::closure::Closure::once_into_js(move |event: web_sys::MessageEvent| {
                let _ = resolve.call1(&JsValue::NULL, &event.data());
            });
        port.set_onmessage(Some(onmessage.unchecked_ref()));
    });
    let ports = js_sys::Array::of1(&channel.port2());
    worker
        .post_message_with_transferable(&ask_value(&Ask::Version)?, &ports)
        .ok()?;
    let answer = JsFuture::from(reply).await.ok()?;
    serde_wasm_bindgen::from_value::<VersionAnswer>(answer)
        .ok()
        .map(|a| a.version)
}

/// Marks a new build as ready and tells the listeners (once).
fn set_ready() {
    let first = WORKER_STATE.with(|w| !std::mem::replace(&mut w.borrow_mut().ready, true));
    if first {
        let listeners = WORKER_STATE.with(|w| std::mem::take(&mut w.borrow_mut().listeners));
        for listener in &listeners {
            listener();
        }
        WORKER_STATE.with(|w| w.borrow_mut().listeners.extend(listeners));
    }
}

/// Calls `listener` when a new build is ready (at once if it is already).
pub fn on_update_ready(listener: impl Fn() + 'static) {
    if WORKER_STATE.with(|w| w.borrow().ready) {
        listener();
    }
    WORKER_STATE.with(|w| w.borrow_mut().listeners.push(Box::new(listener)));
}

/// The user accepted the new build: the waiting worker takes over, and the
/// page reloads when it has; with no worker waiting (the new one already
/// took over), the page reloads now.
pub fn accept_update() {
    ACCEPTED.with(|a| a.set(true));
    let waiting = WORKER_STATE.with(|w| {
        w.borrow()
            .registration
            .as_ref()
            .and_then(ServiceWorkerRegistration::waiting)
    });
    let Some(waiting) = waiting else {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
        return;
    };
    if let Some(ask) = ask_value(&Ask::SkipWaiting) {
        let _ = waiting.post_message(&ask);
    }
}
