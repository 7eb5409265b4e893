//! Search in the open document or the whole corpus, Arabic-aware, with
//! highlighted matches and "tag all".

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen_futures::spawn_local;

use yew::prelude::*;

use crate::core::i18n::{Counted, Key};
use crate::core::model::{DocId, Document};
use crate::core::resume::SearchState;
use crate::core::search::{MatchList, SearchOptions, TextSearch, step_match};
use crate::core::text::CharRange;
use crate::platform::highlight::{clear_highlights, highlight_ranges};
use crate::platform::resume;
use crate::platform::selection::{doc_view_root, document_selection};
use crate::platform::tasks::{now, yield_now};
use crate::ui::fields::field_value;
use crate::ui::lang::use_lang;
use crate::ui::search_results::{SearchResults, show_match};
use crate::ui::state::{Action, AppHandle, AppState, untagged, use_app};

/// How long the view must be still before search highlights are repainted.
const HIGHLIGHT_DELAY_MS: u32 = 120;

/// Matches per document.
type Matches = Vec<(DocId, Vec<CharRange>)>;

/// What a search found, or why the query cannot be searched.
type Found = Rc<Result<Matches, String>>;

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

/// How long one step of a big search runs before the page is handed back
/// (input, drawing), in milliseconds.
const SEARCH_STEP_MS: f64 = 12.0;

/// How often a big search says how far it got, in milliseconds.
const PROGRESS_EVERY_MS: f64 = 150.0;

/// How many bytes of a document are searched between two looks at the
/// clock: a five-megabyte article is searched in pieces, not in one freeze.
const PIECE_BYTES: usize = 32 * 1024;

/// A search of the documents in scope, done a step at a time.
struct Steps<'a> {
    key: &'a SearchKey,
    lang: crate::core::i18n::Lang,
    docs: Vec<&'a Document>,
    next: usize,
    /// The document being searched, when one is begun.
    current: Option<(DocId, TextSearch<'a>)>,
    /// Bytes to search between looks at the clock.
    piece: usize,
    /// Bytes of the scope, and of the documents searched to the end.
    total: usize,
    searched: usize,
    found: Matches,
}

impl<'a> Steps<'a> {
    /// A search of `key`'s scope, `piece` bytes between looks at the clock.
    fn new(state: &'a AppState, key: &'a SearchKey, piece: usize) -> Self {
        let (query, _, corpus, open, _) = key;
        let docs: Vec<&Document> = match query.trim().is_empty() {
            true => Vec::new(),
            false => state
                .ws
                .documents
                .iter()
                .filter(|d| *corpus || Some(d.id) == *open)
                .map(|d| &**d)
                .collect(),
        };
        Steps {
            key,
            lang: state.lang,
            total: docs.iter().map(|d| d.text.as_str().len()).sum(),
            docs,
            next: 0,
            current: None,
            piece,
            searched: 0,
            found: Vec::new(),
        }
    }

    /// Searches on, a piece of a document at a time, until `stop` says so
    /// (asked after each); the matches once every document is searched.
    ///
    /// # Errors
    /// The reason a query cannot be searched (a broken regular expression).
    fn step(&mut self, stop: impl Fn() -> bool) -> Option<Result<Matches, String>> {
        let (query, options, ..) = self.key;
        loop {
            if self.current.is_none() {
                let Some(doc) = self.docs.get(self.next) else {
                    return Some(Ok(std::mem::take(&mut self.found)));
                };
                self.next += 1;
                match TextSearch::new(&doc.text, query, options) {
                    Ok(search) => self.current = Some((doc.id, search)),
                    Err(error) => return Some(Err(error.msg().render(self.lang))),
                }
            }
            if let Some((id, search)) = self.current.as_mut()
                && search.step(self.piece)
            {
                self.searched += search.searched();
                let id = *id;
                if let Some((_, search)) = self.current.take() {
                    self.found.push((id, search.finish()));
                }
            }
            let more = self.current.is_some() || self.next < self.docs.len();
            if more && stop() {
                return None;
            }
        }
    }

    /// How much of the scope is searched, in percent of its bytes.
    fn percent(&self) -> u8 {
        let begun = self.current.as_ref().map_or(0, |(_, s)| s.searched());
        let done = (self.searched + begun) * 100 / self.total.max(1);
        u8::try_from(done.min(100)).unwrap_or(100)
    }
}

