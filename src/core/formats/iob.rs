//! The IOB tag codec shared by the token-based formats (CoNLL, spaCy v2
//! JSON): parsing a tag, detecting a file's scheme, decoding layers of tags
//! into spans and encoding spans into tags.
//!
//! **Offsets:** tags carry none. Spans here are token indices, half-open;
//! `decode_documents` turns them into code point ranges (half-open) of a
//! text that joins a sentence's tokens with one space and sentences with
//! `\n`.
//!
//! **Tags:** `O`, or `B-`, `I-`, `E-`, `S-`, `L-`, `U-` followed by a type,
//! which becomes the label. Each tag column is one layer of entities (nested
//! entities sit in later columns); a token without a column's tag reads `O`
//! there. An entity never crosses a sentence break.
//!
//! **Schemes** ([`TagScheme`]): IOB2, BIO (IOB1), BIOES and BILOU. A file is
//! BIOES if any `E-`/`S-` appears, BILOU if any `L-`/`U-`, otherwise IOB2 —
//! or BIO (IOB1) when entities start with `I-` and `B-` only separates two
//! adjacent entities of one type.

use crate::core::sort;
use crate::core::sorted::SortedSet;
use crate::core::text::CharRange;

use serde::{Deserialize, Serialize};

use super::common::dedupe_spans;
use super::types::{ImportError, ImportedDocument, ImportedSpan};
use crate::core::i18n::{Arg, Counted, Key, Msg};

/// How entity boundaries are tagged, or "as the file was" for export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TagScheme {
    /// Export only: each document in the scheme of the file it was imported
    /// from, its tags kept where its entities did not change; IOB2 for
    /// documents that were not read from a CoNLL file.
    #[default]
    AsImported,
    /// `B-` starts every entity, `I-` continues it.
    Iob2,
    /// BIO / IOB1: `I-` starts and continues; `B-` only starts an entity right
    /// after another of the same type.
    Iob1,
    /// `B-` begin, `I-` inside, `E-` end, `S-` single-token entity.
    Bioes,
    /// Like BIOES with `L-` (last) and `U-` (unit).
    Bilou,
}

impl TagScheme {
    /// Every explicit scheme.
    pub const ALL: [TagScheme; 4] = [
        TagScheme::Iob2,
        TagScheme::Iob1,
        TagScheme::Bioes,
        TagScheme::Bilou,
    ];

    /// What an export menu offers: "as imported", then every scheme.
    pub const CHOICES: [TagScheme; 5] = [
        TagScheme::AsImported,
        TagScheme::Iob2,
        TagScheme::Iob1,
        TagScheme::Bioes,
        TagScheme::Bilou,
    ];

    /// Menu name.
    pub fn name(self) -> &'static str {
        match self {
            TagScheme::AsImported => "As imported",
            TagScheme::Iob2 => "IOB2",
            TagScheme::Iob1 => "BIO (IOB1)",
            TagScheme::Bioes => "BIOES",
            TagScheme::Bilou => "BILOU",
        }
    }

    /// The scheme with this [`TagScheme::name`].
    pub fn from_name(name: &str) -> Option<TagScheme> {
        TagScheme::CHOICES.into_iter().find(|s| s.name() == name)
    }

    /// This scheme, or `imported` when this is [`TagScheme::AsImported`]
    /// (IOB2 when that is "as imported" too).
    pub fn or(self, imported: TagScheme) -> TagScheme {
        match (self, imported) {
            (TagScheme::AsImported, TagScheme::AsImported) => TagScheme::Iob2,
            (TagScheme::AsImported, scheme) | (scheme, _) => scheme,
        }
    }

    /// Whether a leading `I-` is a regular start (BIO / IOB1).
    pub(crate) fn is_iob1(self) -> bool {
        self == TagScheme::Iob1
    }

    /// Whether the scheme writes tags with this prefix.
    fn uses(self, prefix: char) -> bool {
        match self {
            TagScheme::AsImported | TagScheme::Iob2 | TagScheme::Iob1 => {
                matches!(prefix, 'B' | 'I')
            }
            TagScheme::Bioes => matches!(prefix, 'B' | 'I' | 'E' | 'S'),
            TagScheme::Bilou => matches!(prefix, 'B' | 'I' | 'L' | 'U'),
        }
    }

    /// The prefix of token `i` of a span `[start, end)`; `after_same` when
    /// the span directly follows one of its type in its layer.
    fn prefix(self, i: usize, start: usize, end: usize, after_same: bool) -> char {
        let (first, last) = (i == start, i + 1 == end);
        let (single, closing) = match self {
            TagScheme::Bioes => ('S', 'E'),
            TagScheme::Bilou => ('U', 'L'),
            TagScheme::Iob1 => return if first && after_same { 'B' } else { 'I' },
            TagScheme::AsImported | TagScheme::Iob2 => return if first { 'B' } else { 'I' },
        };
        match (first, last) {
            (true, true) => single,
            (true, false) => 'B',
            (false, true) => closing,
            (false, false) => 'I',
        }
    }
}

