//! Component tests in headless Chromium (`cargo test --target
//! wasm32-unknown-unknown`, run by wasm-bindgen-test-runner through
//! chromedriver): the document view's DOM, and the DOM selection ↔ code point
//! mapping; which document a scroll position is remembered for; the Team
//! panel's report.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::time::Duration;

use wasim::core::edit::Edit;
use wasim::core::model::Workspace;
use wasim::core::text::CharRange;
use wasim::platform::selection::{point_to_cp, select_offsets, selection_offsets};
use wasim::ui::doc_list::{DocList, items_rendered};
use wasim::ui::doc_view::{DocView, lines_rendered};
use wasim::ui::doc_window::when_drawn;
use wasim::ui::entities::{EntitiesPanel, entries_rendered};
use wasim::ui::search::MatchCounts;
use wasim::ui::state::{Action, AppHandle, AppState, StorageStatus};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const TEXT: &str = "قال 👩‍👩‍👧 إن الكاظمي زار بالعراق.\r\nThe UN <b>met</b> in Baghdad 2021.\nكَتَبَ";

/// Which component a [`Host`] shows.
#[derive(Clone, Copy, PartialEq)]
enum Shown {
    Text,
    Documents,
    Entities,
}

#[derive(Properties, PartialEq)]
struct HostProps {
    state: AppState,
    shown: Shown,
}

thread_local! {
    /// The state handle of the host rendered last, to dispatch actions.
    static HANDLE: RefCell<Option<AppHandle>> = const { RefCell::new(None) };
}

/// The app's state over one component, as the app provides it.
#[function_component(Host)]
fn host(props: &HostProps) -> Html {
    let initial = props.state.clone();
    let app = use_reducer(move || initial);
    HANDLE.with(|h| *h.borrow_mut() = Some(app.clone()));
    let shown = match props.shown {
        Shown::Text => html! { <DocView /> },
        Shown::Documents => html! { <DocList matches={MatchCounts::default()} /> },
        Shown::Entities => html! { <EntitiesPanel /> },
    };
    html! {
        <ContextProvider<AppHandle> context={app}>
            { shown }
        </ContextProvider<AppHandle>>
    }
}

/// A state whose saved work is read (edits before that wait for it, see
/// `Session::update`), as the app's is once it has started.
fn opened() -> AppState {
    let mut state = AppState::default();
    state.session.storage = StorageStatus::Ready;
    state
}

/// Renders `shown` over `state` in a new box at the end of the page, which
/// scrolls itself when it is given a `height` (as the app's panels do, so
/// that a list never scrolls the page); returns the box once drawn.
async fn mount(state: AppState, shown: Shown, height: Option<u32>) -> Element {
    let root = gloo::utils::document().create_element("div").expect("div");
    if let Some(height) = height {
        root.set_attribute("style", &format!("height: {height}px; overflow-y: auto"))
            .expect("a style");
    }
    gloo::utils::body().append_child(&root).expect("append");
    yew::Renderer::<Host>::with_root_and_props(root.clone(), HostProps { state, shown }).render();
    gloo::timers::future::sleep(Duration::from_millis(100)).await;
    root
}

fn workspace_with_spans(spans: &[(usize, usize, &str)]) -> AppState {
    let mut ws = Workspace::default();
    let doc = ws.new_document("test.txt", TEXT);
    let id = doc.id;
    ws.documents.push(doc.into());
    ws.open = Some(id);
    for (start, end, label) in spans {
        let edit = Edit::add_span(&mut ws, id, *start, *end, label).expect("valid test span");
        edit.apply(&mut ws).expect("applies");
    }
    let mut state = opened();
    state.session.ws = ws;
    state
}

fn cp_index(needle: &str) -> usize {
    let byte = TEXT.find(needle).expect("needle in text");
    TEXT[..byte].chars().count()
}

async fn render(state: AppState) -> Element {
    mount(state, Shown::Text, None)
        .await
        .query_selector("[data-testid=doc-text]")
        .expect("query")
        .expect("doc-text rendered")
}

