//! The entities panel: the selected span's details (label, note, entity id),
//! every span of the open document grouped by label with a filter, and
//! corpus-wide counts per label.
//!
//! Each label's list is windowed ([`WindowedList`]) in one scroller under
//! the details, so a document with ten thousand spans draws only the
//! entries in view, and the selected span's entry is scrolled into view
//! when the selection changes. Each entry is its own component
//! ([`EntityItem`]) with plain props, so an edit draws again only the
//! entries it changed. The corpus counts come from the
//! [`crate::core::tally::Tally`], kept current edit by edit.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::css::ClassRule;
use crate::core::edit::Edit;
use crate::core::i18n::{Key, Lang};
use crate::core::model::{Document, SpanId};
use crate::core::search::{filter_fold, filter_matches};
use crate::core::text::CharRange;
use crate::platform::selection::reveal_span;
use crate::platform::styles::class_of;
use crate::ui::doc_window::when_drawn;
use crate::ui::fields::{DraftField, field_value};
use crate::ui::icons::{Icon, named_icon};
use crate::ui::lang::use_lang;
use crate::ui::state::{Action, AppHandle, AppState, use_app};
use crate::ui::window::{Reveal, WindowedList};

/// An entry's height in pixels until one is measured.
const ROW_ESTIMATE: f64 = 24.0;

thread_local! {
    static ENTRIES_RENDERED: Cell<u64> = const { Cell::new(0) };
}

/// How many times a span's entry has been rendered since the page opened
/// (for tests of what an edit costs).
pub fn entries_rendered() -> u64 {
    ENTRIES_RENDERED.with(Cell::get)
}

/// The open document's spans that pass the filter, by label: the label's
/// position in the label set (`usize::MAX` for a label not in it) and the
/// positions of its spans in the document's span list.
type Groups = Vec<(usize, Vec<usize>)>;

/// Groups the spans of `doc` that match the (folded) `needle` by label.
fn group_spans(doc: &Document, labels: &[crate::core::model::Label], needle: &str) -> Groups {
    // One bucket per label of the set, in its order, then one for spans
    // whose label is not in it.
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); labels.len() + 1];
    for (i, span) in doc.spans.iter().enumerate() {
        let matches = needle.is_empty()
            || filter_matches(&span.label, needle)
            || doc
                .text
                .slice(span.start, span.end)
                .is_some_and(|text| filter_matches(text, needle))
            || span
                .note
                .as_deref()
                .is_some_and(|n| filter_matches(n, needle));
        if matches {
            let order = labels
                .iter()
                .position(|l| l.name == span.label)
                .unwrap_or(labels.len());
            if let Some(bucket) = buckets.get_mut(order) {
                bucket.push(i);
            }
        }
    }
    let unlisted = labels.len();
    buckets
        .into_iter()
        .enumerate()
        .filter(|(_, spans)| !spans.is_empty())
        .map(|(order, spans)| (if order == unlisted { usize::MAX } else { order }, spans))
        .collect()
}

/// The right-hand panel.
#[function_component(EntitiesPanel)]
pub fn entities_panel() -> Html {
    let app = use_app();
    let t = use_lang();
    let filter = use_state(String::new);
    // Grouped again when the filter, the open document or its spans change
    // (every change moves the revision), not when a span is selected.
    let groups: Rc<Groups> = {
        let state = app.clone();
        use_memo(
            (filter.trim().to_owned(), app.ws.open, app.revision),
            move |(filter, _, _)| match state.open_document() {
                Some(doc) => group_spans(doc, &state.ws.labels, &filter_fold(filter)),
                None => Vec::new(),
            },
        )
    };
    let Some(doc) = app.open_document() else {
        return html! {};
    };
    let oninput = {
        let filter = filter.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(value) = field_value(&event) {
                filter.set(value);
            }
        })
    };
    // The selected span's entry, to scroll into view when the selection
    // changes.
    let selected_at = app.selected.and_then(|id| {
        let at = doc.spans.iter().position(|s| s.id == id)?;
        groups
            .iter()
            .find_map(|(order, rows)| Some((*order, rows.binary_search(&at).ok()?)))
    });
    let sections = groups.iter().map(|(order, rows)| {
        let label = app.ws.labels.get(*order);
        let name = label.map(|l| l.name.clone()).unwrap_or_default();
        let color = class_of(&ClassRule::label_color(label.map_or("", |l| l.color.as_str())));
        let count = rows.len();
        let reveal = selected_at
            .filter(|(group, _)| group == order)
            .map(|(_, row)| Reveal {
                seq: app.selected.map_or(0, |id| id.0),
                row,
                focus: false,
            });
        let row = {
            let (app, groups, order) = (app.clone(), groups.clone(), *order);
            let dispatch = app.dispatcher();
            Callback::from(move |row: usize| entity_row(&app, &dispatch, t, &groups, order, row))
        };
        html! {
            <section key={name.clone()} class="entity-group" data-testid="entity-group" data-label={name.clone()}>
                <h3><span class={classes!("swatch", color)}></span><bdi>{ name }</bdi>
                    <span class="count" data-testid="entity-group-count">{ count }</span></h3>
                <WindowedList {count} {row} estimate={ROW_ESTIMATE} {reveal} class="entity-list windowed-list" />
            </section>
        }
    });
    html! {
        <div class="entities">
            <SpanDetails />
            <h2>{ t.t(Key::Entities) }</h2>
            <input type="search" class="entity-filter" data-testid="entity-filter" placeholder={t.t(Key::Filter)}
                value={(*filter).clone()} {oninput} aria-label={t.t(Key::FilterEntities)} />
            <div class="entity-scroll" data-testid="entity-scroll">
                { for sections }
            </div>
            <CorpusCounts />
        </div>
    }
}