/// Searches `key` a step at a time ([`SEARCH_STEP_MS`]), handing the page
/// back between steps, and stores the matches in `stepped`; `searched`
/// says how far it got. Stops when `job` is no longer `mine` (a newer
/// search, or the panel gone).
async fn search_in_steps(
    state: AppHandle,
    key: SearchKey,
    (job, mine): (Rc<Cell<u64>>, u64),
    stepped: UseStateHandle<Option<(SearchKey, Found)>>,
    searched: UseStateHandle<Option<u8>>,
) {
    let mut steps = Steps::new(&state, &key, PIECE_BYTES);
    // How far it got is said after the first step already, then every
    // [`PROGRESS_EVERY_MS`]: a search of a fraction of a second shows it too.
    let mut told = now() - PROGRESS_EVERY_MS;
    loop {
        if job.get() != mine {
            return;
        }
        let deadline = now() + SEARCH_STEP_MS;
        if let Some(result) = steps.step(|| now() >= deadline) {
            stepped.set(Some((key.clone(), Rc::new(result))));
            searched.set(None);
            return;
        }
        if now() - told >= PROGRESS_EVERY_MS {
            searched.set(Some(steps.percent()));
            told = now();
        }
        yield_now().await;
    }
}

/// The first step through `listed` from where the user is, as a browser's
/// find does (it went to the corpus's first match, leaving the place read
/// in a long document).
fn first_step(app: &AppState, listed: &MatchList, forward: bool) -> Option<usize> {
    reading_place(app).map_or_else(
        || step_match(None, listed.len(), forward),
        |place| listed.nearest(place, |d| position_of(app, d), forward),
    )
}

/// Where the user is in the open document: the start of the text
/// selected in it, else the first line in view; with the document's
/// position in the workspace.
fn reading_place(app: &AppState) -> Option<(usize, usize)> {
    let open = app.ws.open?;
    let doc = position_of(app, open);
    if let Some(selected) = document_selection() {
        return Some((doc, selected.start()));
    }
    let (shown, line, _) = resume::place_in_view(&doc_view_root()?)?;
    (shown == open).then_some((doc, line))
}

