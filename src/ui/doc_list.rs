//! The document list: names, span counts, and removal.

use yew::prelude::*;

use crate::ui::state::{Action, use_app};

/// Lists every document; clicking one opens it.
#[function_component(DocList)]
pub fn doc_list() -> Html {
    let app = use_app();
    let open = app.ws.open;
    let items = app.ws.documents.iter().map(|doc| {
        let id = doc.id;
        let onclick = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| app.dispatch(Action::Open(id)))
        };
        let onremove = {
            let app = app.clone();
            Callback::from(move |event: MouseEvent| {
                event.stop_propagation();
                app.dispatch(Action::RemoveDocument(id));
            })
        };
        let current = (open == Some(id)).then_some("true");
        let count = doc.spans.len();
        html! {
            <li key={id.0} data-testid="doc-item" data-doc-name={doc.name.clone()} aria-current={current}
                class={classes!("doc-item", current.map(|_| "open"))} {onclick} title={doc.name.clone()}>
                <span class="doc-name" dir="auto">{ doc.name.clone() }</span>
                <span class="doc-count" data-testid="doc-span-count" title="spans">{ count }</span>
                <button class="doc-remove" data-testid="doc-remove" title="Remove document" aria-label="Remove document"
                    onclick={onremove}>{ "×" }</button>
            </li>
        }
    });
    html! {
        <ul class="doc-list" data-testid="doc-list" aria-label="Documents">{ for items }</ul>
    }
}
