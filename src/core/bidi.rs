//! Right-to-left text inside other text: which characters are strongly
//! right-to-left, and how a name that mixes scripts is shown so that it
//! reads in the order it was typed.
//!
//! A file name such as `corpus_أمينة_2026-12-03.conll` is a trap for the
//! Unicode bidirectional algorithm: digits after Arabic letters take their
//! direction, so the date is drawn `03-12-2026` and the name seems to have
//! changed. [`isolate`] wraps such a name in a first-strong isolate (it
//! neither moves nor is moved by the sentence around it) and, in a name
//! that starts left to right, ends each right-to-left run with a
//! left-to-right mark, so what follows it stays in typing order.

use std::borrow::Cow;

/// First strong isolate: the enclosed text takes the direction of its
/// first strong letter and is laid out apart from its surroundings.
const FSI: char = '\u{2068}';
/// Pop directional isolate: ends [`FSI`].
const PDI: char = '\u{2069}';
/// Left-to-right mark: an invisible strong left-to-right character.
const LRM: char = '\u{200E}';

/// Characters that take no room and show nothing: the soft hyphen, the
/// combining grapheme joiner, the Arabic letter mark, zero-width spaces and
/// joiners, direction marks, embeddings and isolates, the line and
/// paragraph separators, invisible operators, the byte order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{034F}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
    )
}