/// A parsed tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag<'a> {
    /// `O`.
    Outside,
    /// A prefix (one of `BIESLU`) and a type.
    Entity(char, &'a str),
}

/// Parses `O` or `P-TYPE` with `P` one of `BIESLU`.
pub(crate) fn parse_tag(tag: &str) -> Option<Tag<'_>> {
    if tag == "O" {
        return Some(Tag::Outside);
    }
    let mut chars = tag.chars();
    let prefix = chars.next().filter(|c| "BIESLU".contains(*c))?;
    let kind = chars.as_str().strip_prefix('-')?;
    (!kind.is_empty() && !kind.chars().any(char::is_whitespace))
        .then_some(Tag::Entity(prefix, kind))
}

/// The message for a field that should be a tag and is not.
/// "… is not a tag", saying what a tag looks like; `column` says where,
/// when the line has several.
pub(crate) fn not_a_tag(tag: &str, column: Option<usize>) -> Msg {
    let column = match column {
        Some(n) => Msg::new(Key::InColumn).num("n", n),
        None => Msg::new(Key::NoPlace),
    };
    Msg::new(Key::NotATag)
        .quoted("tag", tag)
        .msg("column", column)
}

/// `line 12 (I-PER)`, for a list of tags in a message.
fn line_tag(line: usize, tag: &str) -> Arg {
    Arg::Msg(Msg::new(Key::LineTag).num("line", line).arg("tag", tag))
}

/// Whether a type has only the characters tag types usually have.
pub(crate) fn is_usual_type(kind: &str) -> bool {
    kind.chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '/' | '$'))
}

/// A span of one layer, in token indices (half-open).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct TokenSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The type.
    pub label: String,
    /// The first tag, when the entity started irregularly (`I-X` in IOB2).
    pub irregular: Option<String>,
}

impl TokenSpan {
    /// `(start, end, label)`, for comparisons that ignore `irregular`.
    pub(crate) fn key(&self) -> (usize, usize, &str) {
        (self.start, self.end, &self.label)
    }
}

/// Decodes one layer of tags (`tags[sentence][token]`); token indices run
/// across sentences. `iob1` makes a leading `I-` regular.
pub(crate) fn decode_layer(sentences: &[Vec<Tag>], iob1: bool) -> Vec<TokenSpan> {
    let mut spans = Vec::new();
    let mut index = 0;
    for sentence in sentences {
        let mut open: Option<TokenSpan> = None;
        for tag in sentence {
            step(*tag, index, iob1, &mut open, &mut spans);
            index += 1;
        }
        close(&mut open, index, &mut spans);
    }
    spans
}

/// Ends the open span at token `end`.
fn close(open: &mut Option<TokenSpan>, end: usize, spans: &mut Vec<TokenSpan>) {
    if let Some(mut span) = open.take() {
        span.end = end;
        spans.push(span);
    }
}

/// Reads the tag of token `index`.
fn step(
    tag: Tag,
    index: usize,
    iob1: bool,
    open: &mut Option<TokenSpan>,
    spans: &mut Vec<TokenSpan>,
) {
    let Tag::Entity(prefix, kind) = tag else {
        close(open, index, spans);
        return;
    };
    let continues = open.as_ref().is_some_and(|s| s.label == kind);
    let new = |irregular: Option<String>| TokenSpan {
        start: index,
        end: index + 1,
        label: kind.to_owned(),
        irregular,
    };
    match prefix {
        'I' if continues => {}
        'E' | 'L' if continues => close(open, index + 1, spans),
        'B' | 'I' => {
            close(open, index, spans);
            let irregular = (prefix == 'I' && !iob1).then(|| format!("I-{kind}"));
            *open = Some(new(irregular));
        }
        _ => {
            close(open, index, spans);
            let irregular = matches!(prefix, 'E' | 'L').then(|| format!("{prefix}-{kind}"));
            spans.push(new(irregular));
        }
    }
}

