//! The Yew user interface: function components around one root reducer.
//!
//! [`app::App`] owns the [`state::AppState`] (a `use_reducer` whose reducer
//! delegates to the core) and shares it through a context; the other
//! components read it with [`state::use_app`] and dispatch actions.

pub mod annotator;
pub mod app;
pub mod curation;
pub mod doc_list;
pub mod doc_view;
pub mod doc_window;
pub mod entities;
pub mod export_menu;
pub mod fields;
pub mod help;
pub mod icons;
pub mod import;
pub mod keyboard;
pub mod label_editor;
pub mod lang;
pub mod messages;
pub mod modal;
pub mod resizer;
pub mod save_status;
pub mod search;
pub mod search_results;
pub mod settings;
pub mod state;
pub mod styled;
pub mod team;
pub mod team_report;
pub mod toolbar;
pub mod update;
pub mod window;

/// Installs the panic banner and mounts the app into `<body>`.
pub fn start() {
    crate::platform::panic::install_panic_banner();
    crate::platform::offline::register();
    crate::platform::focus::keep_when_removed();
    yew::Renderer::<app::App>::new().render();
}
