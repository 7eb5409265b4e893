//! The *Team* panel: load several annotators' files, see how far they
//! agree ([`crate::ui::team_report`]), save the report, and merge their
//! work into the workspace to adjudicate.
//!
//! The files and the report live here, in the panel's own state, not in
//! the workspace: comparing changes nothing until *Adjudicate* merges the
//! work (one undoable import, see [`crate::core::team::merge`]). The panel
//! does not read the app state, so annotating never redraws its tables;
//! only the *Adjudicate* button ([`Adjudicate`]) does.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::core::bidi::isolate;
use crate::core::formats::{OutputFile, Prepared};
use crate::core::i18n::{Arg, Counted, Key, Lang, Msg};
use crate::core::model::DocId;
use crate::core::team::merge::{Merged, labels as team_labels, merge, without_existing};
use crate::core::team::report::{chart_svg, csv, json};
use crate::core::team::{Level, Notice, Team};
use crate::platform::files::{download, files_of, read_files};
use crate::platform::focus;
use crate::platform::resume::today;
use crate::platform::tasks::frame;
use crate::platform::team_store::{self, Step};
use crate::ui::icons::{Icon, icon};
use crate::ui::lang::use_lang;
use crate::ui::modal::use_modal;
use crate::ui::state::{Action, AppHandle, MessageKind, use_app};
use crate::ui::team_report::{Shown, TeamReport};

/// The team's files, shared by the panel and its callbacks, with the
/// changes that made them, kept across reloads ([`team_store`]).
#[derive(Clone, Default)]
pub struct TeamHandle(Rc<RefCell<Team>>, Rc<RefCell<Keeping>>);

impl PartialEq for TeamHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The panel's changes as kept, and whether the kept ones were read back.
#[derive(Default)]
struct Keeping {
    steps: team_store::Kept,
    restored: bool,
}

impl TeamHandle {
    /// Records `step` (a change just made to the team) and keeps it; when
    /// another tab changed the kept files meanwhile, the team is read again
    /// from them all and `set_view` shows it.
    fn keep(&self, step: Step, set_view: Callback<View>, lang: Lang) {
        let (known, empty) = {
            let mut keeping = self.1.borrow_mut();
            let known = keeping.steps.len();
            keeping.steps.push(step.clone());
            (known, self.0.borrow().members().is_empty())
        };
        if empty {
            self.1.borrow_mut().steps.clear();
        }
        let handle = self.clone();
        spawn_local(async move {
            // Not kept (no IndexedDB, a full disk): the files are only
            // not there after a reload; the comparison is unaffected.
            if let Ok(Some(steps)) = team_store::append(&step, known, empty).await {
                handle.rebuild(steps);
                set_view.emit(View::of(&handle.0.borrow(), lang));
            }
        });
    }

    /// Reads the kept changes back into the team, once per page: the
    /// files added and the annotators removed before the last reload.
    async fn restore(&self) {
        if std::mem::replace(&mut self.1.borrow_mut().restored, true) {
            return;
        }
        let steps = team_store::load().await;
        replay(&mut self.0.borrow_mut(), &steps);
        // Files added meanwhile come after the kept ones.
        let mut keeping = self.1.borrow_mut();
        let added = std::mem::replace(&mut keeping.steps, steps);
        keeping.steps.extend(added);
    }

    /// The team made anew from `steps`, the kept changes of every tab.
    fn rebuild(&self, steps: team_store::Kept) {
        let mut team = Team::default();
        replay(&mut team, &steps);
        *self.0.borrow_mut() = team;
        let mut keeping = self.1.borrow_mut();
        keeping.steps = steps;
        keeping.restored = true;
    }
}

/// Applies kept changes to `team`, in order.
fn replay(team: &mut Team, steps: &[Step]) {
    for step in steps {
        match step {
            Step::Add(files) => team.add(files.clone(), Vec::new()),
            Step::Remove { file, name } => {
                let names = team.names();
                let mut found = team.members().iter().zip(&names);
                let at = found.position(|(m, n)| m.file == *file && n == name);
                if let Some(at) = at {
                    team.remove(at);
                }
            }
        }
    }
}