/// Writes one layer's tags for `count` tokens in `scheme` (an explicit one),
/// keeping an irregular first tag a span asks for when the result still
/// decodes to the same spans. `sentence_ends` are the token indices where
/// sentences end.
pub(crate) fn encode_layer(
    spans: &[TokenSpan],
    count: usize,
    sentence_ends: &[usize],
    scheme: TagScheme,
) -> Vec<String> {
    let with_notes = write_layer(spans, count, scheme, true);
    if decodes_to(&with_notes, spans, sentence_ends, scheme) {
        with_notes
    } else {
        write_layer(spans, count, scheme, false)
    }
}

/// The canonical tags of a layer, with the spans' irregular first tags when
/// `keep_irregular` and the scheme has their prefix.
fn write_layer(
    spans: &[TokenSpan],
    count: usize,
    scheme: TagScheme,
    keep_irregular: bool,
) -> Vec<String> {
    let mut tags = vec!["O".to_owned(); count];
    let mut sorted: Vec<&TokenSpan> = spans.iter().filter(|s| s.end <= count).collect();
    sort::sort(&mut sorted);
    let mut previous: Option<&TokenSpan> = None;
    for span in sorted {
        let after_same = previous.is_some_and(|p| p.end == span.start && p.label == span.label);
        for (i, tag) in tags.iter_mut().enumerate().take(span.end).skip(span.start) {
            let prefix = scheme.prefix(i, span.start, span.end, after_same);
            *tag = format!("{prefix}-{}", span.label);
        }
        let noted = span.irregular.as_deref().filter(|_| keep_irregular);
        if let Some(noted) = noted.filter(|n| {
            n.chars().next().is_some_and(|p| scheme.uses(p)) && n.get(2..) == Some(&span.label)
        }) {
            tags[span.start] = noted.to_owned();
        }
        previous = Some(span);
    }
    tags
}

/// Whether `tags` (split at `sentence_ends`) decode, in `scheme`, to exactly
/// `spans` (by range and label).
pub(crate) fn decodes_to(
    tags: &[String],
    spans: &[TokenSpan],
    sentence_ends: &[usize],
    scheme: TagScheme,
) -> bool {
    let mut sentences = Vec::with_capacity(sentence_ends.len());
    let mut from = 0;
    for &end in sentence_ends {
        let Some(slice) = tags.get(from..end) else {
            return false;
        };
        sentences.push(
            slice
                .iter()
                .map(|t| parse_tag(t).unwrap_or(Tag::Outside))
                .collect(),
        );
        from = end;
    }
    let decoded = decode_layer(&sentences, scheme.is_iob1());
    let mut got: Vec<_> = decoded.iter().map(TokenSpan::key).collect();
    let mut want: Vec<_> = spans.iter().map(TokenSpan::key).collect();
    sort::sort(&mut got);
    sort::sort(&mut want);
    got == want
}

/// The note on a span whose entity began with `tag` instead of a proper start.
pub(crate) fn irregular_note(tag: &str) -> String {
    let kind = tag.get(2..).unwrap_or_default();
    format!("CoNLL: began with {tag} (no B-{kind} before it)")
}

/// The tag an irregular-start note asks for, if `note` is exactly such a note.
pub(crate) fn noted_tag(note: &str) -> Option<&str> {
    let tag = note.strip_prefix("CoNLL: began with ")?.split(' ').next()?;
    (irregular_note(tag) == note).then_some(tag)
}

/// One token as read, with its tags (one per layer).
pub(crate) struct TaggedToken {
    /// The token.
    pub token: String,
    /// Tags, first layer first; missing layers read `O`.
    pub tags: Vec<String>,
    /// 1-based line in the file (0 when the source has no lines).
    pub line: usize,
}

/// A document as read: sentences of tagged tokens.
pub(crate) struct TaggedDocument {
    /// Display name.
    pub name: String,
    /// Sentences, none empty.
    pub sentences: Vec<Vec<TaggedToken>>,
}

