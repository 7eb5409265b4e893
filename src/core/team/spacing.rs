//! Texts a CoNLL file rebuilt from its tokens, matched to the same words as
//! another file spaces them.
//!
//! CoNLL keeps no spacing: its importer joins a sentence's tokens with one
//! space and sentences with `\n`, so Wasim's own CoNLL export of an article
//! reads back as another text than the article's Wasim JSON, and documents
//! are matched by their text. A rebuilt text whose characters other than
//! spacing (whitespace, and U+FEFF) are exactly those of a text another
//! file keeps is that text:
//! its spans are placed on it, each on the same characters, and the team
//! notices say so. Two texts that both keep their spacing are never
//! matched this way (a change of spacing there is a change of the text).

use crate::core::formats::ImportedSpan;
use crate::core::text::Text;

/// Whether `c` is spacing, which a rebuilt text may lack or have more of:
/// whitespace, and U+FEFF (a text's first, which CoNLL's importer reads as
/// the file's byte order mark).
fn spacing(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}'
}

/// The characters of `text` that are not spacing: what a rebuilt text and
/// the text it was rebuilt from have in common.
pub fn words_of(text: &str) -> String {
    text.chars().filter(|&c| !spacing(c)).collect()
}

/// `spans` of `from` placed on `to`, which has the same characters other
/// than spacing: each span covers the same of them. `None` when they
/// cannot all be placed: a span of spacing only, or one whose ends
/// would split a grapheme cluster of `to`.
pub fn move_spans(from: &Text, to: &Text, spans: &[ImportedSpan]) -> Option<Vec<ImportedSpan>> {
    // How many solid characters come before each offset of `from`, and
    // where each solid character of `to` is.
    let mut before = Vec::with_capacity(from.char_len() + 1);
    let mut solid = 0u32;
    for c in from.as_str().chars() {
        before.push(solid);
        solid += u32::from(!spacing(c));
    }
    before.push(solid);
    let at: Vec<usize> = to
        .as_str()
        .chars()
        .enumerate()
        .filter_map(|(i, c)| (!spacing(c)).then_some(i))
        .collect();
    spans
        .iter()
        .map(|span| {
            let first = *before.get(span.start)? as usize;
            let last = (*before.get(span.end)? as usize).checked_sub(1)?;
            let start = *at.get(first)?;
            let end = *at.get(last)? + 1;
            let whole =
                start < end && to.is_grapheme_boundary(start) && to.is_grapheme_boundary(end);
            whole.then(|| ImportedSpan {
                start,
                end,
                ..span.clone()
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: &str) -> ImportedSpan {
        ImportedSpan {
            start,
            end,
            label: label.into(),
            ..ImportedSpan::default()
        }
    }

    fn texts_of(text: &Text, spans: &[ImportedSpan]) -> Vec<String> {
        spans
            .iter()
            .map(|s| text.slice(s.start, s.end).unwrap_or_default().to_owned())
            .collect()
    }

    #[test]
    fn spans_keep_their_characters_on_the_spaced_text() {
        let kept = Text::from("زار علي بغداد، ثم الموصل.\nوعاد.");
        let rebuilt = Text::from("زار علي بغداد ، ثم الموصل .\nوعاد .");
        assert_eq!(words_of(kept.as_str()), words_of(rebuilt.as_str()));
        let spans = [span(4, 7, "PER"), span(8, 15, "MISC"), span(19, 25, "LOC")];
        assert_eq!(texts_of(&rebuilt, &spans), ["علي", "بغداد ،", "الموصل"]);
        let moved = move_spans(&rebuilt, &kept, &spans).expect("placed");
        assert_eq!(texts_of(&kept, &moved), ["علي", "بغداد،", "الموصل"]);
        assert_eq!(
            (moved[1].start, moved[1].end, moved[1].label.as_str()),
            (8, 14, "MISC")
        );
    }

    #[test]
    fn a_span_that_would_split_a_cluster_or_holds_no_character_is_refused() {
        // "e" and a combining acute, tokenized apart: the span of "e" alone
        // would split "é" in the kept text.
        let kept = Text::from("caf\u{301}e x");
        let rebuilt = Text::from("caf \u{301}e x");
        assert_eq!(move_spans(&rebuilt, &kept, &[span(0, 3, "A")]), None);
        assert_eq!(move_spans(&rebuilt, &kept, &[span(3, 4, "A")]), None);
        let whole = move_spans(&rebuilt, &kept, &[span(0, 6, "A")]).expect("placed");
        assert_eq!(texts_of(&kept, &whole), ["caf\u{301}e"]);
    }
}
