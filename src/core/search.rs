//! Arabic-aware find: tashkeel, hamza forms and proclitics need not match
//! exactly.
//!
//! [`find_all`] folds the document and the query the same way (see
//! [`SearchOptions`] and [`normalize`]), searches the folded text, and maps
//! each match back to code point offsets in the **original** text through a
//! per-character map. Matches are widened to whole grapheme clusters, so a
//! match's end takes in the tashkeel of its last letter.
//!
//! Matches are [`CharRange`]s of the original text.

use crate::core::sort;
use regex_lite::{Regex, RegexBuilder};

use super::i18n::{Key, Msg};
use super::model::DocId;
use super::text::{CharRange, Text};
use super::words::{self, TATWEEL};

/// How [`find_all`] compares the query with the text. Serialized with
/// defaults for missing fields, so a stored search stays readable when a
/// switch is added.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SearchOptions {
    /// Ignore tashkeel (U+064B–U+065F, U+0670, U+06D6–U+06ED, and the Quranic
    /// signs U+0610–U+061A) and tatweel (U+0640).
    pub ignore_diacritics: bool,
    /// Treat أ إ آ ٱ ا as one letter, ى and ي as one, and ة and ه as one.
    pub normalize_letters: bool,
    /// Only match whole words: a match that starts (ends) with a letter or
    /// digit must not have one just before (after) it.
    pub whole_word: bool,
    /// With `whole_word`: a match may be preceded, inside its word, by the
    /// proclitics و ف ب ك ل (`[وف]?[بكل]?`), so العراق finds بالعراق and
    /// والعراق. The returned range leaves the proclitics out. In plain (not
    /// regex) mode a query starting with the article ال also finds the form
    /// whose alif is elided after ل: العراق finds the لعراق of للعراق.
    pub allow_proclitics: bool,
    /// Read the query as a regular expression (`regex-lite` syntax). Letters
    /// and tashkeel in the pattern are folded like the text; the syntax is
    /// kept. `\w`, `\d`, `\s` and `\b` are ASCII-only in this syntax.
    pub regex: bool,
    /// Fold case (full Unicode lowercasing of text and query).
    pub case_insensitive: bool,
}

impl Default for SearchOptions {
    /// Arabic-friendly defaults: everything folded, whole words with
    /// proclitics, plain text (not regex).
    fn default() -> Self {
        SearchOptions {
            ignore_diacritics: true,
            normalize_letters: true,
            whole_word: true,
            allow_proclitics: true,
            regex: false,
            case_insensitive: true,
        }
    }
}

/// Why a search could not run.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SearchError {
    /// The query is not a valid regular expression; the message says why.
    InvalidRegex(String),
}

impl SearchError {
    /// Why, as a message for the user: the regular expression engine's
    /// reasons that a user meets most are worded in the interface's
    /// language; any other is kept as the engine words it (in English).
    pub fn msg(&self) -> Msg {
        match self {
            SearchError::InvalidRegex(message) => {
                let detail = match regex_reason(message) {
                    Some(key) => Msg::new(key),
                    None => Msg::from(message.as_str()),
                };
                Msg::new(Key::InvalidRegex).msg("detail", detail)
            }
        }
    }
}

/// The catalogue's wording of a `regex-lite` error, found by the engine's
/// own words for it.
fn regex_reason(message: &str) -> Option<Key> {
    // First match wins: "counted repetition operator must be applied" is
    // a repetition of nothing, before the other counted repetitions.
    const REASONS: [(&str, Key); 23] = [
        ("open group without closing", Key::RegexUnclosedGroup),
        ("closing ')' without matching", Key::RegexUnopenedGroup),
        ("unclosed character class", Key::RegexUnclosedClass),
        ("no closing bracket", Key::RegexUnclosedClass),
        (
            "ranges must start and end with a single character",
            Key::RegexClassRangeEnds,
        ),
        ("invalid range in character class", Key::RegexClassRange),
        ("unrecognized escape sequence", Key::RegexEscape),
        (
            "repetition operator must be applied",
            Key::RegexNothingToRepeat,
        ),
        ("look-around is not supported", Key::RegexLookAround),
        ("backreferences are not supported", Key::RegexBackreference),
        ("Unicode character classes", Key::RegexUnicodeClass),
        ("min bigger than its max", Key::RegexRepetitionRange),
        ("counted repetition", Key::RegexRepetitionUnclosed),
        ("hexadecimal", Key::RegexHex),
        ("decimal number", Key::RegexRepetitionUnclosed),
        ("character class intersection", Key::RegexClassSet),
        ("character class difference", Key::RegexClassSet),
        ("nested character classes", Key::RegexClassSet),
        ("inline flag", Key::RegexFlag),
        ("group name", Key::RegexGroupName),
        (
            "end of pattern before it finished",
            Key::RegexTrailingBackslash,
        ),
        ("too much nesting", Key::RegexNesting),
        ("exceeded size limit", Key::RegexTooBig),
    ];
    REASONS
        .iter()
        .find(|(words, _)| message.contains(words))
        .map(|(_, key)| *key)
}

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.msg().fmt(f)
    }
}

impl std::error::Error for SearchError {}

/// Whether `ch` is dropped when diacritics are ignored.
fn is_diacritic(ch: char) -> bool {
    words::is_tashkeel(ch) || ch == TATWEEL
}

/// Whether `ch` belongs to a word in folded text: a letter or digit, or a
/// diacritic that was kept.
fn is_word_part(ch: char) -> bool {
    words::is_word_char(ch) || is_diacritic(ch)
}

