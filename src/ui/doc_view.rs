//! The open document: one block per line, spans drawn as `<mark>` elements.
//!
//! The text nodes of each drawn line are exactly that line's text, line
//! terminator included, and each line carries its first code point
//! (`data-line-start`), so the DOM selection maps back to code points (see
//! [`crate::platform::selection`]). Labels shown inside the text come from
//! CSS (`::after` with `attr(data-label)`), never from extra text nodes.
//!
//! Highlights are background colour only: no padding, margin or border, so
//! Arabic letters stay joined when a span starts or ends inside a word.
//!
//! **What is drawn costs what is on screen.** A long document is drawn in
//! part: the lines in and near the visible part, with a gap block for each
//! run of lines not drawn ([`crate::ui::doc_window`] keeps the window and
//! [`crate::core::viewport`] does its arithmetic); small documents are drawn
//! whole. The spans of a line are found through a [`SpanIndex`] built once
//! per version of the spans, and each line is a [`Line`] component compared
//! on its text, its fragments and whether it holds the selected span, so an
//! edit draws again only the drawn lines it changes, never every line.
//!
//! Each document's scroll position and selected span are remembered
//! ([`crate::platform::resume`]); opening a document, or reloading, scrolls
//! back to where it was left.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::css::{ClassRule, px};
use crate::core::curation::is_team;
use crate::core::i18n::{Key, Lang};
use crate::core::layout::{
    Direction, Fragment, Node, SpanIndex, dominant_direction, line_fragments, nest,
};
use crate::core::model::{DocId, SpanId};
use crate::core::text::{CharRange, DRAWN_LINE_MAX, LineRange};
use crate::core::viewport::Piece;
use crate::core::words::snap_to_words;
use crate::platform::files::copy_into;
use crate::platform::measure::GAP_CLASS;
use crate::platform::resume::{self, place_in_view, restore_scroll, scrolls_view};
use crate::platform::selection::{
    LINE_CLASS, doc_view_root, document_selection, remember_click, reveal_offset, reveal_span,
    select_offsets,
};
use crate::platform::styles::class_of;
use crate::ui::doc_window::{DocWindow, SizeObserver, WindowHandle, when_drawn};
use crate::ui::lang::use_lang;
use crate::ui::state::{Action, AppHandle, use_app};
use crate::ui::styled::use_style_properties;

/// Snaps the selection to whole words when a drag begun in the text ends
/// (not with Alt, nor in precise mode), wherever the button is released:
/// one released past the text (below its last line, over a panel) was
/// tagged as the browser selected it, mid-word. Returns the text's
/// `mousedown` handler; a release that ends no drag from the text (a
/// click on a label button after an Alt-drag) leaves the selection alone.
#[hook]
fn use_drag_snapping(app: &AppHandle) -> Callback<MouseEvent> {
    let latest = use_mut_ref(|| app.clone());
    *latest.borrow_mut() = app.clone();
    // Where the button went down in the text, while it is down.
    let pressed = use_mut_ref(|| None::<(i32, i32)>);
    {
        let pressed = pressed.clone();
        use_effect_with((), move |_| {
            let released = EventListener::new(&gloo::utils::document(), "mouseup", move |event| {
                let Some(event) = event.dyn_ref::<MouseEvent>() else {
                    return;
                };
                let Some((x, y)) = pressed.borrow_mut().take() else {
                    return;
                };
                // A click (one, without moving) is not a drag: it leaves a
                // selection it lands in to the browser (snapping it tagged a
                // word the click was only passing). Double and triple
                // clicks snap.
                let moved = (event.client_x() - x).abs() > 2 || (event.client_y() - y).abs() > 2;
                if !event.alt_key() && (moved || event.detail() > 1) {
                    snap_drag(&latest.borrow());
                }
            });
            move || drop(released)
        });
    }
    Callback::from(move |event: MouseEvent| {
        *pressed.borrow_mut() = (event.button() == 0).then(|| (event.client_x(), event.client_y()));
    })
}

