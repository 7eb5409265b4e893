//! The root component: owns the state, restores and saves it, and handles
//! the page-wide keyboard shortcuts and file drops.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::core::formats::import_files;
use crate::platform::files::{read_file_list, read_files};
use crate::platform::selection::{clear_selection, document_selection};
use crate::platform::storage::{open_and_restore, save};
use crate::ui::doc_list::DocList;
use crate::ui::doc_view::DocView;
use crate::ui::messages::Messages;
use crate::ui::state::{Action, AppHandle, AppState, StorageStatus};
use crate::ui::toolbar::Toolbar;

/// Reads the picked or dropped files, parses them in the core and hands the
/// results to the reducer.
pub fn load_files(app: AppHandle, list: web_sys::FileList) {
    spawn_local(async move {
        let (files, unreadable) = read_file_list(list).await;
        app.dispatch(Action::Imported {
            results: import_files(files),
            unreadable,
        });
    });
}

/// The application.
#[function_component(App)]
pub fn app() -> Html {
    let app = use_reducer(AppState::default);
    let dragging = use_state(|| false);
    let hotkeys: Rc<RefCell<Vec<(char, String)>>> = use_mut_ref(Vec::new);
    *hotkeys.borrow_mut() = app.ws.labels.iter().filter_map(|l| Some((l.key?, l.name.clone()))).collect();

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
                spawn_local(async move {
                    let result = save(&ws).await;
                    if result.is_err() || was_failed {
                        app.dispatch(Action::Saved(result));
                    }
                });
            }
        });
    }
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    if let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() {
                        on_key(&app, &hotkeys.borrow(), event);
                    }
                },
            );
            move || drop(listener)
        });
    }

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
            if let Some(list) = event.data_transfer().and_then(|t| t.files()) {
                let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.item(i)).collect();
                let app = app.clone();
                spawn_local(async move {
                    let (files, unreadable) = read_files(files).await;
                    app.dispatch(Action::Imported {
                        results: import_files(files),
                        unreadable,
                    });
                });
            }
        })
    };

    let body = if app.storage == StorageStatus::Loading {
        html! { <p class="loading" data-testid="loading">{ "Opening saved work…" }</p> }
    } else {
        html! {
            <main class="workspace">
                <aside class="sidebar">
                    <h2>{ "Documents" }</h2>
                    <DocList />
                </aside>
                <section class="editor" aria-label="Document">
                    <DocView />
                </section>
            </main>
        }
    };
    html! {
        <ContextProvider<AppHandle> context={app.clone()}>
            <div class="app" {ondragover} {ondrop} {ondragleave}>
                <Toolbar />
                <Messages />
                { body }
                if *dragging {
                    <div class="drop-overlay" aria-hidden="true">{ "Drop files to load them" }</div>
                }
            </div>
        </ContextProvider<AppHandle>>
    }
}

/// Whether a key event comes from a text field, where shortcuts must not fire.
fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            el.is_content_editable() || matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        })
}

/// The label hotkey an event stands for: its character, or the digit of its
/// physical key (so digits work with Arabic keyboard layouts too).
fn hotkey_of(event: &web_sys::KeyboardEvent, hotkeys: &[(char, String)]) -> Option<String> {
    let key = event.key();
    let mut chars = key.chars();
    let typed = match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    };
    let code = event.code();
    let physical = code
        .strip_prefix("Digit")
        .or_else(|| code.strip_prefix("Numpad"))
        .and_then(|d| d.chars().next());
    [typed, physical]
        .into_iter()
        .flatten()
        .find_map(|c| hotkeys.iter().find(|(k, _)| k.eq_ignore_ascii_case(&c)).map(|(_, n)| n.clone()))
}

fn on_key(app: &AppHandle, hotkeys: &[(char, String)], event: &web_sys::KeyboardEvent) {
    if typing_in_field(event) || event.is_composing() {
        return;
    }
    let command = event.ctrl_key() || event.meta_key();
    let key = event.key();
    let action = match key.as_str() {
        "z" | "Z" if command && event.shift_key() => Some(Action::Redo),
        "z" | "Z" if command => Some(Action::Undo),
        "y" | "Y" if command => Some(Action::Redo),
        _ if command || event.alt_key() => None,
        "Delete" | "Backspace" => Some(Action::DeleteSelected),
        "Escape" => {
            clear_selection();
            Some(Action::Select(None))
        }
        _ => hotkey_of(event, hotkeys).map(|label| {
            let selection = document_selection();
            if selection.is_some() {
                clear_selection();
            }
            Action::ApplyLabel { label, selection }
        }),
    };
    if let Some(action) = action {
        event.prevent_default();
        app.dispatch(action);
    }
}