/// The `row`-th entry of the group of label `order`.
fn entity_row(
    app: &AppHandle,
    dispatch: &UseReducerDispatcher<AppState>,
    t: Lang,
    groups: &Groups,
    order: usize,
    row: usize,
) -> Html {
    let span = groups
        .iter()
        .find(|(o, _)| *o == order)
        .and_then(|(_, rows)| rows.get(row))
        .zip(app.open_document())
        .and_then(|(at, doc)| Some((doc, doc.spans.get(*at)?)));
    let Some((doc, span)) = span else {
        return html! {};
    };
    let text = doc.text.slice(span.start, span.end).unwrap_or_default();
    html! {
        <EntityItem key={span.id.0} id={span.id} range={span.range()} text={AttrValue::from(text.to_owned())}
            has_note={span.note.is_some() || span.entity_id.is_some()} selected={app.selected == Some(span.id)}
            lang={t} dispatch={dispatch.clone()} />
    }
}

/// Props of [`EntityItem`]: what the entry shows, by value.
#[derive(Properties, PartialEq)]
struct EntityItemProps {
    id: SpanId,
    range: CharRange,
    /// The span's text.
    text: AttrValue,
    /// Whether it has a note or an entity id.
    has_note: bool,
    selected: bool,
    lang: Lang,
    dispatch: UseReducerDispatcher<AppState>,
}

/// One span's entry: its text, and a mark when it has a note.
#[function_component(EntityItem)]
fn entity_item(props: &EntityItemProps) -> Html {
    ENTRIES_RENDERED.with(|n| n.set(n.get() + 1));
    let (id, range, t, selected) = (props.id, props.range, props.lang, props.selected);
    let select = {
        let dispatch = props.dispatch.clone();
        move || {
            dispatch.dispatch(Action::Select(Some(id)));
            when_drawn(range, move |_| reveal_span(id.0));
        }
    };
    let onclick = {
        let select = select.clone();
        Callback::from(move |_: MouseEvent| select())
    };
    // Reached with Tab (or ↑/↓ in the list); Enter or Space selects;
    // Delete deletes this entry's span, not the one selected elsewhere.
    let dispatch = props.dispatch.clone();
    let onkeydown = Callback::from(move |event: KeyboardEvent| match event.key().as_str() {
        "Enter" | " " => {
            // Selecting, not a page shortcut (Enter accepts in a team
            // document).
            event.prevent_default();
            event.stop_propagation();
            select();
        }
        "Delete" | "Backspace" => {
            event.prevent_default();
            event.stop_propagation();
            dispatch.dispatch(Action::Select(Some(id)));
            dispatch.dispatch(Action::DeleteSelected);
        }
        _ => {}
    });
    html! {
        <li class={classes!("entity-item", selected.then_some("selected"))} data-testid="entity-item"
            data-span-id={id.0.to_string()} data-span-start={range.start().to_string()} {onclick} {onkeydown}
            tabindex="0" aria-current={selected.then_some("true")}>
            <span dir="auto" class="entity-text">{ props.text.clone() }</span>
            if props.has_note { <span class="entity-has-note" title={t.t(Key::HasNote)}>{ named_icon(Icon::Note, t.t(Key::HasNote)) }</span> }
        </li>
    }
}

/// Corpus-wide span counts per label, from the tally (never counted again
/// over the corpus on a render).
#[function_component(CorpusCounts)]
fn corpus_counts() -> Html {
    let app = use_app();
    let t = use_lang();
    let rows = app.ws.labels.iter().map(|label| {
        // The corpus is the user's work: the demo is not counted.
        let count = app.tally.spans(&label.name);
        html! {
            <tr key={label.name.clone()} data-testid="corpus-count" data-label={label.name.clone()}>
                <td><span class={classes!("swatch", class_of(&ClassRule::label_color(&label.color)))}></span><bdi>{ label.name.clone() }</bdi></td>
                <td class="num">{ count }</td>
            </tr>
        }
    });
    html! {
        <>
            <h2>{ t.t(Key::Corpus) }</h2>
            <table class="corpus-counts"><tbody>{ for rows }</tbody></table>
        </>
    }
}