#[wasm_bindgen_test]
async fn renders_text_exactly_with_span_marks() {
    let per = cp_index("الكاظمي");
    let loc = cp_index("العراق");
    let state = workspace_with_spans(&[
        (per, per + 7, "PER"),
        (loc, loc + 6, "LOC"),
        (per, loc + 6, "MISC"),
    ]);
    let view = render(state).await;
    assert_eq!(
        view.text_content().as_deref(),
        Some(TEXT),
        "text nodes are the document's text"
    );
    let per_mark = view
        .query_selector(&format!("mark[data-span-start='{per}'][data-label=PER]"))
        .expect("query")
        .expect("PER mark");
    assert_eq!(per_mark.text_content().as_deref(), Some("الكاظمي"));
    assert_eq!(
        per_mark.get_attribute("data-span-end"),
        Some((per + 7).to_string())
    );
    let loc_mark = view
        .query_selector(&format!("mark[data-span-start='{loc}']"))
        .expect("query")
        .expect("LOC mark inside بالعراق");
    assert_eq!(loc_mark.text_content().as_deref(), Some("العراق"));
    let misc = view
        .query_selector("mark[data-label=MISC]")
        .expect("query")
        .expect("MISC mark");
    assert!(
        misc.contains(Some(per_mark.as_ref())),
        "nested span is drawn inside its parent"
    );
    let style = gloo::utils::window()
        .get_computed_style(&per_mark)
        .expect("style")
        .expect("style");
    for property in [
        "padding-left",
        "padding-right",
        "margin-left",
        "margin-right",
        "border-left-width",
    ] {
        let value = style.get_property_value(property).expect("property");
        assert!(value == "0px" || value.is_empty(), "{property} is {value}");
    }
    // Colours are classes of Wasim's own stylesheet, never style attributes
    // (the Content Security Policy refuses them): the nested span knows its
    // parent's colour for the strip drawn under it.
    let computed = |element: &Element, property: &str| {
        gloo::utils::window()
            .get_computed_style(element)
            .expect("style")
            .expect("style")
            .get_property_value(property)
            .expect("property")
    };
    for mark in [&per_mark, &misc] {
        assert_eq!(mark.get_attribute("style"), None);
    }
    assert_eq!(computed(&misc, "background-color"), "rgb(227, 184, 255)");
    assert_eq!(
        computed(&per_mark, "background-color"),
        "rgb(255, 195, 138)"
    );
    assert_eq!(computed(&per_mark, "--outer-color").trim(), "#e3b8ff");
    assert_eq!(computed(&per_mark, "--label-color").trim(), "#ffc38a");
    let html_marks = view.query_selector("b").expect("query");
    assert!(html_marks.is_none(), "markup in the text stays text");
    let lines = view.query_selector_all(".line").expect("lines");
    assert_eq!(lines.length(), 3);
    let first = lines.item(0).expect("line").dyn_into_element();
    assert_eq!(first.get_attribute("dir").as_deref(), Some("rtl"));
    let second = lines.item(1).expect("line").dyn_into_element();
    assert_eq!(second.get_attribute("dir").as_deref(), Some("ltr"));
}

#[wasm_bindgen_test]
async fn dom_selection_maps_to_code_points_and_back() {
    let view = render(workspace_with_spans(&[(
        cp_index("الكاظمي"),
        cp_index("الكاظمي") + 7,
        "PER",
    )]))
    .await;
    let len = TEXT.chars().count();
    let cases = [
        ("👩‍👩‍👧", 5),
        ("الكاظمي", 7),
        ("العراق", 6),
        ("Baghdad", 7),
        ("<b>met</b>", 10),
        ("كَتَبَ", 6),
    ];
    for (needle, width) in cases {
        let start = cp_index(needle);
        assert!(
            select_offsets(&view, CharRange::ordered(start, start + width)),
            "selects {needle}"
        );
        let selection = gloo::utils::window()
            .get_selection()
            .expect("sel")
            .expect("sel");
        let selected: String = selection.to_string().into();
        assert_eq!(
            selected, needle,
            "the DOM selection covers exactly {needle}"
        );
        assert_eq!(
            selection_offsets(&view, len),
            CharRange::new(start, start + width),
            "{needle}"
        );
    }
    // A selection spanning a line break and a span boundary.
    let start = cp_index("العراق");
    let end = cp_index("UN") + 2;
    assert!(select_offsets(&view, CharRange::ordered(start, end)));
    assert_eq!(selection_offsets(&view, len), CharRange::new(start, end));
}