/// One layer's parsed tags, by sentence (missing tags read as `O`).
fn layer_tags(doc: &TaggedDocument, layer: usize) -> Vec<Vec<Tag<'_>>> {
    doc.sentences
        .iter()
        .map(|s| {
            s.iter()
                .map(|t| {
                    t.tags
                        .get(layer)
                        .and_then(|tag| parse_tag(tag))
                        .unwrap_or(Tag::Outside)
                })
                .collect()
        })
        .collect()
}

/// IOB1 when some entity starts with `I-` and every `B-` follows a tag of
/// its own type.
fn is_iob1<'a>(layers: impl Iterator<Item = Vec<Vec<Tag<'a>>>>) -> bool {
    let mut leading_i = false;
    for sentences in layers {
        for sentence in &sentences {
            let mut previous: Option<&str> = None;
            for tag in sentence {
                match *tag {
                    Tag::Entity('B', kind) if previous != Some(kind) => return false,
                    Tag::Entity('I', kind) if previous != Some(kind) => leading_i = true,
                    _ => {}
                }
                previous = match *tag {
                    Tag::Entity(_, kind) => Some(kind),
                    Tag::Outside => None,
                };
            }
        }
    }
    leading_i
}

/// The text of a document: tokens joined by one space, sentences by `\n`;
/// and each token's code point range in it.
pub(crate) fn join_tokens<'a>(
    sentences: impl IntoIterator<Item = Vec<&'a str>>,
) -> (String, Vec<CharRange>) {
    let mut text = String::new();
    let mut offsets = Vec::new();
    let mut cp = 0;
    for (s, sentence) in sentences.into_iter().enumerate() {
        if s > 0 {
            text.push('\n');
            cp += 1;
        }
        for (t, token) in sentence.into_iter().enumerate() {
            if t > 0 {
                text.push(' ');
                cp += 1;
            }
            let len = token.chars().count();
            offsets.push(CharRange::ordered(cp, cp + len));
            text.push_str(token);
            cp += len;
        }
    }
    (text, offsets)
}

/// What [`decode_documents`] read.
pub(crate) struct Decoded {
    /// The documents, in order, with no source.
    pub documents: Vec<ImportedDocument>,
    /// The scheme detected over all of them.
    pub scheme: TagScheme,
    /// Repairs and oddities.
    pub warnings: Vec<Msg>,
}

/// Checks every tag and collects the prefixes used, and the tags with
/// unusual types.
fn check_tags(
    file: &str,
    raw: &[TaggedDocument],
) -> Result<(SortedSet<char>, Vec<Arg>), ImportError> {
    let mut prefixes = SortedSet::new();
    let mut unusual: Vec<Arg> = Vec::new();
    for token in raw.iter().flat_map(|d| d.sentences.iter().flatten()) {
        for tag in &token.tags {
            match parse_tag(tag) {
                Some(Tag::Entity(prefix, kind)) => {
                    prefixes.insert(prefix);
                    if !is_usual_type(kind) {
                        unusual.push(line_tag(token.line, tag));
                    }
                }
                Some(Tag::Outside) => {}
                None => {
                    let line = Some(token.line).filter(|l| *l > 0);
                    return Err(ImportError::new(file, line, not_a_tag(tag, None)));
                }
            }
        }
    }
    Ok((prefixes, unusual))
}

/// The scheme of a file from its prefixes and tags.
fn detect_scheme(prefixes: &SortedSet<char>, raw: &[TaggedDocument], layers: usize) -> TagScheme {
    if prefixes.contains(&'E') || prefixes.contains(&'S') {
        TagScheme::Bioes
    } else if prefixes.contains(&'L') || prefixes.contains(&'U') {
        TagScheme::Bilou
    } else if is_iob1(
        raw.iter()
            .flat_map(|doc| (0..layers).map(move |l| layer_tags(doc, l))),
    ) {
        TagScheme::Iob1
    } else {
        TagScheme::Iob2
    }
}

