//! Selections and cursor moves that understand words, Arabic first.
//!
//! A **word** is a segment of Unicode word segmentation (UAX #29, as
//! implemented by `unicode-segmentation`) that contains at least one letter
//! or digit ([`is_word_char`]). Tashkeel and tatweel belong to the word of
//! the letter they follow, so a word never splits a grapheme cluster.
//!
//! Every function here only segments the neighbourhood of the offsets it is
//! given (cut at whitespace, at most [`MAX_SCAN`] code points away), so it
//! stays cheap on a 1 MB article. A run of more than [`MAX_SCAN`] code points
//! without any whitespace is cut at that distance, which may place a word
//! boundary where UAX #29 would not.
//!
//! # Arabic proclitics
//!
//! Arabic writes some particles joined to the next word: the conjunctions
//! و and ف, then the prepositions ب, ك and ل (`[وف]?[بكل]?`, at least one
//! letter, tashkeel and tatweel after each letter skipped). [`snap_to_words`]
//! treats the boundary after such a prefix as a word boundary **for the start
//! of a selection only, when the drag starts inside the word, and only where
//! the rest is plausibly a word on its own**:
//!
//! * a drag that starts at a word's first letter keeps the whole word;
//! * a drag that starts strictly inside a word `P + R`, at or after the end
//!   of a proclitic prefix `P`, may start after `P` when `R` has at least two
//!   letters and starts with the article (ال, or the ل of an article whose
//!   alif a ل proclitic elided: ل + لعراق), possibly after proclitics of its
//!   own (ف + بالعراق), or is *attested*: it occurs as a word on its own in
//!   the workspace's texts or as the text of a span (see
//!   [`crate::core::lexicon`]); a number after the prefix (و2024, ب٥٠) is
//!   always a word on its own;
//! * among such boundaries, one the drag starts exactly on wins, then the one
//!   whose rest starts right with the article, then the longest rest;
//! * otherwise the selection starts at the word start. So بغداد, لندن, بلاده
//!   stay whole when a drag starts at their second letter (غداد, ندن, لاده
//!   are not words), while بنهاية gives نهاية where نهاية is attested.
//!
//! The article ال is never a proclitic: بالعراق = ب + العراق, والكاظمي =
//! و + الكاظمي. Hold Alt, or switch to exact characters, to get exactly the
//! characters dragged.

use std::borrow::Cow;

use unicode_segmentation::UnicodeSegmentation;

use super::text::{CharRange, Text};

/// The farthest, in code points, that the word functions look for a
/// whitespace character to cut the text they segment.
pub const MAX_SCAN: usize = 1024;

/// How far the cursor functions look ahead (or back) in one step.
const CHUNK: usize = 512;

/// The Arabic tatweel (kashida), U+0640, a letter-stretching filler.
pub const TATWEEL: char = '\u{0640}';

pub use super::bidi::is_tashkeel;

/// Whether `ch` counts as a letter or digit of a word: alphanumeric, but not
/// an Arabic diacritic or tatweel (Rust counts most tashkeel as alphabetic).
pub fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() && !is_tashkeel(ch) && ch != TATWEEL
}

/// Characters skipped when reading proclitic letters.
fn is_skipped(ch: char) -> bool {
    is_tashkeel(ch) || ch == TATWEEL
}

/// One step of the proclitic grammar `[وف]?[بكل]?`: the next state, or
/// `None` when `ch` cannot continue the prefix. States: 0 start, 1 after a
/// conjunction, 2 after a preposition.
fn proclitic_step(state: u8, ch: char) -> Option<u8> {
    match (state, ch) {
        (0, 'و' | 'ف') => Some(1),
        (0 | 1, 'ب' | 'ك' | 'ل') => Some(2),
        _ => None,
    }
}

/// The lengths, in code points, of the proclitic prefixes of `word`,
/// shortest first. Each length ends after the proclitic letter's tashkeel
/// and tatweel, at the next letter. A word made only of proclitic letters has
/// no prefix ending at its end.
pub(crate) fn proclitic_prefix_lens(word: impl IntoIterator<Item = char>) -> Vec<usize> {
    let mut lens = Vec::new();
    let mut state = 0;
    let mut pending = false;
    for (i, ch) in word.into_iter().enumerate() {
        if is_skipped(ch) {
            continue;
        }
        if pending {
            lens.push(i);
        }
        match proclitic_step(state, ch) {
            Some(next) => {
                state = next;
                pending = true;
            }
            None => break,
        }
    }
    lens
}

/// Whether `chars` is exactly a non-empty proclitic sequence (`[وف]?[بكل]?`
/// with tashkeel and tatweel skipped).
pub(crate) fn is_proclitic_sequence(chars: impl IntoIterator<Item = char>) -> bool {
    let mut state = 0;
    for ch in chars {
        if is_skipped(ch) {
            continue;
        }
        match proclitic_step(state, ch) {
            Some(next) => state = next,
            None => return false,
        }
    }
    state != 0
}

/// A safe place to start segmenting at or before `cp`: the last whitespace
/// character before `cp` (word segmentation never looks back past it), the
/// text start, or `cp - MAX_SCAN`.
fn cut_before(text: &Text, cp: usize) -> usize {
    let cp = cp.min(text.char_len());
    let head = text.slice(0, cp).unwrap_or("");
    let mut pos = cp;
    for ch in head.chars().rev().take(MAX_SCAN) {
        pos -= 1;
        if ch.is_whitespace() {
            return pos;
        }
    }
    pos
}

/// A safe place to stop segmenting at or after `cp`: just after the first
/// whitespace character at or after `cp`, the text end, or `cp + MAX_SCAN`.
fn cut_after(text: &Text, cp: usize) -> usize {
    let len = text.char_len();
    let cp = cp.min(len);
    let tail = text.slice(cp, len).unwrap_or("");
    let mut pos = cp;
    for ch in tail.chars().take(MAX_SCAN) {
        pos += 1;
        if ch.is_whitespace() {
            return pos;
        }
    }
    pos
}