/// Widens the document's selection to whole words ([`snap_to_words`]).
fn snap_drag(app: &AppHandle) {
    if app.precise {
        return;
    }
    let Some(doc) = app.ws.open_document() else {
        return;
    };
    let (Some(selection), Some(root)) = (document_selection(), doc_view_root()) else {
        return;
    };
    let attested = |word: &str| app.lexicon.attests(doc, word);
    if let Some(snapped) = snap_to_words(&doc.text, selection.start(), selection.end(), &attested)
        .filter(|snapped| *snapped != selection)
    {
        select_offsets(&root, snapped);
    }
}

/// One line of the open document, prepared when it is first drawn.
#[derive(Clone, Debug, PartialEq)]
struct LineData {
    start: usize,
    end: usize,
    text: Rc<str>,
    dir: Option<Direction>,
}

/// What is computed once per document: its lines and direction.
struct Prepared {
    doc: Option<DocId>,
    /// The blocks drawn: the lines, long ones in pieces
    /// ([`crate::core::text::Text::drawn_lines`]).
    ranges: Vec<LineRange>,
    /// Each line drawn in pieces, with its direction, which its pieces
    /// take (a piece alone could read the other way).
    long_lines: Vec<(LineRange, Option<Direction>)>,
    starts: Rc<Vec<usize>>,
    /// Code points of each line, line break not counted.
    sizes: Vec<usize>,
    dir: Direction,
}

impl Prepared {
    fn of(doc: Option<DocId>, text: Option<&crate::core::text::Text>) -> Prepared {
        let Some(text) = text else {
            return Prepared {
                doc: None,
                ranges: Vec::new(),
                long_lines: Vec::new(),
                starts: Rc::default(),
                sizes: Vec::new(),
                dir: Direction::Rtl,
            };
        };
        // The text's lines are found once: each is drawn in one piece or
        // several (`Text::drawn_lines`), and a line of pieces keeps its
        // direction for all of them.
        let (mut ranges, mut long_lines) = (Vec::new(), Vec::new());
        for line in text.lines() {
            let before = ranges.len();
            text.pieces_of(line, DRAWN_LINE_MAX, &mut ranges);
            if ranges.len() > before + 1 {
                let dir = dominant_direction(text.slice(line.start, line.end).unwrap_or_default());
                long_lines.push((line, dir));
            }
        }
        let sizes = ranges
            .iter()
            .map(|r| {
                let line = text.slice(r.start, r.end).unwrap_or_default();
                let body = line.trim_end_matches(['\n', '\r']);
                if body.trim().is_empty() {
                    0
                } else {
                    body.chars().count()
                }
            })
            .collect();
        Prepared {
            doc,
            starts: Rc::new(ranges.iter().map(|r| r.start).collect()),
            ranges,
            long_lines,
            sizes,
            dir: dominant_direction(text.as_str()).unwrap_or(Direction::Rtl),
        }
    }

    /// The direction of the line that holds the piece `range`, when that
    /// line is drawn in pieces.
    fn long_line_dir(&self, range: LineRange) -> Option<Option<Direction>> {
        let i = self
            .long_lines
            .partition_point(|(line, _)| line.end <= range.start);
        self.long_lines
            .get(i)
            .filter(|(line, _)| line.start <= range.start)
            .map(|(_, dir)| *dir)
    }
}

/// Lines prepared for drawing, by line number; forgotten when the document
/// changes or when there are many.
#[derive(Default)]
struct LineCache {
    doc: Option<DocId>,
    lines: HashMap<usize, LineData>,
}

/// How many prepared lines are kept before the cache starts over.
const LINE_CACHE: usize = 4096;

impl LineCache {
    fn line(
        &mut self,
        doc: Option<DocId>,
        text: &crate::core::text::Text,
        i: usize,
        range: LineRange,
        dir: Option<Option<Direction>>,
    ) -> LineData {
        if self.doc != doc || self.lines.len() > LINE_CACHE {
            self.doc = doc;
            self.lines.clear();
        }
        self.lines
            .entry(i)
            .or_insert_with(|| {
                let line = text.slice(range.start, range.end).unwrap_or_default();
                LineData {
                    start: range.start,
                    end: range.end,
                    text: Rc::from(line),
                    dir: dir.unwrap_or_else(|| dominant_direction(line)),
                }
            })
            .clone()
    }
}