/// Folds one character, handing the result (zero or more characters) to
/// `emit`. `lowercase` says which characters to lowercase.
fn fold_char(
    ch: char,
    options: &SearchOptions,
    lowercase: fn(char) -> bool,
    emit: &mut impl FnMut(char),
) {
    if options.ignore_diacritics && is_diacritic(ch) {
        return;
    }
    let ch = if options.normalize_letters {
        match ch {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            other => other,
        }
    } else {
        ch
    };
    if options.case_insensitive && lowercase(ch) {
        ch.to_lowercase().for_each(emit);
    } else {
        emit(ch);
    }
}

/// Folds `s` as [`find_all`] folds both the text and a plain query:
/// diacritics dropped, letters unified and case lowered as `options` say.
pub fn normalize(s: &str, options: &SearchOptions) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        fold_char(ch, options, |_| true, &mut |folded| out.push(folded));
    }
    out
}

/// Folds a regex pattern: like [`normalize`], but ASCII keeps its case (so
/// escapes such as `\W` or `\S` keep their meaning; ASCII case is folded by
/// the regex engine instead).
fn normalize_pattern(pattern: &str, options: &SearchOptions) -> String {
    let mut out = String::with_capacity(pattern.len());
    for ch in pattern.chars() {
        fold_char(ch, options, |ch| !ch.is_ascii(), &mut |folded| {
            out.push(folded)
        });
    }
    out
}

/// The folded text with, for each folded character, its byte offset in the
/// folded string and the code point offset of the original character it
/// comes from.
struct Folded {
    string: String,
    /// Byte offset of each folded character, plus `string.len()` at the end.
    byte_pos: Vec<usize>,
    /// Original code point of each folded character.
    origin: Vec<usize>,
}

impl Folded {
    fn new(text: &str, options: &SearchOptions) -> Self {
        let mut folded = Folded {
            string: String::with_capacity(text.len()),
            byte_pos: Vec::with_capacity(text.len() / 2 + 1),
            origin: Vec::with_capacity(text.len() / 2),
        };
        for (cp, ch) in text.chars().enumerate() {
            fold_char(ch, options, |_| true, &mut |out| {
                folded.byte_pos.push(folded.string.len());
                folded.origin.push(cp);
                folded.string.push(out);
            });
        }
        folded.byte_pos.push(folded.string.len());
        folded
    }

    /// The original code point range of the folded byte range `[start, end)`.
    fn original_range(&self, start: usize, end: usize) -> Option<CharRange> {
        let first = self.byte_pos.binary_search(&start).ok()?;
        let past = self.byte_pos.binary_search(&end).ok()?;
        let last = past.checked_sub(1).filter(|&last| last >= first)?;
        CharRange::new(*self.origin.get(first)?, self.origin.get(last)? + 1)
    }
}

/// What the word check needs on the left of a match.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Left {
    /// A word boundary, or proclitics if the options allow them.
    Boundary,
    /// Proclitics ending with ل (for the elided-alif article form).
    ProcliticLam,
}

/// The longest run of word characters a proclitic prefix may span (two
/// letters, each with tashkeel and tatweel when those are kept).
const MAX_PREFIX: usize = 8;

/// Whether the folded text before byte `start` (back to the word start) is a
/// proclitic sequence; with `lam`, one ending with ل.
fn proclitics_before(hay: &str, start: usize, lam: bool) -> bool {
    let head = hay.get(..start).unwrap_or("");
    let mut prefix: Vec<char> = Vec::new();
    for ch in head.chars().rev() {
        if !is_word_part(ch) {
            break;
        }
        if prefix.len() == MAX_PREFIX {
            return false;
        }
        prefix.push(ch);
    }
    prefix.reverse();
    let last_letter = prefix.iter().rev().find(|&&ch| !is_diacritic(ch));
    words::is_proclitic_sequence(prefix.iter().copied()) && (!lam || last_letter == Some(&'ل'))
}

/// Whether the folded match `[start, end)` satisfies the word options.
fn word_ok(hay: &str, start: usize, end: usize, options: &SearchOptions, left: Left) -> bool {
    if left == Left::ProcliticLam {
        // Only ever searched with whole words and proclitics on.
        return proclitics_before(hay, start, true) && right_ok(hay, end);
    }
    if !options.whole_word {
        return true;
    }
    let body = hay.get(start..end).unwrap_or("");
    let left_ok = match (
        body.chars().next(),
        hay.get(..start).and_then(|h| h.chars().next_back()),
    ) {
        (Some(first), Some(before)) if is_word_part(first) && is_word_part(before) => {
            options.allow_proclitics && proclitics_before(hay, start, false)
        }
        _ => true,
    };
    let last_is_word = body.chars().next_back().is_some_and(is_word_part);
    left_ok && (!last_is_word || right_ok(hay, end))
}

/// Whether no word character follows byte `end`.
fn right_ok(hay: &str, end: usize) -> bool {
    !hay.get(end..)
        .and_then(|tail| tail.chars().next())
        .is_some_and(is_word_part)
}

/// The byte length of the character starting at `pos`, at least 1.
fn char_width(hay: &str, pos: usize) -> usize {
    hay.get(pos..)
        .and_then(|tail| tail.chars().next())
        .map_or(1, char::len_utf8)
}

/// All accepted matches of a plain `needle`, leftmost first, without overlap.
fn literal_matches(
    hay: &str,
    needle: &str,
    options: &SearchOptions,
    left: Left,
) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut pos = 0;
    while let Some(offset) = hay.get(pos..).and_then(|tail| tail.find(needle)) {
        let start = pos + offset;
        let end = start + needle.len();
        if word_ok(hay, start, end, options, left) {
            found.push((start, end));
            pos = end;
        } else {
            pos = start + char_width(hay, start);
        }
    }
    found
}

