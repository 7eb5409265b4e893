//! The root component: owns the state, restores it, hands the session's
//! write plans to the saver, and handles the page-wide keyboard shortcuts
//! and file drops.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::core::bidi;
use crate::core::css::ClassRule;
use crate::core::i18n::{Key, Msg};
use crate::core::session::Restored;
use crate::core::tabs::Role;
use crate::platform::files::{copy_into, dropped, files_of_drop};
use crate::platform::prefs as stored_prefs;
use crate::platform::saver::{self, Outcome};
use crate::platform::selection::selected_text;
use crate::platform::storage::{self, Reading, on_blocked, open_and_restore, resign, set_fencing};
use crate::platform::styles::class_of;
use crate::platform::tabs::{
    Ask, News, announce, has_locks, listen, page_hidden, request_writer, when_shown, writer_held,
};
use crate::ui::annotator::AnnotatorName;
use crate::ui::curation::CurationPanel;
use crate::ui::doc_list::DocList;
use crate::ui::doc_view::DocView;
use crate::ui::entities::EntitiesPanel;
use crate::ui::help::ShortcutSheet;
use crate::ui::import::{ImportProgress, read_and_import};
use crate::ui::keyboard::on_key;
use crate::ui::label_editor::LabelEditor;
use crate::ui::lang::LangHandle;
use crate::ui::messages::Messages;
use crate::ui::resizer::{PanelResizer, panels_class};
use crate::ui::search::{MatchCounts, SearchPanel};
use crate::ui::settings::{PanelToggle, PrefsHandle, Side};
use crate::ui::state::{Action, AppHandle, AppState, MessageKind, StorageStatus};

/// How long after the last change the journal is compacted (and a failed
/// write tried again), in milliseconds.
const IDLE_MS: u32 = 2_000;
use crate::ui::toolbar::Toolbar;

/// How long a starting tab keeps asking for the writer lock before it opens
/// read-only, in milliseconds: a reloaded tab's former self may still hold
/// the lock for a moment.
const CLAIM_RETRIES_MS: [u32; 4] = [0, 80, 200, 400];

/// Whether this tab gets the writer lock without taking it from another tab.
async fn claim_free_lock() -> bool {
    for wait in CLAIM_RETRIES_MS {
        if wait > 0 {
            gloo::timers::future::TimeoutFuture::new(wait).await;
        }
        let (sender, receiver) = futures_channel();
        if request_writer(Ask::IfFree, sender, || lost_writer(false)).is_err() {
            return false;
        }
        if receiver.await {
            return true;
        }
    }
    false
}

thread_local! {
    static APP: RefCell<Option<AppHandle>> = const { RefCell::new(None) };
}

/// Tells the app that another tab took the workspace over.
/// Work this tab could not save (a full disk) is downloaded first, as
/// Wasim JSON: the saved work, which the other tab now holds, replaces it
/// here.
fn lost_writer(unsaved: bool) {
    let failed = saver::at_risk();
    resign();
    saver::drop_all();
    if let Some(app) = APP.with(|a| a.borrow().clone()) {
        let downloaded = (failed && app.revision > 0).then(|| {
            let file = crate::ui::export_menu::workspace_file(&app.ws);
            let name = file.name.clone();
            crate::ui::export_menu::offer_download(&app, &file);
            name
        });
        app.dispatch(Action::LostWriter {
            unsaved,
            downloaded,
        });
    }
}

/// A one-shot boolean: the sender and a future of what it sends (`false`
/// when the sender is dropped unused).
fn futures_channel() -> (
    impl FnOnce(bool) + 'static,
    impl std::future::Future<Output = bool>,
) {
    let slot: Rc<RefCell<Option<js_sys::Function>>> = Rc::default();
    let promise = {
        let slot = slot.clone();
        js_sys::Promise::new(&mut move |resolve, _| *slot.borrow_mut() = Some(resolve))
    };
    let send = move |value: bool| {
        if let Some(resolve) = slot.borrow_mut().take() {
            let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &value.into());
        }
    };
    let future = wasm_bindgen_futures::JsFuture::from(promise);
    (send, async move {
        future.await.ok().and_then(|v| v.as_bool()).unwrap_or(false)
    })
}