/// One loaded annotator, as listed.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    name: String,
    file: String,
    documents: usize,
    spans: usize,
}

/// What the panel shows, computed after each change of the files.
#[derive(Clone, Debug, Default, PartialEq)]
struct View {
    members: Vec<Row>,
    notices: Vec<Notice>,
    report: Option<Shown>,
    /// The chart of the report, as SVG.
    chart: Rc<str>,
    /// The language the chart is drawn in.
    chart_lang: Lang,
    /// Files are being read and compared.
    busy: bool,
}

impl View {
    /// The view of `team`, compared anew, its chart drawn in `lang`.
    fn of(team: &Team, lang: Lang) -> View {
        let report = team.compare().map(|r| Shown(Rc::new(r)));
        let chart = report
            .as_ref()
            .map_or_else(String::new, |r| chart_svg(&r.0, &team_labels(team), lang));
        View {
            members: team
                .members()
                .iter()
                .zip(team.names())
                .map(|(m, name)| Row {
                    name,
                    file: m.file.clone(),
                    documents: m.documents.len(),
                    spans: m.span_count(),
                })
                .collect(),
            notices: team.notices(),
            report,
            chart: chart.into(),
            chart_lang: lang,
            busy: false,
        }
    }
}

/// The toolbar's *Team* button and, once opened, the panel.
#[function_component(TeamButton)]
pub fn team_button() -> Html {
    let t = use_lang();
    let open = use_state(|| false);
    let team = use_mut_ref(Team::default);
    let view = use_state(View::default);
    let keeping = use_mut_ref(Keeping::default);
    let handle = TeamHandle(team.clone(), keeping);
    {
        // Another tab changed the kept files: once this tab has read them,
        // it reads them again (the panel showed only its own changes).
        let (handle, view) = (handle.clone(), view.clone());
        use_effect_with(t, move |lang| {
            let lang = *lang;
            team_store::listen(move || {
                if !handle.1.borrow().restored {
                    return;
                }
                let (handle, view) = (handle.clone(), view.clone());
                spawn_local(async move {
                    let steps = team_store::load().await;
                    handle.rebuild(steps);
                    view.set(View::of(&handle.0.borrow(), lang));
                });
            });
        });
    }
    let toggle = {
        let (open, handle, view, lang) = (open.clone(), handle.clone(), view.clone(), t);
        Callback::from(move |_: MouseEvent| {
            let opening = !*open;
            open.set(opening);
            // The files kept before a reload, read back the first time the
            // panel opens (never at start: comparing them takes a while).
            if opening && !handle.1.borrow().restored {
                let (handle, view) = (handle.clone(), view.clone());
                view.set(View {
                    busy: true,
                    ..(*view).clone()
                });
                spawn_local(async move {
                    frame().await;
                    handle.restore().await;
                    view.set(View::of(&handle.0.borrow(), lang));
                });
            }
        })
    };
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    html! {
        <>
            <button class="team-open" data-testid="team-open" onclick={toggle} aria-expanded={open.to_string()}
                aria-controls="team-panel" title={t.t(Key::TeamTitleButton)}>{ t.t(Key::Team) }</button>
            if *open {
                <TeamPanel team={handle} view={(*view).clone()} set_view={Callback::from(move |v| view.set(v))} {close} />
            }
        </>
    }
}

/// Props of [`TeamPanel`].
#[derive(Properties, PartialEq)]
struct PanelProps {
    team: TeamHandle,
    view: View,
    set_view: Callback<View>,
    close: Callback<()>,
}