/// How many documents' [`Prepared`] are kept: going back and forth
/// between a big article and others finds its lines once (200 ms for a
/// 5 MB one).
const PREPARED_KEPT: usize = 4;

thread_local! {
    /// The last documents opened, with their text (an id of another
    /// workspace may come back with another text) and what was prepared.
    static PREPARED: RefCell<Vec<(DocId, crate::core::text::Text, Rc<Prepared>)>> =
        const { RefCell::new(Vec::new()) };
}

/// What [`Prepared::of`] gives, kept for the last [`PREPARED_KEPT`]
/// documents opened.
fn prepared_of(doc: Option<DocId>, text: Option<&crate::core::text::Text>) -> Rc<Prepared> {
    let (Some(id), Some(text)) = (doc, text) else {
        return Rc::new(Prepared::of(doc, text));
    };
    PREPARED.with(|kept| {
        let mut kept = kept.borrow_mut();
        if let Some(i) = kept.iter().position(|(d, t, _)| *d == id && t == text) {
            let entry = kept.remove(i);
            let prepared = entry.2.clone();
            kept.push(entry);
            return prepared;
        }
        let prepared = Rc::new(Prepared::of(doc, Some(text)));
        kept.push((id, text.clone(), prepared.clone()));
        if kept.len() > PREPARED_KEPT {
            kept.remove(0);
        }
        prepared
    })
}

thread_local! {
    static LINES_RENDERED: Cell<u64> = const { Cell::new(0) };
}

/// How many times a line of text has been rendered since the page opened
/// (for tests of what an edit costs).
pub fn lines_rendered() -> u64 {
    LINES_RENDERED.with(Cell::get)
}

