//! Search in the open document or the whole corpus, Arabic-aware, with
//! highlighted matches and "tag all".

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

use yew::prelude::*;

use crate::core::model::DocId;
use crate::core::resume::SearchState;
use crate::core::search::{SearchOptions, find_all, step_match};
use crate::core::text::CharRange;
use crate::platform::highlight::{clear_highlights, highlight_ranges};
use crate::platform::resume;
use crate::platform::selection::doc_view_root;
use crate::ui::fields::field_value;
use crate::ui::search_results::{SearchResults, show_match};
use crate::ui::state::{Action, untagged, use_app};

/// How long the view must be still before search highlights are repainted.
const HIGHLIGHT_DELAY_MS: u32 = 120;

/// Matches per document.
type Matches = Vec<(DocId, Vec<CharRange>)>;

/// How many matches each searched document has (none while the query is
/// empty).
pub type MatchCounts = Rc<Vec<(DocId, usize)>>;

/// Props of [`SearchPanel`].
#[derive(Properties, PartialEq)]
pub struct SearchPanelProps {
    /// Told the match count per document whenever the results change.
    pub on_counts: Callback<MatchCounts>,
}

/// The search bar above the document.
#[function_component(SearchPanel)]
pub fn search_panel(props: &SearchPanelProps) -> Html {
    let app = use_app();
    // The search resumes as it was left (see `platform::resume`).
    let query = use_state(|| resume::with(|r| r.search.query.clone()));
    let options = use_state(|| resume::with(|r| r.search.options()));
    let corpus = use_state(|| resume::with(|r| r.search.corpus));
    use_effect_with(
        ((*query).clone(), *options, *corpus),
        |(query, options, corpus)| {
            let state = SearchState::new(query.clone(), *options, *corpus);
            resume::update(|r| {
                let changed = r.search != state;
                r.search = state;
                changed
            });
        },
    );
    let label = use_state(|| None::<String>);
    let confirming = use_state(|| false);
    let current = use_state(|| None::<usize>);

    let doc_ids: Vec<DocId> = app.ws.documents.iter().map(|d| d.id).collect();
    let results: Rc<Result<Matches, String>> = {
        // The handle is a cheap `Rc`: the workspace is read only when the
        // query, options or documents change, never copied per render.
        let state = app.clone();
        use_memo(
            ((*query).clone(), *options, *corpus, app.ws.open, doc_ids),
            move |(query, options, corpus, open, _)| {
                if query.trim().is_empty() {
                    return Ok(Vec::new());
                }
                let mut all = Vec::new();
                for doc in state
                    .ws
                    .documents
                    .iter()
                    .filter(|d| *corpus || Some(d.id) == *open)
                {
                    let found = find_all(&doc.text, query, options).map_err(|e| e.to_string())?;
                    all.push((doc.id, found));
                }
                Ok(all)
            },
        )
    };
    {
        let on_counts = props.on_counts.clone();
        use_effect_with(results.clone(), move |results| {
            let counts = match results.as_ref() {
                Ok(found) => found
                    .iter()
                    .map(|(doc, ranges)| (*doc, ranges.len()))
                    .collect(),
                Err(_) => Vec::new(),
            };
            on_counts.emit(Rc::new(counts));
        });
    }
    // Repainting the highlights walks the document's text nodes, so it runs
    // once the view has settled, not inside the edit that changed the DOM.
    let repaint: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let results = results.clone();
        let open = app.ws.open;
        use_effect_with((results, app.revision, open), move |(results, _, open)| {
            let ranges = match results.as_ref() {
                Ok(found) => found
                    .iter()
                    .find(|(doc, _)| Some(*doc) == *open)
                    .map(|(_, r)| r.clone()),
                Err(_) => None,
            };
            let paint = move || match (ranges, doc_view_root()) {
                (Some(ranges), Some(root)) => highlight_ranges(&root, Rc::new(ranges)),
                _ => clear_highlights(),
            };
            *repaint.borrow_mut() = Some(Timeout::new(HIGHLIGHT_DELAY_MS, paint));
        });
    }

    let oninput = {
        let query = query.clone();
        let confirming = confirming.clone();
        let current = current.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(value) = field_value(&event) {
                query.set(value);
                confirming.set(false);
                current.set(None);
            }
        })
    };
    // Kept while the results and the open document stay the same, so the
    // list below is not drawn again on every edit.
    let open_matches: Rc<Vec<CharRange>> = {
        let found = results.clone();
        use_memo(
            (Rc::as_ptr(&results) as usize, app.ws.open),
            move |(_, open)| match found.as_ref() {
                Ok(found) => found
                    .iter()
                    .find(|(doc, _)| Some(*doc) == *open)
                    .map(|(_, ranges)| ranges.clone())
                    .unwrap_or_default(),
                Err(_) => Vec::new(),
            },
        )
    };
    let on_pick = {
        let current = current.clone();
        use_callback(open_matches.clone(), move |i: usize, ranges| {
            if let Some(range) = ranges.get(i) {
                show_match(*range);
                current.set(Some(i));
            }
        })
    };
    // Enter and Shift+Enter step through the open document's matches.
    let onkeydown = {
        let current = current.clone();
        let on_pick = on_pick.clone();
        let count = open_matches.len();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Enter" || event.is_composing() {
                return;
            }
            event.prevent_default();
            if let Some(next) = step_match(*current, count, !event.shift_key()) {
                on_pick.emit(next);
            }
        })
    };
    let toggle = |pick: fn(&mut SearchOptions) -> &mut bool| {
        let options = options.clone();
        Callback::from(move |_: Event| {
            let mut next = *options;
            let field = pick(&mut next);
            *field = !*field;
            options.set(next);
        })
    };
    let onscope = {
        let corpus = corpus.clone();
        Callback::from(move |event: Event| {
            if let Some(value) = field_value(&event) {
                corpus.set(value == "corpus");
            }
        })
    };
    // The label the user picked here, else the selected span's, else the
    // last one used, else the first.
    let selected_label = app
        .ws
        .open_document()
        .and_then(|doc| doc.span(app.selected?))
        .map(|span| span.label.clone());
    let chosen_label = (*label)
        .clone()
        .or(selected_label)
        .or_else(|| app.last_label.clone())
        .filter(|name| app.ws.label(name).is_some())
        .or_else(|| app.ws.labels.first().map(|l| l.name.clone()))
        .unwrap_or_default();
    let onlabel = {
        let label = label.clone();
        Callback::from(move |event: Event| {
            if let Some(value) = field_value(&event) {
                label.set(Some(value));
            }
        })
    };
    // How many spans Tag all would add: counted again only when the results,
    // the spans or the label change, not on every selection.
    let to_add = {
        let (state, found) = (app.clone(), results.clone());
        *use_memo(
            (
                Rc::as_ptr(&results) as usize,
                app.revision,
                chosen_label.clone(),
            ),
            move |(_, _, label)| match found.as_ref() {
                Ok(found) => untagged(&state.ws, found, label),
                Err(_) => 0,
            },
        )
    };
    let (count, error) = match results.as_ref() {
        Ok(found) => (found.iter().map(|(_, r)| r.len()).sum::<usize>(), None),
        Err(error) => (0, Some(error.clone())),
    };
    let ontagall = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let onconfirm = {
        let app = app.clone();
        let confirming = confirming.clone();
        let results = results.clone();
        let label = chosen_label.clone();
        Callback::from(move |_: MouseEvent| {
            if let Ok(found) = results.as_ref() {
                app.dispatch(Action::TagRanges {
                    label: label.clone(),
                    ranges: found.clone(),
                });
            }
            confirming.set(false);
        })
    };
    let oncancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let labels = app.ws.labels.iter().map(|l| {
        html! { <option key={l.name.clone()} value={l.name.clone()} selected={l.name == chosen_label}>{ l.name.clone() }</option> }
    });
    let switch = |id: &'static str,
                  text: &'static str,
                  checked: bool,
                  onchange: Callback<Event>| {
        html! {
            <label class="switch"><input type="checkbox" data-testid={id} {checked} {onchange} />{ text }</label>
        }
    };
    html! {
        <div class="search" data-testid="search" role="search">
            <input type="search" dir="auto" data-testid="search-input" placeholder="Search… ابحث" value={(*query).clone()}
                {oninput} {onkeydown} aria-label="Search" aria-describedby="search-help" />
            <span id="search-help" class="visually-hidden">{ "Enter and Shift+Enter go to the next and previous match." }</span>
            <select data-testid="search-scope" onchange={onscope} aria-label="Where to search">
                <option value="open" selected={!*corpus}>{ "This document" }</option>
                <option value="corpus" selected={*corpus}>{ "All documents" }</option>
            </select>
            { switch("search-diacritics", "Ignore tashkeel", options.ignore_diacritics, toggle(|o| &mut o.ignore_diacritics)) }
            { switch("search-letters", "أ=ا ى=ي ة=ه", options.normalize_letters, toggle(|o| &mut o.normalize_letters)) }
            { switch("search-whole-word", "Whole word", options.whole_word, toggle(|o| &mut o.whole_word)) }
            { switch("search-proclitics", "Allow و ف ب ك ل", options.allow_proclitics, toggle(|o| &mut o.allow_proclitics)) }
            { switch("search-regex", "Regex", options.regex, toggle(|o| &mut o.regex)) }
            if let Some(error) = error {
                <span class="search-error" data-testid="search-error">{ error }</span>
            } else if !query.trim().is_empty() {
                <span class="search-count" data-testid="search-count" data-count={count.to_string()}>
                    { format!("{count} match{}", if count == 1 { "" } else { "es" }) }</span>
                <select data-testid="search-label" onchange={onlabel} aria-label="Label for tag all">{ for labels }</select>
                if *confirming {
                    <span data-testid="search-tag-preview" data-count={to_add.to_string()}>
                        { format!("Adds {to_add} span(s) as {chosen_label}.") }</span>
                    <button data-testid="search-tag-confirm" onclick={onconfirm} disabled={to_add == 0}>{ "Tag them" }</button>
                    <button onclick={oncancel}>{ "Cancel" }</button>
                } else {
                    <button data-testid="search-tag-all" onclick={ontagall} disabled={to_add == 0}>{ "Tag all…" }</button>
                }
                if let Some(doc) = app.ws.open_document() {
                    <SearchResults text={doc.text.clone()} ranges={open_matches.clone()} current={*current} {on_pick} />
                }
            }
        </div>
    }
}