/// Details of the selected span: label, note, entity id, and actions.
#[function_component(SpanDetails)]
fn span_details() -> Html {
    let app = use_app();
    let t = use_lang();
    let Some((doc, span)) = app
        .open_document()
        .and_then(|doc| Some((doc, doc.span(app.selected?)?)))
    else {
        return html! {};
    };
    let id = span.id;
    let text = doc
        .text
        .slice(span.start, span.end)
        .unwrap_or_default()
        .to_owned();
    let note_commit = note_callback(&app, doc, id, true);
    let entity_commit = note_callback(&app, doc, id, false);
    let on_field = |commit: &Callback<String>| {
        commit.reform(|event: Event| field_value(&event).unwrap_or_default())
    };
    let (note_change, entity_change) = (on_field(&note_commit), on_field(&entity_commit));
    // As the label's key does on the selected span (this one): a label
    // another span on the same text already has selects that span, never
    // makes a twin (the field made two MISC spans on «أيلول»).
    let onlabel = {
        let app = app.clone();
        Callback::from(move |event: Event| {
            if let Some(label) = field_value(&event) {
                app.dispatch(Action::ApplyLabel {
                    label,
                    selection: None,
                    add: false,
                });
            }
        })
    };
    let ondelete = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| {
            app.dispatch(Action::DeleteSelected);
            // The panel goes with the span: the text, where the span was,
            // keeps the keyboard.
            crate::platform::focus::focus_text();
        })
    };
    let ontagall = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::TagAllLikeSelected))
    };
    let options = app.ws.labels.iter().map(|l| {
        html! { <option key={l.name.clone()} value={l.name.clone()} selected={l.name == span.label}>{ l.name.clone() }</option> }
    });
    // Esc in the note or the entity id gives the keyboard back to the text
    // (leaving the field commits it), the span still selected.
    let back_to_text = Callback::from(|event: KeyboardEvent| {
        let typing = event
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "TEXTAREA" | "INPUT"));
        if event.key() == "Escape" && typing {
            event.prevent_default();
            crate::platform::focus::focus_text();
        }
    });
    html! {
        <section class="span-details" data-testid="span-details" data-span-id={id.0.to_string()} onkeydown={back_to_text}>
            <h2>{ t.t(Key::SelectedSpan) }</h2>
            <p class="span-text" dir="auto">{ text }</p>
            // Offsets read left to right in either interface: in an
            // Arabic one, "[0, 4)" would be drawn "(4 ,0]".
            <p class="span-range"><bdi dir="ltr">{ format!("[{}, {})", span.start, span.end) }</bdi></p>
            <label>{ t.t(Key::Label) }{ " " }<select data-testid="span-label" onchange={onlabel}>{ for options }</select></label>
            <label>{ t.t(Key::Note) }
                <DraftField key={format!("note-{}", id.0)} multiline=true testid="span-note" dir="auto"
                    value={span.note.clone().unwrap_or_default()} onchange={note_change} onidle={note_commit} rows="2" />
            </label>
            <label>{ t.t(Key::EntityId) }
                <DraftField key={format!("entity-{}", id.0)} testid="span-entity-id" placeholder={t.t(Key::EntityIdPlaceholder)} dir="ltr"
                    value={span.entity_id.clone().unwrap_or_default()} onchange={entity_change} onidle={entity_commit} />
            </label>
            <div class="span-actions">
                <button data-testid="tag-all-like" onclick={ontagall} title={t.t(Key::TagAllLikeTitle)}>
                    { t.t(Key::TagAllOccurrences) }</button>
                <button data-testid="span-delete" onclick={ondelete}>{ t.t(Key::Delete) }</button>
            </div>
        </section>
    }
}

/// Commits the text of the note (`is_note`) or entity-id field.
fn note_callback(app: &AppHandle, doc: &Document, id: SpanId, is_note: bool) -> Callback<String> {
    let app = app.clone();
    let doc_id = doc.id;
    let (note, entity_id) = doc
        .span(id)
        .map(|s| (s.note.clone(), s.entity_id.clone()))
        .unwrap_or_default();
    Callback::from(move |value: String| {
        let value = Some(value.trim().to_owned()).filter(|v| !v.is_empty());
        if is_note && value == note || !is_note && value == entity_id {
            return;
        }
        let (note, entity_id) = if is_note {
            (value, entity_id.clone())
        } else {
            (note.clone(), value)
        };
        app.dispatch(Action::Edit(Edit::SetSpanNote {
            doc: doc_id,
            span: id,
            note,
            entity_id,
        }));
    })
}
