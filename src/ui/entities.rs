//! The entities panel: the selected span's details (label, note, entity id),
//! every span of the open document grouped by label with a filter, and
//! corpus-wide counts per label.

use std::collections::BTreeMap;

use yew::prelude::*;

use crate::core::edit::Edit;
use crate::core::model::{Document, SpanId, readable_color};
use crate::core::search::{filter_fold, filter_matches};
use crate::platform::selection::reveal_span;
use crate::ui::doc_window::when_drawn;
use crate::ui::fields::field_value;
use crate::ui::icons::{Icon, named_icon};
use crate::ui::state::{Action, AppHandle, use_app};

/// How many entries a label's group lists; the filter reaches the rest.
const MAX_LISTED: usize = 200;

/// The right-hand panel.
#[function_component(EntitiesPanel)]
pub fn entities_panel() -> Html {
    let app = use_app();
    let filter = use_state(String::new);
    let Some(doc) = app.ws.open_document() else {
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
    // Folded like the search bar: الامارات finds الإمارات.
    let needle = filter_fold(filter.trim());
    let mut groups: BTreeMap<usize, Vec<Html>> = BTreeMap::new();
    for span in &doc.spans {
        let text = doc.text.slice(span.start, span.end).unwrap_or_default();
        let matches = filter_matches(text, &needle)
            || filter_matches(&span.label, &needle)
            || span
                .note
                .as_deref()
                .is_some_and(|n| filter_matches(n, &needle));
        if !matches {
            continue;
        }
        let order = app
            .ws
            .labels
            .iter()
            .position(|l| l.name == span.label)
            .unwrap_or(usize::MAX);
        let id = span.id;
        let range = span.range();
        let onclick = {
            let app = app.clone();
            Callback::from(move |_: MouseEvent| {
                app.dispatch(Action::Select(Some(id)));
                when_drawn(range, move |_| reveal_span(id.0));
            })
        };
        let selected = app.selected == Some(id);
        groups.entry(order).or_default().push(html! {
            <li key={id.0} class={classes!("entity-item", selected.then_some("selected"))} data-testid="entity-item"
                data-span-id={id.0.to_string()} {onclick}>
                <span dir="auto" class="entity-text">{ text.to_owned() }</span>
                if span.note.is_some() || span.entity_id.is_some() { <span class="entity-has-note" title="has a note">{ named_icon(Icon::Note, "has a note") }</span> }
            </li>
        });
    }
    let sections = groups.into_iter().map(|(order, mut items)| {
        let label = app.ws.labels.get(order);
        let name = label.map(|l| l.name.clone()).unwrap_or_default();
        let color = readable_color(label.map_or("", |l| l.color.as_str()));
        let count = items.len();
        let hidden = count.saturating_sub(MAX_LISTED);
        items.truncate(MAX_LISTED);
        html! {
            <section key={name.clone()} class="entity-group" data-testid="entity-group" data-label={name.clone()}>
                <h3><span class="swatch" style={format!("background-color:{color}")}></span>{ name }
                    <span class="count" data-testid="entity-group-count">{ count }</span></h3>
                <ul>{ for items }</ul>
                if hidden > 0 {
                    <p class="muted" data-testid="entity-group-more">{ format!("… and {hidden} more: type in the filter to narrow the list.") }</p>
                }
            </section>
        }
    });
    html! {
        <aside class="entities" aria-label="Entities">
            <SpanDetails />
            <h2>{ "Entities" }</h2>
            <input type="search" class="entity-filter" data-testid="entity-filter" placeholder="Filter…"
                value={(*filter).clone()} {oninput} aria-label="Filter entities" />
            { for sections }
            <CorpusCounts />
        </aside>
    }
}

/// Corpus-wide span counts per label.
#[function_component(CorpusCounts)]
fn corpus_counts() -> Html {
    let app = use_app();
    let rows = app.ws.labels.iter().map(|label| {
        // The corpus is the user's work: the demo is not counted.
        let count: usize = app.ws.work_documents().map(|d| d.count_label(&label.name)).sum();
        html! {
            <tr key={label.name.clone()} data-testid="corpus-count" data-label={label.name.clone()}>
                <td><span class="swatch" style={format!("background-color:{}", readable_color(&label.color))}></span>{ label.name.clone() }</td>
                <td class="num">{ count }</td>
            </tr>
        }
    });
    html! {
        <>
            <h2>{ "Corpus" }</h2>
            <table class="corpus-counts"><tbody>{ for rows }</tbody></table>
        </>
    }
}

/// Details of the selected span: label, note, entity id, and actions.
#[function_component(SpanDetails)]
fn span_details() -> Html {
    let app = use_app();
    let Some((doc, span)) = app
        .ws
        .open_document()
        .and_then(|doc| Some((doc, doc.span(app.selected?)?)))
    else {
        return html! {};
    };
    let doc_id = doc.id;
    let id = span.id;
    let text = doc
        .text
        .slice(span.start, span.end)
        .unwrap_or_default()
        .to_owned();
    let note_change = note_callback(&app, doc, id, true);
    let entity_change = note_callback(&app, doc, id, false);
    let onlabel = {
        let app = app.clone();
        Callback::from(move |event: Event| {
            if let Some(label) = field_value(&event) {
                app.dispatch(Action::Edit(Edit::SetSpanLabel {
                    doc: doc_id,
                    span: id,
                    label,
                }));
            }
        })
    };
    let ondelete = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::DeleteSelected))
    };
    let ontagall = {
        let app = app.clone();
        Callback::from(move |_: MouseEvent| app.dispatch(Action::TagAllLikeSelected))
    };
    let options = app.ws.labels.iter().map(|l| {
        html! { <option key={l.name.clone()} value={l.name.clone()} selected={l.name == span.label}>{ l.name.clone() }</option> }
    });
    html! {
        <section class="span-details" data-testid="span-details" data-span-id={id.0.to_string()}>
            <h2>{ "Selected span" }</h2>
            <p class="span-text" dir="auto">{ text }</p>
            <p class="span-range">{ format!("[{}, {})", span.start, span.end) }</p>
            <label>{ "Label " }<select data-testid="span-label" onchange={onlabel}>{ for options }</select></label>
            <label>{ "Note" }
                <textarea data-testid="span-note" dir="auto" value={span.note.clone().unwrap_or_default()}
                    onchange={note_change} rows="2" />
            </label>
            <label>{ "Entity id" }
                <input data-testid="span-entity-id" placeholder="e.g. Q1234 (Wikidata)" dir="ltr"
                    value={span.entity_id.clone().unwrap_or_default()} onchange={entity_change} />
            </label>
            <div class="span-actions">
                <button data-testid="tag-all-like" onclick={ontagall} title="Tag every other occurrence of this text with this label">
                    { "Tag all occurrences" }</button>
                <button data-testid="span-delete" onclick={ondelete}>{ "Delete" }</button>
            </div>
        </section>
    }
}

/// A change handler for the note (`is_note`) or entity-id field.
fn note_callback(app: &AppHandle, doc: &Document, id: SpanId, is_note: bool) -> Callback<Event> {
    let app = app.clone();
    let doc_id = doc.id;
    let (note, entity_id) = doc
        .span(id)
        .map(|s| (s.note.clone(), s.entity_id.clone()))
        .unwrap_or_default();
    Callback::from(move |event: Event| {
        let value = field_value(&event).unwrap_or_default();
        let value = Some(value.trim().to_owned()).filter(|v| !v.is_empty());
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
