//! Document text and the positions inside it: the one place that knows
//! about bytes, UTF-16 units and grapheme clusters.
//!
//! **Offset unit.** Every offset in Wasim's core is a count of Unicode code
//! points (Rust `char`s), exactly as Python's `str` indexes text, and every
//! range is a [`CharRange`] (half-open; its invariant is documented there,
//! once). Byte offsets never leave this module. UTF-16 offsets (what the DOM,
//! JavaScript and some file formats use) are converted only here:
//! [`utf16_to_cp`] and [`cp_to_utf16`] for one offset, [`Utf16Index`] for
//! many offsets of one text, [`Utf16Cursor`] for ascending ones. Grapheme
//! cluster boundaries (floor, ceil, next, previous) are computed only by
//! [`Text`].
//!
//! [`Text`] wraps a document's string with a sparse index from code points to
//! bytes, so slicing a 1 MB article by code point stays cheap.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use crate::core::i18n::{Key, Msg};

/// A range of a text in Unicode code points, half-open: `[start, end)`,
/// counted as Python's `str` counts them (`text[start:end]`).
///
/// **Invariant:** `start <= end`. It is checked by every constructor, so a
/// `CharRange` is never reversed; [`Text::range`] also checks that it lies
/// within a text. This is the only place the unit and the ends are defined;
/// the rest of Wasim says "a `CharRange`".
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(try_from = "(usize, usize)", into = "(usize, usize)")]
pub struct CharRange {
    start: usize,
    end: usize,
}

impl CharRange {
    /// `[start, end)`, or `None` when `start > end`.
    pub fn new(start: usize, end: usize) -> Option<Self> {
        (start <= end).then_some(CharRange { start, end })
    }

    /// The range between two offsets given in either order (a drag's anchor
    /// and focus).
    pub fn ordered(a: usize, b: usize) -> Self {
        CharRange {
            start: a.min(b),
            end: a.max(b),
        }
    }

    /// The empty range at `at`.
    pub fn empty(at: usize) -> Self {
        CharRange { start: at, end: at }
    }

    /// First code point.
    pub fn start(self) -> usize {
        self.start
    }

    /// One past the last code point.
    pub fn end(self) -> usize {
        self.end
    }

    /// `(start, end)`, for destructuring.
    pub fn bounds(self) -> (usize, usize) {
        (self.start, self.end)
    }

    /// Number of code points.
    pub fn len(self) -> usize {
        self.end - self.start
    }

    /// Whether the range holds no code point.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// Whether `cp` lies inside (`start <= cp < end`).
    pub fn contains(self, cp: usize) -> bool {
        self.start <= cp && cp < self.end
    }

    /// Whether the two ranges share at least one code point.
    pub fn overlaps(self, other: CharRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies within this range.
    pub fn covers(self, other: CharRange) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl TryFrom<(usize, usize)> for CharRange {
    type Error = String;

    fn try_from((start, end): (usize, usize)) -> Result<Self, Self::Error> {
        CharRange::new(start, end).ok_or_else(|| format!("range [{start}, {end}) is reversed"))
    }
}

impl From<CharRange> for (usize, usize) {
    fn from(range: CharRange) -> Self {
        range.bounds()
    }
}

impl std::fmt::Display for CharRange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[{}, {})", self.start, self.end)
    }
}

/// How many code points lie between two entries of the byte index.
const INDEX_STRIDE: usize = 64;

/// A document's immutable text together with a code point → byte index.
///
/// Cloning is cheap: the string is shared.
#[derive(Clone, Debug)]
pub struct Text {
    string: Arc<str>,
    /// `stride_bytes[i]` is the byte offset of code point `i * INDEX_STRIDE`.
    stride_bytes: Arc<[usize]>,
    char_len: usize,
}

impl Default for Text {
    fn default() -> Self {
        Text::new("")
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.string == other.string
    }
}

impl Eq for Text {}

impl From<&str> for Text {
    fn from(value: &str) -> Self {
        Text::new(value)
    }
}

impl From<String> for Text {
    fn from(value: String) -> Self {
        Text::new(&value)
    }
}

/// The byte offset of every [`INDEX_STRIDE`]th code point of `string`, and
/// its length in code points. A code point starts at every byte that is not
/// a continuation byte (`10xxxxxx`), so they are counted without decoding,
/// eight bytes at a time where no indexed code point starts among them
/// (restoring 10,000 saved documents indexes 50 MB of text).
fn stride_index(string: &str) -> (Vec<usize>, usize) {
    let bytes = string.as_bytes();
    let mut stride = Vec::with_capacity(bytes.len() / INDEX_STRIDE + 1);
    let mut chars = 0;
    let mut one = |at: usize, byte: u8, chars: &mut usize| {
        if byte & 0xC0 != 0x80 {
            if chars.is_multiple_of(INDEX_STRIDE) {
                stride.push(at);
            }
            *chars += 1;
        }
    };
    let (words, tail) = bytes.as_chunks::<8>();
    for (n, word) in words.iter().enumerate() {
        let w = u64::from_le_bytes(*word);
        // The low bit of each byte: set for a continuation byte.
        let continuation = (w >> 7) & !(w >> 6) & 0x0101_0101_0101_0101;
        let starts = 8 - continuation.count_ones() as usize;
        let into_stride = chars % INDEX_STRIDE;
        let indexed_here = starts > 0 && (into_stride == 0 || into_stride + starts > INDEX_STRIDE);
        if indexed_here {
            for (k, &byte) in word.iter().enumerate() {
                one(n * 8 + k, byte, &mut chars);
            }
        } else {
            chars += starts;
        }
    }
    let done = words.len() * 8;
    for (k, &byte) in tail.iter().enumerate() {
        one(done + k, byte, &mut chars);
    }
    (stride, chars)
}