/// The words of `[from, to)`, segmented on that range alone, as code point
/// ranges in document order.
fn words_between(text: &Text, from: usize, to: usize) -> Vec<CharRange> {
    let Some(slice) = text.slice(from, to) else {
        return Vec::new();
    };
    let mut words = Vec::new();
    let mut cp = from;
    for segment in slice.split_word_bounds() {
        let width = segment.chars().count();
        if segment.chars().any(is_word_char) {
            words.push(CharRange::ordered(cp, cp + width));
        }
        cp += width;
    }
    words
}

/// The first word, scanning forward from the word around `cp`, for which
/// `wanted` holds.
fn first_word_from(
    text: &Text,
    cp: usize,
    wanted: impl Fn(CharRange) -> bool,
) -> Option<CharRange> {
    let len = text.char_len();
    let mut from = cut_before(text, cp);
    loop {
        let to = cut_after(text, from.max(cp).saturating_add(CHUNK).min(len));
        if let Some(word) = words_between(text, from, to)
            .into_iter()
            .find(|&word| wanted(word))
        {
            return Some(word);
        }
        if to >= len || to <= from {
            return None;
        }
        from = to;
    }
}

/// Whether a word is attested on its own, asked of the part of a word after
/// a proclitic prefix, with tashkeel and tatweel removed (see
/// [`bare`]). A [`crate::core::lexicon::Lexicon`] answers it from the
/// workspace's texts and spans; `|_| false` attests nothing.
pub type Attested<'a> = &'a dyn Fn(&str) -> bool;

/// `word` without tashkeel and tatweel: the form words are attested in
/// (borrowed when it has none, as most words do).
pub fn bare(word: &str) -> Cow<'_, str> {
    if word.chars().any(is_skipped) {
        Cow::Owned(word.chars().filter(|&ch| !is_skipped(ch)).collect())
    } else {
        Cow::Borrowed(word)
    }
}

/// Whether `rest`, what follows the proclitic prefix `prefix` inside a word,
/// is plausibly a word on its own: a number (و2024, ب٥٠: no Arabic word
/// holds a digit), or at least two letters, attested or
/// [article-initial](article_initial).
fn plausible_rest(prefix: &str, rest: &str, attested: Attested<'_>) -> bool {
    let rest = bare(rest);
    if rest.chars().next().is_some_and(|ch| ch.is_numeric()) {
        return true;
    }
    rest.chars().filter(|&ch| is_word_char(ch)).count() >= 2
        && (attested(&rest) || article_initial(&bare(prefix), &rest))
}

/// Whether a bare `rest` after a bare proclitic `prefix` starts right with
/// the article: ال (ب + العراق), or the ل of an article whose alif a ل
/// proclitic elided (ل + لعراق).
fn starts_with_article(prefix: &str, rest: &str) -> bool {
    rest.starts_with("ال") || (prefix.ends_with('ل') && rest.starts_with('ل'))
}

/// Whether a bare `rest` after a bare proclitic `prefix` [starts with the
/// article](starts_with_article), or has proclitics of its own before it
/// (ف + بالعراق, و + للعراق).
fn article_initial(prefix: &str, rest: &str) -> bool {
    if starts_with_article(prefix, rest) {
        return true;
    }
    let chars: Vec<char> = rest.chars().collect();
    proclitic_prefix_lens(chars.iter().copied())
        .into_iter()
        .any(|len| {
            let (inner, tail): (String, String) =
                (chars[..len].iter().collect(), chars[len..].iter().collect());
            tail.chars().count() >= 2 && article_initial(&inner, &tail)
        })
}

/// Where a selection that starts at `a`, strictly inside `word`, begins.
///
/// The candidates are the ends of the word's proclitic prefixes at or before
/// `a` whose rest is [plausibly a word](plausible_rest). A drag that starts
/// exactly on a candidate takes it; otherwise the rest that starts right
/// with the article (العراق in فبالعراق, لعراق in وللعراق), else the longest
/// plausible rest (the shortest prefix). With no candidate the selection
/// starts at the word start: a name such as بغداد is never cut to غداد.
fn proclitic_start(text: &Text, word: CharRange, a: usize, attested: Attested<'_>) -> usize {
    let start = word.start();
    let Some(chars) = text
        .slice_range(word)
        .map(|w| w.chars().collect::<Vec<char>>())
    else {
        return start;
    };
    let split = |len: usize| -> (String, String) {
        (
            bare(&chars[..len].iter().collect::<String>()).into_owned(),
            bare(&chars[len..].iter().collect::<String>()).into_owned(),
        )
    };
    let candidates: Vec<usize> = proclitic_prefix_lens(chars.iter().copied())
        .into_iter()
        .filter(|len| start + len <= a)
        .filter(|&len| {
            let (prefix, rest) = split(len);
            plausible_rest(&prefix, &rest, attested)
        })
        .collect();
    let article = candidates.iter().rev().find(|&&len| {
        let (prefix, rest) = split(len);
        starts_with_article(&prefix, &rest)
    });
    let chosen = candidates
        .iter()
        .find(|&&len| start + len == a)
        .or(article)
        .or(candidates.first());
    chosen.map_or(start, |len| start + len)
}

