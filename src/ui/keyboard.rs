//! Page-wide keyboard shortcuts and the keyboard cursor.
//!
//! The keyboard cursor is the browser's own text selection, so it is drawn
//! natively and never disturbs Arabic letter joining. Without Shift, the
//! arrows select the next or previous word (a grapheme cluster with Ctrl or
//! Alt); with Shift they extend the selection. In a right-to-left line, Left
//! moves forward in reading order. A label key then tags the selection.
//!
//! A long document is drawn in part: every move that reaches a place (the
//! next word, the next span) goes through
//! [`when_drawn`], which draws that place before the move
//! acts on it. Ctrl+F opens Wasim's own search, which sees the whole text.
//!
//! Adjudicating ([`crate::ui::curation`]) adds keys that no label can take
//! (see [`crate::core::model::RESERVED_KEYS`]): `]`/`[` the next/previous
//! disagreement, and in a team document Space (choose the selected
//! candidate), Enter (accept), Alt+1…9 (an annotator's version) and Alt+0
//! (none). The annotating keys keep their meaning there.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::core::bidi;
use crate::core::curation::{is_team, largest_team};
use crate::core::model::{Document, SpanId};
use crate::core::session::Curate;
use crate::core::text::{CharRange, Text};
use crate::core::visual::{beside_point, entry_word, next_drawn, points_back};
use crate::core::words::{
    edge_word, extend_selection, next_line_word, prev_word_start, word_at, words_around,
};
use crate::platform::focus;
use crate::platform::selection::{
    clear_selection, clicked, clicked_point, doc_view_root, document_caret, document_selection,
    is_rtl, keep_in_view, line_is_rtl, reveal_span, select_offsets, word_boxes,
};
use crate::ui::doc_window::when_drawn;
use crate::ui::state::{Action, AppHandle};

/// Where the keyboard selection is anchored and where it moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Cursor {
    anchor: usize,
    focus: usize,
}

/// A selection grown by Shift and an arrow: what it was before, what it
/// became, and which way the arrow pointed (`true`: right).
type Grown = (Cursor, Cursor, bool);

thread_local! {
    static CURSOR: RefCell<Option<Cursor>> = const { RefCell::new(None) };
    /// The selection's growth by Shift and the arrows, latest last: the
    /// other arrow takes the latest back exactly, however the words it took
    /// in are drawn.
    static GROWN: RefCell<Vec<Grown>> = const { RefCell::new(Vec::new()) };
    /// The quorum chosen in the curation panel (how many annotators must
    /// agree), for Alt+Enter; `None`: all of them.
    static QUORUM: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// The quorum chosen in the curation panel; `None` means everyone.
pub fn quorum() -> Option<usize> {
    QUORUM.with(std::cell::Cell::get)
}

/// Remembers the quorum chosen in the curation panel, for Alt+Enter.
pub fn set_quorum(k: Option<usize>) {
    QUORUM.with(|q| q.set(k));
}

/// Whether the keyboard focus is in the document's text (or on nothing in
/// particular, after a click in the text), where Tab walks the spans.
fn focus_in_text() -> bool {
    let document = gloo::utils::document();
    let Some(active) = document.active_element() else {
        return true;
    };
    let body = document.body().map(web_sys::Element::from);
    body.as_ref() == Some(&active) || active.closest(".doc-text").ok().flatten().is_some()
}

/// Whether a key event comes from a text field, where shortcuts must not
/// fire, or from a panel's resize handle, which keeps its arrow keys.
fn typing_in_field(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| focus::is_field(&el))
}

/// The label an event's key stands for: by its character, or by its
/// physical key (`Digit1`, `KeyG`…), so that hotkeys work with Arabic and
/// other keyboard layouts, and with Shift held.
fn label_of(app: &AppHandle, event: &web_sys::KeyboardEvent) -> Option<String> {
    let key = event.key();
    let mut chars = key.chars();
    let typed = match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    };
    let code = event.code();
    let physical = code
        .strip_prefix("Digit")
        .or_else(|| code.strip_prefix("Numpad"))
        .or_else(|| code.strip_prefix("Key"))
        .filter(|d| d.chars().count() == 1)
        .and_then(|d| d.chars().next());
    [typed, physical]
        .into_iter()
        .flatten()
        .find_map(|c| app.ws.label_for_key(c).map(|l| l.name.clone()))
}