/// The text view of the open document.
#[function_component(DocView)]
pub fn doc_view() -> Html {
    let app = use_app();
    let lang = use_lang();
    let doc = app.ws.open_document();
    let doc_id = doc.map(|d| d.id);
    let prepared = {
        let text = doc.map(|d| d.text.clone());
        let prepared = use_memo(doc_id, move |doc_id| prepared_of(*doc_id, text.as_ref()));
        Rc::clone(&prepared)
    };
    // The spans by position, once per version of the workspace.
    let index = {
        let state = app.clone();
        let spans = doc.map_or(0, |d| d.spans.len());
        use_memo((doc_id, app.revision, spans), move |_| {
            SpanIndex::new(state.ws.open_document().map_or(&[], |d| &d.spans[..]))
        })
    };
    // Each label's colour class (its rules in Wasim's stylesheet).
    let colors: Rc<HashMap<String, String>> = {
        let labels = app.ws.labels.clone();
        use_memo(labels, |labels| {
            labels
                .iter()
                .map(|l| (l.name.clone(), class_of(&ClassRule::label_color(&l.color))))
                .collect()
        })
    };
    let root_ref = use_node_ref();
    let window: Rc<RefCell<DocWindow>> = use_mut_ref(DocWindow::default);
    let cache: Rc<RefCell<LineCache>> = use_mut_ref(LineCache::default);
    let handle = {
        let redraw = use_force_update();
        WindowHandle {
            window: window.clone(),
            redraw: Rc::new(move || redraw.force_update()),
            root: root_ref.clone(),
        }
    };
    {
        // This view is the one `when_drawn` brings places into.
        let handle = handle.clone();
        use_effect_with((), move |_| {
            handle.register();
            move || handle.unregister()
        });
    }
    {
        // After every draw: keep the place, measure, run what waited; and
        // measure again whenever the text changes size.
        let handle = handle.clone();
        let observed: Rc<RefCell<Option<(web_sys::Element, SizeObserver)>>> = use_mut_ref(|| None);
        use_effect(move || {
            handle.settle();
            let root = handle.root.cast::<web_sys::Element>();
            let mut observed = observed.borrow_mut();
            if observed.as_ref().map(|(element, _)| element) != root.as_ref() {
                *observed = root.zip(handle.observe_size());
            }
        });
    }
    {
        // A document opens where it was left (the top the first time). This
        // runs before the reveal below, so undo still shows its change.
        use_effect_with(prepared.doc, |doc| {
            if let Some(doc) = *doc {
                let (line, dy) =
                    resume::with(|r| r.place(doc).map_or((None, 0), |p| (p.line, p.dy)));
                match line {
                    Some(line) => when_drawn(CharRange::empty(line), move |root| {
                        restore_scroll(root, doc, Some(line), dy)
                    }),
                    None => {
                        if let Some(root) = doc_view_root() {
                            restore_scroll(&root, doc, None, 0);
                        }
                    }
                }
            }
        });
    }
    {
        // Remember the selected span of the open document.
        use_effect_with((doc_id, app.selected), |(doc, selected)| {
            if let Some(doc) = *doc {
                let selected = *selected;
                resume::update(|r| r.update(doc, |place| place.span = selected));
            }
        });
    }
    {
        // Scrolling moves the window, and its position is remembered once
        // scrolling stops; the selection's lines stay drawn.
        let settle: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
        let handle = handle.clone();
        use_effect_with((), move |_| {
            let options = EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: true,
            };
            let on_scroll = handle.clone();
            let scroll = EventListener::new_with_options(
                &gloo::utils::document(),
                "scroll",
                options,
                move |event| {
                    let Some(root) = on_scroll.root.cast::<web_sys::Element>() else {
                        return;
                    };
                    if !scrolls_view(event.target(), &root) {
                        return;
                    }
                    on_scroll.on_scroll();
                    // Where the view is now, read now: when the pause ends,
                    // another document may be on screen.
                    if let Some(place) = place_in_view(&root) {
                        *settle.borrow_mut() =
                            Some(Timeout::new(SCROLL_SETTLE_MS, move || remember(place)));
                    }
                },
            );
            let selection =
                EventListener::new(&gloo::utils::document(), "selectionchange", move |_| {
                    handle.on_selection()
                });
            move || drop((scroll, selection))
        });
    }
    {
        // Undo and redo show what they changed: scroll it into view once the
        // document is drawn.
        let selected = app.selected;
        use_effect_with(app.reveal, move |reveal| {
            if let Some((_, range)) = *reveal {
                when_drawn(range, move |root| match selected {
                    Some(id) => reveal_span(id.0),
                    None => reveal_offset(root, range.start()),
                });
            }
        });
    }

    let onclick = {
        let app = app.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(doc) = app.ws.open {
                remember_click(doc.0, event.client_x(), event.client_y());
            }
            let dragged = web_sys::window()
                .and_then(|w| w.get_selection().ok().flatten())
                .is_some_and(|s| !s.is_collapsed());
            if dragged {
                return;
            }
            let span = event
                .target_dyn_into::<web_sys::Element>()
                .and_then(|el| el.closest("mark[data-span-id]").ok().flatten())
                .and_then(|mark| mark.get_attribute("data-span-id"))
                .and_then(|id| id.parse().ok())
                .map(SpanId);
            app.dispatch(Action::Select(span));
        })
    };

    let onmousedown = use_drag_snapping(&app);

    // The selection's own text, with the lines between its ends that are
    // not drawn.
    let oncopy = {
        let app = app.clone();
        Callback::from(move |event: Event| {
            let text = app.ws.open_document().and_then(|doc| {
                let range = document_selection()?;
                doc.text.slice_range(range).map(str::to_owned)
            });
            if let Some(text) = text {
                copy_into(&event, &text);
            }
        })
    };

    let Some(doc) = doc.filter(|d| prepared.doc == Some(d.id)) else {
        return html! {
            <div class="doc-empty" data-testid="doc-text">{ lang.t(Key::LoadToStart) }</div>
        };
    };
    let root = root_ref.cast::<web_sys::Element>();
    let pieces = {
        let mut window = window.borrow_mut();
        if window.doc() != prepared.doc {
            window.reset(
                prepared.doc,
                prepared.starts.clone(),
                prepared.sizes.clone(),
                doc.text.char_len(),
                root.as_ref(),
            );
        }
        window.pieces(root.as_ref())
    };
    let windowed = !matches!(pieces.as_slice(), [Piece::Lines(_)] | []);
    let selected = app.selected;
    let team = is_team(doc);
    let mut cache = cache.borrow_mut();
    let items = pieces.iter().flat_map(|piece| match piece {
        Piece::Lines(lines) => lines
            .clone()
            .filter_map(|i| {
                let range = *prepared.ranges.get(i)?;
                let dir = prepared.long_line_dir(range);
                let line = cache.line(prepared.doc, &doc.text, i, range, dir);
                let fragments = line_fragments(&doc.spans, &index, range);
                let selected = selected.filter(|id| fragments.iter().any(|f| f.id == *id));
                let key = line.start;
                Some(html! {
                    <Line {key} {line} fragments={Rc::new(fragments)} {selected} colors={colors.clone()} {team} {lang} />
                })
            })
            .collect::<Vec<Html>>(),
        Piece::Gap { lines, height } => {
            let start = prepared.ranges.get(lines.start).map_or(0, |r| r.start);
            let end = lines
                .end
                .checked_sub(1)
                .and_then(|last| prepared.ranges.get(last))
                .map_or(start, |r| r.end);
            vec![html! {
                <Gap key={format!("gap-{}", lines.start)} {start} {end} height={*height} />
            }]
        }
    });
    let items: Vec<Html> = items.collect();
    // The selected span said aloud: Tab from span to span moves no focus,
    // so a screen reader heard nothing. (Outside the text, whose text
    // nodes are the document's.)
    let announced = selected
        .and_then(|id| doc.span(id))
        .map(|span| {
            let text = doc.text.slice(span.start, span.end).unwrap_or_default();
            lang.f(Key::SpanName, &[("label", &span.label), ("text", text)])
        })
        .unwrap_or_default();
    html! {
        <>
        <p class="visually-hidden" aria-live="polite" data-testid="span-announce">{ announced }</p>
        <div class={classes!("doc-text", windowed.then_some("windowed"))} ref={root_ref} data-testid="doc-text" data-doc-id={doc.id.0.to_string()} dir={prepared.dir.as_attr()} lang="ar"
            data-text-len={doc.text.char_len().to_string()} {onclick} {onmousedown} {oncopy}
            tabindex="0" role="document" aria-label={lang.f(Key::TextOf, &[("name", &doc.name)])}>
            { for items }
        </div>
        </>
    }
}

