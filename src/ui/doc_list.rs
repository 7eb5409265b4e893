//! The document list: names, span counts, removal, a filter by name, and
//! the progress over the corpus.
//!
//! The list is windowed ([`WindowedList`]): however many documents there
//! are, only the items in and near view are drawn, so opening a document or
//! tagging a word costs the same in a corpus of ten thousand as in one of
//! five. Each item is its own component ([`DocItem`]) whose props compare
//! the document by pointer: an edit draws again only the item of the
//! document it changed (documents are shared and copied on write, see
//! [`crate::core::doclist`]). The progress comes from the corpus [`crate::core::tally::Tally`],
//! kept current edit by edit, never counted again on a render. ↑/↓, Page
//! Up/Down, Home and End move through the list, Enter opens; the open
//! document is scrolled into view when it changes (an undo, a reload).
//!
//! Long names are cut in the middle so that their end stays visible
//! ([`split_name`]); the full name is in the item's `title` and shows in
//! full when the item has keyboard focus. Per-label count chips give way
//! before the name does.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use yew::prelude::*;

use crate::core::bidi::{defused, marked, unmarked};
use crate::core::css::ClassRule;
use crate::core::display::split_name;
use crate::core::edit::Edit;
use crate::core::i18n::{Counted, Key, Lang};
use crate::core::model::{DocId, Document};
use crate::core::search::{filter_fold, filter_matches};
use crate::platform::styles::class_of;
use crate::ui::fields::field_value;
use crate::ui::icons::{Icon, icon, named_icon};
use crate::ui::lang::use_lang;
use crate::ui::search::MatchCounts;
use crate::ui::state::{Action, AppState, use_app};
use crate::ui::window::{Reveal, WindowedList};

/// A document item's height in pixels until one is measured.
const ROW_ESTIMATE: f64 = 30.0;

thread_local! {
    static ITEMS_RENDERED: Cell<u64> = const { Cell::new(0) };
}