/// Moves the focus to the selected span's note, when the details panel
/// shows it; returns whether it did. (Tab in the text walks the spans, so
/// this is how the keyboard reaches the note of any span, not only the last.)
fn focus_note() -> bool {
    focus::focus_selector("[data-testid='span-note']")
}

/// Focuses the search field and selects what it holds. Returns whether
/// there is one.
fn focus_search() -> bool {
    let field = gloo::utils::document()
        .query_selector("[data-testid='search-input']")
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
    match field {
        Some(field) => {
            let _ = field.focus();
            field.select();
            true
        }
        None => false,
    }
}

/// The letter of a Ctrl (Cmd) shortcut, lower case: the letter the key
/// types when it is a Latin one (AZERTY's Z is Z wherever it sits), else
/// the letter at the key's place on a US keyboard (`event.code`): on an
/// Arabic layout Ctrl+Z types «ئ» and Ctrl+Shift+Z «~», and the shortcut
/// sheet promises the same keys on every layout.
fn shortcut_letter(event: &web_sys::KeyboardEvent) -> Option<char> {
    let letter = |text: &str| {
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_alphabetic() => Some(c.to_ascii_lowercase()),
            _ => None,
        }
    };
    letter(&event.key()).or_else(|| letter(event.code().strip_prefix("Key")?))
}

/// Handles one keydown on the page. `app` must be the latest state handle.
pub fn on_key(app: &AppHandle, event: &web_sys::KeyboardEvent) {
    let command = event.ctrl_key() || event.meta_key();
    // Ctrl+F (Cmd+F) opens Wasim's search, even from a field: the
    // browser's find cannot see the lines of a long document that are not
    // drawn.
    if command && !event.alt_key() && shortcut_letter(event) == Some('f') && focus_search() {
        event.prevent_default();
        return;
    }
    if typing_in_field(event) || event.is_composing() {
        return;
    }
    let key = event.key();
    if let Some(what) = curation_key(app, event) {
        event.prevent_default();
        app.dispatch(Action::Curate(what));
        return;
    }
    let action = match key.as_str() {
        _ if command && shortcut_letter(event) == Some('z') => Some(if event.shift_key() {
            Action::Redo
        } else {
            Action::Undo
        }),
        _ if command && shortcut_letter(event) == Some('y') => Some(Action::Redo),
        "ArrowLeft" | "ArrowRight" => {
            move_cursor(
                app,
                key == "ArrowRight",
                event.shift_key(),
                command || event.alt_key(),
            );
            event.prevent_default();
            None
        }
        // In the text (or with a selection in it): Home and End go to the
        // line's first and last word, Ctrl to the text's, Shift extends.
        // Elsewhere they scroll, as browsers do.
        "Home" | "End"
            if !event.alt_key() && (focus_in_text() || document_selection().is_some()) =>
        {
            if jump_cursor(app, key == "End", command, event.shift_key()) {
                event.prevent_default();
            }
            None
        }
        // Tab walks the spans only inside the text; elsewhere it moves the
        // focus from control to control, as browsers do.
        "Tab" if focus_in_text() => {
            if step_span(app, !event.shift_key()) {
                event.prevent_default();
            }
            None
        }
        "ArrowUp" | "ArrowDown" if !command => {
            if cycle_overlapping(app, key == "ArrowDown") {
                event.prevent_default();
            }
            None
        }
        "Enter" if !command && !event.alt_key() && app.selected.is_some() && focus_in_text() => {
            if focus_note() {
                event.prevent_default();
            }
            None
        }
        _ if command || event.alt_key() => None,
        // "؟" is what the same key types on an Arabic layout.
        "?" | "؟" => Some(Action::ToggleHelp),
        "Delete" | "Backspace" => Some(Action::DeleteSelected),
        "Escape" => {
            clear_selection();
            CURSOR.with(|c| *c.borrow_mut() = None);
            Some(Action::Escape)
        }
        _ => label_of(app, event).map(|label| {
            let selection = document_selection();
            if selection.is_some() {
                clear_selection();
                CURSOR.with(|c| *c.borrow_mut() = None);
            }
            Action::ApplyLabel {
                label,
                selection,
                add: event.shift_key(),
            }
        }),
    };
    if let Some(action) = action {
        event.prevent_default();
        app.dispatch(action);
    }
}

