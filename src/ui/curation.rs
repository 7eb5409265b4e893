//! The curation panel: adjudicating team documents (see
//! [`crate::core::curation`]). It shows how many disagreements are left,
//! the group being decided with its candidates (label, text, who proposed
//! each, accepted or pending), one button per annotator's version, and the
//! quorum control that accepts what enough annotators agree on.
//!
//! It shows above the text when the open document is a team document (or
//! when the toolbar's *Adjudicate* button asks). Every button has a key
//! (see [`crate::ui::keyboard`]); the candidates are the document's spans,
//! so Tab, ↑/↓, label keys and Delete choose and edit them as when
//! annotating.

use yew::prelude::*;

use crate::core::css::ClassRule;
use crate::core::curation::{Group, Status, largest_team};
use crate::core::i18n::{Counted, Key, Lang};
use crate::core::model::{Document, Span};
use crate::core::session::Curate;
use crate::platform::styles::class_of;
use crate::ui::keyboard::select_span;
use crate::ui::lang::use_lang;
use crate::ui::state::{Action, AppHandle, use_app};

/// How many characters of a candidate's text the panel quotes.
const QUOTE: usize = 60;

fn quote(doc: &Document, span: &Span) -> String {
    let text = doc.text.slice_range(span.range()).unwrap_or_default();
    let mut quoted: String = text.chars().take(QUOTE).collect();
    if text.chars().count() > QUOTE {
        quoted.push('…');
    }
    quoted
}

fn curate(app: &AppHandle, what: Curate) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_: MouseEvent| app.dispatch(Action::Curate(what.clone())))
}

fn status_text(status: Status) -> Key {
    match status {
        Status::Open => Key::StatusOpen,
        Status::Agreed => Key::StatusAgreed,
        Status::Decided => Key::StatusDecided,
    }
}

/// One candidate of the group being decided.
fn candidate(app: &AppHandle, t: Lang, doc: &Document, span: &Span, chosen: bool) -> Html {
    let selected = app.selected == Some(span.id);
    let color = class_of(&ClassRule::label_color(
        app.ws.label(&span.label).map_or("", |l| l.color.as_str()),
    ));
    let who = if span.annotators.is_empty() {
        t.t(Key::AddedWhileAdjudicating).to_owned()
    } else {
        t.join(&span.annotators)
    };
    let onclick = {
        let app = app.clone();
        let (id, range) = (span.id, span.range());
        Callback::from(move |_: MouseEvent| select_span(&app, id, range))
    };
    html! {
        <li key={span.id.0.to_string()} role="option" data-testid="curation-candidate"
            class={classes!("curation-candidate", span.accepted.then_some("accepted"), chosen.then_some("chosen"))}
            aria-selected={selected.to_string()}
            data-span-id={span.id.0.to_string()}
            data-span-start={span.start.to_string()} data-span-end={span.end.to_string()}
            data-label={span.label.to_string()} data-annotators={span.annotators.join(",")}
            data-accepted={span.accepted.then_some("true")} data-chosen={chosen.then_some("true")}
            {onclick}>
            <span class={classes!("candidate-label", color)}>{ span.label.to_string() }</span>
            <bdi class="candidate-text" lang="ar">{ quote(doc, span) }</bdi>
            <span class="candidate-who">{ who }</span>
            <span class="candidate-state">{ t.t(if span.accepted { Key::Accepted } else if chosen { Key::Chosen } else { Key::Pending }) }</span>
        </li>
    }
}

/// The group being decided and its decisions.
fn group_view(app: &AppHandle, t: Lang, doc: &Document, group: &Group) -> Html {
    let chosen = app.chosen_in(group);
    let candidates = group
        .spans(doc)
        .iter()
        .map(|span| candidate(app, t, doc, span, chosen.contains(&span.id)));
    let versions = doc.team.iter().enumerate().map(|(i, name)| {
        let key = (i < 9).then(|| format!("Alt+{}", i + 1));
        html! {
            <button key={name.clone()} data-testid="curation-version" data-annotator={name.clone()}
                onclick={curate(app, Curate::Version(i))} aria-keyshortcuts={key.clone()}
                title={t.f(Key::AcceptVersionTitle, &[("name", name)])}>
                { t.f(Key::Version, &[("name", name)]) }
                if let Some(key) = key { {" "}<kbd dir="ltr">{ key }</kbd> }
            </button>
        }
    });
    let accept_what = t.t(if chosen.is_empty() {
        Key::AcceptSelected
    } else {
        Key::AcceptChosen
    });
    html! {
        <div class="curation-group" data-testid="curation-group" data-status={group.status.as_str()}
            data-group-start={group.range.start().to_string()} data-group-end={group.range.end().to_string()}>
            <p class="muted">{ t.t(status_text(group.status)) }</p>
            <ul class="curation-candidates" role="listbox" aria-label={t.t(Key::Candidates)} aria-multiselectable="true">
                { for candidates }
            </ul>
            <div class="curation-actions">
                <button data-testid="curation-toggle" onclick={curate(app, Curate::Toggle)} aria-keyshortcuts="Space"
                    title={t.t(Key::ChooseTitle)}>{ t.t(Key::Choose) }{ " " }<kbd dir="ltr">{ "Space" }</kbd></button>
                <button data-testid="curation-accept" onclick={curate(app, Curate::Accept)} aria-keyshortcuts="Enter"
                    title={t.t(Key::AcceptTitle)}>{ accept_what }{ " " }<kbd dir="ltr">{ "Enter" }</kbd></button>
                <button data-testid="curation-none" onclick={curate(app, Curate::Reject)} aria-keyshortcuts="Alt+0"
                    title={t.t(Key::NoneTitle)}>{ t.t(Key::None) }{ " " }<kbd dir="ltr">{ "Alt+0" }</kbd></button>
                { for versions }
            </div>
        </div>
    }
}

