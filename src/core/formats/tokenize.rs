//! Splitting a document into sentences of tokens, for token-based exports
//! (CoNLL).
//!
//! **Offsets:** tokens are code point ranges, half-open, into the document's
//! text.
//!
//! Two tokenizers:
//! - A *pre-tokenized* text (what a CoNLL import produces: tokens separated by
//!   exactly one space, one sentence per line, punctuation standing alone) is
//!   split on those spaces, so a CoNLL file survives import and export
//!   unchanged, whatever its tokens contain (tashkeel, tatweel, U+200F…).
//!   Format marks and combining marks do not count when deciding this, so
//!   `\u{200E}فرانكفورت \u{200E}؟` is pre-tokenized (its `؟` stands alone).
//! - Any other text is split on Unicode word boundaries (UAX #29), with
//!   whitespace dropped and each punctuation mark its own token. This keeps
//!   Arabic words with their tashkeel, numbers such as `3.5` and emoji ZWJ
//!   sequences whole. A format mark (U+200E, U+200F, U+061C, ZWJ, ZWNJ and
//!   the other `Cf` characters) or a combining mark is never a token of its
//!   own: it joins the token it touches (the next one first); only a mark
//!   with whitespace on both sides stays alone, rather than be lost. Sentences end at line breaks and after `.`,
//!   `!`, `?`, `؟`.
//!
//! Either way, a sentence never ends inside a span (lines are joined instead),
//! and a token that a span boundary cuts is split there, with a warning: spans
//! are never moved.

use crate::core::sort;
use unicode_segmentation::UnicodeSegmentation;

use crate::core::i18n::{Key, Msg};
use crate::core::model::Span;
use crate::core::text::Text;

/// A token: a code point range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// Sentences of tokens, and warnings about spans that cut tokens.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tokenized {
    /// Sentences in text order; none is empty.
    pub sentences: Vec<Vec<Token>>,
    /// One message per span that starts or ends inside a token.
    pub warnings: Vec<Msg>,
}

/// Punctuation that, standing alone between spaces, marks a pre-tokenized
/// text.
const STANDALONE_PUNCTUATION: &[char] = &['.', ',', '،', ';', '؛', ':', '!', '?', '؟'];
/// Marks that end a sentence.
const SENTENCE_END: &[char] = &['.', '!', '?', '؟', '۔', '…'];

/// Whether `c` is a format character (`Cf`: direction marks, ZWJ/ZWNJ, the
/// BOM, Arabic number signs…).
fn is_format(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{0600}'..='\u{0605}' | '\u{061C}' | '\u{06DD}' | '\u{070F}' | '\u{0890}'..='\u{0891}'
        | '\u{08E2}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{206F}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}' | '\u{110BD}' | '\u{110CD}'
        | '\u{13430}'..='\u{1343F}' | '\u{1BCA0}'..='\u{1BCA3}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0001}'
        | '\u{E0020}'..='\u{E007F}')
}

/// Whether `c` is invisible on its own: a format character, or a mark that
/// extends the character before it (combining marks such as tashkeel).
pub fn is_mark(c: char) -> bool {
    // Fast paths (most characters of most texts): no ASCII character and no
    // Arabic letter is a format character or extends the one before it.
    if c.is_ascii() || matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') {
        return false;
    }
    if is_format(c) {
        return true;
    }
    let mut pair = [0u8; 5];
    pair[0] = b'a';
    let len = 1 + c.encode_utf8(&mut pair[1..]).len();
    std::str::from_utf8(&pair[..len]).is_ok_and(|pair| pair.graphemes(true).count() == 1)
}

/// `s` without its format and combining marks.
fn visible(s: &str) -> String {
    s.chars().filter(|c| !is_mark(*c)).collect()
}