/// Whether a key event comes from a control that Enter or Space activates
/// (a button, a link, a folded summary), which keeps those keys.
fn on_control(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY" | "LABEL")
                || el.get_attribute("role").is_some_and(|r| r == "button")
        })
}

/// The adjudication a key asks for: `]`/`[` anywhere; in a team document
/// Space, Enter, Alt+0…9 (by physical key, so that any layout works) and
/// Alt+Enter (accept where the chosen quorum agrees).
fn curation_key(app: &AppHandle, event: &web_sys::KeyboardEvent) -> Option<Curate> {
    let command = event.ctrl_key() || event.meta_key();
    if command {
        return None;
    }
    let alt = event.alt_key();
    let key = event.key();
    let code = event.code();
    if !alt {
        // The character first; the physical key when no label takes it
        // (`]` types another letter on an Arabic layout).
        let bracket = match (key.as_str(), code.as_str()) {
            ("]", _) => Some(true),
            ("[", _) => Some(false),
            (_, "BracketRight") if label_of(app, event).is_none() => Some(true),
            (_, "BracketLeft") if label_of(app, event).is_none() => Some(false),
            _ => None,
        };
        if let Some(forward) = bracket {
            return Some(if forward {
                Curate::Next
            } else {
                Curate::Previous
            });
        }
    }
    if !app.open_document().is_some_and(is_team) {
        return None;
    }
    // On a button, Enter and Space press it; the Alt keys still decide
    // (after a decision by mouse the focus stays on its button).
    if !alt && on_control(event) {
        return None;
    }
    if alt && key == "Enter" {
        let team = largest_team(&app.ws);
        let k = quorum().unwrap_or(team).clamp(1, team.max(1));
        return Some(Curate::Quorum(k));
    }
    if alt {
        let digit = code
            .strip_prefix("Digit")
            .or_else(|| code.strip_prefix("Numpad"))?;
        return match digit.parse::<usize>().ok()? {
            0 => Some(Curate::Reject),
            n => Some(Curate::Version(n - 1)),
        };
    }
    match key.as_str() {
        "Enter" if !event.shift_key() => Some(Curate::Accept),
        " " if app.selected.is_some() => Some(Curate::Toggle),
        _ => None,
    }
}

/// The cursor matching the current DOM selection, or a new one there: at
/// the caret the user clicked, else on the selected span, else where the
/// last click landed, else at the start.
fn current_cursor(app: &AppHandle, doc: &Document) -> Option<Cursor> {
    let dom = document_selection();
    let remembered = CURSOR.with(|c| *c.borrow());
    if let (None, Some(caret)) = (dom, document_caret()) {
        return Some(Cursor {
            anchor: caret,
            focus: caret,
        });
    }
    match (remembered, dom) {
        (Some(cursor), Some(range)) if CharRange::ordered(cursor.anchor, cursor.focus) == range => {
            Some(cursor)
        }
        (_, Some(range)) => Some(Cursor {
            anchor: range.start(),
            focus: range.end(),
        }),
        _ => {
            let span = app.selected.and_then(|id| doc.span(id));
            Some(match span {
                Some(span) => Cursor {
                    anchor: span.start,
                    focus: span.end,
                },
                None => {
                    let at = clicked(doc.id.0).unwrap_or(0).min(doc.text.char_len());
                    Cursor {
                        anchor: at,
                        focus: at,
                    }
                }
            })
        }
    }
}