impl Text {
    /// Wraps `string` exactly as given: no normalization, line endings kept.
    pub fn new(string: &str) -> Self {
        let (stride_bytes, char_len) = stride_index(string);
        Text {
            string: Arc::from(string),
            stride_bytes: stride_bytes.into(),
            char_len,
        }
    }

    /// The whole text.
    pub fn as_str(&self) -> &str {
        &self.string
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    /// Byte offset of code point `cp`, or `None` past the end. Byte offsets
    /// never leave the core's text handling.
    /// `cp == char_len()` gives the string's byte length.
    pub(crate) fn byte_of(&self, cp: usize) -> Option<usize> {
        if cp > self.char_len {
            return None;
        }
        if cp == self.char_len {
            return Some(self.string.len());
        }
        let block_start = *self.stride_bytes.get(cp / INDEX_STRIDE)?;
        let skip = cp % INDEX_STRIDE;
        // Counting the bytes that start a code point, not decoding them:
        // every slice goes through here (a CoNLL export of thousands of
        // articles spent half its time decoding).
        let mut seen = 0;
        for (offset, byte) in self
            .string
            .as_bytes()
            .get(block_start..)?
            .iter()
            .enumerate()
        {
            if byte & 0xC0 != 0x80 {
                if seen == skip {
                    return Some(block_start + offset);
                }
                seen += 1;
            }
        }
        None
    }

    /// Code point offset of a byte offset that lies on a char boundary.
    pub(crate) fn cp_of_byte(&self, byte: usize) -> usize {
        let block = match self.stride_bytes.binary_search(&byte) {
            Ok(exact) => return exact * INDEX_STRIDE,
            Err(insert) => insert.saturating_sub(1),
        };
        let block_start = self.stride_bytes.get(block).copied().unwrap_or(0);
        let end = byte.min(self.string.len());
        block * INDEX_STRIDE
            + self
                .string
                .get(block_start..end)
                .map_or(0, |s| s.chars().count())
    }

    /// The text of `[start, end)`, or `None` if the range is reversed or out of
    /// bounds.
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        if start > end {
            return None;
        }
        let from = self.byte_of(start)?;
        let to = self.byte_of(end)?;
        self.string.get(from..to)
    }

    /// `[start, end)` as a [`CharRange`] when it is ordered and lies within
    /// the text.
    pub fn range(&self, start: usize, end: usize) -> Option<CharRange> {
        CharRange::new(start, end).filter(|r| r.end <= self.char_len)
    }

    /// The whole text as a range.
    pub fn full_range(&self) -> CharRange {
        CharRange::ordered(0, self.char_len)
    }

    /// The text of `range`, or `None` when it lies past the end.
    pub fn slice_range(&self, range: CharRange) -> Option<&str> {
        self.slice(range.start, range.end)
    }

    /// Whether code point offset `cp` is a grapheme cluster boundary.
    pub fn is_grapheme_boundary(&self, cp: usize) -> bool {
        let Some(byte) = self.byte_of(cp) else {
            return false;
        };
        let mut cursor = GraphemeCursor::new(byte, self.string.len(), true);
        cursor.is_boundary(&self.string, 0).unwrap_or(true)
    }

    /// The nearest grapheme boundary at or before `cp`.
    pub fn grapheme_floor(&self, cp: usize) -> usize {
        let Some(byte) = self.byte_of(cp) else {
            return self.char_len;
        };
        let mut cursor = GraphemeCursor::new(byte, self.string.len(), true);
        if cursor.is_boundary(&self.string, 0).unwrap_or(true) {
            return cp;
        }
        match cursor.prev_boundary(&self.string, 0) {
            Ok(Some(prev)) => self.cp_of_byte(prev),
            _ => 0,
        }
    }

    /// The nearest grapheme boundary at or after `cp`.
    pub fn grapheme_ceil(&self, cp: usize) -> usize {
        let Some(byte) = self.byte_of(cp) else {
            return self.char_len;
        };
        let mut cursor = GraphemeCursor::new(byte, self.string.len(), true);
        if cursor.is_boundary(&self.string, 0).unwrap_or(true) {
            return cp;
        }
        match cursor.next_boundary(&self.string, 0) {
            Ok(Some(next)) => self.cp_of_byte(next),
            _ => self.char_len,
        }
    }

    /// The grapheme cluster boundary after `cp`, or the text's end.
    pub fn next_grapheme(&self, cp: usize) -> usize {
        let Some(byte) = self.byte_of(cp).filter(|_| cp < self.char_len) else {
            return self.char_len;
        };
        let mut cursor = GraphemeCursor::new(byte, self.string.len(), true);
        match cursor.next_boundary(&self.string, 0) {
            Ok(Some(next)) => self.cp_of_byte(next),
            _ => self.char_len,
        }
    }

