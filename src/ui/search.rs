//! Search in the open document or the whole corpus, Arabic-aware, with
//! highlighted matches and "tag all".

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

use yew::prelude::*;

use crate::core::i18n::{Counted, Key};
use crate::core::model::DocId;
use crate::core::resume::SearchState;
use crate::core::search::{MatchList, SearchOptions, find_all, step_match};
use crate::core::text::CharRange;
use crate::platform::highlight::{clear_highlights, highlight_ranges};
use crate::platform::resume;
use crate::platform::selection::doc_view_root;
use crate::ui::fields::field_value;
use crate::ui::lang::use_lang;
use crate::ui::search_results::{SearchResults, show_match};
use crate::ui::state::{Action, untagged, use_app};

/// How long the view must be still before search highlights are repainted.
const HIGHLIGHT_DELAY_MS: u32 = 120;

/// Matches per document.
type Matches = Vec<(DocId, Vec<CharRange>)>;

/// What a search's results depend on: the query, the options, whether the
/// corpus is searched, the document searched otherwise, and the
/// generation of the list of documents.
type SearchKey = (String, SearchOptions, bool, Option<DocId>, u64);

/// How many matches each searched document has (none while the query is
/// empty), by document.
pub type MatchCounts = Rc<HashMap<DocId, usize>>;

/// Code points searched as each key is typed; a bigger scope is searched
/// once typing pauses.
const SEARCH_AT_ONCE: usize = 1_000_000;

