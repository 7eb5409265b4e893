//! The document list: names, span counts, removal, a filter by name, and
//! the progress over the corpus.
//!
//! The list is windowed ([`WindowedList`]): however many documents there
//! are, only the items in and near view are drawn, so opening a document or
//! tagging a word costs the same in a corpus of ten thousand as in one of
//! five. The progress comes from the corpus [`crate::core::tally::Tally`],
//! kept current edit by edit, never counted again on a render. ↑/↓, Page
//! Up/Down, Home and End move through the list, Enter opens; the open
//! document is scrolled into view when it changes (an undo, a reload).
//!
//! Long names are cut in the middle so that their end stays visible
//! ([`split_name`]); the full name is in the item's `title` and shows in
//! full when the item has keyboard focus. Per-label count chips give way
//! before the name does.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::css::ClassRule;
use crate::core::display::split_name;
use crate::core::edit::Edit;
use crate::core::i18n::{Counted, Key, Lang};
use crate::core::model::Document;
use crate::core::search::{filter_fold, filter_matches};
use crate::platform::styles::class_of;
use crate::ui::fields::field_value;
use crate::ui::icons::{Icon, icon, named_icon};
use crate::ui::lang::use_lang;
use crate::ui::search::MatchCounts;
use crate::ui::state::{Action, AppHandle, use_app};
use crate::ui::window::{Reveal, WindowedList};

/// A document item's height in pixels until one is measured.
const ROW_ESTIMATE: f64 = 30.0;

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
    let t = use_lang();
    let filter = use_state(String::new);
    // The positions of the documents whose name matches the filter (`None`:
    // no filter, every document), found again only when the filter or the
    // list of documents changes.
    let shown: Rc<Option<Vec<usize>>> = {
        let state = app.clone();
        use_memo(
            (filter.trim().to_owned(), app.tally.generation()),
            move |(filter, _)| {
                (!filter.is_empty()).then(|| {
                    let needle = filter_fold(filter);
                    state
                        .ws
                        .documents
                        .iter()
                        .enumerate()
                        .filter(|(_, d)| filter_matches(&d.name, &needle))
                        .map(|(i, _)| i)
                        .collect()
                })
            },
        )
    };
    let count = shown
        .as_ref()
        .as_ref()
        .map_or(app.ws.documents.len(), Vec::len);
    // The open document is brought into view when it changes, and when the
    // list changes around it (a filter typed or cleared, documents loaded).
    let reveal = use_state(|| None::<Reveal>);
    {
        let (app, shown, reveal) = (app.clone(), shown.clone(), reveal.clone());
        let deps = (app.ws.open, app.tally.generation(), shown.is_some(), count);
        use_effect_with(deps, move |(open, _, _, _)| {
            let position = open.and_then(|id| app.position(id));
            let row = match (position, shown.as_ref()) {
                (Some(at), Some(rows)) => rows.binary_search(&at).ok(),
                (at, None) => at,
                (None, _) => None,
            };
            if let Some(row) = row {
                let seq = reveal.map_or(1, |r| r.seq + 1);
                reveal.set(Some(Reveal {
                    seq,
                    row,
                    focus: false,
                }));
            }
        });
    }
    // Each label's chip colour class, once, not per item.
    let colors: Rc<Vec<String>> = use_memo(app.ws.labels.clone(), |labels| {
        labels
            .iter()
            .map(|l| class_of(&ClassRule::label_color(&l.color)))
            .collect()
    });
    let row = {
        let (app, shown, matches) = (app.clone(), shown.clone(), props.matches.clone());
        Callback::from(move |row: usize| {
            let at = shown
                .as_ref()
                .as_ref()
                .map_or(Some(row), |rows| rows.get(row).copied());
            match at.and_then(|i| app.ws.documents.get(i)) {
                Some(doc) => doc_item(&app, t, doc, &colors, matches.get(&doc.id).copied()),
                None => html! {},
            }
        })
    };
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(value) = field_value(&event) {
                filter.set(value);
            }
        })
    };
    // Progress counts the user's documents, never the demo.
    let (done, total) = (app.tally.done(), app.tally.total());
    let filtering = shown.is_some();
    html! {
        <>
            <div class="progress" data-testid="progress" data-done={done.to_string()} data-total={total.to_string()}>
                <progress max={total.max(1).to_string()} value={done.to_string()} aria-label={t.t(Key::DocumentsDone)}></progress>
                <span>{ t.f(Key::DoneOfTotal, &[("done", &done.to_string()), ("total", &total.to_string())]) }</span>
            </div>
            <input type="search" class="doc-filter" data-testid="doc-filter" dir="auto" placeholder={t.t(Key::FilterByName)}
                value={(*filter).clone()} {oninput} aria-label={t.t(Key::FilterDocuments)} />
            if filtering {
                <p class="muted doc-filter-count" data-testid="doc-filter-count" data-count={count.to_string()}>
                    { t.n(Counted::DocumentsOf, app.ws.documents.len(), &[("count", &count.to_string())]) }</p>
            }
            <div class="doc-list-scroll">
                <WindowedList {count} {row} estimate={ROW_ESTIMATE} reveal={*reveal} class="doc-list windowed-list"
                    testid="doc-list" label={t.t(Key::DocumentsHeading)} />
            </div>
        </>
    }
}