/// Whether `text` looks like the output of a CoNLL import: non-empty lines of
/// tokens separated by exactly one space, at least one punctuation mark
/// standing alone (or none at all), and no line ending in a word with a full
/// stop attached (as prose does).
pub fn is_pretokenized(text: &str) -> bool {
    if text.is_empty() {
        return false;
    }
    let mut standalone = false;
    let mut any_punctuation = false;
    for line in text.split('\n') {
        if line.is_empty()
            || line.starts_with(' ')
            || line.ends_with(' ')
            || line.contains("  ")
            || line.chars().any(|c| c != ' ' && c.is_ascii_whitespace())
        {
            return false;
        }
        let mut last = "";
        for chunk in line.split(' ') {
            // The chunk's visible characters (marks left out), counted up
            // to two: one alone may be a punctuation mark standing alone.
            let mut shown = chunk.chars().filter(|c| !is_mark(*c));
            let (first, second) = (shown.next(), shown.next());
            let punctuation = |c: char| STANDALONE_PUNCTUATION.contains(&c);
            any_punctuation |= first.is_some_and(punctuation)
                || second.is_some_and(punctuation)
                || shown.any(punctuation);
            standalone |= second.is_none() && first.is_some_and(punctuation);
            last = chunk;
        }
        let last = visible(last);
        if last.chars().count() > 1
            && last.ends_with(SENTENCE_END)
            && !last.chars().all(|c| SENTENCE_END.contains(&c))
        {
            return false;
        }
    }
    standalone || !any_punctuation
}

/// Tokenizes a document's text for export, keeping `spans` intact.
pub fn tokenize(text: &Text, spans: &[Span]) -> Tokenized {
    let pretokenized = is_pretokenized(text.as_str());
    let mut sentences: Vec<Vec<Token>> = Vec::new();
    for line in text.lines() {
        let content = text.slice(line.start, line.end).unwrap_or_default();
        let mut current = Vec::new();
        let mut cp = line.start;
        if pretokenized {
            for chunk in content.trim_end_matches('\n').split(' ') {
                let len = chunk.chars().count();
                current.push(Token {
                    start: cp,
                    end: cp + len,
                });
                cp += len + 1;
            }
            sentences.push(current);
            continue;
        }
        let mut words = Vec::new();
        let mut byte = 0;
        for segment in content.split_word_bounds() {
            cp += pieces(segment, (cp, byte), &mut words);
            byte += segment.len();
        }
        for word in attach_marks(content, words) {
            current.push(word.token);
            if ends_sentence(content.get(word.bytes).unwrap_or_default()) {
                sentences.push(std::mem::take(&mut current));
            }
        }
        sentences.push(current);
    }
    sentences.retain(|s| !s.is_empty());
    let sentences = join_across_spans(sentences, spans);
    split_at_span_edges(text, sentences, spans)
}

/// A token of a line, and where its text is in the line (bytes).
struct Word {
    token: Token,
    bytes: std::ops::Range<usize>,
}

/// Whether a token ends a sentence: it shows something, and only
/// sentence-ending marks (`visible(word)` is made of [`SENTENCE_END`]).
fn ends_sentence(word: &str) -> bool {
    let mut shown = false;
    word.chars().all(|c| {
        if SENTENCE_END.contains(&c) {
            shown = true;
            true
        } else {
            is_mark(c)
        }
    }) && shown
}

/// Joins each token made only of marks to the token right after it, else
/// to the one right before it; only when it touches neither (whitespace on
/// both sides) does it stay a token, so that no text is lost. `line` is the
/// text the tokens' bytes are in.
fn attach_marks(line: &str, tokens: Vec<Word>) -> Vec<Word> {
    let marks_only = |w: &Word| {
        line.get(w.bytes.clone())
            .is_some_and(|w| w.chars().all(is_mark))
    };
    let mut out: Vec<Word> = Vec::with_capacity(tokens.len());
    let mut carried: Option<(usize, usize)> = None;
    for (i, word) in tokens.iter().enumerate() {
        let token = word.token;
        if marks_only(word) {
            if tokens
                .get(i + 1)
                .is_some_and(|n| n.token.start == token.end)
            {
                carried = carried.or(Some((token.start, word.bytes.start)));
                continue;
            }
            if let Some(previous) = out.last_mut().filter(|p| p.token.end == token.start) {
                previous.token.end = token.end;
                previous.bytes.end = word.bytes.end;
                carried = None;
                continue;
            }
            // Whitespace on both sides: a token of its own rather than lost.
        }
        let (start, from) = carried.take().unwrap_or((token.start, word.bytes.start));
        out.push(Word {
            token: Token {
                start,
                end: token.end,
            },
            bytes: from..word.bytes.end,
        });
    }
    out
}