/// How long scrolling must pause before its position is remembered.
const SCROLL_SETTLE_MS: u32 = 150;

/// Remembers where a document's view was scrolled to.
fn remember((doc, line, dy): (DocId, usize, i32)) {
    resume::update(|r| {
        r.update(doc, |place| {
            place.line = Some(line);
            place.dy = dy;
        })
    });
}

#[derive(Properties, PartialEq)]
struct GapProps {
    start: usize,
    end: usize,
    height: f64,
}

/// One block standing for lines not drawn, as high as they would be. Its
/// height is set through the CSSOM (its effect runs before the view's,
/// which measures).
#[function_component(Gap)]
fn gap(props: &GapProps) -> Html {
    let node = use_node_ref();
    use_style_properties(node.clone(), vec![("height", px(props.height))]);
    html! {
        <div ref={node} class={GAP_CLASS} aria-hidden="true"
            data-gap-start={props.start.to_string()} data-gap-end={props.end.to_string()}></div>
    }
}

#[derive(Properties, PartialEq)]
struct LineProps {
    line: LineData,
    fragments: Rc<Vec<Fragment>>,
    selected: Option<SpanId>,
    /// Each label's colour class.
    colors: Rc<HashMap<String, String>>,
    /// Whether the document is a team document, whose spans show who
    /// proposed them and whether they are accepted.
    team: bool,
    /// The interface's language (for the spans' tooltips).
    lang: Lang,
}

#[function_component(Line)]
fn line(props: &LineProps) -> Html {
    LINES_RENDERED.with(|n| n.set(n.get() + 1));
    let line = &props.line;
    let dir = line.dir.map(Direction::as_attr);
    let content = if props.fragments.is_empty() {
        html! { { line.text.to_string() } }
    } else {
        let renderer = LineRenderer::new(line, props);
        renderer.render(&nest(line.start, line.end, &props.fragments))
    };
    // A line holding only spaces and its line break is drawn lower (CSS);
    // it stays an element with its text, so offsets do not change.
    let blank = props.fragments.is_empty() && line.text.trim().is_empty();
    html! {
        <div class={classes!(LINE_CLASS, blank.then_some("blank"))} {dir} data-line-start={line.start.to_string()}>{ content }</div>
    }
}