    /// The grapheme cluster boundary before `cp`, or `0`. An offset past the
    /// end counts as the end.
    pub fn prev_grapheme(&self, cp: usize) -> usize {
        let cp = cp.min(self.char_len);
        let Some(byte) = self.byte_of(cp).filter(|_| cp > 0) else {
            return 0;
        };
        let mut cursor = GraphemeCursor::new(byte, self.string.len(), true);
        match cursor.prev_boundary(&self.string, 0) {
            Ok(Some(prev)) => self.cp_of_byte(prev),
            _ => 0,
        }
    }

    /// `range` widened to whole grapheme clusters (clamped to the text).
    pub fn grapheme_hull(&self, range: CharRange) -> CharRange {
        let start = self.grapheme_floor(range.start.min(self.char_len));
        let end = self.grapheme_ceil(range.end.min(self.char_len));
        CharRange::ordered(start, end)
    }

    /// Up to `width` code points before and after `range` (for quotes and
    /// search results), cut at grapheme boundaries so no cluster is halved.
    pub fn context(&self, range: CharRange, width: usize) -> (&str, &str) {
        let mut from = range.start.saturating_sub(width);
        while from < range.start && !self.is_grapheme_boundary(from) {
            from += 1;
        }
        let mut to = range.end.saturating_add(width).min(self.char_len);
        while to > range.end && !self.is_grapheme_boundary(to) {
            to -= 1;
        }
        (
            self.slice(from, range.start).unwrap_or_default(),
            self.slice(range.end, to).unwrap_or_default(),
        )
    }

    /// Turns a raw selection into span bounds: the range is ordered, clamped,
    /// widened to whole grapheme clusters, then trimmed of clusters that are
    /// only whitespace or direction marks.
    ///
    /// Returns `None` when nothing but whitespace remains.
    pub fn snap_selection(&self, a: usize, b: usize) -> Option<CharRange> {
        let (start, end) = (a.min(b).min(self.char_len), a.max(b).min(self.char_len));
        let start = self.grapheme_floor(start);
        let end = self.grapheme_ceil(end);
        let slice = self.slice(start, end)?;
        let mut first = None;
        let mut last = None;
        let mut cursor = start;
        for cluster in slice.graphemes(true) {
            let width = cluster.chars().count();
            if !cluster.chars().all(is_trimmable) {
                first.get_or_insert(cursor);
                last = Some(cursor + width);
            }
            cursor += width;
        }
        CharRange::new(first?, last?)
    }

    /// The text's lines as code point ranges. Each range includes its line
    /// terminator (`\n`, with a preceding `\r` if any), so the ranges tile the
    /// whole text with no gaps.
    pub fn lines(&self) -> Vec<LineRange> {
        let mut lines = Vec::new();
        let mut start_cp = 0;
        let mut start_byte = 0;
        let mut cp = 0;
        // Bytes, not chars: a code point starts at each byte that is not a
        // continuation byte, and `\n` is never part of another one.
        for (byte, b) in self.string.bytes().enumerate() {
            if b & 0xC0 != 0x80 {
                cp += 1;
            }
            if b == b'\n' {
                lines.push(LineRange {
                    start: start_cp,
                    end: cp,
                });
                start_cp = cp;
                start_byte = byte + 1;
            }
        }
        if start_byte < self.string.len() || lines.is_empty() {
            lines.push(LineRange {
                start: start_cp,
                end: cp,
            });
        }
        lines
    }
}

/// The most code points the view draws as one block. A longer line (a file
/// saved without line breaks, a paragraph of megabytes) is drawn as several
/// blocks ([`Text::drawn_lines`]): the browser lays out a block whole, so
/// one block of millions of characters made every edit take seconds.
pub const DRAWN_LINE_MAX: usize = 4000;

impl Text {
    /// The blocks the view draws, in order, tiling the text: its
    /// [`lines`](Text::lines), each line longer than `max` code points cut
    /// into pieces of at most `max`. A cut falls after the last whitespace
    /// of the piece's second half, so words stay whole; in a run of `max / 2`
    /// code points without whitespace it falls at a grapheme boundary. No
    /// cut is ever inside a grapheme cluster (a line break `\r\n` is one).
    pub fn drawn_lines(&self, max: usize) -> Vec<LineRange> {
        let mut pieces = Vec::new();
        for line in self.lines() {
            self.pieces_of(line, max, &mut pieces);
        }
        pieces
    }

    /// The pieces [`Text::drawn_lines`] draws `line` (one of
    /// [`lines`](Text::lines)) in, appended to `pieces`.
    pub fn pieces_of(&self, line: LineRange, max: usize, pieces: &mut Vec<LineRange>) {
        let max = max.max(2);
        let mut start = line.start;
        // the line break goes with the last piece, over `max` or not
        let body_end = line.end - self.terminator_len(line);
        while body_end - start > max {
            let cut = self.cut_after(start, max);
            if cut <= start || cut >= body_end {
                break;
            }
            pieces.push(LineRange { start, end: cut });
            start = cut;
        }
        pieces.push(LineRange {
            start,
            end: line.end,
        });
    }

    /// Code points of `line`'s terminator: 2 for `\r\n`, 1 for `\n`, else 0.
    fn terminator_len(&self, line: LineRange) -> usize {
        let tail = self.slice(line.start.max(line.end.saturating_sub(2)), line.end);
        match tail.unwrap_or_default() {
            t if t.ends_with("\r\n") => 2,
            t if t.ends_with('\n') => 1,
            _ => 0,
        }
    }