/// A document of `n` short Arabic lines, "سطر i في المدينة القديمة.".
fn long_text(n: usize) -> String {
    (0..n)
        .map(|i| format!("سطر {i} في المدينة القديمة.\n"))
        .collect()
}

/// Code point where line `i` of [`long_text`] starts.
fn long_line_start(text: &str, i: usize) -> usize {
    text.split_inclusive('\n')
        .take(i)
        .map(|l| l.chars().count())
        .sum()
}

fn long_state(text: &str, spans: &[(usize, usize, &str)]) -> AppState {
    let mut ws = Workspace::default();
    let doc = ws.new_document("long.txt", text);
    let id = doc.id;
    ws.documents.push(doc.into());
    ws.open = Some(id);
    for (start, end, label) in spans {
        let edit = Edit::add_span(&mut ws, id, *start, *end, label).expect("valid test span");
        edit.apply(&mut ws).expect("applies");
    }
    let mut state = opened();
    state.session.ws = ws;
    state
}

fn drawn_lines(view: &Element) -> u32 {
    view.query_selector_all(":scope > .line")
        .expect("lines")
        .length()
}

#[wasm_bindgen_test]
async fn a_long_document_is_drawn_in_part_and_an_edit_draws_one_line() {
    let text = long_text(20_000);
    let word = |line: usize| {
        let start = long_line_start(&text, line) + 4;
        (start, start + 1 + line.to_string().chars().count() - 1)
    };
    let (s5, e5) = word(5);
    let view = render(long_state(&text, &[(s5, e5, "PER")])).await;
    gloo::timers::future::sleep(Duration::from_millis(100)).await;
    let drawn = drawn_lines(&view);
    assert!(
        (10..=600).contains(&drawn),
        "{drawn} of 20,000 lines are in the DOM"
    );
    assert!(
        view.query_selector(".gap").expect("query").is_some(),
        "lines not drawn stand as a gap"
    );
    // The gap is as high as the lines it stands for (set through the
    // CSSOM), so the scrollbar spans the whole text.
    let gap = view
        .query_selector(".gap")
        .expect("query")
        .expect("a gap")
        .get_bounding_client_rect();
    assert!(gap.height() > 1000.0, "the gap is {} px high", gap.height());
    let first = view
        .query_selector(":scope > .line")
        .expect("query")
        .expect("a line");
    assert_eq!(first.get_attribute("data-line-start").as_deref(), Some("0"));
    assert_eq!(
        first.text_content().as_deref(),
        Some("سطر 0 في المدينة القديمة.\n")
    );
    let mark = view
        .query_selector(&format!(
            "mark[data-span-start='{s5}'][data-span-end='{e5}'][data-label=PER]"
        ))
        .expect("query")
        .expect("the span in view is drawn");
    assert_eq!(mark.text_content().as_deref(), Some("5"));

    // Tagging a word draws that line again, and no other.
    let before = lines_rendered();
    let (s7, e7) = word(7);
    let app = HANDLE.with(|h| h.borrow().clone()).expect("host rendered");
    app.dispatch(Action::ApplyLabel {
        label: "LOC".into(),
        selection: CharRange::new(s7, e7),
        add: false,
    });
    gloo::timers::future::sleep(Duration::from_millis(100)).await;
    assert!(
        view.query_selector(&format!("mark[data-span-start='{s7}'][data-label=LOC]"))
            .expect("query")
            .is_some(),
        "the new span is drawn"
    );
    let redrawn = lines_rendered() - before;
    assert!(
        (1..=2).contains(&redrawn),
        "an edit drew {redrawn} lines again (of {} in the DOM)",
        drawn_lines(&view)
    );

    // A place far away has no DOM point until it is drawn…
    let (s, e) = word(15_000);
    let far = CharRange::ordered(s, e);
    assert!(!select_offsets(&view, far), "line 15,000 is not drawn");
    // …and `when_drawn` draws it, then acts on it.
    when_drawn(far, move |root| {
        select_offsets(root, far);
    });
    gloo::timers::future::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        selection_offsets(&view, text.chars().count()),
        Some(far),
        "the far word is selected through its drawn line"
    );
    let selected: String = gloo::utils::window()
        .get_selection()
        .expect("sel")
        .expect("sel")
        .to_string()
        .into();
    assert_eq!(selected, "15000");
    assert!(drawn_lines(&view) <= 600);

    // A DOM point in lines that are not drawn (a gap) maps to where they
    // start, never to an offset counted from the top of the view.
    let len = text.chars().count();
    let gaps = view.query_selector_all(":scope > .gap").expect("gaps");
    assert!(gaps.length() >= 1);
    for i in 0..gaps.length() {
        let gap = gaps.item(i).expect("gap");
        let start: usize = gap
            .dyn_into_element()
            .get_attribute("data-gap-start")
            .and_then(|s| s.parse().ok())
            .expect("data-gap-start");
        let gap = gaps.item(i).expect("gap");
        assert_eq!(point_to_cp(&view, &gap, 0, len), Some(start));
        let index = (0..view.child_nodes().length())
            .find(|j| view.child_nodes().item(*j).as_ref() == Some(&gap))
            .expect("a child of the view");
        assert_eq!(point_to_cp(&view, view.as_ref(), index, len), Some(start));
    }
}