/// The quorum control and its button.
fn quorum_view(
    app: &AppHandle,
    t: Lang,
    team: usize,
    quorum: &UseStateHandle<Option<usize>>,
) -> Html {
    let k = quorum.unwrap_or(team).clamp(1, team.max(1));
    let onchange = {
        let quorum = quorum.clone();
        Callback::from(move |event: Event| {
            if let Some(value) =
                crate::ui::fields::field_value(&event).and_then(|v| v.parse::<usize>().ok())
            {
                crate::ui::keyboard::set_quorum(Some(value));
                quorum.set(Some(value));
            }
        })
    };
    let options = (1..=team).rev().map(|n| {
        let (n_text, team_text) = (n.to_string(), team.to_string());
        let text = if n == team {
            t.f(Key::AllAgree, &[("team", &team_text)])
        } else {
            t.f(Key::SomeAgree, &[("n", &n_text), ("team", &team_text)])
        };
        html! { <option key={n} value={n.to_string()} selected={n == k}>{ text }</option> }
    });
    let label = t.t(if k == team {
        Key::AcceptAgreed
    } else {
        Key::AcceptMajority
    });
    html! {
        <div class="curation-actions">
            <label>{ t.t(Key::Where) }{ " " }
                <select data-testid="curation-quorum" {onchange} aria-label={t.t(Key::Quorum)}>{ for options }</select>
            </label>
            <button data-testid="curation-accept-quorum" onclick={curate(app, Curate::Quorum(k))} aria-keyshortcuts="Alt+Enter"
                title={t.t(Key::QuorumTitle)}>{ label }{ " " }<kbd dir="ltr">{ "Alt+Enter" }</kbd></button>
        </div>
    }
}

/// The curation panel.
#[function_component(CurationPanel)]
pub fn curation_panel() -> Html {
    let app = use_app();
    let t = use_lang();
    let quorum = use_state(crate::ui::keyboard::quorum);
    let team = {
        let state = app.clone();
        *use_memo(app.tally.generation(), move |_| largest_team(&state.ws))
    };
    let disputes = app.tally.disputes();
    let doc = app.open_document();
    let here = doc
        .filter(|d| disputes.open_in(d.id) > 0 || crate::core::curation::is_team(d))
        .map(|d| t.n(Counted::DisagreementsHere, disputes.open_in(d.id), &[]));
    let group = app
        .current_group()
        .zip(doc)
        .map(|((_, group), doc)| group_view(&app, t, doc, &group));
    html! {
        <section class="curation" data-testid="curation-panel" aria-label={t.t(Key::Adjudication)}>
            <div class="curation-head">
                <h2>{ t.t(Key::Adjudicate) }</h2>
                <p class="curation-progress" data-testid="curation-progress" aria-live="polite"
                    data-open={disputes.total().to_string()} data-documents={disputes.documents().to_string()}>
                    { disputes.summary(t) }</p>
                if let Some(here) = here { <span class="muted" data-testid="curation-here">{ here }</span> }
                <button data-testid="curation-prev" onclick={curate(&app, Curate::Previous)} aria-keyshortcuts="["
                    title={t.t(Key::PreviousDisagreement)}>{ t.t(Key::Previous) }{ " " }<kbd dir="ltr">{ "[" }</kbd></button>
                <button data-testid="curation-next" onclick={curate(&app, Curate::Next)} aria-keyshortcuts="]"
                    title={t.t(Key::NextDisagreement)}>{ t.t(Key::Next) }{ " " }<kbd dir="ltr">{ "]" }</kbd></button>
            </div>
            {
                match group {
                    Some(group) => group,
                    None => html! { <p class="muted">{ t.t(Key::PressNext) }</p> },
                }
            }
            if team >= 2 { { quorum_view(&app, t, team, &quorum) } }
        </section>
    }
}