    /// Where a piece of at most `max` code points from `start` ends (see
    /// [`Text::drawn_lines`]).
    fn cut_after(&self, start: usize, max: usize) -> usize {
        let from = start + max / 2;
        let limit = (start + max).min(self.char_len);
        let spaces: Vec<usize> = self
            .slice(from, limit)
            .unwrap_or_default()
            .chars()
            .enumerate()
            .filter(|(_, ch)| ch.is_whitespace())
            .map(|(i, _)| from + i + 1)
            .collect();
        let boundary = |cp: &&usize| self.is_grapheme_boundary(**cp);
        if let Some(&cut) = spaces.iter().rev().find(boundary) {
            return cut;
        }
        match self.grapheme_floor(limit) {
            cut if cut > start => cut,
            _ => self.grapheme_ceil(limit),
        }
    }
}

/// Slices of a [`Text`] taken in order (a document's tokens): each is found
/// by walking on from the one before, so a pass over the document costs
/// one pass, not an index lookup per slice. Going back, or far ahead, looks
/// the offset up as [`Text::slice`] does.
pub struct Slicer<'a> {
    text: &'a Text,
    cp: usize,
    byte: usize,
}

impl<'a> Slicer<'a> {
    /// A slicer at the start of `text`.
    pub fn new(text: &'a Text) -> Self {
        Slicer {
            text,
            cp: 0,
            byte: 0,
        }
    }

    /// The text of `[start, end)`, or `None` if the range is reversed or
    /// out of bounds.
    pub fn slice(&mut self, start: usize, end: usize) -> Option<&'a str> {
        if start > end {
            return None;
        }
        let from = self.seek(start)?;
        let to = self.seek(end)?;
        self.text.string.get(from..to)
    }

    /// The byte offset of code point `cp`, from here on.
    fn seek(&mut self, cp: usize) -> Option<usize> {
        if cp < self.cp || cp - self.cp > INDEX_STRIDE {
            self.byte = self.text.byte_of(cp)?;
            self.cp = cp;
            return Some(self.byte);
        }
        let bytes = self.text.string.as_bytes();
        while self.cp < cp {
            let width = match *bytes.get(self.byte)? {
                b if b < 0x80 => 1,
                b if b < 0xE0 => 2,
                b if b < 0xF0 => 3,
                _ => 4,
            };
            self.byte += width;
            self.cp += 1;
        }
        Some(self.byte)
    }
}

/// One line of a [`Text`], terminator included.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineRange {
    /// First code point of the line.
    pub start: usize,
    /// One past the last code point, after the `\n` if there is one.
    pub end: usize,
}

/// Characters trimmed from the edges of a selection: whitespace and the
/// invisible direction marks (LRM, RLM, ALM and the isolates/embeddings).
pub fn is_trimmable(ch: char) -> bool {
    ch.is_whitespace()
        || matches!(
            ch,
            '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
        )
}

/// Converts many offsets of one text between code points and UTF-16 code
/// units, in one pass over the text.
#[derive(Clone, Debug)]
pub struct Utf16Index {
    /// `units[cp]` is the UTF-16 offset of code point `cp`, one entry past the end.
    units: Vec<usize>,
}

impl Utf16Index {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut units = Vec::with_capacity(text.len() + 1);
        let mut at = 0;
        units.push(0);
        for ch in text.chars() {
            at += ch.len_utf16();
            units.push(at);
        }
        Utf16Index { units }
    }

    /// The UTF-16 offset of code point `cp`, clamped to the end.
    pub fn utf16(&self, cp: usize) -> usize {
        self.units[cp.min(self.units.len() - 1)]
    }

    /// The code point at a UTF-16 offset, or `None` inside a surrogate pair
    /// or past the end.
    pub fn cp(&self, utf16: usize) -> Option<usize> {
        self.units.binary_search(&utf16).ok()
    }

    /// A UTF-16 `[start, end)` as a range in code points, or `None` when an
    /// end splits a character, lies past the end, or the range is reversed.
    pub fn range(&self, start: usize, end: usize) -> Option<CharRange> {
        CharRange::new(self.cp(start)?, self.cp(end)?)
    }
}

/// Whether `text` holds characters outside the Basic Multilingual Plane
/// (emoji…), the only ones where code points and UTF-16 units differ.
pub fn has_astral(text: &str) -> bool {
    text.chars().any(|c| c.len_utf16() == 2)
}

/// Converts a UTF-16 offset into `s` to a code point offset.
///
/// An offset that falls between the two halves of a surrogate pair rounds
/// down to the start of that character; one past the end clamps to the end.
pub fn utf16_to_cp(s: &str, utf16_offset: usize) -> usize {
    let mut units = 0;
    for (cp, ch) in s.chars().enumerate() {
        let next = units + ch.len_utf16();
        if next > utf16_offset {
            return cp;
        }
        units = next;
    }
    s.chars().count()
}

/// Converts a code point offset into `s` to a UTF-16 offset, clamping past
/// the end.
pub fn cp_to_utf16(s: &str, cp_offset: usize) -> usize {
    Utf16Cursor::new(s).utf16(cp_offset)
}

/// Converts ascending code point offsets of one text to UTF-16 offsets,
/// walking the text once in all: many offsets into one long text node cost
/// its length, not its length times their number (as [`cp_to_utf16`] for
/// each would), and nothing is allocated (unlike [`Utf16Index`]).
#[derive(Clone, Debug)]
pub struct Utf16Cursor<'a> {
    rest: std::str::Chars<'a>,
    cp: usize,
    units: usize,
}

