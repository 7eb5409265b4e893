//! The toolbar: open files, label buttons, undo/redo, export, the team
//! panel, reading settings, past messages and help.

use yew::prelude::*;

use crate::core::css::ClassRule;
use crate::core::i18n::Key;
use crate::core::session::Curate;
use crate::platform::styles::class_of;

use crate::platform::selection::{clear_selection, document_selection};
use crate::ui::export_menu::{ExportMenu, export_workspace};
use crate::ui::icons::{Icon, icon};
use crate::ui::import::load_files;
use crate::ui::lang::{LangSwitch, use_lang};
use crate::ui::messages::MessageLog;
use crate::ui::save_status::SaveStatus;
use crate::ui::settings::ReadingSettings;
use crate::ui::state::{Action, use_app};
use crate::ui::team::TeamButton;

/// File picker, labels, history and export controls.
#[function_component(Toolbar)]
pub fn toolbar() -> Html {
    let app = use_app();
    let t = use_lang();
    let onchange = {
        let app = app.clone();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            if let Some(list) = input.files() {
                load_files(app.clone(), &list);
            }
            input.set_value("");
        })
    };
    let labels = app.ws.labels.iter().map(|label| {
        let name = label.name.clone();
        let onclick = {
            let app = app.clone();
            let name = name.clone();
            Callback::from(move |event: MouseEvent| {
                let selection = document_selection();
                clear_selection();
                app.dispatch(Action::ApplyLabel {
                    label: name.clone(),
                    selection,
                    add: event.shift_key(),
                });
            })
        };
        // Keep the text selection when the button is pressed.
        let onmousedown = Callback::from(|event: MouseEvent| event.prevent_default());
        let key = label.key.map(|k| k.to_string());
        html! {
            <button key={name.clone()} class={classes!("label-button", class_of(&ClassRule::label_color(&label.color)))}
                data-testid={format!("label-{name}")} title={label.description.clone()}
                aria-keyshortcuts={key.clone()} {onclick} {onmousedown}>
                <bdi class="label-name">{ name.clone() }</bdi>
                if let Some(key) = key { <kbd>{ key }</kbd> }
            </button>
        }
    });
    let export_json = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            export_workspace(&app);
        })
    };
    let undo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Undo))
    };
    let redo = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Redo))
    };
    let toggle_precise = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::TogglePrecise))
    };
    let toggle_curation = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::Curate(Curate::Panel)))
    };
    let toggle_help = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::ToggleHelp))
    };
    html! {
        <header class="toolbar">
            <h1 class="brand" title={t.t(Key::BrandTitle)}><span lang="ar">{ "واسم" }</span><small lang="en">{ "Wasim" }</small></h1>
            // The label opens the picker natively, as in the label editor.
            <label class="button-like open-files">{ t.t(Key::OpenFilesButton) }
                <input type="file" multiple=true class="visually-hidden" data-testid="file-input"
                    accept=".txt,.json,.jsonl,.ann,.conll,.conllu,.iob,.iob2,.bio,.bioes,.tsv,.zip,text/plain,application/json"
                    aria-label={t.t(Key::OpenFiles)} {onchange} />
            </label>
            <div class="labels" role="toolbar" aria-label={t.t(Key::Labels)}>{ for labels }</div>
            <div class="history">
                <button data-testid="undo" onclick={undo} disabled={!app.history.can_undo() || !app.role.can_edit()} title={t.t(Key::UndoTitle)}>{ icon(Icon::Undo) }<span class="button-text">{ t.t(Key::Undo) }</span></button>
                <button data-testid="redo" onclick={redo} disabled={!app.history.can_redo() || !app.role.can_edit()} title={t.t(Key::RedoTitle)}>{ icon(Icon::Redo) }<span class="button-text">{ t.t(Key::Redo) }</span></button>
            </div>
            <button class="precise" data-testid="precise-toggle" aria-pressed={app.precise.to_string()} onclick={toggle_precise}
                title={t.t(Key::PreciseTitle)}>
                { if app.precise { t.t(Key::ExactCharacters) } else { t.t(Key::SnapToWords) } }</button>
            if app.tally.disputes().team_documents() > 0 {
                <button class="curation-open" data-testid="curation-open" onclick={toggle_curation}
                    aria-pressed={app.curation_shown().to_string()}
                    title={t.t(Key::AdjudicateTitle)}>{ t.t(Key::Adjudicate) }</button>
            }
            <button class="export" data-testid="export-json" onclick={export_json}>{ t.t(Key::ExportJson) }</button>
            <ExportMenu />
            <TeamButton />
            <SaveStatus />
            <ReadingSettings />
            <MessageLog />
            <LangSwitch />
            <button class="help" data-testid="help" onclick={toggle_help} aria-label={t.t(Key::KeyboardShortcuts)} title={t.t(Key::ShortcutsTitle)}>{ "?" }</button>
        </header>
    }
}
