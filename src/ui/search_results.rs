//! The list of search matches in the open document, with their context,
//! and stepping through them: a click, or Enter / Shift+Enter in the search
//! field, selects a match in the text and scrolls it into view.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::text::{CharRange, Text};
use crate::platform::selection::{reveal_offset, select_offsets};
use crate::ui::doc_window::when_drawn;

/// How many matches the list shows (the count above says how many there are).
const SHOWN: usize = 200;

/// Code points of context on each side of a match.
const CONTEXT: usize = 30;

/// Props of [`SearchResults`].
#[derive(Properties, PartialEq)]
pub struct SearchResultsProps {
    /// The open document's text.
    pub text: Text,
    /// The open document's matches, in document order.
    pub ranges: Rc<Vec<CharRange>>,
    /// The match stepped to last, if any.
    pub current: Option<usize>,
    /// Told the index of a match the user picked.
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

/// The matches of the open document with their context.
#[function_component(SearchResults)]
pub fn search_results(props: &SearchResultsProps) -> Html {
    let text = &props.text;
    let items = props.ranges.iter().take(SHOWN).enumerate().map(|(i, range)| {
        let (before, after) = text.context(*range, CONTEXT);
        let (before, after) = (whole_words_before(before), whole_words_after(after));
        let found = text.slice_range(*range).unwrap_or_default();
        let onclick = {
            let on_pick = props.on_pick.clone();
            Callback::from(move |_: MouseEvent| on_pick.emit(i))
        };
        let current = props.current == Some(i);
        html! {
            <li key={range.start()} data-testid="search-result" data-start={range.start().to_string()}
                data-end={range.end().to_string()} class={classes!(current.then_some("current"))}
                aria-current={current.then_some("true")}>
                <button type="button" dir="auto" {onclick}>
                    <span class="context">{ before.replace(['\n', '\r'], " ") }</span>
                    <strong>{ found }</strong>
                    <span class="context">{ after.replace(['\n', '\r'], " ") }</span>
                </button>
            </li>
        }
    });
    html! {
        <ol class="search-results" data-testid="search-results" aria-label="Matches in this document">
            { for items }
        </ol>
    }
}