/// All accepted, non-empty matches of `regex`, leftmost first.
fn regex_matches(hay: &str, regex: &Regex, options: &SearchOptions) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut pos = 0;
    while pos <= hay.len() {
        let Some(m) = regex.find_at(hay, pos) else {
            break;
        };
        if !m.is_empty() && word_ok(hay, m.start(), m.end(), options, Left::Boundary) {
            found.push((m.start(), m.end()));
            pos = m.end();
        } else {
            pos = m.start() + char_width(hay, m.start());
        }
    }
    found
}

/// Finds every occurrence of `query` in `text`, as ranges of the original
/// text in document order, never overlapping.
///
/// The text and the query are folded as `options` say; each match is mapped
/// back to the original characters and widened to whole grapheme clusters
/// (so it ends after the tashkeel of its last letter). With `whole_word` and
/// `allow_proclitics`, proclitics before a match are left out of its range:
/// العراق in "زار بالعراق" gives the range of العراق. An empty query (or one
/// made only of ignored diacritics) finds nothing. Regex matches that are
/// empty are skipped.
///
/// # Errors
/// [`SearchError::InvalidRegex`] when `options.regex` is set and the query
/// is not a valid `regex-lite` pattern.
pub fn find_all(
    text: &Text,
    query: &str,
    options: &SearchOptions,
) -> Result<Vec<CharRange>, SearchError> {
    let mut search = TextSearch::new(text, query, options)?;
    while !search.step(usize::MAX) {}
    Ok(search.finish())
}

/// What a query looks for, folded.
enum Pattern {
    /// A plain query, and the form of an article query whose alif is elided
    /// after ل (searched with whole words and proclitics only).
    Literal {
        needle: String,
        elided: Option<String>,
    },
    /// A regular expression.
    Regex(Regex),
}

/// Where a text may be cut into pieces searched apart: before a character
/// no match can contain, so that every piece sees, at its ends, what the
/// whole text shows there (a word boundary).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cut {
    /// Before any whitespace: a plain query without whitespace.
    Whitespace,
    /// Before a line break: a plain query of several words.
    LineBreak,
    /// Nowhere: a regular expression may match anything.
    Never,
}

/// A search of one text done a piece at a time (see [`find_all`], which is
/// the whole text in one step): a big document is searched a few
/// milliseconds at a time while the page answers. The pieces are cut where
/// no match can cross ([`Cut`]), so they find what the whole text finds.
pub struct TextSearch<'a> {
    text: &'a Text,
    /// `None`: the query finds nothing (empty, or only ignored diacritics).
    pattern: Option<Pattern>,
    options: SearchOptions,
    cut: Cut,
    /// The next byte to search, and its code point.
    byte: usize,
    cp: usize,
    ranges: Vec<CharRange>,
}

impl<'a> TextSearch<'a> {
    /// A search of `text` for `query`, nothing searched yet.
    ///
    /// # Errors
    /// [`SearchError::InvalidRegex`] when `options.regex` is set and the
    /// query is not a valid `regex-lite` pattern.
    pub fn new(text: &'a Text, query: &str, options: &SearchOptions) -> Result<Self, SearchError> {
        let (pattern, cut) = Self::pattern(query, options)?;
        Ok(TextSearch {
            text,
            pattern,
            options: *options,
            cut,
            byte: 0,
            cp: 0,
            ranges: Vec::new(),
        })
    }

    fn pattern(
        query: &str,
        options: &SearchOptions,
    ) -> Result<(Option<Pattern>, Cut), SearchError> {
        if query.is_empty() {
            return Ok((None, Cut::Never));
        }
        if options.regex {
            let pattern = normalize_pattern(query, options);
            if pattern.is_empty() {
                return Ok((None, Cut::Never));
            }
            let regex = RegexBuilder::new(&pattern)
                .case_insensitive(options.case_insensitive)
                .build()
                .map_err(|error| SearchError::InvalidRegex(error.to_string()))?;
            return Ok((Some(Pattern::Regex(regex)), Cut::Never));
        }
        let needle = normalize(query, options);
        let cut = if !needle.chars().any(char::is_whitespace) {
            Cut::Whitespace
        } else if !needle.contains('\n') {
            Cut::LineBreak
        } else {
            Cut::Never
        };
        // العراق also finds the لعراق of للعراق / وللعراق.
        let elided = (options.whole_word && options.allow_proclitics)
            .then(|| needle.strip_prefix("ال").filter(|rest| !rest.is_empty()))
            .flatten()
            .map(|rest| format!("ل{rest}"));
        let pattern = (!needle.is_empty()).then_some(Pattern::Literal { needle, elided });
        Ok((pattern, cut))
    }

    /// Whether the whole text is searched.
    pub fn done(&self) -> bool {
        self.pattern.is_none() || self.byte >= self.text.as_str().len()
    }

    /// How many bytes of the text are searched.
    pub fn searched(&self) -> usize {
        if self.pattern.is_none() {
            self.text.as_str().len()
        } else {
            self.byte
        }
    }

