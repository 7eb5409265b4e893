//! The open document: one block per line, spans drawn as `<mark>` elements.
//!
//! The text nodes under `doc-text` are exactly the document's text, line
//! terminators included, so the DOM selection maps back to code points (see
//! [`crate::platform::selection`]). Labels shown inside the text come from CSS
//! (`::after` with `attr(data-label)`), never from extra text nodes.
//!
//! Highlights are background colour only: no padding, margin or border, so
//! Arabic letters stay joined when a span starts or ends inside a word.
//!
//! Each document's scroll position and selected span are remembered
//! ([`crate::platform::resume`]); opening a document, or reloading, scrolls
//! back to where it was left.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::timers::callback::Timeout;

use yew::prelude::*;

use crate::core::layout::{Direction, Fragment, Node, dominant_direction, fragments_by_line, nest};
use crate::core::model::{DocId, SpanId, readable_color};
use crate::core::words::snap_to_words;
use crate::platform::resume::{self, restore_scroll, scroll_anchor, scrolls_view};
use crate::platform::selection::{
    LINE_CLASS, doc_view_root, document_selection, reveal_offset, reveal_span, select_offsets,
};
use crate::ui::state::{Action, use_app};

/// One line of the open document, prepared once per document.
#[derive(Clone, Debug, PartialEq)]
struct LineData {
    start: usize,
    end: usize,
    text: Rc<str>,
    dir: Option<Direction>,
}

struct Prepared {
    doc: Option<DocId>,
    lines: Vec<LineData>,
    ranges: Vec<crate::core::text::LineRange>,
    dir: Direction,
}