impl<'a> Utf16Cursor<'a> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'a str) -> Self {
        Utf16Cursor {
            rest: text.chars(),
            cp: 0,
            units: 0,
        }
    }

    /// The UTF-16 offset of code point `cp`, clamped to the end. Offsets
    /// must not decrease from one call to the next; a smaller one gets the
    /// offset of the last one asked.
    pub fn utf16(&mut self, cp: usize) -> usize {
        while self.cp < cp {
            let Some(ch) = self.rest.next() else { break };
            self.units += ch.len_utf16();
            self.cp += 1;
        }
        self.units
    }
}

/// Decodes a file's bytes as UTF-8, dropping one leading byte order mark.
/// A few NUL characters in valid UTF-8 (one per hundred bytes at most) are
/// text: a document holding U+0000 was written to brat and CoNLL, whose
/// reader then refused the file as binary.
///
/// # Errors
/// [`DecodeError::Binary`] when the bytes hold more NUL bytes, or NUL bytes
/// and invalid UTF-8 (a binary file), and
/// [`DecodeError::NotUtf8`] with the byte offset of the first invalid sequence,
/// or [`DecodeError::CutShort`] when the bytes end inside a character.
pub fn decode_utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let nuls = body.iter().filter(|&&b| b == 0).count();
    if nuls > 0 && (nuls * 100 > body.len() || std::str::from_utf8(body).is_err()) {
        return Err(match utf16_cut_at(bytes) {
            Some(byte_offset) => DecodeError::CutShort { byte_offset },
            None => DecodeError::Binary,
        });
    }
    match std::str::from_utf8(body) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => {
            let byte_offset = error.valid_up_to() + (bytes.len() - body.len());
            Err(match error.error_len() {
                None => DecodeError::CutShort { byte_offset },
                Some(_) => DecodeError::NotUtf8 { byte_offset },
            })
        }
    }
}

/// Decodes UTF-16 text to a string: with a byte order mark (`FF FE` or
/// `FE FF`), or without one when the bytes leave little doubt (NUL bytes,
/// nearly all at odd offsets or nearly all at even ones, as the spaces and
/// Latin letters of UTF-16 have; UTF-8 text, which has neither a UTF-16
/// byte order mark nor NUL bytes, is never taken for it). `None` when the bytes
/// are not such text: an odd length, a lone surrogate, or control
/// characters other than tab and line ends (binary data).
pub fn decode_utf16(bytes: &[u8]) -> Option<String> {
    let (body, little) = match bytes {
        [0xFF, 0xFE, rest @ ..] => (rest, true),
        [0xFE, 0xFF, rest @ ..] => (rest, false),
        // UTF-8 text has no NUL byte (a quick check before counting).
        _ if !bytes.contains(&0) => return None,
        _ => {
            let nuls = |parity: usize| {
                bytes
                    .iter()
                    .skip(parity)
                    .step_by(2)
                    .filter(|&&b| b == 0)
                    .count()
            };
            let little = match (nuls(0), nuls(1)) {
                (even, odd) if odd > 4 * even => true,
                (even, odd) if even > 4 * odd => false,
                _ => return None,
            };
            if !high_bytes_few(bytes, usize::from(little)) {
                return None;
            }
            (bytes, little)
        }
    };
    if body.len() % 2 != 0 {
        return None;
    }
    let units = body.chunks_exact(2).filter_map(|pair| {
        let pair: [u8; 2] = pair.try_into().ok()?;
        Some(if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        })
    });
    let text: String = char::decode_utf16(units).collect::<Result<_, _>>().ok()?;
    let is_text = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r');
    text.chars().all(is_text).then_some(text)
}

/// Whether the bytes at `parity` (the high bytes of UTF-16 units) are
/// nearly all one or two values, as in UTF-16 text of one script (`00`
/// for Latin letters, spaces and digits, `06` for Arabic). A UTF-8 file
/// with one NUL byte in it has them at one parity too, but its other bytes
/// there are letters of every kind: read as UTF-16, it became CJK.
fn high_bytes_few(bytes: &[u8], parity: usize) -> bool {
    let mut counts = [0usize; 256];
    let mut units = 0;
    for &b in bytes.iter().skip(parity).step_by(2) {
        counts[usize::from(b)] += 1;
        units += 1;
    }
    counts.sort_unstable_by(|a, b| b.cmp(a));
    4 * (counts[0] + counts[1]) >= 3 * units
}

/// Where UTF-16 text that was cut short ends: `bytes` are text for
/// [`decode_utf16`] but for a last unit half there or the first half of a
/// surrogate pair. `None` for anything else (binary data), and for a few
/// bytes without a byte order mark, too few to tell.
fn utf16_cut_at(bytes: &[u8]) -> Option<usize> {
    let marked = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !marked && bytes.len() < 16 {
        return None;
    }
    let whole_units = bytes.len() - bytes.len() % 2;
    [whole_units, whole_units.saturating_sub(2)]
        .into_iter()
        .find(|&keep| keep < bytes.len() && decode_utf16(&bytes[..keep]).is_some())
}

/// Why a file's bytes are not usable text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The file contains NUL bytes, so it is not a text file.
    Binary,
    /// The bytes are not valid UTF-8 from this byte offset on.
    NotUtf8 {
        /// Offset of the first byte that is not valid UTF-8.
        byte_offset: usize,
    },
    /// The bytes are UTF-8 but end inside a character: the file was cut short
    /// (a copy or a download that did not finish).
    CutShort {
        /// Offset of the first byte of the unfinished character.
        byte_offset: usize,
    },
}