/// How long typing must pause before a big scope is searched, in
/// milliseconds.
const TYPING_PAUSE_MS: u32 = 300;

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
    let t = use_lang();
    // The search resumes as it was left (see `platform::resume`).
    let query = use_state(|| resume::with(|r| r.search.query.clone()));
    // What the field shows: the query, or what is being typed before a
    // big search runs.
    let typed = use_state(|| (*query).clone());
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

    // Searched again only when the query, the options or the documents
    // change, or (in the open document only) another document opens: never
    // on an edit, and never on opening a document when the whole corpus is
    // searched.
    let scope_doc = if *corpus { None } else { app.ws.open };
    // What the results depend on; what is derived from them is kept while
    // it stays the same (a pointer would not do: a new result can be
    // allocated where the old one was).
    let key: SearchKey = (
        (*query).clone(),
        *options,
        *corpus,
        scope_doc,
        app.tally.generation(),
    );
    let results: Rc<Result<Matches, String>> = {
        // The handle is a cheap `Rc`: the workspace is read only when the
        // query, options or documents change, never copied per render.
        let state = app.clone();
        use_memo(key.clone(), move |(query, options, corpus, open, _)| {
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
                let found =
                    find_all(&doc.text, query, options).map_err(|e| e.msg().render(state.lang))?;
                all.push((doc.id, found));
            }
            Ok(all)
        })
    };
    {
        let on_counts = props.on_counts.clone();
        let found = results.clone();
        use_effect_with(key.clone(), move |_| {
            let counts = match found.as_ref() {
                Ok(found) => found
                    .iter()
                    .map(|(doc, ranges)| (*doc, ranges.len()))
                    .collect(),
                Err(_) => HashMap::new(),
            };
            on_counts.emit(Rc::new(counts));
        });
    }
    // The open document's matches: found again when the results or the
    // open document change, not on every edit.
    let open_matches: Rc<Option<Vec<CharRange>>> = {
        let found = results.clone();
        use_memo((key.clone(), app.ws.open), move |(_, open)| {
            match found.as_ref() {
                Ok(found) => found
                    .iter()
                    .find(|(doc, _)| Some(*doc) == *open)
                    .map(|(_, ranges)| ranges.clone()),
                Err(_) => None,
            }
        })
    };
    // Repainting the highlights walks the document's text nodes, so it runs
    // once the view has settled, not inside the edit that changed the DOM.
    let repaint: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    {
        let open_matches = open_matches.clone();
        use_effect_with((open_matches, app.revision), move |(ranges, _)| {
            let ranges = ranges.as_ref().clone().map(Rc::new);
            let paint = move || match (ranges, doc_view_root()) {
                (Some(ranges), Some(root)) => highlight_ranges(&root, ranges),
                _ => clear_highlights(),
            };
            *repaint.borrow_mut() = Some(Timeout::new(HIGHLIGHT_DELAY_MS, paint));
        });
    }

    // Searching many megabytes takes a while (seconds for ten thousand
    // articles): there the query is searched once typing pauses, not on
    // every key, which froze the page for seconds per letter.
    // Summed again only when documents come or go or the scope changes
    // (every edit draws this panel again).
    let big = {
        let documents = app.clone();
        let deps = (*corpus, app.tally.generation(), app.ws.open);
        *use_memo(deps, move |(corpus, _, open)| {
            let scope: usize = documents
                .ws
                .documents
                .iter()
                .filter(|d| *corpus || Some(d.id) == *open)
                .map(|d| d.text.char_len())
                .sum();
            scope > SEARCH_AT_ONCE
        })
    };
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let oninput = {
        let (query, typed) = (query.clone(), typed.clone());
        let confirming = confirming.clone();
        let current = current.clone();
        let pending = pending.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(value) = field_value(&event) {
                typed.set(value.clone());
                confirming.set(false);
                current.set(None);
                let query = query.clone();
                *pending.borrow_mut() = None;
                if big {
                    *pending.borrow_mut() =
                        Some(Timeout::new(TYPING_PAUSE_MS, move || query.set(value)));
                } else {
                    query.set(value);
                }
            }
        })
    };
    // The matches listed under the bar: the open document's, or the whole
    // corpus's. Kept while the results (and the open document, when only it
    // is searched) stay the same, so the list is not drawn again on every
    // edit.
    let listed: Rc<MatchList> = {
        let found = results.clone();
        use_memo(key.clone(), move |(_, _, _, open, _)| {
            match found.as_ref() {
                Ok(found) => MatchList::new(
                    found
                        .iter()
                        .filter(|(doc, _)| open.is_none_or(|open| open == *doc))
                        .cloned(),
                ),
                Err(_) => MatchList::default(),
            }
        })
    };
    {
        let current = current.clone();
        use_effect_with(key.clone(), move |_| current.set(None));
    }
    // A match picked in another document is shown once that document is
    // drawn (after the document view has restored its own place).
    let pending: Rc<RefCell<Option<(DocId, CharRange)>>> = use_mut_ref(|| None);
    {
        let pending = pending.clone();
        use_effect_with(app.ws.open, move |open| {
            let due = pending.borrow().filter(|(doc, _)| Some(*doc) == *open);
            if let Some((_, range)) = due {
                *pending.borrow_mut() = None;
                Timeout::new(0, move || show_match(range)).forget();
            }
        });
    }
    let on_pick = {
        let (current, app, pending) = (current.clone(), app.clone(), pending.clone());
        use_callback(
            (listed.clone(), app.ws.open),
            move |i: usize, (listed, open)| {
                if let Some((doc, range)) = listed.get(i) {
                    if Some(doc) == *open {
                        show_match(range);
                    } else {
                        *pending.borrow_mut() = Some((doc, range));
                        app.dispatch(Action::Open(doc));
                    }
                    current.set(Some(i));
                }
            },
        )
    };
    // Enter and Shift+Enter step through the listed matches.
    let onkeydown = {
        let current = current.clone();
        let on_pick = on_pick.clone();
        let count = listed.len();
        let (query, typed) = (query.clone(), typed.clone());
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Enter" || event.is_composing() {
                return;
            }
            event.prevent_default();
            // Enter before the pause searches at once.
            if *typed != *query {
                *pending.borrow_mut() = None;
                query.set((*typed).clone());
                return;
            }
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
        .map(|span| span.label.to_string());
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
    // the spans or the label change, not on every selection; over the
    // corpus only once Tag all is asked for, so that an edit never counts
    // the matches of ten thousand documents.
    let to_add = {
        let (state, found) = (app.clone(), results.clone());
        let wanted = *confirming || !*corpus;
        let counted = use_memo(
            (key.clone(), app.revision, chosen_label.clone(), wanted),
            move |(_, _, label, wanted)| match (found.as_ref(), wanted) {
                (Ok(found), true) => Some(untagged(&state.ws, found, label)),
                (Ok(found), false) => Some(found.iter().map(|(_, r)| r.len()).sum()),
                (Err(_), _) => None,
            },
        );
        counted.unwrap_or(0)
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
    let switch = |id: &'static str, text: Key, checked: bool, onchange: Callback<Event>| {
        let text = t.t(text);
        html! {
            <label class="switch"><input type="checkbox" data-testid={id} {checked} {onchange} />{ text }</label>
        }
    };
    html! {
        <div class="search" data-testid="search" role="search">
            <input type="search" dir="auto" data-testid="search-input" placeholder={t.t(Key::SearchPlaceholder)} value={(*typed).clone()}
                {oninput} {onkeydown} aria-label={t.t(Key::Search)} aria-describedby="search-help" />
            <span id="search-help" class="visually-hidden">{ t.t(Key::SearchHelp) }</span>
            <select data-testid="search-scope" onchange={onscope} aria-label={t.t(Key::WhereToSearch)}>
                <option value="open" selected={!*corpus}>{ t.t(Key::ThisDocument) }</option>
                <option value="corpus" selected={*corpus}>{ t.t(Key::AllDocuments) }</option>
            </select>
            { switch("search-diacritics", Key::IgnoreTashkeel, options.ignore_diacritics, toggle(|o| &mut o.ignore_diacritics)) }
            { switch("search-letters", Key::FoldLetters, options.normalize_letters, toggle(|o| &mut o.normalize_letters)) }
            { switch("search-whole-word", Key::WholeWord, options.whole_word, toggle(|o| &mut o.whole_word)) }
            { switch("search-proclitics", Key::AllowProclitics, options.allow_proclitics, toggle(|o| &mut o.allow_proclitics)) }
            { switch("search-regex", Key::Regex, options.regex, toggle(|o| &mut o.regex)) }
            if let Some(error) = error {
                <span class="search-error" data-testid="search-error">{ error }</span>
            } else if !query.trim().is_empty() {
                <span class="search-count" data-testid="search-count" data-count={count.to_string()}>
                    { t.n(Counted::Matches, count, &[]) }</span>
                <select data-testid="search-label" onchange={onlabel} aria-label={t.t(Key::LabelForTagAll)}>{ for labels }</select>
                if *confirming {
                    <span data-testid="search-tag-preview" data-count={to_add.to_string()}>
                        { t.n(Counted::AddsSpans, to_add, &[("label", &chosen_label)]) }</span>
                    <button data-testid="search-tag-confirm" onclick={onconfirm} disabled={to_add == 0}>{ t.t(Key::TagThem) }</button>
                    <button onclick={oncancel}>{ t.t(Key::Cancel) }</button>
                } else {
                    <button data-testid="search-tag-all" onclick={ontagall} disabled={to_add == 0}>{ t.t(Key::TagAll) }</button>
                }
                if *corpus || app.ws.open.is_some() {
                    <SearchResults list={listed.clone()} corpus={*corpus} current={*current} {on_pick} />
                }
            }
        </div>
    }
}
