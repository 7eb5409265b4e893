//! The list of search matches with their context, and stepping through
//! them: a click, or Enter / Shift+Enter in the search field, selects a match
//! in the text and scrolls it into view. Searching the corpus lists every
//! document's matches, each under its document's name; picking one in
//! another document opens that document first.
//!
//! The list is windowed ([`WindowedList`]): a word found two hundred
//! thousand times in ten thousand articles draws only the rows in view.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::i18n::Key;
use crate::core::search::MatchList;
use crate::core::text::{CharRange, Text};
use crate::platform::selection::{reveal_offset, select_offsets};
use crate::ui::doc_window::when_drawn;
use crate::ui::lang::use_lang;
use crate::ui::state::use_app;
use crate::ui::window::{Reveal, WindowedList};

/// Code points of context on each side of a match.
const CONTEXT: usize = 30;

/// A result row's height in pixels until one is measured.
const ROW_ESTIMATE: f64 = 22.0;

/// Props of [`SearchResults`].
#[derive(Properties, PartialEq)]
pub struct SearchResultsProps {
    /// The matches listed, in document order.
    pub list: Rc<MatchList>,
    /// Whether they come from several documents (each row names its own).
    pub corpus: bool,
    /// The row stepped to last, if any.
    pub current: Option<usize>,
    /// Told the row the user picked.
    pub on_pick: Callback<usize>,
}

/// Selects `range` in the open document's text and scrolls it into view,
/// drawing its lines first when they are not drawn.
pub fn show_match(range: CharRange) {
    when_drawn(range, move |root| {
        select_offsets(root, range);
        reveal_offset(root, range.start());
    });
}

/// The end of `context` from its first whole word on (context is cut at a
/// fixed width, so its first word may be a fragment): "…word word".
fn whole_words_before(context: &str) -> String {
    if context.chars().count() < CONTEXT {
        return context.to_owned();
    }
    match context.split_once(char::is_whitespace) {
        Some((_, rest)) => format!("…{rest}"),
        None => String::new(),
    }
}

/// The start of `context` up to its last whole word: "word word…".
fn whole_words_after(context: &str) -> String {
    if context.chars().count() < CONTEXT {
        return context.to_owned();
    }
    match context.rsplit_once(char::is_whitespace) {
        Some((head, _)) => format!("{head}…"),
        None => String::new(),
    }
}

/// One match with its context.
fn result_row(
    row: usize,
    text: &Text,
    range: CharRange,
    doc_name: Option<&str>,
    current: bool,
    on_pick: &Callback<usize>,
) -> Html {
    let (before, after) = text.context(range, CONTEXT);
    let (before, after) = (whole_words_before(before), whole_words_after(after));
    let found = text.slice_range(range).unwrap_or_default().to_owned();
    let onclick = {
        let on_pick = on_pick.clone();
        Callback::from(move |_: MouseEvent| on_pick.emit(row))
    };
    html! {
        <li key={row} data-testid="search-result" data-start={range.start().to_string()}
            data-end={range.end().to_string()} data-doc={doc_name.map(str::to_owned)}
            class={classes!(current.then_some("current"))} aria-current={current.then_some("true")}>
            <button type="button" dir="auto" {onclick}>
                if let Some(name) = doc_name {
                    <span class="result-doc" dir="auto">{ name.to_owned() }</span>
                }
                <span class="context">{ before.replace(['\n', '\r'], " ") }</span>
                <strong>{ found }</strong>
                <span class="context">{ after.replace(['\n', '\r'], " ") }</span>
            </button>
        </li>
    }
}

/// The matches with their context.
#[function_component(SearchResults)]
pub fn search_results(props: &SearchResultsProps) -> Html {
    let app = use_app();
    let t = use_lang();
    let row = {
        let (app, list, on_pick) = (app.clone(), props.list.clone(), props.on_pick.clone());
        let (corpus, current) = (props.corpus, props.current);
        Callback::from(move |row: usize| {
            let Some((doc, range)) = list.get(row) else {
                return html! {};
            };
            let Some(doc) = app.document(doc) else {
                return html! {};
            };
            let name = corpus.then_some(doc.name.as_str());
            result_row(row, &doc.text, range, name, current == Some(row), &on_pick)
        })
    };
    // Stepping to a match scrolls the list to it.
    let reveal = props.current.map(|row| Reveal {
        seq: row as u64,
        row,
        focus: false,
    });
    let label = t.t(if props.corpus {
        Key::MatchesInAll
    } else {
        Key::MatchesInThis
    });
    html! {
        <div class="search-results-scroll">
            <WindowedList count={props.list.len()} {row} estimate={ROW_ESTIMATE} {reveal} ordered=true
                class="search-results windowed-list" testid="search-results" {label} />
        </div>
    }
}
