//! Moving the keyboard selection from word to word in the order the words
//! are drawn, not the order they are stored.
//!
//! In a right-to-left line that quotes "Barack Obama", ← from «الرئيس»
//! must reach "Obama" first: it is drawn next to «الرئيس», though "Barack"
//! comes first in the text. The browser side measures where the words of
//! the line are drawn ([`WordBox`]); [`next_drawn`] picks the word beside
//! the current one on the side of the arrow, or, at the end of a drawn row,
//! the first word of the next row; past the line, [`entry_word`] picks
//! where the next line is entered. Pure: it only compares numbers, so it is
//! tested natively.
//!
//! Rows and lines follow the document's direction, whatever the line's
//! own: in a right-to-left document ← always moves on to the row or line
//! below and → back to the one above (in a left-to-right one, → and ←).
//! So an arrow held down visits every word of the document and never turns
//! back: with each line's own direction, ← at the end of an Arabic line
//! entered an English line below, where ← reads backwards, and went up
//! again; and a line of digits (a date) drawn left to right in an Arabic
//! document held the arrow between two of its numbers.

use super::text::CharRange;

/// Where a word is drawn: its range and its box in CSS pixels (as the
/// browser's client rectangles give them, `top` < `bottom`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WordBox {
    /// The word's code points.
    pub range: CharRange,
    /// Left edge.
    pub left: f64,
    /// Right edge.
    pub right: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl WordBox {
    fn middle_x(&self) -> f64 {
        (self.left + self.right) / 2.0
    }

    fn middle_y(&self) -> f64 {
        (self.top + self.bottom) / 2.0
    }

    /// Whether `other` is drawn in the same row as `self`.
    fn same_row(&self, other: &WordBox) -> bool {
        let y = other.middle_y();
        y > self.top && y < self.bottom
    }
}

/// Whether an arrow pointing right (`rightward`) or left points from the
/// word at a selection's moving end (`focus`) back towards the word it
/// started from (`anchor`): `None` when the two are drawn in different
/// rows, where the side says nothing.
pub fn points_back(anchor: &WordBox, focus: &WordBox, rightward: bool) -> Option<bool> {
    if !focus.same_row(anchor) {
        return None;
    }
    Some(if rightward {
        anchor.middle_x() > focus.middle_x()
    } else {
        anchor.middle_x() < focus.middle_x()
    })
}

/// The word drawn next to `current` towards the right (`rightward`) or the
/// left, among `words` (the words around it in its line; `rtl` when the
/// document reads right to left). In the same row, the nearest word on that
/// side; past the row's end, the first word of the next row on the arrow's
/// way (the row below when the arrow points the way the document reads, the
/// row above otherwise). `None` when the line has no word there: the caller
/// goes on to the next line ([`entry_word`]).
pub fn next_drawn(
    current: &WordBox,
    words: &[WordBox],
    rightward: bool,
    rtl: bool,
) -> Option<CharRange> {
    let others = || words.iter().filter(|w| !w.range.overlaps(current.range));
    let row = others().filter(|w| current.same_row(w));
    if let Some(word) = nearest_beside(row, current.middle_x(), rightward) {
        return Some(word.range);
    }
    // Past the row's end: on to the row below (reading on) or above.
    let down = rightward != rtl;
    let row = if down {
        others()
            .filter(|w| w.middle_y() >= current.bottom)
            .min_by(|a, b| a.middle_y().total_cmp(&b.middle_y()))
    } else {
        others()
            .filter(|w| w.middle_y() <= current.top)
            .max_by(|a, b| a.middle_y().total_cmp(&b.middle_y()))
    }?;
    row_end(others().filter(|w| row.same_row(w)), !rightward)
}

/// Where an arrow enters a line from the line above (`down`) or below:
/// among `words` (the line's words near that end), the first word on the
/// arrow's way in the line's top row (down) or bottom row (up). `rtl`: the
/// document reads right to left, so ← goes down, entering at the right.
pub fn entry_word(words: &[WordBox], down: bool, rtl: bool) -> Option<CharRange> {
    let row = if down {
        words
            .iter()
            .min_by(|a, b| a.middle_y().total_cmp(&b.middle_y()))
    } else {
        words
            .iter()
            .max_by(|a, b| a.middle_y().total_cmp(&b.middle_y()))
    }?;
    let rightward = down != rtl;
    row_end(words.iter().filter(|w| row.same_row(w)), !rightward)
}