fn move_cursor(app: &AppHandle, right: bool, extend: bool, by_char: bool) {
    let (Some(doc), Some(root)) = (app.ws.open_document(), doc_view_root()) else {
        return;
    };
    let Some(cursor) = current_cursor(app, doc) else {
        return;
    };
    if let Some(next) = from_click(&root, doc, cursor, right, by_char) {
        return select_cursor(app, next);
    }
    let text = &doc.text;
    // A character at a time, the arrow follows the run it is in: inside a
    // Latin name in an Arabic line, Left goes back in the text.
    // So does Shift from a caret (a click between two words of a Latin
    // name: ← takes the word drawn on its left).
    let caret = cursor.anchor == cursor.focus;
    let local = (by_char || (extend && caret))
        .then(|| direction_at(text, cursor))
        .flatten();
    let forward = if local.unwrap_or_else(|| line_is_rtl(&root, cursor.focus)) {
        !right
    } else {
        right
    };
    let (start, end) = (
        cursor.anchor.min(cursor.focus),
        cursor.anchor.max(cursor.focus),
    );
    // A word selected: the arrow goes to the word drawn beside it.
    let drawn = (!extend && !by_char && start != end)
        .then(|| drawn_beside(&root, text, CharRange::ordered(start, end), right))
        .flatten();
    // A character selected: Ctrl and the arrow go to the character drawn
    // beside it (at a run's edge, the text's order turned back into it).
    if !extend
        && by_char
        && let Some(next) = drawn_char_beside(&root, text, CharRange::ordered(start, end), right)
    {
        return select_cursor(
            app,
            Cursor {
                anchor: next.start(),
                focus: next.end(),
            },
        );
    }
    let next = if let Some(word) = drawn {
        let Some(word) = word else {
            return; // the first or last line: nowhere to go that way
        };
        Cursor {
            anchor: word.start(),
            focus: word.end(),
        }
    } else if let Some(before) = (extend && !by_char)
        .then(|| shrunk(cursor, right))
        .flatten()
    {
        before
    } else if let Some(extended) = (extend && !by_char)
        .then(|| extend_drawn(&root, text, cursor, right))
        .flatten()
    {
        let Some(next) = extended else {
            return; // the first or last line: nowhere to go that way
        };
        GROWN.with(|g| g.borrow_mut().push((cursor, next, right)));
        next
    } else if extend {
        let (anchor, focus) = match (forward, by_char) {
            (true, true) => (cursor.anchor, text.next_grapheme(cursor.focus)),
            (false, true) => (cursor.anchor, text.prev_grapheme(cursor.focus)),
            (_, false) => extend_selection(text, cursor.anchor, cursor.focus, forward),
        };
        Cursor { anchor, focus }
    } else {
        let fresh = start == end;
        let range = match (forward, by_char) {
            (true, true) => {
                let from = if fresh { start } else { end };
                Some(CharRange::ordered(from, text.next_grapheme(from)))
            }
            (false, true) => Some(CharRange::ordered(text.prev_grapheme(start), start)),
            (true, false) => word_at(text, if fresh { start } else { end }),
            (false, false) => word_at(text, prev_word_start(text, start)),
        };
        match range {
            Some(range) if !range.is_empty() => Cursor {
                anchor: range.start(),
                focus: range.end(),
            },
            _ => cursor,
        }
    };
    select_cursor(app, next);
}

/// Home or End (`end`) in the text: selects the first or last word of the
/// cursor's line (`whole`: of the text), or with `extend` grows the
/// selection to it. Returns whether there was such a word.
fn jump_cursor(app: &AppHandle, end: bool, whole: bool, extend: bool) -> bool {
    let Some(doc) = app.ws.open_document() else {
        return false;
    };
    let Some(cursor) = current_cursor(app, doc) else {
        return false;
    };
    let Some(word) = edge_word(&doc.text, cursor.focus, end, whole) else {
        return false;
    };
    let range = CharRange::ordered(cursor.anchor, cursor.focus);
    let next = match (extend, end) {
        (false, _) => Cursor {
            anchor: word.start(),
            focus: word.end(),
        },
        (true, true) => Cursor {
            anchor: range.start().min(word.start()),
            focus: word.end().max(range.end()),
        },
        (true, false) => Cursor {
            anchor: range.end().max(word.end()),
            focus: word.start().min(range.start()),
        },
    };
    GROWN.with(|g| g.borrow_mut().clear());
    select_cursor(app, next);
    true
}