/// Turns a raw selection into span bounds made of whole words.
///
/// The offsets are ordered and clamped. The start moves back to the start of
/// the word it lies in (or forward to the first word when it lies between
/// words), except that a start strictly inside a word with Arabic proclitics
/// may stop after them (see the [module docs](self) for the exact rule). The
/// end moves forward to the end of the word it lies in, or back to the end of
/// the last word the selection touches. Whitespace, punctuation and symbols
/// at the edges are thereby dropped; those between words are kept. The result
/// never splits a grapheme cluster.
///
/// A collapsed selection (`a == b`) inside a word gives that whole word. A
/// selection that touches no word (only punctuation, symbols or emoji) falls
/// back to [`Text::snap_selection`], so it keeps character precision.
///
/// Returns `None` when nothing but whitespace is selected.
pub fn snap_to_words(text: &Text, a: usize, b: usize, attested: Attested<'_>) -> Option<CharRange> {
    let len = text.char_len();
    let (a, b) = (a.min(b).min(len), a.max(b).min(len));
    let words = words_between(text, cut_before(text, a), cut_after(text, b));
    if a == b {
        let word = words.iter().find(|word| word.contains(a))?;
        return text.snap_selection(word.start(), word.end());
    }
    let mut touched = words
        .iter()
        .filter(|word| word.overlaps(CharRange::ordered(a, b)));
    let Some(&first) = touched.next() else {
        return text.snap_selection(a, b);
    };
    let end = touched.next_back().map_or(first.end(), |word| word.end());
    let start = if a > first.start() {
        proclitic_start(text, first, a, attested)
    } else {
        first.start()
    };
    text.snap_selection(start, end)
}

/// The words of the line (paragraph) holding `range`, in document order,
/// from up to `reach` code points before it to `reach` after it: where the
/// keyboard may go next in the order the line is drawn (the caller measures
/// where each word is drawn, see `ui::keyboard`).
pub fn words_around(text: &Text, range: CharRange, reach: usize) -> Vec<CharRange> {
    let len = text.char_len();
    let (start, end) = (range.start().min(len), range.end().min(len));
    let lo = start.saturating_sub(reach);
    let hi = end.saturating_add(reach).min(len);
    let before = text.slice(lo, start).unwrap_or("");
    let line_start = before
        .chars()
        .rev()
        .position(|c| c == '\n')
        .map_or(lo, |back| start - back);
    let after = text.slice(end, hi).unwrap_or("");
    let line_end = after
        .chars()
        .position(|c| c == '\n')
        .map_or(hi, |i| end + i);
    let words = words_between(
        text,
        cut_before(text, line_start),
        cut_after(text, line_end),
    );
    words
        .into_iter()
        .filter(|w| w.start() >= line_start && w.end() <= line_end)
        .collect()
}

/// The word where an arrow goes past the line holding `cp`: the first word
/// of the next line that has one (`down`), or the last word of the previous
/// one. `None` at the text's first or last line. (Where the arrow enters a
/// line in the order it is drawn, see [`crate::core::visual::entry_word`].)
pub fn next_line_word(text: &Text, cp: usize, down: bool) -> Option<CharRange> {
    let s = text.as_str();
    let byte = text.byte_of(cp.min(text.char_len()))?;
    if down {
        let break_at = byte + s.get(byte..)?.find('\n')?;
        word_at(text, text.cp_of_byte(break_at + 1))
    } else {
        let line_start = text.cp_of_byte(s.get(..byte)?.rfind('\n')?);
        word_at(text, prev_word_start(text, line_start)).filter(|w| w.end() <= line_start)
    }
}

/// Where Home and End go from `cp`: the first (`last` false) or last word
/// of the line (paragraph) holding it, or of the whole text (`whole`, with
/// Ctrl). `None` when that line (or text) has no word.
pub fn edge_word(text: &Text, cp: usize, last: bool, whole: bool) -> Option<CharRange> {
    let s = text.as_str();
    let byte = text.byte_of(cp.min(text.char_len()))?;
    let (from, to) = if whole {
        (0, text.char_len())
    } else {
        let from = s
            .get(..byte)?
            .rfind('\n')
            .map_or(0, |b| text.cp_of_byte(b + 1));
        let to = s
            .get(byte..)?
            .find('\n')
            .map_or(text.char_len(), |b| text.cp_of_byte(byte + b));
        (from, to)
    };
    let word = if last {
        word_at(text, prev_word_start(text, to))
    } else {
        word_at(text, from)
    };
    word.filter(|w| w.start() >= from && w.end() <= to)
}

/// The word containing `cp`, or else the first word after it; `None` when
/// no word starts at or after `cp`.
pub fn word_at(text: &Text, cp: usize) -> Option<CharRange> {
    first_word_from(text, cp, |word| word.end() > cp)
}

/// The start of the first word that starts after `cp`, or the text's end
/// when there is none (for Ctrl+Arrow moves in logical order).
pub fn next_word_start(text: &Text, cp: usize) -> usize {
    first_word_from(text, cp, |word| word.start() > cp).map_or(text.char_len(), CharRange::start)
}

/// The start of the last word that starts before `cp`, or `0` when there is
/// none (for Ctrl+Arrow moves in logical order).
pub fn prev_word_start(text: &Text, cp: usize) -> usize {
    let cp = cp.min(text.char_len());
    if cp == 0 {
        return 0;
    }
    let mut to = cut_after(text, cp);
    loop {
        let from = cut_before(text, to.min(cp).saturating_sub(CHUNK));
        let found = words_between(text, from, to)
            .into_iter()
            .rev()
            .find(|word| word.start() < cp);
        if let Some(word) = found {
            return word.start();
        }
        if from == 0 || from >= to {
            return 0;
        }
        to = from;
    }
}