    /// Searches the next piece: about `budget` bytes, to the next place it
    /// may be cut (the rest of the text when there is none). Whether the
    /// whole text is searched.
    pub fn step(&mut self, budget: usize) -> bool {
        if self.done() {
            return true;
        }
        let all = self.text.as_str();
        let end = self.piece_end(budget);
        let piece = all.get(self.byte..end).unwrap_or("");
        let folded = Folded::new(piece, &self.options);
        let found = match &self.pattern {
            Some(Pattern::Literal { needle, elided }) => {
                let mut found =
                    literal_matches(&folded.string, needle, &self.options, Left::Boundary);
                if let Some(elided) = elided {
                    found.extend(literal_matches(
                        &folded.string,
                        elided,
                        &self.options,
                        Left::ProcliticLam,
                    ));
                    sort::sort(&mut found);
                }
                found
            }
            Some(Pattern::Regex(regex)) => regex_matches(&folded.string, regex, &self.options),
            None => Vec::new(),
        };
        for (start, end) in found {
            let Some(range) = folded.original_range(start, end) else {
                continue;
            };
            let range = CharRange::ordered(range.start() + self.cp, range.end() + self.cp);
            let range = self.text.grapheme_hull(range);
            if self
                .ranges
                .last()
                .is_some_and(|previous| range.start() < previous.end())
            {
                continue;
            }
            self.ranges.push(range);
        }
        self.cp += piece.chars().count();
        self.byte = end;
        self.done()
    }

    /// The byte where the piece starting at `self.byte` ends: the first
    /// place it may be cut at least `budget` bytes on, or the text's end.
    fn piece_end(&self, budget: usize) -> usize {
        let all = self.text.as_str();
        let mut at = self.byte.saturating_add(budget.max(1));
        if self.cut == Cut::Never || at >= all.len() {
            return all.len();
        }
        while !all.is_char_boundary(at) {
            at += 1;
        }
        let cut = |c: char| match self.cut {
            Cut::Whitespace => c.is_whitespace(),
            Cut::LineBreak => c == '\n',
            Cut::Never => false,
        };
        all.get(at..)
            .and_then(|rest| rest.find(cut))
            .map_or(all.len(), |offset| at + offset)
    }

    /// The matches, in document order, never overlapping (of the part
    /// searched so far).
    pub fn finish(self) -> Vec<CharRange> {
        self.ranges
    }
}

/// The index after (or before) `current` among `count` matches, wrapping.
pub fn step_match(current: Option<usize>, count: usize, forward: bool) -> Option<usize> {
    if count == 0 {
        return None;
    }
    Some(match (current, forward) {
        (None, true) => 0,
        (None, false) => count - 1,
        (Some(i), true) => (i + 1) % count,
        (Some(i), false) => (i + count - 1) % count,
    })
}

/// Folds `s` for a quick filter (the entities panel): [`normalize`] with the
/// default [`SearchOptions`], so tashkeel and tatweel are ignored, أ إ آ ٱ ا
/// are one letter, ى/ي and ة/ه too, and case is folded, exactly as the search
/// bar does by default.
pub fn filter_fold(s: &str) -> String {
    normalize(s, &SearchOptions::default())
}

/// Whether `haystack` contains `folded_needle` (already [`filter_fold`]ed)
/// once folded the same way. An empty needle matches everything.
pub fn filter_matches(haystack: &str, folded_needle: &str) -> bool {
    folded_needle.is_empty() || filter_fold(haystack).contains(folded_needle)
}

/// The matches of several documents as one list, in document order: the
/// rows of the search results, whose `i`-th row is found without walking
/// the documents before it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MatchList {
    /// Documents with at least one match, and their matches.
    groups: Vec<(DocId, Vec<CharRange>)>,
    /// The row of each group's first match.
    starts: Vec<usize>,
    len: usize,
}

impl MatchList {
    /// The list of `matches` (documents without a match are left out).
    pub fn new(matches: impl IntoIterator<Item = (DocId, Vec<CharRange>)>) -> MatchList {
        let mut list = MatchList::default();
        for (doc, ranges) in matches {
            if ranges.is_empty() {
                continue;
            }
            list.starts.push(list.len);
            list.len += ranges.len();
            list.groups.push((doc, ranges));
        }
        list
    }

    /// How many matches there are.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether there is no match.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The `row`-th match and its document.
    pub fn get(&self, row: usize) -> Option<(DocId, CharRange)> {
        let group = self
            .starts
            .partition_point(|&start| start <= row)
            .checked_sub(1)?;
        let (doc, ranges) = self.groups.get(group)?;
        let range = ranges.get(row - self.starts[group])?;
        Some((*doc, *range))
    }

    /// Whether the `row`-th match starts a new document in the list.
    pub fn starts_document(&self, row: usize) -> bool {
        self.starts.binary_search(&row).is_ok()
    }