/// Adds the whitespace-free pieces of a word-boundary segment to `words`
/// (a space followed by a direction mark is one segment), given where the
/// segment starts in the line (code points, bytes); returns its length in
/// code points.
fn pieces(segment: &str, (cp, byte): (usize, usize), words: &mut Vec<Word>) -> usize {
    let mut start: Option<(usize, usize)> = None;
    let mut count = 0;
    let mut push = |(s, at): (usize, usize), end: usize, to: usize| {
        words.push(Word {
            token: Token {
                start: cp + s,
                end: cp + end,
            },
            bytes: byte + at..byte + to,
        });
    };
    for (at, ch) in segment.char_indices() {
        if ch.is_whitespace() {
            if let Some(first) = start.take() {
                push(first, count, at);
            }
        } else if start.is_none() {
            start = Some((count, at));
        }
        count += 1;
    }
    if let Some(first) = start {
        push(first, count, segment.len());
    }
    count
}

/// Joins sentences where a span runs from one into the next.
fn join_across_spans(sentences: Vec<Vec<Token>>, spans: &[Span]) -> Vec<Vec<Token>> {
    let mut out: Vec<Vec<Token>> = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let crosses = match (out.last().and_then(|s| s.last()), sentence.first()) {
            (Some(prev), Some(next)) => spans
                .iter()
                .any(|s| s.start < prev.end && s.end > next.start),
            _ => false,
        };
        match out.last_mut() {
            Some(last) if crosses => last.extend(sentence),
            _ => out.push(sentence),
        }
    }
    out
}