/// The word (or character) drawn nearest to a clicked point `(x, y)` on
/// the arrow's side (`rightward`), in the point's row; `None` when none is
/// on that side in that row, or when `words` are words and the point is
/// inside one of them (more than a pixel from its edges: the arrow then
/// takes that word, as from any caret inside a word). A click at the edge of a Latin name in an
/// Arabic line lands on a code point drawn in two places (beside the Arabic
/// word and at the name's far end): the point, not the code point, tells
/// which the user meant.
pub fn beside_point(
    boxes: &[WordBox],
    (x, y): (f64, f64),
    rightward: bool,
    words: bool,
) -> Option<CharRange> {
    let row = || boxes.iter().filter(|b| y > b.top && y < b.bottom);
    if words && row().any(|b| x > b.left + 1.0 && x < b.right - 1.0) {
        return None;
    }
    nearest_beside(row(), x, rightward).map(|b| b.range)
}

/// Of `row`'s boxes, the one whose middle is nearest to `x` on its right
/// (`rightward`) or left.
fn nearest_beside<'a>(
    row: impl Iterator<Item = &'a WordBox>,
    x: f64,
    rightward: bool,
) -> Option<&'a WordBox> {
    let beside = row.filter(|b| {
        if rightward {
            b.middle_x() > x
        } else {
            b.middle_x() < x
        }
    });
    if rightward {
        beside.min_by(|a, b| a.middle_x().total_cmp(&b.middle_x()))
    } else {
        beside.max_by(|a, b| a.middle_x().total_cmp(&b.middle_x()))
    }
}