/// Turns tagged tokens into documents: builds texts, detects the scheme and
/// decodes each tag column as a layer.
///
/// # Errors
/// When a tag is not a tag (the line is named).
pub(crate) fn decode_documents(file: &str, raw: &[TaggedDocument]) -> Result<Decoded, ImportError> {
    let (prefixes, unusual) = check_tags(file, raw)?;
    let layers = raw
        .iter()
        .flat_map(|d| d.sentences.iter().flatten())
        .map(|t| t.tags.len())
        .max()
        .unwrap_or(1);
    let scheme = detect_scheme(&prefixes, raw, layers);
    let bioes = matches!(scheme, TagScheme::Bioes | TagScheme::Bilou);
    let mut irregular_lines = Vec::new();
    let documents = raw
        .iter()
        .map(|doc| decode_document(doc, layers, scheme, &mut irregular_lines))
        .collect();
    let mut warnings = Vec::new();
    if !irregular_lines.is_empty() {
        let repair = if bioes {
            Key::RepairBioes
        } else {
            Key::RepairIob
        };
        warnings.push(
            Msg::counted(Counted::IrregularStarts, irregular_lines.len())
                .arg("file", file)
                .with("lines", Arg::List(irregular_lines))
                .msg("repair", Msg::new(repair)),
        );
    }
    if !unusual.is_empty() {
        warnings.push(
            Msg::counted(Counted::UnusualTags, unusual.len())
                .arg("file", file)
                .with("lines", Arg::List(unusual)),
        );
    }
    if layers > 1 {
        let name = if bioes { "BIOES/BILOU" } else { scheme.name() };
        warnings.push(
            Msg::counted(Counted::NestedLayers, layers)
                .arg("file", file)
                .arg("name", name),
        );
    }
    Ok(Decoded {
        documents,
        scheme,
        warnings,
    })
}