trait IntoElement {
    fn dyn_into_element(self) -> Element;
}

impl IntoElement for web_sys::Node {
    fn dyn_into_element(self) -> Element {
        use wasm_bindgen::JsCast;
        self.dyn_into::<Element>().expect("an element")
    }
}

/// Two annotators' Wasim JSON files of one text, with these spans (JSON).
fn team_of(amina: &str, badr: &str) -> wasim::core::team::Team {
    let file = |name: &str, who: &str, spans: &str| {
        wasim::core::formats::InputFile {
        name: name.into(),
        bytes: format!(
            r##"{{"format":"wasim","version":2,"labels":[{{"name":"PER","color":"#ffc38a"}}],"documents":[{{"name":"d.txt","text":"زار علي بغداد","annotator":"{who}","spans":[{spans}]}}]}}"##
        )
        .into_bytes(),
    }
    };
    let mut team = wasim::core::team::Team::default();
    team.add(
        vec![file("a.json", "Amina", amina), file("b.json", "Badr", badr)],
        Vec::new(),
    );
    team
}

/// The Team panel's report of `report`, rendered with its chart.
async fn render_report(report: wasim::core::agreement::Report) -> Element {
    use std::rc::Rc;
    use wasim::ui::team_report::{Shown, TeamReport, TeamReportProps};
    let chart: Rc<str> =
        wasim::core::team::report::chart_svg(&report, &[], wasim::core::i18n::Lang::En).into();
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("div");
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    yew::Renderer::<TeamReport>::with_root_and_props(
        root.clone(),
        TeamReportProps {
            report: Shown(Rc::new(report)),
            chart,
        },
    )
    .render();
    gloo::timers::future::sleep(Duration::from_millis(50)).await;
    root
}

/// The text of the first element `selector` finds in `root`.
fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .expect("query")
        .unwrap_or_else(|| panic!("{selector} rendered"))
        .text_content()
        .unwrap_or_default()
}