/// The rightmost (`right`) or leftmost of `row`'s words.
fn row_end<'a>(row: impl Iterator<Item = &'a WordBox>, right: bool) -> Option<CharRange> {
    let word = if right {
        row.max_by(|a, b| a.middle_x().total_cmp(&b.middle_x()))
    } else {
        row.min_by(|a, b| a.middle_x().total_cmp(&b.middle_x()))
    };
    word.map(|w| w.range)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A word of `len` code points at `start`, drawn at `left` in `row`
    /// (rows 20 px high), 40 px wide.
    fn word(start: usize, len: usize, left: f64, row: u32) -> WordBox {
        let top = f64::from(row) * 20.0;
        WordBox {
            range: CharRange::ordered(start, start + len),
            left,
            right: left + 40.0,
            top,
            bottom: top + 20.0,
        }
    }

    #[test]
    fn a_left_to_right_name_in_an_arabic_line_is_walked_as_drawn() {
        // «قال الرئيس Barack Obama في» drawn right to left: قال at the
        // right, then الرئيس, then the name left to right, then في.
        let words = [
            word(0, 3, 400.0, 0),  // قال
            word(4, 6, 350.0, 0),  // الرئيس
            word(11, 6, 200.0, 0), // Barack
            word(18, 5, 250.0, 0), // Obama
            word(24, 2, 150.0, 0), // في
        ];
        let left_of = |i: usize| next_drawn(&words[i], &words, false, true);
        let right_of = |i: usize| next_drawn(&words[i], &words, true, true);
        assert_eq!(left_of(1), Some(words[3].range), "الرئيس ← Obama");
        assert_eq!(left_of(3), Some(words[2].range), "Obama ← Barack");
        assert_eq!(left_of(2), Some(words[4].range), "Barack ← في");
        assert_eq!(right_of(4), Some(words[2].range));
        assert_eq!(right_of(2), Some(words[3].range));
        assert_eq!(right_of(3), Some(words[1].range));
        assert_eq!(
            right_of(0),
            None,
            "the line's first word: the caller goes on"
        );
        assert_eq!(left_of(4), None, "its last word");
    }

    #[test]
    fn a_click_at_a_names_edge_goes_to_the_word_drawn_on_the_arrows_side() {
        let words = [
            word(0, 3, 400.0, 0),  // قال
            word(4, 6, 350.0, 0),  // الرئيس
            word(11, 6, 200.0, 0), // Barack: 200–240
            word(18, 5, 250.0, 0), // Obama: 250–290
            word(24, 2, 150.0, 0), // في: 150–190
        ];
        // Just left of "B" (the code point there is also drawn right of
        // "Obama"): → is "Barack", ← is في.
        assert_eq!(
            beside_point(&words, (199.0, 10.0), true, true),
            Some(words[2].range)
        );
        assert_eq!(
            beside_point(&words, (199.0, 10.0), false, true),
            Some(words[4].range)
        );
        // Just right of "Obama": ← is "Obama", → is الرئيس.
        assert_eq!(
            beside_point(&words, (291.0, 10.0), false, true),
            Some(words[3].range)
        );
        assert_eq!(
            beside_point(&words, (291.0, 10.0), true, true),
            Some(words[1].range)
        );
        // Inside a word, or in another row, or past the row's end: not here.
        assert_eq!(beside_point(&words, (220.0, 10.0), true, true), None);
        assert_eq!(beside_point(&words, (199.0, 30.0), true, true), None);
        assert_eq!(beside_point(&words, (445.0, 10.0), true, true), None);
        // Characters: the one drawn on the arrow's side of the point, also
        // from inside one (the caret is at its nearer edge).
        assert_eq!(
            beside_point(&words, (215.0, 10.0), true, false),
            Some(words[2].range)
        );
        assert_eq!(
            beside_point(&words, (225.0, 10.0), false, false),
            Some(words[2].range)
        );
    }

    #[test]
    fn past_a_row_the_next_row_starts_at_its_reading_start() {
        // A right-to-left line wrapped in two rows.
        let rtl = [
            word(0, 3, 300.0, 0),
            word(4, 3, 250.0, 0),
            word(8, 3, 300.0, 1),
            word(12, 3, 250.0, 1),
            word(16, 3, 200.0, 1),
        ];
        assert_eq!(next_drawn(&rtl[1], &rtl, false, true), Some(rtl[2].range));
        assert_eq!(next_drawn(&rtl[2], &rtl, true, true), Some(rtl[1].range));
        // A left-to-right one.
        let ltr = [
            word(0, 3, 0.0, 0),
            word(4, 3, 50.0, 0),
            word(8, 3, 0.0, 1),
            word(12, 3, 50.0, 1),
        ];
        assert_eq!(next_drawn(&ltr[1], &ltr, true, false), Some(ltr[2].range));
        assert_eq!(next_drawn(&ltr[2], &ltr, false, false), Some(ltr[1].range));
        assert_eq!(next_drawn(&ltr[3], &ltr, true, false), None);
    }

    #[test]
    fn in_a_right_to_left_document_left_always_goes_down() {
        // An English line wrapped in two rows, in an Arabic document: ←
        // sweeps each row leftwards, top row first, and never goes up.
        let english = [
            word(0, 3, 0.0, 0),
            word(4, 3, 50.0, 0),
            word(8, 3, 0.0, 1),
            word(12, 3, 50.0, 1),
        ];
        assert_eq!(entry_word(&english, true, true), Some(english[1].range));
        assert_eq!(
            next_drawn(&english[1], &english, false, true),
            Some(english[0].range)
        );
        assert_eq!(
            next_drawn(&english[0], &english, false, true),
            Some(english[3].range)
        );
        assert_eq!(
            next_drawn(&english[3], &english, false, true),
            Some(english[2].range)
        );
        assert_eq!(
            next_drawn(&english[2], &english, false, true),
            None,
            "on to the next line"
        );
        // → goes up: enters at the bottom row's left, sweeps rightwards.
        assert_eq!(entry_word(&english, false, true), Some(english[2].range));
        assert_eq!(
            next_drawn(&english[2], &english, true, true),
            Some(english[3].range)
        );
        assert_eq!(
            next_drawn(&english[3], &english, true, true),
            Some(english[0].range)
        );
        assert_eq!(next_drawn(&english[1], &english, true, true), None);
    }

    #[test]
    fn a_date_in_an_arabic_document_is_walked_through() {
        // «09/12/2021» drawn left to right on its own line: 09 at the left.
        let date = [
            word(0, 2, 0.0, 0),
            word(3, 2, 50.0, 0),
            word(6, 4, 100.0, 0),
        ];
        assert_eq!(
            entry_word(&date, true, true),
            Some(date[2].range),
            "← enters at 2021"
        );
        assert_eq!(
            next_drawn(&date[2], &date, false, true),
            Some(date[1].range)
        );
        assert_eq!(
            next_drawn(&date[1], &date, false, true),
            Some(date[0].range)
        );
        assert_eq!(next_drawn(&date[0], &date, false, true), None);
        assert_eq!(
            entry_word(&date, false, true),
            Some(date[0].range),
            "→ enters at 09"
        );
        assert_eq!(entry_word(&[], true, true), None);
        // In a left-to-right document → goes down, entering at the left.
        assert_eq!(entry_word(&date, true, false), Some(date[0].range));
        assert_eq!(entry_word(&date, false, false), Some(date[2].range));
    }
}