/// One document's text and spans; irregular starts are collected as
/// `line N (tag)`.
fn decode_document(
    doc: &TaggedDocument,
    layers: usize,
    scheme: TagScheme,
    irregular_lines: &mut Vec<Arg>,
) -> ImportedDocument {
    let (text, offsets) = join_tokens(
        doc.sentences
            .iter()
            .map(|s| s.iter().map(|t| t.token.as_str()).collect()),
    );
    let lines: Vec<usize> = doc.sentences.iter().flatten().map(|t| t.line).collect();
    let mut spans = Vec::new();
    for layer in 0..layers {
        for span in decode_layer(&layer_tags(doc, layer), scheme.is_iob1()) {
            let (Some(first), Some(last)) = (
                offsets.get(span.start),
                offsets.get(span.end.saturating_sub(1)),
            ) else {
                continue;
            };
            if let Some(tag) = &span.irregular {
                let line = lines.get(span.start).copied().unwrap_or(0);
                irregular_lines.push(line_tag(line, tag));
            }
            let note = span
                .irregular
                .as_deref()
                .filter(|_| !matches!(scheme, TagScheme::Bioes | TagScheme::Bilou))
                .map(irregular_note);
            spans.push(ImportedSpan {
                start: first.start(),
                end: last.end(),
                label: span.label,
                note,
                ..ImportedSpan::default()
            });
        }
    }
    dedupe_spans(&mut spans);
    ImportedDocument {
        name: doc.name.clone(),
        text,
        spans,
        done: false,
        source: None,
        ..ImportedDocument::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(line: &str) -> Vec<Tag<'_>> {
        line.split(' ')
            .map(|t| parse_tag(t).expect("tag"))
            .collect()
    }

    fn keys(spans: &[TokenSpan]) -> Vec<(usize, usize, &str)> {
        spans.iter().map(TokenSpan::key).collect()
    }

    #[test]
    fn parses_tags() {
        assert_eq!(parse_tag("O"), Some(Tag::Outside));
        assert_eq!(parse_tag("B-PER"), Some(Tag::Entity('B', "PER")));
        assert_eq!(parse_tag("U-MIS1`"), Some(Tag::Entity('U', "MIS1`")));
        for bad in ["", "B-", "X-PER", "BPER", "o", "SOCCERO", "B-a b"] {
            assert_eq!(parse_tag(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn decodes_every_scheme() {
        let iob2 = decode_layer(&[tags("B-X I-X B-X O I-Y")], false);
        assert_eq!(keys(&iob2), [(0, 2, "X"), (2, 3, "X"), (4, 5, "Y")]);
        assert_eq!(iob2[2].irregular.as_deref(), Some("I-Y"));
        let iob1 = decode_layer(&[tags("I-X I-X B-X O I-Y")], true);
        assert_eq!(keys(&iob1), [(0, 2, "X"), (2, 3, "X"), (4, 5, "Y")]);
        assert!(iob1.iter().all(|s| s.irregular.is_none()));
        let bioes = decode_layer(&[tags("B-X E-X S-X U-Y"), tags("B-Z L-Z")], false);
        assert_eq!(
            keys(&bioes),
            [(0, 2, "X"), (2, 3, "X"), (3, 4, "Y"), (4, 6, "Z")]
        );
    }

    #[test]
    fn entities_end_with_their_sentence() {
        let spans = decode_layer(&[tags("O B-X"), tags("I-X O")], false);
        assert_eq!(keys(&spans), [(1, 2, "X"), (2, 3, "X")]);
    }

    #[test]
    fn encodes_and_decodes_back_in_every_scheme() {
        let span = |start, end, label: &str| TokenSpan {
            start,
            end,
            label: label.into(),
            irregular: None,
        };
        let spans = [span(0, 2, "X"), span(2, 3, "X"), span(4, 5, "Y")];
        let expected = [
            (TagScheme::Iob2, "B-X I-X B-X O B-Y"),
            (TagScheme::Iob1, "I-X I-X B-X O I-Y"),
            (TagScheme::Bioes, "B-X E-X S-X O S-Y"),
            (TagScheme::Bilou, "B-X L-X U-X O U-Y"),
        ];
        for (scheme, line) in expected {
            let tags = encode_layer(&spans, 5, &[5], scheme);
            assert_eq!(tags.join(" "), line, "{scheme:?}");
            assert!(decodes_to(&tags, &spans, &[5], scheme));
        }
        let noted = TokenSpan {
            irregular: Some("I-Y".into()),
            ..span(4, 5, "Y")
        };
        let tags = encode_layer(std::slice::from_ref(&noted), 5, &[5], TagScheme::Iob2);
        assert_eq!(tags.join(" "), "O O O O I-Y");
        let tags = encode_layer(std::slice::from_ref(&noted), 5, &[5], TagScheme::Bioes);
        assert_eq!(tags.join(" "), "O O O O I-Y", "still decodes to the span");
        let two = TokenSpan {
            irregular: Some("I-Y".into()),
            ..span(3, 5, "Y")
        };
        let tags = encode_layer(&[span(2, 3, "Y"), two], 5, &[5], TagScheme::Iob2);
        assert_eq!(
            tags.join(" "),
            "O O B-Y B-Y I-Y",
            "I-Y would merge: dropped"
        );
    }

    #[test]
    fn scheme_choices_and_names() {
        assert_eq!(TagScheme::default(), TagScheme::AsImported);
        assert_eq!(TagScheme::AsImported.or(TagScheme::Bioes), TagScheme::Bioes);
        assert_eq!(
            TagScheme::AsImported.or(TagScheme::AsImported),
            TagScheme::Iob2
        );
        assert_eq!(TagScheme::Iob1.or(TagScheme::Bioes), TagScheme::Iob1);
        for scheme in TagScheme::CHOICES {
            assert_eq!(TagScheme::from_name(scheme.name()), Some(scheme));
        }
        assert_eq!(noted_tag(&irregular_note("I-PER")), Some("I-PER"));
        assert_eq!(noted_tag("CoNLL: began with I-PER"), None);
    }

    #[test]
    fn detects_the_scheme_of_a_file() {
        let doc = |tags: &[&str]| TaggedDocument {
            name: "d".into(),
            sentences: vec![
                tags.iter()
                    .map(|t| TaggedToken {
                        token: "w".into(),
                        tags: vec![(*t).to_owned()],
                        line: 1,
                    })
                    .collect(),
            ],
        };
        let scheme = |tags: &[&str]| {
            decode_documents("f", &[doc(tags)])
                .map(|d| d.scheme)
                .expect("decodes")
        };
        assert_eq!(scheme(&["B-X", "I-X", "O"]), TagScheme::Iob2);
        assert_eq!(scheme(&["I-X", "B-X", "O"]), TagScheme::Iob1);
        assert_eq!(scheme(&["S-X", "O"]), TagScheme::Bioes);
        assert_eq!(scheme(&["U-X", "O"]), TagScheme::Bilou);
        assert_eq!(scheme(&["O", "I-X"]), TagScheme::Iob1);
        assert_eq!(scheme(&["B-Y", "O", "I-X"]), TagScheme::Iob2);
    }
}
