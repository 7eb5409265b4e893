//! The annotator's name: who is annotating in this workspace, set once and
//! kept with the workspace ([`crate::core::edit::Edit::SetAnnotator`]), so
//! that every export carries it.

use yew::prelude::*;

use crate::core::edit::Edit;
use crate::ui::fields::{DraftField, field_value};
use crate::ui::state::{Action, use_app};

/// A labelled field with the annotator's name, committed on change.
#[function_component(AnnotatorName)]
pub fn annotator_name() -> Html {
    let app = use_app();
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
    html! {
        <div class="annotator-name">
            <label for="annotator-name">{ "Annotator" }</label>
            <DraftField value={AttrValue::from(current)} {onchange} testid="annotator-name"
                id="annotator-name" placeholder="Your name (kept in exports)" dir="auto" maxlength="80" />
        </div>
    }
}