/// The text view of the open document.
#[function_component(DocView)]
pub fn doc_view() -> Html {
    let app = use_app();
    let doc = app.ws.open_document();
    let doc_id = doc.map(|d| d.id);
    let prepared = {
        let text = doc.map(|d| d.text.clone());
        use_memo(doc_id, move |doc_id| {
            let Some(text) = text else {
                return Prepared {
                    doc: None,
                    lines: Vec::new(),
                    ranges: Vec::new(),
                    dir: Direction::Rtl,
                };
            };
            let ranges = text.lines();
            let lines = ranges
                .iter()
                .map(|r| {
                    let line = text.slice(r.start, r.end).unwrap_or_default();
                    LineData {
                        start: r.start,
                        end: r.end,
                        text: Rc::from(line),
                        dir: dominant_direction(line),
                    }
                })
                .collect();
            Prepared {
                doc: *doc_id,
                lines,
                ranges,
                dir: dominant_direction(text.as_str()).unwrap_or(Direction::Rtl),
            }
        })
    };
    let colors: Rc<HashMap<String, String>> = {
        let labels = app.ws.labels.clone();
        // Colours from imported files may be dark: draw them readable.
        use_memo(labels, |labels| {
            labels
                .iter()
                .map(|l| (l.name.clone(), readable_color(&l.color)))
                .collect()
        })
    };

    {
        // A document opens where it was left (the top the first time). This
        // runs before the reveal below, so undo still shows its change.
        use_effect_with(prepared.doc, |doc| {
            if let (Some(doc), Some(root)) = (*doc, doc_view_root()) {
                let (line, dy) =
                    resume::with(|r| r.place(doc).map_or((None, 0), |p| (p.line, p.dy)));
                restore_scroll(&root, line, dy);
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
        // Remember where the open document is scrolled, once scrolling stops.
        let settle: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
        use_effect_with((), move |_| {
            let options = EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: true,
            };
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "scroll",
                options,
                move |event| {
                    let Some(root) = doc_view_root() else {
                        return;
                    };
                    if !scrolls_view(event.target(), &root) {
                        return;
                    }
                    *settle.borrow_mut() = Some(Timeout::new(SCROLL_SETTLE_MS, remember_scroll));
                },
            );
            move || drop(listener)
        });
    }
    {
        // Undo and redo show what they changed: scroll it into view once the
        // document is drawn.
        let selected = app.selected;
        use_effect_with(app.reveal, move |reveal| {
            if let (Some((_, range)), Some(root)) = (reveal, doc_view_root()) {
                match selected {
                    Some(id) => reveal_span(id.0),
                    None => reveal_offset(&root, range.start()),
                }
            }
        });
    }

    let onclick = {
        let app = app.clone();
        Callback::from(move |event: MouseEvent| {
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

    let onmouseup = {
        let app = app.clone();
        Callback::from(move |event: MouseEvent| {
            if app.precise || event.alt_key() {
                return;
            }
            let Some(doc) = app.ws.open_document() else {
                return;
            };
            let (Some(selection), Some(root)) = (document_selection(), doc_view_root()) else {
                return;
            };
            let attested = |word: &str| app.lexicon.attests(doc, word);
            if let Some(snapped) =
                snap_to_words(&doc.text, selection.start(), selection.end(), &attested)
                    .filter(|snapped| *snapped != selection)
            {
                select_offsets(&root, snapped);
            }
        })
    };

    let Some(doc) = doc.filter(|d| prepared.doc == Some(d.id)) else {
        return html! {
            <div class="doc-empty" data-testid="doc-text">{ "Load a .txt file to start." }</div>
        };
    };
    let fragments = fragments_by_line(doc, &prepared.ranges);
    let selected = app.selected;
    let lines = prepared.lines.iter().zip(fragments).map(|(line, fragments)| {
        let selected = selected.filter(|id| fragments.iter().any(|f| f.id == *id));
        html! {
            <Line key={line.start} line={line.clone()} fragments={Rc::new(fragments)} {selected} colors={colors.clone()} />
        }
    });
    html! {
        <div class="doc-text" data-testid="doc-text" data-doc-id={doc.id.0.to_string()} dir={prepared.dir.as_attr()} lang="ar"
            data-text-len={doc.text.char_len().to_string()} {onclick} {onmouseup}
            tabindex="0" role="document" aria-label={format!("Text of {}", doc.name)}>
            { for lines }
        </div>
    }
}

/// How long scrolling must pause before its position is remembered.
const SCROLL_SETTLE_MS: u32 = 150;

/// Remembers where the document shown now is scrolled. The document is read
/// from the view itself, so a pause that ends after a switch is counted for
/// the document on screen.
fn remember_scroll() {
    let Some(root) = doc_view_root() else {
        return;
    };
    let doc = root
        .get_attribute("data-doc-id")
        .and_then(|id| id.parse().ok())
        .map(DocId);
    if let (Some(doc), Some((line, dy))) = (doc, scroll_anchor(&root)) {
        resume::update(|r| {
            r.update(doc, |place| {
                place.line = Some(line);
                place.dy = dy;
            })
        });
    }
}

#[derive(Properties, PartialEq)]
struct LineProps {
    line: LineData,
    fragments: Rc<Vec<Fragment>>,
    selected: Option<SpanId>,
    colors: Rc<HashMap<String, String>>,
}

#[function_component(Line)]
fn line(props: &LineProps) -> Html {
    let line = &props.line;
    let dir = line.dir.map(Direction::as_attr);
    let content = if props.fragments.is_empty() {
        html! { { line.text.to_string() } }
    } else {
        let renderer = LineRenderer::new(line, props);
        renderer.render(&nest(line.start, line.end, &props.fragments), None)
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

    fn render(&self, nodes: &[Node], parent_color: Option<&str>) -> Html {
        nodes
            .iter()
            .map(|node| match node {
                Node::Text { start, end } => html! { { self.slice(*start, *end).to_owned() } },
                Node::Mark { fragment, children } => {
                    self.render_mark(fragment, children, parent_color)
                }
            })
            .collect()
    }

    fn render_mark(
        &self,
        fragment: &Fragment,
        children: &[Node],
        parent_color: Option<&str>,
    ) -> Html {
        let color = self
            .props
            .colors
            .get(&fragment.label)
            .map_or("#dddddd", String::as_str);
        let style = match parent_color {
            Some(parent) => {
                format!("background:linear-gradient(to bottom,{color} 0 62%,{parent} 62% 100%)")
            }
            None => format!("background-color:{color}"),
        };
        let selected = self.props.selected == Some(fragment.id);
        let is_last = fragment.end == fragment.span_end;
        let badge = (is_last && !self.inside_word(fragment.end)).then_some("");
        html! {
            <mark class={classes!("span", selected.then_some("selected"))}
                data-span-start={fragment.span_start.to_string()}
                data-span-end={fragment.span_end.to_string()}
                data-label={fragment.label.clone()}
                data-span-id={fragment.id.0.to_string()}
                data-badge={badge}
                aria-selected={selected.then_some("true")}
                title={fragment.label.clone()}
                {style}>
                { self.render(children, Some(color)) }
            </mark>
        }
    }
}

/// Combining marks (Arabic tashkeel and others) continue the word before them.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{200C}' | '\u{200D}')
}