/// Turns a line's display tree into elements.
struct LineRenderer<'a> {
    text: &'a str,
    start: usize,
    /// Byte offset of each code point of the line, plus the end.
    bytes: Vec<usize>,
    props: &'a LineProps,
}

impl<'a> LineRenderer<'a> {
    fn new(line: &'a LineData, props: &'a LineProps) -> Self {
        let mut bytes: Vec<usize> = line.text.char_indices().map(|(b, _)| b).collect();
        bytes.push(line.text.len());
        LineRenderer {
            text: &line.text,
            start: line.start,
            bytes,
            props,
        }
    }

    fn slice(&self, start: usize, end: usize) -> &'a str {
        let from = self.bytes.get(start - self.start).copied().unwrap_or(0);
        let to = self.bytes.get(end - self.start).copied().unwrap_or(from);
        self.text.get(from..to).unwrap_or_default()
    }

    /// Whether the character after `end` continues a word, so a badge there
    /// would sit inside the word.
    fn inside_word(&self, end: usize) -> bool {
        self.slice(end, (end + 1).min(self.start + self.bytes.len() - 1))
            .chars()
            .next()
            .is_some_and(|c| c.is_alphanumeric() || is_combining(c))
    }

    fn render(&self, nodes: &[Node]) -> Html {
        nodes
            .iter()
            .map(|node| match node {
                Node::Text { start, end } => html! { { self.slice(*start, *end).to_owned() } },
                Node::Mark { fragment, children } => self.render_mark(fragment, children),
            })
            .collect()
    }

    /// A span's mark: its label's colour class paints it, and a mark nested
    /// in another is drawn over a strip of the outer colour (CSS, with the
    /// custom properties of the colour classes).
    fn render_mark(&self, fragment: &Fragment, children: &[Node]) -> Html {
        let color = match self.props.colors.get(fragment.label.as_str()) {
            Some(class) => class.clone(),
            None => class_of(&ClassRule::label_color("")),
        };
        let selected = self.props.selected == Some(fragment.id);
        let is_last = fragment.end == fragment.span_end;
        let badge = (is_last && !self.inside_word(fragment.end)).then_some("");
        let team = self.props.team;
        let review = team.then_some(if fragment.accepted {
            "accepted"
        } else {
            "pending"
        });
        let title = if team {
            team_title(fragment, self.props.lang)
        } else {
            fragment.label.to_string()
        };
        // The span's accessible name, "PER: مصطفى الكاظمي" (its text on
        // this line): an attribute, so the text and its joining are as
        // they were.
        let line_end = self.start + self.bytes.len() - 1;
        let text = self.slice(
            fragment.span_start.max(self.start),
            fragment.span_end.min(line_end),
        );
        let name = self
            .props
            .lang
            .f(Key::SpanName, &[("label", &fragment.label), ("text", text)]);
        html! {
            <mark class={classes!("span", color, selected.then_some("selected"), review)}
                data-span-start={fragment.span_start.to_string()}
                data-span-end={fragment.span_end.to_string()}
                data-label={fragment.label.to_string()}
                data-span-id={fragment.id.0.to_string()}
                data-badge={badge}
                data-annotators={team.then(|| fragment.annotators.join(","))}
                role="group" aria-label={name}
                aria-current={selected.then_some("true")}
                {title}>
                { self.render(children) }
            </mark>
        }
    }
}

/// A team span's tooltip: its label, who proposed it, and whether it is
/// accepted ("LOC — proposed by Amina, Badr — pending").
fn team_title(fragment: &Fragment, lang: Lang) -> String {
    let who = if fragment.annotators.is_empty() {
        lang.t(Key::AddedWhileAdjudicating).to_owned()
    } else {
        lang.f(
            Key::ProposedBy,
            &[("who", &lang.join(&fragment.annotators))],
        )
    };
    let state = lang.t(if fragment.accepted {
        Key::Accepted
    } else {
        Key::Pending
    });
    lang.f(
        Key::TeamTitle,
        &[("label", &fragment.label), ("who", &who), ("state", state)],
    )
}

/// Combining marks (Arabic tashkeel and others) continue the word before them.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{200C}' | '\u{200D}')
}
