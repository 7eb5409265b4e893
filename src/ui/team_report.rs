//! The agreement report of the *Team* panel: every pair of annotators, the
//! team as a whole (three or more), one pair's labels and confusions, the
//! chart, and the documents with the least agreement first.
//!
//! Numbers are shown with three decimals, "—" when undefined
//! ([`crate::core::team::report::shown`]); each cell also carries its
//! measure in `data-measure`.

use std::rc::Rc;

use yew::prelude::*;

use crate::core::agreement::metrics::Counts;
use crate::core::agreement::{Pair, Report};
use crate::core::bidi::{self, marked};
use crate::core::i18n::{Counted, Key, Lang};
use crate::core::team::report::shown;
use crate::ui::fields::field_value;
use crate::ui::lang::use_lang;

/// How many documents the table lists (the saved report has them all).
const DOCUMENTS_SHOWN: usize = 100;

/// A report shared between renders; equal when it is the same one.
#[derive(Clone, Debug)]
pub struct Shown(pub Rc<Report>);

impl PartialEq for Shown {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Props of [`TeamReport`].
#[derive(Properties, PartialEq)]
pub struct TeamReportProps {
    /// The report.
    pub report: Shown,
    /// Its chart, as SVG.
    pub chart: Rc<str>,
}

/// A measure's cell.
fn cell(measure: &'static str, value: Option<f64>) -> Html {
    html! { <td class="number" data-measure={measure}>{ shown(value) }</td> }
}

/// A count's cell.
fn count(measure: &'static str, value: usize) -> Html {
    html! { <td class="number" data-measure={measure}>{ value }</td> }
}

/// A pair's count: "—" when the pair was measured on no document.
fn pair_count(pair: &Pair, measure: &'static str, value: usize) -> Html {
    match pair.documents {
        0 => cell(measure, None),
        _ => count(measure, value),
    }
}

/// The whole report.
#[function_component(TeamReport)]
pub fn team_report(props: &TeamReportProps) -> Html {
    let report = &props.report.0;
    let t = use_lang();
    let chosen = use_state(|| 0usize);
    let pair = report.pairs.get(*chosen).or(report.pairs.first());
    let onpair = {
        let chosen = chosen.clone();
        Callback::from(move |event: Event| {
            if let Some(i) = field_value(&event).and_then(|v| v.parse().ok()) {
                chosen.set(i);
            }
        })
    };
    let options = report.pairs.iter().enumerate().map(|(i, p)| {
        html! { <option value={i.to_string()} selected={i == *chosen}>{ pair_name(report, p, t) }</option> }
    });
    html! {
        <section class="team-report" data-testid="team-report" aria-label={t.t(Key::Agreement)}>
            <p data-testid="team-summary" data-annotators={report.annotators.len().to_string()}
                data-documents={report.documents.len().to_string()} data-tokens={report.tokens.to_string()}>{ t.f(Key::TeamSummary, &[
                    ("annotators", &t.n(Counted::Annotators, report.annotators.len(), &[])),
                    ("documents", &t.n(Counted::Documents, report.documents.len(), &[])),
                    ("tokens", &t.n(Counted::Tokens, report.tokens, &[]))]) }</p>
            <h3>{ t.t(Key::PairsOfAnnotators) }</h3>
            { scrolling(t.t(Key::PairsOfAnnotators), html! { <PairsTable report={props.report.clone()} /> }) }
            <Whole report={props.report.clone()} />
            if let Some(pair) = pair {
                <h3>{ t.t(Key::OnePair) }</h3>
                <label class="team-pair-choice">{ t.t(Key::ReferenceToCandidate) }{ " " }
                    <select data-testid="team-pair" onchange={onpair}>{ for options }</select>
                </label>
                { scrolling(pair_name(report, pair, t), labels_table(report, pair, t)) }
                <p data-testid="team-boundary">{ t.f(Key::BoundaryOnlyCount, &[("n", &boundary_only(pair))]) }</p>
                // Nothing compared: no confusions to tabulate.
                if pair.documents > 0 { { scrolling(confusion_caption(report, pair, t), confusion_table(report, pair, t)) } }
            }
            <h3>{ t.t(Key::F1PerLabel) }</h3>
            <figure class="team-chart" data-testid="team-chart">
                { Html::from_html_unchecked(AttrValue::from(props.chart.to_string())) }
            </figure>
            <h3>{ t.t(Key::DocumentsLeastFirst) }</h3>
            { scrolling(t.t(Key::DocumentsLeastFirst), html! { <DocumentsTable report={props.report.clone()} /> }) }
        </section>
    }
}

/// `table` in a strip of its own that scrolls sideways when the table is
/// wider than the dialog (the whole dialog scrolled, heading and buttons
/// out of view, on a phone). It is a named region the keyboard reaches, so
/// that the keys can scroll it too.
fn scrolling(name: impl Into<AttrValue>, table: Html) -> Html {
    html! {
        <div class="table-scroll" role="region" tabindex="0" aria-label={name.into()}>{ table }</div>
    }
}

/// "reference → candidate", the arrow pointing the way the interface reads
/// (← in Arabic, where the reference is read first, on the right); each
/// name isolated when it reads the other way, so it cannot swap places
/// with the arrow.
fn pair_name(report: &Report, pair: &Pair, lang: Lang) -> String {
    let rtl = lang.dir() == "rtl";
    let name = |i: usize| {
        let name = report.annotators.get(i).map_or("", String::as_str);
        bidi::isolate_in(name, rtl).into_owned()
    };
    let arrow = if rtl { '←' } else { '→' };
    format!("{} {arrow} {}", name(pair.reference), name(pair.candidate))
}

/// A pair's boundary-only count as written: "—" when it compared nothing.
fn boundary_only(pair: &Pair) -> String {
    match pair.documents {
        0 => shown(None),
        _ => pair.boundary_only.to_string(),
    }
}

/// Props of the tables that show a whole report.
#[derive(Properties, PartialEq)]
struct ReportProps {
    report: Shown,
}

/// Every ordered pair: exact P, R, F1, partial F1, Cohen's κ,
/// boundary-only disagreements.
#[function_component(PairsTable)]
fn pairs_table(props: &ReportProps) -> Html {
    let report = &props.report.0;
    let t = use_lang();
    let name = |i: usize| report.annotators.get(i).cloned().unwrap_or_default();
    let rows = report.pairs.iter().map(|p| {
        html! {
            <tr data-testid="team-pair-row" data-reference={name(p.reference)} data-candidate={name(p.candidate)}>
                <th scope="row"><bdi>{ marked(&name(p.reference)).into_owned() }</bdi></th>
                <td><bdi>{ marked(&name(p.candidate)).into_owned() }</bdi></td>
                { cell("precision", p.measured(p.overall.precision())) }
                { cell("recall", p.measured(p.overall.recall())) }
                { cell("f1", p.measured(p.overall.f1())) }
                { cell("partial-f1", p.measured(p.partial.f1())) }
                { cell("kappa", p.kappa) }
                { pair_count(p, "boundary-only", p.boundary_only) }
            </tr>
        }
    });
    html! {
        <table class="team-table" data-testid="team-pairs">
            <thead><tr>
                <th scope="col">{ t.t(Key::Reference) }</th><th scope="col">{ t.t(Key::Candidate) }</th>
                <th scope="col" title={t.t(Key::PrecisionTitle)}>{ t.t(Key::Precision) }</th>
                <th scope="col" title={t.t(Key::RecallTitle)}>{ t.t(Key::Recall) }</th>
                <th scope="col">{ "F1" }</th>
                <th scope="col" title={t.t(Key::PartialF1Title)}>{ t.t(Key::PartialF1) }</th>
                <th scope="col" title={t.t(Key::KappaTitle)}>{ t.t(Key::Kappa) }</th>
                <th scope="col" title={t.t(Key::BoundaryOnlyTitle)}>{ t.t(Key::BoundaryOnly) }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// Fleiss' κ and Krippendorff's α, for three annotators or more.
#[function_component(Whole)]
fn whole(props: &ReportProps) -> Html {
    let report = &props.report.0;
    let t = use_lang();
    if report.annotators.len() < 3 {
        return html! {};
    }
    html! {
        <p class="team-whole">
            { t.t(Key::WholeOn) }{ " " }
            <span data-testid="team-tokens">{ report.tokens }</span>{ " " }{ t.t(Key::WholeTokens) }{ " " }
            <strong data-testid="team-fleiss">{ shown(report.fleiss) }</strong>{ t.t(Key::ListSep) }{ " " }{ t.t(Key::WholeAlpha) }{ " " }
            <strong data-testid="team-alpha">{ shown(report.alpha) }</strong>{ "." }
        </p>
    }
}

/// One pair's exact counts and measures, label by label, then overall.
fn labels_table(report: &Report, pair: &Pair, t: Lang) -> Html {
    let row = |label: &str, k: &Counts| {
        html! {
            <tr data-testid="team-label-row" data-label={label.to_owned()}>
                <th scope="row"><bdi>{ label.to_owned() }</bdi></th>
                { pair_count(pair, "tp", k.tp) }{ pair_count(pair, "fp", k.fp) }{ pair_count(pair, "fn", k.fn_) }
                { cell("precision", pair.measured(k.precision())) }
                { cell("recall", pair.measured(k.recall())) }
                { cell("f1", pair.measured(k.f1())) }
            </tr>
        }
    };
    let rows = report
        .labels
        .iter()
        .filter_map(|l| pair.per_label.get(l).map(|k| row(l, k)));
    html! {
        <table class="team-table" data-testid="team-labels" aria-label={pair_name(report, pair, t)}>
            <thead><tr>
                <th scope="col">{ t.t(Key::Label) }</th>
                <th scope="col" title={t.t(Key::InBoth)}>{ t.t(Key::Both) }</th>
                <th scope="col" title={t.t(Key::CandidateOnlyTitle)}>{ t.t(Key::CandidateOnly) }</th>
                <th scope="col" title={t.t(Key::ReferenceOnlyTitle)}>{ t.t(Key::ReferenceOnly) }</th>
                <th scope="col">{ t.t(Key::Precision) }</th><th scope="col">{ t.t(Key::Recall) }</th><th scope="col">{ "F1" }</th>
            </tr></thead>
            <tbody>{ for rows }</tbody>
            <tfoot>{ row(t.t(Key::AllLabels), &pair.overall) }</tfoot>
        </table>
    }
}

/// Spans of the same extent: the reference's label (rows) against the
/// candidate's (columns); the diagonal is where they agree.
fn confusion_table(report: &Report, pair: &Pair, t: Lang) -> Html {
    let head = report
        .labels
        .iter()
        .map(|l| html! { <th scope="col"><bdi>{ l.clone() }</bdi></th> });
    let rows = report.labels.iter().map(|r| {
        let cells = report.labels.iter().map(|c| {
            let n = if r == c {
                pair.per_label.get(r).map_or(0, |k| k.tp)
            } else {
                pair.confusion
                    .get(&(r.clone(), c.clone()))
                    .copied()
                    .unwrap_or(0)
            };
            html! {
                <td class={classes!("number", (r == c).then_some("agree"), (n == 0).then_some("zero"))}
                    data-reference-label={r.clone()} data-candidate-label={c.clone()}>{ n }</td>
            }
        });
        html! { <tr><th scope="row"><bdi>{ marked(r).into_owned() }</bdi></th>{ for cells }</tr> }
    });
    html! {
        <table class="team-table team-confusion" data-testid="team-confusion">
            <caption>{ confusion_caption(report, pair, t) }</caption>
            <thead><tr><td></td>{ for head }</tr></thead>
            <tbody>{ for rows }</tbody>
        </table>
    }
}

/// The caption of a pair's confusion table.
fn confusion_caption(report: &Report, pair: &Pair, t: Lang) -> String {
    let name = |i: usize| report.annotators.get(i).cloned().unwrap_or_default();
    t.f(
        Key::ConfusionCaption,
        &[
            ("reference", &name(pair.reference)),
            ("candidate", &name(pair.candidate)),
        ],
    )
}

/// The shared documents, least agreement first (the first
/// [`DOCUMENTS_SHOWN`]).
#[function_component(DocumentsTable)]
fn documents_table(props: &ReportProps) -> Html {
    let report = &props.report.0;
    let t = use_lang();
    let spans = t.t(Key::SpansHeading);
    let head = report.annotators.iter().map(
        |a| html! { <th scope="col" title={spans}><bdi>{ marked(a).into_owned() }</bdi></th> },
    );
    let rows = report.documents.iter().take(DOCUMENTS_SHOWN).map(|d| {
        let mentions = d.mentions.iter().map(|n| count("mentions", *n));
        html! {
            <tr data-testid="team-document" data-name={d.name.clone()}>
                <th scope="row"><bdi>{ marked(&d.name).into_owned() }</bdi></th>
                { cell("f1", Some(d.f1)) }
                { for mentions }
            </tr>
        }
    });
    let more = report.documents.len().saturating_sub(DOCUMENTS_SHOWN);
    html! {
        <>
            <table class="team-table" data-testid="team-documents">
                <thead><tr><th scope="col">{ t.t(Key::Document) }</th>
                    <th scope="col" title={t.t(Key::F1AllPairsTitle)}>{ "F1" }</th>{ for head }</tr></thead>
                <tbody>{ for rows }</tbody>
            </table>
            if more > 0 {
                <p class="muted">{ t.f(Key::AndMoreInReport, &[("n", &more.to_string())]) }</p>
            }
        </>
    }
}
