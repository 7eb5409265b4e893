//! The annotator's name: who is annotating in this workspace, set once and
//! kept with the workspace ([`crate::core::edit::Edit::SetAnnotator`]), so
//! that every export carries it.

use yew::prelude::*;

use crate::core::edit::Edit;
use crate::core::i18n::Key;
use crate::ui::fields::{DraftField, field_value};
use crate::ui::lang::use_lang;
use crate::ui::state::{Action, use_app};

/// A labelled field with the annotator's name, committed on change.
#[function_component(AnnotatorName)]
pub fn annotator_name() -> Html {
    let app = use_app();
    let t = use_lang();
    let current = app.ws.annotator.clone().unwrap_or_default();
    let onchange = {
        let app = app.clone();
        let current = current.clone();
        Callback::from(move |event: Event| {
            let Some(value) = field_value(&event) else {
                return;
            };
            let value = value.trim().to_owned();
            if value != current {
                let name = (!value.is_empty()).then_some(value);
                app.dispatch(Action::Edit(Edit::SetAnnotator(name)));
            }
        })
    };
    // The placeholder is short enough for a narrow sidebar; the title says
    // what the name is for.
    html! {
        <div class="annotator-name" title={t.t(Key::AnnotatorPlaceholder)}>
            <label for="annotator-name">{ t.t(Key::Annotator) }</label>
            <DraftField value={AttrValue::from(current)} {onchange} testid="annotator-name"
                id="annotator-name" placeholder={t.t(Key::YourName)} dir="auto" maxlength="80" />
        </div>
    }
}