impl DecodeError {
    /// What is wrong, as a message for the user.
    pub fn msg(&self) -> Msg {
        match self {
            DecodeError::Binary => Msg::new(Key::BinaryFile),
            DecodeError::NotUtf8 { byte_offset } => {
                Msg::new(Key::NotUtf8).num("offset", *byte_offset)
            }
            DecodeError::CutShort { byte_offset } => {
                Msg::new(Key::CutShort).num("offset", *byte_offset)
            }
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.msg().fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stride_index_is_that_of_a_byte_by_byte_count() {
        let naive = |s: &str| {
            let starts: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
            let stride: Vec<usize> = starts.iter().copied().step_by(INDEX_STRIDE).collect();
            (stride, starts.len())
        };
        let pieces = ["a", "ب", "بِ", "😀", "👩‍👩‍👧", "\r\n", "abcdefgh", "عربيةٌ"];
        // Lengths around the stride and the eight-byte words, in every mix.
        for seed in 0..400usize {
            let mut s = String::new();
            let mut k = seed;
            for _ in 0..(seed % 157) {
                s.push_str(pieces[k % pieces.len()]);
                k = k.wrapping_mul(31).wrapping_add(7) % 1009;
            }
            assert_eq!(stride_index(&s), naive(&s), "seed {seed}: {s:?}");
        }
        assert_eq!(stride_index(""), (vec![], 0));
        let text = Text::new(&"ب".repeat(1000));
        assert_eq!(text.char_len(), 1000);
        assert_eq!(text.slice(130, 131), Some("ب"));
    }

    #[test]
    fn slices_by_code_point_across_index_blocks() {
        let s: String = "أ😀b".repeat(100);
        let text = Text::new(&s);
        assert_eq!(text.char_len(), 300);
        let chars: Vec<char> = s.chars().collect();
        for start in [0, 1, 63, 64, 65, 127, 128, 299] {
            for len in [0, 1, 2, 70] {
                let end = (start + len).min(300);
                let expected: String = chars[start..end].iter().collect();
                assert_eq!(text.slice(start, end), Some(expected.as_str()));
            }
        }
        assert_eq!(text.slice(5, 301), None);
        assert_eq!(text.slice(6, 5), None);
    }

    /// `drawn_lines` tiles the text, and a text without long lines is
    /// drawn as its lines.
    fn check_pieces(text: &Text, max: usize) -> Vec<LineRange> {
        let pieces = text.drawn_lines(max);
        let mut at = 0;
        for piece in &pieces {
            assert_eq!(piece.start, at, "pieces tile the text");
            assert!(piece.end > piece.start || text.char_len() == 0);
            assert!(text.is_grapheme_boundary(piece.start));
            at = piece.end;
        }
        assert_eq!(at, text.char_len());
        pieces
    }

    #[test]
    fn short_lines_are_drawn_as_they_are() {
        let text = Text::new("سطر أول\r\nسطر ثان\n\nآخر");
        assert_eq!(check_pieces(&text, 4000), text.lines());
        assert_eq!(check_pieces(&Text::new(""), 10), Text::new("").lines());
    }

    #[test]
    fn a_long_line_is_cut_after_whitespace() {
        let line = "كلمة ".repeat(1000); // 5,000 code points, no break
        let text = Text::new(&format!("{line}\nقصير"));
        let pieces = check_pieces(&text, 1000);
        assert_eq!(pieces.len(), 6, "{pieces:?}");
        for piece in &pieces[..5] {
            assert!(
                piece.end - piece.start <= 1001,
                "its line break may make it 1,001"
            );
            let body = text.slice(piece.start, piece.end).unwrap_or_default();
            assert!(
                body.ends_with(' ') || body.ends_with('\n'),
                "{body:?} ends in a word"
            );
            assert!(!body.starts_with(' '));
        }
        assert_eq!(text.slice(pieces[5].start, pieces[5].end), Some("قصير"));
    }

    #[test]
    fn a_line_without_whitespace_is_cut_between_clusters() {
        // "e" + two combining marks, one cluster of three code points
        let text = Text::new(&"e\u{301}\u{323}".repeat(500));
        let pieces = check_pieces(&text, 100);
        assert!(pieces.iter().all(|p| p.end - p.start <= 100));
        assert!(pieces.iter().all(|p| (p.end - p.start) % 3 == 0));
        // a cluster longer than a piece is drawn whole
        let text = Text::new(&format!("a{}b", "\u{301}".repeat(50)));
        let pieces = check_pieces(&text, 10);
        assert_eq!(
            text.slice(pieces[0].start, pieces[0].end)
                .map(|s| s.chars().count()),
            Some(51)
        );
        // a space followed by a combining mark is one cluster: no cut there
        let text = Text::new(&"ab \u{301}cd".repeat(40));
        for piece in check_pieces(&text, 12) {
            assert!(
                !text
                    .slice(piece.start, piece.end)
                    .unwrap_or_default()
                    .starts_with('\u{301}')
            );
        }
    }

    #[test]
    fn crlf_is_never_cut() {
        for n in [99, 100, 101, 150, 199, 200] {
            let text = Text::new(&format!("{}\r\nx", "a".repeat(n)));
            let pieces = check_pieces(&text, 100);
            assert!(pieces.iter().all(|p| {
                text.slice(p.start, p.end)
                    .is_some_and(|s| !s.starts_with('\n'))
            }));
            assert_eq!(
                text.slice(pieces[pieces.len() - 1].start, text.char_len()),
                Some("x")
            );
        }
        let text = Text::new(&format!("{}\r\n", "a ".repeat(100)));
        let pieces = check_pieces(&text, 100);
        assert!(pieces.iter().all(|p| {
            text.slice(p.start, p.end)
                .is_some_and(|s| !s.starts_with('\n'))
        }));
    }

    #[test]
    fn a_slicer_gives_what_slice_gives_in_any_order() {
        let text = Text::new(&"بالعراق 👩‍👩‍👧 x é\n".repeat(30));
        let n = text.char_len();
        let mut slicer = Slicer::new(&text);
        let ranges = (0..n).step_by(3).map(|s| (s, (s + 5).min(n)));
        let jumps = [
            (n - 1, n),
            (0, 2),
            (n / 2, n / 2 + 90),
            (5, 4),
            (n, n + 1),
            (0, n),
        ];
        for (start, end) in ranges.chain(jumps) {
            assert_eq!(
                slicer.slice(start, end),
                text.slice(start, end),
                "[{start}, {end})"
            );
        }
    }

    #[test]
    fn cp_of_byte_inverts_byte_of() {
        let text = Text::new(&"بالعراق 👩‍👩‍👧 x".repeat(20));
        for cp in 0..=text.char_len() {
            let byte = text.byte_of(cp).expect("in range");
            assert_eq!(text.cp_of_byte(byte), cp);
        }
    }

    #[test]
    fn utf16_conversions_handle_astral_characters() {
        let s = "a😀b👩‍👩‍👧c";
        // a=1, 😀=2, b=1, 👩=2, ZWJ=1, 👩=2, ZWJ=1, 👧=2, c=1
        assert_eq!(cp_to_utf16(s, 0), 0);
        assert_eq!(cp_to_utf16(s, 2), 3);
        assert_eq!(cp_to_utf16(s, 3), 4);
        assert_eq!(cp_to_utf16(s, 9), 13);
        assert_eq!(utf16_to_cp(s, 3), 2);
        assert_eq!(utf16_to_cp(s, 2), 1, "inside a surrogate pair rounds down");
        assert_eq!(utf16_to_cp(s, 13), 9);
        assert_eq!(utf16_to_cp(s, 99), 9);
        for cp in 0..=9 {
            assert_eq!(utf16_to_cp(s, cp_to_utf16(s, cp)), cp);
        }
    }

    #[test]
    fn snap_widens_to_grapheme_clusters() {
        // "كَتَبَ" = kaf fatha teh fatha beh fatha: 6 code points, 3 clusters.
        let text = Text::new("x كَتَبَ y");
        assert_eq!(
            text.snap_selection(2, 3),
            CharRange::new(2, 4),
            "ends after the tashkeel"
        );
        assert_eq!(
            text.snap_selection(3, 5),
            CharRange::new(2, 6),
            "starts before the letter"
        );
        let family = Text::new("hi 👩‍👩‍👧 there");
        assert_eq!(
            family.snap_selection(4, 5),
            CharRange::new(3, 8),
            "ZWJ sequence stays whole"
        );
        let flag = Text::new("🇮🇶x");
        assert_eq!(flag.snap_selection(0, 1), CharRange::new(0, 2));
    }

    #[test]
    fn snap_trims_whitespace_and_direction_marks() {
        let text = Text::new("  \u{200F}بغداد\u{200E}  \r\n");
        let word = CharRange::new(3, 8);
        assert_eq!(text.snap_selection(0, 12), word);
        assert_eq!(text.snap_selection(8, 3), word, "reversed drag");
        assert_eq!(text.snap_selection(0, 2), None);
        assert_eq!(text.snap_selection(0, 500), word, "clamped");
    }

    #[test]
    fn char_ranges_are_never_reversed() {
        assert_eq!(CharRange::new(3, 2), None);
        let r = CharRange::ordered(5, 2);
        assert_eq!((r.start(), r.end(), r.len()), (2, 5, 3));
        assert!(r.contains(2) && !r.contains(5));
        assert!(r.overlaps(CharRange::ordered(4, 9)) && !r.overlaps(CharRange::ordered(5, 9)));
        assert!(r.covers(CharRange::ordered(2, 3)) && !r.covers(CharRange::ordered(1, 3)));
        let text = Text::new("بغداد");
        assert_eq!(text.range(0, 5), CharRange::new(0, 5));
        assert_eq!(text.range(0, 6), None);
        assert_eq!(text.slice_range(text.full_range()), Some("بغداد"));
        let json = serde_json::to_string(&r).expect("serializes");
        assert_eq!(json, "[2,5]");
        assert!(serde_json::from_str::<CharRange>("[5,2]").is_err());
    }

    #[test]
    fn utf16_cursor_agrees_with_one_offset_at_a_time() {
        let text = "a😀بغداد\u{064E}👩\u{200D}💻 z";
        let n = text.chars().count();
        // Counted afresh for each offset (`cp_to_utf16` is the cursor now).
        let units = |cp: usize| -> usize { text.chars().take(cp).map(char::len_utf16).sum() };
        for step in 1..=3 {
            let mut cursor = Utf16Cursor::new(text);
            for cp in (0..=n + 2).step_by(step) {
                assert_eq!(cursor.utf16(cp), units(cp), "cp {cp}, step {step}");
                assert_eq!(cp_to_utf16(text, cp), units(cp), "cp {cp}");
            }
        }
        let mut cursor = Utf16Cursor::new(text);
        assert_eq!(cursor.utf16(3), 4);
        assert_eq!(cursor.utf16(3), 4, "the same offset again");
        assert_eq!(cursor.utf16(1), 4, "a smaller one gets the last");
    }

    #[test]
    fn utf16_index_converts_both_ways() {
        let index = Utf16Index::new("a😀b");
        assert_eq!(index.utf16(2), 3);
        assert_eq!(index.cp(3), Some(2));
        assert_eq!(index.cp(2), None, "inside a surrogate pair");
        assert_eq!(index.range(1, 4), CharRange::new(1, 3));
        assert_eq!(index.range(4, 1), None);
        assert!(has_astral("a😀") && !has_astral("بغداد"));
    }

    #[test]
    fn context_cuts_whole_graphemes() {
        let text = Text::new("abcdef");
        assert_eq!(text.context(CharRange::ordered(2, 3), 32), ("ab", "def"));
        assert_eq!(text.context(CharRange::ordered(3, 4), 2), ("bc", "ef"));
        assert_eq!(text.context(CharRange::ordered(3, 4), 1), ("c", "e"));
        let tashkeel = Text::new("xكَتَبَy");
        assert_eq!(
            tashkeel.context(CharRange::ordered(0, 1), 3),
            ("", "كَ"),
            "never half a cluster"
        );
        assert_eq!(tashkeel.context(CharRange::ordered(7, 8), 3), ("بَ", ""));
    }

    #[test]
    fn grapheme_moves_and_hull() {
        let text = Text::new("xكَتَبَ\r\ny");
        assert_eq!(text.next_grapheme(1), 3);
        assert_eq!(text.prev_grapheme(3), 1);
        assert_eq!(text.next_grapheme(7), 9, "CRLF is one cluster");
        assert_eq!(text.prev_grapheme(999), text.prev_grapheme(text.char_len()));
        assert_eq!(
            text.grapheme_hull(CharRange::ordered(2, 4)),
            CharRange::ordered(1, 5)
        );
    }

    #[test]
    fn grapheme_boundaries_respect_tashkeel() {
        let text = Text::new("بِسْمِ");
        assert!(text.is_grapheme_boundary(0));
        assert!(!text.is_grapheme_boundary(1));
        assert!(text.is_grapheme_boundary(2));
        assert!(text.is_grapheme_boundary(6));
        assert!(!text.is_grapheme_boundary(7));
    }

    #[test]
    fn lines_tile_the_text_and_keep_crlf() {
        let text = Text::new("أ\r\n\nب");
        let lines = text.lines();
        assert_eq!(lines.len(), 3);
        assert_eq!((lines[0].start, lines[0].end), (0, 3));
        assert_eq!((lines[1].start, lines[1].end), (3, 4));
        assert_eq!((lines[2].start, lines[2].end), (4, 5));
        assert_eq!(Text::new("").lines().len(), 1);
        assert_eq!(Text::new("a\n").lines().len(), 1);
    }

    #[test]
    fn decode_drops_bom_and_reports_errors() {
        assert_eq!(decode_utf8(b"\xEF\xBB\xBFabc"), Ok("abc".to_owned()));
        assert_eq!(decode_utf8("\r\nب".as_bytes()), Ok("\r\nب".to_owned()));
        assert_eq!(
            decode_utf8(b"ab\xFFcd"),
            Err(DecodeError::NotUtf8 { byte_offset: 2 })
        );
        assert_eq!(
            decode_utf8(b"\x89PNG\r\n\x1a\n\0\0"),
            Err(DecodeError::Binary)
        );
        // A NUL character among a hundred bytes of text is text; more is
        // binary, and so is one in bytes that are not UTF-8.
        let one_nul = format!("{}\0{}", "نص ".repeat(20), "text ".repeat(10));
        assert_eq!(decode_utf8(one_nul.as_bytes()), Ok(one_nul.clone()));
        assert_eq!(decode_utf8(b"abc\0def\n"), Err(DecodeError::Binary));
        let mut broken = one_nul.into_bytes();
        broken.push(0xFF);
        assert_eq!(decode_utf8(&broken), Err(DecodeError::Binary));
        // A Windows-1256 encoded Arabic word is not UTF-8.
        assert!(matches!(
            decode_utf8(&[0xC8, 0xDB, 0xCF, 0xC7, 0xCF]),
            Err(DecodeError::NotUtf8 { .. })
        ));
        // UTF-16 cut short: half a unit, or half a surrogate pair, at the end.
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("علي 😀".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let n = utf16.len();
        for (cut, at) in [(n - 1, n - 4), (n - 2, n - 4), (n - 3, n - 4)] {
            assert_eq!(
                decode_utf8(&utf16[..cut]),
                Err(DecodeError::CutShort { byte_offset: at }),
                "{cut}"
            );
        }
        // A copy cut inside a character: the last of «بغداد»'s bytes is gone.
        let cut = "في بغداد".as_bytes();
        assert_eq!(
            decode_utf8(&cut[..cut.len() - 1]),
            Err(DecodeError::CutShort {
                byte_offset: cut.len() - 2
            })
        );
    }
}