/// Reads the picked files into the team and shows the new comparison.
fn load(
    team: TeamHandle,
    view: &View,
    set_view: Callback<View>,
    list: &web_sys::FileList,
    lang: Lang,
) {
    let files = files_of(list);
    set_view.emit(View {
        busy: true,
        ..view.clone()
    });
    spawn_local(async move {
        let (files, unreadable) = read_files(files).await;
        // Let the "Comparing…" line be drawn before the work (a posted
        // message alone does not promise a frame).
        frame().await;
        team.restore().await;
        let next = {
            let mut team = team.0.borrow_mut();
            team.add(files.clone(), unreadable);
            View::of(&team, lang)
        };
        team.keep(Step::Add(files), set_view.clone(), lang);
        set_view.emit(next);
    });
}

/// Offers a report file; a refusal becomes a notice in the panel.
fn save(view: &View, set_view: &Callback<View>, file: &OutputFile) {
    if let Err(error) = download(file) {
        let mut next = view.clone();
        let text = Msg::new(Key::CouldNotSave)
            .arg("name", &file.name)
            .msg("error", error);
        next.notices.push(Notice::new(Level::Error, text));
        set_view.emit(next);
    }
}

#[function_component(TeamPanel)]
fn team_panel(props: &PanelProps) -> Html {
    let PanelProps {
        team,
        view,
        set_view,
        close,
    } = props;
    let t = use_lang();
    {
        // The interface's language changed: the chart is drawn again in it
        // (the notices are worded as they are drawn).
        let (team, view, set_view) = (team.clone(), view.clone(), set_view.clone());
        use_effect_with(t, move |lang| {
            if let Some(report) = view.report.as_ref().filter(|_| view.chart_lang != *lang) {
                let chart = chart_svg(&report.0, &team_labels(&team.0.borrow()), *lang);
                set_view.emit(View {
                    chart: chart.into(),
                    chart_lang: *lang,
                    ..view.clone()
                });
            }
        });
    }
    let onchange = {
        let (team, view, set_view) = (team.clone(), view.clone(), set_view.clone());
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            if let Some(list) = input.files() {
                load(team.clone(), &view, set_view.clone(), &list, t);
            }
            input.set_value("");
        })
    };
    let remove = |index: usize| {
        let (team, set_view) = (team.clone(), set_view.clone());
        Callback::from(move |_: MouseEvent| {
            let (next, removed) = {
                let mut team = team.0.borrow_mut();
                let names = team.names();
                let removed = team
                    .members()
                    .get(index)
                    .zip(names.get(index))
                    .map(|(m, n)| Step::Remove {
                        file: m.file.clone(),
                        name: n.clone(),
                    });
                team.remove(index);
                (View::of(&team, t), removed)
            };
            if let Some(removed) = removed {
                team.keep(removed, set_view.clone(), t);
            }
            set_view.emit(next);
        })
    };
    let members = view.members.iter().enumerate().map(|(i, row)| {
        html! {
            <li key={format!("{i}:{}", row.name)} class="team-member" data-testid="team-member" data-name={row.name.clone()}>
                <bdi class="team-member-name">{ row.name.clone() }</bdi>
                <span class="muted">{ t.f(Key::MemberLine, &[("file", &isolate(&row.file)),
                    ("documents", &t.n(Counted::Documents, row.documents, &[])),
                    ("spans", &t.n(Counted::Spans, row.spans, &[]))]) }</span>
                <button class="icon-button" data-testid="team-remove" onclick={remove(i)}
                    aria-label={t.f(Key::RemoveNamed, &[("name", &row.name)])} title={t.t(Key::Remove)}>{ icon(Icon::Close) }</button>
            </li>
        }
    });
    let onclose = {
        let close = close.clone();
        Callback::from(move |_: MouseEvent| close.emit(()))
    };
    // Focus moves in, stays in, and goes back to the Team button after.
    let panel = use_node_ref();
    let modal_keys = use_modal(panel.clone(), close.clone());
    let onkeydown = Callback::from(move |event: KeyboardEvent| {
        modal_keys.emit(event.clone());
        // The page's shortcuts are not for the panel.
        event.stop_propagation();
    });
    html! {
        <div class="sheet-backdrop">
            <section id="team-panel" class="sheet team-panel" role="dialog" aria-modal="true" aria-labelledby="team-title"
                data-testid="team-panel" tabindex="-1" ref={panel} {onkeydown}>
                <div class="team-head">
                    <h2 id="team-title">{ t.t(Key::TeamHeading) }</h2>
                    <button class="icon-button" data-testid="team-close" onclick={onclose} aria-label={t.t(Key::Close)} title={t.t(Key::CloseEsc)}>{ icon(Icon::Close) }</button>
                </div>
                <p class="muted">{ t.t(Key::TeamIntro) }</p>
                <label class="button-like">{ t.t(Key::AddAnnotatorsFiles) }
                    <input type="file" multiple=true class="visually-hidden" data-testid="team-input"
                        accept=".json,.jsonl,.ann,.txt,.conll,.conllu,.iob,.iob2,.bio,.bioes,.tsv,.zip,application/json,text/plain"
                        aria-label={t.t(Key::AddAnnotatorsFilesName)} {onchange} />
                </label>
                if view.busy { <p class="team-busy" data-testid="team-busy" role="status">{ t.t(Key::Comparing) }</p> }
                if !view.members.is_empty() {
                    <ul class="team-members" data-testid="team-members" aria-label={t.t(Key::Annotators)}>{ for members }</ul>
                }
                <Notices notices={view.notices.clone()} />
                if let Some(report) = &view.report {
                    <TeamReport report={report.clone()} chart={view.chart.clone()} />
                    <Actions team={team.clone()} view={view.clone()} set_view={set_view.clone()} close={close.clone()} />
                } else if view.members.len() == 1 {
                    <p class="muted">{ t.t(Key::OneMore) }</p>
                }
            </section>
        </div>
    }
}