/// Decides this tab's role, then reads the saved workspace (claiming it
/// when this tab is the writer).
async fn start(app: AppHandle) {
    saver::set_reporter(|outcome| {
        let Some(app) = APP.with(|a| a.borrow().clone()) else {
            return;
        };
        match outcome {
            Outcome::Written(written) => {
                let has_work = app.ws.work_documents().next().is_some();
                if has_work {
                    storage::ask_persistence();
                    storage::note_work_gone(false);
                }
                storage::note_saved_work(has_work);
                announce(News::Saved);
                app.dispatch(Action::Saved(Ok(written)));
            }
            Outcome::Failed(error) => app.dispatch(Action::Saved(Err(storage::reason(error)))),
            Outcome::NotWriter => lost_writer(true),
        }
    });
    on_blocked(|| {
        if let Some(app) = APP.with(|a| a.borrow().clone()) {
            app.dispatch(Action::Notify(MessageKind::Warning, Key::OlderTab.into()));
        }
    });
    crate::platform::offline::on_offline_failed(|| {
        if let Some(app) = APP.with(|a| a.borrow().clone()) {
            app.dispatch(Action::Notify(
                MessageKind::Warning,
                Key::OfflineFailed.into(),
            ));
        }
    });
    let secure = web_sys::window().is_some_and(|w| w.is_secure_context());
    if !secure {
        app.dispatch(Action::PlainHttp);
    }
    let role = if !has_locks() {
        Role::Alone
    } else {
        set_fencing();
        listen(|news| {
            if news == News::NewWriter {
                resign();
                saver::drop_all();
            }
            if news == News::WriterLeft {
                claim_when_left();
            }
            if let Some(app) = APP.with(|a| a.borrow().clone()) {
                app.dispatch(Action::News(news));
            }
        });
        watch_for_crashed_writer();
        if claim_free_lock().await {
            Role::Writer
        } else {
            Role::Reader
        }
    };
    app.dispatch(Action::Role(role));
    let reading = match role {
        Role::Writer => Reading::Claim,
        Role::Reader => Reading::Follow,
        Role::Alone | Role::Unknown => Reading::Once,
    };
    let restored = match (reading, open_and_restore(reading).await) {
        (Reading::Claim, Err(why)) => show_unclaimed(&app, why).await,
        (_, restored) => restored,
    };
    // Nothing saved, where the last save held work: the browser emptied
    // Wasim's storage (it may, after a full disk). Said at every start
    // until work is saved again.
    let gone = match &restored {
        Ok(Restored::Empty) => storage::had_saved_work() || storage::work_gone(),
        // The start after: only the demo was saved since.
        Ok(Restored::Workspace(loaded)) => {
            storage::work_gone() && loaded.ws.work_documents().next().is_none()
        }
        Err(_) => false,
    };
    app.dispatch(Action::Restored(restored));
    if gone {
        storage::note_saved_work(false);
        storage::note_work_gone(true);
        app.dispatch(Action::Notify(
            MessageKind::Warning,
            Key::SavedWorkGone.into(),
        ));
    }
}

/// Storage refused the writer's claim (a full disk refuses its one
/// write): the saved work is read without claiming it and shown read-only,
/// and the claim is tried again. The saved work was hidden behind the demo.
///
/// # Errors
/// `why`, when the saved work cannot be read either.
async fn show_unclaimed(app: &AppHandle, why: Msg) -> Result<Restored, Msg> {
    let shown = open_and_restore(Reading::Once)
        .await
        .map_err(|_| why.clone())?;
    app.dispatch(Action::ClaimFailed(why));
    spawn_local(claim_again());
    Ok(shown)
}

/// How long a tab whose claim storage refused waits before it tries
/// again, at first and at most: each try reads the whole workspace.
const CLAIM_AGAIN_MS: (u32, u32) = (5_000, 60_000);

/// Tries the claim again, waiting longer each time, until it succeeds
/// (the tab becomes the writer) or another tab takes the workspace.
async fn claim_again() {
    let mut wait = CLAIM_AGAIN_MS.0;
    loop {
        gloo::timers::future::TimeoutFuture::new(wait).await;
        wait = (wait * 2).min(CLAIM_AGAIN_MS.1);
        let Some(app) = APP.with(|a| a.borrow().clone()) else {
            return;
        };
        if app.unclaimed.is_none() {
            return;
        }
        if page_hidden() {
            continue;
        }
        if try_claim(&app).await {
            return;
        }
    }
}

