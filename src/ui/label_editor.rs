//! The label editor: add, rename, recolour, re-key, describe, reorder and
//! delete labels, and import or export the label set as JSON.

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::core::edit::{Edit, OrphanSpans};
use crate::core::formats::OutputFile;
use crate::core::i18n::{Counted, Key, Msg};
use crate::core::model::{
    Label, labels_from_json, labels_to_json, new_label_color, readable_color, with_label_set,
};
use crate::platform::files::{files_of, read_files};
use crate::ui::export_menu::offer_download;
use crate::ui::fields::{DraftField, field_value};
use crate::ui::icons::{Icon, icon};
use crate::ui::lang::use_lang;
use crate::ui::state::{Action, AppHandle, MessageKind, use_app};

/// The label editor, shown in the sidebar.
#[function_component(LabelEditor)]
pub fn label_editor() -> Html {
    let app = use_app();
    let t = use_lang();
    let new_name = use_state(String::new);
    let rows = app.ws.labels.iter().enumerate().map(|(index, label)| {
        html! { <LabelRow key={label.name.clone()} {index} label={label.clone()} /> }
    });
    let onadd = {
        let app = app.clone();
        let new_name = new_name.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let name = new_name.trim().to_owned();
            if name.is_empty() {
                return;
            }
            let mut labels = app.ws.labels.clone();
            let key = ('1'..='9').find(|k| labels.iter().all(|l| l.key != Some(*k)));
            labels.push(Label {
                name,
                color: new_label_color(labels.len()).to_owned(),
                key,
                description: String::new(),
            });
            app.dispatch(Action::Edit(Edit::SetLabels(labels)));
            new_name.set(String::new());
        })
    };
    let onname = {
        let new_name = new_name.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(value) = field_value(&event) {
                new_name.set(value);
            }
        })
    };
    let onexport = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let file = OutputFile {
                name: "wasim-labels.json".to_owned(),
                mime: "application/json",
                bytes: labels_to_json(&app.ws.labels).into_bytes(),
            };
            offer_download(&app, &file);
        })
    };
    let onimport = {
        let app = app.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            if let Some(list) = input.files() {
                import_label_set(app.clone(), &list);
            }
            input.set_value("");
        })
    };
    html! {
        <details class="label-editor" data-testid="label-editor">
            <summary>{ t.t(Key::Labels) }</summary>
            <ul class="label-rows">{ for rows }</ul>
            <form class="label-add" onsubmit={onadd}>
                <input data-testid="label-new-name" placeholder={t.t(Key::NewLabelName)} aria-label={t.t(Key::NewLabelName)}
                    value={(*new_name).clone()} oninput={onname} />
                <button type="submit" data-testid="label-add">{ t.t(Key::Add) }</button>
            </form>
            <div class="label-io">
                <button data-testid="labels-export" onclick={onexport}>{ t.t(Key::ExportLabels) }</button>
                <label class="button-like">{ t.t(Key::ImportLabels) }
                    <input type="file" accept=".json,application/json" class="visually-hidden"
                        data-testid="labels-import" onchange={onimport} />
                </label>
            </div>
        </details>
    }
}

fn import_label_set(app: AppHandle, list: &web_sys::FileList) {
    let files = files_of(list);
    spawn_local(async move {
        let (files, unreadable) = read_files(files).await;
        for text in unreadable {
            app.dispatch(Action::Notify(MessageKind::Error, text));
        }
        for file in files {
            match labels_from_json(&file.bytes, &file.name) {
                Ok((set, mut repairs)) => {
                    let docs = &app.ws.documents;
                    let used =
                        |name: &str| docs.iter().any(|d| d.spans.iter().any(|s| s.label == name));
                    let (labels, notes) = with_label_set(&app.ws.labels, set, used, &file.name);
                    repairs.extend(notes);
                    if !repairs.is_empty() {
                        app.dispatch(Action::Warnings {
                            what: Key::LabelSet.into(),
                            warnings: repairs,
                        });
                    }
                    app.dispatch(Action::Edit(Edit::SetLabels(labels)));
                }
                Err(error) => app.dispatch(Action::Notify(
                    MessageKind::Error,
                    Msg::new(Key::NameWithError)
                        .arg("name", &file.name)
                        .msg("error", error),
                )),
            }
        }
    });
}