/// Where document `id` is in the workspace (the order of the matches).
fn position_of(app: &AppState, id: DocId) -> usize {
    app.ws
        .documents
        .iter()
        .position(|d| d.id == id)
        .unwrap_or(usize::MAX)
}

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
    // Searching many megabytes takes a while (seconds for ten thousand
    // articles): there the query is searched once typing pauses, not on
    // every key, which froze the page for seconds per letter, and a step at
    // a time, so that the page answers meanwhile. Summed again only when
    // documents come or go or the scope changes (every edit draws this
    // panel again).
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
    let at_once: Rc<Option<Found>> = {
        // The handle is a cheap `Rc`: the workspace is read only when the
        // query, options or documents change, never copied per render.
        let state = app.clone();
        use_memo((key.clone(), big), move |(key, big)| {
            (!big).then(|| {
                let mut steps = Steps::new(&state, key, usize::MAX);
                Rc::new(steps.step(|| false).unwrap_or_else(|| Ok(Vec::new())))
            })
        })
    };
    let stepped = use_state(|| None::<(SearchKey, Found)>);
    let searched = use_state(|| None::<u8>);
    let job: Rc<Cell<u64>> = use_memo((), |_| Cell::new(0));
    {
        let (state, stepped, searched, job) =
            (app.clone(), stepped.clone(), searched.clone(), job.clone());
        use_effect_with((key.clone(), big), move |(key, big)| {
            job.set(job.get() + 1);
            searched.set(None);
            if *big {
                let mine = (job.clone(), job.get());
                spawn_local(search_in_steps(state, key.clone(), mine, stepped, searched));
            }
            // A newer search, or the panel gone, stops this one.
            move || job.set(job.get() + 1)
        });
    }
    let searching = at_once.is_none() && stepped.as_ref().is_none_or(|(done, _)| *done != key);
    let results: Found = match (at_once.as_ref(), stepped.as_ref()) {
        (Some(results), _) => results.clone(),
        (None, Some((done, results))) if *done == key => results.clone(),
        _ => Rc::new(Ok(Vec::new())),
    };
    // What is derived from the results is derived again when they arrive.
    let key = (key, searching);
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

    // Enter pressed before the results were there (before the typing
    // pause, or while a big scope is searched): its step, taken once they
    // arrive (it searched at once, and then went nowhere); typing on
    // forgets it.
    let go_when_found: Rc<Cell<Option<bool>>> = use_memo((), |_| Cell::new(None));
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    let oninput = {
        let go = go_when_found.clone();
        let (query, typed) = (query.clone(), typed.clone());
        let confirming = confirming.clone();
        let current = current.clone();
        let pending = pending.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(value) = field_value(&event) {
                typed.set(value.clone());
                go.set(None);
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
        use_memo(key.clone(), move |((_, _, _, open, _), _)| {
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
    {
        let (app, listed, on_pick) = (app.clone(), listed.clone(), on_pick.clone());
        let go = go_when_found.clone();
        use_effect_with(key.clone(), move |(_, searching)| {
            if !*searching
                && let Some(forward) = go.take()
                && let Some(next) = first_step(&app, &listed, forward)
            {
                on_pick.emit(next);
            }
        });
    }
    // Enter and Shift+Enter step through the listed matches.
    let onkeydown = {
        let (app, listed) = (app.clone(), listed.clone());
        let current = current.clone();
        let on_pick = on_pick.clone();
        let count = listed.len();
        let (query, typed) = (query.clone(), typed.clone());
        let go = go_when_found.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() != "Enter" || event.is_composing() {
                return;
            }
            event.prevent_default();
            let forward = !event.shift_key();
            // Enter before the pause searches at once.
            if *typed != *query {
                *pending.borrow_mut() = None;
                query.set((*typed).clone());
                go.set(Some(forward));
                return;
            }
            if searching {
                go.set(Some(forward));
                return;
            }
            let next = match *current {
                Some(_) => step_match(*current, count, forward),
                None => first_step(&app, &listed, forward),
            };
            if let Some(next) = next {
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
    // The question takes the place of *Tag all*, and the focus with it: a
    // second Enter confirms, Esc (or *Cancel*) brings *Tag all* back, focused.
    // (Keyed, so that Yew does not turn the focused *Tag all* into *Cancel*.)
    let confirm_ref = use_node_ref();
    let tag_all_ref = use_node_ref();
    {
        let (confirm_ref, tag_all_ref) = (confirm_ref.clone(), tag_all_ref.clone());
        let asked_before = use_mut_ref(|| false);
        use_effect_with(*confirming, move |&asked| {
            let changed = std::mem::replace(&mut *asked_before.borrow_mut(), asked) != asked;
            let target = if asked { confirm_ref } else { tag_all_ref };
            let target = target.cast::<web_sys::HtmlElement>();
            if let (true, None, Some(target)) = (changed, crate::platform::focus::focused(), target)
            {
                let _ = target.focus();
            }
        });
    }
    let onquestionkey = {
        let confirming = confirming.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                event.prevent_default();
                event.stop_propagation();
                confirming.set(false);
            }
        })
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
                {oninput} {onkeydown} aria-label={t.t(Key::Search)}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={if error.is_some() { "search-help search-error" } else { "search-help" }} />
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
                <span id="search-error" class="search-error" data-testid="search-error" role="status">{ error }</span>
            } else if searching && !query.trim().is_empty() {
                <span class="search-count" data-testid="search-progress" role="status">
                    { t.f(Key::Ellipsis, &[("what", t.t(Key::Searching))]) }{ " " }
                    { t.f(Key::Percent, &[("value", &searched.unwrap_or(0).to_string())]) }</span>
            } else if !query.trim().is_empty() {
                <span class="search-count" data-testid="search-count" data-count={count.to_string()}>
                    { t.n(Counted::Matches, count, &[]) }</span>
                <select data-testid="search-label" onchange={onlabel} aria-label={t.t(Key::LabelForTagAll)}>{ for labels }</select>
                if *confirming {
                    <span key="tag-preview" data-testid="search-tag-preview" data-count={to_add.to_string()}>
                        { t.n(Counted::AddsSpans, to_add, &[("label", &chosen_label)]) }</span>
                    <button key="tag-confirm" data-testid="search-tag-confirm" ref={confirm_ref} onclick={onconfirm} onkeydown={onquestionkey.clone()} disabled={to_add == 0}>{ t.t(Key::TagThem) }</button>
                    <button key="tag-cancel" data-testid="search-tag-cancel" onclick={oncancel} onkeydown={onquestionkey}>{ t.t(Key::Cancel) }</button>
                } else {
                    <button key="tag-all" data-testid="search-tag-all" ref={tag_all_ref} onclick={ontagall} disabled={to_add == 0}>{ t.t(Key::TagAll) }</button>
                }
                if *corpus || app.ws.open.is_some() {
                    <SearchResults list={listed.clone()} corpus={*corpus} current={*current} {on_pick} />
                }
            }
        </div>
    }
}