/// Splits tokens that a span starts or ends inside, and says so.
fn split_at_span_edges(text: &Text, sentences: Vec<Vec<Token>>, spans: &[Span]) -> Tokenized {
    let mut cuts: Vec<usize> = spans.iter().flat_map(|s| [s.start, s.end]).collect();
    sort::sort(&mut cuts);
    cuts.dedup();
    let mut warnings = Vec::new();
    let mut out = Vec::with_capacity(sentences.len());
    for sentence in sentences {
        let mut tokens = Vec::with_capacity(sentence.len());
        for token in sentence {
            let first = cuts.partition_point(|&c| c <= token.start);
            let inner: Vec<usize> = cuts[first..]
                .iter()
                .copied()
                .take_while(|&c| c < token.end)
                .collect();
            if inner.is_empty() {
                tokens.push(token);
                continue;
            }
            let word = text.slice(token.start, token.end).unwrap_or_default();
            for span in spans
                .iter()
                .filter(|s| inner.contains(&s.start) || inner.contains(&s.end))
            {
                let quoted = text.slice(span.start, span.end).unwrap_or_default();
                warnings.push(
                    Msg::new(Key::TokenCut)
                        .quoted("text", quoted)
                        .arg("label", span.label.as_str())
                        .quoted("word", word),
                );
            }
            let mut start = token.start;
            for cut in inner.into_iter().chain(std::iter::once(token.end)) {
                tokens.push(Token { start, end: cut });
                start = cut;
            }
        }
        out.push(tokens);
    }
    Tokenized {
        sentences: out,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::SpanId;

    fn words(text: &str, spans: &[Span]) -> (Vec<Vec<String>>, Vec<String>) {
        let text = Text::new(text);
        let tokenized = tokenize(&text, spans);
        let sentences = tokenized
            .sentences
            .iter()
            .map(|s| {
                s.iter()
                    .map(|t| text.slice(t.start, t.end).unwrap_or_default().to_owned())
                    .collect()
            })
            .collect();
        let warnings = tokenized.warnings.iter().map(ToString::to_string).collect();
        (sentences, warnings)
    }

    fn span(start: usize, end: usize) -> Span {
        Span {
            id: SpanId(1),
            start,
            end,
            label: "LOC".into(),
            note: None,
            entity_id: None,
            annotators: Vec::new(),
            accepted: false,
        }
    }

    #[test]
    fn splits_arabic_and_latin_on_word_boundaries() {
        let (s, w) = words("قال محمّدٌ: «مرحبًا» (Wasim) costs 3.5$ 👩‍👩‍👧!\nسطر ثانٍ؟", &[]);
        assert_eq!(
            s,
            vec![
                vec![
                    "قال",
                    "محمّدٌ",
                    ":",
                    "«",
                    "مرحبًا",
                    "»",
                    "(",
                    "Wasim",
                    ")",
                    "costs",
                    "3.5",
                    "$",
                    "👩‍👩‍👧",
                    "!"
                ],
                vec!["سطر", "ثانٍ", "؟"],
            ]
        );
        assert!(w.is_empty());
    }

    #[test]
    fn pretokenized_text_splits_on_single_spaces_only() {
        let text = "مسجد ابن طولون \u{200F} دُمِّر ؛ الأمر؛ .\nPeter Blackburn";
        assert!(is_pretokenized(text));
        let (s, _) = words(text, &[]);
        assert_eq!(
            s[0],
            ["مسجد", "ابن", "طولون", "\u{200F}", "دُمِّر", "؛", "الأمر؛", "."]
        );
        assert!(!is_pretokenized("Hello, world."));
        assert!(!is_pretokenized("a  b"));
        assert!(!is_pretokenized("a\n\nb"));
        assert!(!is_pretokenized("It works , he said in Paris."));
    }

    #[test]
    fn marks_never_stand_alone() {
        let text = "\u{200E}فرانكفورت \u{200E}؟\n\u{200F}علي \u{200E}Paris";
        assert!(is_pretokenized(text), "the marked ؟ stands alone");
        let (s, _) = words(text, &[]);
        assert_eq!(s[0], ["\u{200E}فرانكفورت", "\u{200E}؟"]);
        // Prose: marks join the word they touch; alone between spaces, they
        // stay (dropping them would lose text).
        let prose = "قال  \u{200F}علي\u{200F} \u{064E} مرحبا \u{200D} . \u{200E}\u{200F}";
        assert!(!is_pretokenized(prose));
        let (s, _) = words(prose, &[]);
        assert_eq!(
            s,
            vec![
                vec![
                    "قال",
                    "\u{200F}علي\u{200F}",
                    "\u{064E}",
                    "مرحبا",
                    "\u{200D}",
                    "."
                ],
                vec!["\u{200E}\u{200F}"]
            ]
        );
        let (s, _) = words("Wasim says, \u{200E}hello\u{200E}. Bye", &[]);
        assert_eq!(
            s,
            vec![
                vec!["Wasim", "says", ",", "\u{200E}hello\u{200E}", "."],
                vec!["Bye"]
            ]
        );
        assert!(is_mark('\u{064E}') && is_mark('\u{061C}') && is_mark('\u{200C}'));
        assert!(!is_mark('ع') && !is_mark(' ') && !is_mark('؟'));
    }

    #[test]
    fn spans_are_never_moved() {
        // "بالقاهرة": the span covers only القاهرة, without the prefix ب.
        let (s, w) = words("زار بالقاهرة", &[span(5, 12)]);
        assert_eq!(s, vec![vec!["زار", "ب", "القاهرة"]]);
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("cuts the token"));
        // A span across a line break keeps the lines in one sentence.
        let (s, _) = words("New\nYork. Next", &[span(0, 8)]);
        assert_eq!(s, vec![vec!["New", "York", "."], vec!["Next"]]);
    }
}