/// Selects `next` in the text (nothing when it is empty) and remembers it
/// as the keyboard cursor.
fn select_cursor(app: &AppHandle, next: Cursor) {
    if next.anchor == next.focus {
        return;
    }
    // The next word may lie in a line that is not drawn (the selection was
    // scrolled out of sight): draw it first.
    let range = CharRange::ordered(next.anchor, next.focus);
    let app = app.clone();
    when_drawn(range, move |root| {
        if select_offsets(root, range) {
            keep_in_view(root, next.focus);
            CURSOR.with(|c| *c.borrow_mut() = Some(next));
            if app.selected.is_some() {
                app.dispatch(Action::Select(None));
            }
        }
    });
}

/// How far around a selected character, in code points, the characters
/// Ctrl and an arrow may go to are measured.
const CHAR_REACH: usize = 160;

/// Where Ctrl and an arrow take `selected` when it is one drawn character
/// (a grapheme cluster): the character drawn beside it on the arrow's side
/// ([`next_drawn`], on the characters of its line around it). `None` when
/// `selected` is not one character, or the line has none there (the arrow
/// then moves in the text's order, and on to the next line).
fn drawn_char_beside(
    root: &Element,
    text: &Text,
    selected: CharRange,
    right: bool,
) -> Option<CharRange> {
    if selected.is_empty() || text.next_grapheme(selected.start()) != selected.end() {
        return None;
    }
    let boxes = word_boxes(root, &characters_around(text, selected)?);
    let current = boxes.iter().find(|b| b.range == selected)?;
    next_drawn(current, &boxes, right, is_rtl(root))
}

/// The characters (grapheme clusters) of `selected`'s line within
/// [`CHAR_REACH`] of it.
fn characters_around(text: &Text, selected: CharRange) -> Option<Vec<CharRange>> {
    let len = text.char_len();
    let before = text.slice(
        selected.start().saturating_sub(CHAR_REACH),
        selected.start(),
    )?;
    let back = before.chars().rev().take_while(|&c| c != '\n').count();
    let after = text.slice(selected.end(), (selected.end() + CHAR_REACH).min(len))?;
    let ahead = after.chars().take_while(|&c| c != '\n').count();
    let mut characters = Vec::new();
    let mut at = text.grapheme_ceil(selected.start() - back);
    while at < selected.end() + ahead {
        let next = text.next_grapheme(at);
        if next <= at {
            break;
        }
        characters.extend(CharRange::new(at, next));
        at = next;
    }
    Some(characters)
}

/// Where an arrow takes the caret the user has just clicked: the word
/// (with Ctrl, the character) drawn nearest to the point clicked, on the
/// arrow's side ([`beside_point`]). At the edge of a Latin name in an
/// Arabic line the caret's code point is drawn in two places, and the
/// arrow went from the wrong one (→ from just left of "Barack" took
/// "Obama"). `None` when the caret is not where the last click put it, or
/// the click was inside a word (the arrow then goes as from any caret).
fn from_click(
    root: &Element,
    doc: &Document,
    cursor: Cursor,
    right: bool,
    by_char: bool,
) -> Option<Cursor> {
    let (cp, point) = clicked_point(doc.id.0)?;
    if cursor.anchor != cursor.focus || cursor.focus != cp {
        return None;
    }
    let near = CharRange::ordered(cp, cp);
    let around = if by_char {
        characters_around(&doc.text, near)?
    } else {
        words_around(&doc.text, near, DRAWN_REACH)
    };
    let found = beside_point(&word_boxes(root, &around), point, right, !by_char)?;
    Some(Cursor {
        anchor: found.start(),
        focus: found.end(),
    })
}

/// How far around the selected word, in code points, the words its arrow
/// may go to are measured: a drawn row holds far fewer.
const DRAWN_REACH: usize = 600;