/// The Team panel's report, rendered from a comparison: numbers with three
/// decimals and the chart as real SVG.
#[wasm_bindgen_test]
async fn the_team_report_shows_numbers_and_draws_its_chart() {
    let per = r#"{"start":4,"end":7,"label":"PER","text":"علي"}"#;
    // Both tag the same: F1 1, and every token labelled alike: κ 1.
    let report = team_of(per, per).compare().expect("two annotators");
    let root = render_report(report).await;
    let row = r#"[data-testid="team-pair-row"][data-reference="Amina"][data-candidate="Badr"]"#;
    assert_eq!(text_of(&root, &format!("{row} [data-measure=f1]")), "1.000");
    assert_eq!(
        text_of(&root, &format!("{row} [data-measure=kappa]")),
        "1.000"
    );
    let svg = root
        .query_selector("[data-testid=team-chart] svg")
        .expect("query")
        .expect("an svg element");
    assert_eq!(
        svg.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    assert!(
        svg.query_selector(r#"g[data-label="PER"] rect"#)
            .expect("query")
            .is_some()
    );
}

/// An undefined measure is a dash, never a number.
#[wasm_bindgen_test]
async fn an_undefined_kappa_shows_a_dash() {
    let report = team_of("", "").compare().expect("two annotators");
    assert_eq!(report.pairs[0].kappa, None, "all O: chance agreement 1");
    let root = render_report(report).await;
    assert_eq!(
        text_of(
            &root,
            r#"[data-testid="team-pair-row"] [data-measure=kappa]"#
        ),
        "—"
    );
}

/// A scrolling box holding a view of document `doc` whose `lines` lines
/// each hold `width` code points (its line starts as the view writes them).
fn fake_view(doc: u64, lines: usize, width: usize) -> (Element, Element) {
    let document = gloo::utils::document();
    let scroller = document.create_element("div").expect("a div");
    scroller
        .set_attribute(
            "style",
            "overflow-y: auto; height: 100px; line-height: 20px",
        )
        .expect("a style");
    let root = document.create_element("div").expect("a div");
    fill_view(&root, doc, lines, width);
    scroller.append_child(&root).expect("appended");
    gloo::utils::body()
        .append_child(&scroller)
        .expect("appended");
    (scroller, root)
}

/// Gives `root` the lines of another document, as a document switch does
/// before the view has put that document's place back.
fn fill_view(root: &Element, doc: u64, lines: usize, width: usize) {
    root.set_attribute("data-doc-id", &doc.to_string())
        .expect("an attribute");
    root.set_inner_html("");
    let document = gloo::utils::document();
    for i in 0..lines {
        let line = document.create_element("div").expect("a div");
        line.set_class_name("line");
        line.set_attribute("data-line-start", &(i * (width + 1)).to_string())
            .expect("an attribute");
        line.set_text_content(Some(&"x".repeat(width)));
        root.append_child(&line).expect("appended");
    }
}

#[wasm_bindgen_test]
async fn a_scroll_position_belongs_to_the_document_whose_place_was_put_back() {
    use wasim::core::model::DocId;
    use wasim::platform::resume::{place_in_view, restore_scroll};

    let (scroller, root) = fake_view(1, 60, 9);
    // Document 1 back at its line 20 (code point 200): its place is the view's.
    restore_scroll(&root, DocId(1), Some(200), 0);
    let top = scroller.scroll_top();
    assert!(top > 0, "the view scrolled to line 20");
    assert_eq!(place_in_view(&root), Some((DocId(1), 200, 0)));

    // Document 2 is drawn (its lines twice as long), still at document 1's
    // scroll position: that position is no document's place.
    fill_view(&root, 2, 60, 19);
    assert_eq!(place_in_view(&root), None);
    // Nor do document 1's later restores move document 2 (code point 200
    // is on its line 10).
    gloo::timers::future::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        scroller.scroll_top(),
        top,
        "document 1's restore left document 2 alone"
    );

    // Once document 2's place is put back, the view's position is its own.
    restore_scroll(&root, DocId(2), Some(100), 0);
    assert_eq!(place_in_view(&root), Some((DocId(2), 100, 0)));
    scroller.remove();
}

#[wasm_bindgen_test]
async fn an_edit_draws_again_only_the_item_of_the_document_it_changed() {
    let mut ws = Workspace::default();
    let mut ids = Vec::new();
    for i in 0..200 {
        let doc = ws.new_document(&format!("{i:03}.txt"), "قال الكاظمي في بغداد.");
        ids.push(doc.id);
        ws.documents.push(doc.into());
    }
    ws.open = Some(ids[3]);
    let mut state = opened();
    state.session.ws = ws;
    let root = mount(state, Shown::Documents, Some(300)).await;
    let items = root
        .query_selector_all("[data-testid=doc-item]")
        .expect("query")
        .length();
    assert!((5..200).contains(&items), "{items} of 200 items are drawn");
    let app = HANDLE.with(|h| h.borrow().clone()).expect("host rendered");

    // Tagging a word in the open document draws its item again, no other.
    let before = items_rendered();
    app.dispatch(Action::ApplyLabel {
        label: "PER".into(),
        selection: CharRange::new(4, 11),
        add: false,
    });
    gloo::timers::future::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        items_rendered() - before,
        1,
        "one item drawn again for one edit"
    );
    let count = root
        .query_selector(
            "[data-testid=doc-item][data-doc-name='003.txt'] [data-testid=doc-span-count]",
        )
        .expect("query")
        .expect("the open document's item");
    assert_eq!(count.text_content().as_deref(), Some("1"));

    // Opening another document draws the two items whose state changed.
    let before = items_rendered();
    app.dispatch(Action::Open(ids[5]));
    gloo::timers::future::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        items_rendered() - before,
        2,
        "the old and the new open item"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn an_edit_draws_again_only_the_entities_entries_it_changed() {
    // 300 tagged words, PER, in one document.
    let text = "كلمة ".repeat(300);
    let spans: Vec<(usize, usize, &str)> = (0..300).map(|i| (i * 5, i * 5 + 4, "PER")).collect();
    let mut ws = Workspace::default();
    let doc = ws.new_document("long.txt", &text);
    let id = doc.id;
    ws.documents.push(doc.into());
    ws.open = Some(id);
    for (start, end, label) in &spans {
        let edit = Edit::add_span(&mut ws, id, *start, *end, label).expect("valid test span");
        edit.apply(&mut ws).expect("applies");
    }
    let mut state = opened();
    state.session.ws = ws;
    let root = mount(state, Shown::Entities, Some(400)).await;
    let entries = || {
        root.query_selector_all("[data-testid=entity-item]")
            .expect("query")
            .length()
    };
    assert!(
        (5..300).contains(&entries()),
        "{} of 300 entries are drawn",
        entries()
    );
    let app = HANDLE.with(|h| h.borrow().clone()).expect("host rendered");
    let span_id = |i: usize| {
        app.open_document()
            .and_then(|d| d.spans.get(i))
            .map(|s| s.id)
            .expect("a span")
    };

    // Selecting a span draws its entry again, no other.
    let before = entries_rendered();
    app.dispatch(Action::Select(Some(span_id(2))));
    gloo::timers::future::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        entries_rendered() - before,
        1,
        "one entry drawn for a selection"
    );
    // Relabelling it to LOC moves it to another group, which scrolls its
    // entry into view: the entries drawn for the first time are drawn, the
    // moved one in its new group, and at most one more (a row of the
    // window drawn in between), not the entries that were already there.
    let drawn_ids = || -> std::collections::HashSet<String> {
        let list = root
            .query_selector_all("[data-testid=entity-item]")
            .expect("query");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .filter_map(|e| e.get_attribute("data-span-id"))
            .collect()
    };
    let (before, ids_before) = (entries_rendered(), drawn_ids());
    app.dispatch(Action::ApplyLabel {
        label: "LOC".into(),
        selection: CharRange::new(10, 14),
        add: false,
    });
    gloo::timers::future::sleep(Duration::from_millis(100)).await;
    let loc = root
        .query_selector("[data-testid=entity-group][data-label=LOC] [data-testid=entity-item]")
        .expect("query")
        .expect("the relabelled span's entry");
    assert_eq!(loc.get_attribute("data-span-start").as_deref(), Some("10"));
    let new = drawn_ids().difference(&ids_before).count() as u64;
    let drawn = entries_rendered() - before;
    assert!(
        drawn <= new + 2,
        "a relabel drew {drawn} entries, {new} of them not drawn before"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn scrolls_before_a_frame_measure_each_list_once_in_that_frame() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasim::platform::lists::on_scroll_or_resize;

    let document = gloo::utils::document();
    let lists: Vec<Element> = (0..2)
        .map(|_| {
            let list = document.create_element("ul").expect("a list");
            gloo::utils::body().append_child(&list).expect("appended");
            list
        })
        .collect();
    let runs: Vec<Rc<Cell<u32>>> = lists.iter().map(|_| Rc::new(Cell::new(0))).collect();
    let _guards: Vec<_> = lists
        .iter()
        .zip(&runs)
        .map(|(list, runs)| {
            let runs = runs.clone();
            on_scroll_or_resize(list.clone(), move || runs.set(runs.get() + 1))
        })
        .collect();
    // Five scrolls of the page before a frame.
    for _ in 0..5 {
        let event = web_sys::Event::new("scroll").expect("an event");
        document.dispatch_event(&event).expect("dispatched");
    }
    assert_eq!(
        runs.iter().map(|r| r.get()).collect::<Vec<_>>(),
        [0, 0],
        "nothing is measured during the scroll events"
    );
    gloo::timers::future::sleep(Duration::from_millis(100)).await;
    assert_eq!(
        runs.iter().map(|r| r.get()).collect::<Vec<_>>(),
        [1, 1],
        "each list measured once, before the next frame"
    );
    for list in lists {
        list.remove();
    }
}