/// One document's item: name, done box, counts (chips in `colors`, one per
/// label), remove button.
fn doc_item(
    app: &AppHandle,
    t: Lang,
    doc: &Document,
    colors: &[String],
    hits: Option<usize>,
) -> Html {
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
            app.dispatch(Action::Edit(Edit::SetDone {
                doc: id,
                done: !done,
            }));
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
    let current = (app.ws.open == Some(id)).then_some("true");
    let parts = split_name(&doc.name);
    let count = doc.spans.len();
    let disputes = app.tally.disputes().open_in(id);
    let counts: Vec<(&str, &str, usize)> = app
        .ws
        .labels
        .iter()
        .zip(colors)
        .map(|(l, color)| (l.name.as_str(), color.as_str(), doc.count_label(&l.name)))
        .collect();
    let per_label = t.join(
        &counts
            .iter()
            .map(|(name, _, n)| t.f(Key::LabelCount, &[("label", name), ("n", &n.to_string())]))
            .collect::<Vec<_>>(),
    );
    let dots = counts.iter().filter(|(_, _, n)| *n > 0).map(|(name, color, n)| {
        html! {
            <span class={classes!("doc-label-count", color.to_string())} data-testid="doc-label-count" data-label={name.to_string()}
                title={t.f(Key::LabelCount, &[("label", name), ("n", &n.to_string())])}>{ n }</span>
        }
    });
    html! {
        <li key={id.0} data-testid="doc-item" data-doc-name={doc.name.clone()} aria-current={current}
            data-done={doc.done.then_some("true")} data-demo={doc.demo.then_some("true")}
            class={classes!("doc-item", current.map(|_| "open"), doc.done.then_some("done"), doc.demo.then_some("demo"))} {onclick} {onkeydown}
            tabindex="0" title={format!("{} — {per_label}", doc.name)}>
            <input type="checkbox" class="doc-done" data-testid="doc-done" checked={doc.done} onclick={ondone}
                aria-label={t.t(Key::Done)} title={t.t(Key::MarkDone)} />
            <span class={classes!("doc-name", parts.joined.then_some("joined"))} dir="auto">
                <span class="name-head">{ parts.head.to_owned() }</span>
                if !parts.tail.is_empty() { <span class="name-tail">{ parts.tail.to_owned() }</span> }
            </span>
            if let Some(hits) = hits {
                <span class="doc-search-count" data-testid="doc-search-count" title={t.t(Key::SearchMatches)}>{ named_icon(Icon::Search, t.t(Key::SearchMatches)) }{ hits }</span>
            }
            if disputes > 0 {
                <span class="doc-disputes" data-testid="doc-disputes"
                    title={t.n(Counted::DisputesToAdjudicate, disputes, &[])}>{ format!("≠{disputes}") }</span>
            }
            <span class="doc-label-counts">{ for dots }</span>
            <span class="doc-count" data-testid="doc-span-count" title={per_label.clone()}>{ count }</span>
            <button class="doc-remove" data-testid="doc-remove" title={t.t(Key::RemoveDocument)} aria-label={t.t(Key::RemoveDocument)}
                onclick={onremove}>{ icon(Icon::Close) }</button>
        </li>
    }
}