/// Props of [`Notices`].
#[derive(Properties, PartialEq)]
struct NoticesProps {
    notices: Vec<Notice>,
}

/// The notices about the files, each with its details folded under it,
/// worded in the interface's language of the moment.
#[function_component(Notices)]
fn notices(props: &NoticesProps) -> Html {
    let t = use_lang();
    if props.notices.is_empty() {
        return html! {};
    }
    let items = props.notices.iter().map(|notice| notice_item(notice, t));
    html! { <ul class="team-notices" aria-label={t.t(Key::AboutFiles)}>{ for items }</ul> }
}

/// One notice worded in `t`, its details folded under it when it has any.
fn notice_item(notice: &Notice, t: Lang) -> Html {
    let level = notice.level.as_str();
    let text = notice.text.render(t);
    let body = if notice.details.is_empty() {
        html! { <span>{ text }</span> }
    } else {
        let lines = notice
            .details
            .iter()
            .map(|l| html! { <li>{ l.render(t) }</li> });
        html! {
            <details>
                <summary>{ text }</summary>
                <ul data-count={notice.details.len().to_string()}>{ for lines }</ul>
            </details>
        }
    };
    html! { <li class={classes!("team-notice", level)} data-testid="team-notice" data-level={level}>{ body }</li> }
}

/// Props of [`Actions`].
#[derive(Properties, PartialEq)]
struct ActionsProps {
    team: TeamHandle,
    view: View,
    set_view: Callback<View>,
    close: Callback<()>,
}