/// Whether a character is strongly right-to-left (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and their presentation forms).
pub fn is_strong_rtl(ch: char) -> bool {
    // The Arabic letters, most of an Arabic text, without looking them up
    // in the Unicode tables: a line's direction reads every letter of it
    // (80 ms of a 5 MB article's opening went to the lookup).
    if is_arabic_letter(ch) {
        return true;
    }
    matches!(ch, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
        && ch.is_alphabetic()
}

/// Whether `ch` is one of the 48 letters of the basic Arabic alphabet
/// (hamza to ghain, fa to ya), all strongly right-to-left.
fn is_arabic_letter(ch: char) -> bool {
    matches!(ch, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

/// Whether `ch` is a left-to-right letter or a digit: what a right-to-left
/// run must not run into.
fn is_ltr_or_digit(ch: char) -> bool {
    !is_strong_rtl(ch) && (ch.is_alphabetic() || ch.is_ascii_digit())
}

/// Which way a cursor moves over `ch` (`Some(true)`: right to left): a
/// letter's direction ([`strong`]); digits are drawn left to right, in
/// either script; `None` for a space, a mark or punctuation.
fn moving(ch: char) -> Option<bool> {
    match strong(ch) {
        Some(side) => Some(side == Side::Rtl),
        None => ch.is_numeric().then_some(false),
    }
}

/// Whether the text at a cursor runs right to left, for moving a
/// character at a time in the order characters are drawn: the direction of
/// the first letter or digit of `inside` (the selected characters); for
/// spaces and punctuation, that of the nearest letters or digits before and
/// after (`before`, `after`) when they agree; `None` when they do not (the
/// paragraph's direction decides then, as it does for such characters).
pub fn direction_at(inside: &str, before: &str, after: &str) -> Option<bool> {
    if let Some(rtl) = inside.chars().find_map(moving) {
        return Some(rtl);
    }
    let before = before
        .chars()
        .rev()
        .take_while(|&c| c != '\n')
        .find_map(moving);
    let after = after.chars().take_while(|&c| c != '\n').find_map(moving);
    match (before, after) {
        (Some(b), Some(a)) if a == b => Some(a),
        _ => None,
    }
}

/// Whether `text` mixes right-to-left letters with left-to-right letters or
/// digits, so that the bidirectional algorithm may reorder its parts.
fn mixed(text: &str) -> bool {
    text.chars().any(is_strong_rtl) && text.chars().any(is_ltr_or_digit)
}

/// `text` as it must be put into a sentence of either direction to read in
/// typing order: unchanged unless it [mixes](mixed) scripts; otherwise
/// [`marked`] and isolated (FSI … PDI). Only for showing: the marks are
/// invisible but are characters, so never for a value that is saved or
/// compared ([`unmarked`] takes them out of what a user pastes).
pub fn isolate(text: &str) -> Cow<'_, str> {
    if !mixed(text) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(format!("{FSI}{}{PDI}", marked(text)))
}

/// `text` isolated (FSI … PDI, and [`marked`]) when it holds a letter or
/// digit of the direction opposite to the sentence it is put in (`rtl`):
/// such a name would otherwise merge with the neutral characters around it,
/// such as the arrow in "أمينة → بدر" in a left-to-right sentence, which
/// would then point the wrong way. Otherwise unchanged.
pub fn isolate_in(text: &str, rtl: bool) -> Cow<'_, str> {
    let opposite = if rtl { is_ltr_or_digit } else { is_strong_rtl };
    if !text.chars().any(opposite) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(format!("{FSI}{}{PDI}", marked(text)))
}

/// `text` with its direction embeddings and overrides (U+202A…U+202E)
/// written `\u{202e}`: a file named `report\u{202e}txt.exe` turned the rest
/// of the sentence around it backwards and showed its extension as
/// `exe.txt`, and a document named `\u{202e}gnp.txt` was listed as
/// `txt.png`. (Isolates are left: Wasim isolates names itself.) For every
/// name shown: messages, the document list, labels.
pub fn defused(text: &str) -> Cow<'_, str> {
    let overrides = |c: char| matches!(c, '\u{202A}'..='\u{202E}');
    if !text.contains(overrides) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if overrides(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` with a left-to-right mark after each right-to-left run that a
/// left-to-right letter or a digit follows, when it [mixes](mixed) scripts
/// and its first strong letter is left to right; otherwise unchanged. For
/// a name shown in an element of its own (a list item, a table cell),
/// where the element is the isolate.
pub fn marked(text: &str) -> Cow<'_, str> {
    let starts_ltr = text
        .chars()
        .find(|&c| c.is_alphabetic())
        .is_some_and(|c| !is_strong_rtl(c));
    if !starts_ltr || !mixed(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 6);
    // Where the last right-to-left letter (with its marks) ended in `out`,
    // while no left-to-right letter or digit has come since.
    let mut rtl_end: Option<usize> = None;
    for ch in text.chars() {
        if is_strong_rtl(ch) {
            out.push(ch);
            rtl_end = Some(out.len());
            continue;
        }
        let ltr = is_ltr_or_digit(ch);
        if ltr && let Some(at) = rtl_end.take() {
            out.insert(at, LRM);
        }
        out.push(ch);
        if is_tashkeel(ch) && rtl_end.is_some() {
            rtl_end = Some(out.len());
        }
    }
    Cow::Owned(out)
}

/// `text` without the marks [`isolate`] and [`marked`] add: what the user
/// meant, when they paste a name copied from a message.
pub fn unmarked(text: &str) -> Cow<'_, str> {
    if !text.contains([FSI, PDI, LRM]) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|c| ![FSI, PDI, LRM].contains(c))
            .collect(),
    )
}

/// A direction, for [`cut_reorders`].
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Ltr,
    Rtl,
}

/// The strong direction of `ch`, the invisible marks included; `None` for
/// digits, punctuation, spaces and other neutral or weak characters.
fn strong(ch: char) -> Option<Side> {
    match ch {
        LRM => Some(Side::Ltr),
        '\u{200F}' | '\u{061C}' => Some(Side::Rtl),
        c if is_strong_rtl(c) => Some(Side::Rtl),
        c if c.is_alphabetic() => Some(Side::Ltr),
        _ => None,
    }
}

/// Whether cutting `text` at byte `at` into two boxes laid side by side in
/// the text's own direction (its first strong letter's, as `dir=auto` sets
/// it) would draw the parts in another order than the whole text: when the
/// cut falls inside a run of the other direction. Digits belong to such a
/// run as the bidirectional algorithm places them: always in a
/// right-to-left text; in a left-to-right one, Arabic-Indic digits, and
/// other digits that follow a right-to-left letter. A cut that is not at a
/// character boundary reorders.
pub fn cut_reorders(text: &str, at: usize) -> bool {
    if !text.is_char_boundary(at) {
        return true;
    }
    let base = text.chars().find_map(strong).unwrap_or(Side::Ltr);
    let other = if base == Side::Ltr {
        Side::Rtl
    } else {
        Side::Ltr
    };
    let mut last_strong = base;
    let mut before = None;
    let mut after = None;
    for (i, ch) in text.char_indices() {
        let side = match (strong(ch), ch) {
            (Some(side), _) => {
                last_strong = side;
                Some(side)
            }
            (None, '\u{0660}'..='\u{0669}') => Some(other),
            (None, c) if c.is_ascii_digit() || ('\u{06F0}'..='\u{06F9}').contains(&c) => {
                Some(if base == Side::Rtl {
                    other
                } else {
                    last_strong
                })
            }
            (None, _) => None,
        };
        match side {
            Some(side) if i < at => before = Some(side),
            Some(side) => {
                after = Some(side);
                break;
            }
            None => {}
        }
    }
    before == Some(other) && after == Some(other)
}

/// Whether `ch` is an Arabic diacritic: the Quranic signs U+0610–U+061A,
/// tashkeel U+064B–U+065F, the superscript alef U+0670 and the Quranic
/// annotation marks U+06D6–U+06ED. A right-to-left run does not end at one
/// (it belongs to the letter before it).
pub fn is_tashkeel(ch: char) -> bool {
    matches!(ch, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_cursor_moves_the_way_the_text_around_it_runs() {
        // Inside a word, its letters decide; digits run left to right.
        assert_eq!(direction_at("Obama", "قال ", " في"), Some(false));
        assert_eq!(direction_at("بغداد", "Visited ", " now"), Some(true));
        assert_eq!(direction_at("2009", "عام ", " إن"), Some(false));
        // A space between letters of one direction goes with them…
        assert_eq!(direction_at(" ", "Barack", "Obama"), Some(false));
        assert_eq!(direction_at(" ", "قال", "الرئيس"), Some(true));
        // …and between two directions, or at a line's edge, the paragraph
        // decides.
        assert_eq!(direction_at(" ", "Obama", "في"), None);
        assert_eq!(direction_at(" ", "Obama\n", "في"), None);
    }

    #[test]
    fn the_arabic_letters_short_cut_agrees_with_the_tables() {
        for ch in ('\u{0600}'..='\u{06FF}').chain('a'..='z') {
            if is_arabic_letter(ch) {
                assert!(ch.is_alphabetic(), "{ch:?}");
            }
        }
        assert!(is_strong_rtl('ب') && is_strong_rtl('\u{0640}') && !is_strong_rtl('\u{0660}'));
    }

    use super::*;

    #[test]
    fn names_of_one_script_are_left_alone() {
        for name in ["a.txt", "corpus_2026-12-03.conll", "تقرير", "«أمينة»", ""] {
            assert_eq!(isolate(name), name);
        }
    }

    #[test]
    fn a_left_to_right_name_with_arabic_keeps_its_date_in_order() {
        let shown = isolate("corpus_أمينة_2026-12-03.conll");
        assert_eq!(
            shown,
            "\u{2068}corpus_أمينة\u{200E}_2026-12-03.conll\u{2069}"
        );
        // Tashkeel stays with its letters; Arabic words stay one phrase.
        assert_eq!(isolate("x_أَمِينَة 7"), "\u{2068}x_أَمِينَة\u{200E} 7\u{2069}");
        assert_eq!(
            isolate("x_أمينة بنت.txt"),
            "\u{2068}x_أمينة بنت\u{200E}.txt\u{2069}"
        );
        assert_eq!(isolate("x_أمينة"), "\u{2068}x_أمينة\u{2069}");
    }

    #[test]
    fn a_cut_reorders_only_inside_a_run_of_the_other_direction() {
        let at = |text: &str, needle: &str| text.find(needle).expect("present");
        let demo = "مثال — Wasim demo";
        assert!(cut_reorders(demo, at(demo, " demo")));
        assert!(!cut_reorders(demo, at(demo, "Wasim")));
        assert!(!cut_reorders(demo, at(demo, " — ")));
        // Digits in a right-to-left name are a run of the other direction.
        let report = "تقرير 2026-12-03";
        assert!(cut_reorders(report, at(report, "12-03")));
        assert!(!cut_reorders(report, at(report, "2026")));
        // In a left-to-right name, digits after Arabic letters join them,
        // unless a mark ends the Arabic run.
        let notes = "notes_أمينة_2026-12-03.txt";
        assert!(cut_reorders(notes, at(notes, "_2026")));
        assert!(!cut_reorders(&marked(notes), at(&marked(notes), "_2026")));
        assert!(!cut_reorders(notes, at(notes, ".txt")));
        let latin = "001_447af13bdafea7e9.txt";
        assert!((1..latin.len()).all(|i| !cut_reorders(latin, i)));
        // An Arabic name keeps its order at every cut but inside "txt".
        let arabic = "تقرير_الأمم_المتحدة.txt";
        let cuts = (1..arabic.len()).filter(|&i| arabic.is_char_boundary(i));
        let reordering: Vec<usize> = cuts.filter(|&i| cut_reorders(arabic, i)).collect();
        let txt = at(arabic, "txt");
        assert_eq!(reordering, [txt + 1, txt + 2]);
        assert!(cut_reorders("أب", 1), "not a character boundary");
    }

    #[test]
    fn isolated_in_a_sentence_of_the_other_direction_only() {
        assert_eq!(isolate_in("Amina", false), "Amina");
        assert_eq!(isolate_in("أمينة", true), "أمينة");
        assert_eq!(isolate_in("أمينة", false), "\u{2068}أمينة\u{2069}");
        assert_eq!(isolate_in("Amina", true), "\u{2068}Amina\u{2069}");
        assert_eq!(isolate_in("أمينة 2", true), "\u{2068}أمينة 2\u{2069}");
    }

    #[test]
    fn marks_come_out_of_a_pasted_name() {
        let name = "notes_أمينة_2026-12-03.txt";
        assert_eq!(unmarked(&isolate(name)), name);
        assert_eq!(unmarked(&marked(name)), name);
        assert_eq!(marked(name), "notes_أمينة\u{200E}_2026-12-03.txt");
        assert_eq!(unmarked("plain"), "plain");
    }

    #[test]
    fn a_right_to_left_name_is_only_isolated() {
        assert_eq!(isolate("أمينة_2026.txt"), "\u{2068}أمينة_2026.txt\u{2069}");
        assert_eq!(
            isolate("مثال — Wasim demo"),
            "\u{2068}مثال — Wasim demo\u{2069}"
        );
    }
}