/// How many times a document item has been rendered since the page opened
/// (for tests of what an edit costs).
pub fn items_rendered() -> u64 {
    ITEMS_RENDERED.with(Cell::get)
}

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
    // list changes around it (a filter typed or cleared, documents loaded);
    // not when documents are removed, which leaves the list where the user
    // scrolled it.
    let reveal = use_state(|| None::<Reveal>);
    let before = use_mut_ref(|| None::<(Option<DocId>, u64, bool, usize)>);
    {
        let (app, shown, reveal) = (app.clone(), shown.clone(), reveal.clone());
        let deps = (app.ws.open, app.tally.generation(), shown.is_some(), count);
        use_effect_with(deps, move |&(open, generation, filtered, count)| {
            let last = before
                .borrow_mut()
                .replace((open, generation, filtered, count));
            let removed = last.is_some_and(|(was_open, was_generation, was_filtered, was)| {
                was_open == open
                    && was_filtered == filtered
                    && was_generation != generation
                    && count < was
            });
            if removed {
                return;
            }
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
    // Each label's name and chip colour class, once, not per item.
    let chips: Rc<Vec<(String, String)>> = use_memo(app.ws.labels.clone(), |labels| {
        labels
            .iter()
            .map(|l| (l.name.clone(), class_of(&ClassRule::label_color(&l.color))))
            .collect()
    });
    let row = {
        let (app, shown, matches) = (app.clone(), shown.clone(), props.matches.clone());
        let dispatch = app.dispatcher();
        Callback::from(move |row: usize| {
            let at = shown
                .as_ref()
                .as_ref()
                .map_or(Some(row), |rows| rows.get(row).copied());
            match at.and_then(|i| app.ws.documents.get(i)) {
                Some(doc) => html! {
                    <DocItem key={doc.id.0} doc={doc.clone()} current={app.ws.open == Some(doc.id)}
                        hits={matches.get(&doc.id).copied()} disputes={app.tally.disputes().open_in(doc.id)}
                        chips={chips.clone()} lang={t} dispatch={dispatch.clone()} />
                },
                None => html! {},
            }
        })
    };
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |event: InputEvent| {
            // A name pasted from a message carries its invisible marks.
            if let Some(value) = field_value(&event) {
                filter.set(unmarked(&value).into_owned());
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

/// Props of [`DocItem`].
#[derive(Properties)]
struct DocItemProps {
    doc: Arc<Document>,
    /// Whether it is the open document.
    current: bool,
    /// Search matches in it, when searching the corpus.
    hits: Option<usize>,
    /// Its disputes left to adjudicate.
    disputes: usize,
    /// Each label's name and chip colour class.
    chips: Rc<Vec<(String, String)>>,
    lang: Lang,
    dispatch: UseReducerDispatcher<AppState>,
}

/// The document by pointer: a document changed by an edit is a new one.
impl PartialEq for DocItemProps {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.doc, &other.doc)
            && (self.current, self.hits, self.disputes, self.lang)
                == (other.current, other.hits, other.disputes, other.lang)
            && Rc::ptr_eq(&self.chips, &other.chips)
            && self.dispatch == other.dispatch
    }
}

/// One document's item: name, done box, counts (a chip per label),
/// remove button.
#[function_component(DocItem)]
fn doc_item(props: &DocItemProps) -> Html {
    ITEMS_RENDERED.with(|n| n.set(n.get() + 1));
    let DocItemProps {
        doc,
        hits,
        disputes,
        chips,
        lang: t,
        dispatch,
        ..
    } = props;
    let (t, hits, disputes) = (*t, *hits, *disputes);
    let id = doc.id;
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::Open(id)))
    };
    let onremove = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: MouseEvent| {
            event.stop_propagation();
            dispatch.dispatch(Action::RemoveDocument(id));
        })
    };
    let ondone = {
        let dispatch = dispatch.clone();
        let done = doc.done;
        Callback::from(move |event: MouseEvent| {
            event.stop_propagation();
            dispatch.dispatch(Action::Edit(Edit::SetDone {
                doc: id,
                done: !done,
            }));
        })
    };
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |event: KeyboardEvent| {
            let on_item = event
                .target_dyn_into::<web_sys::Element>()
                .is_some_and(|el| el.tag_name() == "LI");
            if on_item && (event.key() == "Enter" || event.key() == " ") {
                event.prevent_default();
                dispatch.dispatch(Action::Open(id));
            }
        })
    };
    let current = props.current.then_some("true");
    // Cut after marking: a name mixing scripts keeps its order in each part.
    // Direction overrides shown as `\u{202e}`: `\u{202e}gnp.txt` was
    // listed as `txt.png`.
    let name = defused(&doc.name);
    let shown = marked(&name);
    let parts = split_name(&shown);
    let count = doc.spans.len();
    let names: Vec<&str> = chips.iter().map(|(name, _)| name.as_str()).collect();
    let counts: Vec<(&str, &str, usize)> = chips
        .iter()
        .zip(doc.count_labels(&names))
        .map(|((name, color), n)| (name.as_str(), color.as_str(), n))
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
        <li data-testid="doc-item" data-doc-name={doc.name.clone()} data-shown-name={name.to_string()} aria-current={current}
            data-done={doc.done.then_some("true")} data-demo={doc.demo.then_some("true")}
            class={classes!("doc-item", current.map(|_| "open"), doc.done.then_some("done"), doc.demo.then_some("demo"))} {onclick} {onkeydown}
            tabindex="0" title={format!("{name} — {per_label}")}>
            <input type="checkbox" class="doc-done" data-testid="doc-done" checked={doc.done} onclick={ondone}
                aria-label={t.f(Key::DoneNamed, &[("name", &doc.name)])} title={t.t(Key::MarkDone)} />
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
            <button class="doc-remove" data-testid="doc-remove" title={t.t(Key::RemoveDocument)}
                aria-label={t.f(Key::RemoveNamed, &[("name", &doc.name)])}
                onclick={onremove}>{ icon(Icon::Close) }</button>
        </li>
    }
}