    /// The row to go to first from a place in the text (a document's
    /// position in the workspace, and a code point in it), as a browser's
    /// find does: the first match starting at or after it going forward,
    /// the last one starting before it going back, around the end.
    /// `position` gives a listed document's position; the list is in
    /// workspace order, then text order.
    pub fn nearest(
        &self,
        (doc, at): (usize, usize),
        position: impl Fn(DocId) -> usize,
        forward: bool,
    ) -> Option<usize> {
        if self.len == 0 {
            return None;
        }
        let group = self.groups.partition_point(|(d, _)| position(*d) < doc);
        let before = match self.groups.get(group) {
            Some((d, ranges)) if position(*d) == doc => {
                self.starts[group] + ranges.partition_point(|r| r.start() < at)
            }
            _ => self.starts.get(group).copied().unwrap_or(self.len),
        };
        Some(match forward {
            true if before < self.len => before,
            true => 0,
            false => before.checked_sub(1).unwrap_or(self.len - 1),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::i18n::Lang;

    #[test]
    fn a_match_list_finds_any_row_and_its_document() {
        let r = |s: usize| CharRange::ordered(s, s + 2);
        let list = MatchList::new([
            (DocId(1), vec![r(0), r(5)]),
            (DocId(2), vec![]),
            (DocId(3), vec![r(7)]),
            (DocId(4), vec![r(1), r(3), r(9)]),
        ]);
        assert_eq!(list.len(), 6);
        let rows: Vec<_> = (0..7).map(|i| list.get(i)).collect();
        assert_eq!(
            rows,
            [
                Some((DocId(1), r(0))),
                Some((DocId(1), r(5))),
                Some((DocId(3), r(7))),
                Some((DocId(4), r(1))),
                Some((DocId(4), r(3))),
                Some((DocId(4), r(9))),
                None
            ]
        );
        let starts: Vec<bool> = (0..6).map(|i| list.starts_document(i)).collect();
        // From a place: the position of document n is n.
        let position = |d: DocId| d.0 as usize;
        let from = |doc, at, forward| list.nearest((doc, at), position, forward);
        assert_eq!(
            from(1, 0, true),
            Some(0),
            "a match at the place is the first"
        );
        assert_eq!(from(1, 1, true), Some(1));
        assert_eq!(from(1, 1, false), Some(0));
        assert_eq!(from(1, 6, true), Some(2), "on into the next document");
        assert_eq!(
            from(2, 50, true),
            Some(2),
            "from a document without a match"
        );
        assert_eq!(from(2, 50, false), Some(1));
        assert_eq!(from(4, 4, true), Some(5));
        assert_eq!(from(4, 10, true), Some(0), "around the end");
        assert_eq!(from(1, 0, false), Some(5), "around the start");
        assert_eq!(from(9, 0, true), Some(0));
        assert_eq!(MatchList::default().nearest((0, 0), position, true), None);
        assert_eq!(starts, [true, false, true, true, false, false]);
        assert!(MatchList::new([(DocId(1), vec![])]).is_empty());
        assert_eq!(MatchList::default().get(0), None);
    }

    // The tests below compare plain `(start, end)` pairs.
    fn find_all(
        text: &Text,
        query: &str,
        options: &SearchOptions,
    ) -> Result<Vec<(usize, usize)>, SearchError> {
        super::find_all(text, query, options)
            .map(|v| v.into_iter().map(CharRange::bounds).collect())
    }

    fn find(text: &str, query: &str, options: &SearchOptions) -> Vec<String> {
        let text = Text::new(text);
        find_all(&text, query, options)
            .expect("valid query")
            .into_iter()
            .map(|(s, e)| text.slice(s, e).expect("in range").to_owned())
            .collect()
    }

    fn default_find(text: &str, query: &str) -> Vec<String> {
        find(text, query, &SearchOptions::default())
    }

    #[test]
    fn defaults_are_arabic_friendly() {
        let options = SearchOptions::default();
        assert!(options.ignore_diacritics && options.normalize_letters && options.whole_word);
        assert!(options.allow_proclitics && options.case_insensitive && !options.regex);
    }

    #[test]
    fn ignores_tashkeel_and_tatweel() {
        assert_eq!(
            default_find("قال محمّد ثم مـحـمـد ومُحَمَّدٌ.", "محمد"),
            ["محمّد", "مـحـمـد", "مُحَمَّدٌ"]
        );
        // Diacritics in the query are ignored too.
        assert_eq!(default_find("قال محمد", "مُحَمَّد"), ["محمد"]);
        let strict = SearchOptions {
            ignore_diacritics: false,
            ..SearchOptions::default()
        };
        assert_eq!(find("محمّد محمد", "محمد", &strict), ["محمد"]);
        assert_eq!(find("محمّد محمد", "محمّد", &strict), ["محمّد"]);
    }

    #[test]
    fn match_end_takes_the_last_letters_tashkeel() {
        let text = Text::new("كتابٌ جديد");
        let found = find_all(&text, "كتاب", &SearchOptions::default()).expect("ok");
        assert_eq!(found, [(0, 5)]);
        // Even without whole words and with diacritics kept, clusters stay whole.
        let options = SearchOptions {
            ignore_diacritics: false,
            whole_word: false,
            ..SearchOptions::default()
        };
        let found = find_all(&text, "كتاب", &options).expect("ok");
        assert_eq!(found, [(0, 5)]);
        for &(s, e) in &found {
            assert!(text.is_grapheme_boundary(s) && text.is_grapheme_boundary(e));
        }
    }

    #[test]
    fn hamza_forms_alif_maqsura_and_ta_marbuta() {
        assert_eq!(
            default_find("أحمد واحمد وإحمد آحمد", "احمد"),
            ["أحمد", "احمد", "إحمد", "آحمد"]
        );
        assert_eq!(default_find("أحمد احمد", "إحمد"), ["أحمد", "احمد"]);
        assert_eq!(default_find("مصطفى مصطفي", "مصطفى"), ["مصطفى", "مصطفي"]);
        assert_eq!(default_find("مدرسة مدرسه", "مدرسة"), ["مدرسة", "مدرسه"]);
        let exact = SearchOptions {
            normalize_letters: false,
            ..SearchOptions::default()
        };
        assert_eq!(find("أحمد احمد", "احمد", &exact), ["احمد"]);
        assert_eq!(find("مدرسة مدرسه", "مدرسه", &exact), ["مدرسه"]);
        // آ written as ا + madda is folded by ignoring the madda.
        assert_eq!(default_find("ا\u{0653}حمد", "احمد"), ["ا\u{0653}حمد"]);
    }

    #[test]
    fn proclitics_are_allowed_and_left_out() {
        let text = Text::new("زار بالعراق والعراق وبالعراق العراق عراق");
        let found = find_all(&text, "العراق", &SearchOptions::default()).expect("ok");
        let words: Vec<&str> = found
            .iter()
            .map(|&(s, e)| text.slice(s, e).expect("range"))
            .collect();
        assert_eq!(words, ["العراق"; 4]);
        assert_eq!(found[0], (5, 11), "the range excludes ب");
        let off = SearchOptions {
            allow_proclitics: false,
            ..SearchOptions::default()
        };
        assert_eq!(find_all(&text, "العراق", &off).expect("ok"), [(29, 35)]);
        // Not a proclitic: a longer prefix, or the article.
        assert_eq!(
            default_find("الحالعراق سالعراق", "العراق"),
            Vec::<String>::new()
        );
        assert_eq!(default_find("العراق", "عراق"), Vec::<String>::new());
        // Proclitics with tashkeel, kept or ignored.
        assert_eq!(default_find("وَبِالعِراقِ", "العراق"), ["العِراقِ"]);
        let strict = SearchOptions {
            ignore_diacritics: false,
            ..SearchOptions::default()
        };
        assert_eq!(find("وَبِالعراق", "العراق", &strict), ["العراق"]);
    }

    #[test]
    fn the_article_after_lam_loses_its_alif() {
        assert_eq!(
            default_find("للعراق وللعراق لعراق العراق", "العراق"),
            ["لعراق", "لعراق", "العراق"]
        );
        let off = SearchOptions {
            allow_proclitics: false,
            ..SearchOptions::default()
        };
        assert_eq!(find("للعراق العراق", "العراق", &off), ["العراق"]);
        // ب + article keeps its alif, so no elided form there.
        assert_eq!(default_find("بلعراق", "العراق"), Vec::<String>::new());
    }

    #[test]
    fn whole_word_off_finds_substrings() {
        let options = SearchOptions {
            whole_word: false,
            ..SearchOptions::default()
        };
        assert_eq!(find("العراقية وعراقي", "عراق", &options), ["عراق", "عراق"]);
        assert_eq!(
            default_find("العراقية وعراقي", "عراق"),
            Vec::<String>::new()
        );
        assert_eq!(find("catalog cat", "cat", &options), ["cat", "cat"]);
        assert_eq!(default_find("catalog cat concat", "cat"), ["cat"]);
    }

    #[test]
    fn whole_word_only_checks_word_edges_of_the_query() {
        // A query ending with punctuation may be followed by anything.
        assert_eq!(default_find("بغداد،لندن", "بغداد،"), ["بغداد،"]);
        assert_eq!(default_find("x-ray", "x"), ["x"]);
        assert_eq!(default_find("x2", "x"), Vec::<String>::new());
    }

    #[test]
    fn regex_with_alternation_and_classes() {
        let options = SearchOptions {
            regex: true,
            ..SearchOptions::default()
        };
        assert_eq!(
            find("زار بغداد ثم لندن وبيروت", "بغداد|لندن|بيروت", &options),
            ["بغداد", "لندن", "بيروت"]
        );
        assert_eq!(
            find("في 2021 و 1999م", r"\d{4}", &options),
            ["2021"],
            "1999م is not a whole word"
        );
        // A refused match is tried again from its second character.
        assert_eq!(
            find("في 2021 و 1999م 12345 2020", r"\d{4}", &options),
            ["2021", "2020"]
        );
        let loose = SearchOptions {
            whole_word: false,
            ..options
        };
        assert_eq!(find("في 2021 و 1999م", r"\d{4}", &loose), ["2021", "1999"]);
        // Letters in the pattern are folded like the text.
        assert_eq!(
            find("أحمد ومحمّد", "(احمد|محمد)", &options),
            ["أحمد", "محمّد"]
        );
        assert_eq!(find("Hello WORLD", r"w\w+", &options), ["WORLD"]);
        assert_eq!(find("Hello WORLD", r"\W+", &loose), [" "]);
        // Empty matches are skipped, not looped on.
        assert_eq!(find("abc", "x*", &loose), Vec::<String>::new());
    }

    /// `regex-lite` does not backtrack: these patterns, which take a
    /// backtracking engine (the browser's `RegExp`) exponential or cubic
    /// time on a long line (`(.+)+x` on 28 characters: 14 s in V8), cost
    /// it one pass. The search runs as the user types, so a slow engine
    /// would freeze the tab; with one, this test would hang, not pass.
    #[test]
    fn pathological_patterns_take_one_pass() {
        let line = "قال رئيس الوزراء إن الحكومة ستعمل على تحسين الخدمات ".repeat(100);
        let options = SearchOptions {
            regex: true,
            whole_word: false,
            ..SearchOptions::default()
        };
        for pattern in ["(.+)+x", ".*و.*ا.*x", r"(\S+\s?)+x", "(ا|اا)+x"] {
            assert_eq!(
                find(&line, pattern, &options),
                Vec::<String>::new(),
                "{pattern}"
            );
        }
    }

    #[test]
    fn common_regex_mistakes_are_worded_in_either_language() {
        let options = SearchOptions {
            regex: true,
            ..SearchOptions::default()
        };
        for (pattern, english) in [
            ("(ab", "a group “(” is not closed with “)”"),
            ("ab)", "a “)” closes no group"),
            ("[ab", "a character class “[” is not closed with “]”"),
            ("*a", "a repetition (* + ? or {…}) follows nothing"),
            ("(?=a)", "look-around is not supported"),
        ] {
            let error = find_all(&Text::new("abc"), pattern, &options).expect_err("invalid");
            let en = error.msg().render(Lang::En);
            assert!(en.contains(english), "{pattern}: {en}");
            let ar = error.msg().render(Lang::Ar);
            assert!(
                !ar.chars().any(|c| c.is_ascii_alphabetic()),
                "{pattern}: no English in {ar}"
            );
        }
    }

    #[test]
    fn invalid_regex_is_an_error() {
        let options = SearchOptions {
            regex: true,
            ..SearchOptions::default()
        };
        let error = find_all(&Text::new("abc"), "(ab", &options).expect_err("invalid");
        let SearchError::InvalidRegex(message) = &error;
        assert!(!message.is_empty());
        assert!(error.to_string().starts_with("invalid regular expression"));
        // The same text is fine as a plain query.
        assert_eq!(
            find(
                "(ab",
                "(ab",
                &SearchOptions {
                    whole_word: false,
                    ..SearchOptions::default()
                }
            ),
            ["(ab"]
        );
    }

    #[test]
    fn the_engines_reasons_are_worded_in_both_languages() {
        let options = SearchOptions {
            regex: true,
            ..SearchOptions::default()
        };
        let patterns = [
            (r"\p{Arabic}", Key::RegexUnicodeClass),
            ("ب{3,1}", Key::RegexRepetitionRange),
            ("ب{3", Key::RegexRepetitionUnclosed),
            ("ب{x}", Key::RegexRepetitionUnclosed),
            ("{3}", Key::RegexNothingToRepeat),
            (r"\x{Z}", Key::RegexHex),
            (r"\xZ", Key::RegexHex),
            ("[[ا]]", Key::RegexClassSet),
            ("[ا&&ب]", Key::RegexClassSet),
            ("(?z)ب", Key::RegexFlag),
            ("(?P<>ب)", Key::RegexGroupName),
            ("(?P<a>ب)(?P<a>ت)", Key::RegexGroupName),
            ("ب\\", Key::RegexTrailingBackslash),
            ("[]", Key::RegexUnclosedClass),
            ("[^]", Key::RegexUnclosedClass),
            (r"[\d-z]", Key::RegexClassRangeEnds),
            (r"[a-\s]", Key::RegexClassRangeEnds),
            ("(ب{1000}){1000}", Key::RegexTooBig),
            (
                &format!("{}ب{}", "(".repeat(300), ")".repeat(300)),
                Key::RegexNesting,
            ),
        ];
        for (pattern, key) in patterns {
            let error = find_all(&Text::new("نص"), pattern, &options).expect_err(pattern);
            let SearchError::InvalidRegex(engine) = &error;
            assert_eq!(regex_reason(engine), Some(key), "{pattern}: {engine}");
            let arabic = error.msg().render(Lang::Ar);
            assert!(!arabic.contains(engine.as_str()), "{arabic}");
        }
    }

    #[test]
    fn empty_queries_find_nothing() {
        let text = Text::new("نص ما");
        assert_eq!(find_all(&text, "", &SearchOptions::default()), Ok(vec![]));
        assert_eq!(
            find_all(&text, "َّ", &SearchOptions::default()),
            Ok(vec![]),
            "only tashkeel"
        );
        let regex = SearchOptions {
            regex: true,
            ..SearchOptions::default()
        };
        assert_eq!(find_all(&text, "", &regex), Ok(vec![]));
        assert_eq!(
            find_all(&Text::new(""), "x", &SearchOptions::default()),
            Ok(vec![])
        );
    }

    #[test]
    fn emoji_and_crlf_keep_offsets_right() {
        let s = "😀 بغداد\r\n👩‍👩‍👧 بِغْدَادُ 🇮🇶\r\nبغداد😀";
        let text = Text::new(s);
        for options in [
            SearchOptions::default(),
            SearchOptions {
                whole_word: false,
                ..SearchOptions::default()
            },
            SearchOptions {
                regex: true,
                ..SearchOptions::default()
            },
        ] {
            let found = find_all(&text, "بغداد", &options).expect("ok");
            assert_eq!(found.len(), 3);
            let words: Vec<&str> = found
                .iter()
                .map(|&(s, e)| text.slice(s, e).expect("range"))
                .collect();
            assert_eq!(words, ["بغداد", "بِغْدَادُ", "بغداد"]);
            assert_eq!(found[0], (2, 7));
        }
        let options = SearchOptions {
            whole_word: false,
            ..SearchOptions::default()
        };
        let found = find_all(&text, "\r\n", &options).expect("ok");
        assert!(found.iter().all(|&(s, e)| text.slice(s, e) == Some("\r\n")));
        assert_eq!(found.len(), 2);
    }

    #[test]
    fn case_insensitive_latin() {
        assert_eq!(
            default_find("Paris PARIS paris", "paris"),
            ["Paris", "PARIS", "paris"]
        );
        assert_eq!(default_find("ÉCOLE école", "École"), ["ÉCOLE", "école"]);
        let exact = SearchOptions {
            case_insensitive: false,
            ..SearchOptions::default()
        };
        assert_eq!(find("Paris PARIS paris", "paris", &exact), ["paris"]);
        // A letter that lowercases to two characters still maps back whole.
        let options = SearchOptions {
            whole_word: false,
            ..SearchOptions::default()
        };
        let text = Text::new("aİb");
        assert_eq!(find_all(&text, "i", &options).expect("ok"), [(1, 2)]);
        assert_eq!(find_all(&text, "İb", &options).expect("ok"), [(1, 3)]);
    }

    #[test]
    fn stepping_through_matches_wraps_both_ways() {
        assert_eq!(step_match(None, 0, true), None);
        assert_eq!(step_match(None, 3, true), Some(0));
        assert_eq!(step_match(None, 3, false), Some(2));
        assert_eq!(step_match(Some(2), 3, true), Some(0));
        assert_eq!(step_match(Some(0), 3, false), Some(2));
    }

    #[test]
    fn normalize_folds_as_documented() {
        let options = SearchOptions::default();
        assert_eq!(
            normalize("أَحْمَدُ إلى مـدرسة آل ٱلله Ab", &options),
            "احمد الي مدرسه ال الله ab"
        );
        let none = SearchOptions {
            ignore_diacritics: false,
            normalize_letters: false,
            case_insensitive: false,
            ..options
        };
        assert_eq!(normalize("أَحْمَدُ Ab", &none), "أَحْمَدُ Ab");
    }

    #[test]
    fn megabyte_text_with_a_thousand_matches() {
        let filler = "هذا نص طويل عن السياسة والاقتصاد في المنطقة العربية اليوم. ";
        let mut s = String::new();
        let mut expected = 0;
        let mut i = 0;
        while s.len() < 1_000_000 {
            if i % 8 == 0 {
                // Alternate spellings and proclitics, all found by the default search.
                s.push_str(["زار بالعِراقِ ", "والعراق ", "العـراق😀 ", "للعراق\r\n"][expected % 4]);
                expected += 1;
            }
            s.push_str(filler);
            i += 1;
        }
        assert!(expected > 1000 && expected < 1300, "{expected}");
        let text = Text::new(&s);
        let found = find_all(&text, "العراق", &SearchOptions::default()).expect("ok");
        assert_eq!(found.len(), expected);
        for &(start, end) in &found {
            let slice = text.slice(start, end).expect("range");
            assert!(
                slice.ends_with('ق') || slice.ends_with('\u{0650}'),
                "{slice}"
            );
        }
        let regex = SearchOptions {
            regex: true,
            ..SearchOptions::default()
        };
        assert_eq!(
            find_all(&text, "(ال)?عراق", &regex).expect("ok").len(),
            expected - expected / 4
        );
    }

    #[test]
    fn corpus_search_finds_words_at_their_offsets() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("corpus at {} must exist: {e}", dir.display()));
        let mut total = 0;
        for entry in entries {
            let path = entry.expect("dir entry").path();
            let text = Text::new(&std::fs::read_to_string(&path).expect("UTF-8 corpus file"));
            for &(s, e) in &find_all(&text, "العراق", &SearchOptions::default()).expect("ok")
            {
                assert_eq!(text.slice(s, e), Some("العراق"), "{}", path.display());
                total += 1;
            }
            for &(s, e) in &find_all(&text, "بغداد", &SearchOptions::default()).expect("ok") {
                assert_eq!(text.slice(s, e), Some("بغداد"));
            }
        }
        assert!(total >= 5, "العراق occurs in the corpus ({total})");
    }

    #[test]
    fn the_filter_folds_arabic_like_the_search_bar() {
        let needle = filter_fold("الامارات");
        assert!(filter_matches("دولة الإمارات العربية", &needle));
        assert!(filter_matches("الأمارات", &needle));
        assert!(filter_matches("الآمارات", &needle));
        assert!(filter_matches("الإِمَارَات", &needle), "tashkeel ignored");
        assert!(filter_matches("الإمـــارات", &needle), "tatweel ignored");
        assert!(filter_matches("مستشفى", &filter_fold("مستشفي")));
        assert!(filter_matches("جامعة الكوفة", &filter_fold("جامعه")));
        assert!(filter_matches("UNESCO", &filter_fold("unesco")));
        assert!(!filter_matches("العراق", &needle));
        assert!(filter_matches("anything", filter_fold("  ").trim()));
    }

    /// A search in pieces finds what the whole text finds, whatever the
    /// pieces' size: texts drawn (with a fixed seed) from words with
    /// proclitics, tashkeel, tatweel, a combining mark after a space,
    /// punctuation, spaces and line breaks.
    #[test]
    fn a_search_in_pieces_finds_what_one_step_finds() {
        const PARTS: [&str; 14] = [
            "العراق",
            "بالعراق",
            "للعراق",
            "عبد الله",
            "عَبْدُ",
            "اللـــه",
            "بغداد،",
            " ",
            " ",
            "\n",
            "\u{301}x",
            "Ab",
            "الموصل.",
            "وعبد",
        ];
        const QUERIES: [&str; 7] = [
            "العراق",
            "عبد الله",
            "عبد",
            "الله\nعبد",
            "ab",
            "ع.د",
            "\\s+",
        ];
        let mut seed: u64 = 0x5eed_2026_1203;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            (seed >> 33) as usize % n
        };
        for round in 0..300 {
            let text: String = (0..next(40)).map(|_| PARTS[next(PARTS.len())]).collect();
            let text = Text::new(&text);
            for (q, query) in QUERIES.iter().enumerate() {
                let options = SearchOptions {
                    regex: q >= 5,
                    whole_word: round % 3 != 0,
                    ..SearchOptions::default()
                };
                let whole = super::find_all(&text, query, &options).expect("valid");
                let budget = 1 + next(30);
                let mut pieces = TextSearch::new(&text, query, &options).expect("valid");
                let mut steps = 0;
                while !pieces.step(budget) {
                    steps += 1;
                }
                assert_eq!(pieces.searched(), text.as_str().len());
                assert_eq!(
                    pieces.finish(),
                    whole,
                    "{query:?} in {:?} by {budget}",
                    text.as_str()
                );
                let later_space = |(i, c): (usize, char)| i > budget + 4 && c.is_whitespace();
                if q == 0 && text.as_str().char_indices().any(later_space) {
                    assert!(steps > 0, "searched in pieces");
                }
            }
        }
    }
}