/// The ends `(anchor, focus)` of a keyboard selection after Shift+Arrow
/// extends it by one word in logical order (`forward` = towards the text's
/// end); `anchor` stays put while the selection grows or shrinks.
///
/// The selection always holds whole words and ends at a word's edge, never
/// on the punctuation or spaces between words:
/// - from a caret inside a word (a click), it takes that whole word, not the
///   letters on one side of the caret; from a caret between words, the
///   word on the arrow's side;
/// - growing takes in the next word whole; shrinking drops the last word
///   together with what separates it from the one before ("أكرم القصاص -
///   زيد" shrinks to "أكرم القصاص", not "أكرم القصاص -");
/// - a selection of one word that would shrink to nothing grows the other
///   way instead, keeping that word: the anchor moves to the word's far
///   edge, so the word a plain arrow selected can be extended on either
///   side.
pub fn extend_selection(text: &Text, anchor: usize, focus: usize, forward: bool) -> (usize, usize) {
    if anchor == focus
        && let Some(word) = word_at(text, anchor).filter(|w| w.start() < anchor)
    {
        return if forward {
            (word.start(), word.end())
        } else {
            (word.end(), word.start())
        };
    }
    // From a caret between words (a click on a space): the next word whole,
    // or the one before (it grew "Barack " with the space after it).
    if anchor == focus {
        let word = if forward {
            word_at(text, anchor)
        } else {
            word_at(text, prev_word_start(text, anchor)).filter(|w| w.end() <= anchor)
        };
        if let Some(word) = word {
            return if forward {
                (word.start(), word.end())
            } else {
                (word.end(), word.start())
            };
        }
    }
    let len = text.char_len();
    match (forward, focus >= anchor) {
        (true, true) => (anchor, word_at(text, focus).map_or(len, CharRange::end)),
        (false, false) => (anchor, prev_word_start(text, focus)),
        (true, false) => {
            let first = next_word_start(text, focus);
            if first < anchor {
                return (anchor, first);
            }
            // One word, [focus, anchor): keep it and grow past its end.
            let end = word_at(text, anchor).map_or(anchor, CharRange::end);
            (focus, end.max(anchor))
        }
        (false, true) => {
            let last = prev_word_start(text, focus);
            if last > anchor {
                let before = prev_word_start(text, last);
                let end = word_at(text, before)
                    .map(CharRange::end)
                    .filter(|&end| end > anchor && end <= last);
                return (anchor, end.unwrap_or(anchor));
            }
            // One word (or none), [anchor, focus): keep it and grow before it.
            (focus, prev_word_start(text, anchor))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The tests below compare plain `(start, end)` pairs, and attest the
    // words of the text they snap in.
    fn snap_to_words(text: &Text, a: usize, b: usize) -> Option<(usize, usize)> {
        let lexicon = crate::core::lexicon::Lexicon::of_texts([text.as_str()]);
        super::snap_to_words(text, a, b, &|w| lexicon.attests(w)).map(CharRange::bounds)
    }

    fn word_at(text: &Text, cp: usize) -> Option<(usize, usize)> {
        super::word_at(text, cp).map(CharRange::bounds)
    }

    fn next_grapheme(text: &Text, cp: usize) -> usize {
        text.next_grapheme(cp)
    }

    fn prev_grapheme(text: &Text, cp: usize) -> usize {
        text.prev_grapheme(cp)
    }

    /// Code point offset of the `nth` occurrence of `needle` in `text`.
    fn find_cp(text: &Text, needle: &str, nth: usize) -> usize {
        let (byte, _) = text
            .as_str()
            .match_indices(needle)
            .nth(nth)
            .expect("needle present");
        text.cp_of_byte(byte)
    }

    fn cps(s: &str) -> usize {
        s.chars().count()
    }

    /// Snaps a drag over `part`, the `nth` occurrence, and returns the text.
    fn snap_over(text: &Text, part: &str, nth: usize) -> Option<String> {
        let a = find_cp(text, part, nth);
        let (s, e) = snap_to_words(text, a, a + cps(part))?;
        Some(text.slice(s, e).expect("in range").to_owned())
    }

    #[test]
    fn widens_to_whole_words_both_ways() {
        let text = Text::new("زار الرئيس بغداد أمس");
        // From inside الرئيس to inside بغداد.
        let a = find_cp(&text, "رئيس", 0);
        let b = find_cp(&text, "غد", 0) + 1;
        let (s, e) = snap_to_words(&text, a, b).expect("words");
        assert_eq!(text.slice(s, e), Some("الرئيس بغداد"));
        let (s2, e2) = snap_to_words(&text, b, a).expect("reversed");
        assert_eq!((s2, e2), (s, e));
        // A drag starting inside بغداد, after its first letter ب, keeps the
        // whole name: غداد is not attested as a word.
        assert_eq!(snap_over(&text, "غدا", 0).as_deref(), Some("بغداد"));
        assert_eq!(snap_over(&text, "بغدا", 0).as_deref(), Some("بغداد"));
    }

    #[test]
    fn trims_whitespace_and_punctuation_edges() {
        let text = Text::new("قال: «بغداد»، ولندن.");
        let a = find_cp(&text, ":", 0);
        let b = find_cp(&text, "»", 0) + 1;
        let (s, e) = snap_to_words(&text, a, b).expect("word");
        assert_eq!(text.slice(s, e), Some("بغداد"));
        let (s, e) = snap_to_words(&text, 0, text.char_len()).expect("words");
        assert_eq!(
            text.slice(s, e),
            Some("قال: «بغداد»، ولندن"),
            "inner punctuation kept"
        );
        assert_eq!(
            snap_to_words(&Text::new("a   b"), 1, 4),
            None,
            "only spaces"
        );
    }

    #[test]
    fn no_word_falls_back_to_character_precision() {
        let text = Text::new("x 😀 y");
        assert_eq!(snap_to_words(&text, 1, 4), Some((2, 3)));
        assert_eq!(snap_to_words(&text, 2, 2), None, "collapsed outside a word");
    }

    #[test]
    fn collapsed_selection_takes_the_word() {
        let text = Text::new("في بالعراق اليوم");
        let inside = find_cp(&text, "عراق", 0);
        let (s, e) = snap_to_words(&text, inside, inside).expect("word");
        assert_eq!(text.slice(s, e), Some("بالعراق"));
    }

    /// Drags over the last `tail` code points of `word` (set in a sentence)
    /// and returns the snapped text.
    fn snap_tail(word: &str, tail: usize) -> String {
        let text = Text::new(&format!("زار {word} أمس"));
        let end = 4 + cps(word);
        let (s, e) = snap_to_words(&text, end - tail, end).expect("word");
        text.slice(s, e).expect("in range").to_owned()
    }

    #[test]
    fn proclitic_start_inside_word_is_dropped() {
        assert_eq!(snap_tail("بالعراق", 6), "العراق");
        assert_eq!(snap_tail("والكاظمي", 7), "الكاظمي");
        assert_eq!(snap_tail("بالعراق", 7), "بالعراق", "whole word kept");
        assert_eq!(snap_tail("والكاظمي", 8), "والكاظمي");
        // فبالعراق: prefixes ف and فب.
        assert_eq!(snap_tail("فبالعراق", 6), "العراق");
        assert_eq!(snap_tail("فبالعراق", 7), "بالعراق", "ب + العراق");
        assert_eq!(snap_tail("فبالعراق", 8), "فبالعراق");
        assert_eq!(snap_tail("كالبحر", 5), "البحر");
        // للعراق: only the first ل is a proclitic.
        assert_eq!(snap_tail("للعراق", 5), "لعراق");
        assert_eq!(snap_tail("للعراق", 4), "لعراق");
        assert_eq!(snap_tail("للعراق", 6), "للعراق");
        // وللعراق: prefixes و and ول.
        assert_eq!(snap_tail("وللعراق", 6), "للعراق");
        assert_eq!(snap_tail("وللعراق", 5), "لعراق");
        assert_eq!(snap_tail("وللعراق", 4), "لعراق");
        assert_eq!(snap_tail("وللعراق", 7), "وللعراق");
        // A number is a word of its own after any proclitic.
        assert_eq!(snap_tail("و2024", 4), "2024");
        assert_eq!(snap_tail("و2024", 2), "2024");
        assert_eq!(snap_tail("ب٥٠", 2), "٥٠");
        assert_eq!(snap_tail("وب5", 1), "5");
        assert_eq!(snap_tail("و2024", 5), "و2024", "whole word kept");
    }

    #[test]
    fn start_in_the_middle_of_the_rest_snaps_to_the_prefix_end() {
        let text = Text::new("بالعراق");
        let (s, e) = snap_to_words(&text, 4, 7).expect("word");
        assert_eq!(text.slice(s, e), Some("العراق"));
        // Starting between ب and ا: the largest boundary at or before 1 is 1.
        assert_eq!(snap_to_words(&text, 1, 3), Some((1, 7)));
    }

    #[test]
    fn names_starting_with_proclitic_letters_stay_whole() {
        let text = Text::new("بغداد لندن فرنسا كركوك وليد");
        for name in ["بغداد", "لندن", "فرنسا", "كركوك", "وليد"] {
            assert_eq!(snap_over(&text, name, 0).as_deref(), Some(name));
            // A drag from the first letter to the middle keeps the whole word.
            let a = find_cp(&text, name, 0);
            let (s, e) = snap_to_words(&text, a, a + 2).expect("word");
            assert_eq!(text.slice(s, e), Some(name));
        }
        // A drag that starts inside cuts only before an attested word.
        assert_eq!(snap_over(&text, "ليد", 0).as_deref(), Some("وليد"));
        assert_eq!(
            snap_over(&text, "يد", 0).as_deref(),
            Some("وليد"),
            "ول + يد"
        );
        assert_eq!(snap_over(&text, "غداد", 0).as_deref(), Some("بغداد"));
        assert_eq!(snap_over(&text, "ندن", 0).as_deref(), Some("لندن"));
        let short = Text::new("وبه");
        assert_eq!(
            snap_to_words(&short, 2, 3),
            Some((0, 3)),
            "ه alone is too short"
        );
        assert_eq!(
            snap_to_words(&short, 1, 3),
            Some((0, 3)),
            "به is not attested"
        );
        let attested = Text::new("وبه به");
        assert_eq!(
            snap_to_words(&attested, 1, 3),
            Some((1, 3)),
            "به is attested"
        );
    }

    #[test]
    fn the_article_is_not_a_proclitic() {
        let text = Text::new("العراق");
        assert_eq!(snap_to_words(&text, 2, 6), Some((0, 6)));
        assert_eq!(snap_to_words(&text, 1, 6), Some((0, 6)));
    }

    #[test]
    fn proclitics_with_tashkeel_and_tatweel() {
        // وَ + العراق: the boundary is after the fatha.
        let text = Text::new("وَالعِراقِ");
        let alif = find_cp(&text, "ال", 0);
        assert_eq!(alif, 2);
        assert_eq!(
            snap_to_words(&text, alif, text.char_len()),
            Some((2, text.char_len()))
        );
        // A start between the و and its fatha is not past the proclitic.
        assert_eq!(snap_to_words(&text, 1, 4), Some((0, text.char_len())));
        let stretched = Text::new("بـِالبيت");
        assert_eq!(proclitic_prefix_lens(stretched.as_str().chars()), vec![3]);
        assert_eq!(snap_to_words(&stretched, 3, 8), Some((3, 8)));
    }

    #[test]
    fn proclitic_grammar() {
        let lens = |w: &str| proclitic_prefix_lens(w.chars());
        assert_eq!(lens("بالعراق"), vec![1]);
        assert_eq!(lens("فبالعراق"), vec![1, 2]);
        assert_eq!(lens("وللعراق"), vec![1, 2]);
        assert_eq!(lens("للعراق"), vec![1]);
        assert_eq!(lens("العراق"), Vec::<usize>::new());
        assert_eq!(lens("بو"), vec![1]);
        assert_eq!(lens("وف"), vec![1], "two conjunctions do not chain");
        assert_eq!(lens("و"), Vec::<usize>::new());
        assert!(is_proclitic_sequence("وَبِ".chars()));
        assert!(is_proclitic_sequence("فل".chars()));
        assert!(!is_proclitic_sequence("بو".chars()));
        assert!(!is_proclitic_sequence("".chars()));
        assert!(!is_proclitic_sequence("ال".chars()));
    }

    #[test]
    fn never_splits_grapheme_clusters() {
        let text = Text::new("كَتَبَ 👩‍👩‍👧 e\u{301}cole");
        for a in 0..=text.char_len() {
            for b in a..=text.char_len() {
                if let Some((s, e)) = snap_to_words(&text, a, b) {
                    assert!(
                        text.is_grapheme_boundary(s) && text.is_grapheme_boundary(e),
                        "{a}..{b} → {s}..{e}"
                    );
                    assert!(s < e);
                }
            }
        }
        let (s, e) = snap_to_words(&text, 1, 2).expect("word");
        assert_eq!(text.slice(s, e), Some("كَتَبَ"));
        let e_acute = find_cp(&text, "e\u{301}", 0);
        let (s, e) = snap_to_words(&text, e_acute + 1, e_acute + 3).expect("word");
        assert_eq!(text.slice(s, e), Some("e\u{301}cole"));
    }

    #[test]
    fn latin_and_digits() {
        let text = Text::new("In 2021, U.S. forces can't stay.");
        assert_eq!(snap_over(&text, "02", 0).as_deref(), Some("2021"));
        assert_eq!(snap_over(&text, "S. fo", 0).as_deref(), Some("U.S. forces"));
        assert_eq!(snap_over(&text, "an", 0).as_deref(), Some("can't"));
    }

    #[test]
    fn cursor_moves_by_word_and_grapheme() {
        let text = Text::new("قال، بغداد  و😀 x\r\nكَتَبَ");
        let starts: Vec<usize> = text
            .as_str()
            .split_word_bound_indices()
            .filter(|(_, w)| w.chars().any(is_word_char))
            .map(|(b, _)| text.cp_of_byte(b))
            .collect();
        // Walk forward and backward through every word start.
        let mut cp = 0;
        let mut seen = vec![0];
        loop {
            let next = next_word_start(&text, cp);
            if next == text.char_len() {
                break;
            }
            assert!(next > cp);
            seen.push(next);
            cp = next;
        }
        assert_eq!(seen, starts);
        let mut back = vec![];
        let mut cp = text.char_len();
        while cp > 0 {
            cp = prev_word_start(&text, cp);
            back.push(cp);
        }
        back.reverse();
        assert_eq!(back, starts);
        assert_eq!(next_word_start(&text, 999), text.char_len());
        assert_eq!(prev_word_start(&text, 0), 0);

        // Graphemes: forward then back visits the same boundaries.
        let mut forward = vec![0];
        let mut cp = 0;
        while cp < text.char_len() {
            cp = next_grapheme(&text, cp);
            forward.push(cp);
        }
        let mut backward = vec![text.char_len()];
        while cp > 0 {
            cp = prev_grapheme(&text, cp);
            backward.push(cp);
        }
        backward.reverse();
        assert_eq!(forward, backward);
        assert!(forward.iter().all(|&b| text.is_grapheme_boundary(b)));
        let crlf = find_cp(&text, "\r", 0);
        assert_eq!(next_grapheme(&text, crlf), crlf + 2, "CRLF is one cluster");
        let kaf = find_cp(&text, "كَ", 0);
        assert_eq!(next_grapheme(&text, kaf), kaf + 2);
        assert_eq!(prev_grapheme(&text, kaf + 2), kaf);
        assert_eq!(
            prev_grapheme(&text, 999),
            prev_grapheme(&text, text.char_len())
        );
    }

    #[test]
    fn word_at_finds_the_word_or_the_next() {
        let text = Text::new("  بغداد، لندن !");
        assert_eq!(word_at(&text, 0), Some((2, 7)));
        assert_eq!(word_at(&text, 4), Some((2, 7)));
        assert_eq!(word_at(&text, 7), Some((9, 13)), "after the word: the next");
        assert_eq!(word_at(&text, 13), None);
        assert_eq!(word_at(&text, 99), None);
        assert_eq!(word_at(&Text::new(""), 0), None);
    }

    #[test]
    fn large_text_stays_local_and_correct() {
        // ~1 MB with a long gap of punctuation and a long unbroken run.
        let mut s = "كلمة بالعراق ".repeat(42_000);
        let gap_start = s.chars().count();
        s.push_str(&"، ".repeat(3_000));
        let after_gap = s.chars().count();
        s.push_str("بغداد");
        let text = Text::new(&s);
        assert!(s.len() > 1_000_000);
        assert_eq!(next_word_start(&text, gap_start), after_gap);
        assert_eq!(word_at(&text, gap_start), Some((after_gap, after_gap + 5)));
        assert_eq!(
            prev_word_start(&text, after_gap),
            find_cp(&text, "بالعراق", 41_999)
        );
        let inside = find_cp(&text, "العراق", 20_000);
        assert_eq!(
            snap_to_words(&text, inside, inside + 6),
            Some((inside, inside + 6))
        );
    }

    fn corpus() -> Vec<Text> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("corpus at {} must exist: {e}", dir.display()))
            .map(|entry| entry.expect("dir entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
            .collect();
        paths.sort();
        assert!(!paths.is_empty(), "no corpus files in {}", dir.display());
        paths
            .iter()
            .map(|path| Text::new(&std::fs::read_to_string(path).expect("corpus file is UTF-8")))
            .collect()
    }

    /// Every occurrence of `word` as a whole word in the corpus, as (text, start).
    fn corpus_hits<'a>(texts: &'a [Text], word: &str) -> Vec<(&'a Text, usize)> {
        let mut hits = Vec::new();
        for text in texts {
            for (byte, _) in text.as_str().match_indices(word) {
                let start = text.cp_of_byte(byte);
                if word_at(text, start) == Some((start, start + cps(word))) {
                    hits.push((text, start));
                }
            }
        }
        hits
    }

    #[test]
    fn corpus_words_snap_at_their_real_offsets() {
        let texts = corpus();
        // (word, the rest after its longest proclitic prefix, a shorter prefix's rest)
        let lexicon = crate::core::lexicon::Lexicon::of_texts(texts.iter().map(Text::as_str));
        let snap_to_words = |text: &Text, a: usize, b: usize| {
            super::snap_to_words(text, a, b, &|w| lexicon.attests(w)).map(CharRange::bounds)
        };
        // (word, the rest a drag inside it gives, a drag starting at a shorter
        // prefix's rest)
        for (word, rest, shorter) in [
            ("بالعراق", "العراق", None),
            ("والعراق", "العراق", None),
            ("للتحالف", "لتحالف", None),
            ("والولايات", "الولايات", None),
            ("ولندن", "لندن", None),
        ] {
            let hits = corpus_hits(&texts, word);
            assert!(!hits.is_empty(), "{word} is in the corpus");
            for (text, start) in hits {
                let end = start + cps(word);
                let rest_start = end - cps(rest);
                assert_eq!(
                    snap_to_words(text, rest_start, end),
                    Some((rest_start, end)),
                    "{word} → {rest}"
                );
                // Starting later inside the rest gives the same.
                assert_eq!(
                    snap_to_words(text, rest_start + 1, end - 1),
                    Some((rest_start, end))
                );
                if let Some(shorter) = shorter {
                    let shorter_start = end - cps(shorter);
                    assert_eq!(
                        snap_to_words(text, shorter_start, end),
                        Some((shorter_start, end))
                    );
                }
                assert_eq!(
                    snap_to_words(text, start, end),
                    Some((start, end)),
                    "{word} whole"
                );
                assert_eq!(snap_to_words(text, start, start + 1), Some((start, end)));
            }
        }
        for name in ["بغداد", "لندن", "وزيرة"] {
            let hits = corpus_hits(&texts, name);
            assert!(!hits.is_empty(), "{name} is in the corpus");
            for (text, start) in hits {
                let end = start + cps(name);
                assert_eq!(
                    snap_to_words(text, start, end),
                    Some((start, end)),
                    "{name} stays whole"
                );
                assert_eq!(snap_to_words(text, start, end - 2), Some((start, end)));
                // Dragging from the space before it still gives the name.
                if start > 0 {
                    assert_eq!(snap_to_words(text, start - 1, end), Some((start, end)));
                }
            }
        }
    }

    /// The drags a day of annotating got wrong (issue 12): starting one
    /// letter into a name keeps the name; a real proclitic is still split.
    #[test]
    fn corpus_names_are_not_cut_one_letter_in() {
        let texts = corpus();
        let lexicon = crate::core::lexicon::Lexicon::of_texts(texts.iter().map(Text::as_str));
        let snap = |text: &Text, a: usize, b: usize| {
            let r = super::snap_to_words(text, a, b, &|w| lexicon.attests(w)).expect("word");
            text.slice_range(r).expect("in range").to_owned()
        };
        for (word, skip, expected) in [
            ("بغداد", 1, "بغداد"),
            ("لندن", 1, "لندن"),
            ("بلاده", 1, "بلاده"),
            ("بنهاية", 1, "نهاية"),
            ("وبريطانيا", 2, "بريطانيا"),
            ("وبريطانيا", 1, "بريطانيا"),
            ("تراس", 1, "تراس"),
        ] {
            let hits = corpus_hits(&texts, word);
            assert!(!hits.is_empty(), "{word} is in the corpus");
            for (text, start) in hits {
                let end = start + cps(word);
                assert_eq!(
                    snap(text, start + skip, end),
                    expected,
                    "{word} from +{skip}"
                );
            }
        }
    }

    #[test]
    fn extending_by_words_never_ends_on_punctuation() {
        let text = Text::new("قال أكرم القصاص - زيد: نعم");
        let at = |w: &str| find_cp(&text, w, 0);
        let (anchor, after_akram) = (at("أكرم"), at("أكرم") + 4);
        let slice = |(a, f): (usize, usize)| text.slice(a.min(f), a.max(f));
        // Grow over القصاص, then over زيد, then shrink back: no " -".
        let s = extend_selection(&text, anchor, after_akram, true);
        assert_eq!((s.0, slice(s)), (anchor, Some("أكرم القصاص")));
        let s = extend_selection(&text, anchor, s.1, true);
        assert_eq!(slice(s), Some("أكرم القصاص - زيد"));
        let s = extend_selection(&text, anchor, s.1, false);
        assert_eq!(slice(s), Some("أكرم القصاص"));
        let s = extend_selection(&text, anchor, s.1, false);
        assert_eq!(s, (anchor, after_akram));
        // One word left: shrinking further grows before it instead, the
        // word kept (the anchor moves to its end).
        let s = extend_selection(&text, anchor, s.1, false);
        assert_eq!(s, (after_akram, at("قال")));
        assert_eq!(slice(s), Some("قال أكرم"));
        // A selection growing backwards shrinks forward to the next word start.
        let end = at("زيد") + 3;
        let back = extend_selection(&text, end, at("القصاص"), true);
        assert_eq!(slice(back), Some("زيد"));
        let back = extend_selection(&text, end, at("زيد"), false);
        assert_eq!(back, (end, at("القصاص")));
        // … and when one word is left, grows after it.
        let s = extend_selection(&text, end, at("زيد"), true);
        assert_eq!(s, (at("زيد"), at("نعم") + 3));
    }

    #[test]
    fn home_and_end_go_to_the_line_s_or_the_text_s_first_and_last_words() {
        let text = Text::new("«قال» الرئيس في بغداد.\n\nوصل الوفد!\n");
        let word = |r: Option<CharRange>| r.and_then(|r| text.slice_range(r)).unwrap_or("-");
        let at = |needle: &str| {
            text.as_str()
                .find(needle)
                .map(|b| text.cp_of_byte(b))
                .unwrap_or(0)
        };
        let mid = at("الرئيس") + 2;
        assert_eq!(word(edge_word(&text, mid, false, false)), "قال");
        assert_eq!(word(edge_word(&text, mid, true, false)), "بغداد");
        assert_eq!(word(edge_word(&text, at("الوفد"), false, false)), "وصل");
        assert_eq!(word(edge_word(&text, at("الوفد"), true, false)), "الوفد");
        assert_eq!(word(edge_word(&text, mid, true, true)), "الوفد");
        assert_eq!(word(edge_word(&text, at("الوفد"), false, true)), "قال");
        // A blank line has no word.
        assert_eq!(edge_word(&text, at("\n\n") + 1, false, false), None);
    }

    #[test]
    fn next_line_word_skips_blank_lines_and_stops_at_the_ends() {
        let text = Text::new("قال علي\n09/12/2021\n\n  \nذهب إلى بغداد");
        let word = |w: &str| {
            let at = find_cp(&text, w, 0);
            CharRange::ordered(at, at + w.chars().count())
        };
        assert_eq!(next_line_word(&text, 2, true), Some(word("09")));
        assert_eq!(
            next_line_word(&text, word("12").start(), true),
            Some(word("ذهب"))
        );
        assert_eq!(
            next_line_word(&text, word("إلى").start(), false),
            Some(word("2021"))
        );
        assert_eq!(
            next_line_word(&text, word("2021").start(), false),
            Some(word("علي"))
        );
        assert_eq!(next_line_word(&text, 1, false), None);
        assert_eq!(next_line_word(&text, word("بغداد").start(), true), None);
        assert_eq!(next_line_word(&text, text.char_len(), true), None);
    }

    #[test]
    fn words_around_stay_in_their_line_and_reach() {
        let text = Text::new("قبل سطر\nقال الرئيس Barack Obama في مدينة\nبعد");
        let at = |w: &str| find_cp(&text, w, 0);
        let obama = CharRange::ordered(at("Obama"), at("Obama") + 5);
        let words: Vec<&str> = words_around(&text, obama, 100)
            .iter()
            .filter_map(|w| text.slice(w.start(), w.end()))
            .collect();
        assert_eq!(words, ["قال", "الرئيس", "Barack", "Obama", "في", "مدينة"]);
        let near: Vec<&str> = words_around(&text, obama, 4)
            .iter()
            .filter_map(|w| text.slice(w.start(), w.end()))
            .collect();
        assert_eq!(near, ["Obama", "في"]);
    }

    #[test]
    fn extending_from_a_caret_inside_a_word_takes_the_whole_word() {
        let text = Text::new("قال مصطفى الكاظمي في بغداد");
        let word = find_cp(&text, "الكاظمي", 0);
        let (start, end) = (word, word + 7);
        // A click after the fourth letter, then Shift with either arrow.
        assert_eq!(
            extend_selection(&text, word + 4, word + 4, false),
            (end, start)
        );
        assert_eq!(
            extend_selection(&text, word + 4, word + 4, true),
            (start, end)
        );
        // At a word's edge, the word on that side.
        assert_eq!(extend_selection(&text, start, start, true), (start, end));
        assert_eq!(extend_selection(&text, end, end, false), (end, start));
        // From the start of a word, back: the word before, without the
        // space between (it took "مصطفى ").
        let before = find_cp(&text, "مصطفى", 0);
        assert_eq!(
            extend_selection(&text, start, start, false),
            (before + 5, before)
        );
        // From inside the space: either neighbour whole.
        assert_eq!(
            extend_selection(&text, start - 1, start - 1, true),
            (start, end)
        );
        assert_eq!(
            extend_selection(&text, start - 1, start - 1, false),
            (before + 5, before)
        );
        // Exact characters stay possible with Ctrl/Alt: not this function.
    }

    /// Every word of the seed corpus, dragged from each grapheme boundary
    /// inside it to its end, snaps to the whole word or to a rest after
    /// proclitics that is plausibly a word: never a cut inside a stem.
    #[test]
    fn corpus_snapping_never_cuts_inside_a_stem() {
        let texts = corpus();
        let lexicon = crate::core::lexicon::Lexicon::of_texts(texts.iter().map(Text::as_str));
        let attested = |w: &str| lexicon.attests(w);
        let mut checked = 0;
        for text in &texts {
            for (byte, word) in text.as_str().split_word_bound_indices() {
                if !word.chars().any(is_word_char) {
                    continue;
                }
                let start = text.cp_of_byte(byte);
                let end = start + cps(word);
                let chars: Vec<char> = word.chars().collect();
                for a in start..end {
                    if !text.is_grapheme_boundary(a) {
                        continue;
                    }
                    let snapped = super::snap_to_words(text, a, end, &attested).expect("a word");
                    checked += 1;
                    assert_eq!(snapped.end(), end, "{word}");
                    let cut = snapped.start() - start;
                    if cut == 0 {
                        continue;
                    }
                    let prefix: String = chars[..cut].iter().collect();
                    let rest: String = chars[cut..].iter().collect();
                    assert!(
                        proclitic_prefix_lens(chars.iter().copied()).contains(&cut)
                            && plausible_rest(&prefix, &rest, &attested),
                        "{word} cut to {rest} from offset {}",
                        a - start
                    );
                }
            }
        }
        assert!(checked > 10_000, "only {checked} drags checked");
    }

    #[test]
    fn corpus_cursor_walk_matches_full_segmentation() {
        for text in corpus() {
            let starts: Vec<usize> = text
                .as_str()
                .split_word_bound_indices()
                .filter(|(_, w)| w.chars().any(is_word_char))
                .map(|(b, _)| text.cp_of_byte(b))
                .collect();
            let mut cp = 0;
            let mut walked = Vec::new();
            if starts.first() == Some(&0) {
                walked.push(0);
            }
            while cp < text.char_len() {
                cp = next_word_start(&text, cp);
                if cp < text.char_len() {
                    walked.push(cp);
                }
            }
            assert_eq!(walked, starts);
        }
    }
}