/// Saving the report (chart, CSV, JSON) and *Adjudicate*.
#[function_component(Actions)]
fn actions(props: &ActionsProps) -> Html {
    let t = use_lang();
    let Some(report) = props.view.report.clone() else {
        return html! {};
    };
    let saver = |name: &'static str, mime: &'static str, bytes: Rc<dyn Fn() -> Vec<u8>>| {
        let (view, set_view) = (props.view.clone(), props.set_view.clone());
        Callback::from(move |_: MouseEvent| {
            let file = OutputFile {
                name: format!("agreement_{}.{name}", today()),
                mime,
                bytes: bytes(),
            };
            save(&view, &set_view, &file);
        })
    };
    let chart = props.view.chart.clone();
    let on_image = saver(
        "svg",
        "image/svg+xml",
        Rc::new(move || chart.as_bytes().to_vec()),
    );
    let r = report.0.clone();
    let on_csv = saver("csv", "text/csv", Rc::new(move || csv(&r).into_bytes()));
    let on_json = saver(
        "json",
        "application/json",
        Rc::new(move || json(&report.0).into_bytes()),
    );
    html! {
        <div class="team-actions">
            <button data-testid="team-save-image" onclick={on_image} title={t.t(Key::SaveChartTitle)}>{ t.t(Key::SaveChart) }</button>
            <button data-testid="team-save-csv" onclick={on_csv} title={t.t(Key::SaveCsvTitle)}>{ t.t(Key::SaveCsv) }</button>
            <button data-testid="team-save-json" onclick={on_json} title={t.t(Key::SaveJsonTitle)}>{ t.t(Key::SaveJson) }</button>
            <Adjudicate team={props.team.clone()} close={props.close.clone()} />
        </div>
    }
}

/// "Merged the work of … into N documents", then which of them only some
/// annotators have and how many were already in the workspace.
fn merged_message(merged: &Merged, names: Vec<String>, kept: usize) -> Msg {
    let count = merged.imported.documents.len();
    let names = names.into_iter().map(Arg::Plain).collect();
    let mut text = Msg::new(Key::Merged)
        .with("names", Arg::List(names))
        .msg("documents", Msg::counted(Counted::InDocuments, count));
    let partial = merged.partial.len();
    let more = [
        (partial > 0).then(|| Msg::counted(Counted::MergedPartial, partial)),
        (kept > 0).then(|| Msg::counted(Counted::MergedKept, kept)),
    ];
    for second in more.into_iter().flatten() {
        text = Msg::new(Key::TwoSentences)
            .msg("first", text)
            .msg("second", second);
    }
    text
}

/// Every merged document is in the workspace already: opens the first and
/// says so, adding nothing.
fn reuse(app: &AppHandle, kept: &[DocId]) {
    if let Some(first) = kept.first() {
        app.dispatch(Action::Open(*first));
    }
    let text = Msg::counted(Counted::AlreadyMerged, kept.len());
    app.dispatch(Action::Notify(MessageKind::Info, text));
}

/// Props of [`Adjudicate`].
#[derive(Properties, PartialEq)]
struct AdjudicateProps {
    team: TeamHandle,
    close: Callback<()>,
}

/// Merges the team's work into the workspace (one undoable step) and opens
/// the first merged document, where the curation view takes over.
#[function_component(Adjudicate)]
fn adjudicate(props: &AdjudicateProps) -> Html {
    let app = use_app();
    let t = use_lang();
    let onclick = {
        let (team, close) = (props.team.clone(), props.close.clone());
        Callback::from(move |_: MouseEvent| {
            let (mut merged, names) = {
                let team = team.0.borrow();
                (merge(&team), team.names())
            };
            // The same files adjudicated again: their team documents (and
            // the decisions made in them) are reused, not added twice.
            let kept = without_existing(&mut merged, &app.ws);
            if merged.imported.documents.is_empty() {
                reuse(&app, &kept);
            } else {
                let text = merged_message(&merged, names, kept.len());
                // One message: what was merged, not also "Loaded N documents".
                app.dispatch(Action::Imported {
                    results: vec![Ok(Prepared::of(merged.imported))],
                    unreadable: Vec::new(),
                    announce: Some(text),
                });
            }
            // Adjudicating happens in the text: the keys ] [ Alt+1… work
            // from there (not from the Team button, a control).
            focus::focus_selector("[data-testid='doc-text']");
            close.emit(());
        })
    };
    html! {
        <button class="team-adjudicate" data-testid="team-adjudicate" {onclick}
            title={t.t(Key::AdjudicateTeamTitle)}>
            { t.t(Key::AdjudicateEllipsis) }</button>
    }
}