#[derive(Properties, PartialEq)]
struct LabelRowProps {
    index: usize,
    label: Label,
}

/// One editable label.
#[function_component(LabelRow)]
fn label_row(props: &LabelRowProps) -> Html {
    let app = use_app();
    let t = use_lang();
    let deleting = use_state(|| false);
    let label = &props.label;
    let index = props.index;
    let update = {
        let app = app.clone();
        move |change: Box<dyn Fn(&mut Label)>| {
            let mut labels = app.ws.labels.clone();
            if let Some(target) = labels.get_mut(index) {
                change(target);
            }
            app.dispatch(Action::Edit(Edit::SetLabels(labels)));
        }
    };
    let oncolor = {
        let update = update.clone();
        let app = app.clone();
        Callback::from(move |event: Event| {
            if let Some(value) = field_value(&event) {
                let readable = readable_color(&value);
                if readable != value.to_lowercase() {
                    let text = Msg::new(Key::ColourLightened)
                        .arg("value", &value)
                        .arg("readable", &readable);
                    app.dispatch(Action::Notify(MessageKind::Info, text));
                }
                update(Box::new(move |l| l.color = readable.clone()));
            }
        })
    };
    let onkey = {
        let update = update.clone();
        Callback::from(move |event: Event| {
            if let Some(value) = field_value(&event) {
                update(Box::new(move |l| l.key = value.chars().next()));
            }
        })
    };
    let ondescription = {
        let update = update.clone();
        Callback::from(move |event: Event| {
            if let Some(value) = field_value(&event) {
                update(Box::new(move |l| l.description = value.clone()));
            }
        })
    };
    let onname = {
        let app = app.clone();
        let from = label.name.clone();
        Callback::from(move |event: Event| {
            // An emptied name is refused by the edit, which says so.
            if let Some(to) = field_value(&event)
                .map(|v| v.trim().to_owned())
                .filter(|v| *v != from)
            {
                app.dispatch(Action::Edit(Edit::RenameLabel {
                    from: from.clone(),
                    to,
                }));
            }
        })
    };
    let reorder = |delta: isize| {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let mut labels = app.ws.labels.clone();
            let target = index as isize + delta;
            if target >= 0 && (target as usize) < labels.len() {
                labels.swap(index, target as usize);
                app.dispatch(Action::Edit(Edit::SetLabels(labels)));
            }
        })
    };
    // Counted over the corpus only when asked, never on a render: a label
    // row is drawn again on every edit.
    let used = |app: &AppHandle, name: &str| -> usize {
        app.ws.documents.iter().map(|d| d.count_label(name)).sum()
    };
    let ondelete = {
        let app = app.clone();
        let deleting = deleting.clone();
        let name = label.name.clone();
        Callback::from(move |_: MouseEvent| {
            if used(&app, &name) == 0 {
                if let Ok(edit) = Edit::delete_label(&app.ws, &name, OrphanSpans::Delete) {
                    app.dispatch(Action::Edit(edit));
                }
            } else {
                deleting.set(true);
            }
        })
    };
    let confirm = {
        let app = app.clone();
        let deleting = deleting.clone();
        let name = label.name.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let choice = event
                .target_dyn_into::<web_sys::HtmlFormElement>()
                .and_then(|form| form.query_selector("select").ok().flatten())
                .and_then(|el| {
                    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(el).ok()
                })
                .map(|select| select.value())
                .unwrap_or_default();
            let policy = if choice.is_empty() {
                OrphanSpans::Delete
            } else {
                OrphanSpans::Relabel(choice)
            };
            match Edit::delete_label(&app.ws, &name, policy) {
                Ok(edit) => app.dispatch(Action::Edit(edit)),
                Err(error) => app.dispatch(Action::Notify(MessageKind::Error, error.notice())),
            }
            deleting.set(false);
        })
    };
    // Cancelling (the button, or Esc anywhere in the question) gives the
    // keyboard back to the row's Delete button.
    let delete_button = use_node_ref();
    let cancel_deleting = {
        let deleting = deleting.clone();
        let delete_button = delete_button.clone();
        move || {
            if let Some(button) = delete_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
            deleting.set(false);
        }
    };
    let cancel = {
        let cancel_deleting = cancel_deleting.clone();
        Callback::from(move |_: MouseEvent| cancel_deleting())
    };
    let onconfirmkey = Callback::from(move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            event.stop_propagation();
            cancel_deleting();
        }
    });
    // The question takes the keyboard when it opens, and goes away when
    // the keyboard (or a click) leaves it: one question at a time.
    let question = use_node_ref();
    {
        let question = question.clone();
        use_effect_with(*deleting, move |open| {
            let select = question
                .cast::<web_sys::Element>()
                .and_then(|form| form.query_selector("select").ok().flatten())
                .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
            if let (true, Some(select)) = (*open, select) {
                let _ = select.focus();
            }
        });
    }
    let onquestionleft = {
        let deleting = deleting.clone();
        let question = question.clone();
        Callback::from(move |event: FocusEvent| {
            let to = event
                .related_target()
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok());
            let form = question.cast::<web_sys::Node>();
            let inside = matches!((&form, &to), (Some(form), Some(to)) if form.contains(Some(to)));
            if !inside {
                deleting.set(false);
            }
        })
    };
    let others = app.ws.labels.iter().filter(|l| l.name != label.name).map(|l| {
        html! { <option key={l.name.clone()} value={l.name.clone()}>{ t.f(Key::RelabelThem, &[("label", &l.name)]) }</option> }
    });
    let name = label.name.clone();
    html! {
        <li class="label-row" data-testid="label-row" data-label={name.clone()}>
            <input type="color" value={label.color.clone()} onchange={oncolor} aria-label={t.f(Key::ColourOf, &[("name", &name)])}
                data-testid="label-color" />
            <DraftField class="label-name-input" value={name.clone()} onchange={onname} aria_label={t.f(Key::NameOf, &[("name", &name)])} testid="label-name" dir="auto" />
            <DraftField class="label-key-input" value={label.key.map(String::from).unwrap_or_default()} maxlength="1"
                onchange={onkey} aria_label={t.f(Key::HotkeyOf, &[("name", &name)])} testid="label-key" />
            <button onclick={reorder(-1)} aria-label={t.f(Key::MoveUpNamed, &[("name", &name)])} title={t.f(Key::MoveUpNamed, &[("name", &name)])} disabled={index == 0}>{ icon(Icon::Up) }</button>
            <button onclick={reorder(1)} aria-label={t.f(Key::MoveDownNamed, &[("name", &name)])} title={t.f(Key::MoveDownNamed, &[("name", &name)])} disabled={index + 1 == app.ws.labels.len()}>{ icon(Icon::Down) }</button>
            <button ref={delete_button} onclick={ondelete} aria-label={t.f(Key::DeleteNamed, &[("name", &name)])} title={t.f(Key::DeleteNamed, &[("name", &name)])} data-testid="label-delete">{ icon(Icon::Delete) }</button>
            <DraftField class="label-description" value={label.description.clone()} onchange={ondescription} dir="auto"
                placeholder={t.t(Key::Description)} aria_label={t.f(Key::DescriptionOf, &[("name", &name)])} />
            if *deleting {
                <form class="label-delete-confirm" onsubmit={confirm} onkeydown={onconfirmkey} data-testid="label-delete-confirm"
                    ref={question} onfocusout={onquestionleft}>
                    <span>{ t.n(Counted::SpansCarry, used(&app, &name), &[("name", &name)]) }</span>
                    <select aria-label={t.t(Key::WhatToDoWithSpans)}>
                        // Selected by name: Yew inserts the options last first,
                        // and the browser would select the first one inserted.
                        <option value="" selected=true>{ t.t(Key::DeleteThem) }</option>
                        { for others }
                    </select>
                    <button type="submit">{ t.t(Key::DeleteLabel) }</button>
                    <button type="button" onclick={cancel}>{ t.t(Key::Cancel) }</button>
                </form>
            }
        </li>
    }
}
