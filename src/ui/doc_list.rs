//! The document list: names, span counts, and removal.
//!
//! Long names are cut in the middle so that their end stays visible
//! ([`split_name`]); the full name is in the item's `title` and shows in
//! full when the item has keyboard focus. Per-label count chips give way
//! before the name does.

use yew::prelude::*;

use crate::core::display::split_name;
use crate::core::edit::Edit;
use crate::core::model::readable_color;
use crate::ui::icons::{Icon, icon, named_icon};
use crate::ui::search::MatchCounts;
use crate::ui::state::{Action, use_app};

/// Props of [`DocList`].
#[derive(Properties, PartialEq)]
pub struct DocListProps {
    /// Search matches per document, shown next to each name.
    pub matches: MatchCounts,
}

/// Lists every document; clicking one opens it.
#[function_component(DocList)]
pub fn doc_list(props: &DocListProps) -> Html {
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
        let ondone = {
            let app = app.clone();
            let done = doc.done;
            Callback::from(move |event: MouseEvent| {
                event.stop_propagation();
                app.dispatch(Action::Edit(Edit::SetDone { doc: id, done: !done }));
            })
        };
        let onkeydown = {
            let app = app.clone();
            Callback::from(move |event: KeyboardEvent| {
                let on_item = event
                    .target_dyn_into::<web_sys::Element>()
                    .is_some_and(|el| el.tag_name() == "LI");
                if on_item && (event.key() == "Enter" || event.key() == " ") {
                    event.prevent_default();
                    app.dispatch(Action::Open(id));
                }
            })
        };
        let current = (open == Some(id)).then_some("true");
        let parts = split_name(&doc.name);
        let count = doc.spans.len();
        let counts: Vec<(&str, &str, usize)> = app
            .ws
            .labels
            .iter()
            .map(|l| (l.name.as_str(), l.color.as_str(), doc.count_label(&l.name)))
            .collect();
        let per_label = counts.iter().map(|(name, _, n)| format!("{name}: {n}")).collect::<Vec<_>>().join(", ");
        let dots = counts.iter().filter(|(_, _, n)| *n > 0).map(|(name, color, n)| {
            html! {
                <span class="doc-label-count" data-testid="doc-label-count" data-label={name.to_string()}
                    style={format!("background-color:{}", readable_color(color))} title={format!("{name}: {n}")}>{ n }</span>
            }
        });
        html! {
            <li key={id.0} data-testid="doc-item" data-doc-name={doc.name.clone()} aria-current={current}
                data-done={doc.done.then_some("true")} data-demo={doc.demo.then_some("true")}
                class={classes!("doc-item", current.map(|_| "open"), doc.done.then_some("done"), doc.demo.then_some("demo"))} {onclick} {onkeydown}
                tabindex="0" title={format!("{} — {per_label}", doc.name)}>
                <input type="checkbox" class="doc-done" data-testid="doc-done" checked={doc.done} onclick={ondone}
                    aria-label="Done" title="Mark done" />
                <span class={classes!("doc-name", parts.joined.then_some("joined"))} dir="auto">
                    <span class="name-head">{ parts.head.to_owned() }</span>
                    if !parts.tail.is_empty() { <span class="name-tail">{ parts.tail.to_owned() }</span> }
                </span>
                if let Some(hits) = props.matches.iter().find(|(doc, _)| *doc == id).map(|(_, n)| *n) {
                    <span class="doc-search-count" data-testid="doc-search-count" title="search matches">{ named_icon(Icon::Search, "search matches") }{ hits }</span>
                }
                <span class="doc-label-counts">{ for dots }</span>
                <span class="doc-count" data-testid="doc-span-count" title={per_label.clone()}>{ count }</span>
                <button class="doc-remove" data-testid="doc-remove" title="Remove document" aria-label="Remove document"
                    onclick={onremove}>{ icon(Icon::Close) }</button>
            </li>
        }
    });
    // Progress counts the user's documents, never the demo.
    let total = app.ws.work_documents().count();
    let done = app.ws.work_documents().filter(|d| d.done).count();
    html! {
        <>
            <div class="progress" data-testid="progress" data-done={done.to_string()} data-total={total.to_string()}>
                <progress max={total.max(1).to_string()} value={done.to_string()} aria-label="Documents done"></progress>
                <span>{ format!("{done} / {total} done") }</span>
            </div>
            <ul class="doc-list" data-testid="doc-list" aria-label="Documents">{ for items }</ul>
        </>
    }
}