/// Where the arrow takes `selected` (one drawn word), in the order words are
/// drawn ([`crate::core::visual`]): the word beside it on the arrow's side
/// in its line ([`next_drawn`]), else the word where the next line on the
/// arrow's way is entered ([`entry_word`]); `Some(None)` past the first or
/// last line. `None` when `selected` is not one drawn word (the arrow then
/// moves in the text's order).
fn drawn_beside(
    root: &Element,
    text: &Text,
    selected: CharRange,
    right: bool,
) -> Option<Option<CharRange>> {
    let words = words_around(text, selected, DRAWN_REACH);
    if !words.contains(&selected) {
        return None;
    }
    let boxes = word_boxes(root, &words);
    let current = boxes.iter().find(|b| b.range == selected)?;
    let rtl = is_rtl(root);
    if let Some(word) = next_drawn(current, &boxes, right, rtl) {
        return Some(Some(word));
    }
    let down = right != rtl;
    let Some(first) = next_line_word(text, selected.start(), down) else {
        return Some(None);
    };
    // (a line not drawn yet is entered at its first word in the text)
    let boxes = word_boxes(root, &words_around(text, first, DRAWN_REACH));
    Some(entry_word(&boxes, down, rtl).or(Some(first)))
}

/// Shift and the arrow opposite to the one that last grew the selection
/// (`cursor`): the selection as it was before. `None` when the selection
/// was not grown so (the record of growth is then forgotten).
fn shrunk(cursor: Cursor, right: bool) -> Option<Cursor> {
    GROWN.with(|grown| {
        let mut grown = grown.borrow_mut();
        match grown.last() {
            Some(&(before, after, way)) if after == cursor => (way != right)
                .then(|| grown.pop().map(|_| before))
                .flatten(),
            _ => {
                grown.clear();
                None
            }
        }
    })
}

/// Shift+arrow a word at a time, in the order words are drawn. The arrow
/// pointing away from the word the selection started at (its anchor): the
/// selection grows by the word drawn beside its moving end ([`drawn_beside`],
/// passing over words it already holds, so a Latin name in an Arabic line is
/// never left with a gap in its highlight), keeping every word it held.
/// Pointing back: the moving end's
/// word is let go, the selection shrinking to the word before it. `Some(None)`
/// past the first or last line; `None` when the selection does not start
/// and end at words' edges (it then moves in the text's order).
fn extend_drawn(
    root: &Element,
    text: &Text,
    cursor: Cursor,
    right: bool,
) -> Option<Option<Cursor>> {
    let range = CharRange::ordered(cursor.anchor, cursor.focus);
    if range.is_empty() {
        return None;
    }
    let words = words_around(text, range, DRAWN_REACH);
    let starting = |at: usize| words.iter().copied().find(|w| w.start() == at);
    let ending = |at: usize| words.iter().copied().find(|w| w.end() == at);
    let forward = cursor.anchor < cursor.focus;
    let (anchor_word, focus_word) = if forward {
        (starting(cursor.anchor)?, ending(cursor.focus)?)
    } else {
        (ending(cursor.anchor)?, starting(cursor.focus)?)
    };
    let boxes = word_boxes(root, &[anchor_word, focus_word]);
    let drawn = |word: CharRange| boxes.iter().find(|b| b.range == word);
    let back = match (drawn(anchor_word), drawn(focus_word)) {
        (Some(a), Some(f)) if anchor_word != focus_word => points_back(a, f, right),
        _ => None,
    };
    if back == Some(true) {
        // The word before the moving end's, on the anchor's side.
        let mut inner = words.iter().copied().filter(|w| w.overlaps(range));
        let inner = if forward {
            inner.rfind(|w| w.end() <= focus_word.start())
        } else {
            inner.find(|w| w.start() >= focus_word.end())
        };
        let inner = inner?;
        return Some(Some(if inner.start() >= anchor_word.start() {
            Cursor {
                anchor: anchor_word.start(),
                focus: inner.end(),
            }
        } else {
            Cursor {
                anchor: anchor_word.end(),
                focus: inner.start(),
            }
        }));
    }
    let mut target = drawn_beside(root, text, focus_word, right)?;
    // Over the words the selection holds already, up to a row's worth.
    for _ in 0..64 {
        match target {
            Some(word) if range.covers(word) => target = drawn_beside(root, text, word, right)?,
            _ => break,
        }
    }
    let Some(target) = target else {
        return Some(None);
    };
    // Grown by the word: the selection keeps every word it held (it was
    // cut back to the anchor's word and the new one, dropping the other
    // half of «Barack Obama» when a word drawn beyond it was taken).
    let (start, end) = (
        range.start().min(target.start()),
        range.end().max(target.end()),
    );
    Some(Some(if target.end() > range.end() {
        Cursor {
            anchor: start,
            focus: end,
        }
    } else {
        Cursor {
            anchor: end,
            focus: start,
        }
    }))
}