thread_local! {
    /// Whether a read-only tab is reading the workspace, and whether it
    /// must read it once more after that.
    static RELOADING: std::cell::Cell<(bool, bool)> = const { std::cell::Cell::new((false, false)) };
}

/// Reads the saved workspace again (a read-only tab), unless a reading is
/// under way: then that one is followed by one more.
///
/// A hidden tab reads nothing: it reads once when it is shown again, so
/// that a writer's every save does not make a background tab read the
/// whole workspace (seconds, for 10,000 articles).
fn reload_stored(app: AppHandle) {
    if page_hidden() {
        when_shown(move || reload_stored(app));
        return;
    }
    let (running, _) = RELOADING.with(std::cell::Cell::get);
    if running {
        RELOADING.with(|r| r.set((true, true)));
        return;
    }
    RELOADING.with(|r| r.set((true, false)));
    spawn_local(async move {
        loop {
            let restored = open_and_restore(Reading::Follow).await;
            app.dispatch(Action::Reloaded(restored));
            let (_, again) = RELOADING.with(std::cell::Cell::get);
            if !again {
                break;
            }
            RELOADING.with(|r| r.set((true, false)));
        }
        RELOADING.with(|r| r.set((false, false)));
    });
}

/// What a tab does once it holds the writer lock it asked for: reads the
/// workspace as the former writer left it and becomes the writer.
fn became_writer(app: AppHandle) -> impl FnOnce(bool) + 'static {
    move |granted: bool| {
        if !granted {
            return;
        }
        // It holds the lock, so no other tab writes: when storage refuses
        // the claim, it shows the work read-only and tries again (see
        // `show_unclaimed`).
        spawn_local(async move {
            if !try_claim(&app).await {
                claim_again().await;
            }
        });
    }
}

