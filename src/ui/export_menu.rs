//! The export menu: every format the core speaks, for the open document or
//! the whole corpus, with the format's options.

use yew::prelude::*;

use crate::core::curation::open_warning;
use crate::core::formats::naming::name_export;
use crate::core::formats::wasim::WasimJson;
use crate::core::formats::{
    self, ExportOptions, ExportScope, OutputFile, TagScheme, scoped_documents, signed,
};
use crate::core::i18n::{Key, Msg};
use crate::core::model::Workspace;
use crate::platform::files::download;
use crate::platform::resume::today;
use crate::ui::fields::field_value;
use crate::ui::lang::use_lang;
use crate::ui::state::{Action, AppHandle, MessageKind, use_app};

/// Offers `file` as a download; a refusal becomes an error message.
pub fn offer_download(app: &AppHandle, file: &OutputFile) {
    if let Err(error) = download(file) {
        let text = Msg::new(Key::ExportFailed).msg("error", error);
        app.dispatch(Action::Notify(MessageKind::Error, text));
    }
}

/// Downloads the whole workspace as Wasim JSON (*Export JSON*), warning
/// when some disagreements are still open.
pub fn export_workspace(app: &AppHandle) {
    // As the export menu: with no document (or only the demo) there is
    // nothing to export (it downloaded the labels alone).
    if app.ws.work_documents().next().is_none() {
        app.dispatch(Action::Notify(
            MessageKind::Info,
            Key::NothingToExport.into(),
        ));
        return;
    }
    offer_download(app, &workspace_file(&app.ws));
    if let Some(warning) = open_warning(app.tally.disputes(), app.ws.work_documents()) {
        app.dispatch(Action::Warnings {
            what: Msg::new(Key::ExportTo).arg("format", formats::Format::name(&WasimJson)),
            warnings: vec![warning],
        });
    }
}

/// The whole workspace as a Wasim JSON file, remembering the open document,
/// named `corpus_YYYY-MM-DD.json`. The demo document is not part of it.
pub fn workspace_file(ws: &Workspace) -> OutputFile {
    let signed = signed(ws, ws.work_documents().collect());
    let docs: Vec<_> = signed.iter().map(|d| &**d).collect();
    let open = ws.open.and_then(|id| docs.iter().position(|d| d.id == id));
    let file = OutputFile {
        name: "wasim-annotations.json".to_owned(),
        mime: "application/json",
        bytes: WasimJson::to_json(&ws.labels, &docs, open).into_bytes(),
    };
    name_export(file, &docs, ExportScope::Corpus, &today())
}

/// Format picker, scope picker, options and the export button.
#[function_component(ExportMenu)]
pub fn export_menu() -> Html {
    let app = use_app();
    let t = use_lang();
    let format = use_state(|| {
        formats::all()
            .first()
            .map_or("wasim", |f| f.id())
            .to_owned()
    });
    let options = use_state(ExportOptions::default);

    let onformat = {
        let format = format.clone();
        Callback::from(move |event: Event| {
            if let Some(value) = field_value(&event) {
                format.set(value);
            }
        })
    };
    let onscope = {
        let options = options.clone();
        Callback::from(move |event: Event| {
            if let Some(value) = field_value(&event) {
                let scope = if value == "open" {
                    ExportScope::OpenDocument
                } else {
                    ExportScope::Corpus
                };
                options.set(ExportOptions { scope, ..*options });
            }
        })
    };
    let onutf16 = {
        let options = options.clone();
        Callback::from(move |_: Event| {
            options.set(ExportOptions {
                utf16_offsets: !options.utf16_offsets,
                ..*options
            })
        })
    };
    let onscheme = {
        let options = options.clone();
        Callback::from(move |event: Event| {
            let chosen = field_value(&event).and_then(|value| TagScheme::from_name(&value));
            if let Some(tag_scheme) = chosen {
                options.set(ExportOptions {
                    tag_scheme,
                    ..*options
                });
            }
        })
    };
    let onrun = {
        let app = app.clone();
        let format = format.clone();
        let options = options.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(chosen) = formats::by_id(&format) else {
                return;
            };
            let signed = signed(&app.ws, scoped_documents(&app.ws, options.scope));
            let (signed, team_warning) = formats::with_team_data(chosen, signed);
            let documents: Vec<_> = signed.iter().map(|d| &**d).collect();
            if documents.is_empty() {
                app.dispatch(Action::Notify(
                    MessageKind::Info,
                    Key::NothingToExport.into(),
                ));
                return;
            }
            let exported =
                if chosen.id() == formats::wasim::ID && options.scope == ExportScope::Corpus {
                    formats::Exported {
                        file: workspace_file(&app.ws),
                        warnings: Vec::new(),
                    }
                } else {
                    let mut exported = chosen.export(&app.ws.labels, &documents, *options);
                    exported.file = name_export(exported.file, &documents, options.scope, &today());
                    exported
                };
            offer_download(&app, &exported.file);
            let mut exported = exported;
            exported.warnings.extend(team_warning);
            exported
                .warnings
                .extend(formats::links_left_out(chosen, &documents));
            exported.warnings.extend(open_warning(
                app.tally.disputes(),
                documents.iter().copied(),
            ));
            if !exported.warnings.is_empty() {
                app.dispatch(Action::Warnings {
                    what: Msg::new(Key::ExportTo).arg("format", chosen.name()),
                    warnings: exported.warnings,
                });
            }
        })
    };
    let onconfig = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            let file = OutputFile {
                name: "label-studio-config.xml".to_owned(),
                mime: "application/xml",
                bytes: formats::label_studio::labeling_config(&app.ws.labels).into_bytes(),
            };
            offer_download(&app, &file);
        })
    };
    let format_options = formats::all().iter().map(|f| {
        html! { <option key={f.id()} value={f.id()} selected={f.id() == *format}>{ f.name() }</option> }
    });
    // "As imported" first: each document keeps its file's scheme and tags.
    let schemes = TagScheme::CHOICES.into_iter().map(|s| {
        let shown = match s {
            TagScheme::AsImported => t.t(Key::AsImported),
            s => s.name(),
        };
        html! { <option key={s.name()} value={s.name()} selected={s == options.tag_scheme}>{ shown }</option> }
    });
    let corpus = options.scope == ExportScope::Corpus;
    html! {
        <div class="export-menu">
            // Format names are Latin product names: left to right in either
            // interface, so a long one is cut at its end, not its start.
            <select data-testid="export-format" dir="ltr" onchange={onformat} aria-label={t.t(Key::ExportFormat)}>{ for format_options }</select>
            <select data-testid="export-scope" onchange={onscope} aria-label={t.t(Key::WhatToExport)}>
                <option value="corpus" selected={corpus}>{ t.t(Key::AllDocuments) }</option>
                <option value="open" selected={!corpus}>{ t.t(Key::OpenDocument) }</option>
            </select>
            if *format == formats::doccano::ID {
                <label class="switch"><input type="checkbox" data-testid="export-utf16" checked={options.utf16_offsets}
                    onchange={onutf16} />{ t.t(Key::Utf16Offsets) }</label>
            }
            if *format == formats::label_studio::ID {
                <button data-testid="export-ls-config" onclick={onconfig}
                    title={t.t(Key::LsConfigTitle)}>{ t.t(Key::LsConfig) }</button>
            }
            if *format == "conll" {
                <select data-testid="export-scheme" onchange={onscheme} aria-label={t.t(Key::TagScheme)}>{ for schemes }</select>
            }
            <button data-testid="export-run" onclick={onrun}>{ t.t(Key::Export) }</button>
        </div>
    }
}