/// Whether the text at the cursor's focus runs right to left
/// ([`crate::core::bidi::direction_at`]): the character just inside the
/// focus, with the text around it; `None` when the paragraph decides.
fn direction_at(text: &Text, cursor: Cursor) -> Option<bool> {
    let len = text.char_len();
    let (from, to) = match cursor.focus.cmp(&cursor.anchor) {
        std::cmp::Ordering::Greater => (text.prev_grapheme(cursor.focus), cursor.focus),
        std::cmp::Ordering::Less => (cursor.focus, text.next_grapheme(cursor.focus)),
        std::cmp::Ordering::Equal => (cursor.focus, cursor.focus),
    };
    let inside = text.slice(from, to).unwrap_or("");
    let before = text
        .slice(from.saturating_sub(DRAWN_REACH), from)
        .unwrap_or("");
    let after = text.slice(to, (to + DRAWN_REACH).min(len)).unwrap_or("");
    bidi::direction_at(inside, before, after)
}

/// Selects the next (or previous) span after the selected one or the cursor.
/// Returns whether it did: past the last span (or before the first) it does
/// nothing, so Tab goes on to the next control and never traps the focus.
fn step_span(app: &AppHandle, forward: bool) -> bool {
    let Some(doc) = app.ws.open_document() else {
        return false;
    };
    let spans = &doc.spans;
    if spans.is_empty() {
        return false;
    }
    let current = app
        .selected
        .and_then(|id| spans.iter().position(|s| s.id == id));
    let target = match current {
        Some(i) if forward && i + 1 == spans.len() => return false,
        Some(0) if !forward => return false,
        Some(i) if forward => i + 1,
        Some(i) => i - 1,
        None => {
            let at = document_selection().map_or(0, CharRange::start);
            if forward {
                spans.iter().position(|s| s.start >= at).unwrap_or(0)
            } else {
                spans
                    .iter()
                    .rposition(|s| s.start < at.max(1))
                    .unwrap_or(spans.len() - 1)
            }
        }
    };
    select_span(app, spans[target].id, spans[target].range());
    true
}

/// Among the spans that overlap the selected span, selects the next inner
/// (`inner`) or outer one, in nesting order. Returns whether there was a
/// choice.
fn cycle_overlapping(app: &AppHandle, inner: bool) -> bool {
    let Some(doc) = app.ws.open_document() else {
        return false;
    };
    let Some(selected) = app.selected.and_then(|id| doc.span(id)) else {
        return false;
    };
    let (start, end) = (selected.start, selected.end);
    let stack: Vec<(SpanId, CharRange)> = doc
        .spans
        .iter()
        .filter(|s| s.start < end && start < s.end)
        .map(|s| (s.id, s.range()))
        .collect();
    if stack.len() < 2 {
        return false;
    }
    let Some(i) = stack.iter().position(|(id, _)| *id == selected.id) else {
        return false;
    };
    let next = if inner {
        (i + 1) % stack.len()
    } else {
        (i + stack.len() - 1) % stack.len()
    };
    let (id, range) = stack[next];
    select_span(app, id, range);
    true
}

/// Selects span `id` (lying at `range`) and scrolls it into view, drawing
/// its lines first when they are not drawn.
pub fn select_span(app: &AppHandle, id: SpanId, range: CharRange) {
    clear_selection();
    CURSOR.with(|c| *c.borrow_mut() = None);
    app.dispatch(Action::Select(Some(id)));
    when_drawn(range, move |_| reveal_span(id.0));
}