thread_local! {
    /// Whether a claim is under way.
    static CLAIMING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Tries the claim at once (the read-only banner's *Try now*, while
/// storage refuses it).
pub fn claim_now(app: AppHandle) {
    spawn_local(async move {
        try_claim(&app).await;
    });
}

/// Claims the workspace: the tab becomes the writer (`true`), or the
/// reason it cannot is shown again.
async fn try_claim(app: &AppHandle) -> bool {
    // One claim at a time (Try now during a retry).
    if CLAIMING.with(|c| c.replace(true)) {
        return false;
    }
    let claimed = open_and_restore(Reading::Claim).await;
    CLAIMING.with(|c| c.set(false));
    match claimed {
        Ok(restored) => {
            app.dispatch(Action::TookOver(Ok(restored)));
            announce(News::NewWriter);
            true
        }
        Err(why) => {
            app.dispatch(Action::ClaimFailed(why));
            false
        }
    }
}

/// How long a read-only tab waits after the writer's page went away before
/// it asks for the free lock: a reloaded writer claims it again first.
const LEFT_WAIT_MS: u32 = 3_000;

/// How often a read-only tab checks that a writer still holds the lock.
const WATCH_MS: u32 = 4_000;

thread_local! {
    /// Whether a read-only tab is waiting to claim the lock the writer left.
    static LEFT_PENDING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// A writer whose page crashed (or was killed) posts no "left": its lock is
/// simply released. A read-only tab checks every few seconds, and when no
/// tab holds the lock it goes on as when the writer says it left.
fn watch_for_crashed_writer() {
    gloo::timers::callback::Interval::new(WATCH_MS, || {
        let reader = APP.with(|a| {
            a.borrow()
                .as_ref()
                .is_some_and(|app| app.role == Role::Reader)
        });
        if reader && !LEFT_PENDING.with(std::cell::Cell::get) {
            writer_held(|held| {
                if !held {
                    claim_when_left();
                }
            });
        }
    })
    .forget();
}

thread_local! {
    /// A hidden read-only tab's wait to be shown before it claims the lock.
    static CLAIM_WHEN_SHOWN: RefCell<Option<EventListener>> = const { RefCell::new(None) };
}

/// The writer's page went away: a read-only tab becomes the writer when
/// the lock is still free a moment later, at once if it is on screen, else
/// when it is shown (a tab in the background never takes the workspace
/// from one the user reloads). It said "open in another tab" and refused
/// edits with no tab open.
fn claim_when_left() {
    if LEFT_PENDING.with(|p| p.replace(true)) {
        return;
    }
    let claim = || {
        LEFT_PENDING.with(|p| p.set(false));
        let reader = APP.with(|a| {
            a.borrow()
                .as_ref()
                .is_some_and(|app| app.role == Role::Reader)
        });
        if let (true, Some(app)) = (reader, APP.with(|a| a.borrow().clone())) {
            let _ = request_writer(Ask::IfFree, became_writer(app), || lost_writer(false));
        }
    };
    Timeout::new(LEFT_WAIT_MS, move || {
        if !page_hidden() {
            return claim();
        }
        let listener =
            EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                if !page_hidden() {
                    spawn_local(async {
                        CLAIM_WHEN_SHOWN.with(|c| c.borrow_mut().take());
                    });
                    claim();
                }
            });
        CLAIM_WHEN_SHOWN.with(|c| *c.borrow_mut() = Some(listener));
    })
    .forget();
}

/// "Use it here": takes the writer lock from the other tab, reads the
/// workspace as that tab left it, and makes this tab the writer.
pub fn take_over(app: AppHandle) {
    let granted = became_writer(app);
    if let Err(error) = request_writer(Ask::Steal, granted, || lost_writer(false)) {
        APP.with(|a| {
            if let Some(app) = a.borrow().as_ref() {
                let text = Msg::new(Key::TakeOverFailed).msg("error", error);
                app.dispatch(Action::Notify(MessageKind::Error, text));
            }
        });
    }
}

/// The application.
#[function_component(App)]
pub fn app() -> Html {
    let app = use_reducer(AppState::default);
    // The interface's language: the page is mirrored in Arabic, and the
    // session writes its messages in it.
    let lang: LangHandle = use_state(crate::platform::lang::initial);
    {
        let app = app.clone();
        use_effect_with(*lang, move |lang| {
            crate::platform::lang::apply(*lang);
            app.dispatch(Action::Lang(*lang));
        });
    }
    let t = *lang;
    // The reader's display preferences, remembered in this browser.
    let prefs: PrefsHandle = use_state(stored_prefs::load);
    use_effect_with(*prefs, |chosen| {
        stored_prefs::store(chosen);
    });
    let dragging = use_state(|| false);
    let matches = use_state(MatchCounts::default);
    let on_counts = {
        let matches = matches.clone();
        Callback::from(move |counts: MatchCounts| matches.set(counts))
    };
    // The key listener is registered once; it reads the latest state here.
    let latest: Rc<RefCell<Option<AppHandle>>> = use_mut_ref(|| None);
    *latest.borrow_mut() = Some(app.clone());

    APP.with(|a| *a.borrow_mut() = Some(app.clone()));
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            spawn_local(start(app));
        });
    }
    {
        // What the session asked to write goes to the saver, in order.
        let app = app.clone();
        use_effect(move || {
            saver::enqueue(app.outbox.take());
        });
    }
    {
        // When nothing changed for a while: compact, and try a failed
        // write again.
        let app = app.clone();
        let idle = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
        use_effect_with((app.revision, app.saves), move |_| {
            let timer = gloo::timers::callback::Timeout::new(IDLE_MS, move || {
                app.dispatch(Action::Idle);
                saver::retry();
            });
            *idle.borrow_mut() = Some(timer);
        });
    }
    {
        // A read-only tab shows the latest saved work: one reading at a
        // time, and one more if the writer saved meanwhile.
        let app = app.clone();
        use_effect_with(app.reloads, move |_| {
            if app.reloads > 0 {
                reload_stored(app.clone());
            }
        });
    }
    use_effect_with((), move |_| {
        let keys_state = latest.clone();
        let keys = EventListener::new_with_options(
            &gloo::utils::document(),
            "keydown",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                let current = keys_state.borrow().clone();
                if let (Some(app), Some(event)) =
                    (current, event.dyn_ref::<web_sys::KeyboardEvent>())
                {
                    on_key(&app, event);
                }
            },
        );
        let writer_state = latest.clone();
        // When work could not be saved, a write is slow to land, or files
        // are still being imported, closing the tab asks first.
        let unload = EventListener::new_with_options(
            &gloo::utils::window(),
            "beforeunload",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                let unsaved = saver::at_risk()
                    || crate::ui::import::running()
                    || latest.borrow().as_ref().is_some_and(|app| {
                        app.revision > 0 && app.storage.warning(app.lang).is_some()
                    });
                if unsaved {
                    event.prevent_default();
                }
            },
        );
        // A writer going away tells the read-only tabs, which may then
        // take the workspace over.
        let left = EventListener::new(&gloo::utils::window(), "pagehide", move |_| {
            let writer = writer_state
                .borrow()
                .as_ref()
                .is_some_and(|app| app.role == Role::Writer);
            if writer {
                announce(News::WriterLeft);
            }
        });
        move || drop((keys, unload, left))
    });

    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !*dragging {
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            if event.related_target().is_none() {
                dragging.set(false);
            }
        })
    };
    let ondrop = {
        let app = app.clone();
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            let Some(transfer) = event.data_transfer() else {
                return;
            };
            let drop = dropped(&transfer);
            let app = app.clone();
            spawn_local(async move {
                let files = files_of_drop(drop).await;
                read_and_import(app, files).await;
            });
        })
    };

    let body = if app.storage == StorageStatus::Loading {
        html! { <main class="loading-main"><p class="loading" data-testid="loading">{ t.t(Key::OpeningSaved) }</p></main> }
    } else {
        let documents = prefs.documents_open;
        let details = prefs.details_open;
        html! {
            <div class={classes!("workspace", (!documents).then_some("documents-closed"),
                (!details).then_some("details-closed"), panels_class(&prefs))}>
                <aside class="sidebar side-panel" id="documents-panel" aria-label={t.t(Key::DocumentsAndLabels)}>
                    <div class="panel-head">
                        if documents { <h2>{ t.t(Key::DocumentsHeading) }</h2> }
                        <PanelToggle side={Side::Documents} />
                    </div>
                    if documents {
                        <div class="panel-body">
                            <AnnotatorName />
                            <DocList matches={(*matches).clone()} />
                            <LabelEditor />
                        </div>
                        <PanelResizer side={Side::Documents} />
                    }
                </aside>
                <main class="editor" aria-label={t.t(Key::DocumentRegion)}>
                    <SearchPanel {on_counts} />
                    if app.curation_shown() { <CurationPanel /> }
                    <div class="doc-scroll" data-testid="doc-scroll">
                        <DocView />
                    </div>
                </main>
                <aside class="span-side side-panel" id="details-panel" aria-label={t.t(Key::Details)}>
                    <div class="panel-head">
                        if details { <h2>{ t.t(Key::Details) }</h2> }
                        <PanelToggle side={Side::Details} />
                    </div>
                    if details {
                        <EntitiesPanel />
                        <PanelResizer side={Side::Details} />
                    }
                </aside>
            </div>
        }
    };
    html! {
        <ContextProvider<AppHandle> context={app.clone()}>
        <ContextProvider<PrefsHandle> context={prefs.clone()}>
        <ContextProvider<LangHandle> context={lang.clone()}>
            <div class={classes!("app", class_of(&ClassRule::reading(&prefs)))} {ondragover} {ondrop} {ondragleave} oncopy={copy_without_marks()}>
                <Toolbar />
                <Messages />
                <ImportProgress />
                { body }
                if app.show_help { <ShortcutSheet /> }
                if *dragging {
                    <div class="drop-overlay" aria-hidden="true">{ t.t(Key::DropToLoad) }</div>
                }
            </div>
        </ContextProvider<LangHandle>>
        </ContextProvider<PrefsHandle>>
        </ContextProvider<AppHandle>>
    }
}

/// What the browser copies from the interface (a message, a name in a list),
/// without the invisible marks that keep mixed-script names in order on
/// screen ([`bidi::unmarked`]): pasted into a file name or a search, they
/// would not match. The document view puts its own text on the clipboard
/// first, untouched.
fn copy_without_marks() -> Callback<Event> {
    Callback::from(|event: Event| {
        if event.default_prevented() {
            return;
        }
        let Some(text) = selected_text() else { return };
        if let Cow::Owned(clean) = bidi::unmarked(&text) {
            copy_into(&event, &clean);
        }
    })
}
