//! The root component: owns the state, restores and saves it, and handles
//! the page-wide keyboard shortcuts and file drops.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::core::formats::import_files;
use crate::platform::files::{dropped, files_of, files_of_drop, read_files};
use crate::platform::prefs as stored_prefs;
use crate::platform::storage::{open_and_restore, save};
use crate::ui::doc_list::DocList;
use crate::ui::doc_view::DocView;
use crate::ui::entities::EntitiesPanel;
use crate::ui::help::ShortcutSheet;
use crate::ui::keyboard::on_key;
use crate::ui::label_editor::LabelEditor;
use crate::ui::messages::Messages;
use crate::ui::search::{MatchCounts, SearchPanel};
use crate::ui::settings::{PanelToggle, PrefsHandle, Side};
use crate::ui::state::{Action, AppHandle, AppState, StorageStatus};
use crate::ui::toolbar::Toolbar;

/// Reads the picked or dropped files, parses them in the core and hands the
/// results to the reducer. The files are taken out of the `FileList` at once,
/// so the input can be cleared right after.
pub fn load_files(app: AppHandle, list: &web_sys::FileList) {
    let files = files_of(list);
    spawn_local(read_and_import(app, files));
}

async fn read_and_import(app: AppHandle, files: Vec<web_sys::File>) {
    let (files, unreadable) = read_files(files).await;
    app.dispatch(Action::Imported {
        results: import_files(files),
        unreadable,
    });
}

/// The application.
#[function_component(App)]
pub fn app() -> Html {
    let app = use_reducer(AppState::default);
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

    {
        let app = app.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                app.dispatch(Action::Restored(open_and_restore().await));
            });
        });
    }
    {
        let app = app.clone();
        use_effect_with(app.revision, move |_| {
            if app.revision > 0 && app.storage.saves() {
                let was_failed = matches!(app.storage, StorageStatus::Failed(_));
                let ws = app.ws.clone();
                let history = app.history.clone();
                spawn_local(async move {
                    let result = save(&ws, &history).await;
                    if result.is_err() || was_failed {
                        app.dispatch(Action::Saved(result));
                    }
                });
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
        // When work could not be saved, closing the tab asks first.
        let unload = EventListener::new_with_options(
            &gloo::utils::window(),
            "beforeunload",
            EventListenerOptions::enable_prevent_default(),
            move |event| {
                let unsaved = latest
                    .borrow()
                    .as_ref()
                    .is_some_and(|app| app.revision > 0 && app.storage.warning().is_some());
                if unsaved {
                    event.prevent_default();
                }
            },
        );
        move || drop((keys, unload))
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
        html! { <p class="loading" data-testid="loading">{ "Opening saved work…" }</p> }
    } else {
        let documents = prefs.documents_open;
        let details = prefs.details_open;
        html! {
            <main class={classes!("workspace", (!documents).then_some("documents-closed"),
                (!details).then_some("details-closed"))}>
                <aside class="sidebar side-panel" id="documents-panel" aria-label="Documents and labels">
                    <div class="panel-head">
                        if documents { <h2>{ "Documents" }</h2> }
                        <PanelToggle side={Side::Documents} />
                    </div>
                    if documents {
                        <div class="panel-body">
                            <DocList matches={(*matches).clone()} />
                            <LabelEditor />
                        </div>
                    }
                </aside>
                <section class="editor" aria-label="Document">
                    <SearchPanel {on_counts} />
                    <div class="doc-scroll" data-testid="doc-scroll">
                        <DocView />
                    </div>
                </section>
                <div class="span-side side-panel" id="details-panel">
                    <div class="panel-head">
                        if details { <h2>{ "Details" }</h2> }
                        <PanelToggle side={Side::Details} />
                    </div>
                    if details { <EntitiesPanel /> }
                </div>
            </main>
        }
    };
    html! {
        <ContextProvider<AppHandle> context={app.clone()}>
        <ContextProvider<PrefsHandle> context={prefs.clone()}>
            <div class="app" style={prefs.css_variables()} {ondragover} {ondrop} {ondragleave}>
                <Toolbar />
                <Messages />
                { body }
                if app.show_help { <ShortcutSheet /> }
                if *dragging {
                    <div class="drop-overlay" aria-hidden="true">{ "Drop files to load them" }</div>
                }
            </div>
        </ContextProvider<PrefsHandle>>
        </ContextProvider<AppHandle>>
    }
}
